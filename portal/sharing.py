"""What a page looks like when it is shared: Open Graph and Twitter card meta for every page
(templates/components/social_meta.html), the text helpers that feeds and structured data
share, and the page's own address. A page type adds to the meta with an `open_graph()` method
(news articles: the type "article" and the publication time).

A routable sub-page (an area of the advisor directory, the past events) is served by its
page's object, whose address is the page's. The layout therefore takes the address of the
route that served the request (`canonical_url` below), and a view can say its own by putting
`canonical_url` (see `subpage_full_url`) and `share_title` in the context, as the area pages
do, whose structured data needs the same address. The layout uses them for rel=canonical,
og:url, og:title and the last item of the BreadcrumbList."""

from html import unescape

from django.urls import NoReverseMatch
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, to_locale

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


def subpage_full_url(page, request, name, *args, **kwargs):
    """The absolute address of a routable page's sub-page `name`, e.g. the page of an area:
    what its view passes to the layout as `canonical_url`."""
    return page.get_full_url(request) + page.reverse_subpage(name, args=args, kwargs=kwargs)


def canonical_url(request, page, url=None):
    """The address search engines are to index the page under: the one its view gave, else
    that of the route the page was served through (a routable sub-page such as the past
    events, without the query string), else the page's own."""
    if url:
        return url
    if not isinstance(page, Page):
        return ""
    base = page.get_full_url(request) or ""
    match = getattr(request, "routable_resolver_match", None)
    if base and match is not None and match.url_name and hasattr(page, "reverse_subpage"):
        try:
            return base + page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            pass
    return base


def breadcrumb_json_ld(request, ancestors, root, current_title, current_url):
    """schema.org BreadcrumbList repeating the visible breadcrumbs: the ancestors (the start
    page named "Start", as its link is) and the current page or sub-page."""
    items = [
        {
            "name": gettext("Start") if page.pk == root.pk else page.title,
            "item": page.get_full_url(request),
        }
        for page in ancestors
    ]
    items.append({"name": current_title, "item": current_url})
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, **_without_empty(item)}
            for position, item in enumerate(items, start=1)
        ],
    }


def _without_empty(data):
    return {key: value for key, value in data.items() if value}


def social_meta(request, page, url=None, title=None):
    """Open Graph and Twitter card data for the page being shown; `url` and `title` are a
    routable sub-page's own (see the module's docstring). Pages rendered without a Wagtail
    page (the 404 page) get the site's name and nothing page-specific."""
    language = get_language() or "sv"
    meta = {
        "type": "website",
        "site_name": site_name(request),
        "locale": OG_LOCALES.get(language, to_locale(language)),
    }
    if not isinstance(page, Page) or request is None:
        meta["title"] = meta["site_name"]
        return meta
    meta["title"] = title or page.seo_title or page.title
    meta["description"] = page_description(page)
    meta["url"] = canonical_url(request, page, url)
    meta["image"] = share_image(page, request)
    if hasattr(page, "open_graph"):
        meta.update(page.open_graph())
    return meta
