"""The start page's news: the newest featured articles first (two at most), then the latest
others (three); never an article or an event whose sign-up has closed."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from events.tests.factories import EventIndexPageFactory, EventPageFactory
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


# News and events whose sign-up has closed


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


def event(calendar, title, start, closes=None, registration=True):
    return EventPageFactory(
        parent=calendar,
        title=title,
        start=in_days(start),
        end=in_days(start) + datetime.timedelta(hours=2),
        registration_enabled=registration,
        registration_closes_at=in_days(closes) if closes is not None else None,
    )


def event_titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return card_titles(html.find("section", attrs={"aria-labelledby": "events-heading"}))


@pytest.mark.django_db
def test_the_start_page_never_features_news_about_a_closed_sign_up(client, news_index, calendar):
    open_course = event(calendar, "Öppen kurs", start=21, closes=14)
    closed_course = event(calendar, "Stängd kurs", start=5, closes=-1)
    started = event(calendar, "Har börjat", start=-0.01)  # closes when it starts
    over = event(calendar, "Förra året", start=-365, registration=False)
    meeting = event(calendar, "Träff utan anmälan", start=10, registration=False)
    news(news_index, "Anmäl dig nu", 1, featured=True, event=open_course)
    news(news_index, "Anmälan har stängt", 9, featured=True, event=closed_course)
    news(news_index, "Kursen har börjat", 8, event=started)
    news(news_index, "Kursen är över", 7, event=over)
    news(news_index, "Välkommen på träff", 3, event=meeting)
    news(news_index, "Vanlig nyhet", 2)
    featured, latest = news_lists(client.get("/"))
    assert featured == ["Anmäl dig nu"]
    assert latest == ["Välkommen på träff", "Vanlig nyhet"]
    # The archive keeps every article: only the start page leaves them out.
    archive = BeautifulSoup(client.get(news_index.url).content, "html.parser")
    assert "Anmälan har stängt" in card_titles(archive.find("main"))


@pytest.mark.django_db
def test_the_start_page_never_features_an_event_whose_sign_up_has_closed(client, calendar):
    event(calendar, "Öppen kurs", start=21, closes=14)
    event(calendar, "Stängd kurs", start=5, closes=-1)
    event(calendar, "Träff utan anmälan", start=10, registration=False)
    event(calendar, "Förra året", start=-365, registration=False)
    assert event_titles(client.get("/")) == ["Träff utan anmälan", "Öppen kurs"]
    # The calendar still lists it, with its own message.
    calendar_html = BeautifulSoup(client.get(calendar.url).content, "html.parser")
    assert "Stängd kurs" in card_titles(calendar_html.find("main"))
