"""Several app servers behind one address keep no state of their own: two gunicorn servers
with the production settings and gunicorn.conf.py, against one PostgreSQL database and
one Redis (started here on a spare port), share sessions, the cache and what is published. An
editor's change through one is what the other serves at once, and the background work it
causes waits in the database queue for the task worker (`db_worker`)."""

import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django_tasks_db.models import DBTaskResult

from editorial.tests.admin_browser import PASSWORD, give_password
from home.tests.factories import StandardPageFactory
from portal.processes import free_port, stop, wait_for_url, wait_until

BASE_DIR = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A Redis of our own on a spare port, without persistence (never the shared 6379)."""
    port = free_port()
    log = open(tmp_path_factory.mktemp("redis") / "redis.log", "w+")  # noqa: SIM115
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def ping():
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            if not sock.recv(16).startswith(b"+PONG"):
                raise OSError("no PONG")

    try:
        wait_until(ping, server, log, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(server, signal.SIGINT)  # redis-server's quick shutdown
        log.close()


@pytest.fixture(scope="module")
def app_servers(django_db_setup, production_static, redis_url, tmp_path_factory):
    """Two gunicorn servers (one worker each) with the production settings, one database,
    one Redis."""
    from django.db import connection

    db = connection.settings_dict
    media = tmp_path_factory.mktemp("shared-media")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "app-servers-test-only-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "0",
        "REDIS_URL": redis_url,
        # Wagtail's tasks (search and reference index) wait in the database for the worker.
        "TASKS_BACKEND": "database",
        "STATIC_ROOT": str(production_static),
        "MEDIA_ROOT": str(media),
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
    }
    servers, logs = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = open(tmp_path_factory.getbasetemp() / f"app-{name}.log", "w+")  # noqa: SIM115
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
                + ["--bind", f"127.0.0.1:{port}", "portal.wsgi"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            servers.append(process)
            logs.append(log)
            url = f"http://localhost:{port}"
            wait_for_url(url + "/robots.txt", process, log)
        yield SimpleNamespace(
            urls=[f"http://localhost:{port}" for port in _ports(servers)], env=env
        )
    finally:
        for process in servers:
            stop(process, signal.SIGINT)  # gunicorn's quick shutdown
        for log in logs:
            log.close()


def _ports(servers):
    # The port is the last argument of --bind.
    return [process.args[process.args.index("--bind") + 1].rsplit(":", 1)[1] for process in servers]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies by hand: the production cookies are Secure, which urllib keeps from plain
    HTTP; a browser sends them to localhost."""

    def __init__(self):
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, url, data=None):
        request = urllib.request.Request(url, data=urlencode(data).encode() if data else None)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode()


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_change_through_one_server_is_served_by_the_other_at_once(
    app_servers, home_page, superuser
):
    server_a, server_b = app_servers.urls
    page = StandardPageFactory(parent=home_page, title="Öppettider i sommar", slug="sommar")
    give_password(superuser)
    visitor = Browser()
    for server in (server_a, server_b):  # both render it, and cache it where there is a cache
        status, html = visitor.request(server + "/sommar/")
        assert status == 200
        assert "Öppettider i sommar" in html

    # An editor logs in on server A; the session lives in the database, so B knows it too.
    editor = Browser()
    _status, html = editor.request(server_a + "/admin/login/")
    status, _html = editor.request(
        server_a + "/admin/login/",
        {"username": "admin", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(html)},
    )
    assert status == 302
    status, html = editor.request(server_b + "/admin/")
    assert status == 200
    assert "Instrumentpanel" in html or "Dashboard" in html

    # The editor unpublishes the page through server A ...
    _status, html = editor.request(f"{server_a}/admin/pages/{page.pk}/unpublish/")
    status, _html = editor.request(
        f"{server_a}/admin/pages/{page.pk}/unpublish/",
        {"csrfmiddlewaretoken": csrf_token(html)},
    )
    assert status == 302
    page.refresh_from_db()
    assert not page.live

    # ... and visitors of either server no longer get it.
    for server in (server_b, server_a):
        status, html = visitor.request(server + "/sommar/")
        assert status == 404
        assert "Öppettider i sommar" not in html

    # The servers left Wagtail's index updates to the worker; `db_worker` works them off.
    queued = DBTaskResult.objects.filter(backend_name="default")
    assert queued.exists()
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=BASE_DIR,
        env=app_servers.env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert {task.status for task in queued.all()} == {"SUCCESSFUL"}
