"""Two-step verification: off by default; when an administrator requires it (for everyone or a
group), an editor gets no admin page before a code from the app or a recovery code; one
without an app connects one first and gets ten recovery codes, each valid once."""

import logging
import re
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial import roles
from editorial.models import TwoFactorPolicy

VERIFY = "/admin/tvastegsverifiering/"
SETUP = "/admin/tvastegsverifiering/aktivera/"
ADMIN = "/admin/"


@pytest.fixture(autouse=True)
def no_waiting(settings):
    # django-otp makes each try after a wrong code wait a little longer; the tests that try
    # a right code after a wrong one would otherwise have to wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def required_for_all(db):
    policy = TwoFactorPolicy.load()
    policy.required_for_all = True
    policy.save()
    return policy


def current_code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=offset):06d}"


def app_for(user):
    return TOTPDevice.objects.create(user=user, name="Autentiseringsapp", confirmed=True)


def recovery_codes_for(user, *codes):
    device = StaticDevice.objects.create(user=user, name="Reservkoder", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return device


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.mark.django_db
def test_off_by_default_editors_go_straight_to_the_admin(client, communicator):
    assert not TwoFactorPolicy.load().required_for_all
    client.force_login(communicator)
    assert client.get(ADMIN).status_code == 200


@pytest.mark.django_db
def test_when_required_no_admin_page_opens_before_the_code(client, communicator, required_for_all):
    device = app_for(communicator)
    client.force_login(communicator)
    for path in [ADMIN, "/admin/pages/", "/admin/guide/", "/admin/users/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{VERIFY}?next={path.replace('/', '%2F')}"

    page = client.get(VERIFY)
    assert page.status_code == 200
    # What the page's layout loads is served, not redirected.
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200
    assert "Tvåstegsverifiering" in text(page)
    assert "reservkoder" in text(page)

    # A wrong code is refused, and the admin stays closed.
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    refused = client.post(VERIFY, {"code": wrong, "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "Koden stämmer inte" in text(refused)
    assert client.get(ADMIN).status_code == 302

    # The code the app shows now opens it, at the page that was asked for.
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get(ADMIN).status_code == 200


@pytest.mark.django_db
def test_the_second_step_follows_the_password_on_the_login_page(
    client, communicator, required_for_all
):
    communicator.set_password("rätt-lösenord-2026")
    communicator.save()
    device = app_for(communicator)
    response = client.post(
        "/admin/login/",
        {"username": communicator.username, "password": "rätt-lösenord-2026", "next": ADMIN},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302
    assert client.get(ADMIN).status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, communicator, required_for_all):
    app_for(communicator)
    recovery_codes_for(communicator, "abcd2345", "efgh6723")
    client.force_login(communicator)
    # Typed with a space and capitals, as read off a printout.
    assert client.post(VERIFY, {"code": "ABCD 2345"})["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200

    client.logout()
    client.force_login(communicator)
    again = client.post(VERIFY, {"code": "abcd2345"})
    assert again.status_code == 200
    assert "Koden stämmer inte" in text(again)
    assert client.get(ADMIN).status_code == 302
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["efgh6723"]


@pytest.mark.django_db
def test_an_editor_without_an_app_sets_one_up_and_gets_recovery_codes_once(
    client, communicator, required_for_all
):
    client.force_login(communicator)
    assert client.get(VERIFY + "?next=/admin/pages/")["Location"] == (
        SETUP + "?next=%2Fadmin%2Fpages%2F"
    )
    page = client.get(SETUP + "?next=/admin/pages/")
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    # The QR code is drawn in the page, and the secret can be typed instead.
    assert html.select_one("figure svg title").get_text() == "QR-kod för autentiseringsappen"
    device = TOTPDevice.objects.get(user=communicator, confirmed=False)
    secret = html.select_one("[data-secret]").get_text().replace(" ", "")
    assert "secret=" + secret in device.config_url
    # Until it is confirmed, the admin stays closed.
    assert client.get(ADMIN)["Location"].startswith(VERIFY)

    wrong = client.post(SETUP, {"code": "000000" if current_code(device) != "000000" else "1"})
    assert "Koden stämmer inte" in text(wrong)

    done = client.post(SETUP, {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = [
        code.get_text() for code in BeautifulSoup(done.content, "html.parser").select("li code")
    ]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "visas bara nu" in text(done)
    assert client.get(ADMIN).status_code == 200

    # The codes are not shown again: the set-up page leads on, or to the verification.
    assert client.get(SETUP)["Location"] == ADMIN
    client.logout()
    client.force_login(communicator)
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"code": codes[3]}).status_code == 302


@pytest.mark.django_db
def test_required_per_group(client, communicator, advisor_editor):
    policy = TwoFactorPolicy.load()
    policy.required_groups.set([Group.objects.get(name=roles.ADVISORS)])
    client.force_login(advisor_editor)
    assert client.get(ADMIN)["Location"].startswith(VERIFY)
    client.force_login(communicator)
    assert client.get(ADMIN).status_code == 200
    # Nor do the verification pages keep anyone who need not use them.
    assert client.get(VERIFY)["Location"] == ADMIN
    assert client.get(SETUP)["Location"] == ADMIN
    assert not TOTPDevice.objects.filter(user=communicator).exists()


@pytest.mark.django_db
def test_only_administrators_see_the_setting(client, communicator, superuser):
    url = reverse("wagtailsettings:edit", args=["editorial", "twofactorpolicy"])
    client.force_login(communicator)
    refused = client.get(url, follow=True)
    assert "Kräv tvåstegsverifiering för alla redaktörer" not in text(refused)
    assert "twofactorpolicy" not in refused.redirect_chain[-1][0]
    client.force_login(superuser)
    page = client.get(url, follow=True)
    assert page.status_code == 200
    assert "Kräv tvåstegsverifiering för alla redaktörer" in text(page)


@pytest.mark.django_db
def test_an_unsafe_next_address_is_not_followed(client, communicator, required_for_all):
    device = app_for(communicator)
    client.force_login(communicator)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == ADMIN


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_phone(client, communicator, required_for_all):
    app_for(communicator)
    recovery_codes_for(communicator, "abcd2345")
    out = StringIO()
    call_command("reset_two_factor", communicator.username, stdout=out)
    assert "återställd" in out.getvalue()
    client.force_login(communicator)
    assert client.get(VERIFY)["Location"].startswith(SETUP)


@pytest.mark.django_db
def test_codes_are_never_logged(client, communicator, required_for_all, caplog):
    """The log says who passed or failed the second step, never the code."""
    caplog.set_level(logging.DEBUG)
    device = app_for(communicator)
    client.force_login(communicator)
    code = current_code(device)
    client.post(VERIFY, {"code": "999999" if code != "999999" else "111111"})
    client.post(VERIFY, {"code": code})
    messages = [r.getMessage() for r in caplog.records if r.name == "editorial.security"]
    assert any("misslyckad" in message for message in messages)
    assert any("godkänd" in message for message in messages)
    assert code not in caplog.text
    assert re.search(r"\b999999\b|\b111111\b", caplog.text) is None
