"""The site search: one result list over every page type and the advisor directory.

On PostgreSQL with Wagtail's database backend the query goes through the Swedish processing
of sitesearch/expansion.py against Wagtail's own index table (ranked by how many of the
query's words a page matches, then by PostgreSQL's rank, the title counting double). With
any other backend (SQLite in `make run`, OpenSearch/Elasticsearch) the query is handed to
Wagtail's search as it is, and the backend's analyser does the Swedish."""

import html
import re
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query as PromotedQuery
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from advice.models import AdvisorDirectoryPage, GuidanceIndexPage, GuidancePage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from portal import pagecache
from portal.restrictions import public

from . import configuration, expansion, places, vocabulary
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
# Pages ranked per query at most, twice (title and text; see _ranking_sql), and a word on
# more pages than this selects none by itself (see _selections): ranking a few hundred pages
# takes a few milliseconds, ranking every page with "barn" on a site of 10,000 pages over 100.
RANKED_PAGES = 200
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
    """The current language's pages only, once the site has more than one locale. Kept
    across requests: a change of locales is site-wide (portal/pagecache.py)."""

    def read():
        if Locale.objects.count() < 2:
            return None
        try:
            return Locale.objects.get(language_code=language)
        except Locale.DoesNotExist:
            return Locale.get_default()

    language = get_language()
    return pagecache.site_wide(f"search locale:{language}", read)


def kind_of(page_class):
    for key, (_label, classes) in KINDS.items():
        if page_class in classes:
            return key
    return "sidor"


def _pages(locale, kind):
    pages = public(Page.objects.live()).filter(depth__gt=1)
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


def _or(groups):
    return " | ".join(f"({group.tsquery})" for group in groups)


def _and(groups):
    return " & ".join(f"({group.tsquery})" for group in groups)


def _normal_forms(words):
    """{word: its tsquery after the Swedish configuration} ("parkskolan" → "'park' & 'skola'")."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, to_tsquery(%s, w)::text FROM unnest(%s::text[]) AS w",
            [configuration.NAME, words],
        )
        return dict(cursor.fetchall())


def _is_rare(form, counts):
    """True when few pages can match a word's normal form: one of its parts is rare for a
    compound ("'park' & 'skola'"), every alternative is for several readings ("'a' | 'b'")."""
    lexemes = re.findall(r"'([^']*)'", form)
    if not lexemes:
        return False  # a stop word matches nothing
    common = [counts.get(lexeme, 0) > RANKED_PAGES for lexeme in lexemes]
    return not any(common) if "|" in form else not all(common)


def _selections(groups):
    """The tsqueries that choose which pages are ranked, tried in order until one finds
    something. Ranking (ts_rank and the count of matched words) costs per page, and an
    everyday word ("barn", "skolan") is on most pages of a large site: ranking every page
    that has one is what made long everyday questions slow. So, as search engines do with
    frequent terms, a word whose lexemes are on more pages than we rank (RANKED_PAGES,
    according to PostgreSQL's statistics) selects no page by itself: pages are chosen by the
    rarer words and forms of the query, or by having every query word; the common words
    still count when the chosen pages are ranked. Only when that finds nothing, any page with
    any of the words. On a small site nothing is common: simply any of the words."""
    everything = _or(groups)
    every_word = _and(groups) if len(groups) > 1 else everything
    counts = vocabulary.lexeme_counts()
    if not any(count > RANKED_PAGES for count in counts.values()):
        return [everything]
    words = [word for group in groups for word in group.candidates]
    forms = _normal_forms(words)
    rare = [word for word in words if _is_rare(forms.get(word, ""), counts)]
    if len(rare) == len(words):
        return [everything]
    # Words are letters and digits only (sitesearch/text.py), so quoting is enough.
    selecting = " | ".join([f"'{word}'" for word in rare] + [f"({every_word})"])
    return [selecting, everything]


def _ranking_sql(content_groups, pages):
    """The SQL of `_postgres_page_ids` and its fixed parameters: the ids of the matching
    pages, best first: by how many of the query's (content) words a page matches, then by
    PostgreSQL's rank, the title counting double.

    In two steps, one SQL query: the GIN indexes on Wagtail's index table find the pages
    that match the selecting words (`_selections`), at most RANKED_PAGES with them in the
    title and as many with them in the text, and only these are ranked. On a small site
    that is every match. Where more pages match (a site of thousands of pages, a query of
    everyday words only), which of them are ranked is up to the index.
    """
    from modelsearch.conf import get_app_config

    table = get_app_config().get_model("IndexEntry")._meta.db_table
    page_sql, page_params = (
        pages.order_by().values_list("pk", "content_type_id", "path").query.sql_with_params()
    )
    config = configuration.NAME
    coverage = " + ".join(
        "(c.title @@ to_tsquery(%s, %s) OR c.body @@ to_tsquery(%s, %s))::int"
        for _group in content_groups
    )
    coverage_params = [v for g in content_groups for v in (config, g.tsquery) * 2]
    # The pages (live, public, language, type) of an index entry: Wagtail's entries of pages
    # carry the page's own content type, so content type and id identify the page. The id
    # is compared as a number so that PostgreSQL looks each page up by its primary key
    # (other models' ids need not be numbers, hence the CASE).
    pages_of_entries = f"""
        JOIN ({page_sql}) AS p (id, content_type_id, path)
          ON p.content_type_id = e.content_type_id
         AND p.id = CASE WHEN e.object_id ~ '^[0-9]{{1,18}}$' THEN e.object_id::bigint END
    """
    sql = f"""
        WITH matched AS (
            -- Two queries, not "title @@ … OR body @@ …": each uses its GIN index (with the
            -- OR the planner reads the whole table, testing every row's text). A page may
            -- come from both; the duplicate is dropped at the end.
            (SELECT p.id, p.path, e.title, e.body FROM {table} e {pages_of_entries}
             WHERE e.body @@ to_tsquery(%s, %s) LIMIT %s)
            UNION ALL
            (SELECT p.id, p.path, e.title, e.body FROM {table} e {pages_of_entries}
             WHERE e.title @@ to_tsquery(%s, %s) LIMIT %s)
        )
        SELECT c.id FROM matched c
        ORDER BY {coverage} DESC,
                 ts_rank(c.title, to_tsquery(%s, %s)) * 2
                 + ts_rank(c.body, to_tsquery(%s, %s), 1) DESC,
                 c.path
        LIMIT %s
    """  # noqa: S608  (table name and placeholders only; every value is a parameter)
    return sql, page_params, coverage_params


def _postgres_page_ids(groups, content_groups, pages):
    """The ids of the matching pages, best first (see `_ranking_sql`)."""
    sql, page_params, coverage_params = _ranking_sql(content_groups, pages)
    config = configuration.NAME
    everything = _or(groups)
    found = []
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner counts testing a row's text against a query as almost free, so with
        # the LIMITs it would rather read the whole index table (in order or along another
        # index), testing every row, than ask the GIN indexes: 50 ms instead of 2 for
        # "anmäla oro för ett barn" on 10,000 pages. So for these queries only bitmap scans
        # (the GIN indexes; pages by primary key) are allowed. The plans forbidden that way
        # carry a huge cost, which would make PostgreSQL compile the query to machine code
        # (JIT) first: 0.8 s of a search that runs in 1 ms on 10,000 pages. So no JIT either.
        # Set back below; on an error the rollback of atomic() undoes it.
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
            "current_setting('jit'), "
            "set_config('enable_seqscan', 'off', true), "
            "set_config('enable_indexscan', 'off', true), "
            "set_config('jit', 'off', true)"
        )
        seqscan, indexscan, jit = cursor.fetchone()[:3]
        for selecting in _selections(groups):
            cursor.execute(
                sql,
                [
                    *page_params,
                    *(config, selecting, RANKED_PAGES),
                    *page_params,
                    *(config, selecting, RANKED_PAGES),
                    *coverage_params,
                    *(config, everything) * 2,
                    MAX_RESULTS * 2,
                ],
            )
            found = list(dict.fromkeys(row[0] for row in cursor.fetchall()))
            if found:
                break
        cursor.execute(
            "SELECT set_config('enable_seqscan', %s, true), "
            "set_config('enable_indexscan', %s, true), set_config('jit', %s, true)",
            [seqscan, indexscan, jit],
        )
    return found[:MAX_RESULTS]


def _promotions(parsed, locale):
    """Pages editors promoted for this query (Wagtail's search promotions)."""
    # As typed, else as Wagtail normalises it ("Skolk!" → "skolk"), word by word: one query.
    candidates = [parsed.text.casefold()[:255], " ".join(parsed.words)]
    found = {
        row.query_string: row
        for row in PromotedQuery.objects.filter(query_string__in=candidates).order_by("-id")
    }
    query = next((found[text] for text in candidates if text in found), None)
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
    texts = {}
    for object_id, text in rows:
        page = pages.get(int(object_id))
        keywords = (getattr(page, "search_keywords", "") or "").strip()
        if keywords and text.rstrip().endswith(keywords):
            text = text.rstrip()[: -len(keywords)]
        if text.strip():
            texts[page.pk] = text
    if not texts:
        return {}
    # Every excerpt in one query, not one query per result.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n, ts_headline(%s, t, to_tsquery(%s, %s), %s) "
            "FROM unnest(%s::int[], %s::text[]) AS x (n, t)",
            [
                configuration.NAME,
                configuration.NAME,
                words,
                options,
                list(texts),
                list(texts.values()),
            ],
        )
        return dict(cursor.fetchall())


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
