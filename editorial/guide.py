"""The editor guide (Redaktörsguide) inside the admin.

The guide is Swedish Markdown in the repository, one file per chapter in editorial/guide/,
named `NN-slug.md`: NN orders the chapters, the slug is the chapter's address
(/admin/guide/<slug>/) and the first line, `# Title`, its title. Editors open it from the Help
menu, where it replaces Wagtail's English "Editor Guide" on the internet (and the "What's new in
Wagtail" link to wagtail.org). The pages use Wagtail's admin layout and are for users with
admin access only: the URLs come through `register_admin_urls`, which Wagtail wraps in its
admin-access check.

Only the chapter files can be served: a slug is looked up among the file names and never joined
to a path, so `..` or any other name gives 404. The Markdown comes from the repository, yet is
rendered without raw HTML or images, and links keep only http(s), mailto, admin paths and
anchors; a link to another chapter's file (`05-granskning.md#avvisa`) becomes a link to that
chapter in the admin, so the same links work on the code host and in the admin.
"""

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from portal.blocks import heading_slug

GUIDE_DIR = Path(__file__).resolve().parent / "guide"
CHAPTER_FILE = re.compile(r"^(?P<number>\d+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
SAFE_SCHEMES = {"http", "https", "mailto"}

# Wagtail's Help menu items that lead to its English pages on wagtail.org.
WAGTAIL_GUIDE_ITEM = "editor-guide"
WAGTAIL_WHATS_NEW_PREFIX = "whats-new-in-wagtail"


# --- Chapters --------------------------------------------------------------------------------


@dataclass
class Chapter:
    number: int
    slug: str
    filename: str
    title: str
    body: str

    @property
    def url(self):
        return reverse("editorial_guide_chapter", args=[self.slug])

    @cached_property
    def summary(self):
        """The chapter's first paragraph as plain text, for the table of contents."""
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", self.body) if p.strip()]
        if not paragraphs:
            return ""
        return " ".join(html.unescape(strip_tags(render_markdown(paragraphs[0]))).split())


def _read_chapter(file):
    match = CHAPTER_FILE.match(file.name)
    first_line, _newline, body = file.read_text(encoding="utf-8").partition("\n")
    if not first_line.startswith("# "):
        raise ValueError(f"{file.name} must start with a '# Title' line")
    return Chapter(
        number=int(match["number"]),
        slug=match["slug"],
        filename=file.name,
        title=first_line[2:].strip(),
        body=body,
    )


def chapters():
    """Every chapter, in order. Read on each call: a dozen small files, and an edited chapter
    shows at once without a restart."""
    files = [f for f in GUIDE_DIR.iterdir() if f.is_file() and CHAPTER_FILE.match(f.name)]
    return sorted((_read_chapter(f) for f in files), key=lambda c: (c.number, c.slug))


def get_chapter(slug):
    """The chapter with this slug, or None. Compared with the file names only."""
    return next((chapter for chapter in chapters() if chapter.slug == slug), None)


# --- Rendering -------------------------------------------------------------------------------


class GuideLinks(Treeprocessor):
    """Chapter files become admin links; anything but a safe link loses its address. Tables
    get the admin's table style."""

    def run(self, root):
        for table in root.iter("table"):
            table.set("class", "listing")
        slugs = {m["slug"] for m in map(CHAPTER_FILE.match, os.listdir(GUIDE_DIR)) if m}
        for link in root.iter("a"):
            href = self.rewrite(link.get("href", ""), slugs)
            if href is None:
                del link.attrib["href"]
            else:
                link.set("href", href)
                if urlsplit(href).scheme in {"http", "https"}:
                    link.set("rel", "noreferrer")

    @staticmethod
    def rewrite(href, slugs):
        target, _hash, anchor = href.partition("#")
        chapter = CHAPTER_FILE.match(target)
        if chapter:
            if chapter["slug"] not in slugs:
                return None
            url = reverse("editorial_guide_chapter", args=[chapter["slug"]])
            return f"{url}#{anchor}" if anchor else url
        scheme = urlsplit(href).scheme
        if scheme:
            return href if scheme in SAFE_SCHEMES else None
        # Anchors in the same chapter and absolute paths (e.g. /admin/reports/…) only.
        return href if href.startswith(("#", "/")) and not href.startswith("//") else None


class GuideExtension(Extension):
    def extendMarkdown(self, md):
        # No raw HTML: it is shown as text. No images: the guide has none.
        md.preprocessors.deregister("html_block")
        for pattern in ("html", "image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(pattern)
        md.treeprocessors.register(GuideLinks(md), "guide_links", 1)


def render_markdown(text):
    """Safe HTML for Markdown from editorial/guide/. Headings get readable anchors
    ("Så gör du" → "sa-gor-du")."""
    md = markdown.Markdown(
        extensions=["sane_lists", "tables", "toc", GuideExtension()],
        extension_configs={"toc": {"slugify": lambda value, separator: heading_slug(value)}},
        output_format="html",
    )
    return mark_safe(md.convert(text))  # noqa: S308 (escaped by Python-Markdown, no raw HTML)


# --- Views -----------------------------------------------------------------------------------


class GuideViewMixin(WagtailAdminTemplateMixin):
    header_icon = "help"

    def guide_crumb(self):
        return {"url": reverse("editorial_guide"), "label": _("Redaktörsguide")}


class GuideIndexView(GuideViewMixin, TemplateView):
    template_name = "editorial/guide/index.html"
    page_title = _("Redaktörsguide")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(chapters=chapters(), **kwargs)


class GuideChapterView(GuideViewMixin, TemplateView):
    template_name = "editorial/guide/chapter.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.chapter = get_chapter(kwargs["slug"])
        if self.chapter is None:
            raise Http404

    def get_page_title(self):
        return self.chapter.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            self.guide_crumb(),
            {"url": "", "label": self.chapter.title},
        ]

    def get_context_data(self, **kwargs):
        all_chapters = chapters()
        index = next(i for i, c in enumerate(all_chapters) if c.slug == self.chapter.slug)
        return super().get_context_data(
            chapter=self.chapter,
            content=render_markdown(self.chapter.body),
            previous_chapter=all_chapters[index - 1] if index > 0 else None,
            next_chapter=all_chapters[index + 1] if index + 1 < len(all_chapters) else None,
            **kwargs,
        )


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("guide/", GuideIndexView.as_view(), name="editorial_guide"),
        path("guide/<slug:slug>/", GuideChapterView.as_view(), name="editorial_guide_chapter"),
    ]


# --- The Help menu ---------------------------------------------------------------------------


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(
        _("Redaktörsguide"),
        reverse("editorial_guide"),
        name="redaktorsguide",
        icon_name="help",
        # Where Wagtail's own guide was (1100), before the keyboard shortcuts (1200).
        order=1100,
    )


@hooks.register("construct_help_menu")
def remove_wagtail_guides(request, menu_items):
    """Wagtail's guide and release notes are in English on wagtail.org; ours replaces them."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != WAGTAIL_GUIDE_ITEM and not item.name.startswith(WAGTAIL_WHATS_NEW_PREFIX)
    ]
