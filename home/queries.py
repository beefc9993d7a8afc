"""Listing queries of the home app."""

from events.models import EventPage
from news.models import NewsPage

FEATURED_NEWS = 2
LATEST_NEWS = 3


def featured_guidance(home_page):
    """The guidance pages the editors picked for the start page, published ones only, in
    their order: one query."""
    items = home_page.featured_guidance.select_related("page").order_by("sort_order")
    return [item.page for item in items if item.page.live and not item.page.expired]


def start_page_news(home_page):
    """The news on the start page: the newest published articles marked featured (up to two)
    and the latest others (three). A fixed number of queries."""
    news = NewsPage.objects.for_listing().descendant_of(home_page)
    featured = list(news.filter(featured=True)[:FEATURED_NEWS])
    latest = list(news.exclude(pk__in=[item.pk for item in featured])[:LATEST_NEWS])
    return featured, latest


def upcoming_events(home_page, limit=3):
    """The next events on the site, soonest first."""
    return list(EventPage.objects.for_listing().descendant_of(home_page).upcoming()[:limit])
