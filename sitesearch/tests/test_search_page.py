"""The search page as a visitor sees it: results, highlights, filters, places, promotions,
bad input, freshness, and what is (not) stored about searches."""

import datetime
import logging

from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from sitesearch.models import QueryStat

from .helpers import reindex


@pytest.fixture
def site(hub, small_directory, home_page):
    absence = GuidancePageFactory(
        parent=hub,
        title="Problematisk skolfrånvaro",
        lead="Om ditt barn har hög skolfrånvaro finns det hjälp att få.",
        search_keywords="skolk, hemmasittare",
    )
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(
        parent=news_index,
        title="Nya föräldragrupper om skolfrånvaro",
        date=datetime.date(2026, 3, 9),
    )
    contact = StandardPageFactory(
        parent=home_page, title="Kontakta oss", lead="Ring eller mejla föräldrarådgivningen."
    )
    reindex()
    return {"absence": absence, "news": news, "contact": contact, **small_directory}


def get(client, **params):
    response = client.get(reverse("sitesearch:search"), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".search-result__title a")]


def test_the_search_page_lists_results_with_type_excerpt_marks_and_date(client, site):
    soup = get(client, q="skolfrånvaro")
    assert soup.h1.get_text(" ", strip=True).startswith("2 träffar för")
    found = titles(soup)
    assert set(found) == {"Problematisk skolfrånvaro", "Nya föräldragrupper om skolfrånvaro"}
    results = soup.select(".search-result")
    marks = [mark.get_text() for mark in soup.select(".search-result__excerpt mark")]
    assert "skolfrånvaro" in marks
    news = next(r for r in results if "föräldragrupper" in r.get_text())
    assert news.select_one(".search-result__type").get_text() == "Nyheter"
    assert news.time["datetime"].startswith("2026-03-09")
    # The results page is not for search engines.
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_keywords_find_the_page_and_are_not_shown(client, site):
    soup = get(client, q="hemmasittare")
    assert titles(soup) == ["Problematisk skolfrånvaro"]
    assert "hemmasittare" not in soup.select_one(".search-result__excerpt").get_text()


def test_the_type_filter_narrows_the_list(client, site):
    soup = get(client, q="skolfrånvaro", typ="aktuellt")
    assert titles(soup) == ["Nya föräldragrupper om skolfrånvaro"]
    current = soup.select_one(".search-filter__link[aria-current=page]")
    assert current.get_text() == "Nyheter"
    # An unknown type is ignored, not an error.
    assert len(titles(get(client, q="skolfrånvaro", typ="<script>"))) == 2


def test_pagination(client, hub, home_page):
    for number in range(13):
        GuidancePageFactory(parent=hub, title=f"Frånvaro {number}", lead="Om frånvaro.")
    reindex()
    first = get(client, q="frånvaro")
    assert len(titles(first)) == 10
    second = get(client, q="frånvaro", page=2)
    assert len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))


def test_a_school_name_leads_to_its_advisor_and_an_area_name_to_the_area_page(client, site):
    soup = get(client, q="vårbybackens skola")
    first = soup.select_one(".search-result__title a")
    assert first.get_text() == "Föräldrarådgivare på Vårbybackens skola"
    assert first["href"].endswith("?skola=varbybackens-skola#resultat")
    soup = get(client, q="kontakt Skogås")
    first = soup.select_one(".search-result__title a")
    assert first["href"].endswith("/skogas/")


def test_an_advisor_is_found_by_name_only_when_they_agreed_to_be_named(client, site):
    assert "Lina Berg" in titles(get(client, q="Lina Berg"))
    assert "Amina Farah" not in titles(get(client, q="Amina Farah"))
    # Unpublished advisors never appear.
    assert "Slutat Rådgivare" not in titles(get(client, q="Slutat Rådgivare"))


def test_a_promoted_page_comes_first_with_the_label_rekommenderat(client, site):
    query = Query.get("skolk")
    SearchPromotion.objects.create(
        query=query, page=site["contact"], sort_order=0, description="Ring oss direkt."
    )
    soup = get(client, q="Skolk")
    first = soup.select_one(".search-result")
    assert first.select_one(".search-result__title").get_text(strip=True) == "Kontakta oss"
    assert first.select_one(".search-result__promoted").get_text() == "Rekommenderat"
    assert "Ring oss direkt." in first.get_text()
    assert titles(soup).count("Kontakta oss") == 1


def test_a_misspelling_gets_menade_du(client, site):
    soup = get(client, q="skolfranvaro")
    suggestion = soup.select_one(".search-page__suggestion")
    assert suggestion.get_text(" ", strip=True) == "Menade du skolfrånvaro ?"
    assert "Problematisk skolfrånvaro" in titles(soup)


def test_no_results_says_so_and_offers_contact(client, site, directory):
    soup = get(client, q="xyzzyqwerty")
    assert titles(soup) == []
    assert "Vi hittade inget som matchar" in soup.get_text()
    assert soup.select_one(".search-page__help a[href^='tel:']")


BAD_INPUT = {
    "empty": "",
    "whitespace": "   \t  ",
    "ten-kilobytes": "skolfrånvaro " * 800,
    "punctuation": "?!.,;:-–—…",
    "tsquery-operators": "& | ! : * ( ) ' \" \\",
    "operators-with-words": "skolk & !frånvaro | (barn:*) 'x' \"y\" \\",
    "nul": "skol\x00frånvaro",
    "only-nul": "\x00",
    "emoji": "😀🙈👨‍👩‍👧",
    "rtl": "مدرسة ‮غياب",
    "sql": "'; DROP TABLE wagtailcore_page; --",
}


@pytest.mark.parametrize("name", BAD_INPUT)
def test_bad_input_gets_a_helpful_page_and_no_database_error(client, site, caplog, name):
    with caplog.at_level(logging.WARNING):
        soup = get(client, q=BAD_INPUT[name])
    text = soup.get_text(" ", strip=True)
    if name in {"empty", "whitespace", "only-nul"}:
        assert "Skriv ett eller några ord" in text
    elif name in {"punctuation", "tsquery-operators", "emoji"}:
        assert "Vi hittade inga ord att söka på" in text
    elif name == "ten-kilobytes":
        assert "Din sökning var mycket lång" in text
        assert "Problematisk skolfrånvaro" in titles(soup)
    elif name in {"operators-with-words", "nul"}:
        assert "Problematisk skolfrånvaro" in titles(soup)
    elif name == "rtl":
        assert soup.select_one(".search-page__query")["dir"] == "rtl"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("page", ["-1", "0", "abc", "%00", "99999"])
def test_any_page_number_gives_a_page(client, site, page):
    soup = get(client, q="skolfrånvaro", page=page)
    assert titles(soup)


def test_the_search_box_is_in_the_header_of_every_page(client, site):
    response = client.get(site["absence"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("header.site-header form[role=search]")
    assert form["action"] == "/sok/" and form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text() == "Sök på webbplatsen"


def test_unpublished_and_private_pages_never_appear(client, site):
    absence = site["absence"]
    absence.unpublish()
    assert "Problematisk skolfrånvaro" not in titles(get(client, q="skolfrånvaro"))
    news = site["news"]
    PageViewRestriction.objects.create(page=news, restriction_type="login")
    assert titles(get(client, q="skolfrånvaro")) == []


def test_publishing_and_editing_update_the_results_at_once(client, site, hub):
    page = GuidancePageFactory(
        parent=hub, title="Sommarlov", lead="Aktiviteter på lovet.", live=False
    )
    assert "Sommarlov" not in titles(get(client, q="sommarlov"))
    page.save_revision().publish()
    reindex()  # the word list; the test's transaction never commits
    assert "Sommarlov" in titles(get(client, q="sommarlov"))
    page.refresh_from_db()
    page.title = "Jullov"
    page.save_revision().publish()
    reindex()
    assert "Jullov" in titles(get(client, q="jullov"))
    assert titles(get(client, q="sommarlov")) == []
    page.refresh_from_db()
    page.unpublish()
    assert titles(get(client, q="jullov")) == []


def test_an_unpublished_advisor_disappears_at_once(client, site):
    lina = site["advisors"]["lina"]
    assert "Lina Berg" in titles(get(client, q="Lina Berg"))
    lina.live = False
    lina.save()
    assert "Lina Berg" not in titles(get(client, q="Lina Berg"))


def test_searches_are_counted_without_anything_personal(client, site):
    client.get(reverse("sitesearch:search"), {"q": "Skolk  070-123 45 67 anna@example.org"})
    client.get(reverse("sitesearch:search"), {"q": "skolk 070-123 45 67"})
    client.get(reverse("sitesearch:search"), {"q": "xyzzyqwerty"})
    # Paging and filtering do not count again.
    client.get(reverse("sitesearch:search"), {"q": "skolk", "page": "2"})
    stats = {stat.query: stat for stat in QueryStat.objects.all()}
    assert set(stats) == {"skolk", "xyzzyqwerty"}
    assert (stats["skolk"].searches, stats["skolk"].without_results) == (2, 0)
    assert (stats["xyzzyqwerty"].searches, stats["xyzzyqwerty"].without_results) == (1, 1)
    assert not client.cookies


def test_old_statistics_are_deleted(db, settings):
    settings.SEARCH_QUERY_RETENTION_DAYS = 90
    old = datetime.date.today() - datetime.timedelta(days=120)
    QueryStat.objects.create(day=old, query="gammal", searches=1)
    QueryStat.record("ny", found=True)
    assert list(QueryStat.objects.values_list("query", flat=True)) == ["ny"]


def test_suggestions_are_json(client, site):
    response = client.get(reverse("sitesearch:suggest"), {"q": "skolfr"})
    assert response.status_code == 200
    data = response.json()
    assert data["suggestions"][0]["title"] in {
        "Problematisk skolfrånvaro",
        "Nya föräldragrupper om skolfrånvaro",
    }
    assert data["suggestions"][0]["url"].startswith("/")
    for bad in ["", "a", "&|!", "\x00", "x" * 10_000]:
        response = client.get(reverse("sitesearch:suggest"), {"q": bad})
        assert response.status_code == 200
        assert isinstance(response.json()["suggestions"], list)


def test_suggestions_repeat_what_was_typed_without_markup(client, site):
    typed = "<x-hostile>skolfr&"
    response = client.get(reverse("sitesearch:suggest"), {"q": typed})
    assert response.status_code == 200
    assert b"<x-hostile>" not in response.content
    assert b"\\u003Cx-hostile\\u003E" in response.content
    assert response.json()["query"] == typed
