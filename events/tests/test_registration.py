"""Signing up for an event: a seat or the waiting list, places left, a receipt and an e-mail
(sent through the task queue), a closed form after the closing time, one sign-up per form
(its one-time token) however often it is sent, no personal identity numbers, sign-ups visible
and exportable for editors, and deleted in time."""

import csv
import datetime
import io
import threading

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from events.models import EventRegistration
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from events.tests.helpers import ORIGIN, form_token, post_form, run_email_tasks, sign_up
from events.views import SIGNUP_GUARD
from portal.forms_protection import TOKEN_FIELD


@pytest.fixture
def calendar(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def course(calendar):
    event = EventPageFactory(
        parent=calendar,
        title="Förälder på avstånd",
        registration_enabled=True,
        seat_limit=2,
        to_address="kurs@example.org",
    )
    return add_form_fields(event)


def registration_section(response):
    html = BeautifulSoup(response.content, "html.parser")
    return html.find("section", class_="registration")


@pytest.mark.django_db
def test_the_form_shows_fields_with_labels_seats_closing_time_and_privacy_text(client, course):
    section = registration_section(client.get(course.url))
    form = section.find("form")
    assert form["method"] == "post"
    for control in form.find_all(["input", "textarea"], attrs={"type": lambda t: t != "hidden"}):
        assert form.find("label", attrs={"for": control["id"]}) is not None, control
    text = section.get_text(" ", strip=True)
    assert "2 platser kvar" in text
    assert "Skriv inte personnummer" in text
    retention = (timezone.localdate(course.end) + datetime.timedelta(days=30)).strftime("%-d")
    assert f"Vi sparar dem till och med {retention} " in text


@pytest.mark.django_db
def test_a_sign_up_redirects_to_a_receipt_with_a_seat_and_sends_a_confirmation(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, course, "Amina")
    assert response.status_code == 302
    receipt = client.get(response.url)
    assert receipt.status_code == 200
    assert "Du har en plats på Förälder på avstånd." in receipt.content.decode()
    registration = EventRegistration.objects.get()
    assert registration.status == "confirmed"
    assert registration.form_data["namn"] == "Amina"

    # The e-mails wait in the queue: the page did not wait for the mail server.
    assert mailoutbox == []
    assert run_email_tasks() == 2
    by_recipient = {message.to[0]: message for message in mailoutbox}
    confirmation = by_recipient["amina@example.org"]
    notification = by_recipient["kurs@example.org"]
    assert "Du har en plats" in confirmation.body
    # Neither e-mail repeats what was submitted: e-mail is not a safe place for it.
    assert notification.to == ["kurs@example.org"]
    assert "Amina" not in notification.body and "Amina" not in confirmation.body
    assert reverse("wagtailforms:list_submissions", args=[course.pk]) in notification.body
    # The confirmation says what happens next, when, and how to cancel.
    assert "Så här går det till nu" in confirmation.body
    assert f"http://testserver{course.url}avboka/" in confirmation.body


@pytest.mark.django_db
def test_the_page_counts_down_the_places_left_and_says_when_it_is_full(client, calendar):
    event = add_form_fields(
        EventPageFactory(parent=calendar, registration_enabled=True, seat_limit=3)
    )

    def seats():
        section = registration_section(client.get(event.url))
        return section.find(class_="seats").get_text(" ", strip=True)

    assert seats() == "3 platser kvar"
    sign_up(client, event, "Amina")
    assert seats() == "2 platser kvar"
    sign_up(client, event, "Johan")
    assert seats() == "1 plats kvar"
    sign_up(client, event, "Lina")
    assert seats().startswith("Fullt – du kan ställa dig på väntelistan.")
    # The card in the calendar says the same.
    listing = BeautifulSoup(client.get(calendar.url).content, "html.parser")
    assert "Fullt – väntelista" in listing.find(class_="card--event").get_text()


@pytest.mark.django_db
def test_sign_ups_beyond_the_seat_limit_go_to_the_waiting_list(client, course):
    for name in ["Amina", "Johan"]:
        sign_up(client, course, name)
    response = sign_up(client, course, "Lina")
    receipt = client.get(response.url).content.decode()
    assert "Du står som nummer 1 på väntelistan" in receipt
    statuses = dict(EventRegistration.objects.values_list("form_data__namn", "status"))
    assert statuses == {"Amina": "confirmed", "Johan": "confirmed", "Lina": "waitlist"}
    # The page now says it is full.
    assert (
        "Fullt – du kan ställa dig på väntelistan"
        in registration_section(client.get(course.url)).get_text()
    )


@pytest.mark.django_db
def test_a_reload_or_double_click_sends_one_form_twice_and_signs_up_once(client, course):
    token = form_token(client, course.url)
    data = {"namn": "Amina", "e_post": "amina@example.org"}
    first = post_form(client, course.url, data, token=token)
    second = post_form(client, course.url, data, token=token)
    assert first.status_code == second.status_code == 302
    assert EventRegistration.objects.count() == 1
    assert first.url == second.url  # the same receipt


@pytest.mark.django_db
def test_two_people_who_give_the_same_answers_are_two_sign_ups(client, course):
    """Two families that both write "Anna" and a shared address are two sign-ups: each page
    view has its own token."""
    data = {"namn": "Anna", "e_post": "familjen@example.org"}
    first = post_form(client, course.url, data)
    second = post_form(client, course.url, data)
    assert first.url != second.url
    assert EventRegistration.objects.count() == 2
    assert list(EventRegistration.objects.values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
    ]


@pytest.mark.django_db
def test_after_the_closing_time_the_form_is_replaced_by_a_message(client, course):
    course.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    course.save()
    section = registration_section(client.get(course.url))
    assert section.find("form") is None
    assert "Anmälan är stängd." in section.get_text()
    response = post_form(
        client,
        course.url,
        {"namn": "Sen", "e_post": "sen@example.org"},
        token=SIGNUP_GUARD.token(course.pk),
    )
    assert response.status_code == 200
    assert "inte sparad" in registration_section(response).get_text()
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"namn": "", "e_post": "a@example.org"}, "Det här fältet är obligatoriskt"),
        ({"namn": "Amina", "e_post": "inte en adress"}, "giltig e-postadress"),
        ({"namn": "x" * 300, "e_post": "a@example.org"}, "som mest 255 tecken"),
        ({"namn": "Amina", "e_post": "a@example.org", "ovrigt": "y" * 2500}, "högst 2000 tecken"),
        (
            {"namn": "Amina", "e_post": "a@example.org", "ovrigt": "Barnet: 121212-1212"},
            "personnummer",
        ),
    ],
)
def test_missing_oversized_or_sensitive_answers_show_errors_and_save_nothing(
    client, course, data, message
):
    response = post_form(client, course.url, data)
    assert response.status_code == 200
    section = registration_section(response)
    assert message in section.get_text()
    # The control is marked invalid and its description names the error message.
    invalid = section.find(attrs={"aria-invalid": "true"})
    assert invalid is not None
    described_by = [section.find(id=id_) for id_ in invalid["aria-describedby"].split()]
    assert any(element and message in element.get_text() for element in described_by)
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_help_texts_and_errors_are_read_with_their_field_also_in_a_group(client, calendar):
    event = EventPageFactory(parent=calendar, registration_enabled=True, title="Föräldragrupp")
    add_form_fields(event, [("Namn", "singleline", True), ("Tid", "radio", True)])
    event.form_fields.filter(label="Namn").update(help_text="Förnamn räcker.")
    event.form_fields.filter(label="Tid").update(
        choices="Förmiddag\nEftermiddag", help_text="Välj en tid."
    )
    section = registration_section(post_form(client, event.url, {"namn": "Amina"}))

    def described(element):
        return " ".join(
            section.find(id=id_).get_text() for id_ in element["aria-describedby"].split()
        )

    # A text field: its help text; no error, so not marked invalid.
    name = section.find("input", attrs={"name": "namn"})
    assert described(name) == "Förnamn räcker."
    assert not name.has_attr("aria-invalid")
    # Radio buttons: a fieldset with the label as its legend, described by help and error.
    group = section.find("fieldset")
    assert group.find("legend").get_text(" ", strip=True) == "Tid (obligatoriskt)"
    assert "Välj en tid." in described(group)
    assert "Det här fältet är obligatoriskt" in described(group)
    assert all(radio["aria-invalid"] == "true" for radio in group.find_all("input"))


@pytest.mark.django_db
def test_a_phone_number_is_not_mistaken_for_a_personal_identity_number(client, course):
    response = sign_up(client, course, "Amina", ovrigt="Ring 0701740610 eller 070-174 06 10")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_receipt_link_cannot_be_guessed_or_reused_for_another_event(client, calendar, course):
    other = add_form_fields(
        EventPageFactory(parent=calendar, registration_enabled=True, title="Annat")
    )
    response = sign_up(client, course, "Amina")
    token = response.url.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(f"{other.url}anmalan/{token}/").status_code == 404
    assert client.get(f"{course.url}anmalan/1/").status_code == 404
    assert client.get(f"{course.url}anmalan/{token}x/").status_code == 404


@pytest.mark.django_db
def test_editors_see_sign_ups_with_their_status_and_export_them_as_csv(client, course, superuser):
    for name in ["Amina", "Johan", "Lina"]:
        sign_up(client, course, name)
    client.force_login(superuser)
    listing = client.get(reverse("wagtailforms:list_submissions", args=[course.pk]))
    assert listing.status_code == 200
    assert "Väntelista" in listing.content.decode()
    export = client.get(
        reverse("wagtailforms:list_submissions", args=[course.pk]), {"export": "csv"}
    )
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert sorted((row["Namn"], row["Status"]) for row in rows) == [
        ("Amina", "Plats"),
        ("Johan", "Plats"),
        ("Lina", "Väntelista"),
    ]


@pytest.mark.django_db
def test_sign_ups_are_deleted_the_set_number_of_days_after_the_event(
    client, calendar, course, settings
):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    sign_up(client, course, "Amina")
    old = add_form_fields(EventPageFactory(parent=calendar, registration_enabled=True))
    sign_up(client, old, "Johan")
    # The old event ended 31 days ago; the course is still to come.
    ended = timezone.now() - datetime.timedelta(days=31)
    type(old).objects.filter(pk=old.pk).update(start=ended - datetime.timedelta(hours=2), end=ended)
    call_command("purge_event_registrations", "--dry-run", stdout=io.StringIO())
    assert EventRegistration.objects.count() == 2
    output = io.StringIO()
    call_command("purge_event_registrations", stdout=output)
    assert "Raderade 1 anmälningar" in output.getvalue()
    assert list(EventRegistration.objects.values_list("page_id", flat=True)) == [course.pk]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_sign_ups_for_twenty_seats(home_page, settings):
    """Fifty people press "Skicka anmälan" at the same moment, each from their own thread and
    database connection: exactly 20 get a seat, 30 the waiting list, none lost or doubled."""
    # All fifty come from 127.0.0.1 here; in life they are fifty clients.
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    calendar = EventIndexPageFactory(parent=home_page)
    event = add_form_fields(
        EventPageFactory(parent=calendar, registration_enabled=True, seat_limit=20)
    )
    tokens = [SIGNUP_GUARD.token(event.pk) for _ in range(50)]
    # Timeouts, so that one stuck thread fails this test instead of hanging the whole run.
    start = threading.Barrier(50, timeout=30)
    statuses, errors = [], []

    def attempt(n):
        try:
            start.wait()
            response = Client().post(
                event.url,
                {
                    "namn": f"Person {n}",
                    "e_post": f"person{n}@example.org",
                    TOKEN_FIELD: tokens[n],
                },
                HTTP_ORIGIN=ORIGIN,
            )
            statuses.append(response.status_code)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,), daemon=True) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not any(thread.is_alive() for thread in threads), "a sign-up did not finish in time"
    assert errors == []
    assert statuses == [302] * 50
    registrations = EventRegistration.objects.filter(page=event)
    assert registrations.count() == 50
    assert registrations.filter(status="confirmed").count() == 20
    assert registrations.filter(status="waitlist").count() == 30
    names = [r.form_data["namn"] for r in registrations]
    assert sorted(names) == sorted(f"Person {n}" for n in range(50))
