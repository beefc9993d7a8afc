"""Listing queries for guidance and advisors, in one place, each costing a fixed number of
SQL queries however much content exists."""

from django.apps import apps
from django.db.models import Prefetch

from wagtail.models import PageQuerySet


class GuidancePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Published, public guidance pages in the editors' order (the page tree)."""
        return self.live().public().order_by("path")


def published_advisors():
    """Advisors visitors may see: published ones, with what an advisor card needs."""
    Advisor = apps.get_model("advice", "Advisor")
    return (
        Advisor.objects.filter(live=True)
        .select_related("photo")
        .prefetch_related("photo__renditions", "schools")
        .order_by("name")
    )


def areas_with_advisors():
    """Every area in the editors' order, each with its schools and published advisors."""
    Area = apps.get_model("advice", "Area")
    return Area.objects.order_by("sort_order", "name").prefetch_related(
        "schools",
        Prefetch("advisors", queryset=published_advisors(), to_attr="published_advisors"),
    )
