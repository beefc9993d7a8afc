"""Settings shared by every environment.

Safe by default: DEBUG is off and nothing secret lives here. Every value an operator may change
comes from an environment variable; README.md lists them all.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONE, SELF

from portal.languages import register_language_info

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "news",
    "advice",
    "taxonomy",
    "events",
    "editorial",
    # Site search (/sok/): on top of the content apps, which it reads.
    "sitesearch",
    # Page feedback ("Var informationen till din hjälp?") and call-back requests.
    "feedback",
    # The demo site's content and its commands (seed_demo, create_demo_users); on top of
    # every other app, and nothing imports it.
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # The table block of the content stream; without it the page editor has no JavaScript
    # for the block and the production manifest lacks its files (the edit view is a 500).
    "wagtail.contrib.typed_table_block",
    # "Rekommenderat": editors promote pages for chosen search queries.
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    # Translation workflow: editors translate a Swedish page or snippet and keep it in sync.
    # wagtail_localize.locales replaces wagtail.locales (its own admin for the locales).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # django-csp: its system checks catch settings in the format before 4.0.
    "csp",
    # The queue of e-mails to send (sign-up confirmations), in the database; see TASKS.
    "django_tasks_db",
    # Editor accounts: login throttling and lockout (django-axes), two-step verification with
    # an authenticator app and recovery codes (django-otp; editorial/two_factor.py).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

# Our own middleware (portal/): the request log first, so it times the whole request and gives
# every response, errors included, its X-Request-ID; Permissions-Policy next, so every response
# carries it, cached or not. A database that cannot be reached is answered by handler500
# (portal/faults.py) with a 503 page, since an exception in any middleware ends up there.
MIDDLEWARE = [
    "portal.logs.RequestLogMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, as whitenoise's docs ask, so static files skip the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache for anonymous visitors (portal/pagecache.py): a cached page is answered
    # here, before sessions, languages and the rest run (no SQL query); what it stores has
    # passed through all of them. It also sets Cache-Control and ETag and answers 304.
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Chooses the language from the URL prefix (none for Swedish); sets no cookie.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Rows several template tags need, read once per public request (portal/request_cache.py).
    "portal.request_cache.RequestCacheMiddleware",
    # Django's CSRF check, except for the public forms that protect themselves without a
    # cookie (portal/forms_protection.py: origin check, one-time token, rate limit).
    "portal.forms_protection.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second step.
    "django_otp.middleware.OTPMiddleware",
    # Sends an editor who must use two-step verification to it before any other page.
    "editorial.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-csp's middleware, plus the frame source of a page's video (portal/middleware.py).
    "portal.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a refused login into the Swedish lockout page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy of the public pages (django-csp 4): everything from the site itself,
# nothing inline, nothing from third parties (GDPR/IMY: no outside fonts, scripts or trackers).
# The Wagtail admin (previews included) needs inline code and sets its own rules, so it is
# excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# Headers of every response (SecurityMiddleware and XFrameOptionsMiddleware; tests see them too,
# so they are set here and not only in production). X-Frame-Options stays DENY (Django's default,
# which the deploy check asks for); browsers that know CSP follow its frame-ancestors 'self'.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Powerful browser features the site never uses, switched off for it and anything it frames
# (portal.middleware.PermissionsPolicyMiddleware). interest-cohort and browsing-topics keep the
# browser's ad-interest APIs from counting visits here.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
}

# Django's deploy check looks for its own CsrfViewMiddleware by name; ours subclasses it
# (portal/forms_protection.py) and portal/checks.py checks that instead.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # Exposes site settings (contact details) to every template, 404 included.
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://user:password@host:5432/name. Unset, an SQLite file in the
# project is used so that `make run` needs no database server. CONN_MAX_AGE keeps connections
# open between requests (PostgreSQL's Swedish text-search dictionaries load once per connection).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that does not answer fails a request within seconds (a 503 page, see
# portal/faults.py) instead of holding every worker until the proxy gives up.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Editors' passwords: at least PASSWORD_MIN_LENGTH characters, not like the user's name or
# e-mail, not a common password, not only digits (Django's messages, in Swedish).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Swedish is the language of the service (språklagen) and the source
# language of every translatable string in the code. Further languages are added to LANGUAGES;
# Wagtail's locales then let editors translate pages without moving them.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Svenska")),
    ("en", _("Engelska")),
    ("ar", _("Arabiska")),
    ("so", _("Somaliska")),
    ("ti", _("Tigrinja")),
    ("fi", _("Finska")),
]
# Arabic is written right to left (Django's default list; named here because it matters).
LANGUAGES_BIDI = ["ar"]
# Django knows no Somali or Tigrinya; portal/languages.py describes them.
register_language_info()
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Dates in each language's own format; Somali and Tigrinya, which Django lacks, in
# portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
# The admin follows each editor's preference and defaults to Swedish.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images and documents on S3-compatible object storage (django-storages) when a
# bucket is configured, so that several app servers share them; files under MEDIA_ROOT
# otherwise. Keys may also come from boto3's own sources (an instance role). The files get
# public, unsigned addresses by default: they are published material and the addresses are
# cached by browsers and the CDN.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "location": os.environ.get("AWS_LOCATION", ""),
            # Wagtail names renditions after the original; never replace another file.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }

# The page editor of a long StreamField page posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail (moderation notifications, later sign-up confirmations). SMTP when EMAIL_HOST is set,
# otherwise the console, so that nothing is ever sent by accident from a laptop.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Public pages must set no cookies (LEK 9 kap. 28 §): sessions and CSRF cookies exist only for
# editors in the admin and for forms. Keep them first-party, secure in production, and short.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# An admin session ends SESSION_COOKIE_AGE seconds after the login (8 hours: a working day),
# whether or not the editor ticked "Kom ihåg mig"; without the tick (Wagtail's login) or with
# SESSION_EXPIRE_AT_BROWSER_CLOSE also when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# Logins (django-axes 8). The axes backend comes first: it refuses a locked-out login before
# any password is checked. Failures count per user name *and* address
# (AXES_LOCKOUT_PARAMETERS), so someone who tries the editors' names from one address locks
# only those names from that address and never keeps an editor out of the office; and per
# address alone, with the higher AXES_IP_FAILURE_LIMIT (editorial/security.py), so guessing
# many names from one address is slowed as well. A lockout lasts AXES_COOLOFF_MINUTES; a
# failed try while locked starts it again. `manage.py axes_reset_username NAME` unlocks.
# AxesBackend rather than AxesStandaloneBackend: it also loads users and permissions, as
# code that logs in with the first backend expects (Wagtail's page test helpers); it checks
# no password itself, ModelBackend does.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "editorial.security.LoginAttemptHandler"
# The client's address as the public forms read it (TRUSTED_PROXY_COUNT, X-Forwarded-For).
AXES_CLIENT_IP_CALLABLE = "editorial.security.login_client_address"
AXES_LOCKOUT_CALLABLE = "editorial.security.lockout_response"
# A successful login clears the failures of that name from that address (only those:
# editorial/security.py). Axes stores no password; it masks the field in what it records.
AXES_RESET_ON_SUCCESS = True
# Two-step verification: the name authenticator apps show for the account.
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Föräldrarådgivning")

# Logs go to the console (standard error), one line per record. LOG_FORMAT=json writes each as
# one JSON object (portal/logs.py: time, level, logger, message, request id, method, path
# without query string, status, duration): the default in production; text here. Records never
# carry what a form submitted: the formatters write named fields only, never the request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")


def logging_config(log_format, level):
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request": {"()": "portal.logs.RequestContextFilter"}},
        "formatters": {
            "json": {"()": "portal.logs.JsonFormatter"},
            "text": {"()": "portal.logs.TextFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request"],
                "formatter": "json" if log_format == "json" else "text",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Everything reaches the one handler on the root: Django's own handlers (the
            # debug-only console, mail_admins, which would mail a request's POST data) go.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"level": "WARNING", "propagate": True},
            # Background-task bookkeeping (search index, reference index) is noise at INFO.
            "django_tasks": {"level": "WARNING"},
            # Logins, failed logins, lockouts and two-step verification, without passwords.
            "editorial.security": {"level": "INFO"},
            # django-axes repeats each failure in its own words; ours are enough.
            "axes": {"level": "ERROR"},
        },
    }


LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)

# School import from Skolverket's school-unit register (advice/school_import.py): the
# municipality whose schools are imported (0126 is Huddinge) and the largest file accepted.
SCHOOL_IMPORT_MUNICIPALITY_CODE = os.environ.get("SCHOOL_IMPORT_MUNICIPALITY_CODE", "0126")
SCHOOL_IMPORT_MAX_ROWS = int(os.environ.get("SCHOOL_IMPORT_MAX_ROWS", "100000"))

# Sign-ups for events are deleted this many days after the event has ended, by
# `manage.py purge_event_registrations` (run daily). The archive decision (gallringsbeslut),
# not the developers, sets the period; the sign-up form tells people the date.
EVENT_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENT_REGISTRATION_RETENTION_DAYS", "30"))
# Call-back requests ("Bli kontaktad") are deleted by `manage.py purge_callback_requests`:
# this many days after an advisor marked one handled, and any request this many days after it
# came in. The form tells the parent both. Set by the archive decision (gallringsbeslut).
CALLBACK_REQUEST_RETENTION_DAYS = int(os.environ.get("CALLBACK_REQUEST_RETENTION_DAYS", "14"))
CALLBACK_REQUEST_MAX_AGE_DAYS = int(os.environ.get("CALLBACK_REQUEST_MAX_AGE_DAYS", "60"))

# Background tasks (django-tasks, which Wagtail ships). Wagtail's own tasks (reference index,
# search index, file deletion) run at once unless TASKS_BACKEND=database. E-mail to the
# public (sign-up confirmations, a seat freed from the waiting list) goes through the "email"
# backend: by default a queue in the database, sent by `manage.py db_worker --backend email`,
# so a slow or absent mail server never holds a visitor's page. EMAIL_TASK_BACKEND=immediate
# sends during the request instead (development without a worker).
TASKS = {
    # Wagtail's own tasks (search index, reference index): TASKS_BACKEND=database queues them
    # for `manage.py db_worker` in production, so a publication never waits for the index.
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASKS_BACKEND", "immediate")]
    },
    "email": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("EMAIL_TASK_BACKEND", "database")]
    },
}

# The cache: Redis when REDIS_URL is set (redis://host:6379/0), shared by every app server
# (pages, the public forms' rate limit); process memory otherwise (one server, `make run`).
# portal/cache.py keeps the site up when Redis is away: errors are logged and count as misses.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            # A Redis that hangs must not hold a page: give up quickly, then serve without it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# The page cache for anonymous visitors (portal/pagecache.py): seconds a rendered page is kept
# in the cache above (0 turns it off; pages are then rendered on every request), and the
# Cache-Control lifetimes given to browsers and proxies (max-age, then stale-while-revalidate).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_CACHE_STALE_WHILE_REVALIDATE", "300"))
# The query parameters pages read. Any other is dropped before a cached page is looked up or
# rendered, so junk (?fbclid=…, ?x=1, ?x=2 …) neither splits the cache nor reaches a page.
# A page that reads a new parameter must add it here.
PAGE_CACHE_QUERY_PARAMS = [
    "page",  # pagination of every listing
    "amne",  # topic filter: hub, news archive, calendar
    "for",  # audience filter: hub
    "omrade",  # area: news archive, finder, "I ditt område"
    "ar",  # year: news archive
    "skola",  # finder
    "sprak",  # finder
    "p",  # sitemap pages
]
# Parameters that make an answer one visitor's own (the thanks after a form, a search that is
# counted in the statistics): such requests are rendered every time and never shared.
PAGE_CACHE_BYPASS_PARAMS = ["tack", "fel", "kontakt", "skickad", "q"]
# What a page shows besides itself, its translations, its children and what it references
# (found in Wagtail's reference index): a change to a model on the left purges every page of
# the types on the right. Pages that list or filter by all entries of a model, and
# many-to-many fields, which the reference index does not follow.
PAGE_CACHE_DEPENDENCIES = {
    "advice.Advisor": ["advice.AdvisorDirectoryPage"],
    "advice.School": ["advice.AdvisorDirectoryPage"],
    "advice.Language": ["advice.AdvisorDirectoryPage"],
    "taxonomy.Area": ["advice.AdvisorDirectoryPage", "news.NewsIndexPage", "news.NewsPage"],
    "taxonomy.Topic": [
        "advice.GuidanceIndexPage",
        "advice.GuidancePage",
        "news.NewsIndexPage",
        "news.NewsPage",
        "events.EventIndexPage",
        "events.EventPage",
    ],
    "taxonomy.Audience": ["advice.GuidanceIndexPage", "advice.GuidancePage"],
    # "Related guidance on the same topic" at the end of each guidance page.
    "advice.GuidancePage": ["advice.GuidancePage"],
}
# Models whose rows are shown on one page (named by the foreign key): a new sign-up changes
# its event's "places left", on the event, the calendar and the start page.
PAGE_CACHE_RELATED_PAGES = {"events.EventRegistration": "page"}

# A caching proxy in front (Varnish, deploy/varnish/default.vcl): its address, to which
# Wagtail's front-end cache invalidation sends PURGE requests for exactly the pages a change
# affects (portal/pagecache.py), e.g. http://127.0.0.1:6081. Unset: no proxy to purge.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# Anonymous public forms (sign-up, cancellation; portal/forms_protection.py): POSTs per client
# and window (seconds) before a 429, how long a form's one-time token is valid (seconds), and
# how many proxies in front of the site append to X-Forwarded-For (the client is the address
# the outermost of ours saw; 0 when the site is reached directly).
PUBLIC_FORM_RATE_LIMIT = int(os.environ.get("PUBLIC_FORM_RATE_LIMIT", "10"))
PUBLIC_FORM_RATE_WINDOW = int(os.environ.get("PUBLIC_FORM_RATE_WINDOW", "600"))
PUBLIC_FORM_TOKEN_MAX_AGE = int(os.environ.get("PUBLIC_FORM_TOKEN_MAX_AGE", "86400"))
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# The daily link check (`manage.py check_links`, editorial/linkcheck.py): seconds to wait for
# a connection or an answer from another site, and how many sites are asked at the same time.
LINKCHECK_TIMEOUT = float(os.environ.get("LINKCHECK_TIMEOUT", "10"))
LINKCHECK_WORKERS = int(os.environ.get("LINKCHECK_WORKERS", "8"))

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Föräldrarådgivning")
# Absolute address of the site, used in links in notification e-mails and the sitemap.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# PostgreSQL full-text search through Wagtail's database backend (the modelsearch package).
# The text-search configuration is named explicitly: left unset, PostgreSQL falls back to its
# cluster default, which is English on a C.UTF-8 cluster. "portal_swedish" is created by the
# migrations (sitesearch/configuration.py): Swedish Hunspell with compound splitting where
# the server has the dictionary, the Swedish Snowball stemmer where not.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "portal_swedish",
    }
}
# Days the search statistics (normalised queries per day, nothing about the visitor) are kept.
SEARCH_QUERY_RETENTION_DAYS = int(os.environ.get("SEARCH_QUERY_RETENTION_DAYS", "90"))
# The admin must not call out to wagtail.org (no internet in production, no third parties).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: it would learn a hash of every editor's e-mail address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Slugs in plain ASCII (å, ä → a, ö → o, é → e), as the demo's are, so addresses read the same
# when copied into a text message or an e-mail.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Uploads (portal/uploads.py): only these types, content that matches the extension (SVG
# and HTML never), safe file names; the same forms serve the single and multiple uploaders
# and the choosers' upload tab.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 50 megapixels: a 48-megapixel phone photo passes; a small file that claims huge dimensions
# (a decompression bomb) does not, and no rendition ever decodes one.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.SafeImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.SafeDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is downloaded (Content-Disposition: attachment), PDFs included: nothing an
# editor uploads is ever shown as a page of this site's origin, whatever a browser's viewer
# would do with it. Wagtail adds nosniff and "default-src 'none'" to the response.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# The content type per extension, not the server's own list (a slim container has none).
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Rich text offers only what cannot break the layout: no headings (they come from the heading
# block, so the page outline stays valid), no inline images, no embeds, no raw HTML.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
