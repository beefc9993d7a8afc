"""Hostile input across the public site (portal/tests/hostile.py builds the requests): no
request may get a 5xx, no marker sent in a request may come back unescaped, and a forged Host
gets 400. `make test` sends HOSTILE_REQUESTS (default 300);
`make hostile` 10,000."""

import os

from django.test import Client

from wagtail.models import Page

from events.links import cancel_path
from events.models import EventPage
from events.submissions import EventRegistration
from feedback.models import PageFeedback
from feedback.views import answer_reference

from . import hostile

REQUESTS = int(os.environ.get("HOSTILE_REQUESTS", "300"))


def _extra_paths():
    """Routes that no page links to without a sign-up or an advisor: a cancellation link of a
    real sign-up, forged receipts and cancellations, the API and the search."""
    paths = [
        "/sok/",
        "/sok/forslag/",
        "/api/",
        "/api/v1/areas/",
        "/api/v1/schools/",
        "/api/v1/advisors/",
        "/api/v1/advisors.csv",
        "/aterkoppling/",
        "/aterkoppling/kommentar/",
        "/bli-kontaktad/",
        "/en/sok/",
        "/ar/sok/forslag/",
        "/aktuellt/amne/skolfranvaro/rss/",
        "/aktuellt/amne/finns-inte/atom/",
        "/documents/1/blankett.pdf",
        "/documents/999999/a.pdf",
        "/healthz",
        "/readyz",
    ]
    # The comment form shows only after an answer, on the page the answer came from.
    page = Page.objects.live().get(slug="kontakt", locale__language_code="sv")
    feedback = PageFeedback.objects.create(page=page, language="sv", helpful=True)
    paths.append(f"{page.url}?tack={answer_reference(feedback)}")
    for event in EventPage.objects.live().filter(registration_enabled=True):
        registration = EventRegistration.objects.create(
            page=event,
            form_data={"namn": "Hostile"},
            status=EventRegistration.Status.CONFIRMED,
        )
        paths += [
            event.url + cancel_path(event, registration),
            event.url + "anmalan/forged/",
            event.url + "avboka/Zm9yZ2Vk/",
            event.url + "ical/",
        ]
    return paths


def test_no_hostile_request_gets_a_5xx_or_an_unescaped_echo(demo_site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 10**9
    client = Client(raise_request_exception=False)
    gets, posts = hostile.collect_targets(client, _extra_paths())
    # Every kind of public form is there to be attacked.
    post_paths = " ".join(target.path for target in posts)
    for form in ("/aterkoppling/", "/aterkoppling/kommentar/", "/bli-kontaktad/", "avboka/"):
        assert form in post_paths, form
    assert any(target.path.startswith("/tillganglighetsredogorelse/") for target in posts)
    assert any("namn" in target.fields for target in posts)  # an event's sign-up
    assert len(gets) > 100

    server_errors, echoes, wrong_status, accepted, forged = [], [], [], 0, 0
    for n in range(REQUESTS):
        probe = hostile.probe(n, gets, posts)
        status, body = hostile.send(client, probe)
        if status >= 500:
            server_errors.append(f"{status} {probe.describe()}")
        if probe.marker in body:
            echoes.append(probe.describe())
        accepted += probe.kind == "post" and status == 302
        forged += probe.kind == "host"
        if probe.expect_status and status != probe.expect_status:
            wrong_status.append(f"{status} {probe.describe()}")
    report = server_errors[:40] + ["-- echoes --"] + echoes[:40] + ["-- status --"] + wrong_status
    assert not (server_errors or echoes or wrong_status), (
        f"{len(server_errors)} 5xx, {len(echoes)} echoes, {len(wrong_status)} wrong statuses "
        f"in {REQUESTS} requests:\n" + "\n".join(report)
    )
    # The bodies got past the guard (token and origin in order) into the views: some were
    # answered with a view's redirect (a saved form, or feedback sent back to its box).
    assert accepted > 0
    # Fewer requests still send forged hosts, whose 400 is checked above.
    assert forged > 0
