"""The search in a real browser: at 375 x 812 and on a desktop, with and without JavaScript,
axe clean, the first result in the first screen of a phone, suggestions by keyboard."""

import pytest

from portal.tests.test_browser import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_search_from_the_header_shows_results_in_the_first_screen(
    browser, live_server, demo_site, viewport, javascript
):
    context = browser.new_context(
        viewport=viewport, java_script_enabled=javascript, bypass_csp=True, locale="sv-SE"
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/foraldraradgivning/narvarotrappan/")
        page.fill("header input[name=q]", "skolfranvaro")
        page.press("header input[name=q]", "Enter")
        page.wait_for_url("**/sok/?q=skolfranvaro")
        first = page.locator(".search-result__title a").first
        assert first.inner_text() == "Problematisk skolfrånvaro"
        box = first.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"]
        assert page.locator(".search-page__suggestion a").inner_text() == "skolfrånvaro"
        if javascript:
            violations = axe_violations(page)
            assert not violations, "\n".join(violations)
    finally:
        context.close()


def test_suggestions_can_be_chosen_with_the_keyboard(browser, live_server, demo_site):
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        field = page.locator("header input[name=q]")
        field.press_sequentially("orosanm", delay=30)
        listbox = page.locator("[role=listbox]")
        listbox.wait_for(state="visible")
        assert field.get_attribute("aria-expanded") == "true"
        field.press("ArrowDown")
        active = field.get_attribute("aria-activedescendant")
        assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
        field.press("Enter")
        page.wait_for_url("**/sa-gor-du-en-orosanmalan/")
    finally:
        context.close()
