"""Sharing and machine-readable data: Open Graph and Twitter card meta for every page
(templates/components/social_meta.html) and schema.org NewsArticle JSON-LD for news pages."""

import datetime
from html import unescape

from django.apps import apps
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale

from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from portal.models import ContactSettings

# Open Graph's recommended size: 1.91:1, large enough for every service that shows it.
SHARE_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_LENGTH = 300
# Open Graph wants a territory with the language.
OG_LOCALES = {"sv": "sv_SE"}


def plain_text(html):
    """Text without tags and entities, on one line: rich text for meta data and feeds."""
    return " ".join(unescape(strip_tags(str(html or ""))).split())


def news_datetime(date):
    """A news date as an aware datetime: midnight at the site (Europe/Stockholm)."""
    return timezone.make_aware(
        datetime.datetime.combine(date, datetime.time.min), timezone.get_default_timezone()
    )


def site_name(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    return site.site_name or site.root_page.title


def organisation_name(request):
    """Who publishes the site (Inställningar → Kontaktuppgifter), or the site's name."""
    return ContactSettings.for_request(request).organisation_name or site_name(request)


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


def _is_news_page(page):
    return isinstance(page, apps.get_model("news", "NewsPage"))


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
    if _is_news_page(page):
        meta["type"] = "article"
        meta["published_time"] = news_datetime(page.date).isoformat()
    return meta


def news_article_json_ld(page, request):
    """schema.org NewsArticle for a news page: what search engines and news services read."""
    organisation = {"@type": "GovernmentOrganization", "name": organisation_name(request)}
    site = Site.find_for_request(request)
    if site is not None:
        organisation["url"] = site.root_url + "/"
    url = page.get_full_url(request)
    # A correction made before the news date does not move the date back.
    modified = max(page.date, page.updated_date or page.date)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "datePublished": news_datetime(page.date).isoformat(),
        "dateModified": news_datetime(modified).isoformat(),
        "inLanguage": get_language() or "sv",
        "author": organisation,
        "publisher": organisation,
        "mainEntityOfPage": url,
        "url": url,
    }
    image = share_image(page, request)
    if image:
        data["image"] = [image["url"]]
    return data
