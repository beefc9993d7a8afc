"""The forms in a real browser (headless Chromium) on a phone, 375 x 812 CSS pixels: page
feedback with JavaScript stays in place and moves focus to each new step; without JavaScript
each step is a page load that comes back to the box, on the screen. Every state, and the
call-back form with its errors, passes axe and fits the screen."""

import pytest
from playwright.sync_api import expect

from feedback.models import CallbackRequest, PageFeedback
from portal.tests.test_browser import axe_violations

PHONE = {"width": 375, "height": 812}
GUIDANCE = "/foraldraradgivning/narvarotrappan/"
AREA = "/foraldraradgivning/hitta-foraldraradgivare/varby/"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(live_server, demo_site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    return live_server.url


def phone(browser, javascript, bypass_csp=False):
    context = browser.new_context(
        java_script_enabled=javascript, viewport=PHONE, locale="sv-SE", bypass_csp=bypass_csp
    )
    return context, context.new_page()


def assert_accessible_and_fits(page, what, javascript=True):
    # axe runs as a script, so only where JavaScript is on (the same markup is served without).
    if javascript:
        violations = axe_violations(page)
        assert not violations, f"{what}:\n" + "\n".join(violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{what}: {width} px wide"


def assert_on_screen(locator):
    """Wholly on the phone's screen (the browser scrolls to #feedback just after loading)."""
    expect(locator).to_be_in_viewport(ratio=1)


def test_with_javascript_the_answer_and_comment_stay_in_place(browser, site_url):
    before = PageFeedback.objects.count()
    context, page = phone(browser, javascript=True, bypass_csp=True)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site_url + GUIDANCE)
        navigations = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url))
        box = page.locator("#feedback")
        box.scroll_into_view_if_needed()
        assert_accessible_and_fits(page, "question")
        box.get_by_role("button", name="Nej").click()
        heading = page.locator("#feedback h2")
        expect(heading).to_have_text("Tack för ditt svar!")
        expect(heading).to_be_focused()
        assert_accessible_and_fits(page, "comment form")
        page.get_by_label("Vill du berätta mer? (frivilligt)").fill(
            "Svårt att förstå. Ring mig på 070-123 45 67."
        )
        page.get_by_role("button", name="Skicka kommentaren").click()
        expect(heading).to_have_text("Tack för din hjälp!")
        expect(heading).to_be_focused()
        assert_on_screen(heading)
        assert_accessible_and_fits(page, "thanks")
        assert navigations == [], navigations
        assert page.url == site_url + GUIDANCE
        assert errors == []
    finally:
        context.close()
    feedback = PageFeedback.objects.order_by("-pk").first()
    assert PageFeedback.objects.count() == before + 1
    assert feedback.helpful is False
    assert feedback.comment == "Svårt att förstå. Ring mig på [telefonnummer borttaget]."


def test_without_javascript_each_step_comes_back_to_the_box(browser, site_url):
    before = PageFeedback.objects.count()
    context, page = phone(browser, javascript=False)
    try:
        page.goto(site_url + GUIDANCE)
        page.locator("#feedback").get_by_role("button", name="Ja").click()
        assert "?tack=" in page.url and page.url.endswith("#feedback")
        heading = page.locator("#feedback h2")
        expect(heading).to_have_text("Tack för ditt svar!")
        assert_on_screen(heading)
        page.get_by_label("Vill du berätta mer? (frivilligt)").fill("Tydligt, tack.")
        page.get_by_role("button", name="Skicka kommentaren").click()
        assert page.url.endswith("?tack=klar#feedback")
        expect(heading).to_have_text("Tack för din hjälp!")
        assert_on_screen(heading)
    finally:
        context.close()
    feedback = PageFeedback.objects.order_by("-pk").first()
    assert PageFeedback.objects.count() == before + 1
    assert (feedback.helpful, feedback.comment) == (True, "Tydligt, tack.")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_call_back_form_works_and_passes_axe_on_a_phone(browser, site_url, javascript):
    context, page = phone(browser, javascript=javascript, bypass_csp=True)
    try:
        page.goto(site_url + AREA)
        form = page.locator("#bli-kontaktad")
        form.scroll_into_view_if_needed()
        assert_accessible_and_fits(page, "call-back form", javascript)
        form.get_by_label("Förnamn eller alias").fill("Sara")
        form.get_by_label("Telefonnummer eller e-postadress").fill("19811228-9874")
        form.get_by_role("button", name="Skicka förfrågan").click()
        expect(page.locator(".form-error").first).to_be_visible()
        assert "Skriv inte personnummer här" in page.locator("#bli-kontaktad").inner_text()
        assert_accessible_and_fits(page, "call-back form with errors", javascript)
        assert not CallbackRequest.objects.exists()
        page.get_by_label("Telefonnummer eller e-postadress").fill("070-174 06 30")
        page.get_by_role("button", name="Skicka förfrågan").click()
        expect(page.locator("#bli-kontaktad [role=status]")).to_contain_text("Tack!")
        assert page.url.endswith(AREA + "?kontakt=tack#bli-kontaktad")
        assert_accessible_and_fits(page, "call-back thanks", javascript)
    finally:
        context.close()
    assert CallbackRequest.objects.get().name == "Sara"
