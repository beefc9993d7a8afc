"""Aktuellt costs a fixed number of SQL queries however many articles there are: the archive
(plain, filtered, a middle page, the last page), the feeds, a topic feed, a news page and the
start page cost the same for 15 articles (fewer than a feed holds) as for 1,000."""

import math

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from news.models import NewsPage
from news.tests.bulk import bulk_news
from news.tests.factories import NewsPageFactory
from taxonomy.tests.factories import AreaFactory, TopicFactory

SMALL = 15
LARGE = 1000


def count_queries(client, url):
    client.get(url)  # warm up: renditions, settings rows and caches are made on first use
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


@pytest.fixture
def tagged(db):
    absence = TopicFactory(name="Skolfrånvaro", slug="skolfranvaro")
    leisure = TopicFactory(name="Fritid", slug="fritid")
    varby = AreaFactory(name="Vårby", slug="varby")
    skogas = AreaFactory(name="Skogås", slug="skogas")

    def tags(n):
        topics = [t for t, every in [(absence, 2), (leisure, 3)] if n % every == 0]
        areas = [a for a, every in [(varby, 4), (skogas, 5)] if n % every == 0]
        return topics, areas

    return tags


def urls(total):
    """What to measure, by kind: the addresses differ with the number of articles."""
    newest = NewsPage.objects.live().order_by("-date").first()
    return {
        "archive": "/aktuellt/",
        "filtered archive": "/aktuellt/?amne=skolfranvaro&omrade=varby&ar=2026",
        "page 2": "/aktuellt/?page=2",
        "last page": f"/aktuellt/?page={math.ceil(total / 10)}",
        "last filtered page": f"/aktuellt/?amne=skolfranvaro&page={math.ceil(total / 2 / 10)}",
        "rss": "/aktuellt/rss/",
        "atom": "/aktuellt/atom/",
        "topic rss": "/aktuellt/amne/skolfranvaro/rss/",
        "topic atom": "/aktuellt/amne/skolfranvaro/atom/",
        "news page": newest.url,
        "start page": "/",
    }


def query_counts(client, total):
    return {kind: count_queries(client, url) for kind, url in urls(total).items()}


@pytest.mark.django_db
def test_news_cost_the_same_queries_for_15_and_1000_articles(client, news_index, image, tagged):
    bulk_news(news_index, SMALL, image=image, tags=tagged)
    few = query_counts(client, SMALL)

    bulk_news(news_index, LARGE - SMALL, image=image, tags=tagged)
    assert NewsPage.objects.live().child_of(news_index).count() == LARGE
    assert query_counts(client, LARGE) == few


@pytest.mark.django_db
def test_bulk_created_news_form_the_tree_add_child_would_make(client, news_index, tagged):
    NewsPageFactory(parent=news_index, title="Före")
    articles = bulk_news(news_index, 25, tags=tagged)
    after = NewsPageFactory(parent=news_index, title="Efter")
    # No wrong paths, depths or child counts, no orphans.
    assert Page.find_problems() == ([], [], [], [], [])
    assert news_index.get_children().count() == 27
    assert list(news_index.get_children().order_by("path"))[-1].pk == after.pk
    response = client.get(articles[0].url)
    assert response.status_code == 200
    assert articles[0].title in response.content.decode()
    assert client.get("/aktuellt/?amne=skolfranvaro").status_code == 200
