"""The contact block on guidance pages: the chosen advisor's or area's cards, always as
currently published, and a fixed number of queries however many blocks a page has."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from advice.blocks import ContactBlock
from advice.tests.factories import AdvisorFactory, GuidancePageFactory


def contact(advisor=None, area=None, heading=""):
    return ("contact", {"heading": heading, "advisor": advisor, "area": area})


def contact_sections(client, page):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return html.find("main").find_all("section", class_="contact-block")


@pytest.mark.django_db
def test_a_contact_block_shows_the_chosen_advisor_and_follows_their_edits(
    client, hub, small_directory
):
    lina = small_directory["advisors"]["lina"]
    page = GuidancePageFactory(parent=hub, body=[contact(advisor=lina, heading="Fråga oss")])
    section = contact_sections(client, page)[0]
    assert section.h2.get_text(strip=True) == "Fråga oss"
    assert section.find(class_="advisor-card__name").get_text() == "Lina Berg"

    lina.phone = "070-174 06 99"
    lina.save()
    section = contact_sections(client, page)[0]
    assert section.find("a", href="tel:+46701740699") is not None


@pytest.mark.django_db
def test_an_area_contact_block_shows_the_areas_published_advisors(client, hub, small_directory):
    varby = small_directory["areas"]["varby"]
    page = GuidancePageFactory(parent=hub, body=[contact(area=varby)])
    section = contact_sections(client, page)[0]
    assert section.h2.get_text(strip=True) == "Kontakta oss"
    names = sorted(h.get_text() for h in section.find_all(class_="advisor-card__name"))
    assert names == ["Föräldrarådgivare, Vårby", "Lina Berg"]


@pytest.mark.django_db
def test_an_unpublished_advisor_leaves_the_general_contact_details(client, hub, small_directory):
    lina = small_directory["advisors"]["lina"]
    page = GuidancePageFactory(parent=hub, body=[contact(advisor=lina)])
    lina.live = False
    lina.save()
    section = contact_sections(client, page)[0]
    assert section.find(class_="advisor-card") is None
    assert "Lina Berg" not in section.get_text()
    assert section.find("a", href="tel:+46701740605") is not None


def test_a_contact_block_needs_exactly_one_of_advisor_and_area():
    block = ContactBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"heading": "", "advisor": None, "area": None}))
    assert "Välj antingen en föräldrarådgivare eller ett område." in str(
        error.value.block_errors["advisor"]
    )


@pytest.mark.django_db
def test_both_advisor_and_area_is_refused_too(small_directory):
    block = ContactBlock()
    value = block.to_python(
        {
            "heading": "",
            "advisor": small_directory["advisors"]["lina"].pk,
            "area": small_directory["areas"]["varby"].pk,
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_forty_contact_blocks_cost_the_same_queries_as_four(client, hub, small_directory):
    varby = small_directory["areas"]["varby"]
    advisors = [AdvisorFactory(areas=[varby]) for _ in range(4)]

    def page_with(count):
        body = [
            contact(advisor=advisors[i % 4]) if i % 2 else contact(area=varby) for i in range(count)
        ]
        return GuidancePageFactory(parent=hub, body=body)

    def queries(page):
        client.get(page.url)  # warm up caches and renditions
        with CaptureQueriesContext(connection) as captured:
            client.get(page.url)
        return len(captured)

    assert queries(page_with(4)) == queries(page_with(40))
