"""The demo site: `seed_demo` builds it from demo/content/, every page renders, a second run
changes nothing in any table, and the dated content stays current."""

import datetime
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

STABLE_URLS = [
    "/",
    "/foraldraradgivning/",
    "/foraldraradgivning/hitta-foraldraradgivare/",
    "/aktuellt/",
    "/kalender/",
    "/kalender/foralder-pa-avstand-2027/",
]
# Our apps: every table of theirs is compared row by row, next to Wagtail's and Django's.
OUR_APPS = [
    "portal",
    "taxonomy",
    "home",
    "news",
    "advice",
    "events",
    "editorial",
    "feedback",
    "demo",
]


def seed(**options):
    output = StringIO()
    call_command("seed_demo", force=True, stdout=output, **options)
    return output.getvalue()


def database_rows():
    """Every row of every table (each model's), by model: our apps, Wagtail's pages,
    revisions, images, form submissions (the sign-ups), workflow states, log entries, search
    index and reference index, and Django's users, groups and permissions."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


@pytest.mark.django_db
def test_the_row_comparison_covers_our_apps_and_wagtails_content_tables():
    labels = set(database_rows())
    for app in OUR_APPS:
        assert any(label.startswith(f"{app}.") for label in labels), app
    assert {
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailcore.WorkflowState",
        "wagtailcore.PageLogEntry",
        "wagtailcore.ReferenceIndex",
        "wagtailimages.Image",
        "events.EventRegistration",
        "demo.DemoSeed",
    } <= labels


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing_in_any_table():
    seed()
    first = database_rows()
    output = seed()
    second = database_rows()
    changed = [label for label in first if first[label] != second[label]]
    assert not changed, changed
    assert "0 skapade, 0 uppdaterade" in output
    # The comparison saw content, sign-ups included.
    for label in [
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailimages.Image",
        "advice.Advisor",
        "taxonomy.Area",
        "events.EventFormField",
        "events.EventRegistration",
        "feedback.PageFeedback",
        "demo.DemoSeed",
    ]:
        assert first[label], label


@pytest.mark.django_db
def test_each_new_page_and_advisor_gets_one_revision():
    """Pages that link to pages built after them are created first and published once."""
    seed()
    for page in Page.objects.filter(depth__gt=1).specific():
        assert page.revisions.count() == 1, page.url
    for advisor in apps.get_model("advice", "Advisor").objects.all():
        assert advisor.revisions.count() == 1, advisor.name


# The tests that only read what a default run built take it from `demo_site` (seeded once
# per test process); those above and below run the seed themselves, as what they test.
def test_demo_site_has_the_content_the_service_needs(demo_site):
    Advisor = apps.get_model("advice", "Advisor")
    Area = apps.get_model("taxonomy", "Area")
    areas = Area.objects.swedish().order_by("sort_order")
    assert [area.name for area in areas] == ["Vårby", "Flemingsberg", "Centrala Huddinge", "Skogås"]
    for area in areas:
        assert area.advisors.filter(live=True).count() == 2, area.name
        assert area.schools.count() >= 3, area.name
    assert apps.get_model("news", "NewsPage").objects.live().count() >= 5
    guidance_slugs = set(
        apps.get_model("advice", "GuidancePage").objects.live().values_list("slug", flat=True)
    )
    assert {
        "problematisk-skolfranvaro",
        "narvarotrappan",
        "narvaroteamet",
        "en-meningsfull-fritid",
        "foraldraskapsstod",
        "stod-till-foraldrar-till-placerade-barn",
    } <= guidance_slugs
    # Demo people are fictional: phone numbers from PTS's fiction range, example.org e-mail.
    for advisor in Advisor.objects.all():
        digits = advisor.phone.replace(" ", "").replace("-", "")
        assert digits.startswith("07017406") and 5 <= int(digits[-2:]) <= 99, advisor.phone
        assert advisor.email.endswith("@example.org"), advisor.email
    # A few sign-ups for the course administrators' list, within the seats.
    EventRegistration = apps.get_model("events", "EventRegistration")
    course = apps.get_model("events", "EventPage").objects.get(slug="foralder-pa-avstand-2027")
    signups = EventRegistration.objects.filter(page=course)
    assert 0 < signups.count() <= course.seat_limit
    for signup in EventRegistration.objects.all():
        assert set(signup.form_data) == {
            f.clean_name for f in signup.page.specific.form_fields.all()
        }


def test_every_page_of_the_demo_site_renders_with_its_title(client, demo_site):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 20
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        h1 = BeautifulSoup(response.content, "html.parser").find("h1")
        assert h1.get_text(strip=True) == page.title, page.url


def test_stable_urls_and_machine_files_answer(client, demo_site):
    for url in STABLE_URLS:
        assert client.get(url).status_code == 200, url
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/foraldraradgivning/hitta-foraldraradgivare/</loc>" in sitemap.content
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert b"Sitemap: http://testserver/sitemap.xml" in robots.content
    assert client.get("/admin/").status_code == 302  # to the login page


def test_every_guidance_page_and_the_directory_is_reachable_from_the_navigation(client, demo_site):
    """Start page → main menu → hub → each guidance page and the advisor directory."""
    home = BeautifulSoup(client.get("/").content, "html.parser")
    menu = [a["href"] for a in home.find("nav", attrs={"aria-label": "Huvudmeny"}).find_all("a")]
    assert {"/foraldraradgivning/", "/aktuellt/", "/om-foraldraradgivningen/"} <= set(menu)
    # In the order the start page's file gives.
    assert menu.index("/foraldraradgivning/") < menu.index("/aktuellt/") < menu.index("/kalender/")
    hub = BeautifulSoup(client.get("/foraldraradgivning/").content, "html.parser")
    hub_links = {a["href"] for a in hub.find("main").find_all("a")}
    GuidancePage = apps.get_model("advice", "GuidancePage")
    for page in GuidancePage.objects.live().child_of(
        Page.objects.get(url_path="/start/foraldraradgivning/")
    ):
        assert page.url in hub_links, page.url
    assert "/foraldraradgivning/hitta-foraldraradgivare/" in hub_links
    footer = {a["href"] for a in home.find("footer").find_all("a")}
    assert {"/kontakt/", "/tillganglighetsredogorelse/", "/personuppgifter/"} <= footer


def test_every_demo_school_has_advisors_and_drop_in_and_every_search_finds_someone(
    client, demo_site
):
    School = apps.get_model("advice", "School")
    Language = apps.get_model("advice", "Language")
    for school in School.objects.all():
        assert school.advisors.filter(live=True).exists(), school.name
        assert school.drop_ins.filter(advisor__live=True).exists(), school.name
    finder = "/foraldraradgivning/hitta-foraldraradgivare/"
    searches = [f"skola={s.slug}" for s in School.objects.all()]
    searches += [f"sprak={code}" for code in Language.objects.values_list("code", flat=True)]
    for query in searches:
        html = BeautifulSoup(client.get(f"{finder}?{query}").content, "html.parser")
        assert html.find(class_="advisor-card") is not None, query


# Dates relative to the day the demo counts from


def event(slug):
    return apps.get_model("events", "EventPage").objects.get(slug=slug)


@pytest.mark.django_db
def test_the_start_page_never_advertises_a_sign_up_that_has_closed(client):
    """Even when the demo was built six days ago, the most a run keeps its dates: the calendar
    has coming events, and every sign-up the start page shows or its featured news link to is
    still open."""
    seed(today=timezone.localdate() - datetime.timedelta(days=6))
    response = client.get("/")
    upcoming = response.context["upcoming_events"]
    assert len(upcoming) >= 3
    for item in upcoming:
        if item.registration_enabled:
            assert item.registration_open(), item.slug
    featured = response.context["featured_news"]
    assert featured
    linked_events = []
    for news in featured:
        main = BeautifulSoup(client.get(news.url).content, "html.parser").find("main")
        linked_events += [
            a["href"].split("/")[2]
            for a in main.find_all("a", href=True)
            if a["href"].startswith("/kalender/") and a["href"].count("/") == 3
        ]
    assert linked_events, "the featured news advertise a sign-up"
    for slug in linked_events:
        assert event(slug).registration_open(), slug


@pytest.mark.django_db
def test_relative_dates_count_from_the_day_of_the_seed():
    day = datetime.date(2027, 3, 1)  # a Monday
    seed(today=day)
    group = event("foraldragrupp-skolfranvaro-flemingsberg-2027")
    # "+21d torsdag 17:30": the first Thursday on or after 22 March 2027.
    assert timezone.localtime(group.start) == timezone.make_aware(
        datetime.datetime(2027, 3, 25, 17, 30)
    )
    assert timezone.localtime(group.registration_closes_at).date() == day + datetime.timedelta(
        days=14
    )
    news = apps.get_model("news", "NewsPage").objects.get(
        slug="nya-foraldragrupper-om-skolfranvaro"
    )
    assert news.date == day - datetime.timedelta(days=5)
    text = str(news.body)
    assert "från den 25 mars" in text
    assert "anmäla sig är den 15 mars" in text
    # History keeps its own dates.
    assert event("barnrattsdagarna-2022").start.year == 2022


@pytest.mark.django_db
def test_a_run_within_a_week_keeps_the_dates_and_a_later_run_moves_them():
    today = timezone.localdate()
    seed(today=today - datetime.timedelta(days=6))
    start = event("foralder-pa-avstand-2027").start
    first = database_rows()
    output = seed()
    assert database_rows() == first
    assert "0 skapade, 0 uppdaterade" in output

    seed(today=today - datetime.timedelta(days=7))
    start = event("foralder-pa-avstand-2027").start
    output = seed()  # a week old: the dates move to count from today
    assert "Uppdaterade evenemang: Förälder på avstånd" in output
    assert event("foralder-pa-avstand-2027").start - start == datetime.timedelta(days=7)
    assert apps.get_model("demo", "DemoSeed").objects.get().anchor == today
    assert "0 skapade, 0 uppdaterade" in seed()
