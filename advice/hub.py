"""The föräldrarådgivning hub's listing: guidance pages grouped by topic, filtered by topic
(?amne=<slug>) and audience (?for=<slug>) with plain links, so it works without JavaScript and
every view has its own address. Unknown values are ignored: the unfiltered list, never an
error (portal/filters.py)."""

from django.utils.translation import gettext_lazy as _

from portal.filters import ListingFilterForm, ObjectChoiceField
from taxonomy.models import Audience, Topic


def guidance_hub(request, guidance):
    """Context for the hub: topics and audiences to choose from, what is chosen, and the
    guidance pages grouped by topic (a page with several topics appears under each)."""
    topics = list(Topic.objects.order_by("sort_order", "name"))
    audiences = list(Audience.objects.order_by("sort_order", "name"))
    chosen = ListingFilterForm(
        request.GET, {"amne": ObjectChoiceField(topics), "for": ObjectChoiceField(audiences)}
    ).chosen()
    topic, audience = chosen["amne"], chosen["for"]

    pages = guidance.prefetch_related("topics", "audiences")
    if topic is not None:
        pages = pages.filter(topics=topic)
    if audience is not None:
        pages = pages.filter(audiences=audience)
    pages = list(pages.distinct())

    groups = []
    for candidate in [topic] if topic else topics:
        in_topic = [p for p in pages if candidate in p.topics.all()]
        if in_topic:
            groups.append({"topic": candidate, "pages": in_topic})
    if topic is None:
        without = [p for p in pages if not p.topics.all()]
        if without:
            groups.append({"topic": None, "title": _("Mer vägledning"), "pages": without})
    return {
        "topics": topics,
        "audiences": audiences,
        "chosen_topic": topic,
        "chosen_audience": audience,
        "guidance_groups": groups,
        "guidance_count": len(pages),
    }
