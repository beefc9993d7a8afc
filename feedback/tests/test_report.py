"""The feedback report for a known set of answers: the share of "Ja", the counts and the
latest comments per page, the filters, the CSV, the SVG chart over time, the dashboard panel
and the review queue that puts the least helpful pages first."""

import csv
import datetime
import io

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from feedback import report
from feedback.models import PageFeedback
from home.tests.factories import StandardPageFactory

from .factories import PageFeedbackFactory

pytestmark = pytest.mark.django_db


def answers(page, yes, no, on, language="sv"):
    for helpful, count in [(True, yes), (False, no)]:
        for _ in range(count):
            PageFeedbackFactory(page=page, helpful=helpful, created_on=on, language=language)


@pytest.fixture
def known(hub, home_page):
    """Three pages: trappan 2 of 8 Ja, teamet 9 of 10, kontakt (another section) 1 of 2; an old
    answer outside 90 days and two comments."""
    today = timezone.localdate()
    trappan = GuidancePageFactory(parent=hub, title="Närvarotrappan")
    teamet = GuidancePageFactory(parent=hub, title="Närvaroteamet")
    kontakt = StandardPageFactory(parent=home_page, title="Kontakt", slug="kontakt")
    answers(trappan, 1, 3, today - datetime.timedelta(days=40))
    answers(trappan, 1, 3, today - datetime.timedelta(days=3))
    answers(teamet, 9, 1, today - datetime.timedelta(days=10))
    answers(kontakt, 1, 1, today - datetime.timedelta(days=5))
    answers(teamet, 0, 5, today - datetime.timedelta(days=200))
    PageFeedbackFactory(
        page=trappan, helpful=False, comment="Svårt att förstå stegen.", created_on=today
    )
    PageFeedbackFactory(page=trappan, helpful=True, comment="=SUMMA(A1)", created_on=today)
    PageFeedback.objects.filter(page=kontakt).update(language="en")
    return {"trappan": trappan, "teamet": teamet, "kontakt": kontakt, "today": today}


def rows(response):
    table = BeautifulSoup(response.content, "html.parser").find_all("table", class_="listing")
    body = table[-1].find("tbody")
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in body.find_all("tr")
    ]


def test_the_report_shows_share_counts_and_comments_least_helpful_first(
    client, communicator, known
):
    client.force_login(communicator)
    response = client.get(reverse("feedback_report"))
    assert response.status_code == 200
    shown = rows(response)
    # trappan: 2 + 1 Ja of 10 (30 %); kontakt: 1 of 2 (few answers, so last); teamet 90 %.
    assert [row[0].split(" Över tid")[0] for row in shown] == [
        "Närvarotrappan",
        "Närvaroteamet",
        "Kontakt",
    ]
    assert shown[0][1] == "30 %"
    assert shown[0][2] == "10 (3 ja, 7 nej)"
    assert "Svårt att förstå stegen." in shown[0][3]
    assert shown[1][1:3] == ["90 %", "10 (9 ja, 1 nej)"]
    assert shown[2][1].startswith("50 %") and "(få svar)" in shown[2][1]
    text = response.content.decode()
    assert "22 svar." in text and "59 % svarade Ja." in text


def test_the_filters_by_period_section_and_language(client, communicator, known, hub):
    client.force_login(communicator)
    year = client.get(reverse("feedback_report"), {"period": "365"})
    assert rows(year)[1][2] == "15 (9 ja, 6 nej)"
    section = client.get(reverse("feedback_report"), {"section": hub.pk})
    assert [r[0].split(" Över tid")[0] for r in rows(section)] == [
        "Närvarotrappan",
        "Närvaroteamet",
    ]
    english = client.get(reverse("feedback_report"), {"language": "en"})
    assert [r[0].split(" Över tid")[0] for r in rows(english)] == ["Kontakt"]
    today = known["today"]
    dates = client.get(
        reverse("feedback_report"),
        {"from_date": str(today - datetime.timedelta(days=4)), "to_date": str(today)},
    )
    assert rows(dates)[0][2] == "6 (2 ja, 4 nej)"
    # Nonsense in the filters is no 500.
    bad = client.get(
        reverse("feedback_report"),
        {"period": "x", "section": "abc", "language": "<b>", "from_date": "igår", "page": "x"},
    )
    assert bad.status_code == 200


def test_the_csv_has_the_same_numbers_and_no_formulas(client, communicator, known):
    client.force_login(communicator)
    response = client.get(reverse("feedback_report"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0] == ["Sida", "Adress", "Svar", "Ja", "Nej", "Andel ja (%)", "Kommentarer"]
    assert table[1][0] == "Närvarotrappan"
    assert table[1][2:6] == ["10", "3", "7", "30"]
    assert "'=SUMMA(A1)" in table[1][6]


def test_the_chart_draws_the_share_per_week(client, communicator, known):
    feedback = PageFeedback.objects.filter(page=known["trappan"])
    end = known["today"]
    start = end - datetime.timedelta(days=89)
    points = report.over_time(feedback, start, end)
    # 1 Ja of 4 forty days ago; 1 of 4 three days ago and 1 of 2 today (one or two weeks).
    assert (points[0].answers, points[0].share) == (4, 25)
    assert sum(p.answers for p in points) == 10 and sum(p.yes for p in points) == 3
    client.force_login(communicator)
    response = client.get(reverse("feedback_report"), {"page": known["trappan"].pk})
    figure = BeautifulSoup(response.content, "html.parser").find("figure", class_="feedback-chart")
    svg = figure.find("svg")
    assert svg is not None and svg["role"] == "img"
    circles = svg.find_all("circle")
    assert [c["data-share"] for c in circles] == [str(p.share) for p in points]
    # Higher share, higher point: y grows downwards.
    ys = [float(c["cy"]) for c in circles]
    shares = [p.share for p in points]
    assert sorted(range(len(ys)), key=lambda i: ys[i]) == sorted(
        range(len(shares)), key=lambda i: -shares[i]
    )
    # 0 % at the bottom line, 100 % at the top line of the grid.
    chart = report.chart([report.Point(start, 1, 0, "a"), report.Point(end, 1, 1, "b")])
    assert chart["points"][0]["y"] == chart["grid"][0]["y"]
    assert chart["points"][1]["y"] == chart["grid"][-1]["y"]
    assert "." in chart["polyline"] and "," in chart["polyline"]
    assert "Andel Ja över tid: Närvarotrappan" in response.content.decode()


def test_the_dashboard_lists_the_least_helpful_pages(client, communicator, known):
    client.force_login(communicator)
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = html.find(id="least-helpful-content") or html.find(id="least-helpful")
    assert panel is not None
    titles = [a.get_text() for a in panel.select("td.title a")]
    assert titles == ["Närvarotrappan", "Närvaroteamet"]


def test_the_review_queue_puts_the_least_helpful_pages_first(client, communicator, known, hub):
    today = known["today"]
    unrated = GuidancePageFactory(parent=hub, title="Utan svar")
    for page, days in [(known["teamet"], 3), (unrated, -10), (known["trappan"], 200)]:
        page.review_by = today + datetime.timedelta(days=days)
        page.save()
    client.force_login(communicator)
    response = client.get(reverse("feedback_review_queue"))
    assert response.status_code == 200
    shown = rows(response)
    titles = [row[0] for row in shown]
    # Rated pages by share (trappan 30 %, teamet 90 %), then the rest by review date.
    assert titles[:3] == ["Närvarotrappan", "Närvaroteamet", "Utan svar"]
    assert shown[0][1:3] == ["30 %", "10"]


def test_the_reports_are_for_those_who_edit_pages(client, django_user_model, known):
    nobody = django_user_model.objects.create_user(username="x", password="x")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert client.get(reverse("feedback_report")).status_code == 403
    assert client.get(reverse("feedback_review_queue")).status_code == 403


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_site_has_answers_for_the_report_and_its_chart(client, demo_site):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("demo-report", "d@example.org", "x")
    client.force_login(admin)
    response = client.get(reverse("feedback_report"), {"period": "180"})
    assert response.status_code == 200
    figure = BeautifulSoup(response.content, "html.parser").find("figure", class_="feedback-chart")
    assert len(figure.find_all("circle")) >= 4
    shown = rows(response)
    assert len(shown) >= 8
    # A spread, not one value: the least and the most helpful pages differ clearly.
    shares = [int(row[1].split(" %")[0]) for row in shown]
    assert max(shares) - min(shares) >= 30
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sidor som hjälper föräldrar minst" in dashboard
