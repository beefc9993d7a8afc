"""The start page's news: the newest featured articles first (two at most), then the latest
others (three)."""

import datetime

import pytest
from bs4 import BeautifulSoup

from news.tests.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def card_titles(element):
    if element is None:
        return []
    return [h.get_text(strip=True) for h in element.find_all(class_="card__title")]


def news_lists(response):
    """The titles in the start page's news section: (featured, latest)."""
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    section = html.find("section", attrs={"aria-labelledby": "news-heading"})
    assert section.find("h2").get_text(strip=True) == "Aktuellt"
    featured = section.find("ul", class_="card-list--featured")
    latest = [ul for ul in section.find_all("ul", class_="card-list") if ul is not featured]
    return card_titles(featured), card_titles(latest[0] if latest else None)


def news(parent, title, day, **kwargs):
    return NewsPageFactory(parent=parent, title=title, date=datetime.date(2026, 5, day), **kwargs)


@pytest.mark.django_db
def test_the_start_page_shows_the_two_newest_featured_news_first(client, news_index):
    news(news_index, "Utvald äldst", 1, featured=True)
    news(news_index, "Utvald ny", 5, featured=True)
    news(news_index, "Utvald nyast", 9, featured=True)
    news(news_index, "Utvald utkast", 20, featured=True, live=False)
    for day in (2, 3, 4, 6):
        news(news_index, f"Nyhet {day}", day)
    featured, latest = news_lists(client.get("/"))
    assert featured == ["Utvald nyast", "Utvald ny"]
    # The latest news leave out what is already shown as featured.
    assert latest == ["Nyhet 6", "Nyhet 4", "Nyhet 3"]


@pytest.mark.django_db
def test_featured_news_are_drawn_as_featured_cards_with_the_same_links(client, news_index):
    page = news(news_index, "Utvald", 1, featured=True)
    html = BeautifulSoup(client.get("/").content, "html.parser")
    card = html.find("article", class_="card--featured")
    assert card.find("h3").find("a")["href"] == page.url
    assert html.find("a", string="Alla nyheter")["href"] == news_index.url


@pytest.mark.django_db
def test_without_featured_news_the_start_page_shows_the_three_latest(client, news_index):
    for day in range(1, 6):
        news(news_index, f"Nyhet {day}", day)
    assert news_lists(client.get("/")) == ([], ["Nyhet 5", "Nyhet 4", "Nyhet 3"])


@pytest.mark.django_db
def test_only_featured_news_need_no_latest_list(client, news_index):
    news(news_index, "Utvald", 1, featured=True)
    assert news_lists(client.get("/")) == (["Utvald"], [])


@pytest.mark.django_db
def test_without_news_the_start_page_has_no_news_section(client, news_index):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    assert html.find("section", attrs={"aria-labelledby": "news-heading"}) is None
