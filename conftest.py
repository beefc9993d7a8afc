"""Shared pytest fixtures: a site with a start page, users with the roles editors have, and a
headless browser."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from advice.tests.factories import (
    AdvisorDirectoryPageFactory,
    AdvisorDropInFactory,
    AdvisorFactory,
    GuidanceIndexPageFactory,
    LanguageFactory,
    SchoolFactory,
)
from editorial import roles
from home.tests.factories import HomePageFactory
from portal.models import ContactSettings
from portal.processes import free_port, stop, wait_for_url
from taxonomy.tests.factories import AreaFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: it outlives a test (and a rollback), and holds
    the site-wide values (portal/pagecache.py), form rate limits and cached pages."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Swedish: a request in another language activates that language
    for the rest of the thread (Django's LocaleMiddleware does not undo it)."""
    yield
    translation.deactivate()


@pytest.fixture
def home_page(db):
    """Root → HomePage, served as the default site on the test host."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": "testserver",
            "port": 80,
            "site_name": "Föräldrarådgivning",
        },
    )
    return home


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="password"
    )


def _user_in_group(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def communicator(django_user_model):
    """Kommunikatör: writes, edits and publishes everywhere."""
    return _user_in_group(django_user_model, "kommunikator", roles.COMMUNICATORS)


@pytest.fixture
def reviewer(django_user_model):
    """Granskare: approves what is submitted for moderation, and may publish."""
    return _user_in_group(django_user_model, "granskare", roles.REVIEWERS)


@pytest.fixture
def advisor_editor(django_user_model):
    """Föräldrarådgivare: updates advisor entries and writes guidance drafts; never
    publishes."""
    return _user_in_group(django_user_model, "radgivare", roles.ADVISORS)


@pytest.fixture
def course_admin(django_user_model):
    """Kursadministratör: runs the calendar and alone sees the sign-ups."""
    return _user_in_group(django_user_model, "kursadmin", roles.COURSE_ADMINS)


@pytest.fixture
def hub(home_page):
    return GuidanceIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def directory(hub, home_page):
    page = AdvisorDirectoryPageFactory(parent=hub)
    home_page.advisor_directory = page
    home_page.save()
    settings = ContactSettings.for_site(home_page.get_site())
    settings.organisation_name = "Huddinge kommun, socialtjänsten"
    settings.phone = "070-174 06 05"
    settings.email = "foraldraradgivning@example.org"
    settings.save()
    return page


@pytest.fixture
def small_directory(directory):
    """Two areas, three schools, three published advisors and one who has left."""
    varby = AreaFactory(name="Vårby", slug="varby", sort_order=0)
    skogas = AreaFactory(name="Skogås", slug="skogas", sort_order=1)
    strand = SchoolFactory(name="Vårby strandskola", slug="varby-strandskola", area=varby)
    backen = SchoolFactory(name="Vårbybackens skola", slug="varbybackens-skola", area=varby)
    berg = SchoolFactory(name="Skogås bergsskola", slug="skogas-bergsskola", area=skogas)
    arabic = LanguageFactory(code="ar", name="arabiska", native_name="العربية", direction="rtl")
    somali = LanguageFactory(code="so", name="somaliska", native_name="Soomaali")
    tigrinya = LanguageFactory(code="ti", name="tigrinja", native_name="ትግርኛ")
    lina = AdvisorFactory(
        name="Lina Berg",
        show_identity=True,
        phone="0701740610",
        email="foraldraradgivare.varby@example.org",
        areas=[varby],
        schools=[strand],
        languages=[arabic],
    )
    amina = AdvisorFactory(
        name="Amina Farah",
        show_identity=False,
        phone="070-174 06 20",
        areas=[varby],
        schools=[backen],
        languages=[somali],
    )
    senait = AdvisorFactory(
        name="Senait Tesfay",
        show_identity=True,
        areas=[skogas],
        schools=[berg],
        languages=[tigrinya],
    )
    gone = AdvisorFactory(
        name="Slutat Rådgivare",
        show_identity=True,
        live=False,
        areas=[varby],
        schools=[strand],
        languages=[arabic],
    )
    AdvisorDropInFactory(advisor=lina, school=strand, place="Biblioteket")
    return {
        "page": directory,
        "areas": {"varby": varby, "skogas": skogas},
        "schools": {"strand": strand, "backen": backen, "berg": berg},
        "advisors": {"lina": lina, "amina": amina, "senait": senait, "gone": gone},
    }


# Browser tests: Debian's Chromium driven by Playwright (never `playwright install`, which
# downloads a browser). The flags keep Chromium from calling out to Google's services.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections

    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop running in this thread. Django then
    # refuses synchronous database access unless told otherwise, and its connection handler
    # switches to per-context storage, i.e. to new connection objects that lack the snapshot
    # of migrated data (Wagtail's root page, groups) that serialized_rollback restores after
    # each transactional test. Carry the snapshot over to the new connection objects.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


# The admin as editors meet it in production: static files collected with the production
# storage (hashed names, a manifest, compressed copies) and served by gunicorn with the
# production settings. A missing manifest entry or a block without its JavaScript then fails
# here as it would on the live site, which the development settings hide.
@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """A STATIC_ROOT filled by `collectstatic` under the production settings. `make test`
    collects once and passes the folder in PRODUCTION_STATIC_ROOT; otherwise each test
    process collects its own."""
    ready = os.environ.get("PRODUCTION_STATIC_ROOT")
    if ready and (Path(ready) / "staticfiles.json").exists():
        return Path(ready)
    root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=BASE_DIR,
        env={**os.environ, **PRODUCTION_ENV, "STATIC_ROOT": str(root)},
        check=True,
    )
    return root


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "browser-tests-only-not-a-secret",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    # Plain HTTP on loopback: no redirect to HTTPS and no HSTS.
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "DEBUG": "false",
}
BASE_DIR = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def production_server(
    django_db_setup, django_db_blocker, production_static, tmp_path_factory, demo_media
):
    """gunicorn with the production settings against the test database, on a spare port.
    Tests that use it must commit what they create (transactional tests), so the server sees
    it. Its uploaded media are the demo site's (`demo_media`, `demo_site`)."""
    from django.db import connection

    db = connection.settings_dict
    port = free_port()
    media = demo_media
    url = f"http://localhost:{port}"
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "0",
        "STATIC_ROOT": str(production_static),
        "MEDIA_ROOT": str(media),
        "WAGTAILADMIN_BASE_URL": url,
        "LOG_LEVEL": "WARNING",
    }
    log = open(tmp_path_factory.getbasetemp() / "production-server.log", "w+")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "60",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_url(url + "/robots.txt", server, log)
        yield SimpleNamespace(url=url, media_root=media, log=log)
    finally:
        stop(server)
        log.close()


# The seeded demo site, for tests that need the whole site (browser tests, link checks, the
# address walk). Seeding takes about ten seconds; it is done once per test process and kept as
# a data dump of the test database, which each test restores in about a second. The demo's
# images are written to the folder the production server also serves its media from.
def _database_command(program, *args):
    from django.db import connection

    db = connection.settings_dict
    command = [program, "-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"], "-d"]
    return [*command, db["NAME"], *args]


def _reset_tables(restart_identity=True):
    """Empty every table. A dump restores the sequences too; rows put back otherwise keep
    their ids, so the sequences must then go on from where they were."""
    from django.db import connection

    tables = connection.introspection.django_table_names(only_existing=True)
    restart = " RESTART IDENTITY" if restart_identity else ""
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE {}{} CASCADE".format(
                ", ".join(connection.ops.quote_name(table) for table in tables), restart
            )
        )


def _load_dump(path):
    from django.db import connection

    _reset_tables()
    connection.close()  # the dump is loaded by psql over its own connection
    subprocess.run(
        _database_command("psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path)),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _dump_to(path):
    subprocess.run(
        _database_command(
            "pg_dump",
            "--data-only",
            "--disable-triggers",
            "--exclude-table=django_migrations",
            "-f",
            str(path),
        ),
        check=True,
    )


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    media = tmp_path_factory.getbasetemp() / "production-media"
    media.mkdir(exist_ok=True)
    return media


@pytest.fixture(scope="session")
def _demo_dump(django_db_setup, django_db_blocker, tmp_path_factory, demo_media):
    """Seed the demo site once, keep its data as a dump, and put the database back as the
    migrations left it for every other test."""
    from django.core.management import call_command
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("demo-dump")
    baseline, seeded = folder / "baseline.sql", folder / "demo.sql"
    file_storage = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with django_db_blocker.unblock():
        # An earlier transactional test may have emptied the tables: start from what the
        # migrations left, as serialized for the rollback of the tests that use this.
        from django.db import connection

        _reset_tables(restart_identity=False)
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        _dump_to(baseline)
        with override_settings(STORAGES=file_storage, MEDIA_ROOT=str(demo_media)):
            call_command("seed_demo", force=True, stdout=StringIO())
        _dump_to(seeded)
        _load_dump(baseline)
    return seeded


@pytest.fixture
def demo_site(_demo_dump, demo_media, settings, transactional_db, django_db_serialized_rollback):
    """The demo site, as `seed_demo` builds it, in the test database (committed, so live
    servers see it), with its images on disk. Returns the start page. The test ends by
    putting back the database as the migrations left it (serialized rollback), as the other
    transactional tests expect."""
    from django.core.cache import cache

    from wagtail.models import Site

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(demo_media)
    _load_dump(_demo_dump)
    # The dump is loaded behind the models' backs: no save signal tells the page cache, which
    # may still keep the site-wide values (the menu, the settings) of an earlier test.
    cache.clear()
    return Site.objects.get(is_default_site=True).root_page.specific
