"""Editor checks (editorial/checks.py): vague link texts, LIX with the target for guidance,
Swedish messages for missing alt text and skipped heading levels, a page without an owner or
review date – in Python, in the HTML editors and visitors get, and in Chromium in the page
editor's checks panel."""

import datetime
import re
from types import SimpleNamespace

from django.conf import settings
from django.test import Client, RequestFactory

from wagtail.admin.userbar import AccessibilityItem, ContentCheckerItem, apply_userbar_hooks

import pytest

from advice.models import GuidancePage
from advice.tests.factories import GuidancePageFactory
from editorial import checks

VAGUE_LINK_MESSAGE = "Otydlig länktext"
LONG_WINDED = (
    "Om du som vårdnadshavare upplever att ditt barns skolnärvaro successivt försämras "
    "rekommenderas att du omgående kontaktar skolans elevhälsoteam, mentorn eller rektorn för "
    "att tillsammans genomföra en strukturerad kartläggning av bakomliggande orsaker, eftersom "
    "långvarig frånvaro erfarenhetsmässigt medför betydande konsekvenser för "
    "kunskapsutvecklingen, välbefinnandet och möjligheterna till fortsatta studier"
)
PLAIN = (
    "Ring skolan. Prata med mentorn. Fråga vad ni kan göra. Ta med en vän om du vill. "
    "Du är inte ensam. Vi finns här för dig. Ring oss när du vill"
)


# Vague link texts


@pytest.mark.parametrize(
    "text",
    ["klicka här", "Klicka HÄR!", "  läs mer… ", "här", "Mer", "länk", "klicka", "Läs mer här"],
)
def test_link_texts_made_only_of_vague_words_are_vague(text):
    assert checks.is_vague_link_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Läs om närvarotrappan",
        "Skolverkets råd om frånvaro",
        "Klicka här för att boka ett samtal",
        "Härnösand",
        "",
        "   ",
    ],
)
def test_link_texts_that_say_where_they_lead_are_not_vague(text):
    assert not checks.is_vague_link_text(text)


# LIX


def test_lix_is_words_per_sentence_plus_percentage_of_long_words():
    # 10 words, 2 sentences, 3 words longer than six letters: 10/2 + 3*100/10 = 35.
    text = "Föräldrarådgivaren hjälper dig. Ring när du vill prata om skolfrånvaro."
    assert checks.lix(text) == pytest.approx(35)


def test_lix_is_zero_for_too_short_texts_as_in_wagtail():
    assert checks.lix("Ring skolan i dag.") == 0
    assert checks.lix("") == 0


def test_long_winded_text_is_above_and_plain_text_below_the_target():
    assert checks.lix(LONG_WINDED + ".") > checks.LIX_TARGET
    assert checks.lix(PLAIN + ".") < checks.LIX_TARGET


@pytest.mark.parametrize(
    ("score", "label", "warning"),
    [
        (43.2, "LIX 43 – svårläst (mål för vägledning: högst 40)", True),
        (40.4, "LIX 40 – lättläst", False),
        (32, "LIX 32 – lättläst", False),
        (0, "För lite text för att räkna LIX", False),
    ],
)
def test_lix_label_gives_the_number_and_warns_above_the_target(score, label, warning):
    assert checks.lix_label(score) == (label, warning)


# Owner and review date


def test_a_page_type_without_the_review_fields_lacks_nothing():
    assert checks.responsibility_gaps(None) == set()
    assert checks.responsibility_gaps(SimpleNamespace(title="Om oss")) == set()


def test_a_page_without_owner_or_review_date_lacks_both():
    page = SimpleNamespace(responsible_user_id=None, responsible_group_id=None, review_by=None)
    assert checks.responsibility_gaps(page) == {"owner", "review_date"}


def test_a_responsible_user_or_group_is_an_owner():
    by_user = SimpleNamespace(
        responsible_user_id=7, responsible_group_id=None, review_by=datetime.date(2027, 1, 1)
    )
    by_group = SimpleNamespace(responsible_user_id=None, responsible_group_id=3, review_by=None)
    assert checks.responsibility_gaps(by_user) == set()
    assert checks.responsibility_gaps(by_group) == {"review_date"}


@pytest.mark.django_db
def test_a_guidance_page_without_owner_or_review_date_lacks_both(hub, superuser):
    if not hasattr(GuidancePage, "review_by"):
        pytest.skip("The page types have no owner and review date yet (ReviewMixin).")
    page = GuidancePageFactory(parent=hub)
    page.responsible_user = page.responsible_group = page.review_by = None
    assert checks.responsibility_gaps(page) == {"owner", "review_date"}
    page.responsible_user = superuser
    page.review_by = datetime.date.today()
    assert checks.responsibility_gaps(page) == set()


# The axe configuration Wagtail builds through the construct_wagtail_userbar hook


def checker_for(page, in_editor=True):
    """What Wagtail's checks panel (and the preview's user bar) ends up with."""
    items = [AccessibilityItem(in_editor=in_editor)]
    apply_userbar_hooks(RequestFactory().get("/"), items, page)
    [item] = items
    return item


def test_the_hook_swaps_in_our_checker_and_keeps_wagtails_rules():
    page = SimpleNamespace(title="Sida")
    item = checker_for(page)
    assert isinstance(item, checks.EditorialContentChecker)
    assert isinstance(item, ContentCheckerItem)
    assert item.in_editor and item.page is page
    config = item.get_axe_configuration(None)
    run_only = config["options"]["runOnly"]
    assert set(ContentCheckerItem.axe_run_only) <= set(run_only)
    for rule in ["image-alt", "heading-order", "empty-heading", checks.VAGUE_LINK_RULE]:
        assert rule in run_only
    rules = {rule["id"]: rule for rule in config["spec"]["rules"]}
    assert {"alt-text-quality", "empty-meta-description"} <= set(rules)
    assert rules[checks.VAGUE_LINK_RULE]["selector"] == "a[href]"
    options = {check["id"]: check.get("options") for check in config["spec"]["checks"]}
    assert "check-image-alt-text" in options
    assert "klicka" in options["editorial-check-link-text"]["words"]
    assert "här" in options["editorial-check-link-text"]["words"]


def test_every_rule_has_a_swedish_message():
    config = checker_for(None).get_axe_configuration(None)
    messages = config["messages"]
    for rule in config["options"]["runOnly"]:
        assert messages[rule]["error_name"] and messages[rule]["help_text"], rule
    assert str(messages["image-alt"]["error_name"]) == "Bilden saknar alternativtext"
    assert str(messages["heading-order"]["error_name"]) == "En rubriknivå hoppas över"
    assert str(messages["empty-heading"]["error_name"]) == "Tom rubrik"
    assert str(messages[checks.VAGUE_LINK_RULE]["error_name"]) == VAGUE_LINK_MESSAGE
    assert "i stället för ”klicka här”" in str(messages[checks.VAGUE_LINK_RULE]["help_text"])
    assert str(messages[checks.OWNER_RULE]["error_name"]) == "Sidan saknar ansvarig"
    assert str(messages[checks.REVIEW_DATE_RULE]["error_name"]) == (
        "Sidan saknar datum för granskning"
    )


def test_the_page_checks_get_the_pages_gaps_as_options():
    missing = SimpleNamespace(responsible_user_id=None, responsible_group_id=None, review_by=None)
    complete = SimpleNamespace(
        responsible_user_id=None, responsible_group_id=2, review_by=datetime.date(2027, 6, 1)
    )
    for page, expected in [(missing, True), (complete, False), (None, False)]:
        config = checker_for(page).get_axe_configuration(None)
        options = {check["id"]: check.get("options") for check in config["spec"]["checks"]}
        assert options["editorial-check-page-owner"] == {"missing": expected}
        assert options["editorial-check-page-review-date"] == {"missing": expected}


# Pages as visitors and editors get them


HAS_REVIEW_FIELDS = {"responsible_user", "responsible_group", "review_by"} <= {
    field.name for field in GuidancePage._meta.get_fields()
}


def review_fields(user=None):
    """Owner and review date for page types that have them (portal.models.ReviewMixin): set
    for a user, or all empty without one."""
    if not HAS_REVIEW_FIELDS:
        return {}
    review_by = datetime.date.today() + datetime.timedelta(days=180) if user else None
    return {"responsible_user": user, "responsible_group": None, "review_by": review_by}


def guidance_body(text, link_text, heading_level="h2"):
    return [
        ("heading", {"text": "Så kan du göra", "level": heading_level}),
        (
            "paragraph",
            f'<p>{text}. Mer finns hos Skolverket: <a href="https://www.example.org/">{link_text}</a>.</p>',
        ),
    ]


@pytest.mark.django_db
def test_visitors_get_no_editor_checks_and_editors_get_them_in_the_user_bar(hub, superuser):
    page = GuidancePageFactory(
        parent=hub, title="Skolfrånvaro", body=guidance_body(PLAIN, "klicka här")
    )
    url = page.url

    visitor = Client().get(url)
    assert visitor.status_code == 200
    html = visitor.content.decode()
    for marker in [
        "wagtail-userbar",
        "checker-axe-configuration",
        "editorial/checks/",
        checks.VAGUE_LINK_RULE,
        "editorial-check-page",
    ]:
        assert marker not in html, marker

    editor = Client()
    editor.force_login(superuser)
    html = editor.get(url).content.decode()
    assert '<script src="/static/editorial/checks/content-checks.js"></script>' in html
    assert checks.VAGUE_LINK_RULE in html
    assert "editorial-check-page-owner" in html

    edit_view = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "editorial/checks/readability.js" in edit_view
    assert 'data-lix-target="40"' in edit_view
    assert checks.VAGUE_LINK_RULE in edit_view


# In Chromium: the page editor's checks panel


@pytest.fixture
def edit_checks(browser, live_server, django_user_model):
    """Opens a page's edit view as a logged-in editor, shows the checks panel and waits until
    the checks have run in the preview; returns the browser page."""
    editor = django_user_model.objects.create_superuser("redaktor-checks", password="password")
    client = Client()
    client.force_login(editor)
    context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    errors = []

    def open_checks(page):
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
        tab.locator('[data-side-panel-toggle="checks"]').click()
        score = tab.locator("[data-content-readability-score]")
        # Wagtail runs axe first and extracts the content for the metrics after it.
        tab.wait_for_function(
            "() => document.querySelector('[data-content-readability-score]')"
            ".textContent.includes('LIX')",
            timeout=60_000,
        )
        return tab, score

    open_checks.editor = editor
    open_checks.errors = errors
    yield open_checks
    context.close()


def panel_issues(tab):
    return tab.locator("[data-checks-panel] [data-content-checker-name]").all_text_contents()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_checks_panel_shows_vague_link_and_lix_above_the_target(hub, edit_checks, monkeypatch):
    if not HAS_REVIEW_FIELDS:
        # Before the page types have the fields, stand in for a page that lacks both.
        monkeypatch.setattr(checks, "responsibility_gaps", lambda page: {"owner", "review_date"})
    page = GuidancePageFactory(
        parent=hub,
        title="Skolfrånvaro och vårdnadshavarens möjligheter",
        lead="Vårdnadshavare uppmanas att uppmärksamma förändringar i närvaromönstret.",
        # A level-3 heading right after the page title skips level 2.
        body=guidance_body(LONG_WINDED, "klicka här", heading_level="h3"),
        **review_fields(None),
    )

    tab, score = edit_checks(page)

    issues = panel_issues(tab)
    assert VAGUE_LINK_MESSAGE in issues
    assert "En rubriknivå hoppas över" in issues
    assert "Sidan saknar ansvarig" in issues
    assert "Sidan saknar datum för granskning" in issues
    help_texts = tab.locator("[data-checks-panel] [data-content-checker-help]")
    assert any("i stället för ”klicka här”" in text for text in help_texts.all_text_contents())

    text = score.text_content()
    match = re.fullmatch(r"LIX (\d+) – svårläst \(mål för vägledning: högst 40\)", text)
    assert match, text
    assert int(match.group(1)) > checks.LIX_TARGET
    assert int(score.get_attribute("data-lix")) == int(match.group(1))
    assert "editorial-lix--warning" in score.get_attribute("class")
    # The warning is visible: Wagtail's error colour and a border, not the default text.
    style = score.evaluate(
        "el => [getComputedStyle(el).borderInlineStartWidth, getComputedStyle(el).fontWeight]"
    )
    assert style == ["4px", "700"]
    assert not edit_checks.errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_checks_panel_shows_lix_within_the_target_and_no_vague_link(hub, edit_checks):
    page = GuidancePageFactory(
        parent=hub,
        title="Prata med skolan",
        lead="Så gör du när ditt barn är hemma.",
        body=guidance_body(PLAIN, "Läs om närvarotrappan"),
        **review_fields(edit_checks.editor),
    )

    tab, score = edit_checks(page)

    issues = panel_issues(tab)
    assert VAGUE_LINK_MESSAGE not in issues
    assert "En rubriknivå hoppas över" not in issues
    assert "Sidan saknar ansvarig" not in issues
    assert "Sidan saknar datum för granskning" not in issues
    text = score.text_content()
    match = re.fullmatch(r"LIX (\d+) – lättläst", text)
    assert match, text
    assert int(match.group(1)) <= checks.LIX_TARGET
    assert "editorial-lix--warning" not in score.get_attribute("class")
    assert not edit_checks.errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_user_bar_on_the_site_runs_the_checks_within_the_content_security_policy(
    browser, live_server, hub, superuser
):
    """On the published page, a logged-in editor's user bar loads our checks as a file (no
    inline script, no policy violation) and reports the vague link; a visitor gets neither."""
    page = GuidancePageFactory(
        parent=hub, title="Prata med skolan", body=guidance_body(PLAIN, "Läs mer")
    )
    client = Client()
    client.force_login(superuser)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    for cookie in (session, None):
        context = browser.new_context(locale="sv-SE")
        if cookie:
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        tab = context.new_page()
        problems, requested = [], []
        tab.on(
            "console",
            lambda message, problems=problems: (
                problems.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        tab.on("pageerror", lambda error, problems=problems: problems.append(str(error)))
        tab.on("request", lambda request, requested=requested: requested.append(request.url))
        try:
            tab.goto(live_server.url + page.url)
            if cookie:
                # The count appears once axe has run in the page.
                count = tab.locator("wagtail-userbar #checker-trigger [data-content-checker-count]")
                count.wait_for(state="attached")
                tab.wait_for_function(
                    "() => document.querySelector('wagtail-userbar').shadowRoot"
                    ".querySelector('#checker-trigger [data-content-checker-count]')"
                    ".textContent.trim() !== ''",
                    timeout=30_000,
                )
                names = tab.locator(
                    "wagtail-userbar #checker-results [data-content-checker-name]"
                ).all_text_contents()
                assert VAGUE_LINK_MESSAGE in names
                assert any("editorial/checks/content-checks.js" in url for url in requested)
            else:
                tab.wait_for_load_state("networkidle")
                assert tab.locator("wagtail-userbar").count() == 0
                assert not any("editorial/checks/" in url for url in requested)
        finally:
            context.close()
        assert not problems, problems
