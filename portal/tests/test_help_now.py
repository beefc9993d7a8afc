""" "Behöver du hjälp nu?" keeps its tone: red only for the emergency (ring 112), the prompt
about reports of concern after a sensitive page's content and leading to the site's own page
on how to make one, never to a placeholder."""

import re
from pathlib import Path

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from portal.models import HelpNowSettings

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "main.css").read_text()
ALARM_TOKENS = ("--color-alarm", "--color-important")


def css_rule(selector):
    """The declarations of the last rule for exactly `selector` in main.css."""
    rules = re.findall(r"(?:^|\})\s*([^{}]+?)\s*\{([^{}]*)\}", CSS)
    found = [
        body for selectors, body in rules if selector in [s.strip() for s in selectors.split(",")]
    ]
    assert found, selector
    return found[-1]


@pytest.fixture
def concern_page(hub):
    return GuidancePageFactory(
        parent=hub,
        title="Så gör du en orosanmälan",
        slug="sa-gor-du-en-orosanmalan",
        sensitive=True,
    )


@pytest.fixture
def placed(hub):
    return GuidancePageFactory(
        parent=hub,
        title="Stöd till föräldrar till placerade barn",
        slug="placerade-barn",
        sensitive=True,
        body=[
            ("heading", {"text": "När ditt barn bor någon annanstans", "level": "h2"}),
            ("paragraph", "<p>Du är viktig för ditt barn.</p>"),
            (
                "fact_box",
                {
                    "title": "Bra att veta",
                    "text": "<p>Du har rätt till stöd.</p>",
                    "tone": "important",
                },
            ),
        ],
    )


@pytest.fixture
def help_settings(home_page, concern_page):
    settings = HelpNowSettings.for_site(home_page.get_site())
    settings.concern_text = "Så gör du en orosanmälan till socialtjänsten"
    settings.concern_page = concern_page
    settings.concern_url = "https://www.example.org/orosanmalan"
    settings.save()
    return settings


def main(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main


def concern_links(html):
    box = html.find("aside", class_="help-now")
    return [p.a["href"] for p in box.find_all("p", class_="help-now__concern")]


@pytest.mark.django_db
def test_the_concern_prompt_leads_to_the_sites_own_page(
    client, placed, concern_page, help_settings
):
    html = main(client, placed)
    assert concern_links(html) == [concern_page.url]
    assert "example.org" not in str(html)


@pytest.mark.django_db
def test_the_concern_page_itself_does_not_link_to_itself(client, concern_page, help_settings):
    html = main(client, concern_page)
    assert html.find("aside", class_="help-now") is not None
    assert concern_links(html) == []


@pytest.mark.django_db
def test_an_unpublished_concern_page_is_never_linked(client, placed, concern_page, help_settings):
    concern_page.unpublish()
    assert concern_links(main(client, placed)) == ["https://www.example.org/orosanmalan"]
    help_settings.concern_url = ""
    help_settings.save()
    assert concern_links(main(client, placed)) == []


@pytest.mark.django_db
def test_on_a_sensitive_page_the_concern_prompt_comes_after_the_content(
    client, placed, help_settings
):
    html = main(client, placed)
    elements = html.find_all(True)
    position = {id(element): n for n, element in enumerate(elements)}
    prompt = html.find("p", class_="help-now__concern")
    first_heading = html.find("div", class_="prose").find("h2")
    assert position[id(first_heading)] < position[id(prompt)]
    assert html.find("div", class_="prose").find_next_sibling("aside", class_="help-now")
    # The quick exit still comes first.
    assert html.find("a")["data-quick-exit"] is not None


@pytest.mark.django_db
def test_only_the_emergency_line_is_marked_as_an_emergency(client, placed, help_settings):
    box = main(client, placed).find("aside", class_="help-now")
    emergency = box.find_all(class_="help-now__emergency")
    assert len(emergency) == 1
    assert emergency[0].find("a", href="tel:112") is not None


def test_red_is_kept_for_the_emergency_line():
    """The alarm colour draws the 112 line only; important facts, the help box itself and
    the quick exit are calm."""
    assert "--color-alarm" in css_rule(".help-now__emergency")
    for selector in [".fact-box--important", ".help-now", ".quick-exit__link", ".fact-box"]:
        rule = css_rule(selector)
        assert not any(token in rule for token in ALARM_TOKENS), selector


@pytest.mark.django_db
def test_an_important_fact_box_is_not_drawn_as_an_alarm(client, placed, help_settings):
    box = main(client, placed).find("aside", class_="fact-box")
    assert box["class"] == ["fact-box", "fact-box--important"]
    assert "help-now__emergency" not in str(box)


@pytest.mark.django_db
def test_the_help_box_in_a_body_links_the_concern_page_too(
    client, hub, concern_page, help_settings
):
    page = GuidancePageFactory(parent=hub, title="Oro", body=[("help_now", {})])
    assert concern_links(main(client, page)) == [concern_page.url]
    assert Page.objects.get(pk=concern_page.pk).live
