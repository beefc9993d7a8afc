"""What every visitor gets from the base layout: Swedish, a skip link, navigation, breadcrumbs,
contact details in the footer, no cookies, the site's own 404 page."""

import datetime

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidanceIndexPageFactory, GuidancePageFactory
from home.tests.factories import StandardPageFactory
from portal.models import ContactSettings


@pytest.fixture
def site_pages(home_page):
    hub = GuidanceIndexPageFactory(parent=home_page, show_in_menus=True)
    guidance = GuidancePageFactory(
        parent=hub, title="Problematisk skolfrånvaro", updated_date=datetime.date(2025, 3, 4)
    )
    accessibility = StandardPageFactory(parent=home_page, title="Tillgänglighetsredogörelse")
    contact = StandardPageFactory(parent=home_page, title="Kontakta oss")
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Huddinge kommun, socialtjänsten"
    settings.phone = "070-174 06 05"
    settings.email = "foraldraradgivning@example.org"
    settings.accessibility_page = accessibility
    settings.contact_page = contact
    settings.save()
    return {"home": home_page, "hub": hub, "guidance": guidance}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_pages_are_in_swedish_and_start_with_a_skip_link_to_main(client, site_pages):
    html = soup(client.get(site_pages["guidance"].url))
    assert html.html["lang"] == "sv"
    assert html.html["dir"] == "ltr"
    first_focusable = html.body.find(["a", "button", "input", "select", "textarea"])
    assert first_focusable.get_text(strip=True) == "Hoppa till innehållet"
    assert first_focusable["href"] == "#main"
    assert html.find("main", id="main") is not None


@pytest.mark.django_db
def test_main_navigation_lists_menu_pages_and_marks_the_current_section(client, site_pages):
    html = soup(client.get(site_pages["guidance"].url))
    nav = html.find("nav", attrs={"aria-label": "Huvudmeny"})
    links = {a.get_text(strip=True): a for a in nav.find_all("a")}
    assert "Föräldrarådgivning" in links
    assert "main-nav__link--section" in links["Föräldrarådgivning"]["class"]
    # Pages not marked "show in menus" stay out of the main menu.
    assert "Kontakta oss" not in links


@pytest.mark.django_db
def test_breadcrumbs_are_an_ordered_list_ending_in_the_current_page(client, site_pages):
    html = soup(client.get(site_pages["guidance"].url))
    nav = html.find("nav", attrs={"aria-label": "Länkstig"})
    items = nav.find("ol").find_all("li")
    assert [li.get_text(strip=True) for li in items] == [
        "Start",
        "Föräldrarådgivning",
        "Problematisk skolfrånvaro",
    ]
    assert items[-1].find(attrs={"aria-current": "page"}) is not None
    assert items[0].a["href"] == "/"


@pytest.mark.django_db
def test_the_home_page_has_no_breadcrumbs(client, site_pages):
    html = soup(client.get("/"))
    assert html.find("nav", attrs={"aria-label": "Länkstig"}) is None


@pytest.mark.django_db
def test_footer_gives_contact_details_and_links_the_accessibility_statement(client, site_pages):
    footer = soup(client.get(site_pages["hub"].url)).find("footer")
    text = footer.get_text(" ", strip=True)
    assert "Huddinge kommun, socialtjänsten" in text
    assert footer.find("a", href="tel:+46701740605").get_text() == "070-174 06 05"
    assert footer.find("a", href="mailto:foraldraradgivning@example.org") is not None
    statement = footer.find("a", string="Tillgänglighetsredogörelse")
    assert statement["href"] == "/tillganglighetsredogorelse/"


@pytest.mark.django_db
def test_content_pages_show_the_editors_updated_date(client, site_pages):
    html = soup(client.get(site_pages["guidance"].url))
    meta = html.find(class_="page-meta")
    assert meta.get_text(" ", strip=True) == "Senast uppdaterad 4 mars 2025"
    assert meta.find("time")["datetime"] == "2025-03-04"


@pytest.mark.django_db
def test_public_pages_set_no_cookies(client, site_pages):
    for url in ["/", site_pages["hub"].url, site_pages["guidance"].url, "/finns-inte/"]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.django_db
def test_unknown_url_gets_the_sites_own_404_page(client, site_pages):
    response = client.get("/det-har-finns-inte/")
    assert response.status_code == 404
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == "Sidan finns inte"
    assert html.html["lang"] == "sv"
    # The 404 page keeps the site's layout: navigation and contact details.
    assert html.find("nav", attrs={"aria-label": "Huvudmeny"}) is not None
    assert "070-174 06 05" in html.find("footer").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["page=abc", "q=%00", "page=-1", "page=999999", "page=%00", "year=abc", "ar=abc"]
)
def test_malformed_query_strings_never_break_a_page(client, site_pages, query):
    for page in site_pages.values():
        response = client.get(f"{page.url}?{query}")
        assert response.status_code == 200, (page.url, query)


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, site_pages, superuser):
    policy = client.get(site_pages["guidance"].url)["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "Content-Security-Policy" in client.get("/finns-inte/").headers
    # The Wagtail admin needs inline code and sets its own rules.
    client.force_login(superuser)
    assert "Content-Security-Policy" not in client.get("/admin/").headers


@pytest.mark.django_db
def test_the_500_page_renders_without_a_request_or_database():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert 'lang="sv"' in html
    assert "Något gick fel" in html
