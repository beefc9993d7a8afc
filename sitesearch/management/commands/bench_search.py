"""`make bench-search`: adds 10,000 guidance pages to the site (in a transaction that is rolled
back at the end), then times the relevance set's queries. A benchmark, not a test."""

import random
import statistics
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from advice.models import GuidanceIndexPage, GuidancePage
from sitesearch import engine, expansion, places, relevance, vocabulary
from sitesearch.text import parse

WORDS = [
    "barn",
    "förälder",
    "föräldrar",
    "skola",
    "skolan",
    "skolfrånvaro",
    "frånvaro",
    "närvaro",
    "närvarotrappan",
    "stöd",
    "socialtjänsten",
    "fritid",
    "familj",
    "familjehem",
    "umgänge",
    "placering",
    "oro",
    "orosanmälan",
    "kontakt",
    "möte",
    "mentor",
    "elevhälsa",
    "kurator",
    "samtal",
    "grupp",
    "föräldragrupp",
    "kurs",
    "utbildning",
    "läxhjälp",
    "idrott",
    "mellanmål",
    "lov",
    "sommarlov",
    "höst",
    "vår",
    "område",
    "Vårby",
    "Flemingsberg",
    "Skogås",
    "Huddinge",
    "tonåring",
    "konflikt",
    "bråk",
    "gränser",
    "sömn",
    "mobil",
    "skärmtid",
    "kompisar",
    "mobbning",
    "ångest",
    "nedstämdhet",
    "hjälp",
]


TABLES = ("wagtailcore_page", "wagtailsearch_indexentry", "sitesearch_word")


class Command(BaseCommand):
    help = "Seed 10,000 pages (rolled back afterwards) and time the relevance set's queries."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=3)

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL (set DATABASE_URL).")
        hub = GuidanceIndexPage.objects.first()
        if hub is None:
            raise CommandError("No demo site: run `manage.py seed_demo --force` first.")
        # Each run leaves its 10,000 rolled-back rows behind as dead tuples until autovacuum
        # comes; without this, every run reads the previous runs' rows too (100,000 dead
        # index entries, 80 MB, were measured after a few runs) and is slower than the last.
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"VACUUM ANALYZE {table}")
        with transaction.atomic():
            started = time.perf_counter()
            self.seed(hub, options["pages"])
            self.stdout.write(
                f"{options['pages']} sidor skapade och indexerade på "
                f"{time.perf_counter() - started:.0f} s"
            )
            self.measure(options["rounds"])
            transaction.set_rollback(True)

    def seed(self, hub, count):
        rng = random.Random(11)  # noqa: S311  (repeatable filler text)
        content_type = ContentType.objects.get_for_model(GuidancePage)
        now = timezone.now()
        hub = Page.objects.get(pk=hub.pk)
        start = hub.numchild + 1000
        bases = []
        for number in range(count):
            slug = f"bench-{number}"
            title = " ".join(rng.sample(WORDS, 3)).capitalize()
            bases.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(hub.path, hub.depth + 1, start + number),
                    depth=hub.depth + 1,
                    numchild=0,
                    url_path=f"{hub.url_path}{slug}/",
                    live=True,
                    locale_id=hub.locale_id,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        Page.objects.bulk_create(bases, batch_size=1000)
        children = []
        for base in bases:
            child = GuidancePage(page_ptr_id=base.pk)
            child.__dict__.update({f.attname: getattr(base, f.attname) for f in Page._meta.fields})
            child.lead = " ".join(rng.choices(WORDS, k=25))
            children.append(child)
        fields = list(GuidancePage._meta.local_concrete_fields)
        GuidancePage._base_manager._insert(children, fields=fields)
        Page.objects.filter(pk=hub.pk).update(numchild=hub.numchild + count)
        backend = get_search_backend()
        batch = GuidancePage.objects.filter(slug__startswith="bench-")
        backend.get_index_for_model(GuidancePage).add_items(GuidancePage, list(batch))
        vocabulary.rebuild()
        # Fresh planner statistics and GIN indexes without a pending list, as autovacuum
        # would leave them on a real site (new entries wait in a GIN index's pending list,
        # which every search then reads in full, until autovacuum merges them; ANALYZE in a
        # transaction does not).
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"ANALYZE {table}")
            cursor.execute(
                "SELECT gin_clean_pending_list(indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE a.amname = 'gin' AND i.indrelid = %s::regclass",
                ["wagtailsearch_indexentry"],
            )

    def measure(self, rounds):
        queries = [case["query"] for case in relevance.cases()]
        for query in queries:  # warm the connection's dictionaries and caches
            engine.search(parse(query))
        timings = []
        slowest = {}
        phases = {"ordord": [], "platser": [], "sökning": [], "utdrag": []}
        for _round in range(rounds):
            for query in queries:
                started = time.perf_counter()
                outcome = engine.search(parse(query))
                searched = time.perf_counter()
                engine.load(outcome.items[:10], outcome)
                elapsed = (time.perf_counter() - started) * 1000
                timings.append(elapsed)
                slowest[query] = max(elapsed, slowest.get(query, 0))
                phases["sökning"].append((searched - started) * 1000)
                phases["utdrag"].append(elapsed - (searched - started) * 1000)
                # The parts of the search, timed again on their own.
                parsed = parse(query)
                phases["ordord"].append(_timed(expansion.expand, parsed.words))
                phases["platser"].append(_timed(places.find, parsed))
        timings.sort()
        self.stdout.write(
            f"{len(queries)} sökningar x {rounds} varv: "
            f"median {statistics.median(timings):.1f} ms, "
            f"95:e percentilen {_p95(timings):.1f} ms, max {timings[-1]:.1f} ms"
        )
        self.stdout.write(
            "Delar (median / 95:e percentilen): "
            + ", ".join(
                f"{name} {statistics.median(values):.1f} / {_p95(values):.1f} ms"
                for name, values in phases.items()
            )
            + " (sökning: ordord, platser och rangordning; utdrag: sidorna och utdragen)"
        )
        worst = sorted(slowest.items(), key=lambda item: -item[1])[:3]
        self.stdout.write("Långsammast: " + ", ".join(f"{q!r} {ms:.0f} ms" for q, ms in worst))


def _timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def _p95(values):
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)]
