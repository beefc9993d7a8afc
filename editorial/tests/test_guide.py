"""The editor guide in the admin: reached from the Help menu instead of Wagtail's English guide,
every chapter renders, nothing but the chapter files can be served, only editors get in, and
every block and role is explained."""

import json

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from advice.blocks import ContentStreamBlock
from editorial import roles
from editorial.guide import GUIDE_DIR, chapters, get_chapter, render_markdown

GUIDE_URL = "/admin/guide/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def help_menu_items(response):
    """The items of the Help menu, from the sidebar's props in the admin HTML."""
    props = json.loads(soup(response).find("script", id="wagtail-sidebar-props").string)
    found = []

    def walk(value):
        if isinstance(value, dict):
            # A submenu is packed as {"_type": "wagtail.sidebar.SubMenuItem",
            # "_args": [{"name": "help", ...}, [item, ...]]}.
            args = value.get("_args") or [{}]
            if value.get("_type") == "wagtail.sidebar.SubMenuItem" and args[0]["name"] == "help":
                found.extend(item["_args"][0] for item in args[1])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return found


def headings(html, levels=("h2",)):
    return [h.get_text(" ", strip=True) for h in html.find_all(levels)]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["superuser", "communicator", "advisor_editor", "course_admin"])
def test_the_help_menu_opens_our_guide_instead_of_wagtails(client, request, role):
    client.force_login(request.getfixturevalue(role))
    items = help_menu_items(client.get(reverse("wagtailadmin_home")))
    guide = [item for item in items if item["label"] == "Redaktörsguide"]
    assert [item["url"] for item in guide] == [GUIDE_URL]
    # Wagtail's English guide and its release notes on wagtail.org are gone.
    assert not [item for item in items if "wagtail.org" in item.get("url", "")]
    assert not [item for item in items if item["name"].startswith(("editor-guide", "whats-new"))]


@pytest.mark.django_db
def test_the_index_lists_every_chapter_in_order(client, communicator):
    client.force_login(communicator)
    response = client.get(GUIDE_URL)
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == "Redaktörsguide"
    listed = [(a.get_text(strip=True), a["href"]) for a in html.select("main ol h2 a")]
    assert listed == [(chapter.title, chapter.url) for chapter in chapters()]
    assert len(listed) >= 10


def test_every_markdown_file_is_a_chapter():
    files = sorted(path.name for path in GUIDE_DIR.glob("*.md"))
    assert files == sorted(chapter.filename for chapter in chapters())
    assert len({chapter.slug for chapter in chapters()}) == len(files)


@pytest.mark.django_db
@pytest.mark.parametrize("chapter", chapters(), ids=lambda chapter: chapter.slug)
def test_every_chapter_renders_with_its_heading(client, communicator, chapter):
    client.force_login(communicator)
    response = client.get(f"{GUIDE_URL}{chapter.slug}/")
    assert response.status_code == 200
    html = soup(response)
    assert [h.get_text(strip=True) for h in html.find_all("h1")] == [chapter.title]
    assert html.find("title").get_text().startswith(chapter.title)
    # Breadcrumbs lead back to the guide.
    assert html.find("a", href=GUIDE_URL) is not None
    # Every link works: chapter files became admin links, nothing lost its address.
    article = html.find("article")
    for link in article.find_all("a"):
        href = link.get("href")
        assert href, f"{chapter.filename}: a link without a valid address: {link}"
        if href.startswith(GUIDE_URL):
            slug = href.removeprefix(GUIDE_URL).split("/")[0]
            assert slug == "" or get_chapter(slug) is not None, href


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "finns-inte/",
        "01-kom-igang/",
        "kom-igang.md/",
        "../",
        "..%2F..%2Fsettings/",
        "%2e%2e/",
        "roller/../../",
        "guide.py/",
    ],
)
def test_unknown_slugs_and_paths_outside_the_guide_give_404(client, communicator, path):
    client.force_login(communicator)
    assert client.get(GUIDE_URL + path).status_code == 404


def test_a_slug_is_only_compared_with_the_file_names():
    assert get_chapter("roller") is not None
    for slug in ["../roller", "02-roller", "roller.md", "/etc/passwd", "", "ROLLER"]:
        assert get_chapter(slug) is None


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["", "kom-igang/"])
def test_anonymous_users_are_sent_to_the_login(client, path):
    response = client.get(GUIDE_URL + path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_users_without_admin_access_do_not_get_the_guide(client, django_user_model):
    visitor = django_user_model.objects.create_user(username="besokare", password="password")
    client.force_login(visitor)
    response = client.get(GUIDE_URL)
    assert response.status_code != 200


@pytest.mark.django_db
def test_every_block_is_explained_in_the_blocks_chapter(client, communicator):
    """A new block in the content stream fails here until the guide says when to use it."""
    client.force_login(communicator)
    html = soup(client.get(f"{GUIDE_URL}block/"))
    explained = headings(html)
    for name, block in ContentStreamBlock().child_blocks.items():
        label = str(block.label)
        assert label in explained, f"The block {name} ({label}) is missing in 04-block.md"
        section = html.find("h2", string=label)
        text = []
        for sibling in section.find_next_siblings():
            if sibling.name == "h2":
                break
            text.append(sibling.get_text(" ", strip=True))
        text = " ".join(text)
        assert "Använd" in text and "inte" in text, f"{label}: say when to use it and when not"


@pytest.mark.django_db
def test_every_role_is_explained_in_the_roles_chapter(client, communicator):
    client.force_login(communicator)
    explained = headings(soup(client.get(f"{GUIDE_URL}roller/")))
    for role in roles.ROLES:
        assert role in explained
    assert "Bara administratörer raderar publicerade sidor" in explained


def test_the_guide_renders_no_raw_html_and_only_safe_links(db):
    rendered = render_markdown(
        "<script>alert(1)</script>\n\n"
        'Text <b onclick="x()">fet</b> ![bild](bild.png)\n\n'
        "[farlig](javascript:alert(1)) [data](data:text/html,x) [extern](https://example.org) "
        "[kapitel](02-roller.md#kursadministratorer) [saknas](99-finns-inte.md) "
        "[rapport](/admin/reports/broken-links/) [ankare](#mal) [protokoll](//example.org)\n\n"
        "## Så gör du\n"
    )
    html = BeautifulSoup(rendered, "html.parser")
    assert html.find("script") is None and html.find("b") is None and html.find("img") is None
    assert "&lt;script&gt;" in rendered
    links = {a.get_text(): a.get("href") for a in html.find_all("a")}
    assert links == {
        "farlig": None,
        "data": None,
        "extern": "https://example.org",
        "kapitel": "/admin/guide/roller/#kursadministratorer",
        "saknas": None,
        "rapport": "/admin/reports/broken-links/",
        "ankare": "#mal",
        "protokoll": None,
    }
    assert html.find("a", string="extern")["rel"] == ["noreferrer"]
    assert html.find("h2")["id"] == "sa-gor-du"
