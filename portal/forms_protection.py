"""Protection for the site's anonymous public forms, without a cookie.

Public pages set no cookies, forms included, so Django's CSRF cookie cannot protect a form
that a visitor fills in (an event sign-up, a cancellation, and later page feedback and a
call-back request). Instead, every such form uses `FormGuard`, which checks each POST for:

1. **A limit per client.** At most PUBLIC_FORM_RATE_LIMIT POSTs per PUBLIC_FORM_RATE_WINDOW
   seconds from one client, counted in the cache under a keyed hash of the client's address
   (an IPv6 address by its /64 network), so no address is stored. Beyond it: 429, in Swedish.
2. **The origin.** The browser's Origin header (or, without it, the Referer) must be this site
   or one of CSRF_TRUSTED_ORIGINS. A browser always sends a foreign or "null" Origin with a
   POST that another site makes it send, which is the attack CSRF protection is about.
3. **A one-time token** in a hidden field: a random nonce signed with SECRET_KEY, a time stamp
   and the form it belongs to (its scope and key, e.g. "events.signup" and an event's id). A
   forged, foreign or expired token is refused. The nonce is what makes a reload or a double
   click recognisable: the view saves it with what it saves, in a unique column, so the second
   POST of the same form finds the first result instead of making a second. Two people who give
   the same answers have two tokens, and are two.

Why this is safe without a cookie: a CSRF attack borrows the victim's ambient credentials
(a session cookie) to act as the victim. These forms act for nobody: an anonymous POST has no
more power from a visitor's browser than from the attacker's own machine, where neither a
cookie nor this check would stop anyone. What remains is to keep other sites from using
visitors' browsers to post (the origin check), to keep a token from being replayed (the nonce,
saved once) and to slow down whoever posts directly (the limit per client).

Django's CsrfViewMiddleware would still refuse such a POST for lack of a cookie, so
`CsrfViewMiddleware` below, which replaces it in MIDDLEWARE, lets a POST through without the
cookie only when it carries this module's token field, is not for the admin, and passes the
origin check; every other request gets Django's check unchanged.

Using it in a view::

    GUARD = FormGuard("feedback")
    # GET: render GUARD.token(key) in <input type="hidden" name="{{ token_field }}">
    try:
        nonce = GUARD.check(request, key)
    except Refused as refusal:
        return refused_response(request, refusal)   # or re-render the form with the answers
    # save, with `nonce` in a unique column; if a row with that nonce exists, answer with it
"""

import contextlib
import contextvars
import hashlib
import ipaddress
import secrets
import time
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.middleware import csrf
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The hidden field's name. Form-builder fields are named in snake_case, so a name with a hyphen
# never collides with an editor's field.
TOKEN_FIELD = "form-token"  # noqa: S105 (a field name, not a secret)
# Length of a nonce as saved by a view (secrets.token_urlsafe(18) gives 24 characters).
NONCE_MAX_LENGTH = 64
ADMIN_PREFIX = "/admin/"
# The tokens given out while a page is rendered for the page cache (portal/pagecache.py), which
# stores the page without them and puts a fresh one in for each visitor.
_issued = contextvars.ContextVar("portal_forms_protection_issued", default=None)


@contextlib.contextmanager
def recording_tokens():
    """Collect (scope, key, token) of every token given out inside the block."""
    issued = []
    reset = _issued.set(issued)
    try:
        yield issued
    finally:
        _issued.reset(reset)


class Refused(Exception):
    """A POST the guard does not let through: the HTTP status, a Swedish message for the
    visitor, a short reason for logs and tests, and for 429 the seconds until it may post
    again."""

    def __init__(self, status, message, reason, retry_after=None):
        super().__init__(reason)
        self.status = status
        self.message = message
        self.reason = reason
        self.retry_after = retry_after


class FormGuard:
    """The checks of one kind of public form. `scope` names the kind ("events.signup"); the
    `key` given to token() and check() names the form (an event's id), so a token is valid only
    for the form it was given with."""

    def __init__(self, scope):
        self.scope = scope

    def _signer(self, key):
        return signing.TimestampSigner(salt=f"portal.forms_protection:{self.scope}:{key}")

    def token(self, key=""):
        """A fresh token for a form: put it in the hidden field TOKEN_FIELD. Nothing is
        stored; each page view gets its own."""
        token = self._signer(key).sign(secrets.token_urlsafe(18))
        issued = _issued.get()
        if issued is not None:
            issued.append((self.scope, key, token))
        return token

    def check(self, request, key=""):
        """Check a POST: the limit per client, its origin, and its token. Returns the token's
        nonce, to be saved once with what the form saves; raises Refused otherwise."""
        check_rate(request)
        check_origin(request)
        token = request.POST.get(TOKEN_FIELD, "")
        if not token:
            raise Refused(400, _missing_message(), "no token")
        try:
            return self._signer(key).unsign(token, max_age=settings.PUBLIC_FORM_TOKEN_MAX_AGE)
        except signing.SignatureExpired:
            raise Refused(
                400,
                _(
                    "Formuläret var öppet så länge att det hann bli för gammalt, så det "
                    "skickades inte. Kontrollera uppgifterna och skicka igen."
                ),
                "token expired",
            ) from None
        except signing.BadSignature:
            raise Refused(400, _missing_message(), "token invalid") from None


def _missing_message():
    return _(
        "Formuläret kunde inte kontrolleras, så inget skickades. Ladda om sidan och försök igen."
    )


# The origin


def _allowed(origin, request):
    """Whether `origin` ("https://example.org") is this site or a trusted origin (a trusted
    origin may have a wildcard subdomain, as in Django: "https://*.example.org")."""
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    return any(fnmatchcase(origin, trusted) for trusted in settings.CSRF_TRUSTED_ORIGINS)


def origin_ok(request):
    """The Origin header, or the Referer without it, names this site. A request with neither is
    accepted over plain HTTP only (as Django's own check does: over HTTPS every browser sends
    one of them)."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin != "null" and _allowed(origin, request)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        parts = urlsplit(referer)
        return bool(parts.scheme and parts.netloc) and _allowed(
            f"{parts.scheme}://{parts.netloc}", request
        )
    return not request.is_secure()


def check_origin(request):
    if not origin_ok(request):
        raise Refused(
            403,
            _(
                "Formuläret skickades inte från den här webbplatsen, så vi tog inte emot det. "
                "Öppna sidan på webbplatsen och skicka formuläret därifrån."
            ),
            "foreign origin",
        )


# The limit per client


def client_address(request):
    """The client's address: the one our outermost proxy saw (TRUSTED_PROXY_COUNT proxies
    append to X-Forwarded-For), or the connection's own without a proxy."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count > 0 and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """A keyed hash of the client: the address (an IPv6 address by its /64 network, which one
    subscriber usually has whole) through an HMAC with SECRET_KEY, so that the cache holds no
    address and the hash cannot be reversed by trying all IPv4 addresses."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        network = address
    else:
        if parsed.version == 6 and parsed.ipv4_mapped is not None:
            parsed = parsed.ipv4_mapped
        if parsed.version == 6:
            network = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
        else:
            network = str(parsed)
    return salted_hmac("portal.forms_protection.client", network, algorithm="sha256").hexdigest()[
        :32
    ]


def check_rate(request, now=None):
    """Count this POST for its client in a fixed window; refuse beyond the limit. Counting
    happens before anything else, so a refused POST saves nothing and costs no query."""
    window = settings.PUBLIC_FORM_RATE_WINDOW
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    now = time.time() if now is None else now
    bucket = int(now // window)
    key = "portal-forms:" + hashlib.sha256(f"{client_key(request)}:{bucket}".encode()).hexdigest()
    if cache.add(key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between the two calls
            cache.add(key, 1, timeout=window + 1)
            count = 1
    if count > limit:
        retry_after = max(1, int((bucket + 1) * window - now))
        minutes = max(1, -(-retry_after // 60))
        raise Refused(
            429,
            ngettext(
                "Du har skickat många formulär på kort tid. Vänta %(minutes)d minut och "
                "försök sedan igen. Det du redan har skickat är sparat.",
                "Du har skickat många formulär på kort tid. Vänta %(minutes)d minuter och "
                "försök sedan igen. Det du redan har skickat är sparat.",
                minutes,
            )
            % {"minutes": minutes},
            "rate limited",
            retry_after=retry_after,
        )


# Answering a refusal


def refused_response(request, refusal, template="portal/form_refused.html", context=None):
    """The Swedish page for a refused POST, with the refusal's status (and Retry-After)."""
    response = render(
        request,
        template,
        {"refusal": refusal, "back_url": _same_site_referer(request), **(context or {})},
        status=refusal.status,
    )
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    response["X-Robots-Tag"] = "noindex"
    return response


def _same_site_referer(request):
    referer = request.META.get("HTTP_REFERER", "")
    parts = urlsplit(referer)
    if parts.netloc and _allowed(f"{parts.scheme}://{parts.netloc}", request):
        return referer
    return ""


# The middleware


def is_guarded_post(request):
    """A POST to a public form that protects itself: it carries TOKEN_FIELD, outside the
    admin."""
    return (
        request.method == "POST"
        and not request.path_info.startswith(ADMIN_PREFIX)
        and TOKEN_FIELD in request.POST
    )


class CsrfViewMiddleware(csrf.CsrfViewMiddleware):
    """Django's CSRF protection, except for POSTs to the public forms guarded by this module:
    they come without a CSRF cookie (public pages set none) and are checked by their origin
    here and by FormGuard in the view. A foreign origin is refused here, in Swedish."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if is_guarded_post(request):
            try:
                check_origin(request)
            except Refused as refusal:
                return refused_response(request, refusal)
            request.csrf_processing_done = True
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)
