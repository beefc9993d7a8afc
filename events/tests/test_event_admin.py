"""Editing events in the admin: an event cannot take an address the calendar answers itself."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from events.models import RESERVED_SLUGS
from events.tests.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


def event_form(page, **overrides):
    """What the page editor posts for an event (StreamField and rich text as its JavaScript
    would send them)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": "En träff för föräldrar.",
        "body": streamfield([("paragraph", rich_text("<p>Välkommen.</p>"))]),
        "occasions": inline_formset([{"start": "2027-01-14 17:30", "end": "2027-01-14 19:00"}]),
        "attendance_mode": "offline",
        "place": "Biblioteket",
        "address": "",
        "postal_code": "",
        "locality": "",
        "contact_phone": "",
        "online_url": "",
        "organiser": "Föräldrarådgivningen",
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
@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_an_event_cannot_take_an_address_of_the_calendar(client, course_admin, calendar, slug):
    page = EventPageFactory(parent=calendar, title="Föräldragrupp", slug="foraldragrupp")
    client.force_login(course_admin)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    revisions = page.revisions.count()

    response = client.post(edit_url, event_form(page, slug=slug))
    assert response.status_code == 200
    assert (
        "Adressen används av kalendern (tidigare evenemang, kalenderfilen). Välj en annan adress."
        in response.content.decode()
    )
    page.refresh_from_db()
    assert page.slug == "foraldragrupp"
    assert page.revisions.count() == revisions
    # The calendar's own addresses still answer as the calendar.
    assert client.get(f"{calendar.url}tidigare/").status_code == 200
    assert client.get(f"{calendar.url}ical/")["Content-Type"] == "text/calendar; charset=utf-8"

    # Any other address is accepted.
    response = client.post(edit_url, event_form(page, slug="foraldragrupp-i-vasterby"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.slug == "foraldragrupp-i-vasterby"
