"""The security headers of every public response, the same on a page, the search, a feed and
the 404 page; and no cookie on any of them."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError

import pytest

from advice.tests.factories import GuidancePageFactory
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

PERMISSIONS_OFF = [
    "camera=()",
    "microphone=()",
    "geolocation=()",
    "payment=()",
    "usb=()",
    "interest-cohort=()",
    "browsing-topics=()",
]


@pytest.fixture
def public_urls(hub, home_page):
    guidance = GuidancePageFactory(parent=hub, title="Närvarotrappan", slug="narvarotrappan")
    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news)
    return [
        "/",
        guidance.url,
        "/sok/?q=n%C3%A4rvaro",
        news.url + "rss/",
        "/finns-inte/",
    ]


def test_every_public_response_carries_the_security_headers_and_no_cookie(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == (404 if url == "/finns-inte/" else 200), url
        headers = response.headers
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy, url
        assert "script-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert headers["X-Content-Type-Options"] == "nosniff", url
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert headers["X-Frame-Options"] == "DENY", url
        assert sorted(headers["Permissions-Policy"].split(", ")) == sorted(PERMISSIONS_OFF), url
        assert len(headers["X-Request-ID"]) == 32, url
        assert "Set-Cookie" not in headers and not response.cookies, url


def test_the_admin_keeps_its_own_policy_but_gets_the_other_headers(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["Permissions-Policy"].startswith("camera=()")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_deploy_check_knows_our_csrf_middleware(settings):
    """Django's own check (security.W003) looks for its middleware by name and is silenced;
    ours (portal/checks.py) accepts the subclass and fails without any. `make check` runs the
    whole deploy check with the production settings."""
    call_command("check", deploy=True, tags=["security"], fail_level="ERROR")
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "Csrf" not in m]
    with pytest.raises(SystemCheckError, match="portal.E001"):
        call_command("check", deploy=True, tags=["security"], fail_level="ERROR")
