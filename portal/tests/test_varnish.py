"""A real Varnish (Debian's varnishd, deploy/varnish/default.vcl) in front of a live server: a
page comes from Varnish the second time, and a publication is seen through it at once."""

import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

from django.conf import settings as django_settings

import pytest

from advice.tests.factories import GuidancePageFactory
from portal.forms_protection import FormGuard
from portal.models import ContactSettings
from portal.processes import free_port, stop, wait_for_port

TOKEN = re.compile(r'name="form-token" value="([^"]+)"')
VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"


@pytest.fixture
def varnish(live_server, tmp_path):
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    port = free_port()
    process = subprocess.Popen(
        [
            "/usr/sbin/varnishd",
            "-F",
            # No privilege separation: the test may run as root with a private temp dir.
            "-j",
            "none",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
        shutil.rmtree(tmp_path / "varnish", ignore_errors=True)


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers, response.read().decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publication_is_seen_through_varnish_at_once(hub, varnish, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    # A sensitive page carries no form, so it may be shared by the proxy.
    page = GuidancePageFactory(parent=hub, title="Placerade barn", sensitive=True)
    page.save_revision().publish()
    url = varnish + page.url

    first_headers, first = _get(url)
    second_headers, second = _get(url)
    assert "Placerade barn" in second
    assert "public" in second_headers["Cache-Control"]
    # From Varnish: two transaction ids (this request and the one that stored it), an age.
    assert len(second_headers["X-Varnish"].split()) == 2
    assert int(second_headers["Age"]) >= 0

    page.title = "Barn som bor i familjehem"
    page.save_revision().publish()
    headers, text = _get(url)
    assert "Barn som bor i familjehem" in text
    assert len(headers["X-Varnish"].split()) == 1  # fetched from the app again

    # A page with a form: shared by Varnish, each view with a fresh token of its own (ESI).
    form_page = GuidancePageFactory(parent=hub, title="Skolfrånvaro")
    form_page.save_revision().publish()
    _get(varnish + form_page.url)
    headers, first = _get(varnish + form_page.url)
    _, second = _get(varnish + form_page.url)
    assert len(headers["X-Varnish"].split()) == 2
    assert headers["Cache-Control"] == "private, no-cache"
    tokens = [TOKEN.search(text).group(1) for text in (first, second)]
    assert tokens[0] != tokens[1]
    assert "esi:" not in first
    signer = FormGuard("feedback.answer")._signer(form_page.pk)
    assert all(signer.unsign(token) for token in tokens)

    # Site settings are on every page: the proxy drops everything (BAN).
    _get(url)
    contact = ContactSettings.for_site(hub.get_site())
    contact.phone = "070-174 06 77"
    contact.save()
    headers, text = _get(url)
    assert "070-174 06 77" in text
    assert len(headers["X-Varnish"].split()) == 1
