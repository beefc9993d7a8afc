"""Links that rot: find the external links on published pages, check them, remember the broken
ones (editorial.models.BrokenLink) and list them for editors under Rapporter → Trasiga länkar.

`manage.py check_links` (run daily) calls `run_check()`:

1. Every live, public page that has an address on a site is rendered as an anonymous visitor
   sees it, through Django's full request handling (middleware, URL routing, Wagtail's serve).
   The links inside `<main>` are collected with the standard library's HTML parser. Rendering
   rather than walking StreamField values means every page type, block, snippet and routable
   page is covered without this app knowing any of them (it must not import the content
   apps), and only what a visitor can actually click is reported.
2. Each distinct external address (fragment removed) is checked once, a few at a time: HEAD,
   then GET when HEAD fails (some servers refuse HEAD), short timeouts, a limited number of
   redirects, a clear User-Agent. urllib only: nothing here needs more.
3. The broken ones are saved; a row whose link works again or has left the page is removed.
   `first_seen` stays while a link stays broken.
"""

import concurrent.futures
import http.client
import logging
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.http.request import validate_host
from django.urls import path, reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from .models import BrokenLink
from .review import review_pages

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10  # seconds, per connection attempt and per read
DEFAULT_WORKERS = 8
MAX_REDIRECTS = 5
MAX_URL_LENGTH = BrokenLink._meta.get_field("url").max_length

# Short Swedish explanations stored in BrokenLink.error and shown to editors.
ERROR_DNS = _("Adressen finns inte (namnuppslagningen misslyckades)")
ERROR_TIMEOUT = _("Svarade inte i tid")
ERROR_TLS = _("Säkerhetscertifikatet godtogs inte (TLS)")
ERROR_REFUSED = _("Servern tog inte emot anslutningen")
ERROR_DISCONNECTED = _("Servern bröt anslutningen")
ERROR_BAD_RESPONSE = _("Servern gav ett ogiltigt svar")
ERROR_REDIRECTS = _("För många eller ogiltiga omdirigeringar")
ERROR_INVALID_URL = _("Ogiltig adress")
ERROR_UNREACHABLE = _("Gick inte att nå")

# What common status codes mean, for editors who do not know HTTP.
STATUS_TEXTS = {
    400: _("felaktig begäran"),
    401: _("kräver inloggning"),
    403: _("åtkomst nekad"),
    404: _("sidan finns inte"),
    410: _("sidan är borttagen"),
    429: _("för många förfrågningar"),
    500: _("fel hos servern"),
    502: _("fel hos servern"),
    503: _("tjänsten är inte tillgänglig"),
    504: _("fel hos servern"),
}


def user_agent():
    # ASCII only (an HTTP header); "compatible" keeps the odd server from refusing robots.
    return f"Mozilla/5.0 (compatible; portal-linkcheck/1.0; +{settings.WAGTAILADMIN_BASE_URL})"


# --- Finding links ---------------------------------------------------------------------------


class MainLinkParser(HTMLParser):
    """Collects the href of every <a> inside <main>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag == "a" and self.depth:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href.strip())

    def handle_endtag(self, tag):
        if tag == "main" and self.depth:
            self.depth -= 1


def links_in_main(html):
    parser = MainLinkParser()
    parser.feed(html)
    parser.close()
    return parser.hrefs


def own_hosts():
    """(hostname, port or None) of the sites served here; port None means any."""
    hosts = {(site.hostname.lower(), site.port) for site in Site.objects.all()}
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if base.hostname:
        hosts.add((base.hostname.lower(), base.port))
    return hosts


def external_url(href, page_url, hosts):
    """The absolute address of an external http(s) link without its fragment, or None for
    internal links, mailto:, tel:, anchors and anything unusable."""
    try:
        parts = urlsplit(urljoin(page_url, href))
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    hostname = parts.hostname.lower()
    for own_hostname, own_port in hosts:
        # http and https on the default ports are the same site; another port is another one.
        if hostname == own_hostname and (port is None or own_port in {None, port}):
            return None
    url = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))
    return url if len(url) <= MAX_URL_LENGTH else None


class PageRenderer:
    """Renders pages through the project's middleware and URL routing, as an anonymous GET
    would, without a web server. No cookies, no request_finished signal (which would close
    the database connection mid-job)."""

    def __init__(self):
        self.handler = BaseHandler()
        self.handler.load_middleware()

    def environ(self, root_url, page_path):
        root = urlsplit(root_url)
        scheme = "https" if getattr(settings, "SECURE_SSL_REDIRECT", False) else root.scheme
        hostname = root.hostname or "localhost"
        if not validate_host(hostname, settings.ALLOWED_HOSTS or ["localhost", "127.0.0.1"]):
            # As Wagtail's previews do: a host Django would refuse gets the first allowed one.
            hostname = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "")
            hostname = hostname or "localhost"
        port = root.port or (443 if scheme == "https" else 80)
        default_port = 443 if scheme == "https" else 80
        environ = {
            "REQUEST_METHOD": "GET",
            # WSGI carries the path as bytes decoded as Latin-1.
            "PATH_INFO": page_path.encode().decode("iso-8859-1"),
            "QUERY_STRING": "",
            "SERVER_NAME": hostname,
            "SERVER_PORT": str(port),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": hostname if port == default_port else f"{hostname}:{port}",
            "HTTP_USER_AGENT": user_agent(),
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": scheme,
            "wsgi.input": BytesIO(),
            "wsgi.errors": BytesIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if proxy_header and scheme == "https":
            environ[proxy_header[0]] = proxy_header[1]
        return environ

    def render(self, root_url, page_path):
        """The page's HTML, or None if it does not answer 200 with HTML."""
        response = self.handler.get_response(WSGIRequest(self.environ(root_url, page_path)))
        if (
            response.status_code != 200
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return None
        return response.content.decode(response.charset or "utf-8", errors="replace")


@dataclass
class CollectedLinks:
    by_page: dict = field(default_factory=dict)  # page id → set of external URLs
    pages: dict = field(default_factory=dict)  # page id → Page (for messages)
    failed: set = field(default_factory=set)  # page ids that could not be rendered


def collect_links():
    """The external links of every live, public page that has an address."""
    collected = CollectedLinks()
    hosts = own_hosts()
    renderer = PageRenderer()
    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    for page in pages.iterator():
        url_parts = page.get_url_parts()
        if not url_parts or not url_parts[1]:
            continue  # not on any site
        _site_id, root_url, page_path = url_parts
        try:
            html = renderer.render(root_url, page_path)
        except Exception:
            # One broken page must not stop the daily job; its old findings are kept.
            logger.exception("Could not render page %s for the link check", page.pk)
            html = None
        if html is None:
            collected.failed.add(page.pk)
            continue
        page_url = root_url + page_path
        urls = {external_url(href, page_url, hosts) for href in links_in_main(html)}
        urls.discard(None)
        collected.by_page[page.pk] = urls
        collected.pages[page.pk] = page
    return collected


# --- Checking links --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    status_code: int | None = None
    error: str = ""

    @property
    def broken(self):
        return bool(self.error) or self.status_code is None or self.status_code >= 400


class LimitedRedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            # Python 3.11 turns a redirected HEAD into a GET; stay with HEAD.
            new.method = "HEAD"
        return new


def request_url(url):
    """An IRI as a URI urllib can send: IDNA host, percent-encoded path and query."""
    parts = urlsplit(url)
    netloc = parts.hostname.encode("idna").decode("ascii")
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, iri_to_uri(parts.path), iri_to_uri(parts.query), ""))


def describe_error(exc):
    """A short Swedish text for a failure that has no HTTP status."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return ERROR_DNS
    if isinstance(reason, TimeoutError | socket.timeout):
        return ERROR_TIMEOUT
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return ERROR_TLS
    if isinstance(reason, ConnectionRefusedError):
        return ERROR_REFUSED
    if isinstance(reason, ConnectionError):
        return ERROR_DISCONNECTED
    if isinstance(reason, http.client.HTTPException):
        return ERROR_BAD_RESPONSE
    if isinstance(reason, ValueError):
        return ERROR_INVALID_URL
    return ERROR_UNREACHABLE


def check_url(url, timeout):
    """Check one address: HEAD, and GET if HEAD fails with an HTTP error."""
    opener = urllib.request.build_opener(LimitedRedirectHandler)
    headers = {"User-Agent": user_agent(), "Accept": "*/*"}

    def status(method):
        # Only http(s) addresses get here (external_url), so no file: or other schemes.
        request = urllib.request.Request(request_url(url), method=method, headers=headers)  # noqa: S310
        with opener.open(request, timeout=timeout) as response:
            return response.status

    try:
        try:
            code = status("HEAD")
        except urllib.error.HTTPError as exc:
            exc.close()
            code = status("GET")  # some servers refuse or mishandle HEAD
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code < 400:  # a redirect urllib gave up on: a loop, too many, or to ftp:
            return CheckResult(error=str(ERROR_REDIRECTS))
        return CheckResult(status_code=exc.code)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return CheckResult(error=str(describe_error(exc)))
    return CheckResult(status_code=code)


def check_urls(urls, timeout=None, workers=None):
    """Check each address once, a few at a time: {url: CheckResult}."""
    timeout = timeout or getattr(settings, "LINKCHECK_TIMEOUT", DEFAULT_TIMEOUT)
    workers = workers or getattr(settings, "LINKCHECK_WORKERS", DEFAULT_WORKERS)
    urls = sorted(urls)
    if not urls:
        return {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as executor:
        results = executor.map(lambda url: check_url(url, timeout), urls)
        return dict(zip(urls, results, strict=True))


# --- Remembering what is broken --------------------------------------------------------------


class NoLinkAnswered(Exception):
    """Every address failed without an HTTP answer: most likely our own network is down."""


@dataclass
class CheckSummary:
    pages: int = 0
    checked: int = 0
    broken: list = field(default_factory=list)  # (page, url, CheckResult), sorted
    new: int = 0
    fixed: int = 0  # works again
    removed: int = 0  # no longer on a published page


def run_check(*, dry_run=False, timeout=None, workers=None):
    collected = collect_links()
    results = check_urls(
        {url for urls in collected.by_page.values() for url in urls}, timeout, workers
    )
    if len(results) >= 3 and all(result.status_code is None for result in results.values()):
        # Do not report every link on the site as broken because the server is offline.
        raise NoLinkAnswered

    broken = {
        (page_id, url): results[url]
        for page_id, urls in collected.by_page.items()
        for url in urls
        if results[url].broken
    }
    existing = {
        (page_id, url): pk
        for pk, page_id, url in BrokenLink.objects.values_list("pk", "page_id", "url")
    }
    summary = CheckSummary(pages=len(collected.by_page), checked=len(results))
    summary.broken = sorted(
        ((collected.pages[page_id], url, result) for (page_id, url), result in broken.items()),
        key=lambda item: (item[0].path, item[1]),
    )
    summary.new = len(broken.keys() - existing.keys())
    stale = []
    for (page_id, url), pk in existing.items():
        if (page_id, url) in broken or page_id in collected.failed:
            continue  # still broken, or unknown this time: keep the row and its first_seen
        stale.append(pk)
        if url in collected.by_page.get(page_id, ()):
            summary.fixed += 1
        else:
            summary.removed += 1

    if not dry_run:
        with transaction.atomic():
            BrokenLink.objects.filter(pk__in=stale).delete()
            # A page deleted while the links were being checked has nothing left to fix.
            still_there = set(
                Page.objects.filter(pk__in={page_id for page_id, _url in broken}).values_list(
                    "pk", flat=True
                )
            )
            now = timezone.now()
            BrokenLink.objects.bulk_create(
                [
                    BrokenLink(
                        page_id=page_id,
                        url=url,
                        status_code=result.status_code,
                        error=result.error,
                        first_seen=now,
                        last_checked=now,
                    )
                    for (page_id, url), result in broken.items()
                    if page_id in still_there
                ],
                update_conflicts=True,
                unique_fields=["page", "url"],
                update_fields=["status_code", "error", "last_checked"],
            )
    return summary


def problem_text(status_code, error):
    """What went wrong, for the report: "404 – sidan finns inte" or the stored error."""
    if status_code:
        meaning = STATUS_TEXTS.get(status_code)
        if meaning is None and status_code >= 500:
            meaning = STATUS_TEXTS[500]
        return f"{status_code} – {meaning}" if meaning else str(status_code)
    return error


# --- The report ------------------------------------------------------------------------------


page_permission_policy = policy_registry.get_by_type(Page)


def responsible_editors(links):
    """Set link.editor (a display string), link.editor_email and link.problem on each
    BrokenLink. The editor is the page's responsible user and/or group (portal.models.
    ReviewMixin, read for all page types at once by editorial.review.review_pages; a user who
    has left is skipped), otherwise the author of the page's latest revision. Three queries,
    however many rows: the owners, the users, the groups."""
    page_ids = {link.page_id for link in links}
    responsible = {
        pk: (user_id, group_id)
        for pk, user_id, group_id in review_pages(Page.objects.filter(pk__in=page_ids))
        .order_by()
        .values_list("pk", "review_user_pk", "review_group_pk")
    }
    user_ids = {user_id for user_id, _group_id in responsible.values() if user_id}
    group_ids = {group_id for _user_id, group_id in responsible.values() if group_id}
    users = get_user_model()._default_manager.in_bulk(user_ids) if user_ids else {}
    groups = Group.objects.in_bulk(group_ids) if group_ids else {}

    for link in links:
        user_id, group_id = responsible.get(link.page_id, (None, None))
        user, group = users.get(user_id), groups.get(group_id)
        if user is not None and not user.is_active:
            user = None  # has left: the group answers for the page, as for review reminders
        if user is None and group is None:
            revision = link.page.latest_revision
            user = revision.user if revision else None
        names = []
        if user is not None:
            names.append(user.get_full_name() or user.get_username())
        if group is not None:
            names.append(group.name)
        link.editor = " / ".join(names)
        link.editor_email = getattr(user, "email", "")
        link.problem = problem_text(link.status_code, link.error)
    return links


class BrokenLinksReportView(ReportView):
    page_title = _("Trasiga länkar")
    header_icon = "warning"
    model = BrokenLink
    results_template_name = "editorial/linkcheck/report_results.html"
    index_url_name = "editorial_broken_links"
    index_results_url_name = "editorial_broken_links_results"
    # Anyone who may edit some page; the rows are then limited to the pages they may edit.
    any_permission_required = ["change"]
    list_export = [
        "page.title",
        "edit_url",
        "url",
        "problem",
        "editor",
        "editor_email",
        "first_seen",
        "last_checked",
    ]
    export_headings = {
        "page.title": _("Sida"),
        "edit_url": _("Redigera sidan"),
        "url": _("Länk"),
        "problem": _("Fel"),
        "editor": _("Ansvarig"),
        "editor_email": _("E-post till ansvarig"),
        "first_seen": _("Först upptäckt"),
        "last_checked": _("Senast kontrollerad"),
    }

    @cached_property
    def permission_policy(self):
        return page_permission_policy

    def get_filename(self):
        return f"trasiga-lankar-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            BrokenLink.objects.filter(page__in=editable.values("pk"), page__live=True)
            .select_related("page__content_type", "page__latest_revision__user")
            .order_by("page__title", "page_id", "url")
        )

    def decorate_paginated_queryset(self, object_list):
        links = responsible_editors(list(object_list))
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for link in links:
            link.edit_url = base_url + reverse("wagtailadmin_pages:edit", args=[link.page_id])
        return links


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_permission(request.user, "change")


@hooks.register("register_admin_urls")
def register_broken_links_urls():
    return [
        path(
            "reports/broken-links/",
            BrokenLinksReportView.as_view(),
            name="editorial_broken_links",
        ),
        path(
            "reports/broken-links/results/",
            BrokenLinksReportView.as_view(results_only=True),
            name="editorial_broken_links_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return BrokenLinksMenuItem(
        _("Trasiga länkar"),
        reverse("editorial_broken_links"),
        name="broken-links",
        icon_name="warning",
        order=1300,
    )
