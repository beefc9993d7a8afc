"""Listing queries for news, in one place: every listing of news goes through here so a page
costs a fixed number of SQL queries however many articles exist."""

from wagtail.models import PageQuerySet


class NewsPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Published, public articles, newest first, with what a news card needs."""
        return (
            self.live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-first_published_at", "-pk")
        )
