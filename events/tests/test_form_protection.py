"""The sign-up form without a cookie: a browser that enforces nothing but the site's own rules
signs up with the form's one-time token from the site's own origin; a POST without a valid
token, from another site, or beyond the limit per client is refused in Swedish, saves nothing,
keeps what was typed, and is never a 500."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from events.models import EventRegistration
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from events.tests.helpers import ORIGIN, form_token, post_form, sign_up
from events.views import SIGNUP_GUARD
from portal.forms_protection import TOKEN_FIELD

ANSWERS = {"namn": "Amina", "e_post": "amina@example.org", "ovrigt": "Vi kommer två."}


@pytest.fixture
def course(home_page):
    calendar = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=calendar, title="Förälder på avstånd", registration_enabled=True, seat_limit=20
    )
    return add_form_fields(event)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def kept_answers(response):
    """What the form shows again: the values of its fields."""
    form = soup(response).find("section", class_="registration").find("form")
    values = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    values.update({t["name"]: t.get_text().lstrip("\n") for t in form.find_all("textarea")})
    return values


def refusal_text(response):
    return soup(response).find(class_="form-error--refused").get_text(" ", strip=True)


@pytest.mark.django_db
def test_the_form_works_without_any_cookie_in_a_client_that_enforces_csrf(course):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(course.url)
    assert not page.cookies and "Set-Cookie" not in page.headers
    token = soup(page).find("input", attrs={"name": TOKEN_FIELD})["value"]
    response = browser.post(course.url, {**ANSWERS, TOKEN_FIELD: token}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 302
    assert not response.cookies
    receipt = browser.get(response.url)
    assert receipt.status_code == 200 and not receipt.cookies
    assert EventRegistration.objects.count() == 1


@pytest.mark.django_db
def test_other_posts_still_need_djangos_csrf_cookie(course):
    """Only a POST that carries the form's token skips the cookie check."""
    response = Client(enforce_csrf_checks=True).post(course.url, ANSWERS, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 403
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("", "Formuläret kunde inte kontrolleras, så inget skickades."),
        ("forged:token:value", "Formuläret kunde inte kontrolleras, så inget skickades."),
        ("å" * 5000, "Formuläret kunde inte kontrolleras, så inget skickades."),
    ],
)
def test_a_missing_or_forged_token_is_refused_and_the_answers_are_kept(
    client, course, token, message
):
    response = post_form(client, course.url, ANSWERS, token=token)
    assert response.status_code == 400
    assert message in refusal_text(response)
    assert not EventRegistration.objects.exists()
    kept = kept_answers(response)
    assert kept["namn"] == "Amina" and kept["ovrigt"] == "Vi kommer två."
    # The form has a fresh token: sending it again works.
    assert post_form(client, course.url, ANSWERS, token=kept[TOKEN_FIELD]).status_code == 302


@pytest.mark.django_db
def test_a_token_from_another_events_form_is_refused(client, course):
    other = add_form_fields(
        EventPageFactory(
            parent=course.get_parent(), registration_enabled=True, title="Föräldragrupp"
        )
    )
    response = post_form(client, course.url, ANSWERS, token=form_token(client, other.url))
    assert response.status_code == 400
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_an_expired_token_is_refused_with_the_answers_kept(client, course, settings):
    token = form_token(client, course.url)
    settings.PUBLIC_FORM_TOKEN_MAX_AGE = -1
    response = post_form(client, course.url, ANSWERS, token=token)
    assert response.status_code == 400
    assert "hann bli för gammalt" in refusal_text(response)
    assert kept_answers(response)["e_post"] == "amina@example.org"
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://annan-webbplats.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.example"},
        {"HTTP_REFERER": "https://annan-webbplats.example/formular/"},
    ],
)
def test_a_post_from_another_site_is_refused_in_swedish(client, course, headers):
    token = form_token(client, course.url)
    response = client.post(course.url, {**ANSWERS, TOKEN_FIELD: token}, **headers)
    assert response.status_code == 403
    assert "Formuläret skickades inte från den här webbplatsen" in soup(response).get_text()
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_the_referer_stands_in_for_a_missing_origin(client, course):
    token = form_token(client, course.url)
    response = client.post(
        course.url, {**ANSWERS, TOKEN_FIELD: token}, HTTP_REFERER=f"{ORIGIN}{course.url}"
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_over_https_a_post_must_say_where_it_comes_from(client, course, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    token = form_token(client, course.url)
    data = {**ANSWERS, TOKEN_FIELD: token}
    https = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "testserver"}
    refused = client.post(course.url, data, **https)
    assert refused.status_code == 403
    accepted = client.post(course.url, data, **https, HTTP_ORIGIN="https://testserver")
    assert accepted.status_code == 302


@pytest.mark.django_db
def test_beyond_the_limit_per_client_a_post_gets_429_and_nothing_is_lost(client, course, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 3
    receipts = [sign_up(client, course, name) for name in ["Amina", "Johan", "Lina"]]
    assert [r.status_code for r in receipts] == [302] * 3
    response = post_form(client, course.url, {**ANSWERS, "namn": "Omar"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Du har skickat många formulär på kort tid." in refusal_text(response)
    assert "Det du redan har skickat är sparat." in refusal_text(response)
    assert kept_answers(response)["namn"] == "Omar"
    # The earlier sign-ups are all there, unchanged, and their receipts work.
    assert sorted(EventRegistration.objects.values_list("form_data__namn", flat=True)) == [
        "Amina",
        "Johan",
        "Lina",
    ]
    assert all(client.get(r.url).status_code == 200 for r in receipts)
    # Reading pages is not limited.
    assert client.get(course.url).status_code == 200
    # Another client is not affected.
    other = post_form(
        client, course.url, {**ANSWERS, "namn": "Sara"}, token=SIGNUP_GUARD.token(course.pk)
    )
    assert other.status_code == 429  # same address here ...
    elsewhere = Client(REMOTE_ADDR="192.0.2.44")
    token = form_token(elsewhere, course.url)
    assert post_form(elsewhere, course.url, ANSWERS, token=token).status_code == 302


@pytest.mark.django_db
def test_after_the_closing_time_a_post_with_a_token_still_saves_nothing(client, course):
    token = form_token(client, course.url)
    course.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    course.save()
    response = post_form(client, course.url, ANSWERS, token=token)
    assert response.status_code == 200
    assert "inte sparad" in soup(response).find("section", class_="registration").get_text()
    assert not EventRegistration.objects.exists()
