"""Kalender: coming events first, a past archive, a topic filter, iCalendar files that
calendar programs accept, Event structured data, and a fixed number of queries."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import icalendar
import pytest
from bs4 import BeautifulSoup

from events.tests.factories import EventIndexPageFactory, EventPageFactory
from taxonomy.tests.factories import AudienceFactory, TopicFactory


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page, show_in_menus=True)


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def event(calendar, title, in_days, **kwargs):
    start = days(in_days)
    return EventPageFactory(
        parent=calendar, title=title, start=start, end=start + datetime.timedelta(hours=2), **kwargs
    )


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in html.find("main").find_all("a", class_="card__link")]


@pytest.mark.django_db
def test_coming_events_are_listed_soonest_first_and_past_ones_in_the_archive(client, calendar):
    event(calendar, "Om en månad", 30)
    event(calendar, "I morgon", 1)
    event(calendar, "Förra veckan", -7)
    event(calendar, "Förra året", -365)
    assert titles(client, calendar.url) == ["I morgon", "Om en månad"]
    assert titles(client, f"{calendar.url}tidigare/") == ["Förra veckan", "Förra året"]


@pytest.mark.django_db
def test_an_event_going_on_now_is_still_listed_as_coming(client, calendar):
    EventPageFactory(parent=calendar, title="Pågår", start=days(-0.05), end=days(0.05))
    assert titles(client, calendar.url) == ["Pågår"]


@pytest.mark.django_db
def test_the_calendar_filters_by_topic_and_ignores_unknown_topics(client, calendar):
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro")
    group = event(calendar, "Föräldragrupp", 3)
    group.topics.set([absence])
    group.save()
    event(calendar, "Läslustdag", 5)
    assert titles(client, f"{calendar.url}?amne=skolfranvaro") == ["Föräldragrupp"]
    for query in ["amne=finns-inte", "amne=%00", "amne=" + "x" * 2000, "page=abc", "page=999"]:
        assert titles(client, f"{calendar.url}?{query}") == ["Föräldragrupp", "Läslustdag"], query


@pytest.mark.django_db
def test_pagination_edges_keep_the_filter(client, calendar):
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro")
    for n in range(14):
        created = event(calendar, f"Träff {n:02d}", n + 1)
        created.topics.set([absence])
        created.save()
    first = titles(client, f"{calendar.url}?amne=skolfranvaro")
    assert len(first) == 12
    last = titles(client, f"{calendar.url}?amne=skolfranvaro&page=2")
    assert last == ["Träff 12", "Träff 13"]
    assert titles(client, f"{calendar.url}?amne=skolfranvaro&page=99") == last
    html = BeautifulSoup(client.get(f"{calendar.url}?amne=skolfranvaro").content, "html.parser")
    assert html.find("a", rel="next")["href"] == "?amne=skolfranvaro&page=2"


@pytest.mark.django_db
def test_an_event_page_says_when_where_and_for_whom(client, calendar):
    parents = AudienceFactory(name="Föräldrar", slug="foraldrar")
    start = timezone.make_aware(datetime.datetime(2027, 1, 14, 17, 30))
    page = EventPageFactory(
        parent=calendar,
        title="Föräldragrupp",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        place="Flemingsbergs dalskola",
        address="Exempelgränd 12",
    )
    page.audiences.set([parents])
    page.save()
    facts = BeautifulSoup(client.get(page.url).content, "html.parser").find(class_="event-facts")
    text = facts.get_text(" ", strip=True)
    assert "torsdag 14 januari 2027, 17.30–19.00" in text
    assert "Flemingsbergs dalskola, Exempelgränd 12" in text
    assert "föräldrar" in text


@pytest.mark.django_db
def test_each_event_has_a_calendar_file_that_calendar_programs_accept(client, calendar):
    page = event(calendar, "Läslustdag i Vårby", 10, online_url="")
    response = client.get(f"{page.url}ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    parsed = icalendar.Calendar.from_ical(response.content)
    [vevent] = parsed.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Läslustdag i Vårby"
    assert vevent.decoded("DTSTART") == page.start.replace(microsecond=0)
    assert vevent.decoded("DTEND") == page.end.replace(microsecond=0)
    assert str(vevent["LOCATION"]) == "Vårby strandskola, Exempelvägen 4, Vårby"
    assert str(vevent["URL"]) == f"http://testserver{page.url}"


@pytest.mark.django_db
def test_the_calendar_feed_has_every_coming_event_and_no_past_one(client, calendar):
    event(calendar, "Snart", 2)
    event(calendar, "Senare", 20)
    event(calendar, "Förbi", -2)
    response = client.get(f"{calendar.url}ical/")
    parsed = icalendar.Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in parsed.walk("VEVENT")] == ["Snart", "Senare"]
    uids = [str(e["UID"]) for e in parsed.walk("VEVENT")]
    assert len(set(uids)) == 2
    html = BeautifulSoup(client.get(calendar.url).content, "html.parser")
    assert (
        html.find("link", rel="alternate", type="text/calendar")["href"] == f"{calendar.url}ical/"
    )


@pytest.mark.django_db
def test_an_event_page_has_event_structured_data_with_swedish_times(client, calendar):
    start = timezone.make_aware(datetime.datetime(2027, 6, 10, 18, 0))
    page = EventPageFactory(
        parent=calendar, title="Sommarträff", start=start, end=start + datetime.timedelta(hours=2)
    )
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-06-10T18:00:00+02:00"
    assert data["endDate"] == "2027-06-10T20:00:00+02:00"
    assert data["location"]["@type"] == "Place"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["inLanguage"] == "sv"


@pytest.mark.django_db
def test_the_calendar_costs_the_same_queries_for_two_hundred_events_as_for_two(client, calendar):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [
        calendar.url,
        f"{calendar.url}tidigare/",
        f"{calendar.url}ical/",
        f"{calendar.url}?page=2",
    ]
    for n in range(2):
        event(calendar, f"Kommande {n}", n + 1)
        event(calendar, f"Förbi {n}", -n - 1)
    small = {url: count(url) for url in urls}
    for n in range(2, 100):
        event(calendar, f"Kommande {n}", n + 1)
        event(calendar, f"Förbi {n}", -n - 1)
    large = {url: count(url) for url in urls}
    assert large == small
