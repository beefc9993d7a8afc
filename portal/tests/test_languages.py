"""The site in several languages: the switcher, hreflang, lang and dir, the sitemap, and what
a visitor meets where a translation is missing or an address is wrong."""

import re

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from home.tests.factories import StandardPageFactory


@pytest.fixture
def translated_site(home_page):
    """A Swedish start page with an about page, translated into Arabic and English; the
    contact page exists in Swedish only."""
    about = StandardPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    contact = StandardPageFactory(parent=home_page, title="Kontakt", slug="kontakt")
    pages = {"sv": home_page, "about_sv": about, "contact_sv": contact}
    for code, title in [("ar", "الإرشاد الأسري"), ("en", "Parent advice")]:
        locale = Locale.objects.create(language_code=code)
        home = home_page.copy_for_translation(locale)
        home.title = title
        home.save_revision().publish()
        translated = about.copy_for_translation(locale)
        translated.save_revision().publish()
        pages[code] = home
        pages[f"about_{code}"] = translated
    return pages


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_a_swedish_only_site_shows_no_switcher_and_no_alternates(client, home_page):
    page = soup(client.get("/"))
    assert page.select(".language-switcher") == []
    assert page.select("link[hreflang]") == []
    assert page.html["lang"] == "sv"


@pytest.mark.django_db
def test_the_switcher_names_each_language_in_itself_without_flags(client, translated_site):
    page = soup(client.get("/om-oss/"))
    links = page.select(".language-switcher a")
    assert [(a["lang"], a.get_text(strip=True)) for a in links] == [
        ("sv", "Svenska"),
        ("en", "English"),
        ("ar", "العربية"),
    ]
    assert [a["href"] for a in links] == ["/om-oss/", "/en/om-oss/", "/ar/om-oss/"]
    assert links[0]["aria-current"] == "true"
    assert links[2]["dir"] == "rtl"
    assert page.select(".language-switcher img, .language-switcher svg") == []


@pytest.mark.django_db
def test_arabic_pages_are_marked_arabic_and_right_to_left(client, translated_site):
    page = soup(client.get("/ar/om-oss/"))
    assert page.html["lang"] == "ar"
    assert page.html["dir"] == "rtl"
    english = soup(client.get("/en/"))
    assert english.html["lang"] == "en"
    assert english.html["dir"] == "ltr"


@pytest.mark.django_db
def test_hreflang_alternates_list_each_translation_and_x_default(client, translated_site):
    page = soup(client.get("/ar/om-oss/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates == {
        "sv": "http://testserver/om-oss/",
        "en": "http://testserver/en/om-oss/",
        "ar": "http://testserver/ar/om-oss/",
        "x-default": "http://testserver/om-oss/",
    }


@pytest.mark.django_db
def test_a_page_without_translation_leads_to_the_start_page_and_says_so(client, translated_site):
    page = soup(client.get("/kontakt/"))
    links = {a["lang"]: a for a in page.select(".language-switcher a")}
    assert links["ar"]["href"] == "/ar/"
    assert links["en"]["href"] == "/en/"
    assert "start page" in links["en"].get_text()
    assert links["sv"]["href"] == "/kontakt/"
    assert page.select("link[hreflang]") == []


@pytest.mark.django_db
def test_the_sitemap_lists_every_translation(client, translated_site):
    response = client.get("/sitemap.xml")
    locations = set(re.findall(r"<loc>http://testserver(.*?)</loc>", response.text))
    assert {"/", "/om-oss/", "/kontakt/", "/ar/", "/ar/om-oss/", "/en/", "/en/om-oss/"} == (
        locations
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, lang",
    [
        ("/xx/om-oss/", "sv"),  # no such language: a Swedish 404
        ("/ar/kontakt/", "ar"),  # no Arabic translation
        ("/en/finns-inte/", "en"),
        ("/so/", "so"),  # a language of the site without a start page yet
        ("/so/om-oss/", "so"),
    ],
)
def test_bad_language_addresses_give_a_404_in_the_address_language(
    client, settings, translated_site, path, lang
):
    settings.DEBUG = False
    response = client.get(path)
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.select_one("h1")


@pytest.mark.django_db
def test_the_404_page_speaks_the_visitors_language(client, translated_site):
    response = client.get("/en/finns-inte/")
    assert "Page not found" in soup(response).select_one("h1").get_text()
    response = client.get("/ar/finns-inte/")
    assert soup(response).select_one("h1").get_text(strip=True) == "الصفحة غير موجودة"
