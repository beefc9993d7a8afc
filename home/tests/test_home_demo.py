"""The demo's start page stays true: whatever day the demo was built, it never features an
article or an event whose sign-up has closed."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup


# A demo built today is the one `demo_site` restores (seeded once per test process); only
# a demo built on another day is seeded here.
def seed(**options):
    call_command("seed_demo", force=True, stdout=StringIO(), **options)


def start_page(client):
    response = client.get("/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")

    def titles(heading):
        section = html.find("section", attrs={"aria-labelledby": heading})
        return [h.get_text(strip=True) for h in section.find_all(class_="card__title")]

    return titles("news-heading"), titles("events-heading")


def test_the_seeded_start_page_leaves_out_news_about_events_that_are_over(client, demo_site):
    news, events = start_page(client)
    assert "Nya föräldragrupper om skolfrånvaro" in news
    assert "Föräldragrupp om skolfrånvaro i Flemingsberg" in events
    # Its sign-up closed in October 2024, and the course is long over.
    assert "Ny omgång av utbildningen Förälder på avstånd" not in news
    assert "Föräldrarådgivarna berättar om sitt arbete på Barnrättsdagarna" not in news
    assert len(news) == 5


@pytest.mark.django_db
def test_a_demo_built_three_weeks_ago_features_no_closed_sign_up(client):
    """Built 20 days ago, the parent group's sign-up (14 days after that day) has closed,
    though the group has not started yet."""
    seed(today=timezone.localdate() - datetime.timedelta(days=20))
    news, events = start_page(client)
    assert "Nya föräldragrupper om skolfrånvaro" not in news
    assert "Föräldragrupp om skolfrånvaro i Flemingsberg" not in events
    assert "Läslustdag i Vårby" in events
    # The article itself says so, and links to the event.
    article = BeautifulSoup(
        client.get("/aktuellt/nya-foraldragrupper-om-skolfranvaro/").content, "html.parser"
    )
    box = article.find("aside", class_="news-event")
    assert box.a["href"] == "/kalender/foraldragrupp-skolfranvaro-flemingsberg-2027/"
    assert box.find(class_="news-event__status").get_text(strip=True) == "Anmälan har stängt."
