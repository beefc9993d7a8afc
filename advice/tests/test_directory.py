"""Hitta din föräldrarådgivare and the guidance hub as families see them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from advice.models import Advisor, Area
from advice.tests.factories import (
    AdvisorDirectoryPageFactory,
    AdvisorFactory,
    AreaFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    SchoolFactory,
)


@pytest.fixture
def hub(home_page):
    return GuidanceIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def directory(hub, home_page):
    page = AdvisorDirectoryPageFactory(parent=hub)
    home_page.advisor_directory = page
    home_page.save()
    return page


def main(response):
    return BeautifulSoup(response.content, "html.parser").find("main")


@pytest.mark.django_db
def test_advisors_are_grouped_by_area_in_the_editors_order(client, directory):
    varby = AreaFactory(name="Vårby", slug="varby", sort_order=0)
    skogas = AreaFactory(name="Skogås", slug="skogas", sort_order=1)
    AdvisorFactory(name="Amina Warsame", areas=[varby], schools=[SchoolFactory(area=varby)])
    AdvisorFactory(name="Johan Lind", areas=[skogas])
    html = main(client.get(directory.url))
    sections = html.find_all("section", class_="area")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Vårby", "Skogås"]
    assert sections[0]["id"] == "varby"
    assert sections[0].find(class_="advisor-card__name").get_text() == "Amina Warsame"
    assert sections[1].find(class_="advisor-card__name").get_text() == "Johan Lind"
    # An in-page link to each area, for a quick jump on a phone.
    assert [a["href"] for a in html.find("nav").find_all("a")] == ["#varby", "#skogas"]


@pytest.mark.django_db
def test_an_advisor_card_gives_role_click_to_call_phone_email_and_schools(client, directory):
    area = AreaFactory(name="Flemingsberg")
    school = SchoolFactory(name="Exempelskolan", area=area)
    AdvisorFactory(
        name="Sara Nieminen",
        phone="070-174 06 21",
        email="foraldraradgivare.flemingsberg@example.org",
        areas=[area],
        schools=[school],
    )
    card = main(client.get(directory.url)).find(class_="advisor-card")
    assert card.find(class_="advisor-card__role").get_text() == "Föräldrarådgivare"
    phone = card.find("a", href="tel:+46701740621")
    assert phone.get_text() == "070-174 06 21"
    assert card.find("a", href="mailto:foraldraradgivare.flemingsberg@example.org")
    assert "Exempelskolan" in card.get_text()


@pytest.mark.django_db
def test_an_advisor_photo_carries_its_alt_text(client, directory):
    area = AreaFactory()
    photo = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    AdvisorFactory(
        name="Lina Berg", areas=[area], photo=photo, photo_alt_text="Porträtt av Lina Berg"
    )
    card = main(client.get(directory.url)).find(class_="advisor-card")
    assert card.find("img")["alt"] == "Porträtt av Lina Berg"


@pytest.mark.django_db
def test_an_unpublished_advisor_is_not_shown(client, directory):
    area = AreaFactory(name="Skogås")
    AdvisorFactory(name="Publicerad Rådgivare", areas=[area])
    AdvisorFactory(name="Slutat Rådgivare", areas=[area], live=False)
    text = main(client.get(directory.url)).get_text()
    assert "Publicerad Rådgivare" in text
    assert "Slutat Rådgivare" not in text


@pytest.mark.django_db
def test_an_area_without_advisors_says_whom_to_contact_instead(client, directory):
    AreaFactory(name="Centrala Huddinge")
    text = main(client.get(directory.url)).get_text(" ", strip=True)
    assert "Det finns ingen föräldrarådgivare i området just nu" in text


@pytest.mark.django_db
def test_directory_costs_the_same_number_of_queries_for_few_and_many_advisors(client, directory):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(directory.url).status_code == 200
        return len(queries)

    area = AreaFactory()
    AdvisorFactory(areas=[area], schools=[SchoolFactory(area=area)])
    count()  # warm up: the first request creates the site's settings row
    few = count()
    for _ in range(3):
        area = AreaFactory()
        schools = SchoolFactory.create_batch(4, area=area)
        AdvisorFactory.create_batch(5, areas=[area], schools=schools)
    many = count()
    assert few == many


@pytest.mark.django_db
def test_hub_lists_its_guidance_pages_and_leads_to_the_directory(client, hub, directory):
    GuidancePageFactory(parent=hub, title="Närvarotrappan", lead="Steg för steg.")
    GuidancePageFactory(parent=hub, title="Utkast", live=False)
    html = main(client.get(hub.url))
    cards = [h.get_text(strip=True) for h in html.find_all(class_="card__title")]
    assert cards == ["Närvarotrappan"]
    assert html.find("a", href=directory.url, class_="button") is not None


@pytest.mark.django_db
def test_home_and_header_lead_to_the_directory(client, directory):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    assert html.find("header").find("a", href=directory.url) is not None
    assert html.find("main").find("a", href=directory.url) is not None


@pytest.mark.django_db
def test_an_advisor_with_a_photo_needs_alt_text_in_the_admin(client, superuser):
    area = AreaFactory()
    photo = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:add"),
        {
            "name": "Ny Rådgivare",
            "role": "Föräldrarådgivare",
            "photo": photo.pk,
            "photo_alt_text": "",
            "phone": "070-174 06 30",
            "email": "ny@example.org",
            "areas": [area.pk],
        },
    )
    assert response.status_code == 200
    assert "Skriv en alternativtext när du väljer ett foto." in response.content.decode()
    assert not Advisor.objects.exists()


@pytest.mark.django_db
def test_a_malformed_phone_number_is_refused_in_the_admin(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:add"),
        {"name": "Ny Rådgivare", "role": "Föräldrarådgivare", "phone": "ring mig"},
    )
    assert response.status_code == 200
    assert "Skriv telefonnumret med siffror" in response.content.decode()
    assert not Advisor.objects.exists()


@pytest.mark.django_db
def test_deleting_an_area_with_schools_is_refused_without_an_error(client, superuser):
    area = AreaFactory(name="Vårby")
    SchoolFactory(area=area)
    client.force_login(superuser)
    url = reverse("wagtailsnippets_advice_area:delete", args=[area.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert Area.objects.filter(pk=area.pk).exists()
