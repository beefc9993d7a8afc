"""The loader on its own: a changed value in a content file updates exactly that object,
mistakes are named with their file, relative dates and the Markdown of running text."""

import datetime
import shutil
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest

from advice.blocks import ContentStreamBlock
from demo import markup
from demo.dates import DateError, DemoDates
from demo.loader import CONTENT_ROOT

from .test_seed_demo import database_rows


@pytest.fixture
def content(tmp_path):
    """A copy of the demo content to change."""
    shutil.copytree(CONTENT_ROOT, tmp_path / "content")
    return tmp_path / "content"


# Tests of a second run start from `demo_site`: what a first run of the unchanged content
# builds (the loader keeps no trace of the folder it read), seeded once per test process.
def seed(content, **options):
    output = StringIO()
    call_command("seed_demo", force=True, content=content, stdout=output, **options)
    return output.getvalue()


def replace(path, old, new):
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def changed_rows(before, after):
    """{model label: pks of rows added, removed or changed}."""
    changes = {}
    for label in before:
        old = {row["id"] if "id" in row else str(row): row for row in before[label]}
        new = {row["id"] if "id" in row else str(row): row for row in after[label]}
        pks = {pk for pk in old.keys() | new.keys() if old.get(pk) != new.get(pk)}
        if pks:
            changes[label] = pks
    return changes


def test_changing_a_page_file_updates_that_page_alone(content, demo_site):
    page = apps.get_model("advice", "GuidancePage").objects.get(slug="narvarotrappan")
    before = database_rows()
    replace(
        content / "sv/pages/foraldraradgivning/narvarotrappan.toml",
        'lead = "Närvarotrappan är skolans plan',
        'lead = "Närvarotrappan är hela skolans plan',
    )

    output = seed(content)

    assert "0 skapade, 1 uppdaterade" in output
    page.refresh_from_db()
    assert page.lead.startswith("Närvarotrappan är hela skolans plan")
    changes = changed_rows(before, database_rows())
    assert changes.pop("wagtailcore.Page") == {page.pk}
    assert changes.pop("advice.GuidancePage") == {page.pk}
    (revision,) = changes.pop("wagtailcore.Revision")
    assert apps.get_model("wagtailcore", "Revision").objects.get(pk=revision).object_id == str(
        page.pk
    )
    # What publishing a page writes besides: its log entry, search and reference index.
    for label in list(changes):
        if label in {
            "wagtailcore.PageLogEntry",
            "wagtailcore.ReferenceIndex",
            "wagtailsearch.IndexEntry",
        }:
            del changes[label]
    assert not changes


def test_changing_a_snippet_updates_that_snippet_alone(content, demo_site):
    Area = apps.get_model("taxonomy", "Area")
    before = database_rows()
    replace(
        content / "sv/snippets/areas.toml",
        'office_address = "Exempelvägen 4, Vårby"',
        'office_address = "Exempelvägen 6, Vårby"',
    )

    output = seed(content)

    assert "0 skapade, 1 uppdaterade" in output
    assert "Uppdaterade område: Vårby" in output
    varby = Area.objects.swedish().get(slug="varby")
    assert varby.office_address == "Exempelvägen 6, Vårby"
    assert changed_rows(before, database_rows()) == {"taxonomy.Area": {varby.pk}}


def test_a_new_page_file_becomes_a_page_where_its_folder_says(content, client, demo_site):
    (content / "sv/pages/foraldraradgivning/sommarlov.toml").write_text(
        'type = "advice.GuidancePage"\n'
        'title = "Sommarlov"\n'
        'lead = "Tips inför ett långt lov."\n'
        'topics = ["topic:fritid"]\n'
        "\n[[body]]\n"
        'type = "paragraph"\n'
        'text = """\nLäs om [en meningsfull fritid](page:en-meningsfull-fritid).\n"""\n'
    )

    output = seed(content)

    assert "1 skapade, 0 uppdaterade" in output
    page = apps.get_model("advice", "GuidancePage").objects.get(slug="sommarlov")
    assert page.live and page.url == "/foraldraradgivning/sommarlov/"
    assert [topic.slug for topic in page.topics.all()] == ["fritid"]
    response = client.get(page.url)
    assert b'href="/foraldraradgivning/en-meningsfull-fritid/"' in response.content


EVERY_BLOCK = """
type = "home.StandardPage"
title = "Alla block"

[[body]]
type = "heading"
text = "Rubrik"

[[body]]
type = "heading"
text = "Underrubrik"
level = "h3"

[[body]]
type = "paragraph"
text = "Text med **fetstil**."

[[body]]
type = "fact_box"
tone = "important"
title = "Viktigt"
text = "Ring 112 om det är akut."

[[body]]
type = "quote"
quote = "Ett citat."
role = "förälder"

[[body]]
type = "other_language"
language = "yi"
heading = "דײַנע רעכט"
text = "דו האָסט רעכט."

[[body]]
type = "faq"
heading = "Frågor"

[[body.items]]
question = "Kostar det något?"
answer = "Nej."

[[body]]
type = "steps"
heading = "Steg"

[[body.steps]]
title = "Först"
actor = "parent"
what = "Du ringer."

[[body]]
type = "table"
caption = "Tider"
columns = ["Dag", { type = "number", heading = "Antal" }]
rows = [["Måndag", 3]]

[[body]]
type = "figure"
image = { image = "image:laslustdag-i-varby", alt_text = "Barn som läser." }
caption = "Läslustdagen."

[[body]]
type = "video"
title = "Om föräldrarådgivningen"
url = "https://www.youtube.com/watch?v=abcdefghijk"
poster = "image:atta-foraldraradgivare"
transcript = "Vad som sägs i filmen."

[[body]]
type = "related_pages"
heading = "Läs också"
pages = ["page:kontakt", "page:foraldraradgivning/narvarotrappan"]

[[body]]
type = "call_to_action"
text = "Hitta din föräldrarådgivare"
page = "page:hitta-foraldraradgivare"

[[body]]
type = "language_links"
heading = "På andra språk"
links = [{ language = "fi", text = "Suomeksi" }, { language = "yi", text = "אויף ייִדיש" }]

[[body]]
type = "contact"
advisor = "advisor:Lina Berg"

[[body]]
type = "local_areas"

[[body.areas]]
area = "area:skogas"
text = "I Skogås finns läxhjälp."

[[body]]
type = "help_now"
"""


@pytest.mark.django_db
def test_every_block_can_be_written_in_a_page_file(content, client):
    (content / "sv/pages/alla-block.toml").write_text(EVERY_BLOCK)
    seed(content)
    page = apps.get_model("home", "StandardPage").objects.get(slug="alla-block")
    # Every block of the page body except the document block (the demo has no documents).
    names = [name for name in ContentStreamBlock().child_blocks if name != "document"]
    assert [block.block_type for block in page.body] == ["heading", *names]
    response = client.get("/alla-block/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Underrubrik",
        "<b>fetstil</b>",
        "Kostar det något?",
        "Barn som läser.",
        "Läslustdagen.",
        "Vad som sägs i filmen.",
        'href="/kontakt/"',
        'href="/foraldraradgivning/narvarotrappan/"',
        "070-174 06 10",
        "I Skogås finns läxhjälp.",
        "116 111",
    ]:
        assert text in html, text


def test_a_renamed_page_file_with_its_former_slug_renames_the_page(content, client, demo_site):
    EventPage = apps.get_model("events", "EventPage")
    event = EventPage.objects.get(slug="laslustdag-varby-2027")
    old = content / "sv/pages/kalender/laslustdag-varby-2027.toml"
    new = old.with_name("laslustdag-varby.toml")
    old.rename(new)
    replace(
        new,
        'type = "events.EventPage"\n',
        'type = "events.EventPage"\nformer_slugs = ["laslustdag-varby-2027"]\n',
    )

    output = seed(content)

    assert "0 skapade, 1 uppdaterade" in output
    assert EventPage.objects.get(pk=event.pk).url == "/kalender/laslustdag-varby/"
    assert client.get("/kalender/laslustdag-varby/").status_code == 200
    assert "0 skapade, 0 uppdaterade" in seed(content)


def test_the_order_of_pages_follows_the_parent_file(content, client, demo_site):
    replace(
        content / "sv/pages/_index.toml",
        '    "aktuellt",\n    "kalender",\n',
        '    "kalender",\n    "aktuellt",\n',
    )
    output = seed(content)
    assert "0 skapade, 1 uppdaterade" in output
    menu = client.get("/").content.decode()
    assert menu.index('href="/kalender/"') < menu.index('href="/aktuellt/"')
    assert "0 skapade, 0 uppdaterade" in seed(content)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "sv/pages/foraldraradgivning/narvarotrappan.toml",
            '"topic:samverkan"',
            '"topic:finns-inte"',
            "sv/pages/foraldraradgivning/narvarotrappan.toml: 'topic:finns-inte' finns inte",
        ),
        (
            "sv/pages/kontakt.toml",
            "(page:personuppgifter)",
            "(page:personuppgift)",
            "sv/pages/kontakt.toml: sidan 'personuppgift' finns inte bland sidfilerna",
        ),
        (
            "sv/snippets/advisors.toml",
            'weekday = "tisdagar"',
            'weekday = "tisdag"',
            "sv/snippets/advisors.toml (name = Lina Berg): 'tisdag' passar inte i weekday",
        ),
        (
            "sv/pages/kalender/laslustdag-varby-2027.toml",
            'start = "+60d torsdag 14:00"',
            'start = "om två månader"',
            "sv/pages/kalender/laslustdag-varby-2027.toml: 'om två månader' är ingen tidpunkt",
        ),
        (
            "sv/pages/om-foraldraradgivningen.toml",
            'type = "heading"',
            'type = "rubrik"',
            "sv/pages/om-foraldraradgivningen.toml: okänd blocktyp 'rubrik'",
        ),
        (
            "sv/pages/om-foraldraradgivningen.toml",
            'title = "Om föräldrarådgivningen"',
            'title = "Om föräldrarådgivningen',
            "sv/pages/om-foraldraradgivningen.toml: inte giltig TOML",
        ),
    ],
)
@pytest.mark.django_db
def test_a_mistake_in_the_content_is_named_with_its_file_and_saves_nothing(
    content, file, old, new, message
):
    text = (content / file).read_text()
    assert old in text
    (content / file).write_text(text.replace(old, new, 1))
    with pytest.raises(CommandError) as raised:
        seed(content)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not apps.get_model("wagtailcore", "Revision").objects.exists()


def test_seed_demo_says_when_the_content_folder_is_missing(tmp_path):
    with pytest.raises(CommandError, match="Hittar inget demoinnehåll"):
        seed(tmp_path / "finns-inte")


# Dates and running text


def test_relative_dates_and_weekdays():
    dates = DemoDates(datetime.date(2027, 3, 1))  # a Monday
    assert dates.date("-40d") == datetime.date(2027, 1, 20)
    assert dates.date("+3w") == datetime.date(2027, 3, 22)
    assert dates.date("idag") == datetime.date(2027, 3, 1)
    assert dates.date("+21d torsdag") == datetime.date(2027, 3, 25)
    assert dates.date("+3d torsdag") == datetime.date(2027, 3, 4)  # already a Thursday
    assert dates.date(datetime.date(2022, 5, 25)) == datetime.date(2022, 5, 25)
    assert dates.date("2022-05-25") == datetime.date(2022, 5, 25)
    moment = dates.datetime("+14d 23:59")
    assert timezone.localtime(moment).replace(tzinfo=None) == datetime.datetime(2027, 3, 15, 23, 59)
    assert dates.datetime("2027-02-04 09:00").utcoffset() == datetime.timedelta(hours=1)
    assert dates.time("8:30") == datetime.time(8, 30)
    for wrong in ["+21", "i morgon", "+2d fredagen", "+2d 25:00"]:
        with pytest.raises(DateError):
            dates.date(wrong)
    with pytest.raises(DateError):
        dates.date("+2d 10:00")  # a time where only a date belongs


def test_dates_in_text_are_written_in_swedish():
    dates = DemoDates(datetime.date(2026, 12, 10))
    assert dates.fill_text("Senast den {+14d}, start {+21d torsdag}.") == (
        "Senast den 24 december, start 31 december."
    )
    assert dates.fill_text("Från den {+30d}.") == "Från den 9 januari 2027."
    assert dates.fill_text("Klamrar {som de här} rörs inte.") == "Klamrar {som de här} rörs inte."


def test_markdown_becomes_the_html_wagtails_editor_keeps():
    pages = {"kontakt": 7}
    html = markup.to_html(
        """
Du kan **ringa** oss eller *mejla* till <info@example.org>. Läs mer på
[Kontakta oss](page:kontakt) eller hos [Digg](https://www.digg.se/).

- en punkt
- en punkt som fortsätter
  på nästa rad

1. först
2. sedan
""",
        pages.get,
    )
    assert html == (
        "<p>Du kan <b>ringa</b> oss eller <i>mejla</i> till "
        '<a href="mailto:info@example.org">info@example.org</a>. Läs mer på '
        '<a linktype="page" id="7">Kontakta oss</a> eller hos '
        '<a href="https://www.digg.se/">Digg</a>.</p>'
        "<ul><li>en punkt</li><li>en punkt som fortsätter på nästa rad</li></ul>"
        "<ol><li>först</li><li>sedan</li></ol>"
    )
    # A page not built yet: the link text stands alone until the second pass.
    assert markup.to_html("Se [sidan](page:ny).", pages.get) == "<p>Se sidan.</p>"
