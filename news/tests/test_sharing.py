"""What a shared link shows (Open Graph and Twitter cards) on a news page, another page and the
404 page, and the NewsArticle structured data of a news page."""

import datetime
import json

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsPageFactory
from portal.models import ContactSettings


def head(response):
    return BeautifulSoup(response.content, "html.parser").head


def meta(response):
    """Open Graph (property=) and Twitter (name=) meta of the page, by name."""
    found = {}
    for tag in head(response).find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and (key.startswith(("og:", "twitter:", "article:"))):
            assert key not in found, f"{key} twice"
            found[key] = tag["content"]
    return found


def json_ld(response):
    scripts = head(response).find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


@pytest.fixture
def organisation(home_page):
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Huddinge kommun, socialtjänsten"
    settings.save()
    return settings


@pytest.fixture
def article(news_index, image, organisation):
    return NewsPageFactory(
        parent=news_index,
        title="Läslustdag i Vårby",
        slug="laslustdag",
        date=datetime.date(2026, 4, 23),
        updated_date=datetime.date(2026, 5, 2),
        lead="Barn och föräldrar läste tillsammans & fick boktips.",
        image=image,
    )


@pytest.mark.django_db
def test_a_news_page_shares_as_an_article_with_a_large_image(client, article):
    tags = meta(client.get(article.url))
    image_url = tags.pop("og:image")
    assert image_url.startswith("http://testserver/media/images/")
    assert ".fill-1200x630" in image_url
    assert tags == {
        "og:type": "article",
        "og:title": "Läslustdag i Vårby",
        "og:description": "Barn och föräldrar läste tillsammans & fick boktips.",
        "og:url": "http://testserver/aktuellt/laslustdag/",
        "og:site_name": "Föräldrarådgivning",
        "og:locale": "sv_SE",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": "Barn läser på skolgården",
        "article:published_time": "2026-04-23T00:00:00+02:00",
        "twitter:card": "summary_large_image",
        "twitter:title": "Läslustdag i Vårby",
        "twitter:description": "Barn och föräldrar läste tillsammans & fick boktips.",
        "twitter:image": image_url,
        "twitter:image:alt": "Barn läser på skolgården",
    }


@pytest.mark.django_db
def test_the_og_url_is_the_canonical_url(client, article):
    response = client.get(article.url)
    canonical = head(response).find("link", rel="canonical")["href"]
    assert meta(response)["og:url"] == canonical


@pytest.mark.django_db
def test_the_search_description_wins_over_the_lead(client, article):
    article.search_description = "Kort beskrivning för sökmotorer."
    article.save_revision().publish()
    assert meta(client.get(article.url))["og:description"] == "Kort beskrivning för sökmotorer."


@pytest.mark.django_db
def test_a_standard_page_shares_as_a_website_with_a_small_card(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Om föräldrarådgivningen",
        slug="om",
        lead="Vi finns på ditt barns skola.",
    )
    assert meta(client.get(page.url)) == {
        "og:type": "website",
        "og:title": "Om föräldrarådgivningen",
        "og:description": "Vi finns på ditt barns skola.",
        "og:url": "http://testserver/om/",
        "og:site_name": "Föräldrarådgivning",
        "og:locale": "sv_SE",
        "twitter:card": "summary",
        "twitter:title": "Om föräldrarådgivningen",
        "twitter:description": "Vi finns på ditt barns skola.",
    }


@pytest.mark.django_db
def test_rich_text_introductions_are_shared_as_plain_text(client, home_page):
    home_page.intro = (
        "<p>Föräldrarådgivarna finns <b>på skolan</b> &amp; i <i>hela</i> kommunen.</p>"
    )
    home_page.save_revision().publish()
    tags = meta(client.get("/"))
    assert tags["og:description"] == "Föräldrarådgivarna finns på skolan & i hela kommunen."
    assert tags["og:url"] == "http://testserver/"


@pytest.mark.django_db
def test_the_404_page_has_site_wide_sharing_meta(client, home_page):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert meta(response) == {
        "og:type": "website",
        "og:title": "Föräldrarådgivning",
        "og:site_name": "Föräldrarådgivning",
        "og:locale": "sv_SE",
        "twitter:card": "summary",
        "twitter:title": "Föräldrarådgivning",
    }


@pytest.mark.django_db
def test_a_news_page_has_news_article_structured_data(client, article):
    response = client.get(article.url)
    [data] = json_ld(response)
    organisation = {
        "@type": "GovernmentOrganization",
        "name": "Huddinge kommun, socialtjänsten",
        "url": "http://testserver/",
    }
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Läslustdag i Vårby",
        "description": "Barn och föräldrar läste tillsammans & fick boktips.",
        "datePublished": "2026-04-23T00:00:00+02:00",
        "dateModified": "2026-05-02T00:00:00+02:00",
        "inLanguage": "sv",
        "author": organisation,
        "publisher": organisation,
        "mainEntityOfPage": "http://testserver/aktuellt/laslustdag/",
        "url": "http://testserver/aktuellt/laslustdag/",
        "image": [meta(response)["og:image"]],
    }


@pytest.mark.django_db
def test_news_without_image_or_update_has_structured_data_without_them(client, news_index):
    page = NewsPageFactory(
        parent=news_index, date=datetime.date(2026, 2, 1), updated_date=None, image=None
    )
    [data] = json_ld(client.get(page.url))
    assert "image" not in data
    assert data["dateModified"] == data["datePublished"] == "2026-02-01T00:00:00+01:00"
    # Without an organisation in the contact settings, the site's name is the publisher.
    assert data["publisher"]["name"] == "Föräldrarådgivning"


@pytest.mark.django_db
def test_structured_data_cannot_be_broken_out_of_by_page_text(client, news_index):
    page = NewsPageFactory(parent=news_index, title="</script><script>alert(1)</script>")
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    [data] = json_ld(response)
    assert data["headline"] == "</script><script>alert(1)</script>"
