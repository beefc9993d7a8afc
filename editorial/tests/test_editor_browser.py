"""The editors' work in Chromium, through the real admin JavaScript, against gunicorn with the
production settings and collected, hashed static files (`production_server`): every view an
editor uses loads cleanly, every block can be added and filled, pages go through moderation
and appear on the site, and nothing is requested from another host."""

import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse

from wagtail.admin.telepath import JSContext
from wagtail.admin.wagtail_hooks import reports_menu
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState, get_page_models
from wagtail.snippets.models import get_snippet_models

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from advice.blocks import ContentStreamBlock
from advice.models import AdvisorDirectoryPage, GuidanceIndexPage, GuidancePage
from events.models import EventIndexPage, EventPage, EventRegistration
from home.models import HomePage
from news.models import NewsIndexPage

from .admin_browser import PHONE, AdminSession

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site(demo_site):
    """The demo site (conftest.py), and one document (the demo has none) for the document
    block."""
    get_document_model().objects.create(
        title="Närvarotrappan som PDF", file=ContentFile(b"%PDF-1.4\n", name="trappan.pdf")
    )
    return demo_site


def stream_blocks():
    """(name, label) of every block an editor can add to a page body."""
    return [(name, str(block.label)) for name, block in ContentStreamBlock().child_blocks.items()]


# Every view an editor uses


def admin_paths_for(user):
    """The admin views an editor works in, from the live data: create and edit for every page
    type, list/create/edit for every snippet, images, documents, the reports in the user's
    Reports menu, the site settings."""
    home = HomePage.objects.get(locale__language_code="sv")
    paths = ["/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/"]
    for model in get_page_models():
        if model is Page:
            continue
        existing = model.objects.order_by("pk").first()
        if existing is not None:
            paths.append(reverse("wagtailadmin_pages:edit", args=[existing.pk]))
        parent = next(
            (
                page.specific
                for page in Page.objects.order_by("depth", "pk")
                if model.can_create_at(page.specific)
                and page.specific.permissions_for_user(user).can_add_subpage()
            ),
            None,
        )
        if parent is not None:
            opts = model._meta
            paths.append(
                reverse("wagtailadmin_pages:add", args=[opts.app_label, opts.model_name, parent.pk])
            )
    for model in get_snippet_models():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            continue
        name = f"wagtailsnippets_{opts.app_label}_{opts.model_name}"
        paths += [reverse(f"{name}:list"), reverse(f"{name}:add")]
        first = model.objects.order_by("pk").first()
        if first is not None:
            paths.append(reverse(f"{name}:edit", args=[first.pk]))
    image = get_image_model().objects.order_by("pk").first()
    document = get_document_model().objects.order_by("pk").first()
    paths += [
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtailsettings:edit", args=["portal", "contactsettings"]) + "1/",
        reverse("wagtailsettings:edit", args=["portal", "helpnowsettings"]) + "1/",
    ]
    request = RequestFactory().get("/admin/")
    request.user = user
    paths += [item.url for item in reports_menu.menu_items_for_request(request)]
    return paths


def chooser_paths():
    """The choosers behind the blocks: pages, images, documents, advisors, areas."""
    return [
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailsnippetchoosers_advice_advisor:choose"),
        reverse("wagtailsnippetchoosers_taxonomy_area:choose"),
    ]


# The views are checked in parts, so that the parts can run in parallel: each role's views,
# the communicators' split in three by position in the list.
VIEW_PARTS = [("communicator", part, 3) for part in range(3)] + [
    ("superuser", 0, 1),
    ("course_admin", 0, 1),
]


@pytest.mark.parametrize(
    ("role", "part", "parts"), VIEW_PARTS, ids=[f"{r}-{p + 1}of{n}" for r, p, n in VIEW_PARTS]
)
def test_every_view_an_editor_uses_loads_without_errors(
    browser, production_server, demo_site, communicator, course_admin, superuser, role, part, parts
):
    if role == "course_admin":
        session = AdminSession(browser, production_server, course_admin)
        try:
            session.goto(reverse("wagtailforms:index"))
            event = EventPage.objects.filter(registration_enabled=True).first()
            session.goto(reverse("wagtailforms:list_submissions", args=[event.pk]))
            session.assert_clean()
        finally:
            session.close()
        return

    communicator_paths = admin_paths_for(communicator)
    if role == "communicator":
        user, paths = communicator, communicator_paths
    else:
        # Administrators also see what only they may use (workflows, users, groups); the
        # views they share with communicators are checked in the communicators' parts.
        user = superuser
        paths = [path for path in admin_paths_for(superuser) if path not in communicator_paths] + [
            reverse("wagtailadmin_workflows:index"),
            reverse("wagtailusers_groups:index"),
        ]
    paths = paths[part::parts]
    assert paths
    session = AdminSession(browser, production_server, user)
    try:
        for path in paths:
            session.goto(path)
        for path in chooser_paths():
            response = session.page.request.get(production_server.url + path)
            assert response.status == 200, path
            assert "html" in response.json(), path
        # No avatar from a third party: the account menu shows the site's own picture.
        avatar = session.page.locator(".avatar img").first.get_attribute("src")
        assert avatar.startswith("/static/"), avatar
        session.assert_clean()
    finally:
        session.close()


# Blocks


def test_every_block_has_its_editing_javascript_in_the_production_manifest(production_static):
    """The editor builds each block with JavaScript (telepath); a block whose script or style
    is not among the collected files cannot be added (the missing typed-table app did
    that). Packing the stream as the page editor does names every file it needs."""
    manifest = json.loads((production_static / "staticfiles.json").read_text())["paths"]
    stream = ContentStreamBlock()
    stream.set_name("body")
    context = JSContext()
    context.pack(stream)
    media = context.media
    files = list(media._js) + [path for paths in media._css.values() for path in paths]
    # Wagtail names its files with their address and a version: /static/<path>?v=...
    local = {
        path.split("?")[0].removeprefix(settings.STATIC_URL)
        for path in files
        if not path.startswith(("http:", "https:"))
    }
    assert "typed_table_block/js/typed_table_block.js" in local
    missing = sorted(path for path in local if path not in manifest)
    assert not missing, missing


def test_the_block_menu_offers_every_block_and_each_can_be_added(
    browser, production_server, demo_site, communicator
):
    session = AdminSession(browser, production_server, communicator)
    page = session.page
    hub = GuidanceIndexPage.objects.get(locale__language_code="sv")
    try:
        session.goto(reverse("wagtailadmin_pages:add", args=["advice", "guidancepage", hub.pk]))
        page.locator("#body-root .c-sf-add-button").last.click()
        offered = page.locator(".w-combobox__option-text").all_inner_texts()
        page.keyboard.press("Escape")
        assert offered == [label for _name, label in stream_blocks()]
        for index, (name, label) in enumerate(stream_blocks()):
            add_block(page, label)
            block = block_at(page, index)
            assert block.locator(f"input[name='body-{index}-type']").input_value() == name
            assert block.locator(".c-sf-block__type").first.inner_text() == label
        session.assert_clean()
    finally:
        session.close()


def add_block(page, label):
    page.locator("#body-root .c-sf-add-button").last.click()
    page.locator(".w-combobox__option", has_text=label).first.click()


def block_at(page, index):
    """The container of the index-th block of the body."""
    return page.locator(f"input[name='body-{index}-type']").locator("xpath=..")


def choose_first(page, block, nth=0):
    """Open the nth chooser of the block and pick the first item offered."""
    block.locator("button[data-chooser-action-choose]").nth(nth).click()
    modal = page.locator(".modal:visible")
    modal.locator("[data-chooser-modal-choice], a.choose-page").first.click()
    modal.wait_for(state="hidden")


def save_draft(page, what=""):
    """Click "Spara utkast" and fail with the editor's error messages if it did not save."""
    with page.expect_navigation():
        page.click("button.action-save")
    if not page.url.endswith("/edit/"):
        fields = page.locator("[data-field]:has(.error-message)")
        found = fields.evaluate_all(
            "els => els.map(e => (e.closest('[data-contentpath]') || e).dataset.contentpath"
            " + ': ' + e.querySelector('.error-message').innerText)"
        )
        raise AssertionError(f"{what} not saved; errors at: {found}")


# The body's required text fields (paragraphs, and the text, answer and "vad händer" parts of
# blocks) that hold nothing: an empty input, or rich text (Draftail's JSON) without a
# character. Fields of deleted blocks and list items are left out.
EMPTY_BODY_FIELDS = r"""() => {
    const form = document.querySelector("#page-edit-form");
    if (!form) return [];
    const data = new FormData(form);
    const deleted = [...data]
        .filter(([name, value]) => name.endsWith("-deleted") && value)
        .map(([name]) => name.slice(0, -"deleted".length));
    const empty = [];
    for (const [name, value] of data) {
        if (!name.startsWith("body-")) continue;
        if (deleted.some((prefix) => name.startsWith(prefix))) continue;
        if (value === "" && /-(text|answer|what)$/.test(name)) empty.push(name);
        else if (value.startsWith('{"blocks"') && /-(text|answer|what|\d+-value)$/.test(name)) {
            const blocks = JSON.parse(value).blocks || [];
            if (!blocks.some((block) => block.text.trim())) empty.push(name);
        }
    }
    return empty;
}"""


def submit_for_review(page, what=""):
    """Click "Skicka för granskning" in the footer's menu and fail with the editor's error
    messages if the page did not go to review. First it waits until no text field of the body
    is empty, rich text included: after a save the editor's scripts rebuild the stream, and a
    submission in between once posted a block whose text had not yet been put back (the
    draft itself saves without required fields; a submission checks them all)."""
    try:
        page.wait_for_function(f"() => ({EMPTY_BODY_FIELDS})().length === 0", timeout=15000)
    except PlaywrightTimeoutError as error:
        empty = page.evaluate(EMPTY_BODY_FIELDS)
        raise AssertionError(f"{what}: body fields empty before submitting: {empty}") from error
    page.locator("footer [data-w-dropdown-target='toggle']").click()
    with page.expect_navigation():
        page.click("footer button[name='action-submit']")
    page.wait_for_load_state("networkidle")
    if page.locator(".messages .success").count() != 1:
        fields = page.locator("[data-field]:has(.error-message)")
        found = fields.evaluate_all(
            "els => els.map(e => (e.closest('[data-contentpath]') || e).dataset.contentpath"
            " + ': ' + e.querySelector('.error-message').innerText)"
        )
        empty = page.evaluate(EMPTY_BODY_FIELDS)
        raise AssertionError(
            f"{what} not submitted: {page.locator('.messages').inner_text()}; errors at: {found}"
            f"; empty body fields: {empty}"
        )


def expand(block):
    """Open the parts of the block that start collapsed (e.g. the areas of "I ditt område")."""
    toggles = block.locator("button[data-panel-toggle][aria-expanded='false']")
    while toggles.count():
        toggles.first.click()


def write(page, block, text, nth=0):
    """Type into the nth rich-text (Draftail) field of the block, and see it there (a click
    that lands before the editor has taken focus loses the keys)."""
    field = block.locator("[contenteditable=true]").nth(nth)
    field.click()
    page.keyboard.type(text)
    expect(field).to_contain_text(text)


# What each block gets filled with, and a phrase a visitor then reads on the page.
def fill_heading(page, block, i):
    block.locator(f"[name='body-{i}-value-text']").fill("Så fungerar trappan")
    block.locator(f"[name='body-{i}-value-level']").select_option("h2")
    return "Så fungerar trappan"


def fill_paragraph(page, block, i):
    write(page, block, "Skolan hör av sig när frånvaron ökar.")
    return "Skolan hör av sig när frånvaron ökar."


def fill_fact_box(page, block, i):
    block.locator(f"[name='body-{i}-value-tone']").select_option("info")
    block.locator(f"[name='body-{i}-value-title']").fill("Bra att veta")
    write(page, block, "Rådgivningen är gratis.")
    return "Rådgivningen är gratis."


def fill_quote(page, block, i):
    block.locator(f"[name='body-{i}-value-quote']").fill("Vi löste det tillsammans.")
    block.locator(f"[name='body-{i}-value-role']").fill("förälder i Vårby")
    return "Vi löste det tillsammans."


def fill_faq(page, block, i):
    block.locator(f"[name='body-{i}-value-items-0-value-question']").fill("Kostar det något?")
    write(page, block, "Nej, det är gratis.")
    return "Kostar det något?"


def fill_steps(page, block, i):
    block.locator(f"[name='body-{i}-value-steps-0-value-title']").fill("Mentorn ringer hem")
    actor = block.locator(f"[name='body-{i}-value-steps-0-value-actor']")
    actor.select_option(index=1)
    write(page, block, "Mentorn tar kontakt med familjen.")
    return "Mentorn ringer hem"


def fill_table(page, block, i):
    block.locator(f"[name='body-{i}-value-caption']").fill("Telefontider per område")
    block.locator("[data-append-column]").click()
    block.locator(".add-column-menu button", has_text="text").first.click()
    block.locator(f"[name='body-{i}-value-column-0-heading']").fill("Område")
    block.locator(f"[name='body-{i}-value-cell-0-0']").fill("Vårby")
    return "Telefontider per område"


def fill_figure(page, block, i):
    choose_first(page, block)
    block.locator(f"[name='body-{i}-value-image-alt_text']").fill("Tecknad skolgård")
    block.locator(f"[name='body-{i}-value-caption']").fill("Skolgården en höstdag")
    return "Skolgården en höstdag"


def fill_document(page, block, i):
    choose_first(page, block)
    block.locator(f"[name='body-{i}-value-title']").fill("Närvarotrappan att skriva ut")
    return "Närvarotrappan att skriva ut"


def fill_video(page, block, i):
    block.locator(f"[name='body-{i}-value-title']").fill("Trappan på två minuter")
    block.locator(f"[name='body-{i}-value-url']").fill("https://youtu.be/dQw4w9WgXcQ")
    choose_first(page, block)
    return "Trappan på två minuter"


def fill_related_pages(page, block, i):
    block.locator(f"[name='body-{i}-value-heading']").fill("Läs också om skolan")
    choose_first(page, block)
    return "Läs också om skolan"


def fill_call_to_action(page, block, i):
    block.locator(f"[name='body-{i}-value-text']").fill("Boka ett samtal med oss")
    block.locator(f"[name='body-{i}-value-url']").fill("https://www.example.org/boka")
    return "Boka ett samtal med oss"


def fill_contact(page, block, i):
    block.locator(f"[name='body-{i}-value-heading']").fill("Prata med en rådgivare")
    choose_first(page, block)
    return "Prata med en rådgivare"


def fill_local_areas(page, block, i):
    block.locator(f"[name='body-{i}-value-heading']").fill("Hjälp där du bor")
    expand(block)
    choose_first(page, block)
    write(page, block, "Drop-in varje tisdag.")
    return "Hjälp där du bor"


def fill_help_now(page, block, i):
    return "112"


def fill_other_language(page, block, i):
    block.locator(f"[name='body-{i}-value-language']").select_option("fit")
    block.locator(f"[name='body-{i}-value-heading']").fill("Sinun oikeuet")
    write(page, block, "Sulla on oikeus käyttää meänkieltä.")
    return "Sinun oikeuet"


def fill_language_links(page, block, i):
    block.locator(f"[name='body-{i}-value-heading']").fill("På ditt språk")
    block.locator(f"[name='body-{i}-value-links-0-value-language']").select_option("yi")
    block.locator(f"[name='body-{i}-value-links-0-value-text']").fill("אויף ייִדיש")
    return "På ditt språk"


FILLERS = {
    name: globals()[f"fill_{name}"]
    for name, _label in stream_blocks()
    if f"fill_{name}" in globals()
}


def test_a_guidance_page_with_every_block_goes_through_moderation_to_the_site(
    browser, production_server, demo_site, advisor_editor, reviewer
):
    missing = [name for name, _label in stream_blocks() if name not in FILLERS]
    assert not missing, f"Blocks without a filler in this test: {missing}"
    hub = GuidanceIndexPage.objects.get(locale__language_code="sv")

    # A föräldrarådgivare writes the page with every block, in the editor's JavaScript.
    writer = AdminSession(browser, production_server, advisor_editor)
    page = writer.page
    try:
        writer.goto(reverse("wagtailadmin_pages:add", args=["advice", "guidancepage", hub.pk]))
        page.fill("#id_title", "Stöd när skolan känns svår")
        page.fill("#id_lead", "Här är vad du som förälder kan göra.")
        # The slug follows the title, in ASCII (å, ä → a, ö → o).
        expect(page.locator("#id_slug")).to_have_value("stod-nar-skolan-kanns-svar")
        expected = []
        for index, (name, label) in enumerate(stream_blocks()):
            add_block(page, label)
            expected.append(FILLERS[name](page, block_at(page, index), index))
        save_draft(page, "guidance page")
        messages = page.locator(".messages")
        assert messages.locator(".success").count() == 1, messages.inner_text()
        created = GuidancePage.objects.get(slug="stod-nar-skolan-kanns-svar")
        assert [block.block_type for block in created.get_latest_revision_as_object().body] == [
            name for name, _label in stream_blocks()
        ]

        # The preview at phone width shows the page as a parent will see it.
        page.click("[data-side-panel-toggle='preview']")
        page.locator("label.w-preview__size-button").filter(
            has=page.locator("input[value='mobile']")
        ).click()
        frame = page.frame_locator("iframe[id^='w-preview-iframe'], .w-preview__iframe").first
        frame.locator("h1", has_text="Stöd när skolan känns svår").wait_for()
        width = frame.locator("body").evaluate("body => body.ownerDocument.defaultView.innerWidth")
        assert width == PHONE["width"]
        for phrase in expected:
            assert frame.get_by_text(phrase, exact=False).count() >= 1, phrase

        # Submitted for moderation; a föräldrarådgivare cannot publish.
        submit_for_review(page, "guidance page")
        assert page.locator("footer button[name='action-publish']").count() == 0
        writer.assert_clean()
    finally:
        writer.close()

    # A granskare finds it on the dashboard and approves it.
    approve_on_dashboard(browser, production_server, reviewer, "Stöd när skolan känns svår")
    created.refresh_from_db()
    assert created.live

    # A parent reads it on a phone.
    visitor = browser.new_context(viewport=PHONE)
    try:
        public = visitor.new_page()
        response = public.goto(production_server.url + created.url)
        assert response.status == 200
        for phrase in expected:
            assert public.get_by_text(phrase, exact=False).count() >= 1, phrase
        overflow = public.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        visitor.close()


def approve_on_dashboard(browser, server, reviewer, *titles):
    session = AdminSession(browser, server, reviewer)
    try:
        for title in titles:
            session.goto("/admin/")
            panel = session.page.locator("#awaiting-review-section")
            row = panel.locator("tr", has_text=title)
            states = list(WorkflowState.objects.values_list("status", "requested_by__username"))
            assert row.count() == 1, (
                f"{title} not on the dashboard: {panel.all_inner_texts()}, {states}"
            )
            row.locator("[data-w-dropdown-target='toggle']").click()
            row.locator("button[data-workflow-action-url]:not([data-launch-modal])").first.click()
            session.page.wait_for_load_state("networkidle")
        session.goto("/admin/")
        for title in titles:
            assert session.page.locator("#awaiting-review-section tr", has_text=title).count() == 0
        session.assert_clean()
    finally:
        session.close()


# Every other page type, where it may go


def page_types_to_create():
    """(model, parent, fields to fill) for each page type except guidance pages, which the
    test above covers block by block."""
    home = HomePage.objects.get(locale__language_code="sv")
    return [
        (
            HomePage,
            Page.get_first_root_node(),
            {"#id_title": "Ny startsida för test", "rich:intro": "Välkommen."},
        ),
        (
            GuidanceIndexPage,
            home,
            {"#id_title": "Ny samling vägledning", "#id_lead": "För föräldrar."},
        ),
        (NewsIndexPage, home, {"#id_title": "Fler nyheter"}),
        (EventIndexPage, home, {"#id_title": "Fler evenemang"}),
        (
            AdvisorDirectoryPage,
            "Ny samling vägledning",
            {"#id_title": "Hitta rådgivare här"},
        ),
        (
            "home.standardpage",
            home,
            {"#id_title": "Om tolkar", "#id_lead": "Tolk bokas kostnadsfritt."},
        ),
        (
            "news.newspage",
            NewsIndexPage.objects.get(slug="aktuellt"),
            {"#id_title": "Ny grupp i Skogås", "#id_date": "2026-11-30", "#id_lead": "Välkommen."},
        ),
        (
            "events.eventpage",
            EventIndexPage.objects.get(slug="kalender"),
            {
                "#id_title": "Föräldraträff i Vårby",
                "#id_lead": "En kväll om skolan.",
                "#id_occasions-0-start": "2027-02-04 17:30",
                "#id_occasions-0-end": "2027-02-04 19:00",
            },
        ),
    ]


# In groups that can run in parallel; a directory goes into the guidance collection created
# before it, so the two stay together.
PAGE_TYPE_GROUPS = [
    ("home.homepage", "news.newsindexpage"),
    ("advice.guidanceindexpage", "advice.advisordirectorypage"),
    ("events.eventindexpage", "home.standardpage"),
    ("news.newspage", "events.eventpage"),
]


def test_the_page_type_groups_cover_every_other_page_type(demo_site):
    labels = [
        model if isinstance(model, str) else model._meta.label_lower
        for model, _parent, _fields in page_types_to_create()
    ]
    assert sorted(labels) == sorted(label for group in PAGE_TYPE_GROUPS for label in group)


@pytest.mark.parametrize("group", PAGE_TYPE_GROUPS, ids="+".join)
def test_every_other_page_type_is_created_where_it_may_go_and_published_after_moderation(
    browser, production_server, demo_site, communicator, reviewer, group
):
    session = AdminSession(browser, production_server, communicator)
    page = session.page
    titles = []
    try:
        for model, parent, fields in page_types_to_create():
            label = model if isinstance(model, str) else model._meta.label_lower
            if label not in group:
                continue
            if isinstance(parent, str):
                parent = Page.objects.get(title=parent)
            app_label, model_name = label.split(".")
            session.goto(reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk]))
            for selector, value in fields.items():
                if selector.startswith("rich:"):
                    field = page.locator(f"[data-contentpath='{selector[5:]}']")
                    field.locator("[contenteditable=true]").click()
                    page.keyboard.type(value)
                else:
                    page.fill(selector, value)
            # The slug follows the title when the editor leaves the field.
            page.focus("#id_title")
            page.keyboard.press("Tab")
            expect(page.locator("#id_slug")).not_to_have_value("")
            save_draft(page, label)
            if model is HomePage:
                # A second start page starts a new site: the administrators publish that,
                # once a site points at it. Saving it as a draft is what a communicator does.
                continue
            submit_for_review(page, label)
            titles.append(fields["#id_title"])
        session.assert_clean()
    finally:
        session.close()

    approve_on_dashboard(browser, production_server, reviewer, *titles)
    visitor = browser.new_context(viewport=PHONE)
    try:
        public = visitor.new_page()
        for title in titles:
            created = Page.objects.get(title=title).specific
            assert created.live, title
            response = public.goto(production_server.url + created.url)
            assert response.status == 200, title
            assert public.locator("h1").inner_text().strip() == title
    finally:
        visitor.close()


# Slugs and abandoned attempts


def test_a_new_page_gets_an_ascii_slug_and_an_abandoned_attempt_leaves_nothing_behind(
    browser, production_server, demo_site, communicator
):
    home = HomePage.objects.get(locale__language_code="sv")
    add_url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    session = AdminSession(browser, production_server, communicator)
    page = session.page
    try:
        session.goto(add_url)
        page.fill("#id_title", "Öppet hus för föräldrar på Vårbyskolan")
        page.fill("#id_lead", "Välkommen en kväll i maj.")
        page.wait_for_timeout(2000)  # longer than the autosave interval
        session.goto("/admin/")  # the editor gives up
        assert not Page.objects.filter(title__startswith="Öppet hus").exists()

        session.goto(add_url)
        page.fill("#id_title", "Öppet hus för föräldrar på Vårbyskolan")
        page.fill("#id_lead", "Välkommen en kväll i maj.")
        page.focus("#id_title")
        page.keyboard.press("Tab")
        expect(page.locator("#id_slug")).to_have_value("oppet-hus-for-foraldrar-pa-varbyskolan")
        save_draft(page, "standard page")
        session.assert_clean()
    finally:
        session.close()
    assert Page.objects.get(title__startswith="Öppet hus").slug == (
        "oppet-hus-for-foraldrar-pa-varbyskolan"
    )


# Rights as each role meets them in the admin


def test_each_role_meets_its_rights_in_the_admin(
    browser, production_server, demo_site, reviewer, communicator, course_admin
):
    guidance = GuidancePage.objects.live().first()
    event = EventPage.objects.filter(registration_enabled=True).first()
    EventRegistration.objects.create(
        page=event, status="confirmed", form_data={"namn": "Kim Exempelsson"}
    )

    # A granskare is offered no way to delete a published page; a forged visit is refused.
    session = AdminSession(browser, production_server, reviewer)
    try:
        session.goto(reverse("wagtailadmin_pages:edit", args=[guidance.pk]))
        delete_url = reverse("wagtailadmin_pages:delete", args=[guidance.pk])
        assert session.page.locator(f"a[href^='{delete_url}']").count() == 0
        session.goto(reverse("wagtailadmin_explore", args=[guidance.get_parent().pk]))
        assert session.page.locator(f"a[href^='{delete_url}']").count() == 0
        response = session.page.goto(production_server.url + delete_url)
        assert response.status == 403
        assert "Avpublicera sidan i stället" in session.page.inner_text("main")
    finally:
        session.close()

    # Sign-ups: refused to a kommunikatör, shown to a kursadministratör.
    listing = reverse("wagtailforms:list_submissions", args=[event.pk])
    session = AdminSession(browser, production_server, communicator)
    try:
        response = session.page.goto(production_server.url + listing)
        assert response.status == 403
        assert "Kim Exempelsson" not in session.page.content()
    finally:
        session.close()
    session = AdminSession(browser, production_server, course_admin)
    try:
        session.goto(listing)
        assert "Kim Exempelsson" in session.page.inner_text("main")
        session.assert_clean()
    finally:
        session.close()


def test_an_invalid_block_shows_its_error_at_the_block(
    browser, production_server, demo_site, communicator
):
    hub = GuidanceIndexPage.objects.get(locale__language_code="sv")
    session = AdminSession(browser, production_server, communicator)
    page = session.page
    try:
        session.goto(reverse("wagtailadmin_pages:add", args=["advice", "guidancepage", hub.pk]))
        page.fill("#id_title", "Tabell utan rubrik")
        page.fill("#id_lead", "Ingress.")
        add_block(page, "Tabell")
        with page.expect_navigation() as navigation:
            page.click("button.action-save")
        assert navigation.value.status == 200
        block = block_at(page, 0)
        assert block.locator(".error-message, .help-critical").count() >= 1
        assert not GuidancePage.objects.filter(title="Tabell utan rubrik").exists()
    finally:
        session.close()
