"""Topics, audiences and areas in other languages: Swedish entries are what pages, schools and
advisors refer to; a page in another language shows their translations; filters and listings
offer each entry once; names and slugs are unique within a language only."""

import json

from django.db import IntegrityError, transaction

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from taxonomy.models import Area, Topic
from taxonomy.tests.factories import AudienceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def translate(obj, locale, **fields):
    translated = obj.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


@pytest.fixture
def arabic():
    return Locale.objects.create(language_code="ar")


def test_new_entries_are_swedish_and_unique_within_a_language(arabic):
    topic = TopicFactory(name="Fritid", slug="fritid")
    assert topic.locale.language_code == "sv"
    # The translation keeps the slug: unique per language, not across languages.
    translate(topic, arabic, name="وقت الفراغ")
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.create(name="Fritid", slug="fritid")
    assert list(Topic.objects.swedish()) == [topic]


def test_a_page_in_another_language_shows_translated_topics_audiences_and_areas(
    client, hub, small_directory, arabic
):
    parents = [hub.get_parent().specific, hub]
    for parent in parents:
        parent.copy_for_translation(arabic).save_revision().publish()
    topic = TopicFactory(name="Fritid", slug="fritid")
    audience = AudienceFactory(name="Föräldrar", slug="foraldrar", label="För föräldrar")
    translate(topic, arabic, name="وقت الفراغ")
    translate(audience, arabic, name="الأهل", label="للأهل")
    page = GuidancePageFactory(parent=hub, title="Fritid", slug="fritid")
    page.topics.set([topic])
    page.audiences.set([audience])
    page.save_revision().publish()
    translated = page.copy_for_translation(arabic)
    translated.save_revision().publish()

    swedish = soup(client.get(page.url))
    assert "föräldrar" in swedish.select_one(".page-audience").get_text()
    arabic_page = soup(client.get(translated.url))
    assert "الأهل" in arabic_page.select_one(".page-audience").get_text()

    # The hub in Arabic offers each topic once, by its Arabic name.
    hub_ar = hub.get_translation(arabic)
    filter_links = soup(client.get(hub_ar.url)).select(".topic-filter a")
    names = [a.get_text(strip=True) for a in filter_links]
    assert names.count("وقت الفراغ") == 1
    assert "Fritid" not in names
    tags = [li.get_text(strip=True) for li in soup(client.get(hub_ar.url)).select(".card__tag")]
    assert tags == ["وقت الفراغ"]


def test_the_area_page_in_arabic_shows_the_translated_area_and_shares_the_rest(
    client, small_directory, arabic
):
    directory = small_directory["page"]
    for parent in [directory.get_parent().get_parent().specific, directory.get_parent().specific]:
        parent.copy_for_translation(arabic).save_revision().publish()
    directory_ar = directory.copy_for_translation(arabic)
    directory_ar.save_revision().publish()
    varby = small_directory["areas"]["varby"]
    varby.description = "Västra Huddinge."
    varby.email = "varby@example.org"
    varby.save()
    translate(varby, arabic, name="فوربي", description="غرب هودينغه.")

    page = soup(client.get(directory_ar.url + "varby/"))
    assert page.select_one("h1").get_text() == "مرشدو الأهل في فوربي"
    assert page.select_one(".lead").get_text() == "غرب هودينغه."
    assert page.select_one('a[href="mailto:varby@example.org"]')
    # The advisors and schools are the Swedish area's, each once.
    cards = page.select(".advisor-list > li")
    assert len(cards) == 2
    # The finder lists each area once, in Arabic where translated.
    finder = soup(client.get(directory_ar.url))
    area_links = [a.get_text(strip=True) for a in finder.select(".area-nav__list a")]
    assert area_links == ["فوربي", "Skogås"]


def test_listings_and_open_data_offer_each_area_once(client, small_directory, arabic):
    translate(small_directory["areas"]["varby"], arabic, name="فوربي")
    data = json.loads(client.get("/api/v1/areas/").content)
    assert len(data["items"]) == 2
    assert Area.objects.count() == 3
    assert Area.objects.swedish().count() == 2
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("/varby/") == 1
