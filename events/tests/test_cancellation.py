"""After signing up: the receipt says what happens next, lists the dates, gives a phone number
and a link that cancels; cancelling frees the seat for the first on the waiting list, who is
told by e-mail. A forged link, one used twice, or one used after the event changes nothing."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from events import links
from events.models import EventOccasion, EventPage, EventRegistration
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from events.tests.helpers import form_token, post_form, run_email_tasks, sign_up
from portal.models import ContactSettings


@pytest.fixture
def calendar(home_page):
    settings = ContactSettings.for_site(home_page.get_site())
    settings.phone = "070-174 06 05"
    settings.save()
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def group(calendar):
    """A group with two seats that meets three Thursdays, with an organiser's address."""
    event = EventPageFactory(
        parent=calendar,
        title="Föräldragrupp",
        registration_enabled=True,
        seat_limit=2,
        to_address="grupp@example.org",
        contact_phone="070-174 06 20",
    )
    first = timezone.now() + datetime.timedelta(days=7)
    for week in range(3):
        start = first + datetime.timedelta(weeks=week)
        EventOccasion.objects.create(
            page=event, start=start, end=start + datetime.timedelta(hours=1, minutes=30)
        )
    event = EventPage.objects.get(pk=event.pk)
    event.save()
    return add_form_fields(event)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def cancel_link(client, receipt_url):
    return soup(client.get(receipt_url)).find("a", string="Avboka anmälan")["href"]


def status_of(name):
    return EventRegistration.objects.get(form_data__namn=name).status


@pytest.mark.django_db
def test_the_receipt_says_what_happens_next_lists_the_dates_and_whom_to_call(client, group):
    response = sign_up(client, group, "Amina")
    receipt = client.get(response.url)
    assert receipt["X-Robots-Tag"] == "noindex"
    page = soup(receipt)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    text = page.find("main").get_text(" ", strip=True)
    assert "Du har en plats på Föräldragrupp." in text
    assert "Så här går det till nu" in text
    assert "Du behöver inte göra något mer." in text
    dates = [li.get_text(" ", strip=True) for li in page.find(class_="occasion-list")("li")]
    assert len(dates) == 3
    assert page.find("a", href="tel:+46701740620").get_text() == "070-174 06 20"
    assert cancel_link(client, response.url).startswith(f"{group.url}avboka/")


@pytest.mark.django_db
def test_without_a_phone_of_its_own_the_event_gives_the_general_number(client, group):
    EventPage.objects.filter(pk=group.pk).update(contact_phone="")
    receipt = soup(client.get(sign_up(client, group, "Amina").url))
    assert receipt.find("a", href="tel:+46701740605") is not None


@pytest.mark.django_db
def test_cancelling_frees_the_seat_for_the_first_on_the_waiting_list_who_is_told(
    client, group, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sign_up(client, group, "Amina")
        sign_up(client, group, "Johan")
        sign_up(client, group, "Lina")
        sign_up(client, group, "Omar")
    run_email_tasks()
    mailoutbox.clear()
    assert [status_of(n) for n in ["Amina", "Johan", "Lina", "Omar"]] == [
        "confirmed",
        "confirmed",
        "waitlist",
        "waitlist",
    ]

    url = cancel_link(client, first.url)
    # Opening the link only asks: mail programs and scanners open links by themselves.
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert confirm["X-Robots-Tag"] == "noindex"
    assert "Vill du avboka din anmälan till Föräldragrupp?" in soup(confirm).get_text()
    assert status_of("Amina") == "confirmed"

    with django_capture_on_commit_callbacks(execute=True):
        done = post_form(client, url, {})
    assert done.status_code == 302
    assert "Din anmälan är avbokad" in soup(client.get(done.url)).find("h1").get_text()
    assert [status_of(n) for n in ["Amina", "Johan", "Lina", "Omar"]] == [
        "cancelled",
        "confirmed",
        "confirmed",
        "waitlist",
    ]
    # The page counts the freed seat as taken again, by Lina.
    assert "Fullt" in soup(client.get(group.url)).find(class_="seats").get_text()

    assert mailoutbox == []  # queued, not sent during the request
    assert run_email_tasks() == 3
    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert set(by_recipient) == {"amina@example.org", "lina@example.org", "grupp@example.org"}
    promoted = by_recipient["lina@example.org"]
    assert promoted.subject == "Du har fått en plats: Föräldragrupp"
    assert "du har nu en plats på Föräldragrupp" in promoted.body
    assert f"http://testserver{group.url}avboka/" in promoted.body
    assert "Lina" not in promoted.body
    assert by_recipient["amina@example.org"].subject == "Avbokad: Föräldragrupp"
    notice = by_recipient["grupp@example.org"].body
    assert "1 person flyttades upp från väntelistan" in notice
    assert "Lina" not in notice and "Amina" not in notice


@pytest.mark.django_db
def test_cancelling_a_waiting_list_place_moves_nobody(client, group):
    for name in ["Amina", "Johan"]:
        sign_up(client, group, name)
    lina = sign_up(client, group, "Lina")
    omar = sign_up(client, group, "Omar")
    assert "nummer 2 på väntelistan" in soup(client.get(omar.url)).get_text()
    post_form(client, cancel_link(client, lina.url), {})
    assert [status_of(n) for n in ["Amina", "Johan", "Lina", "Omar"]] == [
        "confirmed",
        "confirmed",
        "cancelled",
        "waitlist",
    ]
    assert "nummer 1 på väntelistan" in soup(client.get(omar.url)).get_text()


@pytest.mark.django_db
def test_a_link_used_twice_changes_nothing_the_second_time(client, group):
    first = sign_up(client, group, "Amina")
    url = cancel_link(client, first.url)
    token = form_token(client, url)
    assert post_form(client, url, {}, token=token).status_code == 302
    sign_up(client, group, "Johan")
    sign_up(client, group, "Lina")
    sign_up(client, group, "Omar")  # waiting list: the group is full again
    again = post_form(client, url, {}, token=token)
    assert again.status_code == 410
    assert "Anmälan är redan avbokad" in soup(again).get_text()
    assert "Ingenting har ändrats." in soup(again).get_text()
    assert client.get(url).status_code == 410
    assert status_of("Omar") == "waitlist"
    # The receipt no longer offers to cancel.
    assert soup(client.get(first.url)).find("a", string="Avboka anmälan") is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-3] + "abc",
        lambda token: "x" + token,
        lambda token: "bm90LWEtdG9rZW4",
        lambda token: "%C3%A5%C3%A4%C3%B6",
    ],
)
def test_a_forged_link_gets_a_friendly_page_and_changes_nothing(client, group, mangle):
    first = sign_up(client, group, "Amina")
    url = cancel_link(client, first.url)
    token = url.rstrip("/").rsplit("/", 1)[-1]
    forged = f"{group.url}avboka/{mangle(token)}/"
    for response in (client.get(forged), post_form(client, forged, {}, token="x")):
        assert response.status_code == 404
        assert "Länken är inte hel eller kommer inte från oss." in soup(response).get_text()
    assert status_of("Amina") == "confirmed"


@pytest.mark.django_db
def test_a_link_for_one_event_does_not_cancel_at_another(client, calendar, group):
    other = add_form_fields(
        EventPageFactory(parent=calendar, registration_enabled=True, title="Annat")
    )
    url = cancel_link(client, sign_up(client, group, "Amina").url)
    token = url.rstrip("/").rsplit("/", 1)[-1]
    response = client.get(f"{other.url}avboka/{token}/")
    assert response.status_code == 404
    assert status_of("Amina") == "confirmed"


@pytest.mark.django_db
def test_a_link_used_after_the_event_changes_nothing(client, group):
    url = cancel_link(client, sign_up(client, group, "Amina").url)
    token = form_token(client, url)
    ended = timezone.now() - datetime.timedelta(hours=1)
    EventOccasion.objects.filter(page=group).update(
        start=ended - datetime.timedelta(hours=2), end=ended
    )
    EventPage.objects.get(pk=group.pk).save()
    for response in (client.get(url), post_form(client, url, {}, token=token)):
        assert response.status_code == 410
        assert "Evenemanget har redan varit" in soup(response).get_text()
    assert status_of("Amina") == "confirmed"


@pytest.mark.django_db
def test_a_link_to_a_deleted_sign_up_says_so(client, group):
    url = cancel_link(client, sign_up(client, group, "Amina").url)
    EventRegistration.objects.all().delete()
    response = client.get(url)
    assert response.status_code == 404
    assert "Anmälan finns inte längre" in soup(response).get_text()


@pytest.mark.django_db
def test_cancelling_needs_the_forms_token_and_the_sites_origin(client, group):
    url = cancel_link(client, sign_up(client, group, "Amina").url)
    for response in (
        post_form(client, url, {}, token=""),
        post_form(client, url, {}, token="fel"),
        post_form(client, url, {}, origin="https://annan.example"),
    ):
        assert response.status_code in (400, 403)
        assert status_of("Amina") == "confirmed"
    # A token from another sign-up's page does not cancel this one.
    other_url = cancel_link(client, sign_up(client, group, "Johan").url)
    response = post_form(client, url, {}, token=form_token(client, other_url))
    assert response.status_code == 400
    assert status_of("Amina") == "confirmed"


@pytest.mark.django_db
def test_the_cancel_link_is_signed_and_names_the_event_and_sign_up(group):
    registration = EventRegistration.objects.create(page=group, form_data={}, status="confirmed")
    token = links.cancel_token(registration)
    assert links.cancel_ids(token) == (group.pk, registration.pk)
    with pytest.raises(links.BadLink):
        links.cancel_ids(links.receipt_token(registration))
