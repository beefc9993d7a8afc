"""Open data and machine-readable contact details: the vCards, the JSON and CSV of the
directory, and the schema.org JSON-LD on the directory and area pages."""

import csv
import io
import json
import re

import pytest
import vobject
from bs4 import BeautifulSoup

URL = "/foraldraradgivning/hitta-foraldraradgivare/"
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")


def vcard(client, advisor):
    response = client.get(f"{URL}kontaktkort/{advisor.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    return vobject.readOne(text)


@pytest.mark.django_db
def test_the_vcard_holds_name_phone_and_email(client, small_directory):
    card = vcard(client, small_directory["advisors"]["lina"])
    assert card.fn.value == "Lina Berg"
    assert card.tel.value == "tel:+46701740610"
    assert card.email.value == "foraldraradgivare.varby@example.org"
    assert card.title.value == "Föräldrarådgivare"
    assert card.org.value == ["Huddinge kommun, socialtjänsten"]
    assert [lang.value for lang in card.contents["lang"]] == ["sv", "ar"]
    assert "Tolk bokas kostnadsfritt" in card.note.value


@pytest.mark.django_db
def test_the_vcard_of_an_advisor_who_has_not_agreed_carries_no_name(client, small_directory):
    card = vcard(client, small_directory["advisors"]["amina"])
    assert card.fn.value == "Föräldrarådgivare, Vårby"
    assert "n" not in card.contents
    assert card.tel.value == "tel:+46701740620"


@pytest.mark.django_db
def test_an_unpublished_advisor_has_no_vcard(client, small_directory):
    gone = small_directory["advisors"]["gone"]
    assert client.get(f"{URL}kontaktkort/{gone.pk}/").status_code == 404


def api(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies
    return response.json()


@pytest.mark.django_db
def test_the_api_index_points_to_every_list(client, small_directory):
    data = api(client, "/api/")
    assert set(data["endpoints"]) == {"areas", "schools", "advisors", "advisors_csv"}
    assert data["license"]["name"] == "CC0 1.0"


@pytest.mark.django_db
def test_the_api_lists_areas_and_schools(client, small_directory):
    areas = api(client, "/api/v1/areas/")["items"]
    assert [a["slug"] for a in areas] == ["varby", "skogas"]
    assert areas[0]["url"] == "http://testserver/foraldraradgivning/hitta-foraldraradgivare/varby/"
    schools = api(client, "/api/v1/schools/")["items"]
    assert {s["slug"]: s["area"] for s in schools} == {
        "skogas-bergsskola": "skogas",
        "varby-strandskola": "varby",
        "varbybackens-skola": "varby",
    }


@pytest.mark.django_db
def test_the_api_gives_public_fields_of_published_advisors_only(client, small_directory):
    advisors = api(client, "/api/v1/advisors/")["items"]
    assert len(advisors) == 3
    titles = sorted(a["title"] for a in advisors)
    assert titles == ["Föräldrarådgivare, Vårby", "Lina Berg", "Senait Tesfay"]
    amina = next(a for a in advisors if a["title"] == "Föräldrarådgivare, Vårby")
    assert amina["name"] is None
    lina = next(a for a in advisors if a["title"] == "Lina Berg")
    assert lina["languages"] == ["sv", "ar"]
    assert lina["schools"] == ["varby-strandskola"]
    assert lina["drop_in"][0]["school"] == "varby-strandskola"
    assert lina["vcard"].endswith(f"/kontaktkort/{small_directory['advisors']['lina'].pk}/")
    public_fields = {
        "id", "title", "name", "role", "phone", "phone_display", "phone_hours", "email",
        "languages", "areas", "schools", "drop_in", "interpreter", "vcard",
    }  # fmt: skip
    for advisor in advisors:
        assert set(advisor) == public_fields
    body = client.get("/api/v1/advisors/").content.decode()
    assert "Slutat Rådgivare" not in body
    assert "Amina Farah" not in body


@pytest.mark.django_db
def test_the_csv_download_has_the_same_advisors(client, small_directory):
    response = client.get("/api/v1/advisors.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert sorted(row["titel"] for row in rows) == [
        "Föräldrarådgivare, Vårby",
        "Lina Berg",
        "Senait Tesfay",
    ]
    assert "Amina Farah" not in text and "Slutat Rådgivare" not in text
    lina = next(row for row in rows if row["titel"] == "Lina Berg")
    assert lina["sprak"] == "sv, ar"


def csv_rows(client):
    text = client.get("/api/v1/advisors.csv").content.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


@pytest.mark.django_db
def test_the_csv_gives_phones_as_the_site_shows_them_and_schools_by_name(client, small_directory):
    rows = {row["titel"]: row for row in csv_rows(client)}
    lina = rows["Lina Berg"]
    # As on the advisor card: Excel drops the "+" of "+46701740610" and shows a number.
    assert lina["telefon"] == "070-174 06 10"
    assert "telefon_visning" not in lina
    assert lina["skolor"] == "Vårby strandskola"
    assert lina["omraden"] == "Vårby"
    assert lina["drop_in"] == "Vårby strandskola: tisdagar 13.00–15.00, Biblioteket"
    assert rows["Föräldrarådgivare, Vårby"]["skolor"] == "Vårbybackens skola"
    assert rows["Föräldrarådgivare, Vårby"]["namn"] == ""
    # The JSON keeps the machine forms.
    advisors = client.get("/api/v1/advisors/").json()["items"]
    json_lina = next(a for a in advisors if a["name"] == "Lina Berg")
    assert json_lina["phone"] == "+46701740610"
    assert json_lina["schools"] == ["varby-strandskola"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ['=HYPERLINK("https://example.org")', "+46701740610", "-1+1", "@SUM(A1:A2)"]
)
def test_no_csv_cell_starts_like_a_formula(client, small_directory, name):
    lina = small_directory["advisors"]["lina"]
    lina.name = name
    lina.phone_hours = "=1+1"
    lina.save()
    strand = small_directory["schools"]["strand"]
    strand.name = "@Skolan"
    strand.save()
    rows = csv_rows(client)
    row = next(row for row in rows if row["namn"].lstrip("'") == name)
    assert row["namn"] == "'" + name
    assert row["titel"] == "'" + name
    assert row["telefontider"] == "'=1+1"
    assert row["skolor"] == "'@Skolan"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.django_db
def test_the_api_answers_odd_query_strings_and_methods_calmly(client, small_directory):
    assert client.get("/api/v1/advisors/?page=abc&q=%00&format=xml").status_code == 200
    assert client.post("/api/v1/advisors/").status_code == 405


def json_ld(client, path):
    """The page's one block of structured data about the service (besides the
    BreadcrumbList every page with breadcrumbs has)."""
    html = BeautifulSoup(client.get(path).content, "html.parser")
    found = [
        json.loads(script.string) for script in html.find_all("script", type="application/ld+json")
    ]
    services = [data for data in found if data["@type"] != "BreadcrumbList"]
    assert len(services) == 1
    return services[0]


@pytest.mark.django_db
def test_the_directory_describes_the_service_as_schema_org_json_ld(client, small_directory):
    data = json_ld(client, URL)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentService"
    assert data["audience"]["@type"] == "ParentAudience"
    assert [area["name"] for area in data["areaServed"]] == ["Vårby", "Skogås"]
    provider = data["provider"]
    assert provider["@type"] == "GovernmentOrganization"
    assert provider["name"] == "Huddinge kommun, socialtjänsten"
    points = provider["contactPoint"]
    assert {point["@type"] for point in points} == {"ContactPoint"}
    assert len(points) == 3
    for point in points:
        assert point["availableLanguage"][0] == "sv"
        assert all(BCP47.match(code) for code in point["availableLanguage"])
    # A Person only for advisors who agreed to be shown; nobody who has left.
    assert sorted(person["name"] for person in provider["employee"]) == [
        "Lina Berg",
        "Senait Tesfay",
    ]
    assert all(person["@type"] == "Person" for person in provider["employee"])
    text = json.dumps(data, ensure_ascii=False)
    assert "Amina Farah" not in text and "Slutat Rådgivare" not in text


@pytest.mark.django_db
def test_an_area_page_describes_the_service_in_that_area(client, small_directory):
    data = json_ld(client, f"{URL}skogas/")
    assert data["@type"] == "GovernmentService"
    assert [area["name"] for area in data["areaServed"]] == ["Skogås"]
    assert [p["name"] for p in data["provider"]["employee"]] == ["Senait Tesfay"]
    assert data["provider"]["contactPoint"][0]["availableLanguage"] == ["sv", "ti"]
