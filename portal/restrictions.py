"""Private sections (Wagtail's page view restrictions), read once per request: the check
before a page is served and the main menu's "public pages only" share one query. Sites
rarely have any, so this is usually one query that finds nothing."""

from django.db.models import Q, QuerySet

from wagtail.models import Page, PageViewRestriction

from portal import request_cache


def _all():
    """[(restriction, the paths it covers: its page's and its aliases')]."""
    rows = list(PageViewRestriction.objects.select_related("page"))
    if not rows:
        return []
    # An alias is restricted like its source page (Page.get_view_restrictions).
    alias_paths = {}
    for source_id, path in Page.objects.filter(
        alias_of_id__in=[row.page_id for row in rows]
    ).values_list("alias_of_id", "path"):
        alias_paths.setdefault(source_id, set()).add(path)
    return [(row, {row.page.path, *alias_paths.get(row.page_id, ())}) for row in rows]


def _restrictions():
    return request_cache.cached("view restrictions", _all)


def _covering(path, restrictions):
    steplen = Page.steplen
    own = {path[:end] for end in range(steplen, len(path) + 1, steplen)}
    return [row for row, paths in restrictions if paths & own]


def for_page(page):
    """The restrictions on `page` and its ancestors, as the queryset Wagtail expects (already
    evaluated: iterating it costs no query)."""
    chosen = _covering(page.path, _restrictions())
    queryset = PageViewRestriction.objects.filter(pk__in=[row.pk for row in chosen])
    queryset._result_cache = chosen
    return queryset


def public(pages):
    """`pages` without those in a private section, as Wagtail's PageQuerySet.public() but
    without its query of the restrictions on every call: a queryset stays a queryset, a list
    of pages a list."""
    restrictions = _restrictions()
    if not restrictions:
        return pages if isinstance(pages, QuerySet) else list(pages)
    if isinstance(pages, QuerySet):
        private = Q()
        for _row, paths in restrictions:
            for path in paths:
                private |= Q(path__startswith=path)
        return pages.exclude(private)
    return [page for page in pages if not _covering(page.path, restrictions)]
