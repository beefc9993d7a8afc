"""Listing queries for the calendar, in one place, each a fixed number of SQL queries."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import PageQuerySet

from portal.restrictions import public

from .submissions import EventRegistration


class EventPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Published, public events with what an event card and the calendar file need,
        including how many seats are taken and the occasions."""
        confirmed = (
            EventRegistration.objects.filter(
                page=OuterRef("pk"), status=EventRegistration.Status.CONFIRMED
            )
            .order_by()
            .values("page")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            public(self.live())
            .annotate(
                confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))
            )
            .prefetch_related("topics", "occasions")
        )

    def upcoming(self, now=None):
        """Events that have not ended, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Events that have ended, latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")
