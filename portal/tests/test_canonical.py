"""What search engines read: every page, routable sub-pages included, is canonical to its own
address (rel=canonical, og:url and its structured data agree), the sitemap dates each page by
its last publication and each area page by its area's last change, and every page with
breadcrumbs repeats them as schema.org BreadcrumbList."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

from django.utils import timezone

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from taxonomy.models import Area

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
AREA = "http://testserver/foraldraradgivning/hitta-foraldraradgivare/varby/"


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def canonical(html):
    links = html.head.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def og(html, name):
    return html.head.find("meta", property=f"og:{name}")["content"]


def structured_data(html, schema_type):
    """The JSON-LD blocks of the page (head and body) of one schema.org type."""
    found = [
        json.loads(script.string) for script in html.find_all("script", type="application/ld+json")
    ]
    return [data for data in found if data.get("@type") == schema_type]


@pytest.mark.django_db
def test_an_area_page_is_canonical_to_itself(client, small_directory):
    html = read(client, "/foraldraradgivning/hitta-foraldraradgivare/varby/")
    assert canonical(html) == AREA
    assert og(html, "url") == AREA
    assert og(html, "title") == "Föräldrarådgivare i Vårby"
    [service] = structured_data(html, "GovernmentService")
    assert service["url"] == AREA
    assert [area["name"] for area in service["areaServed"]] == ["Vårby"]


@pytest.mark.django_db
def test_the_finder_stays_canonical_to_itself_whatever_the_search(client, small_directory):
    finder = "http://testserver/foraldraradgivning/hitta-foraldraradgivare/"
    html = read(client, "/foraldraradgivning/hitta-foraldraradgivare/?omrade=varby&sprak=ar")
    assert canonical(html) == finder
    assert og(html, "url") == finder
    [service] = structured_data(html, "GovernmentService")
    assert service["url"] == finder


@pytest.fixture
def calendar(home_page):
    calendar = EventIndexPageFactory(parent=home_page, show_in_menus=True)
    start = timezone.now() - datetime.timedelta(days=30)
    EventPageFactory(
        parent=calendar, title="Förra månaden", start=start, end=start + datetime.timedelta(hours=2)
    )
    return calendar


@pytest.mark.django_db
def test_the_past_events_page_is_canonical_to_itself(client, calendar):
    html = read(client, "/kalender/tidigare/")
    assert canonical(html) == "http://testserver/kalender/tidigare/"
    assert og(html, "url") == "http://testserver/kalender/tidigare/"
    assert og(html, "title") == "Tidigare evenemang"
    coming = read(client, "/kalender/")
    assert canonical(coming) == "http://testserver/kalender/"


@pytest.mark.django_db
def test_ordinary_pages_keep_their_own_canonical_address(client, hub):
    page = GuidancePageFactory(parent=hub, title="Närvarotrappan", slug="narvarotrappan")
    html = read(client, page.url)
    assert canonical(html) == "http://testserver/foraldraradgivning/narvarotrappan/"
    assert og(html, "url") == canonical(html)


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314  (the site's own sitemap)
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }


@pytest.mark.django_db
def test_sitemap_lastmod_is_each_pages_last_publication(client, hub):
    older = GuidancePageFactory(parent=hub, title="Äldre", slug="aldre")
    newer = GuidancePageFactory(parent=hub, title="Nyare", slug="nyare")
    Page.objects.filter(pk=older.pk).update(
        last_published_at=datetime.datetime(2025, 3, 4, 9, 0, tzinfo=datetime.UTC)
    )
    Page.objects.filter(pk=newer.pk).update(
        last_published_at=datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)
    )
    entries = sitemap_entries(client)
    assert entries["http://testserver/foraldraradgivning/aldre/"].startswith("2025-03-04")
    assert entries["http://testserver/foraldraradgivning/nyare/"].startswith("2026-10-01")


@pytest.mark.django_db
def test_an_area_pages_lastmod_is_its_areas_last_change(client, small_directory):
    directory = small_directory["page"]
    Page.objects.filter(pk=directory.pk).update(
        last_published_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
    )
    Area.objects.filter(slug="varby").update(
        updated_at=datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
    )
    Area.objects.filter(slug="skogas").update(
        updated_at=datetime.datetime(2026, 2, 2, 12, 0, tzinfo=datetime.UTC)
    )
    entries = sitemap_entries(client)
    finder = "http://testserver/foraldraradgivning/hitta-foraldraradgivare/"
    assert entries[finder].startswith("2026-01-05")
    assert entries[f"{finder}varby/"].startswith("2026-06-01")
    assert entries[f"{finder}skogas/"].startswith("2026-02-02")


@pytest.mark.django_db
def test_saving_an_area_moves_its_lastmod(small_directory):
    varby = small_directory["areas"]["varby"]
    Area.objects.filter(pk=varby.pk).update(
        updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    varby.refresh_from_db()
    varby.opening_hours = "Måndag–fredag 8.30–16.00"
    varby.save()
    varby.refresh_from_db()
    assert timezone.now() - varby.updated_at < datetime.timedelta(minutes=1)


def breadcrumb_list(html):
    """The BreadcrumbList as (name, address) pairs, checked against the visible trail."""
    [data] = structured_data(html, "BreadcrumbList")
    assert data["@context"] == "https://schema.org"
    items = data["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["@type"] == "ListItem" for item in items)
    visible = html.find("nav", attrs={"aria-label": "Länkstig"}).find_all("li")
    assert [item["name"] for item in items] == [li.get_text(strip=True) for li in visible]
    return [(item["name"], item["item"]) for item in items]


@pytest.mark.django_db
def test_a_page_with_breadcrumbs_has_breadcrumb_list_structured_data(client, hub):
    page = GuidancePageFactory(parent=hub, title="Närvarotrappan", slug="narvarotrappan")
    assert breadcrumb_list(read(client, page.url)) == [
        ("Start", "http://testserver/"),
        ("Föräldrarådgivning", "http://testserver/foraldraradgivning/"),
        ("Närvarotrappan", "http://testserver/foraldraradgivning/narvarotrappan/"),
    ]


@pytest.mark.django_db
def test_a_routable_sub_page_ends_its_breadcrumb_list_at_its_own_address(client, small_directory):
    assert breadcrumb_list(read(client, "/foraldraradgivning/hitta-foraldraradgivare/varby/")) == [
        ("Start", "http://testserver/"),
        ("Föräldrarådgivning", "http://testserver/foraldraradgivning/"),
        (
            "Hitta din föräldrarådgivare",
            "http://testserver/foraldraradgivning/hitta-foraldraradgivare/",
        ),
        ("Vårby", AREA),
    ]


@pytest.mark.django_db
def test_the_past_events_have_a_breadcrumb_list_too(client, calendar):
    assert breadcrumb_list(read(client, "/kalender/tidigare/"))[-2:] == [
        ("Kalender", "http://testserver/kalender/"),
        ("Tidigare evenemang", "http://testserver/kalender/tidigare/"),
    ]


@pytest.mark.django_db
def test_the_start_page_has_neither_breadcrumbs_nor_a_breadcrumb_list(client, hub):
    html = read(client, "/")
    assert html.find("nav", attrs={"aria-label": "Länkstig"}) is None
    assert structured_data(html, "BreadcrumbList") == []


@pytest.mark.django_db
def test_breadcrumb_structured_data_cannot_close_its_script_element(client, hub):
    page = GuidancePageFactory(parent=hub, title="Om </script><b>taggar</b>", slug="taggar")
    body = client.get(page.url).content.decode()
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', body[body.index("<body") :], re.S
    )
    assert "</" not in block.group(1)
    assert breadcrumb_list(read(client, page.url))[-1][0] == "Om </script><b>taggar</b>"
