"""News about a course links to the event itself, and says when its sign-up has closed or the
event is over; an article can only point at an event of the calendar."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsPageFactory


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


def in_days(days, hour=17):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=30, second=0, microsecond=0)


def event_box(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main.find("aside", class_="news-event")


@pytest.mark.django_db
def test_news_about_a_course_links_to_the_event(client, news_index, calendar):
    group = EventPageFactory(
        parent=calendar,
        title="Föräldragrupp om skolfrånvaro",
        start=in_days(21),
        end=in_days(21) + datetime.timedelta(hours=1, minutes=30),
        registration_enabled=True,
        registration_closes_at=in_days(14, hour=23),
    )
    article = NewsPageFactory(parent=news_index, title="Nya föräldragrupper", event=group)
    box = event_box(client, article)
    link = box.find("a")
    assert link["href"] == group.url
    assert link.get_text() == "Föräldragrupp om skolfrånvaro"
    when = box.find(class_="news-event__when").time
    assert when["datetime"] == timezone.localtime(group.start).isoformat()
    assert "kl. 17.30" in box.get_text(" ", strip=True)
    status = box.find(class_="news-event__status").get_text(" ", strip=True)
    closes = timezone.localtime(group.registration_closes_at)
    assert status.startswith("Sista dag att anmäla sig:")
    assert str(closes.day) in status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "closes", "status"),
    [
        (-30, None, "Evenemanget har redan varit."),
        (3, -1, "Anmälan har stängt."),
    ],
)
def test_the_link_says_when_one_can_no_longer_sign_up(
    client, news_index, calendar, start, closes, status
):
    event = EventPageFactory(
        parent=calendar,
        start=in_days(start),
        end=in_days(start) + datetime.timedelta(hours=2),
        registration_enabled=True,
        registration_closes_at=in_days(closes) if closes is not None else None,
    )
    article = NewsPageFactory(parent=news_index, event=event)
    box = event_box(client, article)
    assert box.find(class_="news-event__status").get_text(strip=True) == status


@pytest.mark.django_db
def test_an_unpublished_event_is_not_linked(client, news_index, calendar):
    event = EventPageFactory(parent=calendar)
    article = NewsPageFactory(parent=news_index, event=event)
    event.unpublish()
    assert event_box(client, article) is None


@pytest.mark.django_db
def test_news_without_an_event_has_no_event_box(client, news_index):
    assert event_box(client, NewsPageFactory(parent=news_index)) is None


@pytest.mark.django_db
def test_an_article_can_only_point_at_an_event(news_index, calendar, home_page):
    article = NewsPageFactory(parent=news_index)
    article.event = StandardPageFactory(parent=home_page)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "event" in error.value.message_dict
    article.event = EventPageFactory(parent=calendar)
    article.full_clean()
