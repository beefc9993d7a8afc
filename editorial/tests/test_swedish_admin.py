"""Swedish throughout the admin.

Wagtail's Swedish translation has gaps; locale/sv/LC_MESSAGES/django.po and djangojs.po fill
the ones editors meet, and editorial/guide.py labels the few form fields Wagtail leaves without
a label (a field name such as "Link text" cannot be translated). These tests walk the views each
role works in, read what an editor reads (visible text, placeholders, ARIA labels, titles, the
menu and the StreamField block definitions the editor's JavaScript draws from) and fail on
English phrases that editors met before. The admin's JavaScript catalogue must be Swedish too.

After a Wagtail upgrade: new gaps are the msgids of Wagtail's locale/en/…/django.po (and
djangojs.po) that its locale/sv/… lacks, e.g. with GNU gettext
`msgmerge sv/django.po en/django.po | msgattrib --untranslated`. Translate those an editor
meets into locale/sv/…, `make messages`, and add the English phrase to FORBIDDEN.
"""

import datetime
import gettext
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation

import wagtail.admin
from wagtail.models import Collection, Page, Workflow

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from advice.models import Advisor, Language, School
from advice.tests.factories import GuidancePageFactory
from editorial import roles
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from portal.tests.test_admin import PAGE_TYPES_BY_PARENT
from taxonomy.models import Area, Audience, Topic
from taxonomy.tests.factories import AudienceFactory, TopicFactory

LOCALE_DIR = settings.BASE_DIR / "locale"
WAGTAIL_ADMIN_LOCALE = Path(wagtail.admin.__file__).parent / "locale"

# English that editors met in the admin before locale/ (and the labels in editorial/guide.py).
# Matched as whole words, case-sensitively, in everything an editor reads.
FORBIDDEN = [
    # Page editor
    "Autosave is paused",
    "Autosave is",
    "Saved",
    "Side panels",
    "Side panel width",
    "Minimap",
    "To be created by",
    "Once scheduled:",
    "Go-live:",
    "Expiry:",
    # The table block (wagtail.contrib.typed_table_block)
    "Caption",
    "A heading that identifies the overall topic of the table",
    "useful for screen reader users",
    # The sign-up form builder: Wagtail's Swedish said "Dropdown"
    "Dropdown",
    # Link choosers in the text block
    "Link text",
    "Email address",
    "Phone number",
    "Subject",
    # Page explorer and listings
    re.compile(r"\b\d+-\d+ of \d+\b"),  # "1-7 of 7 sidor"
    "Exploring",
    "Date updated",
    "Any",
    "Sort item order",
    "There are no",
    "Why not",
    "add one",
    "Actions (footer)",
    # Dashboard and account
    "Edit account avatar",
    # Images and documents
    "Maximum filesize",
    # Reports, and their downloads
    "Locked by",
    "Anyone",
    "App",
    "Page/Snippet Type",
    # Django's humanize, which Wagtail uses: "Skickad till … a second ago"
    "ago",
    "from now",
    # Workflows (data migration editorial/0002 renamed Wagtail's)
    "Moderators approval",
    "Moderators",
    "snippet type",
    "Content types",
]

# Strings of the admin's JavaScript (the JS catalogue at /admin/jsi18n/) that Wagtail's Swedish
# lacks. "Good", "Fair" and "Complex" are the readability in the checks panel ("Läsbarhet: …").
JS_STRINGS = [
    "Good",
    "Fair",
    "Complex",
    "Search options…",
    "Autosave in progress…",
    "Changes have been autosaved.",
    "A network error occurred.",
    "A server error occurred.",
    "Pin toolbar",
    "Unpin toolbar",
    "%(num)s min",
]

# What an editor reads besides the text: attributes, and JSON the admin's JavaScript draws from.
READ_ATTRIBUTES = (
    "placeholder",
    "aria-label",
    "title",
    "alt",
    "data-w-tooltip-content-value",  # tooltips
    "data-w-progress-active-value",  # a button's text while it works
)
JSON_SCRIPTS = ("wagtail-sidebar-props", "checker-axe-configuration")
BLOCK_DEFINITIONS = "data-w-block-data-value"
SNIPPETS = [Advisor, Area, School, Language, Topic, Audience]


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def editor_texts(response):
    """What an editor reads in a response: the visible text (not <script> or <template>),
    the attributes in READ_ATTRIBUTES, the menu and the StreamField block definitions.
    Chooser views answer with JSON holding the HTML of the modal; reports also with CSV."""
    if response["Content-Type"].startswith("text/csv"):
        return b"".join(response.streaming_content).decode().splitlines()
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        content = json.loads(content).get("html") or ""
    soup = BeautifulSoup(content, "html.parser")
    texts = []
    for element_id in JSON_SCRIPTS:
        script = soup.find("script", id=element_id)
        if script is not None:
            texts += json_strings(json.loads(script.string))
    for tag in soup.find_all(attrs={BLOCK_DEFINITIONS: True}):
        texts += json_strings(json.loads(tag[BLOCK_DEFINITIONS]))
    for tag in soup(["script", "template", "style"]):
        tag.decompose()
    texts += soup.stripped_strings
    for tag in soup.find_all(True):
        texts += [tag[attribute] for attribute in READ_ATTRIBUTES if tag.get(attribute)]
    return [" ".join(text.split()) for text in texts]


def _pattern(phrase):
    if isinstance(phrase, re.Pattern):
        return phrase
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


FORBIDDEN_PATTERNS = [(phrase, _pattern(phrase)) for phrase in FORBIDDEN]


def english_found(client, urls):
    """{phrase: {url: text}} for every forbidden phrase on the given admin views."""
    found = {}
    for url in urls:
        # Settings redirect to the default site's; a refusal would redirect to the dashboard.
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        assert url == "/admin/" or response.request["PATH_INFO"] != "/admin/", f"refused: {url}"
        for text in editor_texts(response):
            for phrase, pattern in FORBIDDEN_PATTERNS:
                where = found.setdefault(getattr(phrase, "pattern", phrase), {})
                # A few places per phrase are enough to find it.
                if len(where) < 3 and pattern.search(text):
                    where.setdefault(url, text[:120])
    found = {phrase: where for phrase, where in found.items() if where}
    return found


def menu_urls(client):
    """Every admin address in the user's menu: reports, settings and what others add later."""
    response = client.get(reverse("wagtailadmin_home"))
    props = json.loads(
        BeautifulSoup(response.content, "html.parser")
        .find("script", id="wagtail-sidebar-props")
        .string
    )
    urls = []

    def walk(value):
        if isinstance(value, dict):
            url = value.get("url")
            if isinstance(url, str) and url.startswith("/admin/") and "logout" not in url:
                urls.append(url)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return urls


@pytest.fixture
def site(home_page, small_directory, communicator):
    """A page of every type, every snippet, an image, a document, an event with sign-up, and a
    guidance page waiting in the moderation workflow."""
    hub = small_directory["page"].get_parent().specific
    news_index = NewsIndexPageFactory(parent=home_page)
    calendar = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=calendar, title="Föräldraträff", registration_enabled=True)
    pages = {
        "home": home_page,
        "standard": StandardPageFactory(parent=home_page, title="Om oss"),
        "hub": hub,
        "guidance": GuidancePageFactory(parent=hub, title="Problematisk skolfrånvaro"),
        "directory": small_directory["page"],
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index, title="Ny föräldragrupp"),
        "calendar": calendar,
        "event": add_form_fields(event),
    }
    # A news article with a publishing schedule in its draft.
    news = pages["news"]
    news.go_live_at = timezone.now() + datetime.timedelta(days=10)
    news.expire_at = timezone.now() + datetime.timedelta(days=40)
    news.save_revision(user=communicator)
    TopicFactory(name="Skolfrånvaro")
    AudienceFactory(name="Föräldrar")
    root_collection = Collection.get_first_root_node()
    image = wagtail_factories.ImageFactory(title="Föräldraträff", collection=root_collection)
    document = wagtail_factories.DocumentFactory(title="Broschyr", collection=root_collection)
    draft = GuidancePageFactory(parent=hub, title="Till granskning", live=False)
    draft.save_revision(user=communicator)
    Workflow.objects.get(name=roles.WORKFLOW_NAME).start(draft, communicator)
    return {"pages": pages, "image": image, "document": document, "draft": draft}


def page_editor_urls(site):
    """Create and edit views of every page type, and the explorer of each section."""
    pages = site["pages"]
    parents = {
        "root": Page.get_first_root_node(),
        "home": pages["home"],
        "hub": pages["hub"],
        "news_index": pages["news_index"],
        "calendar": pages["calendar"],
    }
    urls = [reverse("wagtailadmin_explore_root")]
    for (app, model), parent in PAGE_TYPES_BY_PARENT.items():
        page_type = ContentType.objects.get_by_natural_key(app, model).model_class()
        # One advisor directory per hub: the fixture's hub has its own already.
        if page_type.can_create_at(parents[parent]):
            urls.append(reverse("wagtailadmin_pages:add", args=[app, model, parents[parent].pk]))
    for page in pages.values():
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        if page.get_children().exists():
            urls.append(reverse("wagtailadmin_explore", args=[page.pk]))
    urls.append(reverse("wagtailadmin_pages:add_subpage", args=[pages["home"].pk]))
    return urls


def communicator_urls(site):
    guidance = site["pages"]["guidance"]
    urls = [
        reverse("wagtailadmin_home"),
        *page_editor_urls(site),
        reverse("wagtailadmin_pages:search") + "?q=skola",
        reverse("wagtailadmin_pages:history", args=[guidance.pk]),
        reverse("wagtailadmin_pages:copy", args=[guidance.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[guidance.pk]),
        reverse("wagtailadmin_pages:usage", args=[guidance.pk]),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_external_link"),
        reverse("wagtailadmin_choose_page_email_link"),
        reverse("wagtailadmin_choose_page_phone_link"),
        reverse("wagtailadmin_choose_page_anchor_link"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[site["image"].pk]),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[site["document"].pk]),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:workflow") + "?export=csv",
    ]
    for model in SNIPPETS:
        name = f"{model._meta.app_label}_{model._meta.model_name}"
        urls += [
            reverse(f"wagtailsnippets_{name}:list"),
            reverse(f"wagtailsnippets_{name}:add"),
            reverse(f"wagtailsnippets_{name}:edit", args=[model.objects.first().pk]),
            reverse(f"wagtailsnippetchoosers_{name}:choose"),
        ]
    advisor = Advisor.objects.first()
    urls.append(reverse("wagtailsnippets_advice_advisor:history", args=[advisor.pk]))
    return urls


@pytest.mark.django_db
def test_empty_listings_are_in_swedish(client, communicator):
    # Empty listings first: they have their own messages ("There are no …").
    client.force_login(communicator)
    empty = english_found(
        client,
        [
            reverse("wagtailsnippets_taxonomy_topic:list"),
            reverse("wagtailsnippets_taxonomy_audience:list"),
            reverse("wagtailimages:index"),
            reverse("wagtaildocs:index"),
        ],
    )
    assert not empty, f"English in the admin: {empty}"


@pytest.mark.django_db
def test_a_communicator_meets_no_english_in_the_views_they_work_in(client, communicator, site):
    client.force_login(communicator)
    urls = dict.fromkeys([*communicator_urls(site), *menu_urls(client)])
    found = english_found(client, urls)
    assert not found, f"English in the admin: {json.dumps(found, ensure_ascii=False, indent=1)}"


@pytest.mark.django_db
def test_the_other_roles_meet_no_english(
    client, site, reviewer, advisor_editor, course_admin, superuser
):
    pages = site["pages"]
    draft = site["draft"]
    views = {
        # Reviewers: the dashboard with a page awaiting review, and the page itself.
        reviewer: [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[draft.pk]),
        ],
        # Advisors: their section, a guidance draft and an advisor entry.
        advisor_editor: [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[pages["hub"].pk]),
            reverse("wagtailadmin_pages:add", args=["advice", "guidancepage", pages["hub"].pk]),
            reverse("wagtailsnippets_advice_advisor:edit", args=[Advisor.objects.first().pk]),
        ],
        # Course administrators: the calendar and the sign-ups.
        course_admin: [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_pages:edit", args=[pages["event"].pk]),
            reverse("wagtailforms:index"),
            reverse("wagtailforms:list_submissions", args=[pages["event"].pk]),
        ],
        # Administrators: the workflow and its task.
        superuser: [
            reverse("wagtailadmin_workflows:index"),
            reverse("wagtailadmin_workflows:task_index"),
            reverse(
                "wagtailadmin_workflows:edit",
                args=[Workflow.objects.get(name=roles.WORKFLOW_NAME).pk],
            ),
        ],
    }
    found = {}
    for user, urls in views.items():
        client.force_login(user)
        for phrase, where in english_found(client, urls).items():
            where = {f"{user.username} {url}": text for url, text in where.items()}
            found.setdefault(phrase, {}).update(where)
    assert not found, f"English in the admin: {json.dumps(found, ensure_ascii=False, indent=1)}"


def js_catalog(client):
    """The admin's JavaScript catalogue as the browser gets it: {msgid: translation}."""
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(match[1])


@pytest.mark.django_db
def test_the_admin_javascript_speaks_swedish(client, communicator):
    client.force_login(communicator)
    catalog = js_catalog(client)
    english = [msgid for msgid in JS_STRINGS if catalog.get(msgid, msgid) in (msgid, [msgid])]
    assert not english, f"Untranslated in the admin's JavaScript: {english}"
    assert catalog["Good"] == "Lättläst"
    assert catalog["Complex"] == "Svårläst"


@pytest.mark.django_db
def test_the_javascript_catalogue_includes_the_project_locale(client, communicator):
    """Wagtail serves its JS catalogue with JavaScriptCatalog(packages=["wagtail.admin"]), and
    Django adds LOCALE_PATHS to it: every string of locale/sv/…/djangojs.po is served as it is
    there, also those Wagtail's own Swedish lacks."""
    ours = gettext.translation("djangojs", localedir=LOCALE_DIR, languages=["sv"])._catalog
    wagtails = gettext.translation(
        "djangojs", localedir=WAGTAIL_ADMIN_LOCALE, languages=["sv"], fallback=True
    )
    client.force_login(communicator)
    served = js_catalog(client)
    for key, value in ours.items():
        if not key:
            continue  # the header
        msgid = key[0] if isinstance(key, tuple) else key
        if isinstance(key, tuple):
            assert served[msgid][key[1]] == value, msgid
        else:
            assert served[msgid] == value, msgid
    assert wagtails.gettext("Good") == "Good", "Wagtail's Swedish has it now: the test proves less"


def test_the_project_catalogue_wins_over_wagtails():
    """Every string of locale/sv/…/django.po is what the admin shows, even where Wagtail's
    Swedish says something else ("Drop down": "Rullista", not "Dropdown")."""
    ours = gettext.translation("django", localedir=LOCALE_DIR, languages=["sv"])._catalog
    with translation.override("sv"):
        for key, value in ours.items():
            msgid, n = key if isinstance(key, tuple) else (key, None)
            if not msgid:
                continue  # the header
            context, _sep, msgid = msgid.rpartition("\x04")
            count = 1 if n == 0 else 2
            if n is None and not context:
                shown = translation.gettext(msgid)
            elif n is None:
                shown = translation.pgettext(context, msgid)
            elif not context:
                shown = translation.ngettext(msgid, msgid, count)
            else:
                shown = translation.npgettext(context, msgid, msgid, count)
            assert shown == value, (context, msgid)


def test_the_translations_are_compiled():
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, (
            f"{mo.relative_to(settings.BASE_DIR)} is missing or older than its .po: "
            "run `make messages`"
        )
