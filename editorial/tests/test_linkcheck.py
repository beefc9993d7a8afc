"""Links that rot: the daily check finds the external links of published pages, checks them
against a local HTTP server (never the internet), remembers the broken ones, and the report
shows them to the editors who may fix them."""

import csv
import http.server
import io
import socket
import threading
import time

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page

import pytest

from advice.models import GuidancePage
from advice.tests.factories import GuidancePageFactory
from editorial import linkcheck
from editorial.models import BrokenLink
from home.tests.factories import StandardPageFactory


class LinkServer(http.server.ThreadingHTTPServer):
    """/ok 200, /gone 404 (until told otherwise), /no-head refuses HEAD, /redirect → /ok,
    /slow answers after a second. Records each request it gets."""

    gone_status = 404
    requests = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class LinkHandler(http.server.BaseHTTPRequestHandler):
    def answer(self, method):
        server = self.server
        server.requests.append((method, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/gone":
            self.send_response(server.gone_status)
        elif self.path == "/no-head":
            self.send_response(405 if method == "HEAD" else 200)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif self.path == "/slow":
            time.sleep(1)
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.answer("HEAD")

    def do_GET(self):
        self.answer("GET")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = LinkServer(("127.0.0.1", 0), LinkHandler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    """A port on loopback where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch, settings):
    """No request may leave the machine, and every wait is short."""
    create_connection = socket.create_connection

    def guarded(address, *args, **kwargs):
        assert address[0] in {"127.0.0.1", "localhost"}, f"outside request to {address}"
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    settings.LINKCHECK_TIMEOUT = 0.5
    settings.LINKCHECK_WORKERS = 4


def paragraph(*hrefs):
    return ("paragraph", "<p>" + " ".join(f'<a href="{h}">länk</a>' for h in hrefs) + "</p>")


def publish(page, user):
    page.save_revision(user=user).publish()
    return page


def clear_responsible(page):
    # The report falls back to the last editor only when the page names no one.
    page.responsible_user = page.responsible_group = None


@pytest.fixture
def pages(hub, server, communicator, closed_port):
    base = server.base
    first = GuidancePageFactory(
        parent=hub,
        title="Skolfrånvaro",
        body=[
            paragraph(f"{base}/ok", f"{base}/gone", f"{base}/no-head", f"{base}/redirect"),
            # Internal links are never checked: a page link, an absolute link to this site,
            # an anchor, e-mail and phone.
            (
                "paragraph",
                f'<p><a linktype="page" id="{hub.pk}">Hubben</a> '
                '<a href="http://testserver/kontakt/">Kontakt</a> <a href="#mer">Mer</a> '
                '<a href="mailto:a@example.org">E-post</a> <a href="tel:+46701740605">Ring</a></p>',
            ),
        ],
    )
    second = GuidancePageFactory(
        parent=hub,
        title="Placerade barn",
        body=[paragraph(f"{base}/ok", f"{base}/gone#avsnitt", f"http://127.0.0.1:{closed_port}/")],
    )
    draft = GuidancePageFactory(
        parent=hub, title="Utkast", live=False, body=[paragraph(f"{base}/unpublished")]
    )
    for page in (first, second):
        clear_responsible(page)
        publish(page, communicator)
    return {"first": first, "second": second, "draft": draft}


def run(*args):
    out = io.StringIO()
    call_command("check_links", *args, stdout=out)
    return out.getvalue()


def rows():
    return {
        (link.page_id, link.url): (link.status_code, link.error)
        for link in BrokenLink.objects.all()
    }


@pytest.mark.django_db
def test_broken_links_are_found_once_and_fixed_links_go_away(pages, server, closed_port):
    first, second, base = pages["first"], pages["second"], server.base

    output = run()

    refused = str(linkcheck.ERROR_REFUSED)
    assert rows() == {
        (first.pk, f"{base}/gone"): (404, ""),
        (second.pk, f"{base}/gone"): (404, ""),
        (second.pk, f"http://127.0.0.1:{closed_port}/"): (None, refused),
    }
    assert "Kontrollerade 5 länkar" in output
    assert "Trasiga: 3 (nya: 3)" in output

    requested = [(method, path) for method, path, _agent in server.requests]
    # Each address once per run, HEAD first, GET where HEAD fails; fragments are not sent.
    assert requested.count(("HEAD", "/ok")) == 2  # once itself, once after /redirect
    assert requested.count(("HEAD", "/gone")) == 1
    assert ("GET", "/no-head") in requested
    assert ("HEAD", "/redirect") in requested
    assert ("GET", "/redirect") not in requested  # HEAD stays HEAD after a redirect
    assert not [path for _method, path in requested if path == "/unpublished"]
    assert all("portal-linkcheck" in agent for _m, _p, agent in server.requests)

    # Still broken the next day: first_seen stays, last_checked moves.
    seen = dict(BrokenLink.objects.values_list("url", "first_seen"))
    checked = BrokenLink.objects.get(page=first).last_checked
    run()
    assert dict(BrokenLink.objects.values_list("url", "first_seen")) == seen
    assert BrokenLink.objects.get(page=first).last_checked > checked

    # The site behind /gone is back: its rows go away, the other stays.
    server.gone_status = 200
    output = run()
    assert rows() == {(second.pk, f"http://127.0.0.1:{closed_port}/"): (None, refused)}
    assert "Lagade: 2" in output


@pytest.mark.django_db
def test_a_link_removed_from_the_page_or_an_unpublished_page_leaves_the_report(
    pages, server, communicator
):
    first, second, base = pages["first"], pages["second"], server.base
    run()
    assert BrokenLink.objects.filter(page=second).count() == 2

    second.body = [paragraph(f"{base}/ok")]
    publish(second, communicator)
    first.unpublish()
    output = run()

    assert not BrokenLink.objects.exists()
    assert "Borttagna från sidorna: 3" in output


@pytest.mark.django_db
def test_dry_run_checks_and_lists_but_saves_nothing(pages, server):
    output = run("--dry-run")

    assert not BrokenLink.objects.exists()
    assert f"Skolfrånvaro (sida {pages['first'].pk}): {server.base}/gone – 404" in output
    assert "Provkörning: inget sparades." in output


@pytest.mark.django_db
def test_when_no_link_answers_at_all_nothing_is_saved(hub, communicator, closed_port):
    # Our own network down would otherwise make every link on the site look broken.
    dead = f"http://127.0.0.1:{closed_port}"
    page = GuidancePageFactory(parent=hub, body=[paragraph(f"{dead}/a", f"{dead}/b", f"{dead}/c")])
    publish(page, communicator)

    with pytest.raises(CommandError, match="Ingen länk svarade"):
        run()
    assert not BrokenLink.objects.exists()


def test_timeouts_and_refusals_get_a_short_swedish_explanation(server, closed_port):
    results = linkcheck.check_urls(
        [f"{server.base}/slow", f"http://127.0.0.1:{closed_port}/", f"{server.base}/ok"],
        timeout=0.3,
    )

    assert results[f"{server.base}/slow"] == linkcheck.CheckResult(
        error=str(linkcheck.ERROR_TIMEOUT)
    )
    assert results[f"http://127.0.0.1:{closed_port}/"].error == str(linkcheck.ERROR_REFUSED)
    assert results[f"{server.base}/ok"] == linkcheck.CheckResult(status_code=200)
    assert not results[f"{server.base}/ok"].broken


def test_only_external_http_links_inside_main_are_collected():
    html = (
        '<header><a href="https://elsewhere.example/header">x</a></header>'
        '<main><a href="https://example.org/a?b=1&amp;c=2#frag">a</a>'
        '<a href="/intern">b</a><a href="//example.net/p">c</a>'
        '<a href="https://testserver/x">d</a><a href="ftp://example.org/f">e</a></main>'
        '<footer><a href="https://elsewhere.example/footer">y</a></footer>'
    )
    hosts = {("testserver", 80)}
    urls = {
        linkcheck.external_url(href, "https://testserver/sida/", hosts)
        for href in linkcheck.links_in_main(html)
    }
    assert urls == {"https://example.org/a?b=1&c=2", "https://example.net/p", None}


# --- The report ------------------------------------------------------------------------------


REPORT = "editorial_broken_links"


@pytest.fixture
def checked(pages, server, communicator):
    communicator.first_name, communicator.last_name = "Kim", "Kommunikatör"
    communicator.save()
    run()
    return pages


@pytest.mark.django_db
def test_the_report_lists_page_link_problem_and_editor(client, superuser, checked, server):
    client.force_login(superuser)

    response = client.get(reverse(REPORT))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Trasiga länkar" in html
    assert "Skolfrånvaro" in html and "Placerade barn" in html
    assert reverse("wagtailadmin_pages:edit", args=[checked["first"].pk]) in html
    assert f"{server.base}/gone" in html
    assert "404 – sidan finns inte" in html
    assert str(linkcheck.ERROR_REFUSED) in html
    assert "Kim Kommunikatör" in html
    assert html.count("data-broken-link") == 3
    # The report is in the Reports menu.
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_the_report_names_the_responsible_user_and_group(client, superuser, checked):
    page = GuidancePage.objects.get(pk=checked["first"].pk)
    page.responsible_user = superuser
    page.responsible_group = Group.objects.get(name="Granskare")
    page.save()
    superuser.first_name, superuser.last_name = "Ansvarig", "Redaktör"
    superuser.save()
    client.force_login(superuser)

    html = client.get(reverse(REPORT)).content.decode()

    assert "Ansvarig Redaktör / Granskare" in html
    assert "Kim Kommunikatör" in html  # the other page still falls back to its last editor


@pytest.mark.django_db
def test_the_report_exports_csv(client, superuser, checked, server):
    client.force_login(superuser)

    response = client.get(reverse(REPORT), {"export": "csv"})

    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0][:5] == ["Sida", "Redigera sidan", "Länk", "Fel", "Ansvarig"]
    assert [
        "Skolfrånvaro",
        f"{server.base}/gone",
        "404 – sidan finns inte",
        "Kim Kommunikatör",
    ] in [[row[0], row[2], row[3], row[4]] for row in table[1:]]
    assert table[1][1].startswith("http://testserver/admin/pages/")
    assert len(table) == 4


@pytest.mark.django_db
def test_editors_see_only_pages_they_may_edit(
    client, django_user_model, home_page, checked, advisor_editor
):
    outside = StandardPageFactory(parent=home_page, title="Om oss")
    BrokenLink.objects.create(page=outside, url="https://example.org/borta", status_code=404)

    # Föräldrarådgivare edit the guidance section only.
    client.force_login(advisor_editor)
    html = client.get(reverse(REPORT)).content.decode()
    assert "Skolfrånvaro" in html
    assert "Om oss" not in html

    # Someone with the admin but no page to edit gets no report at all: Wagtail answers a
    # refused admin view with a redirect to the dashboard and an error message.
    reader = django_user_model.objects.create_user(username="lasare", password="password")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    response = client.get(reverse(REPORT))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert client.get(reverse(REPORT), {"export": "csv"}).status_code == 302
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_the_report_costs_the_same_queries_for_few_and_many_rows(
    client, superuser, home_page, hub, communicator, reviewer
):
    def add_pages(count):
        for n in range(count):
            # Two page types, so the responsible people come from two tables.
            if n % 2:
                page = GuidancePageFactory(parent=hub)
            else:
                page = StandardPageFactory(parent=home_page)
            clear_responsible(page)
            publish(page, communicator if n % 2 else reviewer)
            BrokenLink.objects.create(page=page, url=f"https://example.org/{n}", status_code=404)

    client.force_login(superuser)
    add_pages(2)
    client.get(reverse(REPORT))  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(REPORT)).status_code == 200

    add_pages(20)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(REPORT))
    assert response.content.decode().count("data-broken-link") == 22
    assert len(many) == len(few)


def test_every_page_of_the_demo_site_is_read_for_links(demo_site):

    collected = linkcheck.collect_links()

    assert not collected.failed
    live = Page.objects.live().public().filter(depth__gt=2)
    assert set(collected.by_page) >= set(live.values_list("pk", flat=True))
    read_types = {page.specific_class for page in collected.pages.values()}
    assert {page.specific_class for page in live} <= read_types
    for urls in collected.by_page.values():
        assert all(url.startswith(("http://", "https://")) for url in urls)
