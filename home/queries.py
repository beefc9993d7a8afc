"""Listing queries of the home app."""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from portal.restrictions import public

FEATURED_NEWS = 2
LATEST_NEWS = 3


def featured_guidance(home_page):
    """The guidance pages the editors picked for the start page, published ones only, in
    their order: one query."""
    items = home_page.featured_guidance.select_related("page").order_by("sort_order")
    return [item.page for item in items if item.page.live and not item.page.expired]


def no_longer_open(now):
    """Events the start page no longer features: over, or with a sign-up that has closed
    (at its closing time, or when it starts if no closing time is set; as
    EventPage.registration_open)."""
    signup_closed = Q(registration_enabled=True) & (
        Q(registration_closes_at__lte=now) | Q(registration_closes_at__isnull=True, start__lte=now)
    )
    return Q(end__lt=now) | signup_closed


def start_page_news(home_page, now=None):
    """The news on the start page: the newest published articles marked featured (up to two)
    and the latest others (three), leaving out articles about an event that is over or whose
    sign-up has closed. A fixed number of queries."""
    now = now or timezone.now()
    gone = EventPage.objects.filter(no_longer_open(now)).values("pk")
    news = NewsPage.objects.for_listing().descendant_of(home_page).exclude(event__in=gone)
    featured = list(news.filter(featured=True)[:FEATURED_NEWS])
    latest = list(news.exclude(pk__in=[item.pk for item in featured])[:LATEST_NEWS])
    return featured, latest


def upcoming_events(home_page, limit=3, now=None):
    """The next events on the site, soonest first, without those whose sign-up has closed."""
    now = now or timezone.now()
    events = EventPage.objects.for_listing().descendant_of(home_page).upcoming(now)
    return list(events.exclude(no_longer_open(now))[:limit])


def news_index_and_calendar(home_page):
    """The start page's news archive and calendar (the first published, public one of each,
    or None), for its "Alla nyheter" and "Hela kalendern" links: one query."""
    pages = public(Page.objects.live()).child_of(home_page).type(NewsIndexPage, EventIndexPage)
    found = {}
    for page in pages.order_by("path"):
        found.setdefault(page.specific_class, page)
    return found.get(NewsIndexPage), found.get(EventIndexPage)
