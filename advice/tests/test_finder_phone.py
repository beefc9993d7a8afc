"""What a parent meets on a phone (375 x 812 CSS pixels, headless Chromium), with and without
JavaScript: after a search the first advisor's heading and phone number are on the first
screen; without a search the first phone number comes soon; the header is one compact row
with a "Meny" that works without JavaScript; the finder's new states pass axe and fit 320
pixels; advisor cards put the picture above the text."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from advice.tests.test_finder_browser import axe_violations
from demo.loader import DemoLoader

FINDER_PATH = "/foraldraradgivning/hitta-foraldraradgivare/"
PHONE = {"width": 375, "height": 812}
# Before this work the first phone number was 1,700-1,830 px down the directory's start.
START_PHONE_LIMIT = 1250
# The finder's answers that are new: one school from free text, several, none, a language
# (right to left), a language no one in the area speaks, a school in another area, and input
# that is refused.
STATES = [
    "?skola=V%C3%A5rbybacken",
    "?skola=v%C3%A5rby",
    "?skola=Rinkebyskolan",
    "?sprak=ar",
    "?sprak=so",
    "?omrade=varby&sprak=so",
    "?skola=varby-strandskola&omrade=skogas",
    "?omrade=finns-inte",
]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def finder_url(live_server, directory):
    """The demo directory under a bare site (quick to build); returns the finder's address."""
    DemoLoader().load_directory()
    return live_server.url + FINDER_PATH


def phone_context(browser, javascript=True, **options):
    return browser.new_context(
        java_script_enabled=javascript, viewport=PHONE, locale="sv-SE", **options
    )


def settle(page):
    """Wait until the page has stopped scrolling: with motion allowed, the browser scrolls
    smoothly to the results' fragment, and a box measured on the way is in no final place.
    (Polled from here: without JavaScript the page runs no animation-frame callbacks.)"""
    position = page.evaluate("window.scrollY")
    for _ in range(50):
        page.wait_for_timeout(100)
        now = page.evaluate("window.scrollY")
        if now == position:
            return
        position = now
    raise AssertionError("the page kept scrolling for five seconds")


def first_card_boxes(page):
    """The first result's heading and phone link, as the visitor sees them (viewport
    coordinates), once the page has stopped scrolling."""
    settle(page)
    card = page.locator(".finder-results .advisor-card").first
    return (
        card.locator(".advisor-card__name").bounding_box(),
        card.locator("a[href^='tel:']").first.bounding_box(),
    )


def assert_on_first_screen(box, what):
    assert box is not None, f"{what} is not shown"
    assert box["y"] >= 0, f"{what} is above the screen ({box['y']:.0f} px)"
    assert box["y"] + box["height"] <= PHONE["height"], (
        f"{what} ends {box['y'] + box['height']:.0f} px down, below the first screen"
    )


def search_by_school(page, javascript):
    field = page.locator("form.finder input[name=skola]")
    field.click()
    if javascript:
        # Type part of the name, pick it in the list, send.
        page.keyboard.type("vårbyback")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
    else:
        field.fill("Vårbybacken")
        page.get_by_role("button", name="Visa föräldrarådgivare").click()


def search_by_area(page, javascript):
    page.locator("#id_omrade").select_option(label="Vårby")
    page.get_by_role("button", name="Visa föräldrarådgivare").click()


def test_the_first_advisor_is_on_the_first_screen_after_a_search(browser, live_server, demo_site):
    """On the full demo site: school and area search, JavaScript on and off. The form's
    fragment scrolls to the answer; a shared link without it has the answer on the first
    screen too."""
    finder = live_server.url + FINDER_PATH
    for javascript in (True, False):
        context = phone_context(browser, javascript)
        page = context.new_page()
        try:
            for how, expected in [
                (search_by_school, "1 föräldrarådgivare på Vårbybackens skola"),
                (search_by_area, "2 föräldrarådgivare i Vårby"),
            ]:
                label = f"{how.__name__}, JavaScript {'on' if javascript else 'off'}"
                page.goto(finder)
                how(page, javascript)
                page.wait_for_url(re.compile(r"\?.*#resultat$"))
                page.wait_for_load_state("load")
                expect(page.locator("#resultat h2")).to_have_text(expected)
                heading, phone = first_card_boxes(page)
                assert_on_first_screen(heading, f"the first card's heading ({label})")
                assert_on_first_screen(phone, f"the first card's phone link ({label})")
                # Keyboard and screen reader users start at the answer.
                assert page.evaluate("document.activeElement.id") == "resultat", label

            # A shared link without the fragment: the answer is on the first screen as is.
            page.goto(finder + "?skola=varbybackens-skola")
            assert page.evaluate("window.scrollY") == 0
            heading, phone = first_card_boxes(page)
            assert_on_first_screen(heading, "the first card's heading (shared link)")
            assert_on_first_screen(phone, "the first card's phone link (shared link)")

            # Without a search: the form on the first screen, the first phone number soon.
            page.goto(finder)
            assert_on_first_screen(
                page.get_by_role("button", name="Visa föräldrarådgivare").bounding_box(),
                "the finder's button",
            )
            phone = page.locator(".area .advisor-card a[href^='tel:']").first.bounding_box()
            assert phone["y"] + phone["height"] < START_PHONE_LIMIT, phone
        finally:
            context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_language_search_shows_the_note_and_the_first_advisor_on_the_first_screen(
    browser, finder_url, javascript
):
    context = phone_context(browser, javascript)
    page = context.new_page()
    try:
        page.goto(finder_url)
        page.locator("#id_sprak").select_option(value="so")
        page.get_by_role("button", name="Visa föräldrarådgivare").click()
        page.wait_for_url(re.compile(r"sprak=so.*#resultat$"))
        note = page.locator(".interpreter-note [lang=so]")
        settle(page)
        assert_on_first_screen(note.bounding_box(), "the note in Somali")
        heading, _phone = first_card_boxes(page)
        assert_on_first_screen(heading, "the first card's heading")
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_phone_header_is_one_row_with_a_menu_that_opens_without_javascript(
    browser, finder_url, javascript
):
    context = phone_context(browser, javascript)
    page = context.new_page()
    try:
        page.goto(finder_url)
        header = page.locator(".site-header")
        # One row for the name and "Meny", and one for the search box (issue 11: in the
        # header of every page; 2.75rem and its spacing).
        assert header.bounding_box()["height"] <= 120 + 50
        menu = page.locator("nav.main-nav")
        expect(menu).to_be_hidden()
        expect(page.locator(".service-links")).to_be_hidden()
        toggle = page.locator("summary.site-menu__toggle")
        expect(toggle).to_have_text("Meny")
        size = toggle.bounding_box()
        assert size["height"] >= 44 and size["width"] >= 44

        toggle.click()
        expect(menu).to_be_visible()
        expect(menu.get_by_role("link", name="Föräldrarådgivning")).to_be_visible()
        expect(page.locator(".service-links__finder")).to_be_visible()
        # Reached by keyboard too: the next Tab after "Meny" is in what it opened.
        toggle.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.service-links, .main-nav')")
        toggle.click()
        expect(menu).to_be_hidden()

        # A wide screen shows everything and no "Meny".
        page.set_viewport_size({"width": 1024, "height": 768})
        expect(toggle).to_be_hidden()
        expect(menu).to_be_visible()
        expect(page.locator(".service-links__finder")).to_be_visible()
    finally:
        context.close()


def test_the_menu_opens_in_the_right_to_left_direction_too(browser, finder_url):
    context = phone_context(browser)
    page = context.new_page()
    try:
        page.goto(finder_url)
        page.evaluate("document.documentElement.dir = 'rtl'")
        toggle = page.locator("summary.site-menu__toggle").bounding_box()
        brand = page.locator(".brand").bounding_box()
        # "Meny" sits at the end of the row: on the left when the page reads right to left.
        assert toggle["x"] < brand["x"]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()


def test_the_finders_answers_have_no_accessibility_violations(browser, finder_url):
    # axe is injected inline, which the site's own policy forbids.
    context = phone_context(browser, bypass_csp=True)
    page = context.new_page()
    try:
        for query in ["", *STATES]:
            page.goto(finder_url + query)
            violations = axe_violations(page)
            assert not violations, f"{query}:\n" + "\n".join(violations)
        # The folded form opened, and the phone menu opened.
        page.goto(finder_url + "?omrade=varby")
        page.locator(".finder-change summary").click()
        page.locator("summary.site-menu__toggle").click()
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
    finally:
        context.close()


def test_the_finders_answers_and_the_open_menu_fit_320_pixels(browser, finder_url):
    """WCAG 1.4.10 reflow: 320 CSS px is a 1280 px window at 400 % zoom."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for query in ["", *STATES, "?skola=" + "Vårbybackensskolansgården" * 4]:
            page.goto(finder_url + query)
            # Open every disclosure: the phone menu, the folded form.
            closed = page.locator("details:not([open]) > summary")
            while closed.count():
                closed.first.click()
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{query} scrolls sideways by {overflow}px at 320px"
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375, 400])
def test_advisor_cards_put_the_picture_above_the_text_on_a_phone(browser, finder_url, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(finder_url + "?omrade=varby#resultat")
        # Measured in one step: the page may still be scrolling to #resultat.
        photo, body, card = page.locator(".advisor-card:has(img)").first.evaluate(
            """card => [card.querySelector("img"), card.querySelector(".advisor-card__body"),
                        card].map(el => el.getBoundingClientRect().toJSON())"""
        )
        assert photo["y"] + photo["height"] <= body["y"] + 1
        # The text has the card's whole width, not a narrow column beside the picture.
        assert body["width"] >= card["width"] - 40
    finally:
        context.close()


def test_an_advisor_who_is_not_named_speaks_in_the_first_person(browser, finder_url):
    context = phone_context(browser)
    page = context.new_page()
    try:
        page.goto(finder_url + "?sprak=so#resultat")
        card = page.locator(".finder-results .advisor-card").first
        expect(card.locator(".advisor-card__name")).to_have_text("Föräldrarådgivare, Flemingsberg")
        expect(card.locator(".advisor-card__intro")).to_contain_text("Jag hjälper dig")
        expect(card.locator("img")).to_have_count(0)
        # Every portrait shown says what it is: an illustration, not a photo.
        page.goto(finder_url)
        alts = page.locator(".advisor-card img").evaluate_all("imgs => imgs.map(i => i.alt)")
        assert alts and all(alt.startswith("Tecknad illustration av ") for alt in alts), alts
    finally:
        context.close()


def test_a_school_picked_in_the_list_is_shared_as_its_slug(browser, finder_url):
    context = phone_context(browser)
    page = context.new_page()
    try:
        page.goto(finder_url)
        page.get_by_role("combobox", name="Ditt barns skola").click()
        page.keyboard.type("dalskolan")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"#resultat$"))
        query = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
        assert query["skola"] == ["flemingsbergs-dalskola"]
    finally:
        context.close()
