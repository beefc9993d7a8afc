"""The demo site tells the truth about itself: pages count as published on the day their file
dates them (so the sitemap's lastmod and the feeds' times differ from page to page), the
concern prompt leads to a real page of the site, and the header names the organisation."""

import datetime
import re
import xml.etree.ElementTree as ET
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


# A demo built today is the one `demo_site` restores (seeded once per test process); only
# a demo built on another day is seeded here.
def seed(**options):
    call_command("seed_demo", force=True, stdout=StringIO(), **options)


def lastmods(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314  (our own sitemap)
    return {
        re.sub(r"^https?://[^/]+", "", url.findtext(f"{SITEMAP}loc")): url.findtext(
            f"{SITEMAP}lastmod"
        )
        for url in root.findall(f"{SITEMAP}url")
    }


@pytest.mark.django_db
def test_sitemap_dates_come_from_the_pages_not_from_the_day_of_the_seed(client):
    day = timezone.localdate() - datetime.timedelta(days=28)
    seed(today=day)
    dates = lastmods(client)
    # narvarotrappan.toml: updated_date = "-98d"; atta-foraldraradgivare.toml: 2025-02-10.
    assert dates["/foraldraradgivning/narvarotrappan/"].startswith(
        str(day - datetime.timedelta(days=98))
    )
    assert dates["/aktuellt/atta-foraldraradgivare/"].startswith("2025-02-10")
    page_dates = {
        value[:10] for path, value in dates.items() if "/hitta-foraldraradgivare/" not in path
    }
    assert len(page_dates) > 10
    # An area page: when its area was last saved (by the seed, today).
    Area = apps.get_model("taxonomy", "Area")
    varby = Area.objects.swedish().get(slug="varby")
    area_date = dates["/foraldraradgivning/hitta-foraldraradgivare/varby/"]
    assert area_date.startswith(str(timezone.localdate(varby.updated_at)))


def test_a_dated_page_counts_as_published_that_morning(client, demo_site):
    NewsPage = apps.get_model("news", "NewsPage")
    news = NewsPage.objects.get(slug="atta-foraldraradgivare")
    assert timezone.localtime(news.first_published_at) == timezone.make_aware(
        datetime.datetime(2022, 5, 25, 9, 0)
    )
    assert timezone.localtime(news.last_published_at) == timezone.make_aware(
        datetime.datetime(2025, 2, 10, 9, 0)
    )
    atom = client.get("/aktuellt/atom/").content.decode()
    assert "<published>2022-05-25T09:00:00+02:00</published>" in atom


def test_the_concern_prompt_leads_to_the_sites_own_guidance(client, demo_site):
    page = BeautifulSoup(
        client.get("/foraldraradgivning/stod-till-foraldrar-till-placerade-barn/").content,
        "html.parser",
    )
    prompt = page.find("p", class_="help-now__concern")
    href = prompt.a["href"]
    assert href == "/foraldraradgivning/sa-gor-du-en-orosanmalan/"
    guidance = BeautifulSoup(client.get(href).content, "html.parser")
    assert guidance.find("h1").get_text(strip=True) == "Så gör du en orosanmälan"
    # Not the first thing on the screen: the page's own help comes before it.
    main = page.find("main")
    text = main.get_text(" ", strip=True)
    assert text.index("Du har rätt till stöd") < text.index("Är du orolig för ett barn?")
    HelpNowSettings = apps.get_model("portal", "HelpNowSettings")
    assert HelpNowSettings.objects.get().concern_url == ""


def test_the_demo_header_names_the_organisation_with_its_logo(client, demo_site):
    header = BeautifulSoup(client.get("/").content, "html.parser").find("header")
    link = header.find("a", class_="site-org__link")
    assert link["href"] == "https://www.huddinge.se/"
    assert link.img["alt"] == "Huddinge kommuns logotyp"
    assert link.get_text(strip=True) == "Huddinge kommun, socialtjänsten"
