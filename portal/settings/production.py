"""Production: the default of wsgi.py. Refuses to start without its required configuration."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, LOG_LEVEL, SECRET_KEY, env_bool, logging_config

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment (a long random string, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set in the environment (comma-separated host names, "
        "e.g. foraldraradgivning.example.org)."
    )

DEBUG = False

# Static files: compressed (gzip and brotli) with content hashes in their names, so they can
# be cached for a year; whitenoise serves them from the application.
# Uploaded media as base.py chose them (object storage when a bucket is configured).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS. The proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# On by default (README, Configuration: what they commit the domain to). Turn them off when
# the site shares its domain with subdomains that are not all on HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# One JSON object per log line, for the log collector; LOG_FORMAT=text for a person reading.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)
