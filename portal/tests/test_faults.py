"""The database goes away and comes back: the site answers a Swedish 503 page (no traceback)
at once, /readyz names the database, /healthz still answers, and pages come back by themselves
when the database does, without restarting the application. A sign-up in flight when the
database stops is refused with the same page and leaves nothing behind.

Real parts: a throw-away PostgreSQL cluster of our own on a spare port (never the shared one),
with the schema of the test database and a small site, and gunicorn with the production
settings in front of it."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from django.db import InterfaceError, OperationalError, connection
from django.test import Client

import psycopg
import pytest
from bs4 import BeautifulSoup

from events.models import EventRegistration
from portal.forms_protection import TOKEN_FIELD
from portal.processes import free_port, stop, wait_for_url

PROJECT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
# Generous: a refused connection answers in milliseconds; this only catches a hanging request.
CLIENT_TIMEOUT = 10
# The test database is only read, for its schema; marked so that pytest-django sets it up.
pytestmark = pytest.mark.django_db


def _as_cluster_owner(command):
    """initdb refuses to run as root: the cluster then belongs to the postgres account."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    def __init__(self, folder, port):
        self.data, self.port = folder / "data", port
        self.options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        self.log = folder / "server.log"

    def pg_ctl(self, *args):
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", *args]
        subprocess.run(_as_cluster_owner(command), check=True, capture_output=True)

    def start(self):
        self.pg_ctl("-o", self.options, "-l", str(self.log), "start")

    def stop(self):
        # "fast": open sessions are ended and their transactions rolled back, as in a crash
        # or a restart of the server.
        self.pg_ctl("-m", "fast", "stop")

    def url(self, name="portal"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="module")
def cluster():
    folder = Path(tempfile.mkdtemp(prefix="portal-faults-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = Cluster(folder, free_port())
    initdb = [str(PG_BIN / "initdb"), "-D", str(cluster.data), "-U", "postgres", "-A", "trust"]
    subprocess.run(
        _as_cluster_owner([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "-N"]),
        check=True,
        capture_output=True,
    )
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


# Run in a subprocess against the throw-away database: the few rows a served page and a
# sign-up need (the schema comes from the test database, its rows would depend on which tests
# ran before).
BUILD_SITE = """
import json
import django
django.setup()
from wagtail.models import Locale, Page, Site
from home.tests.factories import HomePageFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields

locale = Locale.objects.create(language_code="sv")
root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
home = HomePageFactory(parent=root, title="Föräldrarådgivning")
Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
calendar = EventIndexPageFactory(parent=home)
course = add_form_fields(
    EventPageFactory(parent=calendar, title="Föräldraträff", registration_enabled=True)
)
print(json.dumps({"event_url": course.url, "event_id": course.pk}))
"""


@pytest.fixture(scope="module")
def site(cluster, django_db_setup, django_db_blocker, production_static, tmp_path_factory):
    with django_db_blocker.unblock():
        db = connection.settings_dict
    source = ["-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"]]
    target = ["-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres"]
    subprocess.run([PG_BIN / "createdb", *target, "portal"], check=True)
    schema = subprocess.run(
        [PG_BIN / "pg_dump", *source, "--schema-only", "--no-owner", db["NAME"]],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(
        [PG_BIN / "psql", *target, "-q", "-v", "ON_ERROR_STOP=1", "-d", "portal"],
        input=schema,
        check=True,
        capture_output=True,
    )
    # The site's rows are written while gunicorn starts: both need only the schema.
    builder = subprocess.Popen(
        [sys.executable, "-c", BUILD_SITE],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": cluster.url(),
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    port = free_port()
    url = f"http://localhost:{port}"
    log = open(tmp_path_factory.mktemp("faults") / "gunicorn.log", "w+")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "--threads", "4", "--timeout", "60"],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "fault-tests-only-not-a-secret-0123456789-abcdefghijklmnop",
            "ALLOWED_HOSTS": "localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": cluster.url(),
            # Connections kept between requests, as in production: they break when the
            # database stops and must be replaced without a restart.
            "DATABASE_CONN_MAX_AGE": "60",
            "STATIC_ROOT": str(production_static),
            "WAGTAILADMIN_BASE_URL": url,
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            # Off: the page cache would answer the pages it already holds without the
            # database; this test is about what a visitor meets when it has to be asked.
            "PAGE_CACHE_SECONDS": "0",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        output, errors = builder.communicate(timeout=120)
        assert builder.returncode == 0, errors
        content = json.loads(output.strip().splitlines()[-1])
        wait_for_url(url + "/healthz", server, log, seconds=60)
        yield SimpleNamespace(url=url, log=log, **content)
    finally:
        stop(server, signal.SIGQUIT)  # gunicorn's quick shutdown
        log.close()


def fetch(url, data=None, headers=None):
    """Status, headers and text of a GET (or a POST of `data`), errors included."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=CLIENT_TIMEOUT) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def assert_swedish_503(status, headers, text):
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/html")
    page = BeautifulSoup(text, "html.parser")
    assert page.find("html")["lang"] == "sv"
    assert page.find("h1").get_text() == "Webbplatsen är tillfälligt otillgänglig"
    assert "Försök igen om en stund" in page.get_text()
    assert "Traceback" not in text and "OperationalError" not in text


def registrations(cluster):
    with psycopg.connect(cluster.url(), autocommit=True) as db:
        table = EventRegistration._meta.db_table
        return db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608


def test_a_stopped_database_gives_a_swedish_503_and_the_site_recovers_by_itself(cluster, site):
    assert fetch(site.url + "/")[0] == 200
    assert fetch(site.url + site.event_url)[0] == 200
    cluster.stop()
    try:
        for path in ["/", site.event_url, "/sok/?q=skola"]:
            assert_swedish_503(*fetch(site.url + path))
        status, headers, text = fetch(site.url + "/readyz")
        assert (status, json.loads(text)) == (
            503,
            {"status": "unavailable", "database": "unavailable", "cache": "ok"},
        )
        assert fetch(site.url + "/healthz")[:1] == (200,)
    finally:
        cluster.start()
    status, _, text = fetch(site.url + "/")
    assert status == 200 and "Föräldrarådgivning" in text
    assert fetch(site.url + "/readyz")[0] == 200

    # The log said what happened, one JSON object per line (gunicorn's own lines too), with
    # the request's id.
    site.log.seek(0)
    entries = [json.loads(line) for line in site.log]
    assert any(entry["logger"] == "gunicorn.error" for entry in entries)
    refused = [entry for entry in entries if entry.get("status") == 503]
    assert refused and all(entry["request_id"] for entry in refused)
    assert any(entry["logger"] == "portal.request" for entry in refused)


def test_a_sign_up_in_flight_when_the_database_stops_is_refused_and_leaves_nothing(cluster, site):
    page = BeautifulSoup(fetch(site.url + site.event_url)[2], "html.parser")
    token = page.find("input", attrs={"name": TOKEN_FIELD})["value"]
    form = {TOKEN_FIELD: token, "namn": "Anna Andersson", "e_post": "anna@example.org"}
    headers = {"Origin": site.url}
    answers = {}

    # Hold the event's row lock, so the sign-up waits inside its transaction; then stop the
    # database under it.
    holder = psycopg.connect(cluster.url())
    table = "events_eventpage"
    holder.execute(f"SELECT 1 FROM {table} WHERE page_ptr_id = %s FOR UPDATE", [site.event_id])  # noqa: S608
    sender = threading.Thread(
        target=lambda: answers.update(post=fetch(site.url + site.event_url, form, headers))
    )
    sender.start()
    with psycopg.connect(cluster.url(), autocommit=True) as watcher:
        deadline = time.monotonic() + 15
        while not watcher.execute(
            "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        ).fetchone():
            assert time.monotonic() < deadline, "the sign-up never reached the row lock"
            time.sleep(0.05)
    cluster.stop()
    try:
        sender.join(CLIENT_TIMEOUT)
        assert_swedish_503(*answers["post"])
    finally:
        holder.close()
        cluster.start()

    assert registrations(cluster) == 0
    # Nothing of the refused sign-up is left, not even its one-time token: the same form
    # sent again is saved, once.
    status, _, receipt = fetch(site.url + site.event_url, form, headers)
    assert status == 200 and "Du har en plats på Föräldraträff" in receipt
    assert registrations(cluster) == 1


@pytest.mark.parametrize(
    ("error", "status", "heading"),
    [
        (InterfaceError("connection already closed"), 503, "tillfälligt otillgänglig"),
        (OperationalError("could not connect"), 503, "tillfälligt otillgänglig"),
        (RuntimeError("a bug"), 500, "Något gick fel"),
    ],
)
def test_only_database_errors_get_the_503_page(home_page, monkeypatch, error, status, heading):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(type(home_page.specific), "serve", fail)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == status
    assert heading in response.content.decode()
    assert ("Retry-After" in response.headers) is (status == 503)
