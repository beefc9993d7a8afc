"""The Aktuellt archive: filters by topic, area and year in a plain GET form, a sentence saying
what is shown, pagination that keeps the filters, and anything a visitor can type answered
with a page, never an error."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from news.tests.factories import NewsPageFactory
from taxonomy.tests.factories import AreaFactory, TopicFactory


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [
        h.get_text(strip=True) for h in soup(response).find("main").find_all(class_="card__title")
    ]


def summary(response):
    return soup(response).find(class_="news-archive__summary").get_text(strip=True)


@pytest.fixture
def archive(news_index):
    """Seven articles over three years with topics and areas; one topic and one area unused."""
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro", sort_order=0)
    leisure = TopicFactory(name="Fritid", slug="fritid", sort_order=1)
    TopicFactory(name="Oanvänt ämne", slug="oanvant", sort_order=2)
    varby = AreaFactory(name="Vårby", slug="varby", sort_order=0)
    skogas = AreaFactory(name="Skogås", slug="skogas", sort_order=1)
    AreaFactory(name="Oanvänt område", slug="oanvant-omrade", sort_order=2)

    def news(title, date, topics=(), areas=(), **kwargs):
        return NewsPageFactory(
            parent=news_index,
            title=title,
            date=date,
            topics=list(topics),
            areas=list(areas),
            **kwargs,
        )

    news("Frånvaro Vårby 2026", datetime.date(2026, 3, 1), [absence], [varby])
    news("Frånvaro Skogås 2026", datetime.date(2026, 2, 1), [absence], [skogas])
    news("Frånvaro och fritid 2026", datetime.date(2026, 1, 1), [absence, leisure])
    news("Fritid Vårby 2025", datetime.date(2025, 6, 1), [leisure], [varby])
    news("Frånvaro Vårby 2025", datetime.date(2025, 5, 1), [absence], [varby])
    news("Utan ämne 2024", datetime.date(2024, 4, 1))
    # A draft carries a topic, an area and a year no published article has.
    draft_topic = TopicFactory(name="Bara i utkast", slug="utkast")
    draft_area = AreaFactory(name="Bara i utkast", slug="utkast-omrade")
    news("Utkast", datetime.date(2019, 1, 1), [draft_topic], [draft_area], live=False)
    return news_index


ALL = [
    "Frånvaro Vårby 2026",
    "Frånvaro Skogås 2026",
    "Frånvaro och fritid 2026",
    "Fritid Vårby 2025",
    "Frånvaro Vårby 2025",
    "Utan ämne 2024",
]


@pytest.mark.django_db
def test_the_archive_lists_all_published_news_newest_first_and_says_so(client, archive):
    response = client.get(archive.url)
    assert titles(response) == ALL
    assert summary(response) == "Alla nyheter, 6 nyheter"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected", "sentence"),
    [
        (
            "amne=skolfranvaro",
            [
                "Frånvaro Vårby 2026",
                "Frånvaro Skogås 2026",
                "Frånvaro och fritid 2026",
                "Frånvaro Vårby 2025",
            ],
            "Nyheter om Skolfrånvaro, 4 nyheter",
        ),
        (
            "omrade=varby",
            ["Frånvaro Vårby 2026", "Fritid Vårby 2025", "Frånvaro Vårby 2025"],
            "Nyheter i Vårby, 3 nyheter",
        ),
        (
            "ar=2025",
            ["Fritid Vårby 2025", "Frånvaro Vårby 2025"],
            "Nyheter från 2025, 2 nyheter",
        ),
        (
            "amne=skolfranvaro&ar=2026",
            ["Frånvaro Vårby 2026", "Frånvaro Skogås 2026", "Frånvaro och fritid 2026"],
            "Nyheter om Skolfrånvaro från 2026, 3 nyheter",
        ),
        (
            "amne=skolfranvaro&omrade=varby&ar=2025",
            ["Frånvaro Vårby 2025"],
            "Nyheter om Skolfrånvaro i Vårby från 2025, 1 nyhet",
        ),
        ("amne=fritid&omrade=skogas", [], "Inga nyheter om Fritid i Skogås."),
    ],
)
def test_filters_by_topic_area_and_year_alone_and_combined(
    client, archive, query, expected, sentence
):
    response = client.get(f"{archive.url}?{query}")
    assert titles(response) == expected
    assert summary(response) == sentence


@pytest.mark.django_db
def test_an_empty_result_offers_the_way_back_to_all_news(client, archive):
    main = soup(client.get(f"{archive.url}?amne=fritid&omrade=skogas")).find("main")
    links = {a.get_text(strip=True): a["href"] for a in main.find_all("a")}
    assert links["Visa alla nyheter"] == archive.url


@pytest.mark.django_db
def test_the_filter_is_a_labelled_get_form_offering_only_what_published_news_use(client, archive):
    form = soup(client.get(archive.url)).find("form", class_="news-filter")
    assert form["method"] == "get"
    assert form["action"] == archive.url
    assert form.find("fieldset").find("legend").get_text(strip=True) == "Filtrera nyheter"

    def options(name):
        select = form.find("select", attrs={"name": name})
        label = form.find("label", attrs={"for": select["id"]})
        return label.get_text(strip=True), [
            (option["value"], option.get_text(strip=True)) for option in select.find_all("option")
        ]

    assert options("amne") == (
        "Ämne",
        [("", "Alla ämnen"), ("skolfranvaro", "Skolfrånvaro"), ("fritid", "Fritid")],
    )
    assert options("omrade") == (
        "Område",
        [("", "Alla områden"), ("varby", "Vårby"), ("skogas", "Skogås")],
    )
    assert options("ar") == (
        "År",
        [("", "Alla år"), ("2026", "2026"), ("2025", "2025"), ("2024", "2024")],
    )
    assert form.find("button", type="submit").get_text(strip=True) == "Visa"
    # Unfiltered, there is nothing to reset.
    assert form.find("a", string="Visa alla nyheter") is None


@pytest.mark.django_db
def test_the_form_shows_the_chosen_filters_and_a_reset_link(client, archive):
    # The archive's form, not the header's search box.
    form = soup(client.get(f"{archive.url}?amne=fritid&ar=2025")).find("form", class_="news-filter")
    assert form.find("select", attrs={"name": "amne"}).find("option", selected=True)["value"] == (
        "fritid"
    )
    assert form.find("select", attrs={"name": "omrade"}).find("option", selected=True) is None
    assert form.find("select", attrs={"name": "ar"}).find("option", selected=True)["value"] == (
        "2025"
    )
    assert form.find("a", string="Visa alla nyheter")["href"] == archive.url


@pytest.mark.django_db
def test_the_page_title_says_what_is_shown(client, archive):
    html = soup(client.get(f"{archive.url}?amne=skolfranvaro&ar=2026"))
    assert html.title.get_text(strip=True) == (
        "Aktuellt: Nyheter om Skolfrånvaro från 2026 – Föräldrarådgivning"
    )


HOSTILE = [
    "abc",
    "",
    "99999",
    "0",
    "-2025",
    "2025.0",
    "２０２５",  # full-width digits
    "%00",
    "2025%00",
    "x" * 2048,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%C3%28",  # not UTF-8
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["amne", "omrade", "ar"])
def test_bad_filter_values_are_ignored(client, archive, name):
    for value in HOSTILE:
        response = client.get(f"{archive.url}?{name}={value}")
        assert titles(response) == ALL, value
        assert summary(response) == "Alla nyheter, 6 nyheter", value
        assert b"<script>alert" not in response.content


IN_2026 = ["Frånvaro Vårby 2026", "Frånvaro Skogås 2026", "Frånvaro och fritid 2026"]


@pytest.mark.django_db
def test_an_unknown_value_leaves_the_other_filters_working(client, archive):
    for query in [
        "amne=okant&ar=2026",
        "amne=oanvant&ar=2026",  # the topic exists, but no published news carries it
        "amne=utkast&ar=2026",  # only a draft carries it
        "amne=skolfranvaro%00&ar=2026",
        "amne=SKOLFRANVARO&ar=2026",
        "omrade=okant&ar=2026",
        "omrade=oanvant-omrade&ar=2026",
        "omrade=utkast-omrade&ar=2026",
        "ar=abc&ar=2026",  # the last value counts
    ]:
        response = client.get(f"{archive.url}?{query}")
        assert titles(response) == IN_2026, query
        assert summary(response) == "Nyheter från 2026, 3 nyheter", query


@pytest.mark.django_db
def test_a_year_without_published_news_is_ignored(client, archive):
    # Only a draft is from 2019.
    assert titles(client.get(f"{archive.url}?ar=2019")) == ALL


@pytest.fixture
def many(news_index):
    """25 articles on Skolfrånvaro in 2026 and 5 others in 2025: three pages when filtered."""
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro")
    for n in range(1, 26):
        NewsPageFactory(
            parent=news_index,
            title=f"Frånvaro {n}",
            date=datetime.date(2026, 1, n),
            topics=[absence],
        )
    for n in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Annat {n}", date=datetime.date(2025, 1, n))
    return news_index


def pagination(response):
    nav = soup(response).find("nav", attrs={"aria-label": "Sidnumrering"})
    current = nav.find(attrs={"aria-current": "page"}).get_text(" ", strip=True)
    links = {a.get_text(" ", strip=True): parse_qs(urlsplit(a["href"]).query) for a in nav("a")}
    return current, links


@pytest.mark.django_db
def test_filtered_pagination_gives_a_valid_page_for_any_page_number(client, many):
    for page, current, first_title in [
        ("1", "Sida 1", "Frånvaro 25"),
        ("2", "Sida 2", "Frånvaro 15"),
        ("3", "Sida 3", "Frånvaro 5"),
        ("4", "Sida 3", "Frånvaro 5"),  # beyond the last page: the last page
        ("999999", "Sida 3", "Frånvaro 5"),
        ("abc", "Sida 1", "Frånvaro 25"),
        ("0", "Sida 3", "Frånvaro 5"),
        ("", "Sida 1", "Frånvaro 25"),
        ("%00", "Sida 1", "Frånvaro 25"),
    ]:
        response = client.get(f"{many.url}?amne=skolfranvaro&ar=2026&page={page}")
        assert titles(response)[0] == first_title, page
        assert summary(response) == "Nyheter om Skolfrånvaro från 2026, 25 nyheter", page
        assert pagination(response)[0] == current, page


@pytest.mark.django_db
def test_pagination_links_keep_the_filters(client, many):
    _current, links = pagination(client.get(f"{many.url}?amne=skolfranvaro&ar=2026&page=2"))
    filters = {"amne": ["skolfranvaro"], "ar": ["2026"]}
    assert links["Föregående"] == {**filters, "page": ["1"]}
    assert links["Nästa"] == {**filters, "page": ["3"]}
    assert links["Sida 1"] == {**filters, "page": ["1"]}
    assert links["Sida 3"] == {**filters, "page": ["3"]}


@pytest.mark.django_db
def test_the_first_and_last_pages_link_only_onwards_and_back(client, many):
    _current, first = pagination(client.get(f"{many.url}?amne=skolfranvaro"))
    assert "Föregående" not in first
    assert first["Nästa"] == {"amne": ["skolfranvaro"], "page": ["2"]}
    _current, last = pagination(client.get(f"{many.url}?amne=skolfranvaro&page=3"))
    assert "Nästa" not in last
    assert last["Föregående"] == {"amne": ["skolfranvaro"], "page": ["2"]}


@pytest.mark.django_db
def test_a_later_page_says_so_in_the_title(client, many):
    html = soup(client.get(f"{many.url}?page=2"))
    assert html.title.get_text(strip=True) == "Aktuellt – sida 2 – Föräldrarådgivning"


@pytest.mark.django_db
def test_an_archive_without_news_says_so_and_offers_no_filter(client, news_index):
    main = soup(client.get(news_index.url)).find("main")
    assert "Det finns inga nyheter ännu." in main.get_text()
    # No filter form; the page's only form is "Var informationen till din hjälp?".
    assert [form["action"] for form in main.find_all("form")] == ["/aterkoppling/"]
