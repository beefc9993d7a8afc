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
    assert "not translated" in links["en"].get_text()
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


@pytest.fixture
def guidance_in_arabic(hub):
    """A Swedish guidance page dated 1 March 2026 and its Arabic translation."""
    import datetime

    from advice.tests.factories import GuidancePageFactory

    swedish = GuidancePageFactory(parent=hub, title="Föräldraskapsstöd", slug="stod")
    swedish.updated_date = datetime.date(2026, 3, 1)
    swedish.keep_updated_date = True
    swedish.save_revision().publish()
    arabic = Locale.objects.create(language_code="ar")
    hub.get_parent().specific.copy_for_translation(arabic).save_revision().publish()
    hub.copy_for_translation(arabic).save_revision().publish()
    translated = swedish.copy_for_translation(arabic)
    translated.title = "دعم الأهل"
    translated.save_revision().publish()
    return swedish, translated


@pytest.mark.django_db
def test_a_translation_says_which_swedish_version_it_comes_from(client, guidance_in_arabic):
    swedish, translated = guidance_in_arabic
    page = soup(client.get(translated.url))
    note = page.select_one(".translation-note")
    assert "مترجمة عن الصفحة السويدية" in note.get_text()
    assert "2026" in note.get_text()
    assert page.select(".translation-note--changed") == []
    # The Swedish page is untouched by its own note.
    assert soup(client.get(swedish.url)).select(".translation-note") == []


@pytest.mark.django_db
def test_a_translation_says_so_when_the_swedish_page_has_changed(client, guidance_in_arabic):
    swedish, translated = guidance_in_arabic
    # A typo fix that keeps the date is no new version.
    swedish.keep_updated_date = True
    swedish.save_revision().publish()
    assert soup(client.get(translated.url)).select(".translation-note--changed") == []
    # A real update is.
    swedish.refresh_from_db()
    swedish.lead = "Ny text."
    swedish.save_revision().publish()
    notice = soup(client.get(translated.url)).select_one(".translation-note--changed")
    assert "تغيّرت الصفحة السويدية" in notice.get_text()
    link = notice.select_one("a")
    assert link["href"] == swedish.url
    assert link["hreflang"] == "sv"
    # Publishing the translation again (after updating it) makes it current.
    translated.refresh_from_db()
    translated.save_revision().publish()
    assert soup(client.get(translated.url)).select(".translation-note--changed") == []


@pytest.mark.django_db
def test_lattlast_links_both_ways_with_a_clear_label(client, hub):
    from advice.tests.factories import GuidancePageFactory

    easy = GuidancePageFactory(parent=hub, title="Stöd – lättläst", slug="stod-lattlast")
    full = GuidancePageFactory(parent=hub, title="Föräldraskapsstöd", slug="stod")
    full.easy_read_version = easy
    full.save_revision().publish()
    link = soup(client.get(full.url)).select_one(".easy-read-link a")
    assert link["href"] == easy.url
    assert "Lättläst" in link.get_text()
    back = soup(client.get(easy.url)).select_one(".easy-read-link")
    assert "Det här är en lättläst text." in back.get_text()
    assert back.select_one("a")["href"] == full.url
    assert "Föräldraskapsstöd" in back.select_one("a").get_text()
    # Unpublished, the easy-read page is not linked.
    easy.unpublish()
    assert soup(client.get(full.url)).select(".easy-read-link") == []


@pytest.mark.django_db
def test_the_lyssna_button_is_hidden_until_a_voice_is_found_and_has_no_inline_script(
    client, translated_site
):
    page = soup(client.get("/ar/om-oss/"))
    wrapper = page.select_one("[data-read-aloud]")
    assert wrapper.has_attr("hidden")
    button = wrapper.select_one("button")
    assert button["type"] == "button"
    assert button["data-start-label"] == "استمع"
    assert page.select('script[src$="js/read-aloud.js"]')
    assert all(
        script.get("src") or script.get("type") == "application/ld+json"
        for script in page.select("script")
    )
