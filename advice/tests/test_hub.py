"""The föräldrarådgivning hub lists each guidance page once with its topics as tags, filtered
by topic and audience with plain links; guidance pages say who they are for and end with
related guidance; sensitive pages offer a quick exit and the official channels, never a
form."""

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from portal.models import HelpNowSettings
from taxonomy.tests.factories import AudienceFactory, TopicFactory


@pytest.fixture
def guidance(hub):
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro", sort_order=0)
    placed = TopicFactory(name="Placerade barn", slug="placerade-barn", sort_order=1)
    parents = AudienceFactory(name="Föräldrar", slug="foraldrar", label="För föräldrar")
    professionals = AudienceFactory(
        name="Yrkesverksamma", slug="yrkesverksamma", label="För yrkesverksamma"
    )

    def page(title, topics, audiences, **kwargs):
        created = GuidancePageFactory(parent=hub, title=title, **kwargs)
        created.topics.set(topics)
        created.audiences.set(audiences)
        created.save()
        return created

    return {
        "absence": page("Problematisk skolfrånvaro", [absence], [parents]),
        "staircase": page("Närvarotrappan", [absence], [parents, professionals]),
        "team": page("Närvaroteamet", [absence], [professionals]),
        "placed": page("Stöd till föräldrar", [placed], [parents], sensitive=True),
        "other": page("Om läxor", [], [parents]),
    }


def hub_cards(client, hub, query=""):
    """The hub's listing: each card's title and topic tags, in order."""
    response = client.get(f"{hub.url}?{query}")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    listing = html.find("section", class_="guidance-list")
    cards = []
    for card in listing.find_all("article", class_="card"):
        tags = card.find("ul", class_="card__tags")
        cards.append(
            (
                card.find("a", class_="card__link").get_text(),
                [li.get_text() for li in tags.find_all("li")] if tags else [],
            )
        )
    return cards


@pytest.mark.django_db
def test_the_hub_lists_each_guidance_page_once_with_its_topics_as_tags(client, hub, guidance):
    assert hub_cards(client, hub) == [
        ("Problematisk skolfrånvaro", ["Skolfrånvaro"]),
        ("Närvarotrappan", ["Skolfrånvaro"]),
        ("Närvaroteamet", ["Skolfrånvaro"]),
        ("Stöd till föräldrar", ["Placerade barn"]),
        ("Om läxor", []),
    ]


@pytest.mark.django_db
def test_a_page_with_three_topics_is_listed_once(client, hub, guidance):
    leisure = TopicFactory(name="Fritid", slug="fritid", sort_order=2)
    page = guidance["team"]
    page.topics.set([*page.topics.all(), leisure, guidance["placed"].topics.get()])
    page.save()
    cards = hub_cards(client, hub)
    assert [title for title, _tags in cards].count("Närvaroteamet") == 1
    assert ("Närvaroteamet", ["Skolfrånvaro", "Placerade barn", "Fritid"]) in cards
    for query in ["amne=fritid", "for=yrkesverksamma", "amne=skolfranvaro&for=yrkesverksamma"]:
        titles = [title for title, _tags in hub_cards(client, hub, query)]
        assert titles.count("Närvaroteamet") == 1, query
    # The tags are words, not links: the card's own link is the only one.
    html = BeautifulSoup(client.get(hub.url).content, "html.parser")
    for card in html.find("section", class_="guidance-list").find_all("article"):
        assert len(card.find_all("a")) == 1


@pytest.mark.django_db
def test_the_hub_filters_by_topic_and_by_audience(client, hub, guidance):
    def titles(query):
        return [title for title, _tags in hub_cards(client, hub, query)]

    assert titles("amne=skolfranvaro") == [
        "Problematisk skolfrånvaro",
        "Närvarotrappan",
        "Närvaroteamet",
    ]
    assert titles("for=yrkesverksamma") == ["Närvarotrappan", "Närvaroteamet"]
    assert titles("amne=skolfranvaro&for=foraldrar") == [
        "Problematisk skolfrånvaro",
        "Närvarotrappan",
    ]
    assert titles("amne=placerade-barn&for=yrkesverksamma") == []


@pytest.mark.django_db
def test_a_chosen_topic_is_described_above_the_list(client, hub, guidance):
    topic = guidance["absence"].topics.get()
    topic.description = "När ett barn har svårt att gå till skolan."
    topic.save()
    html = BeautifulSoup(client.get(f"{hub.url}?amne=skolfranvaro").content, "html.parser")
    listing = html.find("section", class_="guidance-list")
    assert listing.find(class_="guidance-list__topic").get_text() == topic.description
    current = listing.find("nav", class_="topic-filter").find(attrs={"aria-current": "true"})
    assert current.get_text() == "Skolfrånvaro"


@pytest.mark.django_db
def test_the_audience_switch_marks_the_current_choice_and_keeps_the_topic(client, hub, guidance):
    html = BeautifulSoup(
        client.get(f"{hub.url}?amne=skolfranvaro&for=foraldrar").content, "html.parser"
    )
    switch = html.find("nav", class_="switcher")
    current = switch.find(attrs={"aria-current": "true"})
    assert current.get_text() == "För föräldrar"
    other = switch.find("a", string="För yrkesverksamma")
    assert other["href"] == f"{hub.url}?for=yrkesverksamma&amne=skolfranvaro"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["amne=finns-inte", "for=%00", "amne=<script>&for='", "amne=" + "x" * 2000]
)
def test_unknown_topics_and_audiences_give_the_unfiltered_list(client, hub, guidance, query):
    assert hub_cards(client, hub, query) == hub_cards(client, hub)


@pytest.mark.django_db
def test_a_guidance_page_says_who_it_is_for_and_ends_with_related_guidance(client, guidance):
    html = BeautifulSoup(client.get(guidance["staircase"].url).content, "html.parser")
    assert (
        html.find(class_="page-audience").get_text(strip=True) == "För: föräldrar, yrkesverksamma"
    )
    related = html.find("nav", attrs={"aria-labelledby": "related-guidance-heading"})
    assert [a.get_text() for a in related.find_all("a")] == [
        "Problematisk skolfrånvaro",
        "Närvaroteamet",
    ]


@pytest.mark.django_db
def test_a_sensitive_page_offers_a_quick_exit_help_now_and_no_form(client, home_page, guidance):
    help_settings = HelpNowSettings.for_site(home_page.get_site())
    help_settings.quick_exit_url = "https://www.smhi.se/"
    help_settings.concern_url = "https://www.example.org/orosanmalan"
    help_settings.lines = [
        ("line", {"label": "Socialjouren", "phone": "070-174 06 90", "text": ""})
    ]
    help_settings.save()

    response = client.get(guidance["placed"].url)
    html = BeautifulSoup(response.content, "html.parser")
    exit_link = html.find("a", attrs={"data-quick-exit": True})
    assert exit_link["href"] == "https://www.smhi.se/"
    assert exit_link.get_text() == "Lämna sidan snabbt"
    # It comes before the content, so keyboard users reach it early.
    assert html.find("main").find("a") == exit_link
    assert html.find("script", src="/static/js/quick-exit.js") is not None
    help_now = html.find("main").find("aside", class_="help-now")
    assert help_now.find("a", href="tel:112") is not None
    assert help_now.find("a", href="tel:+46701740690") is not None
    assert help_now.find("a", href="https://www.example.org/orosanmalan") is not None
    assert html.find("main").find("form") is None
    assert not response.cookies

    ordinary = BeautifulSoup(client.get(guidance["absence"].url).content, "html.parser")
    assert ordinary.find("a", attrs={"data-quick-exit": True}) is None
    assert ordinary.find("script", src="/static/js/quick-exit.js") is None


@pytest.mark.django_db
def test_short_helpline_numbers_get_click_to_call_links(client, home_page, guidance):
    help_settings = HelpNowSettings.for_site(home_page.get_site())
    help_settings.lines = [("line", {"label": "Bris", "phone": "116 111", "text": "Gratis"})]
    help_settings.save()
    html = BeautifulSoup(client.get(guidance["placed"].url).content, "html.parser")
    assert html.find("a", href="tel:116111").get_text() == "116 111"
