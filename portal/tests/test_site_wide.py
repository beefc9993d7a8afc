"""What every page shows (site settings, the menu, the start pages) and what forms and search
read of the snippets is kept across requests (portal/pagecache.site_wide), and is fresh on the
next page after an editor's change."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from advice.tests.factories import GuidanceIndexPageFactory, LanguageFactory
from home.tests.factories import StandardPageFactory
from portal.models import ContactSettings, HelpNowSettings

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def hub(home_page):
    return publish(GuidanceIndexPageFactory(parent=home_page, show_in_menus=True))


def test_site_settings_are_read_once_and_fresh_after_a_change(client, hub):
    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    contact.phone = "070-174 06 05"
    contact.save()
    assert "070-174 06 05" in client.get(hub.url).text
    with CaptureQueriesContext(connection) as queries:
        client.get(hub.url)
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "portal_contactsettings" not in read
    assert "portal_helpnowsettings" not in read

    contact.phone = "070-174 06 77"
    contact.save()
    help_now = HelpNowSettings.for_site(site)
    help_now.heading = "Akut hjälp"
    help_now.lines = [("line", {"label": "Socialjouren", "phone": "08-123 456 78", "text": ""})]
    help_now.save()
    html = client.get(hub.url).text
    assert "070-174 06 77" in html
    assert "070-174 06 05" not in html
    assert "Akut hjälp" in html
    assert "Socialjouren" in html
    # Kept with its numbers, too.
    assert "Socialjouren" in client.get(hub.url).text


def test_a_new_menu_page_shows_on_the_next_page(client, home_page, hub):
    assert "Om föräldrarådgivningen" not in client.get(hub.url).text
    publish(
        StandardPageFactory(parent=home_page, title="Om föräldrarådgivningen", show_in_menus=True)
    )
    assert "Om föräldrarådgivningen" in client.get(hub.url).text
    # Saved without a publication, as a script would.
    StandardPageFactory(parent=home_page, title="Kontakta oss", show_in_menus=True)
    assert 'href="/kontakta-oss/"' in client.get(hub.url).text
    # Unpublished: gone from the menu.
    hub.unpublish()
    home = client.get(home_page.url).text
    assert f'href="{hub.url}"' not in home


def select(html, name):
    """The options of the form field `name`, as shown."""
    found = re.search(rf'<select name="{name}".*?</select>', html, re.DOTALL)
    assert found, name
    return re.findall(r"<option[^>]*>([^<]*)</option>", found.group(0))


def test_snippets_kept_for_forms_and_search_are_fresh_on_the_next_page(client, small_directory):
    directory = small_directory["page"]
    varby = small_directory["areas"]["varby"]
    html = client.get(directory.url).text
    assert "Vårby" in select(html, "area")
    assert "Finska" not in select(html, "language")
    assert "Föräldrarådgivare i Vårby<" in client.get("/sok/?q=v%C3%A5rby").text

    varby.name = "Vårby gård"
    varby.save()
    LanguageFactory(code="fi", name="finska", native_name="suomi")
    html = client.get(directory.url).text
    assert "Vårby gård" in select(html, "area")
    assert "Vårby" not in select(html, "area")
    assert "Finska" in select(html, "language")
    assert "Föräldrarådgivare i Vårby gård<" in client.get("/sok/?q=v%C3%A5rby+g%C3%A5rd").text


def test_the_call_back_form_lists_each_area_once_in_the_visitors_language(client, small_directory):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    translated = small_directory["areas"]["varby"].copy_for_translation(english)
    translated.name = "Varby (English)"
    translated.save()
    options = select(client.get(small_directory["page"].url).text, "area")
    assert options.count("Vårby") == 1
    assert "Varby (English)" not in options
