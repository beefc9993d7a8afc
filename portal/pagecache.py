"""The page cache for anonymous visitors, HTTP caching, and purging a caching proxy.

Why our own: wagtail-cache does not support Wagtail 8. This builds on Django's cache framework
(Redis or process memory, see CACHES) and on Wagtail's signals and reference index.

**What is cached.** Whole responses to GET requests from visitors without a session or CSRF
cookie, outside /admin/ and /documents/, with status 200, no Set-Cookie, no Vary beyond Cookie
and Accept-Encoding, and no Cache-Control of the view's own that forbids sharing. Redirects
and 404s are not: they are cheap, a 404 could turn into a page at any moment (a new page, a
redirect an editor adds), and caching them would let anyone fill the cache with made-up
addresses. A hit is answered from here, above the session and language middleware: no SQL.

**The key** is scheme, host (validated against ALLOWED_HOSTS by `get_host()` first, so a forged
Host is refused before the cache is touched), path, and only the query parameters pages read
(PAGE_CACHE_QUERY_PARAMS). Any other parameter is dropped from the request before the page is
rendered, so junk neither splits the cache nor shows up in a page's links. A parameter of
PAGE_CACHE_BYPASS_PARAMS (a thank-you after a form, a search query) makes the answer a
visitor's own: rendered every time, `private, no-store`.

**Form tokens.** The public forms' one-time tokens (portal/forms_protection.py) are per
visitor. While a page is rendered for the cache, the tokens it is given are recorded; the page
is stored with placeholders, and each visitor gets fresh tokens put in. Such a page goes to
browsers as `private, no-cache`: a shared proxy must not hand one token to many visitors.
Varnish, which announces Edge Side Includes (Surrogate-Capability), gets the page as public
with an `<esi:include>` in each token's place: it shares the page and fetches a fresh token
for each view from `token_view` (no SQL), and hands the page on as `private, no-cache`.

**Invalidation.** Each entry carries dependency tags: `page:<id>` (the page served),
`tree:<path>` (each ancestor and itself: breadcrumbs, addresses), `type:<app.Model>` (its page
type), `all`; responses that are not pages (open data, sitemap, search) `nonpage`. A tag's
version is the time it was last bumped; an entry is fresh while every tag's version is older
than the moment its rendering began (so a change during a rendering is never stored as fresh).
`affected_by_page()` and `affected_by_object()` are the one place that says which pages a
change touches; the same result bumps tags here and purges the proxy.

**The proxy** (FRONTEND_CACHE_URL, Varnish with deploy/varnish/default.vcl): each page keeps
the set of addresses it was served under (sub-pages of routable pages included); a change
purges exactly those through wagtail.contrib.frontend_cache, and "everything" (site settings,
the menu, a site or language) is one BAN.
"""

import hashlib
import logging
import time
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.http import Http404, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from portal import request_cache
from portal.forms_protection import FormGuard, recording_tokens

logger = logging.getLogger(__name__)

ENTRY = "pagecache:entry:"
VERSION = "pagecache:version:"
SITE_WIDE = "pagecache:sitewide:"
SITE_WIDE_SECONDS = 24 * 60 * 60
URLS = "pagecache:urls:"
URL_SET_SECONDS = 24 * 60 * 60
ESI_SALT = "portal.pagecache.esi"
TOKEN_SLOT = b"\x00token\x00"
EXCLUDED_PREFIXES = ("/admin/", "/documents/")
STEPLEN = 4  # treebeard's path step: each ancestor's path is a prefix of this length × n
ALLOWED_VARY = {"cookie", "accept-encoding"}
MAX_KEPT_PARAMS = 8
MAX_PARAM_LENGTH = 100


def _placeholder(index):
    return f"\x00pagecache-token-{index}\x00".encode()


def _enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _proxy_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


# The request


def _public_request(request):
    """A request that may be answered from, or stored in, a shared cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and settings.CSRF_COOKIE_NAME not in cookies


def _public_document(request):
    """A document fetched without a cookie: Wagtail's document view decides its headers."""
    return request.path_info.startswith("/documents/") and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or settings.CSRF_COOKIE_NAME in request.COOKIES
    )


def _kept_params(request):
    """The query parameters that select what a page shows, sorted; None when the answer must
    be the visitor's own (a bypass parameter, or more or longer values than any page uses)."""
    kept = []
    for key, values in request.GET.lists():
        if key in settings.PAGE_CACHE_BYPASS_PARAMS:
            return None
        if key in settings.PAGE_CACHE_QUERY_PARAMS:
            kept.extend((key, value) for value in values)
    if len(kept) > MAX_KEPT_PARAMS or any(len(value) > MAX_PARAM_LENGTH for _, value in kept):
        return None
    # Sorted by name only: of repeated values pages read the last, so their order stays.
    return sorted(kept, key=lambda item: item[0])


def _entry_key(request, host, params):
    address = f"{request.scheme}://{host}{request.path}?{urlencode(params)}"
    return ENTRY + hashlib.sha256(address.encode()).hexdigest()


def note_page(request, page):
    """Called by the before_serve_page hook (portal/wagtail_hooks.py): the page being served,
    for the tags of its response."""
    request._pagecache_page = page


def _tags(request):
    page = getattr(request, "_pagecache_page", None)
    if page is None:
        return ["all", "nonpage"]
    tags = ["all", f"page:{page.pk}", f"type:{page._meta.label}"]
    tags += [f"tree:{page.path[:end]}" for end in range(STEPLEN, len(page.path) + 1, STEPLEN)]
    return tags


# Versions of tags


def _versions(tags):
    found = cache.get_many([VERSION + tag for tag in tags])
    return {tag: found.get(VERSION + tag) for tag in tags}


def bump(tags):
    """Mark every entry with one of these tags as stale."""
    if tags:
        now = time.time()
        cache.set_many({VERSION + tag: now for tag in tags}, timeout=None)


def _fresh(entry):
    versions = _versions(entry["tags"])
    return all(v is not None and v < entry["rendered_at"] for v in versions.values())


# What every page shows


def site_wide(name, compute):
    """A value every page shows (site settings, the menu, the start pages), read from the
    database once and kept across requests until the next change that empties the whole page
    cache (apply() bumps "all"), or a site's settings row is created ("sitewide"). Only in
    public requests: the admin always reads the database."""
    if not request_cache.active():
        return compute()
    versions = request_cache.cached("pagecache sitewide", lambda: _versions(["all", "sitewide"]))
    key = f"{versions['all']}:{versions['sitewide']}:{name}"
    key = SITE_WIDE + hashlib.sha256(key.encode()).hexdigest()
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = compute()
    # Stored under the versions read before computing: a change meanwhile is never kept.
    cache.set(key, (value,), timeout=SITE_WIDE_SECONDS)
    return value


# The middleware


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _public_request(request):
            response = self.get_response(request)
            if (
                request.method in ("GET", "HEAD")
                and not response.has_header("Cache-Control")
                and not _public_document(request)
            ):
                # Editors, the admin, previews: never in a shared cache.
                patch_cache_control(response, private=True, no_store=True)
            return response

        # Refuses a Host outside ALLOWED_HOSTS (400) before anything reaches the cache.
        host = request.get_host()
        params = _kept_params(request)
        if params is None:
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            return response

        key = _entry_key(request, host, params)
        if _enabled():
            entry = cache.get(key)
            if entry is not None and _fresh(entry):
                return _conditional(request, _from_entry(request, entry))

        # Only the parameters pages read reach the page.
        query = urlencode(params)
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
        rendered_at = time.time()
        with recording_tokens() as issued:
            response = self.get_response(request)
        return _conditional(request, self._keep(request, host, key, response, issued, rendered_at))

    def _keep(self, request, host, key, response, issued, rendered_at):
        _drop_language_vary(response)
        if not _shareable(response):
            if not response.has_header("Cache-Control"):
                if response.cookies or not _vary_ok(response):
                    patch_cache_control(response, private=True, no_store=True)
                else:
                    patch_cache_control(response, no_cache=True)
            return response

        body = response.content
        tokens = []
        for scope, token_key, token in issued:
            # The whole element around the token (its <input>): Varnish's ESI parser does not
            # look inside a tag's attributes, so the include stands for the element.
            found = body.find(token.encode())
            while found != -1:
                start = body.rfind(b"<", 0, found)
                end = body.find(b">", found)
                if start == -1 or end == -1:
                    break
                element = body[start : end + 1]
                body = body[:start] + _placeholder(len(tokens)) + body[end + 1 :]
                slot = element.replace(token.encode(), TOKEN_SLOT).decode()
                tokens.append((scope, token_key, slot))
                found = body.find(token.encode())
        digest = quote_etag(hashlib.blake2b(body, digest_size=16).hexdigest())
        # The same page with other tokens: equal in meaning, not in bytes.
        response["ETag"] = f"W/{digest}" if tokens else digest
        response["Last-Modified"] = http_date(rendered_at)
        if not tokens and not response.has_header("Cache-Control"):
            _public(response)
        response["X-Page-Cache"] = "miss"

        tags = _tags(request)
        if _proxy_configured():
            _remember_address(request, host, tags)
        if _enabled() and request.method == "GET":
            _store(key, response, body, tokens, tags, rendered_at)
        if tokens:
            _fill_tokens(request, response, body, tokens)
        return response


def _public(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )


def _esi_capable(request):
    """Varnish (deploy/varnish/default.vcl) says it assembles pages with Edge Side Includes."""
    return "ESI/1.0" in request.META.get("HTTP_SURROGATE_CAPABILITY", "")


def _fill_tokens(request, response, body, tokens):
    """Put each visitor's own form tokens in. For Varnish: an ESI include in each token's
    place, so it may share the page and fetches a fresh token per view (token_view); for
    anyone else the tokens themselves, and the page is the visitor's own (private)."""
    esi = _esi_capable(request)
    for index, (scope, token_key, element) in enumerate(tokens):
        if esi:
            signed = signing.dumps([scope, token_key, element], salt=ESI_SALT, compress=True)
            value = f'<esi:include src="{reverse("pagecache_token", args=[signed])}"/>'
        else:
            value = element.replace(TOKEN_SLOT.decode(), FormGuard(scope).token(token_key))
        body = body.replace(_placeholder(index), value.encode())
    if esi:
        response["Surrogate-Control"] = 'content="ESI/1.0"'
        _public(response)
    else:
        # Browsers may keep their own token; shared caches must not hand it to others.
        response["Cache-Control"] = "private, no-cache"
    response.content = b"" if request.method == "HEAD" else body
    response["Content-Length"] = str(len(body))


def token_view(request, signed):
    """A form's token element with a fresh one-time token, for a page Varnish shares (its ESI
    include). The element comes signed from the page itself, so nothing else can be made."""
    try:
        scope, token_key, element = signing.loads(signed, salt=ESI_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise Http404 from None
    token = FormGuard(scope).token(token_key)
    response = HttpResponse(element.replace(TOKEN_SLOT.decode(), token), content_type="text/html")
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _drop_language_vary(response):
    """The language comes from the address alone (LocaleMiddleware with i18n_patterns), yet
    Django adds `Vary: Accept-Language` to unprefixed addresses: it would split every proxy's
    cache by the browsers' language settings for nothing."""
    if response.has_header("Vary"):
        kept = [
            part.strip()
            for part in response["Vary"].split(",")
            if part.strip() and part.strip().lower() != "accept-language"
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def _vary_ok(response):
    vary = response.get("Vary", "")
    return all(part.strip().lower() in ALLOWED_VARY for part in vary.split(",") if part.strip())


def _shareable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not _vary_ok(response):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _store(key, response, body, tokens, tags, rendered_at):
    versions = _versions(tags)
    missing = [tag for tag, version in versions.items() if version is None]
    for tag in missing:
        cache.add(VERSION + tag, 0.0, timeout=None)
    entry = {
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name not in ("X-Page-Cache", "Content-Length", "Cache-Control", "Surrogate-Control")
            or (name == "Cache-Control" and not tokens)
        ],
        "body": body,
        "tokens": tokens,
        "tags": tags,
        "rendered_at": rendered_at,
    }
    cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)


def _from_entry(request, entry):
    body = entry["body"]
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(body))
    response["X-Page-Cache"] = "hit"
    if entry["tokens"]:
        _fill_tokens(request, response, body, entry["tokens"])
    return response


def _conditional(request, response):
    """304 Not Modified for a matching If-None-Match or If-Modified-Since."""
    if not response.has_header("ETag"):
        return response
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=None, response=response
    )


def _remember_address(request, host, tags):
    """Remember the address (without its query: the proxy purges every variant of a path)
    under the page that was served, so a change can purge it from the proxy."""
    page = getattr(request, "_pagecache_page", None)
    key = URLS + (str(page.pk) if page is not None else "nonpage")
    address = f"{request.scheme}://{host}{request.path}"
    addresses = cache.get(key) or set()
    addresses.add(address)
    cache.set(key, addresses, timeout=URL_SET_SECONDS)


# What a change affects: the one place


class Affected:
    """Tags to bump and pages whose addresses to purge; `everything` for site-wide changes."""

    def __init__(self):
        self.tags = {"nonpage"}
        self.page_ids = set()
        self.page_types = set()
        self.trees = set()
        self.everything = False

    def add_pages(self, ids):
        for pk in ids:
            self.tags.add(f"page:{pk}")
            self.page_ids.add(pk)

    def add_dependants_of(self, label):
        for page_type in settings.PAGE_CACHE_DEPENDENCIES.get(label, ()):
            self.tags.add(f"type:{page_type}")
            self.page_types.add(page_type)

    def add_referencing(self, objects):
        from django.contrib.contenttypes.models import ContentType

        from wagtail.models import Page, ReferenceIndex

        page_type = ContentType.objects.get_for_model(Page)
        rows = ReferenceIndex.get_references_to_in_bulk(objects).values_list(
            "base_content_type_id", "object_id"
        )
        for base_type_id, object_id in rows:
            if base_type_id == page_type.pk:
                self.add_pages([int(object_id)])
            elif _is_setting(ContentType.objects.get_for_id(base_type_id).model_class()):
                self.everything = True


def affected_by_page(page, structural=True):
    """A page was published, unpublished, moved or deleted (structural), or something shown
    on it changed: itself, its translations, the listings above it, the pages that link to or
    show it, the page types that list its type; below it (breadcrumbs, addresses) and, for the
    start page and its children (the menu, the header), everything."""
    from wagtail.models import Page

    affected = Affected()
    affected.add_pages([page.pk])
    affected.add_pages(
        Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    )
    ancestors = [page.path[:end] for end in range(STEPLEN, len(page.path), STEPLEN)]
    affected.add_pages(
        Page.objects.filter(path__in=ancestors, depth__gt=1).values_list("pk", flat=True)
    )
    affected.add_referencing([page])
    affected.add_dependants_of(page.specific_class._meta.label if page.specific_class else "")
    if structural:
        affected.tags.add(f"tree:{page.path}")
        affected.trees.add(page.path)
        if page.depth <= 3:
            affected.everything = True
    return affected


def affected_by_object(instance):
    """A snippet, image or document changed: the pages that reference it or one of its
    translations (the reference index), and the page types that show all of its kind."""
    affected = Affected()
    objects = [instance]
    translation_key = getattr(instance, "translation_key", None)
    if translation_key is not None:
        objects = list(type(instance)._default_manager.filter(translation_key=translation_key))
        objects = objects or [instance]
    affected.add_referencing(objects)
    affected.add_dependants_of(instance._meta.label)
    return affected


def everything():
    affected = Affected()
    affected.everything = True
    return affected


def apply(affected):
    """Bump the tags now (this process sees the change at once) and again after the commit
    (a page rendered from the old data between the two is not kept), then purge the proxy."""
    tags = {"all"} if affected.everything else affected.tags
    try:
        bump(tags)
    except Exception:
        logger.exception("Page cache: could not mark pages as changed")

    def after_commit():
        try:
            bump(tags)
            if _proxy_configured():
                purge_proxy(affected)
        except Exception:
            logger.exception("Page cache: could not purge after a change")

    transaction.on_commit(after_commit)


# The proxy


def affected_addresses(affected):
    """The addresses (scheme, host, path) the proxy may hold for the affected pages."""
    from wagtail.models import Page

    ids = set(affected.page_ids)
    if affected.page_types:
        models = [apps.get_model(label) for label in affected.page_types]
        ids.update(Page.objects.type(*models).values_list("pk", flat=True))
    for path in affected.trees:
        ids.update(Page.objects.filter(path__startswith=path).values_list("pk", flat=True))
    keys = [URLS + str(pk) for pk in ids] + [URLS + "nonpage"]
    addresses = set()
    for found in cache.get_many(keys).values():
        addresses.update(found)
    return sorted(addresses)


def purge_proxy(affected):
    from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

    if affected.everything:
        for backend in get_backends().values():
            location = getattr(backend, "cache_netloc", None)
            if location:
                _ban_everything(f"{backend.cache_scheme}://{location}/")
        return
    purge_urls_from_cache(affected_addresses(affected))


def _ban_everything(location):
    """BAN: the VCL drops every object (site settings, the menu: every page shows them)."""
    request = Request(  # noqa: S310 (the configured proxy's http address)
        location, method="BAN", headers={"User-Agent": "portal-pagecache"}
    )
    try:
        urlopen(request, timeout=5)  # noqa: S310 (the configured proxy, http)
    except OSError as error:
        logger.error("Could not purge everything from %s: %s", urlsplit(location).netloc, error)


# The signals


def _is_setting(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return model is not None and issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def _kind(model):
    """How a saved or deleted model touches pages: "everything", "object", "draft" (a snippet
    with drafts: only its publication counts), "related", or None."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import DraftStateMixin, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, Page):
        return None
    if _is_setting(model) or issubclass(model, (Site, Locale)):
        return "everything"
    if model._meta.label in settings.PAGE_CACHE_RELATED_PAGES:
        return "related"
    if model in get_snippet_models():
        return "draft" if issubclass(model, DraftStateMixin) else "object"
    if model in (get_image_model(), get_document_model()):
        return "object"
    return None


def _on_change(sender, instance, deleting=False):
    kind = _kind(sender)
    if kind == "everything":
        apply(everything())
    elif kind == "object" or (kind == "draft" and deleting):
        apply(affected_by_object(instance))
    elif kind == "related":
        page = getattr(instance, settings.PAGE_CACHE_RELATED_PAGES[sender._meta.label], None)
        if page is not None:
            apply(affected_by_page(page, structural=False))


def _site_wide_changed():
    """Only what site_wide() keeps is stale: now, and again after the commit (a value read
    from the old rows meanwhile is not kept)."""
    bump(["sitewide"])
    transaction.on_commit(lambda: bump(["sitewide"]))


def _site_wide_rows(sender, instance):
    """Rows site_wide() keeps or links to: any page (the start pages, the menu, the pages
    the settings and the header link to; saved on every publication, move or draft, and
    directly by scripts), a private section, or a snippet (the translations of topics and
    areas, the choices of the forms, the places search knows). Reading them again costs a
    few queries."""
    from wagtail.models import Page, PageViewRestriction, TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    return issubclass(sender, (Page, PageViewRestriction, TranslatableMixin)) or (
        sender in get_snippet_models()
    )


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    if _site_wide_rows(sender, instance):
        _site_wide_changed()
    if created and _is_setting(sender):
        # Wagtail creates a site's settings row with its defaults when a page first reads it:
        # nothing visible changed. Created elsewhere (the admin, a command), it may hold other
        # values than what site_wide() kept while there was no row.
        if not request_cache.active():
            _site_wide_changed()
        return
    _on_change(sender, instance)


def _deleting(sender, instance, **kwargs):
    if _site_wide_rows(sender, instance):
        _site_wide_changed()
    _on_change(sender, instance, deleting=True)


def _page_published(sender, instance, **kwargs):
    apply(affected_by_page(instance))


def _published(sender, instance, **kwargs):
    # Pages send page_published as well; only snippets with drafts are handled here.
    if _kind(sender) == "draft":
        apply(affected_by_object(instance))


def _moving(sender, instance, **kwargs):
    # Before the move: the old parent's listing and the old addresses.
    apply(affected_by_page(instance))


def connect():
    """Called from PortalConfig.ready(): generic signals only (portal imports no app)."""
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        pre_page_move,
        published,
        unpublished,
    )

    page_published.connect(_page_published, dispatch_uid="pagecache-page-published")
    page_unpublished.connect(_page_published, dispatch_uid="pagecache-page-unpublished")
    published.connect(_published, dispatch_uid="pagecache-published")
    unpublished.connect(_published, dispatch_uid="pagecache-unpublished")
    pre_page_move.connect(_moving, dispatch_uid="pagecache-pre-move")
    post_page_move.connect(_moving, dispatch_uid="pagecache-post-move")
    post_save.connect(_saved, dispatch_uid="pagecache-saved")
    pre_delete.connect(_deleting, dispatch_uid="pagecache-deleting")
