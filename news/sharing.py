"""schema.org NewsArticle JSON-LD for news pages, and the news date as a point in time for
feeds, Open Graph and structured data."""

import datetime

from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Site

from portal.organisation import organisation_name
from portal.sharing import share_image


def news_datetime(date):
    """A news date as an aware datetime: midnight at the site (Europe/Stockholm)."""
    return timezone.make_aware(
        datetime.datetime.combine(date, datetime.time.min), timezone.get_default_timezone()
    )


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
