"""The demo site in a real browser (headless Chromium): no accessibility violations found by
axe-core, usable at 320 CSS pixels, a working skip link, nothing loaded from other sites."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# The public page templates: start, hub, guidance, directory, news list and article, standard
# page, accessibility statement, 404.
PATHS = [
    "/",
    "/foraldraradgivning/",
    "/foraldraradgivning/problematisk-skolfranvaro/",
    "/foraldraradgivning/problematisk-skolfranvaro/?omrade=skogas",
    "/foraldraradgivning/narvarotrappan/",
    "/foraldraradgivning/stod-till-foraldrar-till-placerade-barn/",
    "/foraldraradgivning/sa-gor-du-en-orosanmalan/",
    "/foraldraradgivning/?amne=skolfranvaro&for=foraldrar",
    "/foraldraradgivning/hitta-foraldraradgivare/varby/",
    "/foraldraradgivning/hitta-foraldraradgivare/?sprak=ar",
    "/foraldraradgivning/hitta-foraldraradgivare/",
    "/aktuellt/",
    "/aktuellt/atta-foraldraradgivare/",
    "/aktuellt/nya-foraldragrupper-om-skolfranvaro/",
    "/aktuellt/?amne=skolfranvaro&ar=2026",
    "/kalender/",
    "/kalender/tidigare/",
    "/kalender/foralder-pa-avstand-2027/",
    "/om-foraldraradgivningen/",
    "/kontakt/",
    "/tillganglighetsredogorelse/",
    "/finns-inte/",
    # Every language's start page, and the translated page types, Arabic (right to left)
    # among them.
    "/en/",
    "/ar/",
    "/so/",
    "/ti/",
    "/fi/",
    "/ar/foraldraradgivning/",
    "/ar/foraldraradgivning/foraldraskapsstod/",
    "/ar/foraldraradgivning/hitta-foraldraradgivare/",
    "/ar/foraldraradgivning/hitta-foraldraradgivare/varby/",
    "/fi/foraldraradgivning/hitta-foraldraradgivare/?skola=varby-strandskola",
    "/en/finns-inte/",
]
NOT_FOUND = {"/finns-inte/", "/en/finns-inte/"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(live_server, demo_site):
    """The demo site, served by a live server; returns its address."""
    return live_server.url


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


# Every other path in each half, so that the halves can run in parallel.
@pytest.mark.parametrize("half", [0, 1], ids=["half-1", "half-2"])
def test_pages_have_no_accessibility_violations(browser, site_url, half):
    # axe is injected as an inline script, which the site's own policy rightly forbids.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        for path in PATHS[half::2]:
            page.goto(site_url + path)
            violations = axe_violations(page)
            assert not violations, f"{path}:\n" + "\n".join(violations)
    finally:
        context.close()


def test_pages_fit_a_320_pixel_wide_screen(browser_page, site_url):
    """WCAG 1.4.10 reflow: 320 CSS px is a 1280 px window at 400 % zoom."""
    browser_page.set_viewport_size({"width": 320, "height": 640})
    for path in PATHS:
        browser_page.goto(site_url + path)
        overflow = browser_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(browser_page, site_url):
    browser_page.goto(site_url + "/foraldraradgivning/problematisk-skolfranvaro/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hoppa till innehållet"
    assert browser_page.evaluate("getComputedStyle(document.activeElement).top") != "-160px"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_pages_load_nothing_from_other_sites_and_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    origin = urlsplit(site_url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        for path in PATHS:
            response = page.goto(site_url + path)
            assert response.status == (404 if path in NOT_FOUND else 200), path
            assert page.locator("h1").count() == 1, path
    finally:
        context.close()
    foreign = [url for url in requested if urlsplit(url).netloc not in {origin, ""}]
    assert not foreign, foreign


@pytest.mark.parametrize("as_editor", [False, True], ids=["visitor", "editor"])
def test_pages_keep_to_the_content_security_policy_for_visitors_and_editors(
    browser, site_url, django_user_model, as_editor
):
    """No inline script or style, nothing from elsewhere: the browser reports no violation,
    also for a logged-in editor, who gets Wagtail's user bar on every page."""
    context = browser.new_context()
    if as_editor:
        editor = django_user_model.objects.create_superuser("csp-redaktor", password="password")
        client = Client()
        client.force_login(editor)
        session_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie, "url": site_url}]
        )
    page = context.new_page()
    reports = []
    page.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        for path in PATHS:
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
        if as_editor:
            assert page.locator("wagtail-userbar").count() == 1
    finally:
        context.close()
    assert not reports, reports


def test_arabic_pages_mirror_and_keep_numbers_left_to_right(browser_page, site_url):
    """Right to left: the site's name starts at the right edge, the menu button sits at the
    left, and phone numbers and e-mail addresses still read left to right."""
    browser_page.set_viewport_size({"width": 375, "height": 812})
    browser_page.goto(site_url + "/ar/foraldraradgivning/hitta-foraldraradgivare/varby/")
    assert browser_page.evaluate("document.documentElement.dir") == "rtl"
    brand = browser_page.locator(".brand").bounding_box()
    menu = browser_page.locator(".site-menu__toggle").bounding_box()
    assert brand["x"] > menu["x"]
    assert brand["x"] + brand["width"] > 375 - 40
    phone = browser_page.locator('main a[href^="tel:"]').first
    assert phone.evaluate("a => getComputedStyle(a).direction") == "ltr"
    # The number reads in its own order: its first digits come first on screen, at the left.
    box = phone.bounding_box()
    first = phone.evaluate(
        """a => { const range = document.createRange(); range.setStart(a.firstChild, 0);
        range.setEnd(a.firstChild, 3); return range.getBoundingClientRect().x; }"""
    )
    assert first < box["x"] + box["width"] / 2
    email = browser_page.locator('main a[href^="mailto:"]').first
    assert email.evaluate("a => getComputedStyle(a).direction") == "ltr"
    separator = browser_page.locator(".breadcrumbs__item").first.evaluate(
        "li => getComputedStyle(li, '::after').content"
    )
    assert separator == '"\\\\"'


def test_the_language_switcher_works_with_the_keyboard_and_without_flags(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/foraldraradgivning/foraldraskapsstod/")
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.language-switcher') !== null")
        assert focused
        page.locator('.language-switcher a[lang="ar"]').focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/ar/foraldraradgivning/foraldraskapsstod/")
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.locator(".language-switcher img, .language-switcher svg").count() == 0
        # A page that is not translated: the link says so and leads to the start page.
        page.goto(site_url + "/kontakt/")
        link = page.locator('.language-switcher a[lang="fi"]')
        assert "etusivu" in link.inner_text()
        link.click()
        page.wait_for_url("**/fi/")
        assert page.locator("h1").inner_text() == "Vanhempien neuvonta"
    finally:
        context.close()


def test_focus_is_visible_on_every_kind_of_control(browser_page, site_url):
    """WCAG 2.4.7: links, buttons, summaries and fields show where the focus is (an outline
    of at least 2 px), in both directions."""
    for path in ["/tillganglighetsredogorelse/", "/ar/foraldraradgivning/"]:
        browser_page.goto(site_url + path)
        seen = 0
        for _ in range(40):
            browser_page.keyboard.press("Tab")
            style = browser_page.evaluate(
                """() => { const el = document.activeElement; const s = getComputedStyle(el);
                return {tag: el.tagName, width: parseFloat(s.outlineWidth) || 0,
                        style: s.outlineStyle, shadow: s.boxShadow}; }"""
            )
            if style["tag"] == "BODY":
                break
            visible = (style["width"] >= 2 and style["style"] != "none") or style[
                "shadow"
            ] != "none"
            assert visible, (path, style)
            seen += 1
        assert seen >= 10, path


def test_reduced_motion_is_respected(browser, site_url):
    for motion, expected in [("reduce", "auto"), ("no-preference", "smooth")]:
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        try:
            page.goto(site_url + "/foraldraradgivning/problematisk-skolfranvaro/")
            behaviour = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
            assert behaviour == expected, motion
            # No animation or transition anywhere when motion is reduced.
            if motion == "reduce":
                moving = page.evaluate(
                    """() => [...document.querySelectorAll('*')].filter(el => {
                        const s = getComputedStyle(el);
                        return s.animationName !== 'none' ||
                            s.transitionDuration.split(',').some(d => parseFloat(d) > 0);
                    }).map(el => el.className).slice(0, 5)"""
                )
                assert moving == []
        finally:
            context.close()


def test_pages_fit_at_400_percent_zoom(browser, site_url):
    """WCAG 1.4.10 at a 1280 px window zoomed to 400 %: the browser lays the page out at
    320 CSS px with four device pixels to each, as Chromium's zoom does."""
    context = browser.new_context(viewport={"width": 320, "height": 200}, device_scale_factor=4)
    page = context.new_page()
    try:
        for path in ["/", "/ar/", "/tillganglighetsredogorelse/", "/nationella-minoritetssprak/"]:
            page.goto(site_url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, path
    finally:
        context.close()


def test_the_faq_opens_and_closes_with_the_keyboard(browser_page, site_url):
    browser_page.goto(site_url + "/foraldraradgivning/problematisk-skolfranvaro/")
    summary = browser_page.locator(".faq__question").first
    summary.focus()
    details = summary.locator("xpath=..")
    assert details.evaluate("d => d.open") is False
    browser_page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is True
    browser_page.keyboard.press("Space")
    assert details.evaluate("d => d.open") is False


def test_form_fields_have_visible_labels_and_autocomplete(browser, site_url):
    """A placeholder is not a label: every field of the public forms has a visible <label>
    (or legend), and fields about the visitor say what to autocomplete."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for path in ["/tillganglighetsredogorelse/", "/kalender/foralder-pa-avstand-2027/"]:
            page.goto(site_url + path)
            fields = page.locator("form.form input:not([type=hidden]), form.form textarea")
            assert fields.count() >= 2, path
            for i in range(fields.count()):
                field = fields.nth(i)
                labelled = field.evaluate(
                    """f => { const l = f.labels && f.labels[0] ||
                        f.closest('fieldset')?.querySelector('legend');
                        if (!l) return false; const r = l.getBoundingClientRect();
                        return r.width > 0 && r.height > 0 && l.textContent.trim().length > 0; }"""
                )
                assert labelled, (path, field.get_attribute("name"))
                assert field.get_attribute("autocomplete") or field.get_attribute("type") in {
                    "checkbox",
                    "radio",
                }, (path, field.get_attribute("name"))
    finally:
        context.close()


def test_a_problem_report_is_sent_without_javascript_and_errors_are_linked(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/tillganglighetsredogorelse/")
        page.get_by_role("button", name="Skicka rapporten").click()
        summary = page.locator(".error-summary")
        assert summary.is_visible()
        summary.locator('a[href="#id_url"]').click()
        assert page.evaluate("location.hash") == "#id_url"
        page.fill("#id_url", "/kontakt/")
        page.fill("#id_description", "Telefonnumret läses upp baklänges.")
        page.get_by_role("button", name="Skicka rapporten").click()
        assert page.locator('[role="status"]').inner_text().startswith("Tack!")
        assert context.cookies() == []
    finally:
        context.close()


LYSSNA_STUB = """
(() => {
    const voices = [{lang: 'ar-SA', name: 'Arabic'}, {lang: 'sv-SE', name: 'Svenska'}];
    window.__spoken = [];
    window.__cancelled = 0;
    const synth = {
        getVoices: () => voices,
        speak: (u) => window.__spoken.push({lang: u.lang, text: u.text}),
        cancel: () => { window.__cancelled += 1; },
        addEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', {value: synth});
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; }
        addEventListener() {} };
})();
"""


def test_lyssna_reads_the_page_in_its_language_and_stops_when_asked(browser, site_url):
    context = browser.new_context()
    context.add_init_script(LYSSNA_STUB)
    page = context.new_page()
    try:
        page.goto(site_url + "/ar/foraldraradgivning/foraldraskapsstod/")
        button = page.locator("[data-read-aloud] button")
        assert button.is_visible()
        assert button.inner_text() == "استمع"
        button.focus()
        page.keyboard.press("Enter")
        spoken = page.evaluate("window.__spoken")
        assert spoken[0]["lang"] == "ar-SA"
        assert "دعم الأهل" in spoken[0]["text"]
        assert button.get_attribute("aria-pressed") == "true"
        assert button.inner_text() == "أوقف القراءة"
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-pressed") == "false"
        assert page.evaluate("window.__cancelled") >= 1
        # Somali: the stub has no Somali voice, so there is no button.
        page.goto(site_url + "/so/")
        assert page.locator("[data-read-aloud]").is_hidden()
    finally:
        context.close()


def test_without_a_voice_there_is_no_lyssna_button(browser_page, site_url):
    browser_page.goto(site_url + "/foraldraradgivning/foraldraskapsstod/")
    assert browser_page.locator("[data-read-aloud]").is_hidden()
