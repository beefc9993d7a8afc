"""Signing up on a phone (375 × 812 CSS pixels) in a real browser, with JavaScript off and on:
the demo's parent group that meets six Thursdays. No cookie before the POST (nor after), the
receipt lists the six dates and the link that cancels, the cancellation works, and the
e-mails go out when the task worker (`manage.py db_worker`) runs, not during the request."""

from django.core import mail
from django.core.management import call_command

import pytest

from events.models import EventRegistration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GROUP = "/kalender/foraldragrupp-skolfranvaro-flemingsberg-2027/"
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def site_url(live_server, demo_site):
    return live_server.url


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_signing_up_and_cancelling_on_a_phone(browser, site_url, javascript, tmp_path):
    context = browser.new_context(
        viewport=PHONE,
        java_script_enabled=javascript,
        locale="sv-SE",
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    set_cookies = []
    page.on(
        "response",
        lambda response: (
            set_cookies.append(response.url) if "set-cookie" in response.headers else None
        ),
    )
    name = f"Hodan {'med' if javascript else 'utan'} JS"
    address = f"hodan.{'js' if javascript else 'nojs'}@example.org"
    try:
        page.goto(site_url + GROUP)
        assert page.locator("h1").inner_text() == "Föräldragrupp om skolfrånvaro i Flemingsberg"
        assert page.locator(".event-facts .occasion-list li").count() == 6
        assert "platser kvar" in page.locator(".registration .seats").inner_text()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"

        page.get_by_label("Förnamn eller smeknamn").fill(name)
        page.get_by_label("Telefon eller e-post").fill(address)
        page.get_by_label("Språk för tolk").fill("somaliska")
        assert context.cookies() == [], "a cookie before the POST"

        page.get_by_role("button", name="Skicka anmälan").click()
        page.wait_for_url("**/anmalan/**")
        assert page.locator("h1").inner_text() == "Tack för din anmälan"
        assert "Du har en plats" in page.locator("main").inner_text()
        assert page.locator(".occasion-list li").count() == 6
        assert page.locator("main a[href^='tel:+46']").count() >= 1
        page.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)
        registration = EventRegistration.objects.filter(form_token__isnull=False).latest("pk")
        assert registration.status == "confirmed"

        # The e-mail waits for the worker: the page did not wait for the mail server.
        assert [m for m in mail.outbox if address in m.to] == []
        call_command(
            "db_worker",
            "--backend",
            "email",
            "--batch",
            "--no-startup-delay",
            "--interval",
            "0",
            "--no-reload",
            verbosity=0,
        )
        [confirmation] = [m for m in mail.outbox if address in m.to]
        assert "Du har en plats" in confirmation.body
        assert "/avboka/" in confirmation.body

        page.get_by_role("link", name="Avboka anmälan").click()
        page.wait_for_url("**/avboka/**")
        page.get_by_role("button", name="Ja, avboka").click()
        page.wait_for_url("**/avbokad/")
        assert page.locator("h1").inner_text() == "Din anmälan är avbokad"
        registration.refresh_from_db()
        assert registration.status == "cancelled"
    finally:
        cookies = context.cookies()
        context.close()
    assert cookies == []
    assert set_cookies == [], set_cookies
