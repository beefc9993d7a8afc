"""Bli kontaktad: on the finder and the area pages, only what a call-back needs, the secrecy
note at every free-text field and the art. 13 information on the form; personal identity
numbers and over-long text are refused with nothing stored; the advisors' e-mail carries a link
and no submitted value."""

from django.core import mail

import pytest

from events.tests.helpers import run_email_tasks
from feedback.models import CallbackRequest

from .helpers import ORIGIN, callback_post, callback_section

pytestmark = pytest.mark.django_db


def valid(chosen_area, **changes):
    return {
        "name": "Sara",
        "contact": "070-174 06 30",
        "area": str(chosen_area.pk),
        "language": "arabiska",
        "interpreter": "on",
        "good_time": "Vardagar efter 15",
        **changes,
    }


@pytest.fixture
def area_url(small_directory):
    return small_directory["page"].url + "varby/"


def test_the_form_is_on_the_finder_and_the_area_pages(client, small_directory, area_url):
    varby = small_directory["areas"]["varby"]
    for url in [small_directory["page"].url, area_url]:
        section = callback_section(client.get(url))
        assert section is not None, url
        assert section.find("h2").get_text() == "Bli kontaktad"
        names = {
            field["name"]
            for field in section.find_all(["input", "select", "textarea"])
            if field.get("type") != "hidden"
        }
        assert names == {
            "name",
            "contact",
            "area",
            "language",
            "interpreter",
            "good_time",
            "webbadress",
        }
    area_page = callback_section(client.get(area_url))
    chosen = area_page.find("select", attrs={"name": "area"}).find("option", selected=True)
    assert chosen["value"] == str(varby.pk)
    languages = [
        o.get_text() for o in area_page.find("select", attrs={"name": "language"})("option")
    ]
    assert languages[0] == "Svenska" and "Arabiska" in languages


def test_every_free_text_field_says_not_to_write_about_the_child(client, area_url):
    section = callback_section(client.get(area_url))
    for name in ["name", "contact", "good_time"]:
        field = section.find("input", attrs={"name": name})
        help_text = section.find(id=field["aria-describedby"].split()[0]).get_text()
        assert "Skriv inget om ditt barn" in help_text, name
        assert "allmän handling" in help_text and "sekretess" in help_text


def test_the_form_says_who_is_responsible_the_legal_basis_retention_and_imy(
    client, area_url, settings
):
    settings.CALLBACK_REQUEST_RETENTION_DAYS = 14
    settings.CALLBACK_REQUEST_MAX_AGE_DAYS = 60
    note = callback_section(client.get(area_url)).find(class_="privacy-note").get_text(" ")
    note = " ".join(note.split())
    assert "Huddinge kommun, socialtjänsten är personuppgiftsansvarig" in note
    assert "artikel 6.1 e" in note
    assert "14 dagar efter att vi har kontaktat dig" in note and "senast 60 dagar" in note
    assert "Integritetsskyddsmyndigheten (IMY)" in note


def test_a_request_is_saved_and_the_advisors_get_a_link_and_no_values(
    client, small_directory, area_url, django_capture_on_commit_callbacks
):
    varby = small_directory["areas"]["varby"]
    varby.email = "varby@example.org"
    varby.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = callback_post(client, area_url, valid(varby))
    assert response.status_code == 302
    assert response.url == area_url + "?kontakt=tack#bli-kontaktad"
    assert not response.cookies
    saved = CallbackRequest.objects.get()
    assert (saved.name, saved.contact, saved.area, saved.language, saved.interpreter) == (
        "Sara",
        "070-174 06 30",
        varby,
        "arabiska",
        True,
    )
    thanks = callback_section(client.get(response.url))
    assert "Tack! Din förfrågan har kommit fram" in thanks.get_text()
    assert thanks.find("form") is None

    assert run_email_tasks() == 1
    [message] = mail.outbox
    # The area's mailbox and its published advisors with an address; not the one who left.
    amina = small_directory["advisors"]["amina"]
    assert set(message.to) == {
        "varby@example.org",
        "foraldraradgivare.varby@example.org",
        amina.email,
    }
    assert f"http://testserver/admin/kontaktforfragningar/{saved.pk}/" in message.body
    text = message.subject + message.body
    for value in ["Sara", "070-174", "06 30", "arabiska", "Vardagar", "Vårby", "tolk"]:
        assert value not in text, value


def test_a_reload_saves_one_request_and_sends_one_message(
    client, small_directory, area_url, django_capture_on_commit_callbacks
):
    varby = small_directory["areas"]["varby"]
    section = callback_section(client.get(area_url))
    token = section.find("input", attrs={"name": "form-token"})["value"]
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                "/bli-kontaktad/", {"form-token": token, **valid(varby)}, HTTP_ORIGIN=ORIGIN
            )
    assert CallbackRequest.objects.count() == 1
    assert run_email_tasks() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Sara 19811228-9874"),
        ("contact", "811228-9874"),
        ("good_time", "Ring efter 15, mitt personnummer är 811228 9874"),
    ],
)
def test_a_personal_identity_number_is_refused_and_nothing_stored(
    client, small_directory, area_url, field, value
):
    varby = small_directory["areas"]["varby"]
    response = callback_post(client, area_url, valid(varby, **{field: value}))
    assert response.status_code == 400
    section = callback_section(response)
    assert "Skriv inte personnummer här" in section.get_text()
    assert "inget sparades" in section.get_text()
    assert not CallbackRequest.objects.exists()
    # The answers are kept, so nothing has to be typed again.
    assert section.find("input", attrs={"name": "contact"})["value"]


@pytest.mark.parametrize(
    ("field", "limit"), [("name", 60), ("contact", 100), ("good_time", 200), ("language", None)]
)
def test_over_long_text_in_any_field_is_refused_and_nothing_stored(
    client, small_directory, area_url, field, limit
):
    varby = small_directory["areas"]["varby"]
    response = callback_post(client, area_url, valid(varby, **{field: "a" * 100_000}))
    assert response.status_code == 400
    text = callback_section(response).get_text()
    if limit:
        assert f"Skriv högst {limit} tecken" in text
    else:
        assert "Välj ett av språken i listan" in text
    assert not CallbackRequest.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contact": "ring mig"}, "Skriv ett telefonnummer med riktnummer"),
        ({"contact": ""}, "Skriv ett telefonnummer eller en e-postadress"),
        ({"name": ""}, "Skriv ett förnamn eller ett alias"),
        ({"area": "999999"}, "Välj ett av områdena i listan"),
        ({"area": "<script>"}, "Välj ett av områdena i listan"),
    ],
)
def test_bad_answers_get_a_clear_message(client, small_directory, area_url, changes, message):
    varby = small_directory["areas"]["varby"]
    response = callback_post(client, area_url, valid(varby, **changes))
    assert response.status_code == 400
    assert message in callback_section(response).get_text()
    assert not CallbackRequest.objects.exists()


def test_an_e_mail_address_is_a_valid_contact(client, small_directory, area_url):
    varby = small_directory["areas"]["varby"]
    response = callback_post(client, area_url, valid(varby, contact="sara@example.org"))
    assert response.status_code == 302
    assert CallbackRequest.objects.get().contact == "sara@example.org"


def test_the_honeypot_stores_nothing_and_looks_like_success(client, small_directory, area_url):
    varby = small_directory["areas"]["varby"]
    trapped = callback_post(client, area_url, valid(varby, webbadress="x"))
    assert trapped.status_code == 302
    assert "kontakt=tack" in trapped.url
    assert not CallbackRequest.objects.exists()


def test_a_post_from_another_site_is_refused(client, small_directory, area_url):
    varby = small_directory["areas"]["varby"]
    foreign = callback_post(client, area_url, valid(varby), origin="https://evil.example")
    assert foreign.status_code == 403
    assert not CallbackRequest.objects.exists()


def test_requests_beyond_the_rate_limit_get_429(client, small_directory, area_url, settings):
    varby = small_directory["areas"]["varby"]
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    assert callback_post(client, area_url, valid(varby)).status_code == 302
    refused = callback_post(client, area_url, valid(varby, name="Amal"))
    assert refused.status_code == 429
    assert "Vänta" in callback_section(refused).get_text()
    assert refused["Retry-After"]
    assert CallbackRequest.objects.count() == 1


def test_next_may_only_lead_back_to_this_site(client, small_directory, area_url):
    varby = small_directory["areas"]["varby"]
    response = callback_post(client, area_url, valid(varby, next="https://evil.example/"))
    assert response.status_code == 302
    assert response.url.startswith("/bli-kontaktad/?kontakt=tack")
    assert "Tack!" in callback_section(client.get(response.url)).get_text()
