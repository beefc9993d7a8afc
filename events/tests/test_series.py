"""Events as they run: a series of occasions (a group that meets six Thursdays in a row) is
listed in full on the page, in its calendar file, in the calendar feed and in its structured
data; the place has a structured address; editors give the occasions in the admin."""

import datetime
import json

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import icalendar
import pytest
from bs4 import BeautifulSoup

from events.models import EventOccasion, EventPage
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from events.tests.helpers import sign_up


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


def thursdays(first, count=6):
    """`count` Thursdays from `first` (a date), 17.30–19.00 Swedish time."""
    starts = [
        timezone.make_aware(datetime.datetime.combine(first, datetime.time(17, 30)))
        + datetime.timedelta(weeks=n)
        for n in range(count)
    ]
    return [(start, start + datetime.timedelta(hours=1, minutes=30)) for start in starts]


def make_series(calendar, first=datetime.date(2027, 1, 14), **kwargs):
    page = EventPageFactory(
        parent=calendar,
        title="Föräldragrupp om skolfrånvaro",
        place="Flemingsbergs dalskola, biblioteket",
        address="Exempelgränd 12",
        postal_code="141 52",
        locality="Flemingsberg",
        **kwargs,
    )
    # Entered out of order on purpose: they are always shown in time order.
    for start, end in reversed(thursdays(first)):
        EventOccasion.objects.create(page=page, start=start, end=end)
    page = EventPage.objects.get(pk=page.pk)
    page.save()  # the span follows the occasions
    return page


def html(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


@pytest.mark.django_db
def test_the_page_span_follows_the_occasions(calendar):
    page = make_series(calendar)
    assert timezone.localtime(page.start) == timezone.make_aware(
        datetime.datetime(2027, 1, 14, 17, 30)
    )
    assert timezone.localtime(page.end) == timezone.make_aware(
        datetime.datetime(2027, 2, 18, 19, 0)
    )
    # Sign-up closes by default when the first meeting starts; the sign-ups are kept from the
    # last one.
    assert page.registration_closes == page.start
    assert page.retention_until == datetime.date(2027, 2, 18) + datetime.timedelta(days=30)


@pytest.mark.django_db
def test_the_page_lists_every_occasion_in_time_order(client, calendar):
    page = make_series(calendar)
    facts = html(client, page.url).find(class_="event-facts")
    assert "6 träffar:" in facts.get_text(" ", strip=True)
    items = [li.get_text(" ", strip=True) for li in facts.find(class_="occasion-list")("li")]
    assert items == [
        "torsdag 14 januari 2027, 17.30–19.00",
        "torsdag 21 januari 2027, 17.30–19.00",
        "torsdag 28 januari 2027, 17.30–19.00",
        "torsdag 4 februari 2027, 17.30–19.00",
        "torsdag 11 februari 2027, 17.30–19.00",
        "torsdag 18 februari 2027, 17.30–19.00",
    ]
    times = [t["datetime"] for t in facts.find(class_="occasion-list")("time")]
    assert times[0] == "2027-01-14T17:30:00+01:00"
    place = facts.get_text(" ", strip=True)
    assert "Flemingsbergs dalskola, biblioteket, Exempelgränd 12, 141 52 Flemingsberg" in place


@pytest.mark.django_db
def test_a_series_in_progress_marks_the_meetings_that_have_been_and_stays_coming(client, calendar):
    first = timezone.localdate() - datetime.timedelta(days=15)
    page = make_series(calendar, first=first)
    items = html(client, page.url).find(class_="occasion-list")("li")
    assert [("har varit" in li.get_text()) for li in items] == [True] * 3 + [False] * 3
    cards = html(client, calendar.url).find_all("a", class_="card__link")
    assert [a.get_text() for a in cards] == [page.title]


@pytest.mark.django_db
def test_the_card_says_how_many_meetings_and_when_the_first_is(client, calendar):
    make_series(calendar)
    card = html(client, calendar.url).find(class_="card--event")
    assert "6 träffar, den första torsdag 14 januari 2027, 17.30–19.00" in card.get_text(
        " ", strip=True
    )


@pytest.mark.django_db
def test_the_calendar_file_has_one_event_per_occasion(client, calendar):
    page = make_series(calendar)
    response = client.get(f"{page.url}ical/")
    parsed = icalendar.Calendar.from_ical(response.content)
    vevents = parsed.walk("VEVENT")
    assert [vevent.decoded("DTSTART") for vevent in vevents] == [
        start for start, _end in thursdays(datetime.date(2027, 1, 14))
    ]
    assert [vevent.decoded("DTEND") for vevent in vevents] == [
        end for _start, end in thursdays(datetime.date(2027, 1, 14))
    ]
    assert str(vevents[0]["SUMMARY"]) == "Föräldragrupp om skolfrånvaro (träff 1 av 6)"
    assert str(vevents[5]["SUMMARY"]) == "Föräldragrupp om skolfrånvaro (träff 6 av 6)"
    assert len({str(vevent["UID"]) for vevent in vevents}) == 6
    assert str(vevents[0]["LOCATION"]) == (
        "Flemingsbergs dalskola, biblioteket, Exempelgränd 12, 141 52 Flemingsberg"
    )
    # The same file again keeps the UIDs, so a calendar program updates instead of doubling.
    again = icalendar.Calendar.from_ical(client.get(f"{page.url}ical/").content)
    assert [str(v["UID"]) for v in again.walk("VEVENT")] == [str(v["UID"]) for v in vevents]


@pytest.mark.django_db
def test_the_calendar_feed_has_every_occasion_of_every_coming_event(client, calendar):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    series = make_series(calendar, first=soon)
    single_start = timezone.now() + datetime.timedelta(days=10)
    EventPageFactory(
        parent=calendar,
        title="Läslustdag",
        start=single_start,
        end=single_start + datetime.timedelta(hours=3),
    )
    parsed = icalendar.Calendar.from_ical(client.get(f"{calendar.url}ical/").content)
    summaries = [str(vevent["SUMMARY"]) for vevent in parsed.walk("VEVENT")]
    assert summaries.count("Läslustdag") == 1
    assert [s for s in summaries if s.startswith(series.title)] == [
        f"{series.title} (träff {n} av 6)" for n in range(1, 7)
    ]


@pytest.mark.django_db
def test_structured_data_describes_the_series_its_address_and_places_left(client, calendar):
    page = add_form_fields(make_series(calendar, registration_enabled=True, seat_limit=12))
    page.registration_closes_at = timezone.now() + datetime.timedelta(days=1)
    page.start = timezone.now() + datetime.timedelta(days=2)  # keep sign-up open
    page.save()
    sign_up(client, page, "Amina")
    data = json.loads(html(client, page.url).find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-01-14T17:30:00+01:00"
    assert data["endDate"] == "2027-02-18T19:00:00+01:00"
    assert [sub["startDate"] for sub in data["subEvent"]] == [
        start.isoformat() for start, _end in thursdays(datetime.date(2027, 1, 14))
    ]
    assert data["subEvent"][2]["name"] == "Föräldragrupp om skolfrånvaro, träff 3 av 6"
    assert all(sub["@type"] == "Event" for sub in data["subEvent"])
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Exempelgränd 12",
        "postalCode": "141 52",
        "addressLocality": "Flemingsberg",
        "addressCountry": "SE",
    }
    assert data["subEvent"][0]["location"] == data["location"]
    assert data["maximumAttendeeCapacity"] == 12
    assert data["remainingAttendeeCapacity"] == 11


@pytest.mark.django_db
def test_a_single_event_has_no_sub_events_and_keeps_its_uid(client, calendar):
    start = timezone.now() + datetime.timedelta(days=5)
    page = EventPageFactory(parent=calendar, start=start, end=start + datetime.timedelta(hours=2))
    data = json.loads(html(client, page.url).find("script", type="application/ld+json").string)
    assert "subEvent" not in data
    [vevent] = icalendar.Calendar.from_ical(client.get(f"{page.url}ical/").content).walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{page.pk}@testserver"


def event_form(page, occasions, initial=0, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": "En träff för föräldrar.",
        "body": streamfield([("paragraph", rich_text("<p>Välkommen.</p>"))]),
        "occasions": inline_formset(occasions, initial=initial),
        "attendance_mode": "offline",
        "place": "Biblioteket",
        "address": "Exempelgränd 12",
        "postal_code": "14152",
        "locality": "Flemingsberg",
        "online_url": "",
        "organiser": "Föräldrarådgivningen",
        "contact_phone": "",
        "is_free": "on",
        "seat_limit": "",
        "registration_closes_at": "",
        "registration_intro": rich_text(""),
        "form_fields": inline_formset([]),
        "to_address": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_editors_give_the_occasions_and_the_span_follows(client, course_admin, calendar):
    page = EventPageFactory(parent=calendar, title="Föräldragrupp", slug="foraldragrupp")
    client.force_login(course_admin)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    occasions = [
        {"start": "2027-01-21 17:30", "end": "2027-01-21 19:00"},
        {"start": "2027-01-14 17:30", "end": "2027-01-14 19:00"},
    ]
    response = client.post(edit_url, event_form(page, occasions))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EventPage.objects.get(pk=page.pk)
    assert [timezone.localtime(o.start).day for o in page.occasion_list()] == [14, 21]
    assert timezone.localtime(page.start) == timezone.make_aware(
        datetime.datetime(2027, 1, 14, 17, 30)
    )
    assert timezone.localtime(page.end) == timezone.make_aware(
        datetime.datetime(2027, 1, 21, 19, 0)
    )
    assert page.postal_code == "141 52"

    # A closing time after the last occasion is refused, measured against the new occasions.
    late = event_form(page, occasions, registration_closes_at="2027-01-22 12:00")
    response = client.post(edit_url, late)
    assert response.status_code == 200
    assert "före slutet av det sista tillfället" in response.content.decode()
    saved = [
        {
            "id": o.pk,
            "start": f"{timezone.localtime(o.start):%Y-%m-%d %H:%M}",
            "end": f"{timezone.localtime(o.end):%Y-%m-%d %H:%M}",
        }
        for o in page.occasion_list()
    ]
    later = [*saved, {"start": "2027-01-28 17:30", "end": "2027-01-28 19:00"}]
    response = client.post(
        edit_url,
        event_form(page, later, initial=len(saved), registration_closes_at="2027-01-22 12:00"),
    )
    assert response.status_code == 302
    assert EventPage.objects.get(pk=page.pk).occasions.count() == 3


@pytest.mark.django_db
def test_an_event_needs_an_occasion_that_ends_after_it_starts(client, course_admin, calendar):
    page = EventPageFactory(parent=calendar, title="Föräldragrupp", slug="foraldragrupp")
    client.force_login(course_admin)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    revisions = page.revisions.count()
    assert client.post(edit_url, event_form(page, [])).status_code == 200
    backwards = [{"start": "2027-01-14 19:00", "end": "2027-01-14 17:30"}]
    response = client.post(edit_url, event_form(page, backwards))
    assert response.status_code == 200
    assert "Tillfället måste sluta efter att det börjar." in response.content.decode()
    assert page.revisions.count() == revisions
