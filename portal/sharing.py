"""What a page looks like when it is shared: Open Graph and Twitter card meta for every page
(templates/components/social_meta.html), and the text helpers that feeds and structured data
share. A page type adds to the meta with an `open_graph()` method (news articles: the type
"article" and the publication time)."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale

from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from .organisation import site_name

# Open Graph's recommended size: 1.91:1, large enough for every service that shows it.
SHARE_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_LENGTH = 300
# Open Graph wants a territory with the language.
OG_LOCALES = {"sv": "sv_SE"}


def plain_text(html):
    """Text without tags and entities, on one line: rich text for meta data and feeds."""
    return " ".join(unescape(strip_tags(str(html or ""))).split())


def page_description(page):
    """The page's search description, else its lead or introduction, as plain text."""
    for name in ("search_description", "lead", "intro"):
        text = plain_text(getattr(page, name, ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def absolute_url(request, url):
    """`url` (e.g. a rendition's /media/… address) on the site's own address, like the
    canonical URL; unchanged when already absolute."""
    site = Site.find_for_request(request)
    if url.startswith("/") and not url.startswith("//") and site is not None:
        return site.root_url + url
    return request.build_absolute_uri(url)


def share_image(page, request):
    """The page's image as a 1200×630 rendition (made once per request), or None."""
    image = getattr(page, "image", None)
    if not isinstance(image, AbstractImage):
        return None
    renditions = request.__dict__.setdefault("_share_renditions", {})
    if image.pk not in renditions:
        renditions[image.pk] = image.get_rendition(SHARE_IMAGE_SPEC)
    rendition = renditions[image.pk]
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def social_meta(request, page):
    """Open Graph and Twitter card data for the page being shown. Pages rendered without a
    Wagtail page (the 404 page) get the site's name and nothing page-specific."""
    language = get_language() or "sv"
    meta = {
        "type": "website",
        "site_name": site_name(request),
        "locale": OG_LOCALES.get(language, to_locale(language)),
    }
    if not isinstance(page, Page) or request is None:
        meta["title"] = meta["site_name"]
        return meta
    meta["title"] = page.seo_title or page.title
    meta["description"] = page_description(page)
    meta["url"] = page.get_full_url(request)
    meta["image"] = share_image(page, request)
    if hasattr(page, "open_graph"):
        meta.update(page.open_graph())
    return meta
