"""Schools, areas and advisors by name: a parent who types a school's name ("dalskolan",
"Vårbybackens skola") gets that school's advisor first, an area's name ("kontakt Skogås")
its area page. Matched in Python with the finder's own rules (advice/finder.py), on the few
published schools, areas and advisors, so results follow every change at once."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from advice.finder import RESULTS_ID, fold, look_up_school, school_match
from advice.models import Advisor, AdvisorDirectoryPage
from advice.queries import schools_with_areas
from portal import pagecache
from portal.restrictions import public
from taxonomy.models import Area

# Words around a place's name that do not change what is meant: "kontakt Skogås",
# "föräldrarådgivare Vårby", "telefon dalskolan".
AROUND_PLACES = frozenset(
    [
        "kontakt",
        "kontakta",
        "kontaktuppgifter",
        "telefon",
        "telefonnummer",
        "nummer",
        "ring",
        "mejl",
        "mail",
        "epost",
        "e",
        "post",
        "adress",
        "öppettider",
        "föräldrarådgivare",
        "föräldrarådgivaren",
        "rådgivare",
        "rådgivaren",
        "rådgivning",
        "föräldrarådgivning",
        "område",
        "området",
        "i",
        "på",
        "till",
        "för",
        "vid",
        "hitta",
        "min",
        "mitt",
        "vår",
        "hos",
    ]
)


@dataclass
class PlaceHit:
    title: str
    url: str
    excerpt: str
    # True when the place is all the query asks for: it then comes first.
    whole_query: bool


@dataclass
class Places:
    directory: object
    areas: list
    schools: list
    # Only advisors who agreed to be named (their name is otherwise never shown, so it must
    # not be searchable either), with only what a hit shows: name, role, areas.
    named_advisors: list


def _places(locale):
    """The advisor directory in `locale` and the places it knows. Kept across requests: any
    page or snippet saved is a site-wide change (portal/pagecache.py)."""

    def read():
        directory = public(AdvisorDirectoryPage.objects.live())
        if locale is not None:
            directory = directory.filter(locale=locale)
        directory = directory.order_by("path").first()
        if directory is None:
            return None
        named = (
            Advisor.objects.filter(live=True, show_identity=True)
            .order_by("name")
            .prefetch_related(
                Prefetch("areas", queryset=Area.objects.order_by("sort_order", "name"))
            )
        )
        return Places(
            directory=directory,
            areas=list(Area.objects.order_by("sort_order", "name")),
            schools=list(schools_with_areas()),
            named_advisors=list(named),
        )

    return pagecache.site_wide(f"search places:{getattr(locale, 'pk', None)}", read)


def find(parsed, locale=None):
    """Places the query names, best first."""
    places = _places(locale)
    if places is None:
        return []
    directory = places.directory
    words = [word for word in fold(parsed.text).split() if word not in AROUND_PLACES]
    if not words:
        return []
    rest = " ".join(words)
    base = directory.url
    hits = []
    for area in places.areas:
        name = fold(area.name)
        whole = school_match(rest, name) == 3
        if whole or any(word == name for word in words) or name in rest:
            hits.append(
                PlaceHit(
                    title=_("Föräldrarådgivare i %(area)s") % {"area": area.name},
                    url=base + directory.reverse_subpage("area", args=[area.slug]),
                    excerpt=_("Kontakt, skolor och drop-in i %(area)s.") % {"area": area.name},
                    whole_query=whole,
                )
            )
    if not any(hit.whole_query for hit in hits):
        lookup = look_up_school(rest, places.schools)
        if lookup.school is not None:
            school = lookup.school
            query = urlencode({"skola": school.slug})
            hits.insert(
                0,
                PlaceHit(
                    title=_("Föräldrarådgivare på %(school)s") % {"school": school.name},
                    url=f"{base}?{query}#{RESULTS_ID}",
                    excerpt=_("%(school)s ligger i %(area)s.")
                    % {"school": school.name, "area": school.area.name},
                    whole_query=True,
                ),
            )
    for advisor in places.named_advisors:
        if school_match(rest, fold(advisor.name)) >= 2 and len(rest) >= 3:
            area = next(iter(advisor.areas.all()), None)
            url = base + directory.reverse_subpage("area", args=[area.slug]) if area else base
            hits.append(
                PlaceHit(
                    title=advisor.name,
                    url=url,
                    excerpt=", ".join([advisor.role, *(a.name for a in advisor.areas.all())]),
                    whole_query=True,
                )
            )
    return hits
