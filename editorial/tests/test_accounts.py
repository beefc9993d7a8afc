"""Editor accounts: the admin login locks after repeated failures (per name and address, and per
address with a higher limit), says so in Swedish, logs every login without the password,
refuses short passwords, and ends sessions."""

import logging

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

import pytest

LOGIN = "/admin/login/"
PASSWORD = "rätt-lösenord-2026"
OFFICE = "192.0.2.10"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def editor(communicator):
    communicator.set_password(PASSWORD)
    communicator.save()
    return communicator


@pytest.fixture
def other_editor(reviewer):
    reviewer.set_password(PASSWORD)
    reviewer.save()
    return reviewer


def login(client, username, password, address=OFFICE, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def logged_in(client):
    return SESSION_KEY in client.session


def fail(client, username, times, address=OFFICE, **extra):
    return [login(client, username, "fel-lösenord", address, **extra) for _ in range(times)]


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_name_from_that_address(client, editor, other_editor):
    responses = fail(client, editor.username, 5)
    # The first four are ordinary failures: the login form again, with its error.
    assert [response.status_code for response in responses] == [200, 200, 200, 200, 429]
    locked = responses[-1]
    text = locked.content.decode()
    assert "För många misslyckade inloggningar" in text
    assert "15 minuter" in text
    assert locked["Retry-After"] == "900"

    # The right password is refused while locked.
    response = login(client, editor.username, PASSWORD)
    assert response.status_code == 429
    assert "Inloggningen är spärrad" in response.content.decode()
    assert not logged_in(client)

    # Another editor from another address is not locked, and neither is the same editor
    # from her own address elsewhere: guessing her name does not keep her out.
    assert login(client, other_editor.username, PASSWORD, ELSEWHERE).status_code == 302
    client.logout()
    assert login(client, editor.username, PASSWORD, ELSEWHERE).status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_guessing_many_names_from_one_address_locks_the_address(
    client, editor, other_editor, settings
):
    settings.AXES_IP_FAILURE_LIMIT = 8
    for number in range(8):
        # Two tries per name: no single name reaches its own limit of five.
        fail(client, f"gissning{number // 2}", 1)
    response = login(client, other_editor.username, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    # Elsewhere the same editor logs in.
    assert login(client, other_editor.username, PASSWORD, ELSEWHERE).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_clears_that_names_failures(client, editor):
    fail(client, editor.username, 4)
    assert login(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    assert [r.status_code for r in fail(client, editor.username, 4)] == [200] * 4


@pytest.mark.django_db
def test_the_address_behind_the_proxy_is_the_one_counted(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    fail(client, editor.username, 5, proxy, HTTP_X_FORWARDED_FOR=OFFICE)
    locked = login(client, editor.username, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE)
    assert locked.status_code == 429
    # Another client behind the same proxy is not locked.
    other = login(client, editor.username, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert other.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forwarded", ["inte-en-adress", "1.2.3.4.5, ::zz", "\x00", "2001:db8::1%eth0"]
)
def test_a_forged_forwarded_header_gives_no_server_error(client, editor, forwarded):
    responses = fail(client, editor.username, 2, HTTP_X_FORWARDED_FOR=forwarded)
    assert [response.status_code for response in responses] == [200, 200]


@pytest.mark.django_db
def test_an_administrator_unlocks_a_name(client, editor):
    fail(client, editor.username, 5)
    call_command("axes_reset_username", editor.username)
    assert login(client, editor.username, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_logins_are_logged_without_the_password(client, editor, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, axes' own included
    secret = "hemligt-Lösenord-9781"
    login(client, editor.username, secret)
    login(client, editor.username, PASSWORD)

    security = [r.getMessage() for r in caplog.records if r.name == "editorial.security"]
    assert security == [
        f"Misslyckad inloggning: användarnamn '{editor.username}' från {OFFICE}",
        f"Inloggning: användare '{editor.username}' från {OFFICE}",
    ]
    assert secret not in caplog.text
    assert PASSWORD not in caplog.text


@pytest.mark.django_db
def test_a_lockout_is_logged(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="editorial.security")
    fail(client, editor.username, 5)
    assert any(
        r.getMessage().startswith("Inloggningen spärrad: användarnamn 'kommunikator'")
        for r in caplog.records
    )


def test_short_and_common_passwords_are_refused_in_swedish():
    with translation.override("sv"), pytest.raises(ValidationError) as short:
        validate_password("Kort-9xq!")
    assert "minst 12 tecken" in " ".join(short.value.messages)
    with translation.override("sv"), pytest.raises(ValidationError) as common:
        validate_password("password1234")
    assert "för vanligt" in " ".join(common.value.messages)
    validate_password("en lång mening som lösenord")


@pytest.mark.django_db
def test_an_admin_session_ends(client, editor):
    # Without "Kom ihåg mig" the session ends with the browser (a cookie without expiry)...
    response = login(client, editor.username, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]
    # ... and in any case after eight hours.
    assert client.session.get_expiry_age() <= 8 * 60 * 60
    client.logout()
    response = client.post(
        LOGIN,
        {"username": editor.username, "password": PASSWORD, "remember": "on"},
        REMOTE_ADDR=OFFICE,
    )
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60
