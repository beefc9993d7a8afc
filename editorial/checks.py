"""Editor checks in the checks side panel and the preview: Wagtail's content checker (axe-core)
with Swedish messages and our own rules, and the readability metric shown as a LIX number.

How it is wired (Wagtail 8):

- `EditorialContentChecker` subclasses Wagtail's `ContentCheckerItem` (the userbar item that
  configures axe; `AccessibilityItem` is its deprecated alias). The `construct_wagtail_userbar`
  hook swaps it in wherever Wagtail puts the default item: in the user bar on the site, in the
  preview iframe (`in_preview_panel`) and in the page editor's checks panel, which builds its
  axe configuration through the same hook.
- Our rules use custom axe checks. Their options come from Python; their evaluate functions are
  registered in the browser with `window.wagtail.userbar.registerCheck()` by
  `editorial/checks/content-checks.js`, which the item loads as its `Media`. The user bar
  template prints it as `<script src>` after Wagtail's own user bar script, so it is an
  external file (the Content-Security-Policy allows only those) and registers its checks
  before axe is configured on window load. Visitors never get it: Wagtail renders the user bar
  only for users who may use the admin.
- "A page without an owner or review date" needs no marker in the page: the hook receives the
  page (in the preview: the unsaved page from the edit form), so the item passes
  "missing: true/false" to the check as options, and the rule reports on the page's `<h1>`, as
  Wagtail's own page-level rule for an empty meta description does.
- Readability: Wagtail computes `lixScore` when it extracts the preview content and dispatches
  it with the `w-preview:content` event; it then writes only "Good"/"Fair"/"Complex". The
  `insert_editor_js` hook adds `editorial/checks/readability.js`, which writes the LIX number
  and the target for parent guidance instead (`lix_label` gives the same wording here).
"""

import re

from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

#: LIX above this is too hard for guidance written for parents.
LIX_TARGET = 40
#: Wagtail reports no readability for shorter texts (too few words for a meaningful score).
LIX_MIN_WORDS = 10
#: Words longer than this count as long words in LIX.
LIX_LONG_WORD = 6

#: A link whose accessible name consists only of these words says nothing about where it
#: leads ("klicka här", "läs mer", "här", "länk" ...). Compared case-insensitively, after
#: punctuation is removed. The same list is passed to the check in the browser.
VAGUE_LINK_WORDS = (
    "klicka",
    "klick",
    "här",
    "hit",
    "läs",
    "mer",
    "länk",
    "länken",
    "click",
    "here",
    "read",
    "more",
    "link",
)

VAGUE_LINK_RULE = "editorial-vague-link-text"
OWNER_RULE = "editorial-page-owner"
REVIEW_DATE_RULE = "editorial-page-review-date"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Sentence ends: full stop, question and exclamation marks, colon (as in classic LIX), and
# line breaks, since headings and list items are sentences of their own.
_SENTENCE_END = re.compile(r"[.!?:]+|\n+")


def link_text_words(text):
    """The words of a link text, lower-case, without punctuation or extra whitespace."""
    return [word.lower() for word in _WORD.findall(text or "")]


def is_vague_link_text(text):
    """True for link texts such as "Klicka här", "läs mer…" or "HÄR": only vague words. An
    empty text is not vague but missing, which axe's own `link-name` rule reports."""
    words = link_text_words(text)
    return bool(words) and all(word in VAGUE_LINK_WORDS for word in words)


def lix(text):
    """The LIX readability index (läsbarhetsindex) of a text: words per sentence plus the
    percentage of long words (more than six letters), the formula Wagtail uses in the preview.
    Returns 0 for texts with fewer than ten words, as Wagtail does. Wagtail counts sentences
    with the browser's Intl.Segmenter on the preview's layout text, so its number (the one the
    checks panel shows) can differ by a few points; this one is for server-side use."""
    words = _WORD.findall(text or "")
    if len(words) < LIX_MIN_WORDS:
        return 0
    sentences = max(1, len([part for part in _SENTENCE_END.split(text) if _WORD.search(part)]))
    long_words = sum(1 for word in words if len(word) > LIX_LONG_WORD)
    return len(words) / sentences + long_words * 100 / len(words)


def lix_messages(target=LIX_TARGET):
    """The wording of the readability metric, shared with readability.js. `{score}` is
    replaced by the rounded LIX."""
    return {
        "hard": gettext("LIX {score} – svårläst (mål för vägledning: högst %(target)s)")
        % {"target": target},
        "easy": gettext("LIX {score} – lättläst"),
        "short": gettext("För lite text för att räkna LIX"),
    }


def lix_label(score, target=LIX_TARGET):
    """(text, warning) for a LIX score as the checks panel shows it."""
    messages = lix_messages(target)
    if not score:
        return messages["short"], False
    rounded = round(score)
    if rounded > target:
        return messages["hard"].format(score=rounded), True
    return messages["easy"].format(score=rounded), False


_ABSENT = object()


def _field_value(obj, name):
    """The value of a field, or _ABSENT if the object has no such field. Foreign keys are read
    by their `_id` so that no query is made."""
    for attribute in (f"{name}_id", name):
        value = getattr(obj, attribute, _ABSENT)
        if value is not _ABSENT:
            return value
    return _ABSENT


def responsibility_gaps(page):
    """What a page lacks of the record-keeping fields (portal.models.ReviewMixin): "owner"
    when neither a responsible user nor a responsible group is set, "review_date" when no
    review date is set. A page type without these fields (or no page at all, e.g. a snippet
    preview) lacks nothing."""
    gaps = set()
    if page is None:
        return gaps
    owners = [_field_value(page, name) for name in ("responsible_user", "responsible_group")]
    owners = [value for value in owners if value is not _ABSENT]
    if owners and not any(owners):
        gaps.add("owner")
    if _field_value(page, "review_by") is None:
        gaps.add("review_date")
    return gaps


class EditorialContentChecker(ContentCheckerItem):
    """Wagtail's content checker with Swedish messages, missing alt text, vague link texts and
    the page's owner and review date."""

    class Media:
        js = ["editorial/checks/content-checks.js"]

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        VAGUE_LINK_RULE,
        OWNER_RULE,
        REVIEW_DATE_RULE,
    ]

    axe_messages = {
        "button-name": {
            "error_name": _("Knappen saknar text"),
            "help_text": _("Skriv vad knappen gör, så att skärmläsare kan läsa upp det."),
        },
        "empty-heading": {
            "error_name": _("Tom rubrik"),
            "help_text": _(
                "Skriv vad avsnittet handlar om i rubriken, eller ta bort rubrikblocket."
            ),
        },
        "empty-table-header": {
            "error_name": _("Tom kolumnrubrik i en tabell"),
            "help_text": _("Ge varje kolumn en rubrik som säger vad den innehåller."),
        },
        "frame-title": {
            "error_name": _("Inbäddat innehåll saknar titel"),
            "help_text": _("Ge videon eller det inbäddade innehållet en beskrivande titel."),
        },
        "heading-order": {
            "error_name": _("En rubriknivå hoppas över"),
            "help_text": _(
                "Börja med rubriker på nivå 2 och använd nivå 3 bara under en rubrik på nivå 2."
            ),
        },
        "input-button-name": {
            "error_name": _("Knappen saknar text"),
            "help_text": _("Skriv vad knappen gör, så att skärmläsare kan läsa upp det."),
        },
        "link-name": {
            "error_name": _("Länken saknar text"),
            "help_text": _("Skriv vart länken leder, t.ex. sidans eller dokumentets namn."),
        },
        "p-as-heading": {
            "error_name": _("Fetstil används som rubrik"),
            "help_text": _("Använd blocket Rubrik i stället för ett stycke i fetstil."),
        },
        "alt-text-quality": {
            "error_name": _("Alternativtexten ser ut som ett filnamn"),
            "help_text": _("Beskriv med ord vad bilden visar, utan filändelse eller understreck."),
        },
        "empty-meta-description": {
            "error_name": _("Beskrivningen för sökmotorer är tom"),
            "help_text": _("Skriv en kort beskrivning av sidan för sökmotorer."),
        },
        "image-alt": {
            "error_name": _("Bilden saknar alternativtext"),
            "help_text": _(
                "Beskriv vad bilden visar, eller markera bilden som dekorativ om den inte "
                "tillför något."
            ),
        },
        VAGUE_LINK_RULE: {
            "error_name": _("Otydlig länktext"),
            "help_text": _(
                "Skriv vart länken leder i stället för ”klicka här”, ”läs mer” eller ”här”, "
                "t.ex. ”Läs om närvarotrappan” eller ”Skolverkets råd om frånvaro”."
            ),
        },
        OWNER_RULE: {
            "error_name": _("Sidan saknar ansvarig"),
            "help_text": _("Välj en ansvarig redaktör eller grupp som håller sidan aktuell."),
        },
        REVIEW_DATE_RULE: {
            "error_name": _("Sidan saknar datum för granskning"),
            "help_text": _("Ange när sidan senast ska granskas nästa gång."),
        },
    }

    def __init__(self, in_editor=False, page=None):
        super().__init__(in_editor=in_editor)
        self.page = page

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            {
                "id": VAGUE_LINK_RULE,
                "impact": "serious",
                "selector": "a[href]",
                "tags": ["best-practice"],
                "any": ["editorial-check-link-text"],
                "enabled": True,
            },
            # Page-level rules report on the page's heading (like Wagtail's
            # empty-meta-description), so no marker element is needed in the page.
            {
                "id": OWNER_RULE,
                "impact": "moderate",
                "selector": "h1",
                "tags": ["editorial"],
                "any": ["editorial-check-page-owner"],
                "enabled": True,
            },
            {
                "id": REVIEW_DATE_RULE,
                "impact": "moderate",
                "selector": "h1",
                "tags": ["editorial"],
                "any": ["editorial-check-page-review-date"],
                "enabled": True,
            },
        ]

    def get_axe_custom_checks(self, request):
        gaps = responsibility_gaps(self.page)
        return [
            *super().get_axe_custom_checks(request),
            {"id": "editorial-check-link-text", "options": {"words": list(VAGUE_LINK_WORDS)}},
            {"id": "editorial-check-page-owner", "options": {"missing": "owner" in gaps}},
            {
                "id": "editorial-check-page-review-date",
                "options": {"missing": "review_date" in gaps},
            },
        ]


@hooks.register("construct_wagtail_userbar")
def use_editorial_content_checker(request, items, page):
    """Replace Wagtail's content checker (in the user bar, the preview and the checks panel)
    with ours."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, EditorialContentChecker):
            items[index] = EditorialContentChecker(in_editor=item.in_editor, page=page)


@hooks.register("insert_editor_js")
def readability_as_lix():
    """The LIX number and the target in the checks panel of every editor."""
    return render_to_string(
        "editorial/checks/editor_js.html",
        {"lix_target": LIX_TARGET, "lix_messages": lix_messages()},
    )
