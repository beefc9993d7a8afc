"""The advisor finder's school combobox (static/js/school-combobox.js) in a real browser
(headless Chromium) against the demo site: keyboard use, ARIA state, matching without
diacritics, the plain text field without JavaScript, the Content-Security-Policy and axe-core.
"""

import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from advice.models import School
from demo.loader import DemoLoader

BASE_DIR = Path(__file__).resolve().parents[2]
AXE = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
FINDER_PATH = "/foraldraradgivning/hitta-foraldraradgivare/"
LABEL = "Ditt barns skola"
HINT = "Skriv några bokstäver i skolans namn och välj i listan."
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def finder_url(live_server, directory):
    """The demo directory (areas, schools, advisors) under a bare site, served by a live
    server: much quicker to build than the whole demo site. Returns the finder's address."""
    DemoLoader().load_directory()
    return live_server.url + FINDER_PATH


def fold(text):
    """Lower case without diacritics, as the combobox compares names."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def combobox(page):
    return page.get_by_role("combobox", name=LABEL)


def listbox(page):
    return page.locator("#" + combobox(page).get_attribute("aria-controls"))


def live_region(page):
    return page.locator("[data-school-combobox] [role=status]")


def school_field(page):
    """The school field: the combobox once the script has run, a plain text box before."""
    return page.locator("form.finder input[name=skola]")


def school_names(page=None):
    """The schools a visitor can find, by name."""
    return list(
        School.objects.filter(area__isnull=False).order_by("name").values_list("name", flat=True)
    )


def slug_of(page, name):
    return School.objects.get(name=name).slug


def open_finder(page, url):
    page.goto(url)
    # Before the script runs the <select> itself is the (implicit) combobox. (The finder's:
    # the header's search box becomes a combobox too.)
    expect(page.locator("[data-school-combobox] input[role=combobox]")).to_be_attached()


def tab_to(page, predicate, limit=80):
    """Presses Tab until the focused element passes a JavaScript test, as a keyboard user
    would; fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached an element where {predicate}")


def active_option(page):
    """The element the combobox's aria-activedescendant points to."""
    option_id = combobox(page).get_attribute("aria-activedescendant")
    assert option_id, "no option is highlighted"
    return page.locator(f"[id='{option_id}']")


def submitted_school(page):
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True).get("skola")


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(str(node["target"][0]) for node in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("submit_with", ["Enter in the text box", "Space on the button"])
def test_a_keyboard_user_types_part_of_a_name_picks_a_school_and_gets_its_advisors(
    browser_page, finder_url, submit_with
):
    page = browser_page
    open_finder(page, finder_url)
    tab_to(page, "el.id === 'id_skola'")
    page.keyboard.type("varby")
    expect(combobox(page)).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    chosen = active_option(page).inner_text().strip()
    assert fold(chosen).startswith("varby")
    page.evaluate("window.finderNotReloaded = true")
    page.keyboard.press("Enter")

    # Enter picks the school; it does not send the form yet.
    expect(combobox(page)).to_have_value(chosen)
    expect(combobox(page)).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("window.finderNotReloaded") is True
    assert urlsplit(page.url).query == ""

    slug = slug_of(page, chosen)
    if submit_with == "Enter in the text box":
        page.keyboard.press("Enter")
    else:
        tab_to(page, "el.type === 'submit'")
        page.keyboard.press(" ")
    page.wait_for_url(re.compile(r"[?&]skola="))
    # A school picked from the list is sent as its slug: a short address to share.
    assert submitted_school(page) == [slug]
    assert urlsplit(page.url).fragment == "resultat"
    results = page.locator(".finder-results")
    expect(results).to_be_visible()
    expect(results.locator("h2")).to_have_text(re.compile(rf"föräldrarådgivare på {chosen}$"))
    assert results.locator(".advisor-list > li").count() >= 1
    # The form is folded into "Du sökte på … Ändra"; opened, it shows the school from the
    # address in the text box.
    expect(combobox(page)).to_be_hidden()
    page.locator(".finder-change__summary").click()
    expect(combobox(page)).to_have_value(chosen)


def test_the_text_field_becomes_the_combobox_with_its_label_and_hint(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    box = combobox(page)
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_accessible_description(HINT)
    expect(listbox(page)).to_have_attribute("role", "listbox")
    expect(listbox(page)).to_be_hidden()
    # The text field itself is the combobox and carries the value; the browser's own
    # suggestions (the datalist, for use without JavaScript) make way for the list.
    assert box.get_attribute("name") == "skola"
    assert box.get_attribute("list") is None
    expect(page.locator("form.finder datalist")).to_have_count(0)
    # One option per school.
    options = listbox(page).get_by_role("option", include_hidden=True)
    expect(options).to_have_text(school_names(page))


def test_the_aria_state_follows_typing_and_the_arrow_keys(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    names = school_names(page)
    box = combobox(page)
    box.focus()
    expect(live_region(page)).to_have_text("")

    page.keyboard.type("skola")
    expect(box).to_have_attribute("aria-expanded", "true")
    expected = sum("skola" in fold(name) for name in names)
    expect(live_region(page)).to_have_text(f"{expected} skolor")
    assert not box.get_attribute("aria-activedescendant")

    page.keyboard.press("ArrowDown")
    first = active_option(page)
    expect(first).to_have_attribute("role", "option")
    expect(first).to_have_attribute("aria-selected", "true")
    assert listbox(page).locator(f"[id='{first.get_attribute('id')}']").count() == 1
    assert listbox(page).locator("[aria-selected=true]").count() == 1
    expect(box).to_be_focused()

    page.keyboard.press("ArrowDown")
    second_id = box.get_attribute("aria-activedescendant")
    assert second_id != first.get_attribute("id")
    page.keyboard.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    # Up from the first option wraps to the last.
    page.keyboard.press("ArrowUp")
    last = listbox(page).locator("[role=option]:visible").last
    expect(box).to_have_attribute("aria-activedescendant", last.get_attribute("id"))

    # Home and End move the caret in the text, and the highlight leaves the list.
    page.keyboard.press("Home")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    assert box.evaluate("input => input.selectionStart") == 0
    page.keyboard.press("End")
    assert box.evaluate("input => input.selectionStart") == len("skola")

    page.keyboard.type(" med namn som ingen skola har")
    expect(live_region(page)).to_have_text("Ingen skola i listan matchar")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.fill("")
    page.keyboard.type("strandskola")
    expect(live_region(page)).to_have_text("1 skola")
    expect(box).to_have_attribute("aria-expanded", "true")


def test_arrow_down_opens_the_closed_list_with_every_school(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    combobox(page).focus()
    page.keyboard.press("ArrowDown")
    expect(combobox(page)).to_have_attribute("aria-expanded", "true")
    expect(listbox(page).locator("[role=option]:visible")).to_have_count(len(school_names(page)))
    expect(active_option(page)).to_have_text(school_names(page)[0])


def test_escape_closes_the_list_and_a_second_escape_clears_the_text(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    box = combobox(page)
    box.focus()
    page.keyboard.type("berg")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-expanded", "true")

    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox(page)).to_be_hidden()
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(box).to_have_value("berg")

    page.keyboard.press("Escape")
    expect(box).to_have_value("")


def test_tab_closes_the_list_and_keeps_the_typed_text(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    box = combobox(page)
    box.focus()
    page.keyboard.type("park")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(box).not_to_be_focused()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("park")


def test_matching_ignores_case_and_diacritics(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    for typed, school in [
        ("varby", "Vårby strandskola"),
        ("skogas", "Skogås bergsskola"),
        ("visattra ang", "Visättra ängsskola"),
        ("VÅRBY STRAND", "Vårby strandskola"),
    ]:
        combobox(page).fill("")
        combobox(page).focus()
        page.keyboard.type(typed)
        visible = listbox(page).locator("[role=option]:visible")
        expect(visible.filter(has_text=school)).to_have_count(1)
        for name in visible.all_inner_texts():
            assert fold(typed) in fold(name), (typed, name)

    # Names that start with what was typed come first, also for the arrow keys.
    combobox(page).fill("")
    page.keyboard.type("vår")
    shown = listbox(page).locator("[role=option]:visible").all_inner_texts()
    assert shown[:2] == ["Vårby strandskola", "Vårbybackens skola"]
    assert "Kvarnängsskolan" in shown[2:]
    page.keyboard.press("ArrowDown")
    expect(active_option(page)).to_have_text("Vårby strandskola")


def test_clicking_an_option_picks_the_school(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    combobox(page).click()
    expect(combobox(page)).to_have_attribute("aria-expanded", "true")
    page.keyboard.type("visattra")
    listbox(page).get_by_role("option", name="Visättra ängsskola").click()
    expect(combobox(page)).to_have_value("Visättra ängsskola")
    expect(combobox(page)).to_be_focused()
    expect(combobox(page)).to_have_attribute("aria-expanded", "false")


def test_a_typed_name_that_matches_a_school_exactly_is_searched_for(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    slug = slug_of(page, "Skogås bergsskola")
    combobox(page).focus()
    page.keyboard.type("skogas BERGSSKOLA")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]skola="))
    assert submitted_school(page) == [slug]
    expect(page.locator(".finder-results")).to_be_visible()


def test_the_inflected_forms_parents_write_find_the_school_in_the_list(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    for typed, school in [
        ("dalskolan", "Flemingsbergs dalskola"),
        ("vårbybacken", "Vårbybackens skola"),
    ]:
        combobox(page).fill("")
        combobox(page).focus()
        page.keyboard.type(typed)
        expect(listbox(page).locator("[role=option]:visible")).to_have_text([school])


def test_text_that_is_not_a_school_name_is_sent_as_typed_and_answered(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    combobox(page).focus()
    page.keyboard.type("ingen sådan skola")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]skola="))
    assert submitted_school(page) == ["ingen sådan skola"]
    expect(page.locator(".finder-results h2")).to_have_text(
        "Ingen skola matchar ”ingen sådan skola”"
    )
    # Part of a name is matched on the server: one school gives its advisors at once.
    open_finder(page, finder_url)
    combobox(page).focus()
    page.keyboard.type("Vårby strand")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]skola="))
    assert submitted_school(page) == ["Vårby strand"]
    expect(page.locator(".finder-results h2")).to_have_text(
        re.compile("föräldrarådgivare på Vårby strandskola$")
    )


def test_empty_text_searches_nothing_and_shows_every_area(browser_page, finder_url):
    page = browser_page
    open_finder(page, finder_url)
    combobox(page).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]skola="))
    assert submitted_school(page) == [""]
    expect(page.locator(".form-error")).to_have_count(0)
    expect(page.locator(".finder-results")).to_have_count(0)
    expect(page.locator("section.area").first).to_be_visible()


def test_without_javascript_the_text_field_and_its_suggestions_work(browser, finder_url):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(finder_url)
        expect(page.locator("[data-school-combobox] input[role=combobox]")).to_have_count(0)
        field = page.get_by_label(LABEL)
        expect(field).to_be_visible()
        assert field.evaluate("el => el.tagName") == "INPUT"
        # The browser offers the schools from the datalist by itself.
        names = field.evaluate("el => [...el.list.options].map(o => o.value)")
        assert names == school_names(page)
        expect(page.get_by_text(HINT)).to_have_count(0)
        field.fill("Vårbybacken")
        page.get_by_role("button", name="Visa föräldrarådgivare").click()
        page.wait_for_url(re.compile(r"[?&]skola="))
        assert submitted_school(page) == ["Vårbybacken"]
        expect(page.locator(".finder-results h2")).to_have_text(
            re.compile("föräldrarådgivare på Vårbybackens skola$")
        )
    finally:
        context.close()


def test_using_the_combobox_breaks_no_content_security_policy_and_logs_nothing(browser, finder_url):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    messages = []
    errors = []
    page.on("console", lambda message: messages.append((message.text, message.location["url"])))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        open_finder(page, finder_url)
        combobox(page).click()
        page.keyboard.type("varby")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Escape")
        page.keyboard.press("ArrowUp")
        listbox(page).locator("[role=option]:visible").first.click()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"[?&]skola="))
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert not [text for text, _ in messages if "Content Security Policy" in text], messages
    # The script itself never writes to the console. (Demo photos may 404 in tests: their
    # renditions live in memory storage, which the live server does not serve.)
    assert not [text for text, url in messages if "school-combobox" in url], messages
    assert not errors, errors


def test_the_open_list_has_no_accessibility_violations(browser, finder_url):
    # axe is injected inline, which the site's own policy forbids.
    context = browser.new_context(bypass_csp=True, locale="sv-SE")
    page = context.new_page()
    try:
        open_finder(page, finder_url)
        combobox(page).focus()
        page.keyboard.type("skola")
        page.keyboard.press("ArrowDown")
        expect(combobox(page)).to_have_attribute("aria-expanded", "true")
        expect(live_region(page)).not_to_have_text("")
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
    finally:
        context.close()


def test_the_open_list_fits_320_pixels_with_targets_of_at_least_24_pixels(browser, finder_url):
    """WCAG 1.4.10 reflow and 2.5.8 target size, with the site's own CSS."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        open_finder(page, finder_url)
        combobox(page).click()
        page.keyboard.press("ArrowDown")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
        box = listbox(page).bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 320
        for option in listbox(page).locator("[role=option]:visible").all()[:5]:
            size = option.bounding_box()
            assert size["width"] >= 24
            assert size["height"] >= 24
        # The list is laid over the page rather than pushing it down, and scrolls itself.
        assert listbox(page).evaluate("el => getComputedStyle(el).position") == "absolute"
        assert listbox(page).evaluate("el => el.scrollHeight > el.clientHeight")
    finally:
        context.close()


def test_the_highlight_bar_sits_at_the_start_edge_in_both_directions(browser_page, finder_url):
    """The highlighted option is marked by more than colour, also right to left."""
    page = browser_page
    for direction in ["ltr", "rtl"]:
        open_finder(page, finder_url)
        page.evaluate("dir => { document.documentElement.dir = dir; }", direction)
        combobox(page).focus()
        page.keyboard.press("ArrowDown")
        borders = active_option(page).evaluate(
            "el => { const s = getComputedStyle(el);"
            " return [parseFloat(s.borderLeftWidth), parseFloat(s.borderRightWidth)]; }"
        )
        start, end = borders if direction == "ltr" else borders[::-1]
        assert start >= 4, direction
        assert end == 0, direction
        listbox_box = listbox(page).bounding_box()
        input_box = combobox(page).bounding_box()
        assert listbox_box["y"] >= input_box["y"] + input_box["height"]
