"""The demo site as a parent meets it on a phone (375×812, touch) and at a computer: the
Shift-key hint of "Lämna sidan snabbt" only where there is a keyboard, red only for the
emergency, the organisation in one small line of the header, and no axe-core violations on
the pages this concerns."""

import pytest

from portal.tests.test_browser import WCAG_TAGS, axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLACED = "/foraldraradgivning/stod-till-foraldrar-till-placerade-barn/"
CONCERN = "/foraldraradgivning/sa-gor-du-en-orosanmalan/"
PATHS = [
    "/",
    "/foraldraradgivning/",
    "/foraldraradgivning/?amne=skolfranvaro",
    PLACED,
    CONCERN,
    "/aktuellt/nya-foraldragrupper-om-skolfranvaro/",
    "/aktuellt/ny-omgang-foralder-pa-avstand/",
    "/foraldraradgivning/hitta-foraldraradgivare/varby/",
    "/kalender/tidigare/",
]
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
ALARM_RED = "rgb(138, 28, 28)"


@pytest.fixture
def site_url(live_server, demo_site):
    return live_server.url


@pytest.fixture
def open_page(browser, site_url):
    """open_page(path, **context options) → a Playwright page at that path."""
    contexts = []

    def open_page(path, **options):
        context = browser.new_context(locale="sv-SE", **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


def hint_visible(page):
    return page.locator("[data-quick-exit-hint]").is_visible()


def test_the_shift_key_hint_shows_only_where_there_is_a_keyboard(open_page):
    phone = open_page(PLACED, **PHONE)
    assert phone.locator("[data-quick-exit]").is_visible()
    assert phone.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
    assert not hint_visible(phone)
    # A keyboard attached to a tablet shows itself with its first key.
    phone.keyboard.press("Tab")
    assert hint_visible(phone)

    desktop = open_page(PLACED, **DESKTOP)
    assert hint_visible(desktop)
    assert desktop.locator("[data-quick-exit-hint]").inner_text() == (
        "Eller tryck på Skift-tangenten tre gånger."
    )


def test_without_javascript_there_is_no_shift_key_hint(open_page):
    page = open_page(PLACED, java_script_enabled=False, **DESKTOP)
    assert page.locator("[data-quick-exit]").is_visible()
    assert not hint_visible(page)


def colours(page, selector):
    return page.eval_on_selector(
        selector,
        """element => {
            const style = getComputedStyle(element);
            return [style.backgroundColor, style.borderInlineStartColor, style.color];
        }""",
    )


def test_red_is_only_for_the_emergency(open_page):
    page = open_page(PLACED, **PHONE)
    # The page's important fact box ("Om det är akut"), the help box and the quick exit.
    for selector in [".fact-box--important", ".help-now", ".quick-exit__link"]:
        assert ALARM_RED not in colours(page, selector), selector
    assert ALARM_RED in colours(page, ".help-now__emergency")
    assert "112" in page.locator(".help-now__emergency").inner_text()


def test_the_organisation_is_one_small_line_of_the_header_on_a_phone(open_page):
    page = open_page("/", **PHONE)
    line = page.locator(".site-org")
    assert line.is_visible()
    box = line.bounding_box()
    assert box["height"] <= 32
    logo = page.locator(".site-org__logo")
    assert logo.get_attribute("alt") == "Huddinge kommuns logotyp"
    assert logo.bounding_box()["height"] == 24
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_changed_pages_have_no_accessibility_violations(browser, site_url, device):
    options = PHONE if device == "phone" else DESKTOP
    # axe is injected as an inline script, which the site's own policy rightly forbids.
    context = browser.new_context(bypass_csp=True, **options)
    page = context.new_page()
    try:
        for path in PATHS:
            page.goto(site_url + path)
            violations = axe_violations(page)
            assert not violations, f"{path} ({device}, {WCAG_TAGS}):\n" + "\n".join(violations)
    finally:
        context.close()


def test_the_phone_menu_works_with_the_keyboard(open_page):
    page = open_page("/foraldraradgivning/", **PHONE)
    toggle = page.locator(".site-menu__toggle")
    menu_link = page.locator(".main-nav__link").first
    assert not menu_link.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert menu_link.is_visible()
    # Tab goes on into the opened menu, in order.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('main-nav__link')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('main-nav__link')")
    toggle.focus()
    page.keyboard.press("Enter")
    assert not menu_link.is_visible()
