"""Listing queries for guidance and advisors, in one place. Each costs a fixed number of SQL
queries however many advisors, schools or areas exist."""

from django.db.models import OuterRef, Prefetch, Q

from wagtail.images import get_image_model
from wagtail.models import PageQuerySet

from portal import request_cache
from portal.json_prefetch import Related, with_related
from portal.restrictions import public
from taxonomy.models import Area

from .models.directory import Advisor, AdvisorDropIn, Language, School


class GuidancePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Published, public guidance pages in the editors' order (the page tree)."""
        return public(self.live()).order_by("path")


def related_guidance(page, limit=4):
    """Other published guidance pages sharing a topic with `page`, in the tree's order, in
    the page's own language."""
    return list(
        type(page)
        .objects.for_listing()
        .filter(topics__in=page.topics.all(), locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .distinct()[:limit]
    )


def subpages_and_full_version(page):
    """A guidance page's published subpages, and the published page it is the easy-read
    version of (or None), in one query."""
    pages = list(
        type(page)
        .objects.for_listing()
        .filter(Q(path__startswith=page.path, depth=page.depth + 1) | Q(easy_read_version=page))
    )
    subpages = [p for p in pages if p.depth == page.depth + 1 and p.path.startswith(page.path)]
    full_version = next((p for p in pages if p.easy_read_version_id == page.pk), None)
    return subpages, full_version


def published_drop_ins():
    """Drop-in times of published advisors, by weekday and time."""
    return (
        AdvisorDropIn.objects.filter(advisor__live=True)
        .select_related("school")
        .order_by("weekday", "start_time", "school__name")
    )


def advisors_with_card_data():
    """Advisors with everything an advisor card needs, drafts included (for contact blocks,
    which must keep their choice while an advisor is unpublished): their photo's renditions,
    languages, areas, schools and drop-in times come in the advisors' own query."""
    renditions = get_image_model().get_rendition_model().objects
    return with_related(
        Advisor.objects.select_related("photo").order_by("name"),
        {
            "photo__renditions": Related(renditions.filter(image_id=OuterRef("photo_id"))),
            "languages": Related(
                Language.objects.filter(advisors=OuterRef("pk")).order_by("name", "pk")
            ),
            "areas": Related(
                Area.objects.filter(advisors=OuterRef("pk")).order_by("sort_order", "name")
            ),
            "schools": Related(
                School.objects.filter(advisors=OuterRef("pk")).order_by("name", "pk")
            ),
            # Drop-in times of published advisors only, by weekday and time.
            "drop_ins": Related(
                AdvisorDropIn.objects.filter(advisor=OuterRef("pk"), advisor__live=True).order_by(
                    "weekday", "start_time", "school__name"
                ),
                select=["school"],
            ),
        },
    )


def published_advisors():
    """Advisors visitors may see: published ones, with everything an advisor card needs."""
    return advisors_with_card_data().filter(live=True)


def _advisor_cards():
    """{pk: advisor with card data} read so far in this request."""
    return request_cache.cached("advisor cards", dict)


def remember_advisor_cards(advisors):
    """Advisors read with their card data (as `published_advisors`), for
    `published_advisor_cards` to reuse in the same request."""
    _advisor_cards().update((advisor.pk, advisor) for advisor in advisors)


def published_advisor_cards(advisors):
    """The published ones of `advisors` (a filtered Advisor queryset) in name order, with
    their card data: those already read in this request are reused, the rest read at once."""
    ids = list(
        advisors.filter(live=True).order_by("name", "pk").values_list("pk", flat=True).distinct()
    )
    cards = _advisor_cards()
    missing = [pk for pk in ids if pk not in cards]
    if missing:
        cards.update(published_advisors().in_bulk(missing))
    return [cards[pk] for pk in ids if pk in cards]


def _areas_with_schools():
    """Swedish areas in the editors' order, each with its schools by name in the same query."""
    return with_related(
        Area.objects.swedish().order_by("sort_order", "name"),
        {"schools": Related(School.objects.filter(area=OuterRef("pk")).order_by("name", "pk"))},
    )


def areas_with_advisors():
    """Every area in the editors' order, with its schools and its published advisors
    (as `published_advisors`)."""
    return _areas_with_schools().prefetch_related(
        Prefetch("advisors", queryset=published_advisors(), to_attr="published_advisors")
    )


def areas_with_advisors_in_bulk(ids):
    """{pk: area} as `areas_with_advisors`, read once per request for the same areas: a
    page's contact cards and its "I ditt område" usually show the same ones."""
    ids = tuple(sorted({pk for pk in ids if pk}, key=str))
    return request_cache.cached(
        ("areas with advisors", ids), lambda: areas_with_advisors().in_bulk(ids)
    )


def area_with_schools(slug):
    """One area with its schools and each school's drop-in times, or None."""
    return (
        _areas_with_schools()
        .filter(slug=slug)
        .prefetch_related(Prefetch("schools__drop_ins", queryset=published_drop_ins()))
        .first()
    )


def schools_with_areas():
    """Schools placed in an area, for the finder and the open data."""
    return School.objects.filter(area__isnull=False).select_related("area").order_by("name")
