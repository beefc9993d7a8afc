"""One rule names the organisation behind the site, wherever it is named."""

from django.test import override_settings

from wagtail.models import Site

import pytest

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
