"""Every block editors can pick renders what a reader needs, through a real page: headings in
the table of contents with working anchors, <details> for questions, the staircase in order,
structured data repeating the visible FAQ, and a fixed number of queries per page."""

import json

from django.core.files.base import ContentFile
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from advice.blocks import ContentStreamBlock
from advice.tests.factories import GuidancePageFactory

STEPS = {
    "heading": "Närvarotrappan",
    "intro": "Så följer skolan upp frånvaro.",
    "steps": [
        {"title": "Skolan ringer", "actor": "school", "what": "<p>Samma dag.</p>", "when": "Dag 1"},
        {"title": "Ett möte", "actor": "together", "what": "<p>Ni gör en plan.</p>", "when": ""},
        {
            "title": "Närvaroteamet",
            "actor": "attendance_team",
            "what": "<p>Skola och socialtjänst.</p>",
            "when": "Vid hög frånvaro",
        },
    ],
}
FAQ = {
    "heading": "Vanliga frågor",
    "items": [
        {"question": "Kostar det något?", "answer": "<p>Nej, det är <b>gratis</b>.</p>"},
        {
            "question": "Kan jag vara anonym?",
            "answer": "<p>Ja.</p><ul><li>Säg inget namn.</li></ul>",
        },
    ],
}
TABLE = {
    "caption": "Så når du oss",
    "columns": [{"type": "text", "heading": "Kontaktväg"}, {"type": "text", "heading": "När"}],
    "rows": [{"values": ["Telefon", "Vardagar"]}, {"values": ["E-post", "Alltid"]}],
}


def test_every_block_has_an_existing_template_a_label_an_icon_and_a_group():
    for name, block in ContentStreamBlock().child_blocks.items():
        assert block.meta.template, name
        get_template(block.meta.template)
        assert block.meta.label, name
        assert block.meta.icon not in {"placeholder", None}, name
        assert block.meta.description, name
        assert block.meta.group, name


@pytest.fixture
def media():
    image = get_image_model().objects.create(
        title="Skolgård", description="En skolgård", file=get_test_image_file()
    )
    document = get_document_model().objects.create(
        title="Närvarotrappan i korthet",
        file=ContentFile(b"%PDF-1.4\n" + b"x" * 2048, "trappa.pdf"),
    )
    return {"image": image, "document": document}


@pytest.fixture
def every_block_page(hub, small_directory, media):
    varby = small_directory["areas"]["varby"]
    return GuidancePageFactory(
        parent=hub,
        title="Alla block",
        body=[
            ("heading", {"text": "Så kan du göra", "level": "h2"}),
            ("paragraph", "<p>Prata med <b>mentorn</b> först.</p>"),
            ("heading", {"text": "Om mötet", "level": "h3"}),
            ("fact_box", {"tone": "important", "title": "Viktigt", "text": "<p>Ring 112.</p>"}),
            ("quote", {"quote": "Det hjälpte oss.", "name": "", "role": "förälder"}),
            ("steps", STEPS),
            ("faq", FAQ),
            ("table", TABLE),
            (
                "figure",
                {
                    "image": {
                        "image": media["image"],
                        "alt_text": "Barn på väg in",
                        "decorative": False,
                    },
                    "caption": "Skolgården en morgon.",
                },
            ),
            ("document", {"document": media["document"], "title": "", "description": ""}),
            (
                "video",
                {
                    "title": "Så fungerar närvarotrappan",
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "poster": media["image"],
                    "transcript": "<p>En föräldrarådgivare berättar.</p>",
                },
            ),
            ("related_pages", {"heading": "", "pages": [hub]}),
            (
                "call_to_action",
                {
                    "text": "Läs mer hos Skolverket",
                    "description": "",
                    "page": None,
                    "url": "https://www.example.org/",
                },
            ),
            (
                "contact",
                {"heading": "", "advisor": small_directory["advisors"]["lina"], "area": None},
            ),
            (
                "local_areas",
                {
                    "heading": "",
                    "areas": [
                        {"area": varby, "text": "<p>Drop-in i Vårby.</p>", "show_advisors": True}
                    ],
                },
            ),
            ("help_now", None),
            ("heading", {"text": "Så kan du göra", "level": "h2"}),
        ],
    )


def block_text(element):
    """Text as a reader sees it: each paragraph and list item, words spaced as shown."""
    return " ".join(" ".join(n.get_text().split()) for n in element.find_all(["p", "li"]))


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_the_table_of_contents_lists_the_headings_in_order_with_working_anchors(
    client, every_block_page
):
    _response, html = read(client, every_block_page.url)
    toc = html.find("nav", class_="toc")
    links = [(a.get_text(), a["href"]) for a in toc.find_all("a")]
    assert links == [
        ("Så kan du göra", "#sa-kan-du-gora"),
        ("Om mötet", "#om-motet"),
        ("Närvarotrappan", "#narvarotrappan"),
        ("Vanliga frågor", "#vanliga-fragor"),
        ("Kontakta oss", "#kontakta-oss"),
        ("I ditt område", "#i-ditt-omrade"),
        ("Så kan du göra", "#sa-kan-du-gora-2"),
    ]
    main = html.find("main")
    targets = [main.find(id=href[1:]) for _text, href in links]
    assert all(target is not None for target in targets)
    assert [t.get_text(strip=True) for t in targets] == [text for text, _href in links]
    # The contents follow the page's order.
    ids = {href[1:] for _text, href in links}
    in_page_order = [element["id"] for element in main.find_all(id=lambda i: i in ids)]
    assert in_page_order == [href[1:] for _text, href in links]


@pytest.mark.django_db
def test_questions_open_one_at_a_time_and_the_structured_data_repeats_them(
    client, every_block_page
):
    _response, html = read(client, every_block_page.url)
    faq = html.find("section", class_="faq")
    details = faq.find_all("details")
    visible = [
        (d.summary.get_text(strip=True), block_text(d.find(class_="faq__answer"))) for d in details
    ]
    assert [question for question, _answer in visible] == [
        "Kostar det något?",
        "Kan jag vara anonym?",
    ]
    data = next(
        json.loads(script.string)
        for script in html.find_all("script", type="application/ld+json")
        if '"FAQPage"' in script.string
    )
    structured = [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]]
    assert structured == visible


@pytest.mark.django_db
def test_the_staircase_shows_the_steps_in_order_with_who_and_when(client, every_block_page):
    _response, html = read(client, every_block_page.url)
    steps = html.find("ol", class_="staircase").find_all("li", recursive=False)
    assert [s.find(class_="staircase__title").get_text() for s in steps] == [
        "Skolan ringer",
        "Ett möte",
        "Närvaroteamet",
    ]
    facts = [s.find(class_="staircase__facts").get_text(" ", strip=True) for s in steps]
    assert facts == [
        "Vem Skolan När Dag 1",
        "Vem Ni tillsammans",
        "Vem Närvaroteamet När Vid hög frånvaro",
    ]


@pytest.mark.django_db
def test_tables_documents_figures_links_and_contacts_render_for_readers(client, every_block_page):
    _response, html = read(client, every_block_page.url)
    main = html.find("main")
    table = main.find("table")
    assert table.caption.get_text(strip=True) == "Så når du oss"
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Kontaktväg", "När"]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    download = main.find(class_="download")
    assert download.a.get_text() == "Närvarotrappan i korthet"
    assert download.find(class_="download__meta").get_text() == "(PDF, 2,0\xa0kB)"
    assert main.find("img", alt="Barn på väg in") is not None
    assert main.find("figcaption", string="Skolgården en morgon.") is not None
    assert (
        main.find("nav", class_="related").find("a").get_text()
        == every_block_page.get_parent().title
    )
    cta = main.find(class_="cta").a
    assert cta["href"] == "https://www.example.org/"
    assert "(annan webbplats)" in cta.get_text()
    assert (
        main.find(class_="contact-block").find(class_="advisor-card__name").get_text()
        == "Lina Berg"
    )
    assert main.find("details", id="omrade-varby") is not None
    assert "Behöver du hjälp nu?" in main.find("aside", class_="help-now").get_text()


@pytest.mark.django_db
def test_a_video_loads_nothing_from_the_provider_until_asked(client, every_block_page):
    response, html = read(client, every_block_page.url)
    video = html.find("figure", class_="video")
    assert video.find("iframe") is None
    assert video["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert video.find("img")["src"].startswith("/")  # our own poster
    assert "youtube-nocookie.com" in video.find(class_="video__notice").get_text()
    assert video.find("a", href="https://www.youtube.com/watch?v=dQw4w9WgXcQ") is not None
    assert video.find("button", class_="video__play").has_attr("hidden")
    # Only this page may frame the player, and its script is loaded.
    policy = response["Content-Security-Policy"]
    assert "frame-src 'self' https://www.youtube-nocookie.com" in policy
    assert html.find("script", src="/static/js/video-embed.js") is not None
    other = client.get(every_block_page.get_parent().url)
    assert "frame-src" not in other["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_visitors_area_opens_first(client, hub, small_directory):
    varby, skogas = small_directory["areas"]["varby"], small_directory["areas"]["skogas"]
    parts = [
        {"area": area, "text": f"<p>Om {area.name}.</p>", "show_advisors": False}
        for area in (varby, skogas)
    ]
    page = GuidancePageFactory(parent=hub, body=[("local_areas", {"heading": "", "areas": parts})])
    _response, html = read(client, page.url)
    assert [d["id"] for d in html.find_all("details", class_="local-area")] == [
        "omrade-varby",
        "omrade-skogas",
    ]
    assert not any(d.has_attr("open") for d in html.find_all("details", class_="local-area"))
    response, html = read(client, f"{page.url}?omrade=skogas")
    details = html.find_all("details", class_="local-area")
    assert [d["id"] for d in details] == ["omrade-skogas", "omrade-varby"]
    assert details[0].has_attr("open") and not details[1].has_attr("open")
    assert not response.cookies
    # An unknown area changes nothing.
    _response, html = read(client, f"{page.url}?omrade=%3Cscript%3E")
    assert not any(d.has_attr("open") for d in html.find_all("details", class_="local-area"))


@pytest.mark.django_db
def test_forty_blocks_cost_the_same_number_of_queries_as_four(client, hub, small_directory, media):
    lina = small_directory["advisors"]["lina"]
    varby = small_directory["areas"]["varby"]
    kinds = [
        ("heading", {"text": "Rubrik", "level": "h2"}),
        ("paragraph", "<p>Text.</p>"),
        ("faq", FAQ),
        ("steps", STEPS),
        ("table", TABLE),
        (
            "figure",
            {
                "image": {"image": media["image"], "alt_text": "Bild", "decorative": False},
                "caption": "",
            },
        ),
        ("document", {"document": media["document"], "title": "", "description": ""}),
        ("related_pages", {"heading": "", "pages": [hub]}),
        ("contact", {"heading": "", "advisor": lina, "area": None}),
        (
            "local_areas",
            {"heading": "", "areas": [{"area": varby, "text": "<p>x</p>", "show_advisors": True}]},
        ),
    ]

    def queries(count):
        page = GuidancePageFactory(parent=hub, body=[kinds[i % len(kinds)] for i in range(count)])
        client.get(page.url)  # warm up: renditions, settings
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    assert queries(len(kinds)) == queries(4 * len(kinds))


@pytest.mark.django_db
def test_a_page_of_forty_blocks_costs_what_a_page_of_four_does(client, hub, small_directory, media):
    """The blocks that read the database: each kind costs its queries once per page."""
    four = [
        (
            "figure",
            {
                "image": {"image": media["image"], "alt_text": "Bild", "decorative": False},
                "caption": "",
            },
        ),
        ("document", {"document": media["document"], "title": "", "description": ""}),
        ("contact", {"heading": "", "advisor": small_directory["advisors"]["lina"], "area": None}),
        ("related_pages", {"heading": "", "pages": [hub]}),
    ]

    def queries(body):
        page = GuidancePageFactory(parent=hub, body=body)
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    assert queries(four) == queries(four * 10)


def test_the_500_page_is_standalone():
    html = get_template("500.html").render({})
    assert 'lang="sv"' in html
