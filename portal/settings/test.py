"""Tests: always real PostgreSQL, never SQLite, so that search, constraints and locking behave
as in production. DATABASE_URL may point elsewhere; the default is the local server."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal"),
        conn_max_age=0,
    )
}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise RuntimeError("The tests run against PostgreSQL only; set DATABASE_URL=postgres://...")

# MD5 makes creating test users fast; it is never used outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No manifest needed: tests must not depend on collectstatic having run.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Whitenoise looks up static files per request instead of scanning STATIC_ROOT, which tests
# never fill (no collectstatic).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests build and change pages between requests without the publishing signals every time;
# the page cache is on only in the tests about it (portal/tests/test_pagecache.py).
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Template errors (a missing variable in a block template) should fail loudly in tests.
TEMPLATES[0]["OPTIONS"]["debug"] = True  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests run in Swedish, as visitors and editors see the site.
LANGUAGE_CODE = "sv"
