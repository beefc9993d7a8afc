"""No cookie for visitors: no public GET of the demo site sets one. Every address in the
sitemap, every route the sitemap leaves out (the past events, the calendar files and feeds,
the news feeds, the open data, vCards, area pages, the 404 page), and the pages a person meets
after signing up (the receipt, the cancellation page), event pages with their sign-up forms
included. The sign-up's own POST sets none either, nor do the POSTs of page feedback and of a
call-back request, nor the pages they lead back to."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.test import Client

from bs4 import BeautifulSoup

from portal.forms_protection import TOKEN_FIELD

KNOWN = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "demo_site_urls.txt").read_text().splitlines()
    if line.strip()
]


def assert_no_cookie(response, url):
    assert response.status_code < 500, url
    assert not response.cookies, (url, response.cookies)
    assert "Set-Cookie" not in response.headers, url


def test_no_public_get_sets_a_cookie(demo_site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    client = Client()
    sitemap = client.get("/sitemap.xml")
    assert_no_cookie(sitemap, "/sitemap.xml")
    listed = [urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap.text)]
    assert len(listed) >= 25

    EventPage = apps.get_model("events", "EventPage")
    events = list(EventPage.objects.live())
    assert any(event.registration_open() for event in events)
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    Topic = apps.get_model("taxonomy", "Topic")
    Advisor = apps.get_model("advice", "Advisor")
    directory = apps.get_model("advice", "AdvisorDirectoryPage").objects.live().first()
    routes = [
        "/kalender/tidigare/",
        "/kalender/ical/",
        "/kalender/?amne=skolfranvaro",
        *[f"{event.url}ical/" for event in events],
        *[
            f"{index.url}amne/{topic.slug}/{feed}/"
            for index in NewsIndexPage.objects.live()
            for topic in Topic.objects.all()[:2]
            for feed in ("rss", "atom")
        ],
        *[
            f"{directory.url}kontaktkort/{advisor.pk}/"
            for advisor in Advisor.objects.filter(live=True)
        ],
        f"{directory.url}?sprak=ar",
        "/finns-inte/",
    ]
    urls = sorted(set(listed) | set(KNOWN) | set(routes))
    for url in urls:
        assert_no_cookie(client.get(url), url)

    # After signing up: the POST, the receipt, the cancellation page.
    course = next(
        event for event in events if event.registration_open() and event.form_fields.exists()
    )
    page = client.get(course.url)
    assert_no_cookie(page, course.url)
    form = BeautifulSoup(page.content, "html.parser").find("section", class_="registration")
    data = {field.clean_name: "Provsvar" for field in course.get_form_fields()}
    for field in course.get_form_fields():
        if field.field_type == "email":
            data[field.clean_name] = "prov@example.org"
    data[TOKEN_FIELD] = form.find("input", attrs={"name": TOKEN_FIELD})["value"]
    posted = client.post(course.url, data, HTTP_ORIGIN="http://testserver")
    assert posted.status_code == 302
    assert_no_cookie(posted, "POST " + course.url)
    receipt = client.get(posted.url)
    assert_no_cookie(receipt, posted.url)
    cancel = BeautifulSoup(receipt.content, "html.parser").find("a", string="Avboka anmälan")
    assert_no_cookie(client.get(cancel["href"]), cancel["href"])

    # Page feedback: the answer, the comment, and the page each leads back to.
    def hidden_fields(section):
        return {
            field["name"]: field.get("value", "")
            for field in section.find("form").find_all("input", attrs={"type": "hidden"})
        }

    guidance = "/foraldraradgivning/narvarotrappan/"
    section = BeautifulSoup(client.get(guidance).content, "html.parser").find(id="feedback")
    answered = client.post(
        "/aterkoppling/", {**hidden_fields(section), "svar": "ja"}, HTTP_ORIGIN="http://testserver"
    )
    assert answered.status_code == 302
    assert_no_cookie(answered, "POST /aterkoppling/")
    thanks = client.get(answered.url)
    assert_no_cookie(thanks, answered.url)
    section = BeautifulSoup(thanks.content, "html.parser").find(id="feedback")
    commented = client.post(
        "/aterkoppling/kommentar/",
        {**hidden_fields(section), "comment": "Bra"},
        HTTP_ORIGIN="http://testserver",
    )
    assert_no_cookie(commented, "POST /aterkoppling/kommentar/")
    assert_no_cookie(client.get(commented.url), commented.url)

    # A call-back request from an area page, and the thanks.
    area_url = f"{directory.url}varby/"
    section = BeautifulSoup(client.get(area_url).content, "html.parser").find(id="bli-kontaktad")
    requested = client.post(
        "/bli-kontaktad/",
        {
            **hidden_fields(section),
            "name": "Prov",
            "contact": "prov@example.org",
            "area": section.find("select", attrs={"name": "area"}).find("option", selected=True)[
                "value"
            ],
            "language": "svenska",
        },
        HTTP_ORIGIN="http://testserver",
    )
    assert requested.status_code == 302
    assert_no_cookie(requested, "POST /bli-kontaktad/")
    assert_no_cookie(client.get(requested.url), requested.url)
    assert_no_cookie(client.get("/bli-kontaktad/"), "/bli-kontaktad/")
