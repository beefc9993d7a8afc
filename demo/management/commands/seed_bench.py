"""`make bench` seeds a large site with this: on top of the demo site (`seed_demo --force`),
pages up to 10,000 in all (2,000 of them news articles), 200 advisors and 100 schools. Each
extra page exists in every language that has the demo's tree, as translations of one Swedish
page (a shared translation key). Rows are written in bulk, so the whole site takes about a
minute on two cores. A benchmark's data, not a test's; it refuses to run unless DEBUG is on or
--force is given, like seed_demo."""

import datetime
import math
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from advice.models import Advisor, GuidanceIndexPage, GuidancePage, Language, School
from demo.guard import refuse_in_production
from news.models import NewsIndexPage, NewsPage
from sitesearch import vocabulary
from taxonomy.models import Area

MARK = "bench-"
WORDS = [
    "barn",
    "föräldrar",
    "skolan",
    "frånvaro",
    "närvaro",
    "stöd",
    "socialtjänsten",
    "fritid",
    "familj",
    "umgänge",
    "oro",
    "kontakt",
    "möte",
    "mentor",
    "elevhälsa",
    "kurator",
    "samtal",
    "föräldragrupp",
    "kurs",
    "läxhjälp",
    "idrott",
    "lov",
    "sommarlov",
    "område",
    "Vårby",
    "Flemingsberg",
    "Skogås",
    "Huddinge",
    "tonåring",
    "konflikt",
    "gränser",
    "sömn",
    "mobil",
    "skärmtid",
    "kompisar",
    "mobbning",
    "hjälp",
]


class Command(BaseCommand):
    help = "Fyller på demowebbplatsen till en stor webbplats för `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true")
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--news", type=int, default=2_000)
        parser.add_argument("--advisors", type=int, default=200)
        parser.add_argument("--schools", type=int, default=100)

    def handle(self, *args, **options):
        refuse_in_production("seed_bench", "fyller databasen med testsidor", options["force"])
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL (set DATABASE_URL).")
        if not GuidanceIndexPage.objects.exists():
            raise CommandError("No demo site: run `manage.py seed_demo --force` first.")
        self.rng = random.Random(14)  # noqa: S311  (repeatable filler text)
        started = time.perf_counter()
        with transaction.atomic():
            schools = self.seed_schools(options["schools"])
            self.seed_advisors(options["advisors"], schools)
            news_needed = max(0, options["news"] - NewsPage.objects.count())
            news_groups = self.seed_pages(NewsIndexPage, NewsPage, news_needed)
            pages_needed = max(0, options["pages"] - (Page.objects.count() - 1))
            guidance_groups = self.seed_pages(GuidanceIndexPage, GuidancePage, pages_needed)
        created = news_groups + guidance_groups
        if created:
            self.index(created)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(
            f"{Page.objects.count() - 1} sidor ({NewsPage.objects.count()} nyheter), "
            f"{Advisor.objects.count()} rådgivare, {School.objects.count()} skolor, "
            f"{Locale.objects.count()} språk; {time.perf_counter() - started:.0f} s"
        )

    def words(self, count):
        return " ".join(self.rng.choices(WORDS, k=count))

    def seed_schools(self, target):
        areas = list(Area.objects.filter(locale__language_code="sv"))
        if not areas:
            raise CommandError("The demo site has no areas.")
        have = School.objects.count()
        School.objects.bulk_create(
            School(
                name=f"Testskola {number}",
                slug=f"{MARK}skola-{number}",
                area=areas[number % len(areas)],
            )
            for number in range(have, target)
        )
        return list(School.objects.filter(area__isnull=False))

    def seed_advisors(self, target, schools):
        have = Advisor.objects.count()
        if have >= target:
            return
        areas = list(Area.objects.filter(locale__language_code="sv"))
        languages = list(Language.objects.all())
        advisors = Advisor.objects.bulk_create(
            Advisor(
                name=f"Rådgivare {number}",
                show_identity=number % 2 == 0,
                phone=f"0701{number:06d}"[:10],
                email=f"radgivare{number}@example.org",
                live=True,
            )
            for number in range(have, target)
        )
        rows = {"areas": [], "schools": [], "languages": []}
        for number, advisor in enumerate(advisors):
            school = schools[number % len(schools)]
            rows["schools"].append(Advisor.schools.through(advisor=advisor, school=school))
            rows["areas"].append(
                Advisor.areas.through(advisor=advisor, area=school.area or areas[0])
            )
            if languages:
                language = languages[number % len(languages)]
                rows["languages"].append(
                    Advisor.languages.through(advisor=advisor, language=language)
                )
        for name, through_rows in rows.items():
            getattr(Advisor, name).through.objects.bulk_create(through_rows)

    def seed_pages(self, index_model, page_model, needed):
        """Create `needed` pages under the index page of every locale that has one; the
        copies of one page share a translation key. Returns the number of pages made."""
        parents = {}
        for parent in index_model.objects.order_by("path"):
            parents.setdefault(parent.locale_id, parent)
        if not parents or needed <= 0:
            return 0
        groups = math.ceil(needed / len(parents))
        content_type = ContentType.objects.get_for_model(page_model)
        now = timezone.now()
        today = datetime.date.today()
        keys = [uuid.uuid4() for _ in range(groups)]
        texts = [(self.words(3).capitalize(), self.words(30)) for _ in range(groups)]
        kind = page_model._meta.model_name
        made = 0
        for parent in parents.values():
            parent = Page.objects.get(pk=parent.pk)
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .first()
            )
            start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            bases = []
            for number in range(groups):
                title, _lead = texts[number]
                slug = f"{MARK}{kind}-{number}"
                bases.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(parent.path, parent.depth + 1, start + number),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        locale_id=parent.locale_id,
                        translation_key=keys[number],
                        first_published_at=now - datetime.timedelta(hours=number),
                        last_published_at=now - datetime.timedelta(hours=number),
                    )
                )
            Page.objects.bulk_create(bases, batch_size=1000)
            children = []
            for number, base in enumerate(bases):
                child = page_model(page_ptr_id=base.pk)
                child.__dict__.update(
                    {field.attname: getattr(base, field.attname) for field in Page._meta.fields}
                )
                child.lead = texts[number][1]
                child.updated_date = today - datetime.timedelta(days=number // 10)
                if page_model is NewsPage:
                    child.date = today - datetime.timedelta(days=number // 5)
                children.append(child)
            page_model._base_manager._insert(
                children, fields=list(page_model._meta.local_concrete_fields)
            )
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + groups)
            made += groups
        return made

    def index(self, created):
        backend = get_search_backend()
        for model in (NewsPage, GuidancePage):
            pages = list(model.objects.filter(slug__startswith=MARK))
            for start in range(0, len(pages), 2000):
                backend.get_index_for_model(model).add_items(model, pages[start : start + 2000])
        backend.get_index_for_model(School).add_items(
            School, list(School.objects.filter(slug__startswith=MARK))
        )
        backend.get_index_for_model(Advisor).add_items(
            Advisor, list(Advisor.objects.filter(email__startswith="radgivare"))
        )
        vocabulary.rebuild()
