"""The demo site: `seed_demo` builds it, every page renders, a second run changes nothing."""

from io import StringIO

from django.apps import apps
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest
from bs4 import BeautifulSoup

STABLE_URLS = [
    "/",
    "/foraldraradgivning/",
    "/foraldraradgivning/hitta-foraldraradgivare/",
    "/aktuellt/",
]


def seed():
    call_command("seed_demo", stdout=StringIO())


def content_counts():
    """Rows in every table of our apps and Wagtail's content tables."""
    counts = {
        model._meta.label: model.objects.count()
        for app in ("portal", "home", "news", "advice")
        for model in apps.get_app_config(app).get_models()
    }
    counts["pages"] = Page.objects.count()
    counts["revisions"] = Revision.objects.count()
    counts["images"] = get_image_model().objects.count()
    return counts


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing():
    seed()
    first = content_counts()
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert content_counts() == first
    assert "0 skapade, 0 uppdaterade" in output.getvalue()


@pytest.mark.django_db
def test_demo_site_has_the_content_the_service_needs():
    seed()
    Advisor = apps.get_model("advice", "Advisor")
    Area = apps.get_model("advice", "Area")
    areas = Area.objects.order_by("sort_order")
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


@pytest.mark.django_db
def test_every_page_of_the_demo_site_renders_with_its_title(client):
    seed()
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 20
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        h1 = BeautifulSoup(response.content, "html.parser").find("h1")
        assert h1.get_text(strip=True) == page.title, page.url


@pytest.mark.django_db
def test_stable_urls_and_machine_files_answer(client):
    seed()
    for url in STABLE_URLS:
        assert client.get(url).status_code == 200, url
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/foraldraradgivning/hitta-foraldraradgivare/</loc>" in sitemap.content
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert b"Sitemap: http://testserver/sitemap.xml" in robots.content
    assert client.get("/admin/").status_code == 302  # to the login page


@pytest.mark.django_db
def test_every_guidance_page_and_the_directory_is_reachable_from_the_navigation(client):
    """Start page → main menu → hub → each guidance page and the advisor directory."""
    seed()
    home = BeautifulSoup(client.get("/").content, "html.parser")
    menu = {a["href"] for a in home.find("nav", attrs={"aria-label": "Huvudmeny"}).find_all("a")}
    assert {"/foraldraradgivning/", "/aktuellt/", "/om-foraldraradgivningen/"} <= menu
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


@pytest.mark.django_db
def test_every_demo_school_has_advisors_and_drop_in_and_every_search_finds_someone(client):
    seed()
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
