"""The föräldrarådgivning hub's listing: every guidance page once, with its topics as tags,
filtered by topic (?amne=<slug>) and audience (?for=<slug>) with plain links, so it works
without JavaScript and every view has its own address. Unknown values are ignored: the
unfiltered list, never an error (portal/filters.py)."""

from django.db.models import Prefetch

from portal.filters import ListingFilterForm, ObjectChoiceField
from taxonomy.models import Audience, Topic


def guidance_hub(request, guidance):
    """Context for the hub: topics and audiences to choose from, what is chosen, and the
    guidance pages, each once however many topics it has, in the editors' order, with their
    topics (the tags on the cards)."""
    topics = list(Topic.objects.swedish().order_by("sort_order", "name"))
    audiences = list(Audience.objects.swedish().order_by("sort_order", "name"))
    chosen = ListingFilterForm(
        request.GET, {"amne": ObjectChoiceField(topics), "for": ObjectChoiceField(audiences)}
    ).chosen()
    topic, audience = chosen["amne"], chosen["for"]

    pages = guidance.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name"))
    )
    if topic is not None:
        pages = pages.filter(pk__in=guidance.filter(topics=topic).values("pk"))
    if audience is not None:
        pages = pages.filter(pk__in=guidance.filter(audiences=audience).values("pk"))
    pages = list(pages)
    return {
        "topics": topics,
        "audiences": audiences,
        "chosen_topic": topic,
        "chosen_audience": audience,
        "guidance_pages": pages,
        "guidance_count": len(pages),
    }
