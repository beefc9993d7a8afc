"""`make bench`: the large site (`seed_demo`, then `seed_bench`) served by gunicorn with the
production settings, loaded with wrk, uncached, cached in the app and through Varnish, each
next to its ceiling: the same bytes as a static file from the same gunicorn (whitenoise), and
from nginx for Varnish. Writes the table to .cache/bench/results.md and prints it.

A benchmark, not a test: run it with the production settings (the Makefile sets them) against
a database of its own (`portal_bench`)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from io import StringIO
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page

from advice.models import AdvisorDirectoryPage, GuidancePage, School
from demo.benchmark import Row, parse_wrk, table
from news.models import NewsIndexPage
from portal import processes
from portal.processes import DidNotStart, free_port, wait_for_url

BASE_DIR = Path(settings.BASE_DIR)
VCL = BASE_DIR / "deploy" / "varnish" / "default.vcl"
VCL_BACKEND = 'backend default { .host = "127.0.0.1"; .port = "8000"; }'
GUNICORN_CONF = BASE_DIR / "gunicorn.conf.py"
CEILINGS = {
    "utan cache": "gunicorn: samma byte som statisk fil",
    "cache i appen": "gunicorn: samma byte som statisk fil",
    "Varnish": "nginx: samma byte som fil",
}


def wait_for(url, process, log, seconds=60):
    try:
        wait_for_url(url, process, log, seconds)
    except DidNotStart as error:
        raise CommandError(str(error)) from None


def fetch(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def stop(process):
    processes.stop(process, seconds=15)


class Command(BaseCommand):
    help = "Mäter webbplatsen under last (make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--duration", default="5s", help="each wrk run (default 5s)")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--output", type=Path, default=BASE_DIR / ".cache/bench/results.md")

    def handle(self, *args, **options):
        if settings.DEBUG:
            raise CommandError("Run the benchmark with the production settings (make bench).")
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL (set DATABASE_URL).")
        if not shutil.which("wrk"):
            raise CommandError("wrk is missing: apt-get install wrk (make bench installs it).")
        self.options = options
        self.work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
        self.work.chmod(0o755)  # nginx's and Varnish's workers read from here
        started = time.monotonic()
        try:
            self.seed()
            self.collect_static()
            pages = self.pages()
            rows = self.measure(pages)
        finally:
            shutil.rmtree(self.work, ignore_errors=True)
        result = table(rows, CEILINGS)
        header = (
            f"# make bench\n\n{Page.objects.count() - 1} sidor, gunicorn med 2 arbetare, "
            f"wrk {options['threads']} trådar, {options['connections']} anslutningar, "
            f"{options['duration']} per mätning; {os.cpu_count()} kärnor; "
            f"{time.monotonic() - started:.0f} s totalt.\n\n"
        )
        options["output"].parent.mkdir(parents=True, exist_ok=True)
        options["output"].write_text(header + result)
        self.stdout.write(header + result)
        self.stdout.write(f"Skrivet till {options['output']}")

    # The site -----------------------------------------------------------------------------

    def seed(self):
        if Page.objects.filter(slug__startswith="bench-").exists():
            self.stdout.write("Den stora webbplatsen finns redan (bench-sidor); fyller inte på.")
            return
        self.stdout.write("Bygger demowebbplatsen och fyller på till 10 000 sidor …")
        call_command("seed_demo", force=True, stdout=StringIO())
        call_command("seed_bench", force=True, stdout=self.stdout)

    def collect_static(self):
        self.stdout.write(f"collectstatic till {settings.STATIC_ROOT} …")
        call_command("collectstatic", interactive=False, verbosity=0)

    def pages(self):
        """The five addresses, and each page's bytes and SQL queries rendered in-process."""
        guidance = (
            GuidancePage.objects.live().filter(locale__language_code="sv", slug="narvarotrappan")
            or GuidancePage.objects.live().filter(locale__language_code="sv")
        ).first()
        directory = AdvisorDirectoryPage.objects.live().filter(locale__language_code="sv").first()
        school = School.objects.filter(area__isnull=False).order_by("name").first()
        news = NewsIndexPage.objects.live().filter(locale__language_code="sv").first()
        search = reverse("sitesearch:search")
        pages = {
            "startsidan": "/",
            "vägledning": guidance.url,
            "nyhetsarkivet": news.url,
            "rådgivarsök": f"{directory.url}?skola={school.slug}",
            "sök": f"{search}?q={quote('skolfrånvaro')}",
        }
        client = Client()
        measured = {}
        for name, path in pages.items():
            with override_settings(PAGE_CACHE_SECONDS=0):
                uncached = _count(client, path)
            _count(client, path)  # fills the page cache, where there is one
            cached = _count(client, path)
            measured[name] = {"path": path, "uncached": uncached, "cached": cached}
        return measured

    # The measurements --------------------------------------------------------------------

    def wrk(self, url, drain=True):
        command = [
            "wrk",
            f"-t{self.options['threads']}",
            f"-c{self.options['connections']}",
            f"-d{self.options['duration']}",
            "--timeout",
            "10s",
            "--latency",
            url,
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        # gunicorn still works off what wrk left queued when it stopped; the next run must not
        # wait behind that, so wait until the server answers again.
        if drain:
            origin = url.split("/", 3)
            fetch(f"{origin[0]}//{origin[2]}/robots.txt", timeout=120)
        return parse_wrk(output)

    def gunicorn(self, port, **env):
        log = self.work / f"gunicorn-{port}.log"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(GUNICORN_CONF),
                "--bind",
                f"127.0.0.1:{port}",
                "portal.wsgi",
            ],
            cwd=BASE_DIR,
            env={
                **os.environ,
                "WEB_CONCURRENCY": "2",
                "LOG_LEVEL": "WARNING",
                **env,
            },
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for(f"http://127.0.0.1:{port}/robots.txt", process, log)
        return process

    def measure(self, pages):
        base = {}
        static = Path(settings.STATIC_ROOT) / "bench"
        static.mkdir(parents=True, exist_ok=True)
        rows = []
        # Uncached: every request renders the page. The ceiling is the same bytes as a static
        # file from the same gunicorn (whitenoise), measured in the same run.
        port = free_port()
        server = self.gunicorn(port, PAGE_CACHE_SECONDS="0")
        try:
            for name, page in pages.items():
                url = f"http://127.0.0.1:{port}{page['path']}"
                body = fetch(url)
                page["body"] = body
                (static / f"{_file(name)}.html").write_bytes(body)
            # whitenoise lists STATIC_ROOT when it starts: restart to serve the new files.
            stop(server)
            server = self.gunicorn(port, PAGE_CACHE_SECONDS="0")
            # The ceilings first: a slow page leaves requests queued behind it.
            for name in pages:
                self.stdout.write(f"{name}: tak …")
                base[name] = self.wrk(f"http://127.0.0.1:{port}/static/bench/{_file(name)}.html")
            for name, page in pages.items():
                self.stdout.write(f"{name}: utan cache …")
                run = self.wrk(f"http://127.0.0.1:{port}{page['path']}")
                rows.append(
                    Row(name, "utan cache", run, base[name], len(page["body"]), page["uncached"])
                )
                rows[-1].ceiling_size = len(page["body"])
        finally:
            stop(server)
        # Cached in the app (PAGE_CACHE_SECONDS at its default), then Varnish in front of it.
        server = self.gunicorn(port)
        try:
            for name, page in pages.items():
                self.stdout.write(f"{name}: cache i appen …")
                url = f"http://127.0.0.1:{port}{page['path']}"
                size = len(fetch(url))
                run = self.wrk(url)
                rows.append(Row(name, "cache i appen", run, base[name], size, page["cached"]))
                rows[-1].ceiling_size = len(page["body"])
            rows.extend(self.through_varnish(pages, port))
        finally:
            stop(server)
        order = ["utan cache", "cache i appen", "Varnish"]
        return sorted(rows, key=lambda row: (list(pages).index(row.page), order.index(row.mode)))

    def through_varnish(self, pages, app_port):
        missing = []
        if not VCL.exists():
            missing.append(f"{VCL.relative_to(BASE_DIR)} saknas")
        for program in ("varnishd", "nginx"):
            if not shutil.which(program) and not Path(f"/usr/sbin/{program}").exists():
                missing.append(f"{program} saknas (apt-get install varnish nginx)")
        if missing:
            note = "hoppades över: " + ", ".join(missing)
            self.stdout.write(f"Varnish: {note}")
            return [Row(name, "Varnish", None, None, 0, None, note=note) for name in pages]
        vcl_text = VCL.read_text()
        if VCL_BACKEND not in vcl_text:
            note = f"hoppades över: backend-raden {VCL_BACKEND!r} finns inte i VCL-filen"
            return [Row(name, "Varnish", None, None, 0, None, note=note) for name in pages]
        vcl = self.work / "bench.vcl"
        vcl.write_text(vcl_text.replace('.port = "8000"', f'.port = "{app_port}"'))
        vcl.chmod(0o644)
        varnish_port, nginx_port = free_port(), free_port()
        varnish = self.varnish(vcl, varnish_port)
        nginx = self.nginx(pages, nginx_port)
        rows = []
        try:
            for name, page in pages.items():
                self.stdout.write(f"{name}: Varnish och nginx …")
                url = f"http://127.0.0.1:{varnish_port}{page['path']}"
                fetch(url)  # a miss, then hits
                with urllib.request.urlopen(url, timeout=30) as response:
                    size = len(response.read())
                    # A hit names two requests in X-Varnish (this one and the one that filled
                    # the cache) and costs the app nothing; a miss or a pass costs what the
                    # cached app costs.
                    hit = len(response.headers.get("X-Varnish", "").split()) == 2
                ceiling = self.wrk(f"http://127.0.0.1:{nginx_port}/{_file(name)}.html", drain=False)
                run = self.wrk(url)
                rows.append(
                    Row(
                        name,
                        "Varnish",
                        run,
                        ceiling,
                        size,
                        0 if hit else page["cached"],
                        len(page["body"]),
                        note="" if hit else "nginx: samma byte som fil; Varnish cachade inte sidan",
                    )
                )
        finally:
            stop(varnish)
            stop(nginx)
        return rows

    def varnish(self, vcl, port):
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        log = self.work / "varnish.log"
        process = subprocess.Popen(
            [
                varnishd,
                "-F",
                "-n",
                str(self.work / "varnish"),
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,256m",
                "-T",
                "none",
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for(f"http://127.0.0.1:{port}/robots.txt", process, log)
        return process

    def nginx(self, pages, port):
        root = self.work / "nginx-root"
        root.mkdir()
        for name, page in pages.items():
            (root / f"{_file(name)}.html").write_bytes(page["body"])
        root.chmod(0o755)
        conf = self.work / "nginx.conf"
        conf.write_text(
            f"worker_processes 2;\ndaemon off;\npid {self.work}/nginx.pid;\n"
            f"error_log {self.work}/nginx-error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n  access_log off;\n  default_type text/html;\n"
            f"  client_body_temp_path {self.work}/nginx-body;\n"
            f"  proxy_temp_path {self.work}/nginx-proxy;\n"
            f"  fastcgi_temp_path {self.work}/nginx-fastcgi;\n"
            f"  uwsgi_temp_path {self.work}/nginx-uwsgi;\n"
            f"  scgi_temp_path {self.work}/nginx-scgi;\n"
            f"  server {{ listen 127.0.0.1:{port}; root {root}; }}\n}}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        log = self.work / "nginx.log"
        process = subprocess.Popen(
            [nginx, "-c", str(conf), "-p", str(self.work)],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        first = _file(next(iter(pages)))
        wait_for(f"http://127.0.0.1:{port}/{first}.html", process, log)
        return process


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST="localhost")
    if response.status_code != 200:
        raise CommandError(f"{path} answered {response.status_code}")
    return len(queries)


def _file(name):
    return name.replace("å", "a").replace("ä", "a").replace("ö", "o")
