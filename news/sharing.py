"""schema.org NewsArticle JSON-LD for news pages, and the news date as a point in time for
feeds, Open Graph and structured data."""

import datetime

from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Site

from portal.organisation import organisation_name
from portal.sharing import share_image


def news_datetime(date, moment=None):
    """A news date as an aware datetime at the site (Europe/Stockholm): that day at the time
    of day of `moment` (a publication), or at midnight without one."""
    zone = timezone.get_default_timezone()
    time = datetime.time.min
    if moment is not None:
        time = timezone.localtime(moment, zone).time().replace(microsecond=0)
    return timezone.make_aware(datetime.datetime.combine(date, time), zone)


def news_published(page):
    """When an article came out, for feeds, Open Graph and structured data: its news date
    (which the editor sets) at the time of day it was first published."""
    return news_datetime(page.date, page.first_published_at)


def news_modified(page):
    """When an article last changed in substance: its "Senast uppdaterad" date at the time of
    day of its last publication; never before it came out (a correction dated before the news
    date does not move the date back)."""
    published = news_published(page)
    if page.updated_date and page.updated_date > page.date:
        return max(published, news_datetime(page.updated_date, page.last_published_at))
    return published


def news_article_json_ld(page, request):
    """schema.org NewsArticle for a news page: what search engines and news services read."""
    organisation = {"@type": "GovernmentOrganization", "name": organisation_name(request)}
    site = Site.find_for_request(request)
    if site is not None:
        organisation["url"] = site.root_url + "/"
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "datePublished": news_published(page).isoformat(),
        "dateModified": news_modified(page).isoformat(),
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
