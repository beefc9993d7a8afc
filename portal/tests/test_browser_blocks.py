"""Blocks that do something in the browser: "Lämna sidan snabbt" on sensitive pages and
video blocks that load the player only when asked. Headless Chromium against a live server;
nothing on the internet is reached (requests to other sites are answered by the test)."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from advice.tests.factories import GuidancePageFactory
from portal.models import HelpNowSettings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEUTRAL = "https://www.smhi.se/"


@pytest.fixture
def pages(live_server, home_page, hub):
    settings = HelpNowSettings.for_site(home_page.get_site())
    settings.quick_exit_url = NEUTRAL
    settings.save()
    poster = get_image_model().objects.create(title="Affisch", file=get_test_image_file())
    sensitive = GuidancePageFactory(parent=hub, title="Placerade barn", sensitive=True)
    video = GuidancePageFactory(
        parent=hub,
        title="Film om närvarotrappan",
        body=[
            (
                "video",
                {
                    "title": "Närvarotrappan på två minuter",
                    "url": "https://youtu.be/dQw4w9WgXcQ",
                    "poster": poster,
                    "transcript": "",
                },
            )
        ],
    )
    return {
        "hub": live_server.url + hub.url,
        "sensitive": live_server.url + sensitive.url,
        "video": live_server.url + video.url,
    }


def answer_other_sites(page, requested):
    """Record and answer every request to another site, so nothing leaves the machine."""

    def handle(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>Annan webbplats</title>")

    page.route(lambda url: not url.startswith("http://localhost"), handle)


def test_leaving_quickly_replaces_the_page_so_back_does_not_return_to_it(browser_page, pages):
    page, requested = browser_page, []
    answer_other_sites(page, requested)
    page.goto(pages["hub"])
    page.goto(pages["sensitive"])
    assert page.get_by_text("Eller tryck på Skift-tangenten tre gånger.").is_visible()
    page.get_by_role("link", name="Lämna sidan snabbt").click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_load_state()
    assert page.url == pages["hub"]


def test_pressing_shift_three_times_leaves_the_page(browser_page, pages):
    page, requested = browser_page, []
    answer_other_sites(page, requested)
    page.goto(pages["sensitive"])
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)


def test_without_javascript_the_quick_exit_is_a_plain_link(browser, pages):
    context = browser.new_context(java_script_enabled=False)
    page, requested = context.new_page(), []
    answer_other_sites(page, requested)
    try:
        page.goto(pages["sensitive"])
        assert not page.get_by_text("Eller tryck på Skift-tangenten tre gånger.").is_visible()
        page.get_by_role("link", name="Lämna sidan snabbt").click()
        page.wait_for_url(NEUTRAL)
    finally:
        context.close()


def test_a_video_loads_the_player_only_after_the_visitor_asks(browser_page, pages):
    page, requested, reports = browser_page, [], []
    answer_other_sites(page, requested)
    page.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(pages["video"])
    page.wait_for_load_state("networkidle")
    assert requested == []
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Spela upp videon ”Närvarotrappan på två minuter”").click()
    player = page.locator("iframe.video__player")
    player.wait_for()
    assert player.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    assert player.get_attribute("title") == "Närvarotrappan på två minuter"
    page.wait_for_load_state("networkidle")
    assert requested and all(
        url.startswith("https://www.youtube-nocookie.com/") for url in requested
    )
    assert reports == []


def test_without_javascript_a_video_is_a_link_to_watch_it_elsewhere(browser, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(pages["video"])
        # The play button stays hidden (the page's only buttons are the feedback's Ja / Nej).
        assert page.locator("main article").get_by_role("button").count() == 0
        assert page.locator("main").get_by_role("button").all_inner_texts() == ["Ja", "Nej"]
        link = page.get_by_role("link", name="Se videon hos YouTube")
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    finally:
        context.close()


def test_a_printed_page_has_the_content_and_contact_details_without_navigation(browser_page, pages):
    page = browser_page
    page.emulate_media(media="print")
    page.goto(pages["sensitive"])
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert not page.locator(".quick-exit").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".site-footer__contact").is_visible()
