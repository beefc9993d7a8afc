"""Listing queries for news, in one place: every listing of news goes through here so a page
costs a fixed number of SQL queries however many articles exist."""

from django.db.models import Prefetch

from wagtail.models import PageQuerySet

from portal.restrictions import public
from taxonomy.models import Area, Topic

# The order of every news listing and feed: by news date, then by publication.
NEWEST_FIRST = ("-date", "-first_published_at", "-pk")


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        """Published, public articles (the view restrictions are read once per request)."""
        return public(self.live())

    def with_card_data(self):
        """What a news card needs: the image and its renditions, newest first."""
        return (
            self.select_related("image")
            .prefetch_related("image__renditions")
            .order_by(*NEWEST_FIRST)
        )

    def for_listing(self):
        """Published, public articles, newest first, with what a news card needs."""
        return self.published().with_card_data()

    def for_feed(self):
        """Published, public articles, newest first, with their topics (the categories)."""
        return (
            self.published()
            .prefetch_related(Prefetch("topics", queryset=ordered_topics()))
            .order_by(*NEWEST_FIRST)
        )


def ordered_topics():
    return Topic.objects.swedish().order_by("sort_order", "name")


def ordered_areas():
    return Area.objects.swedish().order_by("sort_order", "name")


def archive_choices(news):
    """What the archive's filter offers, given the published articles `news`: the topics and
    areas they carry and the years they are from (newest first). Three queries."""
    topics = list(ordered_topics().filter(news_pages__in=news.values("pk")).distinct())
    areas = list(ordered_areas().filter(news_pages__in=news.values("pk")).distinct())
    years = [day.year for day in news.order_by().dates("date", "year", order="DESC")]
    return topics, areas, years


def related_news(page, topic_ids, limit=3):
    """ "Fler nyheter": other published articles of the same archive, newest first; those
    sharing a topic with `page` first, topped up with the latest others. Two queries (plus
    the image renditions)."""
    others = type(page).objects.for_listing().sibling_of(page, inclusive=False)
    related = []
    if topic_ids:
        related = list(others.filter(topics__in=topic_ids).distinct()[:limit])
    if len(related) < limit:
        seen = [item.pk for item in related]
        related += list(others.exclude(pk__in=seen)[: limit - len(related)])
    return related
