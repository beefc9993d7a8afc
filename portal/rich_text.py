"""Links to pages in rich text, read in one query per page body rather than two queries and
a locale lookup per text block (Wagtail's PageLinkHandler reads each block's links with
`.specific()` and looks up the active locale for every link).

A body's links are read together before it is rendered (`prime_page_links`, called by
portal.blocks.outline.body_context); any other rich text reads its own, once per request."""

import json
import re

from django.db.models import Q
from django.utils import translation
from django.utils.html import escape

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from portal import request_cache

_PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype=\\?"page\\?"[^>]*>')
_ID = re.compile(r'\bid=\\?"(\d+)\\?"')


def _language():
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None


def _links():
    return request_cache.cached(("rich text page links", _language()), dict)


def _read(ids):
    """{id: the page, or its live translation in the active language (as Page.localized)}."""
    language = _language()
    ids = {int(pk) for pk in ids if str(pk).isdigit()}
    if not ids:
        return {}
    rows = list(
        Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                locale__language_code=language,
                live=True,
            )
        ).select_related("locale")
    )
    translated = {row.translation_key: row for row in rows if row.locale.language_code == language}
    found = {}
    for row in rows:
        if row.pk in ids:
            found[str(row.pk)] = translated.get(row.translation_key, row)
    return {str(pk): found.get(str(pk)) for pk in ids}


def prime_page_links(raw_stream):
    """Read every page link in a StreamField's raw data at once."""
    text = json.dumps(raw_stream, default=str)
    ids = {m.group(1) for tag in _PAGE_LINK.findall(text) for m in [_ID.search(tag)] if m}
    links = _links()
    missing = ids - set(links)
    if missing:
        links.update(_read(missing))


class BatchedPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        links = _links()
        wanted = [str(attrs.get("id")) for attrs in attrs_list]
        missing = set(wanted) - set(links)
        if missing:
            links.update(_read(missing))
        return [links.get(pk) for pk in wanted]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.url)}">' if page else "<a>" for page in cls.get_many(attrs_list)
        ]
