"""/healthz answers without the database; /readyz asks the database and the cache and names
the part that does not answer. Neither sets a cookie or may be cached. (With the database
really stopped: portal/tests/test_faults.py.)"""

import json

import pytest

pytestmark = pytest.mark.django_db


def assert_uncached_and_cookie_free(response):
    assert "no-store" in response.headers["Cache-Control"]
    assert "Set-Cookie" not in response.headers and not response.cookies


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response.headers["Content-Type"].startswith("text/plain")
    assert_uncached_and_cookie_free(response)


def test_readyz_reports_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert_uncached_and_cookie_free(response)


def test_readyz_names_a_cache_that_keeps_nothing(client, settings):
    # Django's dummy cache stores nothing, as a cache that cannot be reached and swallows its
    # errors does.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "ok",
        "cache": "unavailable",
    }
    assert_uncached_and_cookie_free(response)


def test_health_endpoints_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
