"""Logs: a request id in and out, one JSON object per line in production with the request's
fields, and nothing a visitor typed into a form, in any record, whether the form was accepted
or refused."""

import json
import logging

from django.test import Client

import pytest

from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from events.tests.helpers import ORIGIN, post_form
from feedback.tests.helpers import answer, callback_post, comment_fields
from portal.logs import JsonFormatter, TextFormatter

pytestmark = pytest.mark.django_db


def test_a_safe_incoming_request_id_is_passed_on_and_anything_else_replaced(client, home_page):
    given = "3f2a9c1e-7b4d-4e1a-9f00-0c1d2e3f4a5b"
    assert client.get("/", HTTP_X_REQUEST_ID=given).headers["X-Request-ID"] == given
    for hostile in ["abc\nINFO forged", "<script>x</script>", "x" * 500, "short"]:
        returned = client.get("/", HTTP_X_REQUEST_ID=hostile).headers["X-Request-ID"]
        assert returned != hostile
        assert len(returned) == 32 and int(returned, 16) >= 0


def test_each_request_is_one_json_line_with_its_fields(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    response = client.get("/finns-inte/?q=hemligt", HTTP_X_REQUEST_ID="req-1234abcd")
    assert response.status_code == 404
    lines = [JsonFormatter().format(record) for record in caplog.records]
    entries = [json.loads(line) for line in lines]
    assert all("\n" not in line for line in lines)
    access = next(entry for entry in entries if entry["logger"] == "portal.request")
    assert access["request_id"] == "req-1234abcd"
    assert (access["method"], access["path"], access["status"]) == ("GET", "/finns-inte/", 404)
    assert access["level"] == "INFO" and access["duration_ms"] >= 0
    assert access["time"].endswith("+00:00")
    # django.request's warning about the 404 carries the same request id and status.
    warning = next(entry for entry in entries if entry["logger"] == "django.request")
    assert (warning["request_id"], warning["status"]) == ("req-1234abcd", 404)
    assert "hemligt" not in "".join(lines)


def test_a_path_cannot_forge_a_log_line(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    client.get("/x%0AERROR%20forged/")
    text = [TextFormatter().format(record) for record in caplog.records]
    assert text and all("\n" not in line for line in text)


# What a visitor types, recognisable anywhere in a log.
SECRETS = [
    "Loggtestsson",
    "loggtest.anmalan@example.org",
    "Hemlig-anteckning-91",
    "Ringmigmandag",
    "loggtest.ring@example.org",
    "Kommentar-hemlig-42",
]


def test_nothing_submitted_in_a_form_reaches_the_logs(
    hub, small_directory, home_page, caplog, settings
):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    caplog.set_level(logging.DEBUG)
    client = Client()
    course = add_form_fields(
        EventPageFactory(parent=EventIndexPageFactory(parent=home_page), registration_enabled=True)
    )
    signup = {"namn": "Anna Loggtestsson", "e_post": SECRETS[1], "ovrigt": SECRETS[2]}
    assert post_form(client, course.url, signup).status_code == 302
    # Refused: a foreign origin, an invalid address, a missing token; django.request warns.
    assert post_form(client, course.url, signup, origin="https://evil.example").status_code == 403
    assert post_form(client, course.url, {**signup, "e_post": "Loggtestsson@"}).status_code == 200
    assert client.post(course.url, signup, HTTP_ORIGIN=ORIGIN).status_code >= 400

    area_url = small_directory["page"].url + "varby/"
    callback = {
        "name": "Ringmigmandag",
        "contact": SECRETS[4],
        "area": str(small_directory["areas"]["varby"].pk),
        "language": "arabiska",
        "good_time": "Ringmigmandag",
    }
    assert callback_post(client, area_url, callback).status_code == 302
    assert callback_post(client, area_url, callback, origin="https://evil.example").status_code
    guidance = small_directory["page"]
    fields = comment_fields(client, answer(client, guidance).url)
    comment = client.post(
        "/aterkoppling/kommentar/", {**fields, "comment": SECRETS[5]}, HTTP_ORIGIN=ORIGIN
    )
    assert comment.status_code == 302

    records = caplog.records
    assert any(record.name == "django.request" for record in records)
    assert any(getattr(record, "status", None) == 403 for record in records)
    written = "\n".join(
        [JsonFormatter().format(record) for record in records]
        + [TextFormatter().format(record) for record in records]
        + [repr(vars(record)) for record in records]
    )
    for secret in SECRETS:
        assert secret not in written, secret
