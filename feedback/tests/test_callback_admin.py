"""Call-back requests in the admin: only the advisory team (and administrators) see them,
others get 403; each view and each "handled" is in Wagtail's audit log; the daily purge deletes
handled and old requests."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from feedback.models import CallbackRequest
from taxonomy.tests.factories import AreaFactory

from .factories import CallbackRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_in_varby():
    return CallbackRequestFactory(area=AreaFactory(name="Vårby", slug="varby"))


def urls(callback):
    return [
        reverse("feedback_callback_list"),
        reverse("feedback_callback_detail", args=[callback.pk]),
    ]


@pytest.mark.parametrize("role", ["communicator", "reviewer", "course_admin"])
def test_other_editors_get_403_and_no_menu_item(client, request, role, request_in_varby):
    client.force_login(request.getfixturevalue(role))
    for url in urls(request_in_varby):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Bara föräldrarådgivarna och administratörer" in response.content.decode()
        assert "Sara" not in response.content.decode()
    assert client.post(urls(request_in_varby)[1]).status_code == 403
    assert CallbackRequest.objects.get().handled_at is None
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/kontaktforfragningar/" not in dashboard
    assert not ModelLogEntry.objects.exists()


def test_visitors_are_sent_to_the_login(client, request_in_varby):
    for url in urls(request_in_varby):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.parametrize("role", ["advisor_editor", "superuser"])
def test_the_advisory_team_sees_requests_and_each_view_is_logged(
    client, request, role, request_in_varby
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    listing = client.get(urls(request_in_varby)[0])
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Vårby" in body
    # The list shows no name or contact details, and is not a look at a request.
    assert "Sara" not in body and "070-174" not in body
    # The menu (the sidebar is JSON for its script) links to the list.
    assert "/admin/kontaktforfragningar/" in client.get(reverse("wagtailadmin_home")).text

    detail = client.get(urls(request_in_varby)[1])
    assert detail.status_code == 200
    for value in ["Sara", "070-174 06 30", "arabiska", "Vardagar efter 15", "Ja, vill ha tolk"]:
        assert value in detail.content.decode()
    client.get(urls(request_in_varby)[1])
    entries = ModelLogEntry.objects.for_instance(request_in_varby)
    assert entries.count() == 2
    assert {(e.action, e.user_id) for e in entries} == {("feedback.callback.view", user.pk)}
    assert "Visade kontaktförfrågan" in client.get(urls(request_in_varby)[1]).content.decode()


def test_an_advisor_marks_a_request_handled(client, advisor_editor, request_in_varby):
    client.force_login(advisor_editor)
    response = client.post(urls(request_in_varby)[1])
    assert response.status_code == 302
    request_in_varby.refresh_from_db()
    assert request_in_varby.handled_at is not None
    assert request_in_varby.handled_by == advisor_editor
    assert ModelLogEntry.objects.filter(action="feedback.callback.handled").count() == 1
    # Twice is still once.
    client.post(urls(request_in_varby)[1])
    assert ModelLogEntry.objects.filter(action="feedback.callback.handled").count() == 1


def test_an_unknown_request_is_a_404(client, advisor_editor):
    client.force_login(advisor_editor)
    assert client.get("/admin/kontaktforfragningar/999999/").status_code == 404


def test_the_purge_deletes_handled_and_old_requests(settings):
    settings.CALLBACK_REQUEST_RETENTION_DAYS = 14
    settings.CALLBACK_REQUEST_MAX_AGE_DAYS = 60
    now = timezone.now()
    days = datetime.timedelta(days=1)
    fresh = CallbackRequestFactory(created_at=now - 2 * days)
    handled_lately = CallbackRequestFactory(created_at=now - 20 * days, handled_at=now - 3 * days)
    CallbackRequestFactory(created_at=now - 30 * days, handled_at=now - 15 * days)
    CallbackRequestFactory(created_at=now - 61 * days)

    output = StringIO()
    call_command("purge_callback_requests", dry_run=True, stdout=output)
    assert "2 kontaktförfrågningar skulle raderas" in output.getvalue()
    assert CallbackRequest.objects.count() == 4

    call_command("purge_callback_requests", stdout=output)
    assert set(CallbackRequest.objects.all()) == {fresh, handled_lately}
