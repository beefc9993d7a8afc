"""Hitta din föräldrarådgivare: the directory, area pages and the hub as families see them."""

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from advice.models import Advisor
from advice.tests.factories import GuidancePageFactory, SchoolFactory
from taxonomy.models import Area
from taxonomy.tests.factories import AreaFactory


def main(response):
    return BeautifulSoup(response.content, "html.parser").find("main")


def card_titles(html):
    return [h.get_text(strip=True) for h in html.find_all(class_="advisor-card__name")]


@pytest.mark.django_db
def test_without_a_search_every_area_is_listed_with_its_advisors(client, small_directory):
    html = main(client.get(small_directory["page"].url))
    sections = html.find_all("section", class_="area")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Vårby", "Skogås"]
    assert card_titles(sections[0]) == ["Föräldrarådgivare, Vårby", "Lina Berg"]
    assert card_titles(sections[1]) == ["Senait Tesfay"]
    area_links = [a["href"] for a in html.find("nav", class_="area-nav").find_all("a")]
    assert area_links == [
        "/foraldraradgivning/hitta-foraldraradgivare/varby/",
        "/foraldraradgivning/hitta-foraldraradgivare/skogas/",
    ]


@pytest.mark.django_db
def test_an_advisor_card_gives_role_phone_email_languages_and_interpreter_note(
    client, small_directory
):
    html = main(client.get(small_directory["page"].url))
    card = next(c for c in html.find_all(class_="advisor-card") if "Lina Berg" in c.get_text())
    assert card.find(class_="advisor-card__role").get_text() == "Föräldrarådgivare"
    # Click-to-call in E.164, shown the Swedish way whatever the editor typed.
    phone = card.find("a", href="tel:+46701740610")
    assert phone.get_text() == "070-174 06 10"
    assert card.find("a", href="mailto:foraldraradgivare.varby@example.org")
    languages = card.find("dt", string="Språk").find_next("dd")
    assert "svenska, arabiska" in languages.get_text()
    native = languages.find("span", lang="ar")
    assert native.get_text() == "العربية" and native["dir"] == "rtl"
    assert "Tolk bokas kostnadsfritt." in card.get_text()
    assert "Vårby strandskola: tisdagar 13.00–15.00, Biblioteket" in card.get_text(" ", strip=True)
    save = card.find(class_="advisor-card__save").a
    assert save.get_text(" ", strip=True) == "Spara kontakt till Lina Berg"
    assert save["href"].endswith(f"/kontaktkort/{small_directory['advisors']['lina'].pk}/")


@pytest.mark.django_db
def test_an_advisor_who_has_not_agreed_is_shown_by_function_only(client, small_directory):
    amina = small_directory["advisors"]["amina"]
    amina.photo = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    amina.photo_alt_text = "Porträtt av Amina Farah"
    amina.save()
    html = client.get(small_directory["page"].url).content.decode()
    assert "Amina Farah" not in html
    assert "Porträtt av Amina Farah" not in html
    card = next(
        c
        for c in main(client.get(small_directory["page"].url)).find_all(class_="advisor-card")
        if "070-174 06 20" in c.get_text()
    )
    assert card.find(class_="advisor-card__name").get_text() == "Föräldrarådgivare, Vårby"
    assert card.find("img") is None


@pytest.mark.django_db
def test_an_advisor_photo_carries_its_alt_text(client, small_directory):
    lina = small_directory["advisors"]["lina"]
    lina.photo = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    lina.photo_alt_text = "Porträtt av Lina Berg"
    lina.save()
    html = main(client.get(small_directory["page"].url))
    assert html.find("img", alt="Porträtt av Lina Berg") is not None


@pytest.mark.django_db
def test_an_area_page_lists_its_advisors_schools_drop_in_and_how_to_meet(client, small_directory):
    varby = small_directory["areas"]["varby"]
    varby.office_address = "Exempelvägen 4, Vårby"
    varby.opening_hours = "Måndag–torsdag 8.30–16.00\nFredag 8.30–15.00"
    varby.save()
    response = client.get("/foraldraradgivning/hitta-foraldraradgivare/varby/")
    assert response.status_code == 200
    html = main(response)
    assert html.h1.get_text(strip=True) == "Föräldrarådgivare i Vårby"
    assert card_titles(html) == ["Föräldrarådgivare, Vårby", "Lina Berg"]
    text = html.get_text(" ", strip=True)
    assert "Exempelvägen 4, Vårby" in text
    assert "Fredag 8.30–15.00" in text
    schools = [h.get_text(strip=True) for h in html.find_all(class_="school-card__name")]
    assert schools == ["Vårby strandskola", "Vårbybackens skola"]
    assert "Tisdagar 13.00–15.00, Biblioteket" in text
    crumbs = BeautifulSoup(response.content, "html.parser").find(
        "nav", attrs={"aria-label": "Länkstig"}
    )
    assert crumbs.find(attrs={"aria-current": "page"}).get_text() == "Vårby"
    assert crumbs.find("a", string="Hitta din föräldrarådgivare") is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["finns-inte/", "VARBY/", "varby/extra/", "kontaktkort/999999/", "kontaktkort/abc/"]
)
def test_unknown_areas_and_contact_cards_get_the_404_page(client, small_directory, path):
    response = client.get(f"/foraldraradgivning/hitta-foraldraradgivare/{path}")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


@pytest.mark.django_db
def test_an_area_without_advisors_gives_the_general_contact_details(client, directory):
    AreaFactory(name="Centrala Huddinge", slug="centrala-huddinge")
    html = main(client.get("/foraldraradgivning/hitta-foraldraradgivare/centrala-huddinge/"))
    text = html.get_text(" ", strip=True)
    assert "Det finns ingen föräldrarådgivare i området just nu" in text
    assert html.find("a", href="tel:+46701740605") is not None
    assert html.find("a", href="mailto:foraldraradgivning@example.org") is not None


@pytest.mark.django_db
def test_the_sitemap_lists_the_area_pages(client, small_directory):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/foraldraradgivning/hitta-foraldraradgivare/varby/</loc>" in sitemap
    assert "/foraldraradgivning/hitta-foraldraradgivare/skogas/</loc>" in sitemap


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


def advisor_form(**overrides):
    data = {
        "name": "Ny Rådgivare",
        "role": "Föräldrarådgivare",
        "phone": "070-174 06 30",
        "email": "ny@example.org",
        "drop_ins-TOTAL_FORMS": "0",
        "drop_ins-INITIAL_FORMS": "0",
        "drop_ins-MIN_NUM_FORMS": "0",
        "drop_ins-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_an_advisor_with_a_photo_needs_alt_text_in_the_admin(client, superuser):
    area = AreaFactory()
    photo = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:add"),
        advisor_form(photo=photo.pk, photo_alt_text="", areas=[area.pk]),
    )
    assert response.status_code == 200
    assert "Skriv en alternativtext när du väljer ett foto." in response.content.decode()
    assert not Advisor.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["ring mig", "112", "070-174", "+46 70 174 06 10 10"])
def test_a_malformed_phone_number_is_refused_in_the_admin(client, superuser, number):
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:add"), advisor_form(phone=number)
    )
    assert response.status_code == 200
    assert "Skriv ett svenskt telefonnummer med riktnummer" in response.content.decode()
    assert not Advisor.objects.exists()


@pytest.mark.django_db
def test_a_drop_in_that_ends_before_it_starts_is_refused(client, superuser):
    school = SchoolFactory()
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:add"),
        advisor_form(
            **{
                "drop_ins-TOTAL_FORMS": "1",
                "drop_ins-0-school": school.pk,
                "drop_ins-0-weekday": "2",
                "drop_ins-0-start_time": "15:00",
                "drop_ins-0-end_time": "13:00",
                "drop_ins-0-ORDER": "1",
            }
        ),
    )
    assert response.status_code == 200
    assert "Sluttiden måste vara efter starttiden." in response.content.decode()
    assert not Advisor.objects.exists()


@pytest.mark.django_db
def test_deleting_an_area_with_schools_is_refused_without_an_error(client, superuser):
    area = AreaFactory(name="Vårby")
    SchoolFactory(area=area)
    client.force_login(superuser)
    url = reverse("wagtailsnippets_taxonomy_area:delete", args=[area.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert Area.objects.filter(pk=area.pk).exists()


@pytest.mark.django_db
def test_advisors_save_drafts_and_reviewers_publish_them(client, advisor_editor, reviewer):
    area = AreaFactory()
    client.force_login(advisor_editor)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:add"),
        advisor_form(areas=[area.pk], **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    advisor = Advisor.objects.get(name="Ny Rådgivare")
    assert not advisor.live  # advisors may not publish: a draft
    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailsnippets_advice_advisor:edit", args=[advisor.pk]),
        advisor_form(areas=[area.pk], **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    advisor.refresh_from_db()
    assert advisor.live
    # Nobody but administrators deletes: an advisor who leaves is unpublished instead.
    delete = client.post(reverse("wagtailsnippets_advice_advisor:delete", args=[advisor.pk]))
    assert delete.status_code in {302, 403}
    assert Advisor.objects.filter(pk=advisor.pk).exists()
