"""The CSS and JavaScript a first visit downloads stay small: what the start page links, with
JavaScript on, under 20 KB compressed together (README, "Static files"). Measured on the
files as whitenoise serves them: gzip at level 9 and brotli, as its compression does."""

import gzip

from django.contrib.staticfiles import finders

import brotli
from bs4 import BeautifulSoup

BUDGET = 20 * 1024


def linked_files(html):
    soup = BeautifulSoup(html, "html.parser")
    urls = [link["href"] for link in soup.select('link[rel="stylesheet"][href]')]
    urls += [script["src"] for script in soup.select("script[src]")]
    return [url.removeprefix("/static/") for url in urls]


def test_the_start_page_downloads_under_20_kb_of_css_and_javascript(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    files = linked_files(response.content.decode())
    assert "css/main.css" in files
    assert any(name.endswith(".js") for name in files)
    sizes = {}
    for name in files:
        path = finders.find(name)
        assert path, f"{name} is linked but is not a static file of ours"
        with open(path, "rb") as source:
            content = source.read()
        sizes[name] = (len(gzip.compress(content, 9)), len(brotli.compress(content)))
    gzipped = sum(size for size, _ in sizes.values())
    brotlied = sum(size for _, size in sizes.values())
    # Browsers that accept brotli get it; the rest get gzip, which must fit too.
    assert brotlied <= gzipped <= BUDGET, sizes
