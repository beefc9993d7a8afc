"""portal/forms_protection.py, the protection every anonymous public form uses: a one-time
token bound to its form and valid for a while, an origin check, a limit per client counted
under a keyed hash (no address stored), Swedish refusals, and a CSRF middleware that lets
only such forms through without a cookie."""

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

import pytest

from portal import forms_protection
from portal.forms_protection import (
    TOKEN_FIELD,
    CsrfViewMiddleware,
    FormGuard,
    Refused,
    check_rate,
    client_address,
    client_key,
    origin_ok,
    refused_response,
)

GUARD = FormGuard("tests.feedback")


def post(data=None, **meta):
    meta.setdefault("HTTP_ORIGIN", "http://testserver")
    return RequestFactory().post("/sida/", data or {}, **meta)


def refusal(request, key=""):
    with pytest.raises(Refused) as caught:
        GUARD.check(request, key)
    return caught.value


# The one-time token


def test_a_token_is_accepted_for_its_form_and_gives_its_nonce():
    token = GUARD.token("7")
    nonce = GUARD.check(post({TOKEN_FIELD: token}), "7")
    assert nonce and nonce in token
    # Each page view gets its own.
    assert GUARD.token("7") != token


def test_a_token_is_refused_for_another_form_or_kind_of_form():
    token = GUARD.token("7")
    assert refusal(post({TOKEN_FIELD: token}), "8").status == 400
    with pytest.raises(Refused):
        FormGuard("tests.callback").check(post({TOKEN_FIELD: token}), "7")


@pytest.mark.parametrize("token", ["", "x", "a:b:c", "ä" * 3000, None])
def test_a_missing_or_forged_token_is_refused(token):
    data = {} if token is None else {TOKEN_FIELD: token}
    refused = refusal(post(data))
    assert refused.status == 400
    assert "inget skickades" in refused.message


def test_an_expired_token_is_refused(settings):
    token = GUARD.token()
    settings.PUBLIC_FORM_TOKEN_MAX_AGE = -1
    refused = refusal(post({TOKEN_FIELD: token}))
    assert (refused.status, refused.reason) == (400, "token expired")
    assert "för gammalt" in refused.message


# The origin


@pytest.mark.parametrize(
    ("meta", "ok"),
    [
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "https://testserver"}, False),  # another scheme is another origin
        ({"HTTP_ORIGIN": "http://testserver:8000"}, False),
        ({"HTTP_ORIGIN": "http://evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_ORIGIN": "http://foraldrar.example.org"}, True),  # trusted (wildcard)
        ({"HTTP_REFERER": "http://testserver/kalender/"}, True),
        ({"HTTP_REFERER": "http://evil.example/"}, False),
        ({"HTTP_REFERER": "nonsense"}, False),
        ({}, True),  # plain HTTP: as Django, no header needed
        ({"HTTP_X_FORWARDED_PROTO": "https"}, False),  # over HTTPS one is needed
    ],
)
def test_the_origin_must_be_the_site_or_a_trusted_origin(settings, meta, ok):
    settings.CSRF_TRUSTED_ORIGINS = ["http://*.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().post("/sida/", {}, HTTP_HOST="testserver", **meta)
    assert origin_ok(request) is ok


def test_a_foreign_origin_is_refused_before_the_token_is_read():
    refused = refusal(post({TOKEN_FIELD: GUARD.token()}, HTTP_ORIGIN="http://evil.example"))
    assert refused.status == 403
    assert "inte från den här webbplatsen" in refused.message


# The limit per client


def test_the_limit_counts_posts_per_client_and_window(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    settings.PUBLIC_FORM_RATE_WINDOW = 600
    one, other = post(REMOTE_ADDR="198.51.100.7"), post(REMOTE_ADDR="198.51.100.8")
    check_rate(one, now=1200)
    check_rate(one, now=1300)
    with pytest.raises(Refused) as caught:
        check_rate(one, now=1400)
    assert caught.value.status == 429
    assert caught.value.retry_after == 400  # the window ends at 1800
    assert "Vänta 7 minuter" in caught.value.message
    check_rate(other, now=1400)  # another client has its own count
    check_rate(one, now=1800)  # a new window


def test_the_cache_holds_a_keyed_hash_never_the_address(settings):
    check_rate(post(REMOTE_ADDR="203.0.113.9"))
    stored = list(cache._cache)  # the local-memory cache of the tests
    assert stored and not any("203.0.113.9" in key for key in stored)
    key = client_key(post(REMOTE_ADDR="203.0.113.9"))
    assert "203.0.113.9" not in key and len(key) == 32
    settings.SECRET_KEY = "another-secret"
    assert client_key(post(REMOTE_ADDR="203.0.113.9")) != key


def test_an_ipv6_client_is_counted_by_its_network():
    def key(address):
        return client_key(post(REMOTE_ADDR=address))

    assert key("2001:db8:1:2::1") == key("2001:db8:1:2:ffff::7")
    assert key("2001:db8:1:2::1") != key("2001:db8:1:3::1")
    assert key("::ffff:192.0.2.1") == key("192.0.2.1")


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # what the client wrote itself is ignored
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.2", "192.0.2.1"),
        (0, "192.0.2.1", "127.0.0.1"),
        (1, "", "127.0.0.1"),
    ],
)
def test_the_client_is_the_address_our_outermost_proxy_saw(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = post(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_the_limit_is_checked_first_so_a_refused_post_costs_nothing(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    GUARD.check(post({TOKEN_FIELD: GUARD.token()}))
    refused = refusal(post({TOKEN_FIELD: GUARD.token()}, HTTP_ORIGIN="http://evil.example"))
    assert refused.status == 429


# Answering


@pytest.mark.django_db
def test_a_refusal_is_a_swedish_page_with_its_status(home_page):
    request = post(HTTP_REFERER="http://testserver/kalender/")
    refused = Refused(429, "Vänta en stund, tack.", "rate limited", retry_after=120)
    response = refused_response(request, refused)
    assert response.status_code == 429
    assert response["Retry-After"] == "120"
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert "Vänta en stund, tack." in html and 'lang="sv"' in html
    assert 'href="http://testserver/kalender/"' in html  # back to the form


# The middleware


def view(request):
    return HttpResponse("ok")


def through_middleware(request):
    request._dont_enforce_csrf_checks = False
    middleware = CsrfViewMiddleware(view)
    return middleware.process_view(request, view, (), {}) or view(request)


def test_a_guarded_post_needs_no_csrf_cookie():
    response = through_middleware(post({TOKEN_FIELD: "anything"}))
    assert response.status_code == 200


def test_a_guarded_post_from_another_site_is_refused_in_swedish(home_page):
    response = through_middleware(post({TOKEN_FIELD: "x"}, HTTP_ORIGIN="http://evil.example"))
    assert response.status_code == 403
    assert "Formuläret skickades inte från den här webbplatsen" in response.content.decode()


def test_other_posts_and_the_admin_keep_djangos_csrf_check():
    assert through_middleware(post({"namn": "x"})).status_code == 403
    admin = RequestFactory().post(
        "/admin/pages/1/edit/", {TOKEN_FIELD: "x"}, HTTP_ORIGIN="http://testserver"
    )
    assert through_middleware(admin).status_code == 403


def test_the_module_is_meant_for_reuse():
    """A later form (page feedback, a call-back request) needs only these names."""
    for name in ["FormGuard", "Refused", "refused_response", "TOKEN_FIELD", "NONCE_MAX_LENGTH"]:
        assert hasattr(forms_protection, name)
