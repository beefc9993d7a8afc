"""The finder: by school (free text matched on the server, or a slug from a shared link), by
area, by language; a language always leads to help, with the interpreter note in Swedish and
in that language; nothing typed is dropped in silence; hostile query strings are answered
with a normal page."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from advice.finder import fold, look_up_school
from advice.tests.factories import LanguageFactory, SchoolFactory
from taxonomy.tests.factories import AreaFactory

URL = "/foraldraradgivning/hitta-foraldraradgivare/"


def search(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def options(html, name):
    return html.find("select", attrs={"name": name}).find_all("option")


def results(html):
    return html.find("section", class_="finder-results")


def result_heading(html):
    return results(html).h2.get_text(" ", strip=True)


def result_titles(html):
    return sorted(
        h.get_text(strip=True) for h in results(html).find_all(class_="advisor-card__name")
    )


def suggestions(html):
    return [a.get_text(strip=True) for a in results(html).select(".finder-suggestions a")]


def searched_for(html):
    return results(html).find(class_="finder-change__what").get_text(" ", strip=True)


# Matching what parents type, without the database.

# In the order the finder gets them (queries.schools_with_areas): by name.
SCHOOLS = [
    SimpleNamespace(name=name, slug=slug)
    for name, slug in sorted(
        [
            ("Vårby strandskola", "varby-strandskola"),
            ("Vårbybackens skola", "varbybackens-skola"),
            ("Kvarnängsskolan", "kvarnangsskolan"),
            ("Flemingsbergs dalskola", "flemingsbergs-dalskola"),
            ("Sjödalsbackens skola", "sjodalsbackens-skola"),
            ("Skogås bergsskola", "skogas-bergsskola"),
            ("Skola A 1", "skola-a-1"),
            ("Skola A 10", "skola-a-10"),
        ]
    )
]


def looked_up(text):
    lookup = look_up_school(text, SCHOOLS)
    return (
        lookup.status,
        lookup.school.name if lookup.school else None,
        [school.name for school in lookup.candidates],
    )


def test_fold_ignores_case_diacritics_punctuation_and_spacing():
    assert fold("  VÅRBYBACKENS   skola! ") == "varbybackens skola"
    assert fold("Skogås-bergsskola") == "skogas bergsskola"
    assert fold("Visättra ängsskola") == "visattra angsskola"
    assert fold("?!…") == ""


@pytest.mark.parametrize(
    ("typed", "school"),
    [
        ("Vårbybackens skola", "Vårbybackens skola"),
        ("vårbybackens SKOLA", "Vårbybackens skola"),
        ("varbybackens-skola", "Vårbybackens skola"),  # the slug of a shared link
        ("Vårbybacken", "Vårbybackens skola"),
        ("Vårbybackens", "Vårbybackens skola"),
        ("varbybacken skolan", "Vårbybackens skola"),
        ("Vårby strand", "Vårby strandskola"),
        ("vårbystrandskolan", "Vårby strandskola"),
        ("strandskolans", "Vårby strandskola"),
        ("dalskolan", "Flemingsbergs dalskola"),
        ("Flemingsberg", "Flemingsbergs dalskola"),
        ("kvarnängsskolan", "Kvarnängsskolan"),
        ("skogas berg", "Skogås bergsskola"),
        ("Skola A 1", "Skola A 1"),
    ],
)
def test_one_school_is_found_in_the_forms_parents_write(typed, school):
    status, found, _others = looked_up(typed)
    assert (status, found) == ("one", school)


def test_several_schools_are_offered_best_first():
    status, found, candidates = looked_up("vårby")
    assert (status, found) == ("several", None)
    assert candidates == ["Vårby strandskola", "Vårbybackens skola"]
    # "backen" starts no word, but is part of two compound names.
    assert looked_up("backens skola")[2] == ["Sjödalsbackens skola", "Vårbybackens skola"]


def test_a_school_found_by_a_word_keeps_weaker_matches_as_other_suggestions():
    status, found, others = looked_up("dal")
    assert (status, found) == ("one", "Flemingsbergs dalskola")
    assert others == ["Sjödalsbackens skola"]


@pytest.mark.parametrize("typed", ["Rinkebyskolan", "!!!", "%00", "x" * 90, "🙂", "skola zz"])
def test_no_school_is_said_plainly(typed):
    assert looked_up(typed) == ("none", None, [])


# The finder as families use it.


@pytest.mark.django_db
def test_finding_by_a_schools_slug_gives_the_advisors_of_that_school(client, small_directory):
    html = search(client, "skola=varby-strandskola")
    assert result_titles(html) == ["Lina Berg"]
    assert result_heading(html) == "1 föräldrarådgivare på Vårby strandskola"
    assert searched_for(html) == "Du sökte på Vårby strandskola"
    # The field shows the school's name, not its slug.
    assert html.find("input", attrs={"name": "skola"})["value"] == "Vårby strandskola"


@pytest.mark.django_db
def test_free_text_with_one_match_gives_that_schools_advisors(client, small_directory):
    html = search(client, "skola=V%C3%A5rbybacken")
    assert result_heading(html) == "1 föräldrarådgivare på Vårbybackens skola"
    assert result_titles(html) == ["Föräldrarådgivare, Vårby"]
    # What was typed is said back; the heading names the school it was taken to mean.
    assert searched_for(html) == "Du sökte på ”Vårbybacken”"
    html = search(client, "skola=V%C3%A5rby+strand")
    assert result_titles(html) == ["Lina Berg"]


@pytest.mark.django_db
def test_free_text_with_several_matches_asks_which_school(client, small_directory):
    html = search(client, "skola=v%C3%A5rby&sprak=ar")
    assert result_heading(html) == "2 skolor matchar ”vårby”"
    assert "Menade du …?" in results(html).get_text()
    assert suggestions(html) == ["Vårby strandskola", "Vårbybackens skola"]
    links = [a["href"] for a in results(html).select(".finder-suggestions a")]
    # Each keeps the language and leads straight to the results.
    assert links == [
        f"{URL}?skola=varby-strandskola&sprak=ar#resultat",
        f"{URL}?skola=varbybackens-skola&sprak=ar#resultat",
    ]
    assert results(html).find(class_="advisor-card") is None


@pytest.mark.django_db
def test_free_text_with_no_match_says_so_with_the_general_number_and_the_areas(
    client, small_directory
):
    html = search(client, "skola=Rinkebyskolan")
    assert result_heading(html) == "Ingen skola matchar ”Rinkebyskolan”"
    section = results(html)
    assert "Kontrollera stavningen" in section.get_text()
    assert section.find("a", href="tel:+46701740605").get_text() == "070-174 06 05"
    areas = [a.get_text() for a in section.select(".area-nav a")]
    assert areas == ["Vårby", "Skogås"]
    # The form is open, with the text as typed, to try again.
    assert section.find("details", class_="finder-change").has_attr("open")
    assert html.find("input", attrs={"name": "skola"})["value"] == "Rinkebyskolan"
    assert result_titles(html) == []


@pytest.mark.django_db
def test_a_school_in_another_area_than_the_chosen_one_wins_and_the_answer_says_so(
    client, small_directory
):
    html = search(client, "skola=varby-strandskola&omrade=skogas")
    assert result_titles(html) == ["Lina Berg"]
    assert "Vårby strandskola ligger i Vårby, inte i Skogås." in results(html).get_text()


@pytest.mark.django_db
def test_a_school_without_an_advisor_gives_its_areas_advisors(client, small_directory):
    SchoolFactory(
        name="Vårby ängsskola", slug="varby-angsskola", area=small_directory["areas"]["varby"]
    )
    html = search(client, "skola=varby-angsskola")
    assert result_heading(html) == "2 föräldrarådgivare i Vårby"
    assert "Ingen föräldrarådgivare är kopplad till Vårby ängsskola" in results(html).get_text()


@pytest.mark.django_db
def test_finding_by_area_gives_the_advisors_of_that_area(client, small_directory):
    html = search(client, "omrade=varby")
    assert result_titles(html) == ["Föräldrarådgivare, Vårby", "Lina Berg"]
    assert result_heading(html) == "2 föräldrarådgivare i Vårby"
    assert result_titles(search(client, "omrade=skogas")) == ["Senait Tesfay"]


@pytest.mark.django_db
def test_a_language_shows_who_speaks_it_where_they_work_and_the_interpreter_note(
    client, small_directory
):
    html = search(client, "sprak=so")
    assert result_titles(html) == ["Föräldrarådgivare, Vårby"]
    assert result_heading(html) == "1 föräldrarådgivare som talar somaliska"
    note = results(html).find(class_="finder-note")
    assert "arbetar bara med skolorna i Vårby" in note.get_text()
    interpreter = note.find(class_="interpreter-note")
    text = interpreter.get_text(" ", strip=True)
    assert "Du kan alltid få tolk." in text
    assert "Alla föräldrarådgivare bokar tolk gratis." in text
    assert "rådgivaren på ditt barns skola" in text
    somali = interpreter.find(lang="so")
    assert somali["dir"] == "ltr"
    assert "turjubaan" in somali.get_text()


@pytest.mark.django_db
def test_the_interpreter_note_in_a_right_to_left_language_is_marked_so(client, small_directory):
    html = search(client, "sprak=ar")
    arabic = results(html).find(class_="interpreter-note").find(lang="ar")
    assert arabic["dir"] == "rtl"
    assert "مترجم" in arabic.get_text()


@pytest.mark.django_db
def test_area_and_language_with_no_match_shows_the_areas_advisors_with_the_note(
    client, small_directory
):
    html = search(client, "omrade=skogas&sprak=so")
    assert result_titles(html) == ["Senait Tesfay"]
    assert result_heading(html) == "1 föräldrarådgivare i Skogås"
    section = results(html)
    assert "Ingen föräldrarådgivare i Skogås talar somaliska." in section.get_text()
    assert section.find(class_="interpreter-note").find(lang="so") is not None
    assert "Vi hittade ingen" not in section.get_text()
    # A school and a language no one there speaks: the school's advisors.
    html = search(client, "skola=skogas-bergsskola&sprak=ar")
    assert result_titles(html) == ["Senait Tesfay"]
    assert (
        "Ingen föräldrarådgivare på Skogås bergsskola talar arabiska." in results(html).get_text()
    )


@pytest.mark.django_db
def test_area_and_language_with_a_match_shows_only_who_speaks_it(client, small_directory):
    html = search(client, "omrade=varby&sprak=so")
    assert result_titles(html) == ["Föräldrarådgivare, Vårby"]
    assert result_heading(html) == "1 föräldrarådgivare i Vårby som talar somaliska"
    assert results(html).find(class_="interpreter-note") is not None


@pytest.mark.django_db
def test_a_language_without_a_translation_gets_the_swedish_note(client, small_directory):
    senait = small_directory["advisors"]["senait"]
    senait.languages.add(LanguageFactory(code="tlh", name="klingonska", native_name="tlhIngan"))
    senait.save()
    html = search(client, "sprak=tlh")
    assert result_titles(html) == ["Senait Tesfay"]
    interpreter = results(html).find(class_="interpreter-note")
    assert "Alla föräldrarådgivare bokar tolk gratis." in interpreter.get_text()
    assert interpreter.find(attrs={"lang": True}) is None


@pytest.mark.django_db
def test_an_unpublished_advisor_is_never_found(client, small_directory):
    for query in ["skola=varby-strandskola", "omrade=varby", "sprak=ar", "skola=strand", ""]:
        assert "Slutat Rådgivare" not in client.get(f"{URL}?{query}").content.decode(), query


@pytest.mark.django_db
def test_the_query_string_reproduces_the_search_and_the_form_shows_it(client, small_directory):
    html = search(client, "omrade=skogas&sprak=ti")
    assert [o["value"] for o in options(html, "omrade") if o.has_attr("selected")] == ["skogas"]
    assert [o["value"] for o in options(html, "sprak") if o.has_attr("selected")] == ["ti"]
    form = html.find("form", class_="finder")
    assert form["method"] == "get"
    # The answer is the form's target: the browser scrolls to it and focus starts there.
    assert form["action"] == f"{URL}#resultat"
    section = results(html)
    assert section["id"] == "resultat"
    assert section["tabindex"] == "-1"
    # The form is folded into "Du sökte på … Ändra" once the answer is there.
    details = section.find("details", class_="finder-change")
    assert not details.has_attr("open")
    assert details.find("form", class_="finder") is not None
    assert details.summary.get_text(" ", strip=True) == "Du sökte på Skogås, tigrinja · Ändra"


@pytest.mark.django_db
def test_the_school_field_is_free_text_with_the_schools_as_suggestions(client, small_directory):
    html = search(client, "")
    field = html.find("input", attrs={"name": "skola"})
    assert field["type"] == "text"
    assert html.find("label", attrs={"for": field["id"]}).get_text() == "Ditt barns skola"
    datalist = html.find("datalist", id=field["list"])
    assert [(o["value"], o["data-slug"]) for o in datalist.find_all("option")] == [
        ("Skogås bergsskola", "skogas-bergsskola"),
        ("Vårby strandskola", "varby-strandskola"),
        ("Vårbybackens skola", "varbybackens-skola"),
    ]
    hint = html.find(id=f"{field['id']}-hint")
    assert field["aria-describedby"] == hint["id"]


@pytest.mark.django_db
def test_the_form_offers_only_languages_that_can_be_found(client, small_directory):
    html = search(client, "")
    # Arabic is spoken by a published advisor (Lina) as well as by one who has left.
    assert [o["value"] for o in options(html, "sprak")] == ["", "ar", "so", "ti"]
    for select in html.find_all("select"):
        assert html.find("label", attrs={"for": select["id"]}) is not None


@pytest.mark.django_db
def test_without_a_search_the_form_comes_first_then_the_areas_then_the_advisors(
    client, small_directory
):
    html = search(client, "")
    main = html.find("main")
    order = [
        element.get("class", [element.name])[0]
        for element in main.find_all(["form", "nav", "section"], recursive=True)
        if element.name != "section" or "area" in element.get("class", [])
    ]
    assert order[:4] == ["finder", "area-nav", "area", "area"]
    assert html.find("section", class_="finder-results") is None


@pytest.mark.django_db
def test_empty_choices_show_every_area_as_without_a_search(client, small_directory):
    html = search(client, "skola=&omrade=&sprak=")
    assert html.find("section", class_="finder-results") is None
    assert len(html.find_all("section", class_="area")) == 2


@pytest.mark.django_db
def test_no_advisor_at_all_gives_the_general_phone_number_and_email(client, directory):
    varby = AreaFactory(name="Vårby", slug="varby")
    SchoolFactory(name="Vårby strandskola", slug="varby-strandskola", area=varby)
    html = search(client, "omrade=varby")
    assert result_heading(html) == "Vi hittade ingen föräldrarådgivare"
    assert results(html).find("a", href="tel:+46701740605").get_text() == "070-174 06 05"
    assert results(html).find("a", href="mailto:foraldraradgivning@example.org") is not None


HOSTILE = [
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "' OR 1=1; DROP TABLE advice_school; --",
    "🙂👨‍👩‍👧",
    "%00",
    "varby\x00",
    "../../etc/passwd",
    "\u202eloohcs",
    "?!.,;:-",
]


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["omrade", "sprak"])
def test_hostile_areas_and_languages_get_a_clear_answer_with_everything_escaped(
    client, small_directory, field, value
):
    response = client.get(URL, {field: value, "page": value})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "onerror=alert(1)>" not in body
    html = BeautifulSoup(body, "html.parser")
    assert result_heading(html) == "Vi hittade ingen föräldrarådgivare"
    error = html.find(id=f"id_{field}-error")
    assert error is not None
    assert html.find(id=f"id_{field}")["aria-describedby"] == f"id_{field}-error"
    assert results(html).find("a", href="tel:+46701740605") is not None


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_school_text_gets_a_clear_answer_with_everything_escaped(
    client, small_directory, value
):
    response = client.get(URL, {"skola": value})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "onerror=alert(1)>" not in body
    html = BeautifulSoup(body, "html.parser")
    # No school, or a choice of schools ("varby\x00" is "varby"), never advisors by chance.
    heading = result_heading(html)
    if heading.startswith("Ingen skola matchar"):
        assert results(html).find("a", href="tel:+46701740605") is not None
    else:
        assert "skolor matchar" in heading, value
    assert result_titles(html) == []


@pytest.mark.django_db
def test_ten_kilobytes_of_school_text_are_refused_with_a_message(client, small_directory):
    html = search(client, "skola=" + "Vårby" * 2000)
    error = html.find(id="id_skola-error")
    assert "Skriv bara skolans namn" in error.get_text()
    field = html.find("input", attrs={"name": "skola"})
    assert field["aria-invalid"] == "true"
    assert "id_skola-error" in field["aria-describedby"]
    # The field gives back no more than a school name's worth of what was sent.
    assert len(field["value"]) <= 100
    assert results(html).find("details", class_="finder-change").has_attr("open")


@pytest.mark.django_db
def test_a_nul_byte_alone_is_refused_rather_than_showing_everyone(client, small_directory):
    html = search(client, "skola=%00")
    assert "Skriv skolans namn med bokstäver" in html.find(id="id_skola-error").get_text()
    assert html.find("section", class_="area") is None


@pytest.mark.django_db
def test_another_municipalitys_school_is_answered_plainly(client, small_directory):
    html = search(client, "skola=Rinkebyskolan+%28Stockholm%29")
    assert result_heading(html) == "Ingen skola matchar ”Rinkebyskolan (Stockholm)”"
    assert "Skolan kan också ligga i en annan kommun." in results(html).get_text()
