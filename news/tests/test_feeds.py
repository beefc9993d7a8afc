"""RSS 2.0 and Atom feeds of Aktuellt, for all news and per topic: they parse as XML, list the
20 latest published articles newest first with absolute links, and pages point to them."""

import datetime
import html
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page, Site

import pytest
from bs4 import BeautifulSoup

from news.tests.factories import NewsPageFactory
from portal.models import ContactSettings
from taxonomy.tests.factories import TopicFactory

ATOM = "{http://www.w3.org/2005/Atom}"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314  (the site's own feed)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel"), root.find("channel").findall("item")


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314  (the site's own feed)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


@pytest.fixture
def feed_news(news_index):
    """Three articles, one of them about Skolfrånvaro and Fritid, and a draft."""
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Huddinge kommun, socialtjänsten"
    settings.save()
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro", sort_order=0)
    leisure = TopicFactory(name="Fritid", slug="fritid", sort_order=1)
    TopicFactory(name="Placerade barn", slug="placerade-barn", sort_order=2)
    return {
        "index": news_index,
        "old": NewsPageFactory(
            parent=news_index,
            title="Föräldragrupper & läxhjälp",
            slug="foraldragrupper",
            date=datetime.date(2025, 1, 10),
            lead="Grupper för föräldrar <och> barn.",
            topics=[absence, leisure],
        ),
        "new": NewsPageFactory(
            parent=news_index,
            title="Ny webbplats",
            slug="ny-webbplats",
            date=datetime.date(2026, 7, 1),
            updated_date=datetime.date(2026, 8, 15),
            lead="Nu har vi en egen webbplats.",
        ),
        "middle": NewsPageFactory(
            parent=news_index,
            title="Läslustdag",
            slug="laslustdag",
            date=datetime.date(2025, 11, 3),
            lead="Böcker för alla.",
            topics=[leisure],
        ),
        "draft": NewsPageFactory(
            parent=news_index, title="Utkast", date=datetime.date(2027, 1, 1), live=False
        ),
    }


@pytest.mark.django_db
def test_the_rss_feed_lists_published_news_newest_first_with_absolute_links(client, feed_news):
    channel, items = rss_items(client.get("/aktuellt/rss/"))
    assert channel.findtext("title") == "Aktuellt – Föräldrarådgivning"
    assert channel.findtext("link") == "http://testserver/aktuellt/"
    assert channel.findtext("language") == "sv"
    assert [item.findtext("title") for item in items] == [
        "Ny webbplats",
        "Läslustdag",
        "Föräldragrupper & läxhjälp",
    ]
    old = items[2]
    assert old.findtext("link") == "http://testserver/aktuellt/foraldragrupper/"
    assert old.findtext("guid") == "http://testserver/aktuellt/foraldragrupper/"
    assert old.find("guid").get("isPermaLink") == "true"
    # The description is HTML, as feed readers expect; it says exactly the lead.
    assert html.unescape(old.findtext("description")) == "Grupper för föräldrar <och> barn."
    assert [c.text for c in old.findall("category")] == ["Skolfrånvaro", "Fritid"]
    published = parsedate_to_datetime(old.findtext("pubDate"))
    assert published == datetime.datetime(2025, 1, 10, tzinfo=STOCKHOLM)
    assert published.utcoffset() == datetime.timedelta(hours=1)


@pytest.mark.django_db
def test_the_atom_feed_lists_the_same_news_with_ids_dates_and_author(client, feed_news):
    root, entries = atom_entries(client.get("/aktuellt/atom/"))
    assert root.findtext(f"{ATOM}title") == "Aktuellt – Föräldrarådgivning"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/aktuellt/atom/"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Huddinge kommun, socialtjänsten"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Ny webbplats",
        "Läslustdag",
        "Föräldragrupper & läxhjälp",
    ]
    new = entries[0]
    assert new.find(f"{ATOM}link").get("href") == "http://testserver/aktuellt/ny-webbplats/"
    assert new.findtext(f"{ATOM}id") == "http://testserver/aktuellt/ny-webbplats/"
    assert new.findtext(f"{ATOM}published") == "2026-07-01T00:00:00+02:00"
    assert new.findtext(f"{ATOM}updated") == "2026-08-15T00:00:00+02:00"
    assert new.findtext(f"{ATOM}summary") == "Nu har vi en egen webbplats."
    assert [c.get("term") for c in entries[2].findall(f"{ATOM}category")] == [
        "Skolfrånvaro",
        "Fritid",
    ]


@pytest.mark.django_db
def test_feed_entries_carry_the_time_of_publication_with_their_date(client, feed_news):
    """The news date, at the time of day the article was published (Stockholm time), and
    the "Senast uppdaterad" day at the time of the last publication."""
    published = datetime.datetime(2026, 7, 1, 7, 45, 12, tzinfo=datetime.UTC)  # 09:45 in summer
    republished = datetime.datetime(2026, 8, 15, 12, 5, tzinfo=datetime.UTC)  # 14:05
    Page.objects.filter(pk=feed_news["new"].pk).update(
        first_published_at=published, last_published_at=republished
    )
    # Published the day after its news date, in winter.
    Page.objects.filter(pk=feed_news["old"].pk).update(
        first_published_at=datetime.datetime(2025, 1, 11, 15, 30, tzinfo=datetime.UTC),
        last_published_at=datetime.datetime(2025, 1, 11, 15, 30, tzinfo=datetime.UTC),
    )
    _root, entries = atom_entries(client.get("/aktuellt/atom/"))
    new, old = entries[0], entries[2]
    assert new.findtext(f"{ATOM}published") == "2026-07-01T09:45:12+02:00"
    assert new.findtext(f"{ATOM}updated") == "2026-08-15T14:05:00+02:00"
    # Its news date stays the day it is about; the time is that of its publication.
    assert old.findtext(f"{ATOM}published") == "2025-01-10T16:30:00+01:00"
    assert old.findtext(f"{ATOM}updated") == "2025-01-10T16:30:00+01:00"
    _channel, items = rss_items(client.get("/aktuellt/rss/"))
    assert parsedate_to_datetime(items[0].findtext("pubDate")) == datetime.datetime(
        2026, 7, 1, 9, 45, 12, tzinfo=STOCKHOLM
    )
    # The article's own page says the same to search engines and when shared.
    html = BeautifulSoup(client.get(feed_news["new"].url).content, "html.parser")
    published_time = html.find("meta", property="article:published_time")["content"]
    assert published_time == "2026-07-01T09:45:12+02:00"


@pytest.mark.django_db
def test_feeds_hold_the_twenty_latest_articles(client, news_index):
    for n in range(1, 23):
        NewsPageFactory(parent=news_index, title=f"Nyhet {n}", date=datetime.date(2026, 1, n))
    expected = [f"Nyhet {n}" for n in range(22, 2, -1)]
    _channel, items = rss_items(client.get("/aktuellt/rss/"))
    assert [item.findtext("title") for item in items] == expected
    _root, entries = atom_entries(client.get("/aktuellt/atom/"))
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == expected


@pytest.mark.django_db
def test_a_topic_feed_holds_only_that_topics_news(client, feed_news):
    channel, items = rss_items(client.get("/aktuellt/amne/fritid/rss/"))
    assert channel.findtext("title") == "Aktuellt: Fritid – Föräldrarådgivning"
    assert channel.findtext("link") == "http://testserver/aktuellt/?amne=fritid"
    assert [item.findtext("title") for item in items] == [
        "Läslustdag",
        "Föräldragrupper & läxhjälp",
    ]
    root, entries = atom_entries(client.get("/aktuellt/amne/skolfranvaro/atom/"))
    assert root.findtext(f"{ATOM}title") == "Aktuellt: Skolfrånvaro – Föräldrarådgivning"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/aktuellt/amne/skolfranvaro/atom/"
    )
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Föräldragrupper & läxhjälp"]


@pytest.mark.django_db
def test_a_topic_without_news_has_an_empty_feed(client, feed_news):
    _channel, items = rss_items(client.get("/aktuellt/amne/placerade-barn/rss/"))
    assert items == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/aktuellt/amne/okant/rss/",
        "/aktuellt/amne/okant/atom/",
        "/aktuellt/amne/fritid/",
        "/aktuellt/amne/fritid/json/",
        "/aktuellt/amne/%00/rss/",
        "/aktuellt/rss/extra/",
    ],
)
def test_unknown_feed_addresses_get_the_sites_404_page(client, feed_news, path):
    response = client.get(path)
    assert response.status_code == 404
    html_page = BeautifulSoup(response.content, "html.parser")
    assert html_page.find("h1").get_text(strip=True) == "Sidan finns inte"


def alternates(response):
    head = BeautifulSoup(response.content, "html.parser").head
    return [
        (link["type"], link["title"], link["href"])
        for link in head.find_all("link", rel="alternate")
    ]


ALL_FEEDS = [
    ("application/rss+xml", "Aktuellt (RSS)", "http://testserver/aktuellt/rss/"),
    ("application/atom+xml", "Aktuellt (Atom)", "http://testserver/aktuellt/atom/"),
]


@pytest.mark.django_db
def test_the_archive_links_its_feeds_in_the_head(client, feed_news):
    assert alternates(client.get("/aktuellt/")) == ALL_FEEDS
    assert alternates(client.get("/aktuellt/?amne=okant")) == ALL_FEEDS


@pytest.mark.django_db
def test_a_topic_filter_adds_the_topics_feeds(client, feed_news):
    assert alternates(client.get("/aktuellt/?amne=fritid&ar=2025")) == [
        *ALL_FEEDS,
        (
            "application/rss+xml",
            "Aktuellt: Fritid (RSS)",
            "http://testserver/aktuellt/amne/fritid/rss/",
        ),
        (
            "application/atom+xml",
            "Aktuellt: Fritid (Atom)",
            "http://testserver/aktuellt/amne/fritid/atom/",
        ),
    ]


@pytest.mark.django_db
def test_a_news_page_links_the_feeds_in_the_head(client, feed_news):
    assert alternates(client.get(feed_news["old"].url)) == ALL_FEEDS


@pytest.mark.django_db
def test_the_archive_shows_links_to_subscribe(client, feed_news):
    main = BeautifulSoup(client.get("/aktuellt/?amne=fritid").content, "html.parser").main
    section = main.find("section", class_="news-feeds")
    assert section.find("h2").get_text(strip=True) == "Prenumerera på nyheterna"
    links = {a.get_text(strip=True): a["href"] for a in section.find_all("a")}
    assert links == {
        "Prenumerera (RSS)": "/aktuellt/rss/",
        "Prenumerera (Atom)": "/aktuellt/atom/",
        "Prenumerera på Fritid (RSS)": "/aktuellt/amne/fritid/rss/",
        "Prenumerera på Fritid (Atom)": "/aktuellt/amne/fritid/atom/",
    }
    for path in links.values():
        assert client.get(path).status_code == 200
