"""Importing schools from a CSV file of Skolverket's school-unit register: the import itself,
the "Importera skolor" page in the admin and the import_schools command."""

from io import StringIO

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.search.backends import get_search_backend

import pytest
from bs4 import BeautifulSoup

from advice import admin_views, school_import
from advice.models import School
from advice.school_import import import_schools
from advice.tests.factories import SchoolFactory
from taxonomy.tests.factories import AreaFactory

HEADER = "Skolenhetskod;Skolenhetsnamn;Kommunkod;Besöksadress;Skolformer"
IMPORT_URL = "/admin/advice/school-import/"


def csv_file(*rows, header=HEADER, delimiter=";", encoding="utf-8"):
    """A CSV file as bytes; rows are tuples of cells, written with the given delimiter."""
    lines = [header.replace(";", delimiter), *(delimiter.join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


VARBY = ("12345678", "Vårby gårds skola", "0126", "Vårby allé 10, 143 40 Vårby", "Grundskola")
SKOGAS = ("23456789", "Skogås skola", "0126", "Skogåsvägen 1, 142 30 Skogås", "Förskoleklass")


def school(unit_code):
    return School.objects.get(unit_code=unit_code)


# Reading files


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252"])
def test_utf8_with_or_without_bom_and_latin1_files_import_with_correct_swedish_letters(encoding):
    report = import_schools(csv_file(VARBY, SKOGAS, encoding=encoding))
    assert report.ok, report.error
    assert [s.name for s in report.created] == ["Vårby gårds skola", "Skogås skola"]
    varby = school("12345678")
    assert varby.name == "Vårby gårds skola"
    assert varby.municipality_code == "0126"
    assert varby.visiting_address == "Vårby allé 10, 143 40 Vårby"
    assert varby.school_forms == "Grundskola"
    assert varby.area is None
    assert varby.slug == "varby-gards-skola"
    assert school("23456789").name == "Skogås skola"


@pytest.mark.django_db
def test_a_windows_1252_file_keeps_its_dashes():
    row = ("12345678", "Flemingsbergsskolan – Grundsärskola", "0126", "", "")
    import_schools(csv_file(row, encoding="cp1252"))
    assert school("12345678").name == "Flemingsbergsskolan – Grundsärskola"


@pytest.mark.django_db
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_semicolon_comma_and_tab_delimited_files_import(delimiter):
    lines = [
        HEADER.replace(";", delimiter),
        delimiter.join(VARBY[:3]) + delimiter + '"Vårby allé 10, 143 40 Vårby"' + delimiter,
    ]
    report = import_schools("\n".join(lines).encode())
    assert report.ok, report.error
    assert school("12345678").visiting_address == "Vårby allé 10, 143 40 Vårby"


@pytest.mark.django_db
def test_header_names_match_regardless_of_case_and_spaces_and_extra_columns_are_ignored():
    header = " SKOLENHETSKOD ;Huvudman;skolenhetsnamn;Kommun;kommunkod"
    report = import_schools(
        csv_file(("12345678", "X AB", "Vårbyskolan", "Huddinge", "0126"), header=header)
    )
    assert report.ok, report.error
    assert school("12345678").name == "Vårbyskolan"


@pytest.mark.django_db
def test_separate_street_postal_code_and_town_columns_are_joined_into_one_address():
    header = "Skolenhetskod;Skolenhetsnamn;Kommunkod;Besöksadress;Postnr;Ort"
    import_schools(
        csv_file(("12345678", "Vårbyskolan", "0126", "Gatan 1", "14100", "Huddinge"), header=header)
    )
    assert school("12345678").visiting_address == "Gatan 1, 141 00 Huddinge"


@pytest.mark.django_db
def test_a_municipality_code_without_its_leading_zero_still_counts():
    import_schools(csv_file(("12345678", "Vårbyskolan", "126", "", "")))
    assert school("12345678").municipality_code == "0126"


# Re-importing


@pytest.mark.django_db
def test_reimport_updates_schools_by_unit_code_and_does_not_duplicate():
    import_schools(csv_file(VARBY, SKOGAS))
    renamed = ("12345678", "Vårby gårds grundskola", "0126", VARBY[3], "Grundskola, Förskoleklass")
    report = import_schools(csv_file(renamed, SKOGAS))
    assert report.ok
    assert School.objects.count() == 2
    assert report.created == []
    assert report.unchanged == 1
    [updated] = report.updated
    assert updated.unit_code == "12345678"
    changes = {change.label: (change.old, change.new) for change in updated.changes}
    assert changes == {
        "namn": ("Vårby gårds skola", "Vårby gårds grundskola"),
        "skolformer": ("Grundskola", "Grundskola, Förskoleklass"),
    }
    assert "namn ”Vårby gårds skola” → ”Vårby gårds grundskola”" in "\n".join(report.as_lines())
    assert school("12345678").name == "Vårby gårds grundskola"


@pytest.mark.django_db
def test_reimport_never_touches_the_area_or_slug_of_an_existing_school():
    area = AreaFactory(name="Vårby")
    SchoolFactory(name="Vårbyskolan", slug="var-egen-adress", unit_code="12345678", area=area)
    report = import_schools(csv_file(VARBY))
    assert len(report.updated) == 1
    varby = school("12345678")
    assert varby.name == "Vårby gårds skola"
    assert varby.slug == "var-egen-adress"
    assert varby.area == area


@pytest.mark.django_db
def test_empty_cells_do_not_erase_what_the_school_already_has():
    SchoolFactory(
        slug="varby", unit_code="12345678", name=VARBY[1], municipality_code="0126",
        visiting_address="Vårby allé 10", school_forms="Grundskola",
    )  # fmt: skip
    report = import_schools(csv_file(("12345678", VARBY[1], "0126", "", "")))
    assert report.unchanged == 1
    assert school("12345678").visiting_address == "Vårby allé 10"


@pytest.mark.django_db
def test_new_schools_get_unique_slugs_from_their_names():
    SchoolFactory(name="Vårbyskolan", slug="varbyskolan")
    rows = [
        ("12345678", "Vårbyskolan", "0126", "", ""),
        ("23456789", "Vårbyskolan", "0126", "", ""),
    ]
    import_schools(csv_file(*rows))
    assert school("12345678").slug == "varbyskolan-2"
    assert school("23456789").slug == "varbyskolan-3"


@pytest.mark.django_db
def test_schools_missing_from_the_file_are_reported_but_not_deleted():
    SchoolFactory(
        name="Nedlagda skolan", slug="nedlagda", unit_code="99999999", municipality_code="0126"
    )
    SchoolFactory(name="Utan kod", slug="utan-kod")
    report = import_schools(csv_file(VARBY))
    assert [(s.unit_code, s.name) for s in report.missing] == [("99999999", "Nedlagda skolan")]
    assert School.objects.filter(unit_code="99999999").exists()
    assert "  ? 99999999 Nedlagda skolan" in report.as_lines()


def search(query):
    return [school.unit_code for school in get_search_backend().search(query, School)]


@pytest.mark.django_db
def test_imported_and_renamed_schools_can_be_found_by_the_admin_search():
    import_schools(csv_file(VARBY, SKOGAS))
    assert search("Skogås") == ["23456789"]
    import_schools(csv_file(("23456789", "Skogås grundskola", "0126", "", "")))
    assert search("grundskola") == ["23456789"]


# Refusals


def assert_refused(report, *fragments):
    assert not report.ok
    for fragment in fragments:
        assert fragment in report.error
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_missing_required_columns_refuse_the_whole_file_and_name_them():
    report = import_schools(csv_file(("12345678", "Vårbyskolan"), header="Skolenhetskod;Namn"))
    assert_refused(report, "Skolenhetsnamn, Kommunkod", "Skolenhetskod, Namn")
    assert report.as_lines() == [report.error]


@pytest.mark.django_db
def test_duplicate_unit_codes_refuse_the_whole_file_and_list_them():
    copy = ("12345678", "Vårby gårds skola kopia", "0126", "", "")
    report = import_schools(csv_file(VARBY, SKOGAS, copy))
    assert_refused(report, "12345678 (rad 2, 4)")
    assert "23456789" not in report.error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "tom"),
        (b"\r\n  \r\n", "tom"),
        (HEADER.encode() + b"\r\n", "bara en rubrikrad"),
        (b"PK\x03\x04\x14\x00\x06\x00 binary zip", "kalkylark"),
        (b"Skolenhetskod;\x00\x01\x02\xff\xfe", "kunde inte läsas som text"),
    ],
)
def test_empty_or_binary_files_are_refused_with_a_reason(data, message):
    assert_refused(import_schools(data), message)


@pytest.mark.django_db
def test_a_file_with_more_rows_than_allowed_is_refused(settings):
    settings.SCHOOL_IMPORT_MAX_ROWS = 1
    assert_refused(import_schools(csv_file(VARBY, SKOGAS)), "fler än 1 rader")


@pytest.mark.django_db
def test_bad_rows_are_refused_with_their_line_number_while_good_rows_import():
    rows = [
        VARBY,  # line 2
        ("1234", "Kort kod", "0126", "", ""),  # line 3
        ("34567890", "", "0126", "", ""),  # line 4
        ("45678901", "x" * 121, "0126", "", ""),  # line 5
        SKOGAS,  # line 6
    ]
    report = import_schools(csv_file(*rows))
    assert report.ok
    assert set(School.objects.values_list("unit_code", flat=True)) == {"12345678", "23456789"}
    refused = {row.line: row.reason for row in report.refused}
    assert set(refused) == {3, 4, 5}
    assert "”1234” är inte åtta siffror" in refused[3]
    assert "Skolenhetsnamn saknas" in refused[4]
    assert "121 tecken" in refused[5]
    assert "  ! rad 3: Skolenhetskoden ”1234” är inte åtta siffror." in report.as_lines()


@pytest.mark.django_db
def test_rows_of_other_municipalities_are_counted_not_imported():
    stockholm = ("34567890", "Stockholmsskolan", "0180", "", "")
    report = import_schools(csv_file(VARBY, stockholm))
    assert report.other_municipality == 1
    assert report.refused == []
    assert list(School.objects.values_list("unit_code", flat=True)) == ["12345678"]

    report = import_schools(csv_file(VARBY, stockholm), municipality_code="0180")
    assert report.other_municipality == 1
    assert school("34567890").name == "Stockholmsskolan"


@pytest.mark.django_db
def test_the_municipality_comes_from_settings(settings):
    settings.SCHOOL_IMPORT_MUNICIPALITY_CODE = "0180"
    report = import_schools(csv_file(VARBY, ("34567890", "Stockholmsskolan", "0180", "", "")))
    assert [s.unit_code for s in report.created] == ["34567890"]


# Transactions and efficiency


@pytest.mark.django_db
def test_a_failure_while_saving_leaves_the_database_as_it_was(monkeypatch):
    SchoolFactory(slug="varby", unit_code="12345678", name="Gammalt namn")

    def fail(*args, **kwargs):
        raise IntegrityError("simulated")

    # Fails after the new school is created and the old one renamed: both must roll back.
    monkeypatch.setattr(school_import, "update_search_index", fail)
    report = import_schools(csv_file(VARBY, SKOGAS))
    assert not report.ok
    assert "inget sparades" in report.error
    assert list(School.objects.values_list("unit_code", "name")) == [("12345678", "Gammalt namn")]


@pytest.mark.django_db
def test_a_dry_run_reports_everything_and_saves_nothing():
    report = import_schools(csv_file(VARBY, SKOGAS), dry_run=True)
    assert len(report.created) == 2
    assert report.as_lines()[0].startswith("Förhandsgranskning")
    assert School.objects.count() == 0
    assert search("Skogås") == []


@pytest.mark.django_db
def test_an_import_costs_the_same_number_of_queries_for_few_and_many_schools():
    def queries_for(count, start, name="Skola"):
        rows = [(str(start + i), f"{name} {start + i}", "0126", "", "") for i in range(count)]
        with CaptureQueriesContext(connection) as queries:
            assert import_schools(csv_file(*rows)).ok
        return len(queries)

    assert queries_for(3, 10_000_000) == queries_for(300, 20_000_000)
    # Updating them: the same again.
    assert queries_for(3, 10_000_000, "Skolan") == queries_for(300, 20_000_000, "Skolan")
    assert School.objects.filter(name__startswith="Skolan ").count() == 303


@pytest.mark.django_db
def test_a_register_of_fifty_thousand_rows_imports_the_municipalitys_schools(settings):
    """The whole national register in one file: every row is read, the municipality's own
    schools are imported, and a second import of the same file changes nothing."""
    settings.SCHOOL_IMPORT_MUNICIPALITY_CODE = "0126"
    rows = [
        (
            str(10_000_000 + i),
            f"Skola nummer {i}",
            "0126" if i % 250 == 0 else "1280",
            f"Skolgatan {i}, 141 00 Huddinge",
            "Grundskola",
        )
        for i in range(50_000)
    ]
    data = csv_file(*rows)
    report = import_schools(data)
    assert report.ok, report.error
    assert len(report.created) == 200
    assert report.other_municipality == 49_800
    assert School.objects.count() == 200

    report = import_schools(data)
    assert report.unchanged == 200
    assert School.objects.count() == 200


# The admin page


@pytest.fixture
def editor_client(client, communicator):
    client.force_login(communicator)
    return client


def upload(name, content, content_type="text/csv"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def page(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_the_import_page_url_is_named():
    assert reverse("advice_school_import") == IMPORT_URL


@pytest.mark.django_db
def test_the_import_page_loads_for_an_editor_and_explains_the_file(editor_client):
    response = editor_client.get(IMPORT_URL)
    assert response.status_code == 200
    html = page(response)
    assert html.find("input", type="file", attrs={"name": "file", "accept": ".csv,text/csv"})
    assert "Skolenhetskod, Skolenhetsnamn och Kommunkod" in html.get_text()
    buttons = {
        b["value"]: b.get_text(strip=True)
        for b in html.find_all("button", attrs={"name": "action"})
    }
    assert buttons == {"preview": "Förhandsgranska", "import": "Importera"}


@pytest.mark.django_db
def test_the_school_listing_has_an_import_button_for_those_who_may_import(client, communicator):
    client.force_login(communicator)
    response = client.get(reverse("wagtailsnippets_advice_school:list"))
    assert response.status_code == 200
    link = page(response).find("a", href=IMPORT_URL)
    assert link and "Importera skolor" in link.get_text()


@pytest.mark.django_db
def test_the_import_needs_the_rights_to_add_and_to_change_schools(client, reviewer):
    """Reviewers may change schools but not add them: no import, and no button for it."""
    client.force_login(reviewer)
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    listing = client.get(reverse("wagtailsnippets_advice_school:list"))
    assert not page(listing).find("a", href=IMPORT_URL)


@pytest.mark.django_db
def test_an_editor_imports_a_file_and_sees_the_report(editor_client):
    SchoolFactory(slug="gammal", unit_code="12345678", name="Vårby gamla skola")
    data = csv_file(VARBY, SKOGAS, ("1", "Trasig", "0126", "", ""))
    response = editor_client.post(
        IMPORT_URL, {"file": upload("skolor.csv", data), "action": "import"}
    )
    assert response.status_code == 200
    html = page(response)
    assert "Importen är klar" in html.get_text()
    created = html.find(id="school-import-created").tbody.find_all("tr")
    assert [tr.find_all("td")[1].get_text() for tr in created] == ["Skogås skola"]
    updated = html.find(id="school-import-updated").get_text()
    assert "Vårby gamla skola" in updated and "Vårby gårds skola" in updated
    refused = html.find(id="school-import-refused").tbody.tr.find_all("td")
    assert refused[0].get_text() == "4"
    assert "inte åtta siffror" in refused[1].get_text()
    assert "1 nya, 1 uppdaterade, 1 rader avvisade" in html.get_text()
    assert School.objects.count() == 2


@pytest.mark.django_db
def test_preview_shows_the_report_and_saves_nothing(editor_client):
    response = editor_client.post(
        IMPORT_URL, {"file": upload("skolor.csv", csv_file(VARBY)), "action": "preview"}
    )
    assert response.status_code == 200
    text = page(response).get_text()
    assert "Förhandsgranskning: inget har sparats" in text
    assert "Vårby gårds skola" in text
    assert School.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "Välj en CSV-fil"),
        ({"file": upload("skolor.xlsx", b"PK\x03\x04 zip", "application/zip")}, "inte en CSV-fil"),
        ({"file": upload("skolor.csv", b"PK\x03\x04 zip")}, "kalkylark"),
        ({"file": upload("skolor.csv", b"\x00\x01\x02\x03")}, "kunde inte läsas som text"),
        ({"file": upload("skolor.csv", b"Namn;Adress\r\nX;Y\r\n")}, "saknar kolumnerna"),
        ({"file": upload("skolor.csv", b"")}, "Filen är tom"),
    ],
)
def test_bad_uploads_show_the_form_with_a_message_never_a_server_error(
    editor_client, files, message
):
    response = editor_client.post(IMPORT_URL, {"action": "import", **files})
    assert response.status_code == 200
    errors = page(response).find(class_="w-field__errors")
    assert errors and message in errors.get_text()
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_with_a_message(editor_client, monkeypatch):
    monkeypatch.setattr(admin_views, "MAX_UPLOAD_SIZE", 10)
    response = editor_client.post(
        IMPORT_URL, {"file": upload("skolor.csv", csv_file(VARBY)), "action": "import"}
    )
    assert response.status_code == 200
    assert "får vara högst" in page(response).find(class_="w-field__errors").get_text()
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_a_user_without_permission_to_add_schools_is_turned_away(client, django_user_model):
    user = django_user_model.objects.create_user(username="lasare", password="password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for response in (
        client.get(IMPORT_URL),
        client.post(
            IMPORT_URL, {"file": upload("skolor.csv", csv_file(VARBY)), "action": "import"}
        ),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# The management command


@pytest.fixture
def csv_path(tmp_path):
    path = tmp_path / "skolor.csv"
    path.write_bytes(csv_file(VARBY, SKOGAS, ("34567890", "Stockholmsskolan", "0180", "", "")))
    return path


@pytest.mark.django_db
def test_the_command_imports_and_prints_the_report(csv_path):
    out = StringIO()
    call_command("import_schools", str(csv_path), stdout=out)
    assert School.objects.count() == 2
    output = out.getvalue()
    assert "Nya skolor: 2" in output
    assert "+ 12345678 Vårby gårds skola" in output
    assert "Rader från andra kommuner (hoppades över): 1" in output


@pytest.mark.django_db
def test_the_command_dry_run_creates_nothing(csv_path):
    out = StringIO()
    call_command("import_schools", str(csv_path), "--dry-run", stdout=out)
    assert "Inget har sparats" in out.getvalue()
    assert "Nya skolor: 2" in out.getvalue()
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_the_command_takes_another_municipality(csv_path):
    call_command("import_schools", str(csv_path), "--municipality", "0180", stdout=StringIO())
    assert list(School.objects.values_list("name", flat=True)) == ["Stockholmsskolan"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "arguments", "message"),
    [
        (b"Namn\r\nX\r\n", [], "saknar kolumnerna"),
        (None, [], "kunde inte läsas"),
        (csv_file(VARBY), ["--municipality", "Huddinge"], "inte fyra siffror"),
    ],
)
def test_the_command_fails_on_a_refused_file(tmp_path, content, arguments, message):
    path = tmp_path / "skolor.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_schools", str(path), *arguments, stdout=StringIO())
    assert School.objects.count() == 0


def test_the_report_reads_as_swedish_lines():
    report = school_import.ImportReport(municipality_code="0126", unchanged=3)
    report.created.append(school_import.SchoolRef("12345678", "Vårbyskolan"))
    report.refused.append(school_import.RefusedRow(7, "Skolenhetsnamn saknas."))
    assert report.as_lines() == [
        "Import för kommunkod 0126 klar.",
        "Nya skolor: 1",
        "  + 12345678 Vårbyskolan",
        "Uppdaterade skolor: 0",
        "Oförändrade skolor: 3",
        "Rader från andra kommuner (hoppades över): 0",
        "Rader som inte importerades: 1",
        "  ! rad 7: Skolenhetsnamn saknas.",
        "Skolor som finns i portalen men inte i filen (tas inte bort): 0",
    ]
