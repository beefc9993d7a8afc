"""Aktuellt: newest first, ten to a page, any page number safe, a fixed number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from news.tests.factories import NewsPageFactory


def titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.find("main").find_all(class_="card__title")]


@pytest.mark.django_db
def test_news_are_listed_newest_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Äldst", date=datetime.date(2024, 1, 1))
    NewsPageFactory(parent=news_index, title="Nyast", date=datetime.date(2026, 6, 1))
    NewsPageFactory(parent=news_index, title="Mitten", date=datetime.date(2025, 3, 1))
    assert titles(client.get(news_index.url)) == ["Nyast", "Mitten", "Äldst"]


@pytest.mark.django_db
def test_unpublished_news_stay_out_of_the_list(client, news_index):
    NewsPageFactory(parent=news_index, title="Publicerad")
    NewsPageFactory(parent=news_index, title="Utkast", live=False)
    assert titles(client.get(news_index.url)) == ["Publicerad"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "expected_first"),
    [
        ("1", "Nyhet 25"),
        ("3", "Nyhet 5"),
        ("abc", "Nyhet 25"),
        ("999999", "Nyhet 5"),
        ("0", "Nyhet 5"),
    ],
)
def test_pagination_gives_a_valid_page_for_any_page_number(
    client, news_index, page, expected_first
):
    for n in range(1, 26):
        NewsPageFactory(parent=news_index, title=f"Nyhet {n}", date=datetime.date(2026, 1, n))
    response = client.get(f"{news_index.url}?page={page}")
    assert response.status_code == 200
    assert titles(response)[0] == expected_first


@pytest.mark.django_db
def test_pagination_is_a_labelled_navigation_marking_the_current_page(client, news_index):
    for n in range(1, 26):
        NewsPageFactory(parent=news_index, date=datetime.date(2026, 1, n))
    html = BeautifulSoup(client.get(f"{news_index.url}?page=2").content, "html.parser")
    nav = html.find("nav", attrs={"aria-label": "Sidnumrering"})
    assert nav.find(attrs={"aria-current": "page"}).get_text(" ", strip=True) == "Sida 2"
    assert nav.find("a", rel="prev")["href"] == "?page=1"
    assert nav.find("a", rel="next")["href"] == "?page=3"


@pytest.mark.django_db
def test_home_page_shows_the_three_latest_news(client, home_page, news_index):
    for n in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Nyhet {n}", date=datetime.date(2026, 2, n))
    assert titles(client.get("/")) == ["Nyhet 5", "Nyhet 4", "Nyhet 3"]


@pytest.mark.django_db
def test_a_news_page_shows_date_lead_image_and_caption(client, news_index):
    image = get_image_model().objects.create(
        title="Läslustdag", description="Barn läser på skolgården", file=get_test_image_file()
    )
    page = NewsPageFactory(
        parent=news_index,
        date=datetime.date(2026, 4, 23),
        lead="Läslustdagen samlade hela skolan.",
        image=image,
        image_caption="Läslustdagen i Vårby.",
    )
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    main = html.find("main")
    assert main.find("time")["datetime"] == "2026-04-23"
    assert main.find(class_="lead").get_text(strip=True) == "Läslustdagen samlade hela skolan."
    assert main.find("img", alt="Barn läser på skolgården") is not None
    assert main.find("figcaption").get_text(strip=True) == "Läslustdagen i Vårby."


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_news_list_costs_the_same_number_of_queries_for_few_and_many_articles(client, news_index):
    image = get_image_model().objects.create(title="Bild", file=get_test_image_file())
    NewsPageFactory.create_batch(3, parent=news_index, image=image)
    client.get(news_index.url)  # warm up: renditions are created on first view
    few = count_queries(client, news_index.url)
    NewsPageFactory.create_batch(30, parent=news_index, image=image)
    client.get(news_index.url)
    client.get(f"{news_index.url}?page=2")
    many = count_queries(client, news_index.url)
    assert few == many
