"""The finder, the area pages and the open data cost a fixed number of SQL queries, whether
the directory holds a handful of advisors or 200 advisors at 100 schools."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from advice.models import Advisor, School
from advice.tests.factories import (
    AdvisorDropInFactory,
    AdvisorFactory,
    LanguageFactory,
    SchoolFactory,
)
from taxonomy.models import Area

URLS = [
    "/foraldraradgivning/hitta-foraldraradgivare/",
    "/foraldraradgivning/hitta-foraldraradgivare/?omrade=omrade-a",
    "/foraldraradgivning/hitta-foraldraradgivare/?sprak=ar",
    "/foraldraradgivning/hitta-foraldraradgivare/?skola=skola-a-0",
    # Free text in the school field: one school, several, none.
    "/foraldraradgivning/hitta-foraldraradgivare/?skola=Skola+b+0",
    "/foraldraradgivning/hitta-foraldraradgivare/?skola=skola",
    "/foraldraradgivning/hitta-foraldraradgivare/?skola=Rinkebyskolan",
    # A language no one in the area speaks: the area's advisors with the interpreter note.
    "/foraldraradgivning/hitta-foraldraradgivare/?omrade=omrade-a&sprak=fi",
    # A school and an area that does not match it.
    "/foraldraradgivning/hitta-foraldraradgivare/?skola=skola-a-0&omrade=omrade-b",
    "/foraldraradgivning/hitta-foraldraradgivare/omrade-a/",
    "/api/v1/advisors/",
    "/api/v1/advisors.csv",
    "/api/v1/schools/",
    "/api/v1/areas/",
]


def grow_directory(schools_per_area, advisors_per_area, areas="abcd"):
    """Add areas, schools and advisors (with languages and a drop-in time) up to the sizes.
    One more advisor, in no area, speaks Finnish, which no one in the areas does."""
    languages = [LanguageFactory(code=code) for code in ["ar", "so", "ti"]]
    if not Advisor.objects.filter(languages__code="fi").exists():
        AdvisorFactory(languages=[LanguageFactory(code="fi")])
    for order, letter in enumerate(areas):
        area, _ = Area.objects.get_or_create(
            slug=f"omrade-{letter}", defaults={"name": f"Område {letter}", "sort_order": order}
        )
        for s in range(area.schools.count(), schools_per_area):
            SchoolFactory(name=f"Skola {letter} {s}", slug=f"skola-{letter}-{s}", area=area)
        schools = list(School.objects.filter(area=area).order_by("pk"))
        for n in range(area.advisors.count(), advisors_per_area):
            own_schools = [schools[n % len(schools)], schools[(n + 7) % len(schools)]]
            advisor = AdvisorFactory(
                show_identity=n % 2 == 0,
                areas=[area],
                schools=own_schools,
                languages=languages[: 1 + n % 3],
            )
            AdvisorDropInFactory(advisor=advisor, school=own_schools[0])


def count_queries(client, url):
    client.get(url)  # warm up: the settings row and caches are made on first use
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_number_of_advisors_and_schools(client, directory):
    grow_directory(schools_per_area=1, advisors_per_area=1)
    small = {url: count_queries(client, url) for url in URLS}

    grow_directory(schools_per_area=25, advisors_per_area=50)
    assert (Advisor.objects.count(), School.objects.count()) == (201, 100)
    large = {url: count_queries(client, url) for url in URLS}
    assert large == small
