"""The admin reports communicators read: the most frequent queries and those that found
nothing, in Swedish, for every editor."""

import datetime

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from sitesearch.models import QueryStat


@pytest.fixture
def stats(db):
    today = datetime.date.today()
    QueryStat.objects.create(day=today, query="skolk", searches=7, without_results=0)
    QueryStat.objects.create(
        day=today - datetime.timedelta(days=1), query="skolk", searches=3, without_results=0
    )
    QueryStat.objects.create(day=today, query="hvb hem", searches=4, without_results=4)
    QueryStat.objects.create(
        day=today - datetime.timedelta(days=60), query="gammalt", searches=50, without_results=50
    )


def rows(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup.select("tr[data-query-row]")
    ]


def test_the_most_frequent_queries_of_the_last_30_days(client, communicator, stats):
    client.force_login(communicator)
    soup, table = rows(client, "sitesearch_frequent_queries")
    assert table == [["skolk", "10", "0"], ["hvb hem", "4", "4"]]
    assert "Vanligaste sökningarna" in soup.title.get_text()


def test_the_queries_without_results(client, communicator, stats):
    client.force_login(communicator)
    soup, table = rows(client, "sitesearch_no_results")
    assert table == [["hvb hem", "4", "4"]]
    assert "Sökningar utan träffar" in soup.title.get_text()


def test_the_reports_are_in_the_reports_menu(client, communicator, stats):
    client.force_login(communicator)
    response = client.get(reverse("wagtailadmin_home"))
    assert reverse("sitesearch_frequent_queries").encode() in response.content
    assert reverse("sitesearch_no_results").encode() in response.content
