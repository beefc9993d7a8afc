"""One rule names the organisation behind the site, wherever it is named, and the header
shows it: logo, name and a link to its main website."""

from django.core.exceptions import ValidationError
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from portal.models import ContactSettings
from portal.organisation import organisation_name


@pytest.mark.django_db
def test_the_organisation_is_the_contact_settings_else_the_site_else_the_setting(rf, home_page):
    # Without an organisation in the contact settings: the site's name.
    assert organisation_name(rf.get("/")) == "Föräldrarådgivning"

    site = home_page.get_site()
    site.site_name = ""
    site.save()
    # An unnamed site: its start page's title.
    assert organisation_name(rf.get("/")) == home_page.title

    contact = ContactSettings.for_site(site)
    contact.organisation_name = "Huddinge kommun, socialtjänsten"
    contact.save()
    assert organisation_name(rf.get("/")) == "Huddinge kommun, socialtjänsten"


@pytest.mark.django_db
@override_settings(WAGTAIL_SITE_NAME="Föräldrarådgivning i kommunen")
def test_without_a_site_the_organisation_is_the_configured_site_name(rf):
    Site.objects.all().delete()
    assert organisation_name(rf.get("/")) == "Föräldrarådgivning i kommunen"
    assert organisation_name(None) == "Föräldrarådgivning i kommunen"


# The organisation in the header


@pytest.fixture
def organisation(home_page):
    contact = ContactSettings.for_site(home_page.get_site())
    contact.organisation_name = "Huddinge kommun, socialtjänsten"
    contact.organisation_url = "https://www.huddinge.se/"
    contact.organisation_logo = get_image_model().objects.create(
        title="Logotyp",
        description="Huddinge kommuns logotyp",
        file=get_test_image_file(size=(192, 192)),
    )
    contact.save()
    return contact


def header(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("header", class_="site-header")


@pytest.mark.django_db
def test_the_header_says_whose_service_this_is(client, organisation):
    element = header(client).find(class_="site-org")
    link = element.find("a", class_="site-org__link")
    assert link["href"] == "https://www.huddinge.se/"
    logo = link.find("img", class_="site-org__logo")
    assert logo["alt"] == "Huddinge kommuns logotyp"
    assert int(logo["height"]) == 24  # 1.5rem, as shown; 48 and 72 high in the srcset
    assert link.find(class_="site-org__name").get_text() == "Huddinge kommun, socialtjänsten"
    # Named once in the header, apart from the link home.
    assert header(client).get_text().count("Huddinge kommun, socialtjänsten") == 1
    brand = header(client).find("a", class_="brand")
    assert "Huddinge" not in brand.get_text()


@pytest.mark.django_db
def test_without_a_logo_or_website_the_header_still_names_the_organisation(client, organisation):
    organisation.organisation_logo = None
    organisation.organisation_url = ""
    organisation.save()
    element = header(client).find(class_="site-org")
    assert element.find("a") is None
    assert element.find("img") is None
    assert element.get_text(strip=True) == "Huddinge kommun, socialtjänsten"


@pytest.mark.django_db
def test_without_an_organisation_the_header_has_no_organisation_line(client, home_page):
    assert header(client).find(class_="site-org") is None


@pytest.mark.django_db
def test_a_logo_needs_alt_text(organisation):
    logo = organisation.organisation_logo
    logo.description = ""
    logo.save()
    organisation.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "organisation_logo" in error.value.message_dict
