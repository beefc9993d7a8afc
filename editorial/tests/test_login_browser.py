"""Two-step verification in Chromium, through the real login page of the production server: an
editor who must use it connects an app by its QR code's key, is shown the recovery codes, and
reaches the dashboard; the admin's pages load cleanly on the way."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from editorial.models import TwoFactorPolicy

from .admin_browser import PASSWORD, AdminSession

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class TwoStepSession(AdminSession):
    """Logs in as an editor without an app does when two-step verification is required."""

    def login(self, username):
        page = self.page
        page.goto(self.server.url + "/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/admin/tvastegsverifiering/aktivera/\?next=.*"))
        expect(page.locator("h1")).to_have_text("Aktivera tvåstegsverifiering")
        expect(page.locator("figure svg")).to_be_visible()
        # The key typed in by hand, as an app does when the QR code cannot be scanned.
        secret = page.locator("[data-secret]").inner_text().replace(" ", "")
        self.key = b32decode(secret + "=" * (-len(secret) % 8))
        page.fill("input[name=code]", f"{totp(self.key):06d}")
        page.click("button[type=submit]")
        expect(page.locator("h1")).to_have_text("Dina reservkoder")
        self.recovery_codes = page.locator(".editorial-recovery-codes code").all_inner_texts()
        page.click("text=Jag har sparat koderna – fortsätt")
        page.wait_for_url(self.server.url + "/admin/")


def test_an_editor_connects_an_app_and_reaches_the_dashboard(
    browser, production_server, communicator
):
    policy = TwoFactorPolicy.load()
    policy.required_for_all = True
    policy.save()

    session = TwoStepSession(browser, production_server, communicator)
    try:
        assert len(set(session.recovery_codes)) == 10
        session.goto("/admin/pages/")
        session.assert_clean()
    finally:
        session.close()
