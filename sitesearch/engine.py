"""The site search: one result list over every page type and the advisor directory.

On PostgreSQL with Wagtail's database backend the query goes through the Swedish processing
of sitesearch/expansion.py against Wagtail's own index table (ranked by how many of the
query's words a page matches, then by PostgreSQL's rank, the title counting double). With
any other backend (SQLite in `make run`, OpenSearch/Elasticsearch) the query is handed to
Wagtail's search as it is, and the backend's analyser does the Swedish."""

import html
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query as PromotedQuery
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from advice.models import AdvisorDirectoryPage, GuidanceIndexPage, GuidancePage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage

from . import configuration, expansion, places
from .text import fold

# The ?typ= filter: its values, labels, and the page types in each.
KINDS = {
    "vagledning": (_("Vägledning"), [GuidancePage, GuidanceIndexPage]),
    "aktuellt": (_("Nyheter"), [NewsPage, NewsIndexPage]),
    "kalender": (_("Kalender"), [EventPage, EventIndexPage]),
    "radgivare": (_("Föräldrarådgivare"), [AdvisorDirectoryPage]),
    "sidor": (_("Övriga sidor"), []),
}
# Result lists stop here; nobody reads page 30 of a site search.
MAX_RESULTS = 200
EXCERPT_WORDS = 30
# Private-use characters mark the matched words in PostgreSQL's excerpt until the text is
# escaped; then they become <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass
class Result:
    title: str
    url: str
    kind: str
    kind_label: str
    excerpt: str = ""
    date: object = None
    promoted: bool = False
    page_id: int = None


@dataclass
class Outcome:
    """What the search found for one query (all pages of results, light)."""

    items: list = field(default_factory=list)  # (kind, payload) in order
    corrections: dict = field(default_factory=dict)  # word → corrected word
    words: list = field(default_factory=list)  # words to highlight outside PostgreSQL

    @property
    def suggestion(self):
        return self.corrections


def postgres_search_available():
    backend = get_search_backend()
    return connection.vendor == "postgresql" and backend.__class__.__module__.startswith(
        "modelsearch.backends.database.postgres"
    )


def _current_locale():
    """The current language's pages only, once the site has more than one locale."""
    if Locale.objects.count() < 2:
        return None
    try:
        return Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


def kind_of(page_class):
    for key, (_label, classes) in KINDS.items():
        if page_class in classes:
            return key
    return "sidor"


def _pages(locale, kind):
    pages = Page.objects.live().public().filter(depth__gt=1)
    if locale is not None:
        pages = pages.filter(locale=locale)
    if kind:
        classes = [cls for key, (_l, group) in KINDS.items() if key != "sidor" for cls in group]
        from django.contrib.contenttypes.models import ContentType

        if kind == "sidor":
            others = ContentType.objects.get_for_models(*classes).values()
            pages = pages.exclude(content_type__in=others)
        else:
            chosen = ContentType.objects.get_for_models(*KINDS[kind][1]).values()
            pages = pages.filter(content_type__in=chosen)
    return pages


def _postgres_page_ids(groups, content_groups, pages):
    config = configuration.NAME
    queries = [SearchQuery(g.tsquery, search_type="raw", config=config) for g in groups]
    everything = SearchQuery(
        " | ".join(f"({g.tsquery})" for g in groups), search_type="raw", config=config
    )
    pages = pages.annotate(_t=F("index_entries__title"), _b=F("index_entries__body"))
    coverage = reduce(
        lambda a, b: a + b,
        [
            Case(When(Q(_t=query) | Q(_b=query), then=Value(1)), default=Value(0))
            for group, query in zip(groups, queries, strict=True)
            if group in content_groups
        ],
        Value(0, output_field=IntegerField()),
    )
    return list(
        pages.filter(reduce(or_, [Q(_t=everything), Q(_b=everything)]))
        .annotate(
            _coverage=coverage,
            _rank=SearchRank(F("_t"), everything) * 2
            + SearchRank(F("_b"), everything, normalization=Value(1)),
        )
        .order_by("-_coverage", "-_rank", "path")
        .values_list("pk", flat=True)[:MAX_RESULTS]
    )


def _promotions(parsed, locale):
    """Pages editors promoted for this query (Wagtail's search promotions)."""
    query = PromotedQuery.objects.filter(query_string=parsed.text.casefold()[:255]).first()
    if query is None:
        # Wagtail normalises "Skolk!" to "skolk"; so do we, word by word.
        query = PromotedQuery.objects.filter(query_string=" ".join(parsed.words)).first()
    if query is None:
        return []
    promotions = query.editors_picks.select_related("page").order_by("sort_order")
    pages = []
    for promotion in promotions:
        page = promotion.page
        if page is None or not page.live or page.get_view_restrictions().exists():
            continue
        if locale is not None and page.locale_id != locale.pk:
            continue
        pages.append((page.pk, promotion.description))
    return pages


def search(parsed, kind="", prefix_last=False):
    """Everything that matches, in order, as (kind, payload) pairs: ("promoted", (page id,
    description)), ("place", PlaceHit) or ("page", page id). Cheap: pages are loaded only for
    the page of results shown (`load`)."""
    outcome = Outcome()
    if not parsed:
        return outcome
    locale = _current_locale()
    pages = _pages(locale, kind)
    promoted = [] if kind else _promotions(parsed, locale)
    promoted_ids = {page_id for page_id, _d in promoted}
    if postgres_search_available():
        groups = expansion.expand(parsed.words, prefix_last=prefix_last)
        outcome.corrections = {g.word: g.correction for g in groups if g.correction}
        found = [g for g in groups if g.candidates]
        content = [g for g in found if g.word in parsed.content_words] or found
        outcome.words = [c for g in found for c in g.candidates]
        page_ids = _postgres_page_ids(found, content, pages) if found else []
    else:
        page_ids = [
            page.pk
            for page in pages.search(" ".join(parsed.content_words), operator="or")[:MAX_RESULTS]
        ]
        outcome.words = parsed.content_words
    hits = places.find(parsed, locale) if kind in ("", "radgivare") else []
    if any(hit.whole_query for hit in hits):
        # "dalskolan" is a school, not a misspelling of "skolan".
        outcome.corrections = {}
    first = [("place", hit) for hit in hits if hit.whole_query]
    later = [("place", hit) for hit in hits if not hit.whole_query]
    items = [("promoted", p) for p in promoted] + first
    rest = [("page", page_id) for page_id in page_ids if page_id not in promoted_ids]
    items += rest[:1] + later + rest[1:]
    outcome.items = items
    return outcome


def _excerpts(pages, outcome):
    """PostgreSQL's excerpt (ts_headline) of each page's indexed text without its hidden
    keywords, the matched words marked. Empty without PostgreSQL."""
    if not pages or not postgres_search_available() or not outcome.words:
        return {}
    from modelsearch.conf import get_app_config

    entry = get_app_config().get_model("IndexEntry")
    words = " | ".join(f"'{word}'" for word in outcome.words[:200])
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={EXCERPT_WORDS}, MinWords=12, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    rows = entry.objects.filter(
        object_id__in=[str(pk) for pk in pages],
        content_type_id__in={page.content_type_id for page in pages.values()},
    ).values_list("object_id", "body_text")
    result = {}
    with connection.cursor() as cursor:
        for object_id, text in rows:
            page = pages.get(int(object_id))
            keywords = (getattr(page, "search_keywords", "") or "").strip()
            if keywords and text.rstrip().endswith(keywords):
                text = text.rstrip()[: -len(keywords)]
            if not text.strip():
                continue
            cursor.execute(
                "SELECT ts_headline(%s, %s, to_tsquery(%s, %s), %s)",
                [configuration.NAME, text, configuration.NAME, words, options],
            )
            result[page.pk] = cursor.fetchone()[0]
    return result


# Block labels the index keeps with the text of headings ("Rubrik (nivå 2), …") and empty
# values: not for visitors' eyes.
_INDEX_NOISE = re.compile(r"Rubrik \(nivå \d\),\s*|\bNone,\s*")


def _marked(text):
    escaped = html.escape(_INDEX_NOISE.sub("", text))
    return mark_safe(  # noqa: S308  (escaped above; only our own <mark> added)
        escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


def mark_words(text, words):
    """`text` escaped, with each word that starts like a query word in <mark>."""
    folded_words = [fold(word) for word in words if len(word) >= 3]
    parts = re.split(r"(\w+)", text)
    out = []
    for part in parts:
        folded = fold(part)
        if folded and any(folded.startswith(word[:5]) for word in folded_words):
            out.append(f"<mark>{html.escape(part)}</mark>")
        else:
            out.append(html.escape(part))
    return mark_safe("".join(out))  # noqa: S308  (every part escaped)


def _page_date(page):
    if isinstance(page, NewsPage):
        return page.date
    if isinstance(page, EventPage):
        return getattr(page, "start", None)
    return None


def _summary(page):
    return page.search_description or getattr(page, "lead", "") or getattr(page, "intro", "")


def load(items, outcome, request=None, excerpts=True):
    """The results of one page of the list, ready for the template."""
    page_ids = [payload for kind, payload in items if kind == "page"]
    page_ids += [payload[0] for kind, payload in items if kind == "promoted"]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    shown = {pk: pages[pk] for kind, pk in items if kind == "page" and pk in pages}
    excerpts = _excerpts(shown, outcome) if excerpts else {}
    results = []
    for kind, payload in items:
        if kind == "place":
            results.append(
                Result(
                    title=payload.title,
                    url=payload.url,
                    kind="radgivare",
                    kind_label=KINDS["radgivare"][0],
                    excerpt=mark_words(payload.excerpt, []),
                )
            )
            continue
        page_id = payload if kind == "page" else payload[0]
        page = pages.get(page_id)
        if page is None:
            continue
        key = kind_of(type(page))
        summary = _summary(page)
        if kind == "promoted":
            excerpt = mark_words(payload[1] or summary, outcome.words)
        elif page_id in excerpts:
            text = excerpts[page_id]
            excerpt = _marked(text) if MARK_START in text else mark_words(text, outcome.words)
        else:
            excerpt = mark_words(summary, outcome.words)
        results.append(
            Result(
                title=page.title,
                url=page.get_url(request),
                kind=key,
                kind_label=KINDS[key][0],
                excerpt=excerpt,
                date=_page_date(page),
                promoted=kind == "promoted",
                page_id=page.pk,
            )
        )
    return results
