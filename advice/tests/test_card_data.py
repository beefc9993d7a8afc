"""An advisor card's data comes in the advisors' own query (portal/json_prefetch.py): the
same rows, in the same order, as the ORM reads them one relation at a time, and no query
more when a template walks them."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from advice.queries import advisors_with_card_data, areas_with_advisors
from taxonomy.tests.factories import AreaFactory

from .factories import AdvisorDropInFactory, AdvisorFactory, LanguageFactory, SchoolFactory


def card(advisor):
    """What a card shows of its relations, read from whatever the advisor holds."""
    photo = advisor.photo
    return {
        "renditions": sorted(r.filter_spec for r in photo.renditions.all()) if photo else [],
        "languages": [language.code for language in advisor.languages.all()],
        "areas": [area.name for area in advisor.areas.all()],
        "schools": [school.name for school in advisor.schools.all()],
        "drop_ins": card_drop_ins(advisor.drop_ins.all()),
    }


def card_drop_ins(drop_ins):
    return [
        (d.school.name, d.get_weekday_display(), d.time_range, d.advisor.name) for d in drop_ins
    ]


@pytest.fixture
def advisors():
    north, south = (
        AreaFactory(name="Norrby", sort_order=2),
        AreaFactory(name="Söderby", sort_order=1),
    )
    schools = [SchoolFactory(name=name, area=north) for name in ["Ekskolan", "Almskolan"]]
    photo = get_image_model().objects.create(
        title="Porträtt", file=get_test_image_file(size=(400, 400))
    )
    photo.get_rendition("fill-160x160")
    with_everything = AdvisorFactory(
        name="Alva",
        photo=photo,
        areas=[north, south],
        schools=schools,
        languages=[LanguageFactory(code="so"), LanguageFactory(code="ar")],
    )
    for school, weekday, hour in [(schools[0], 3, 13), (schools[1], 1, 9), (schools[0], 1, 8)]:
        AdvisorDropInFactory(
            advisor=with_everything,
            school=school,
            weekday=weekday,
            start_time=datetime.time(hour),
            end_time=datetime.time(hour + 1, 30),
        )
    with_nothing = AdvisorFactory(name="Bo")
    draft = AdvisorFactory(name="Cia", live=False, areas=[north], schools=schools[:1])
    AdvisorDropInFactory(advisor=draft, school=schools[0])
    return [with_everything, with_nothing, draft], north


@pytest.mark.django_db
def test_card_data_in_one_query_equals_what_the_orm_reads(advisors):
    created, _area = advisors
    with CaptureQueriesContext(connection) as queries:
        read = list(advisors_with_card_data())
        cards = {advisor.name: card(advisor) for advisor in read}
    assert len(queries) == 1, [q["sql"][:200] for q in queries]

    for advisor in created:
        advisor.refresh_from_db()
        expected = card(advisor)
        # Drop-in times are shown for published advisors only, by weekday and time.
        drop_ins = advisor.drop_ins.filter(advisor__live=True)
        expected["drop_ins"] = card_drop_ins(drop_ins.order_by("weekday", "start_time"))
        assert cards[advisor.name] == expected, advisor.name

    alva = cards["Alva"]
    assert alva["renditions"] == ["fill-160x160"]
    assert alva["areas"] == ["Söderby", "Norrby"]  # the editors' order, then the name
    assert alva["schools"] == ["Almskolan", "Ekskolan"]
    assert [(school, day) for school, day, *_ in alva["drop_ins"]] == [
        ("Ekskolan", "måndagar"),
        ("Almskolan", "måndagar"),
        ("Ekskolan", "onsdagar"),
    ]
    assert cards["Bo"] == {
        "renditions": [],
        "languages": [],
        "areas": [],
        "schools": [],
        "drop_ins": [],
    }


@pytest.mark.django_db
def test_an_area_with_its_schools_and_advisors_costs_two_queries(advisors):
    created, north = advisors
    with CaptureQueriesContext(connection) as queries:
        areas = {area.name: area for area in areas_with_advisors()}
        shown = {
            name: (
                [school.name for school in area.schools.all()],
                [card(advisor)["schools"] for advisor in area.published_advisors],
            )
            for name, area in areas.items()
        }
    assert len(queries) == 2, [q["sql"][:200] for q in queries]
    assert shown["Norrby"] == (["Almskolan", "Ekskolan"], [["Almskolan", "Ekskolan"]])
    assert shown["Söderby"] == ([], [["Almskolan", "Ekskolan"]])
