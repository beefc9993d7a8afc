"""Restructuring must not move anything a visitor (or a search engine, or a feed reader) has
found: every address of the demo site as it was before the code was reorganised still
answers, and the sitemap still lists every page it listed then. The list was taken from the
sitemap and the routes of the seeded demo site before the change (data/demo_site_urls.txt)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

BEFORE = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "demo_site_urls.txt").read_text().splitlines()
    if line.strip()
]


def test_every_address_of_the_demo_site_still_answers(client, demo_site):
    failing = [
        (path, status)
        for path in BEFORE
        if (status := client.get(path, HTTP_HOST="localhost").status_code) != 200
    ]
    assert not failing

    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    listed = {urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    pages = {path for path in BEFORE if path.endswith("/") and "/api/" not in path}
    routes = {"/kalender/tidigare/", "/kalender/ical/", "/aktuellt/rss/", "/aktuellt/atom/"}
    assert pages - routes <= listed, sorted(pages - routes - listed)
