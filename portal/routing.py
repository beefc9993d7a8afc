"""Finding the page for an address in a fixed number of SQL queries, however deep it lies.

Wagtail's routing asks for the start page's translation, then for each level of the address
the child and its specific row: two queries per level. Here the start pages in every
language come in one query (shared with the language switcher, portal/i18n.py), every page
along the address in one more (by `url_path`), and the page found in its specific form in a
third. A page type with its own `route()` (the routable pages' sub-addresses: feeds, area
pages, vCards, receipts) still decides what its part of the address means, exactly as in
Wagtail: its sub-routes come before its children.
"""

from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from portal import i18n, restrictions


def _specific(page, parent):
    """The page in its specific form (one query), keeping the locale already read."""
    specific = page.specific
    specific._state.fields_cache.setdefault("locale", page.locale)
    if parent is not None:
        specific._cached_parent_obj = parent
    return specific


def _wants_own_route(page, remaining):
    """Whether the page type decides the rest of the address itself, as Wagtail would let it."""
    cls = page.specific_class
    if cls is None:
        return False
    if issubclass(cls, RoutablePageMixin):
        if not page.live:
            return False
        path = "/" + "".join(f"{part}/" for part in remaining)
        try:
            cls.get_resolver().resolve(path)
        except Http404:
            return False
        return True
    return cls.route is not Page.route


def find_route(request, path):
    """Wagtail's RouteResult for `path` on the request's site, or None (a 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    default_root = site.root_page
    starts = i18n.start_pages(request, default_root)
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    # As Page.localized: the live start page in the active language, else the site's own.
    root = starts.get(language) or next(
        (page for page in starts.values() if page.pk == default_root.pk), default_root
    )
    parts = [part for part in path.split("/") if part]
    prefixes = [
        root.url_path + "".join(f"{p}/" for p in parts[:n]) for n in range(1, len(parts) + 1)
    ]
    chain = {}
    if prefixes:
        rows = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path).annotate(
            _portal_private=restrictions.in_private_section()
        )
        chain = {row.url_path: row for row in rows.select_related("locale")}
    if "locale" not in root._state.fields_cache:
        root = Page.objects.select_related("locale").get(pk=root.pk)
    current, parent, remaining = root, None, parts
    ancestors = []
    try:
        while True:
            if _wants_own_route(current, remaining) or not remaining:
                # The pages above, for the breadcrumbs (portal_tags.breadcrumbs).
                request._portal_route_ancestors = (current.pk, ancestors)
            if _wants_own_route(current, remaining):
                return _specific(current, parent).route(request, remaining)
            if not remaining:
                if not current.live:
                    raise Http404
                return RouteResult(_specific(current, parent))
            child = chain.get(current.url_path + remaining[0] + "/")
            if child is None:
                raise Http404
            ancestors.append(current)
            current, parent, remaining = child, current, remaining[1:]
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view, with the page found by find_route (Wagtail keeps the route it
    finds on the request, so it reads ours)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)
