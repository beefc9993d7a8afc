"""A news page: its topics link to the filtered archive, its areas are named, "Fler nyheter"
offers related news, and editors tag and preview news in the admin."""

import datetime

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from news.models import NewsPage
from news.tests.factories import NewsPageFactory, news_form_data
from taxonomy.tests.factories import AreaFactory, TopicFactory


def main(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main


def related_titles(response):
    section = main(response).find("section", attrs={"aria-labelledby": "more-news-heading"})
    if section is None:
        return []
    assert section.find("h2").get_text(strip=True) == "Fler nyheter"
    return [h.get_text(strip=True) for h in section.find_all(class_="card__title")]


@pytest.fixture
def topics(db):
    return {
        "absence": TopicFactory(name="Skolfrånvaro", slug="skolfranvaro", sort_order=0),
        "leisure": TopicFactory(name="Fritid", slug="fritid", sort_order=1),
        "parenting": TopicFactory(name="Föräldraskap", slug="foraldraskap", sort_order=2),
    }


@pytest.mark.django_db
def test_a_news_page_links_its_topics_to_the_filtered_archive_and_names_its_areas(
    client, news_index, topics
):
    varby = AreaFactory(name="Vårby", slug="varby", sort_order=0)
    skogas = AreaFactory(name="Skogås", slug="skogas", sort_order=1)
    page = NewsPageFactory(
        parent=news_index,
        topics=[topics["leisure"], topics["absence"]],
        areas=[skogas, varby],
    )
    tags = main(client.get(page.url)).find("dl", class_="news-tags")
    groups = {
        group.find("dt").get_text(strip=True): [
            (a.get_text(strip=True), a["href"]) for a in group.find("dd").find_all("a")
        ]
        for group in tags.find_all("div")
    }
    assert groups == {
        "Ämnen": [
            ("Skolfrånvaro", "/aktuellt/?amne=skolfranvaro"),
            ("Fritid", "/aktuellt/?amne=fritid"),
        ],
        "Områden": [("Vårby", "/aktuellt/?omrade=varby"), ("Skogås", "/aktuellt/?omrade=skogas")],
    }
    # The links lead to the archive filtered on that topic.
    archive = main(client.get("/aktuellt/?amne=fritid"))
    assert archive.find(class_="news-archive__summary").get_text(strip=True) == (
        "Nyheter om Fritid, 1 nyhet"
    )


@pytest.mark.django_db
def test_one_topic_and_one_area_are_named_in_the_singular(client, news_index, topics):
    page = NewsPageFactory(
        parent=news_index, topics=[topics["absence"]], areas=[AreaFactory(name="Vårby")]
    )
    terms = [dt.get_text(strip=True) for dt in main(client.get(page.url)).find_all("dt")]
    assert terms == ["Ämne", "Område"]


@pytest.mark.django_db
def test_a_news_page_without_topics_or_areas_shows_no_empty_list(client, news_index):
    page = NewsPageFactory(parent=news_index)
    assert main(client.get(page.url)).find("dl", class_="news-tags") is None


@pytest.mark.django_db
def test_more_news_are_the_latest_sharing_a_topic(client, news_index, topics):
    def news(title, day, *tagged, **kwargs):
        return NewsPageFactory(
            parent=news_index,
            title=title,
            date=datetime.date(2026, 3, day),
            topics=[topics[name] for name in tagged],
            **kwargs,
        )

    page = news("Sidan", 10, "absence", "leisure")
    news("Frånvaro äldst", 1, "absence")
    news("Fritid", 2, "leisure")
    news("Frånvaro ny", 8, "absence")
    news("Frånvaro nyast", 9, "absence", "leisure")
    news("Föräldraskap nyast av alla", 20, "parenting")
    news("Frånvaro utkast", 15, "absence", live=False)
    assert related_titles(client.get(page.url)) == ["Frånvaro nyast", "Frånvaro ny", "Fritid"]


@pytest.mark.django_db
def test_more_news_are_topped_up_with_the_latest_others(client, news_index, topics):
    page = NewsPageFactory(
        parent=news_index,
        title="Sidan",
        date=datetime.date(2026, 3, 10),
        topics=[topics["leisure"]],
    )
    NewsPageFactory(parent=news_index, title="Annat 1", date=datetime.date(2026, 3, 1))
    NewsPageFactory(parent=news_index, title="Annat 2", date=datetime.date(2026, 3, 2))
    NewsPageFactory(parent=news_index, title="Annat 3", date=datetime.date(2026, 3, 3))
    NewsPageFactory(
        parent=news_index,
        title="Fritid gammal",
        date=datetime.date(2020, 1, 1),
        topics=[topics["leisure"]],
    )
    assert related_titles(client.get(page.url)) == ["Fritid gammal", "Annat 3", "Annat 2"]


@pytest.mark.django_db
def test_news_without_topics_offer_the_latest_news(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Sidan", date=datetime.date(2026, 3, 10))
    for day in range(1, 5):
        NewsPageFactory(parent=news_index, title=f"Nyhet {day}", date=datetime.date(2026, 3, day))
    assert related_titles(client.get(page.url)) == ["Nyhet 4", "Nyhet 3", "Nyhet 2"]


@pytest.mark.django_db
def test_the_only_news_has_no_more_news(client, news_index):
    page = NewsPageFactory(parent=news_index)
    assert related_titles(client.get(page.url)) == []


def news_form(**overrides):
    return news_form_data(
        **{
            "title": "Läxhjälp i Skogås",
            "slug": "laxhjalp-i-skogas",
            "lead": "Nu finns läxhjälp efter skolan.",
            **overrides,
        }
    )


@pytest.mark.django_db
def test_an_editor_tags_a_news_draft_with_topics_areas_and_featured(
    client, communicator, news_index, topics
):
    skogas = AreaFactory(name="Skogås", slug="skogas")
    client.force_login(communicator)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    form = client.get(add_url).content.decode()
    assert 'type="checkbox" name="topics"' in form
    assert 'type="checkbox" name="areas"' in form
    assert "Utvald: visas överst på startsidan" in form

    data = news_form(featured="on")
    data["topics"] = [topics["leisure"].pk, topics["absence"].pk]
    data["areas"] = [skogas.pk]

    # The preview of the unsaved page shows the chosen topics and areas.
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["news", "newspage", news_index.pk]
    )
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = BeautifulSoup(client.get(preview_url).content, "html.parser")
    assert [a.get_text(strip=True) for a in preview.find(class_="news-tags").find_all("a")] == [
        "Skolfrånvaro",
        "Fritid",
        "Skogås",
    ]

    response = client.post(add_url, data)
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="laxhjalp-i-skogas")
    assert page.featured is True
    assert set(page.topics.all()) == {topics["absence"], topics["leisure"]}
    assert list(page.areas.all()) == [skogas]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_a_news_article_cannot_take_a_feeds_address(client, communicator, news_index, slug):
    client.force_login(communicator)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    response = client.post(add_url, news_form(slug=slug))
    assert response.status_code == 200
    assert "Adressen används av nyhetsflödena. Välj en annan adress." in response.content.decode()
    assert not NewsPage.objects.filter(slug=slug).exists()
