"""Page ownership and review dates: the report "Sidor att granska", the dashboard panel and
`remind_reviews`, for a known set of pages."""

import datetime
from io import StringIO

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidancePageFactory
from editorial import roles
from editorial.models import ReviewReminder
from events.tests.factories import EventIndexPageFactory
from home.tests.factories import StandardPageFactory
from portal.models import recipient_emails

REPORT_URL = "editorial_review_report"
BASE_URL = "https://cms.example.org"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def group(name):
    return Group.objects.get(name=name)


@pytest.fixture
def pages(home_page, hub, communicator, advisor_editor, django_user_model, settings):
    """The known set: two published pages and a draft overdue, one due in 10 days, one due in
    60 days, one without an owner. The start page and the hub are owned and far off."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    advisors = group(roles.ADVISORS)
    communicators = group(roles.COMMUNICATORS)
    for page in (home_page, hub):
        page.responsible_group = communicators
        page.review_by = days(200)
        page.save()
    # More of the advisors' group: one who should get reminders, and two who cannot.
    colleague = django_user_model.objects.create_user(
        username="kollega", email="kollega@example.org", first_name="Kim", last_name="Kollega"
    )
    left = django_user_model.objects.create_user(
        username="slutat", email="slutat@example.org", is_active=False
    )
    no_address = django_user_model.objects.create_user(username="utanadress", email="")
    advisors.user_set.add(colleague, left, no_address)
    # A second communicator, who must not hear about a page that names a person.
    other_communicator = django_user_model.objects.create_user(
        username="kommunikator2", email="kommunikator2@example.org"
    )
    communicators.user_set.add(other_communicator)
    return {
        "overdue": GuidancePageFactory(
            parent=hub, title="Skolfranvaro", review_by=days(-20), responsible_group=advisors
        ),
        "draft": GuidancePageFactory(
            parent=hub,
            title="Utkast om fritid",
            live=False,
            review_by=days(-7),
            responsible_group=advisors,
        ),
        "overdue_person": StandardPageFactory(
            parent=home_page,
            title="Personuppgifter",
            review_by=days(-3),
            responsible_user=communicator,
            responsible_group=communicators,
        ),
        "due": GuidancePageFactory(
            parent=hub, title="Narvarotrappan", review_by=days(10), responsible_group=advisors
        ),
        "later": GuidancePageFactory(
            parent=hub, title="Fritid", review_by=days(60), responsible_group=advisors
        ),
        "no_owner": GuidancePageFactory(parent=hub, title="Utan ansvarig", review_by=days(60)),
    }


def report_rows(response):
    """(title, owner, review status, publication status) of each row of the report."""
    html = BeautifulSoup(response.content, "html.parser")
    table = html.find("table", class_="listing")
    if table is None:
        return []
    for hidden in table.select(".w-sr-only"):
        hidden.decompose()
    rows = []
    for tr in table.find("tbody").find_all("tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        rows.append((cells[0], cells[2], cells[4], cells[5]))
    return rows


# --- The mixin's helpers ---------------------------------------------------------------------


@pytest.mark.django_db
def test_review_status_and_recipients_of_the_known_pages(pages, communicator, advisor_editor):
    today = timezone.localdate()
    assert pages["overdue"].review_status(today) == "overdue"
    assert pages["due"].review_status(today) == "due"
    assert pages["later"].review_status(today) == "ok"
    assert pages["no_owner"].review_status(today) == "missing"
    assert pages["due"].review_status(today + datetime.timedelta(days=11)) == "overdue"
    # The named person comes first; the group's active members with an address otherwise.
    assert pages["overdue_person"].review_recipients() == ["kommunikator@example.org"]
    assert pages["overdue"].review_recipients() == ["kollega@example.org", "radgivare@example.org"]
    assert pages["no_owner"].review_recipients() == []
    communicator.is_active = False
    assert recipient_emails(communicator, [advisor_editor]) == ["radgivare@example.org"]


@pytest.mark.django_db
def test_new_pages_get_a_review_date_a_year_ahead_and_no_owner(hub, superuser):
    page = GuidancePageFactory(parent=hub, owner=superuser)
    assert page.review_by == days(365)
    assert page.responsible_user is None and page.responsible_group is None


# --- The report ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_report_lists_exactly_the_pages_to_review(client, superuser, communicator, pages):
    client.force_login(superuser)
    response = client.get(reverse(REPORT_URL))
    assert response.status_code == 200
    assert report_rows(response) == [
        ("Skolfranvaro", "Föräldrarådgivare", "Försenad", "publicerad"),
        ("Utkast om fritid", "Föräldrarådgivare", "Försenad", "utkast"),
        ("Personuppgifter", "kommunikator (Kommunikatörer)", "Försenad", "publicerad"),
        ("Narvarotrappan", "Föräldrarådgivare", "Granskas inom 30 dagar", "publicerad"),
        ("Utan ansvarig", "Ingen ansvarig", "Ansvarig saknas", "publicerad"),
    ]


@pytest.mark.django_db
def test_report_filters_by_owner_and_status(client, superuser, communicator, pages):
    client.force_login(superuser)
    url = reverse(REPORT_URL)
    advisors = group(roles.ADVISORS)

    def titles(query):
        return [row[0] for row in report_rows(client.get(url, query))]

    assert titles({"owner": f"group-{advisors.pk}"}) == [
        "Skolfranvaro",
        "Utkast om fritid",
        "Narvarotrappan",
    ]
    assert titles({"owner": f"user-{communicator.pk}"}) == ["Personuppgifter"]
    assert titles({"owner": "none"}) == ["Utan ansvarig"]
    assert titles({"review": "overdue"}) == ["Skolfranvaro", "Utkast om fritid", "Personuppgifter"]
    assert titles({"review": "due"}) == ["Narvarotrappan"]
    assert titles({"review": "missing"}) == ["Utan ansvarig"]
    assert titles({"review": "overdue", "live": "true"}) == ["Skolfranvaro", "Personuppgifter"]
    client.force_login(communicator)
    assert titles({"owner": "mine"}) == ["Personuppgifter"]


@pytest.mark.django_db
def test_report_shows_only_pages_the_user_may_edit(
    client, home_page, advisor_editor, course_admin, pages
):
    # Föräldrarådgivare edit the guidance section, not the standard pages.
    client.force_login(advisor_editor)
    response = client.get(reverse(REPORT_URL))
    assert [row[0] for row in report_rows(response)] == [
        "Skolfranvaro",
        "Utkast om fritid",
        "Narvarotrappan",
        "Utan ansvarig",
    ]
    # Kursadministratörer edit only the calendar, which has no page due.
    EventIndexPageFactory(
        parent=home_page, review_by=days(100), responsible_group=group(roles.COURSE_ADMINS)
    )
    client.force_login(course_admin)
    response = client.get(reverse(REPORT_URL))
    assert response.status_code == 200
    assert report_rows(response) == []
    assert "Inga sidor behöver granskas just nu." in response.content.decode()


@pytest.mark.django_db
def test_report_is_in_the_reports_menu(client, communicator, pages):
    client.force_login(communicator)
    response = client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT_URL) in response.content.decode()


@pytest.mark.django_db
def test_report_exports_csv(client, superuser, pages):
    client.force_login(superuser)
    response = client.get(reverse(REPORT_URL), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0] == "Sida,Sidtyp,Ansvarig,Granskas senast,Granskning"
    assert lines[1].startswith("Skolfranvaro,Vägledningssida,Föräldrarådgivare,")
    assert len(lines) == 6


def add_overdue_pages(hub, count, owners):
    for i in range(count):
        user, grp = owners[i % len(owners)]
        GuidancePageFactory(
            parent=hub,
            title=f"Sida {hub.get_children().count()}",
            review_by=days(-i - 1),
            responsible_user=user,
            responsible_group=grp,
        )


@pytest.mark.django_db
def test_report_query_count_does_not_grow_with_the_pages(
    client, superuser, communicator, advisor_editor, hub
):
    owners = [
        (communicator, None),
        (None, group(roles.ADVISORS)),
        (advisor_editor, group(roles.COMMUNICATORS)),
    ]
    client.force_login(superuser)
    url = reverse(REPORT_URL)
    add_overdue_pages(hub, 3, owners)
    client.get(url)  # caches (sites, content types) warm up

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries), len(report_rows(response))

    few, few_rows = queries()
    add_overdue_pages(hub, 37, owners)
    many, many_rows = queries()
    assert (few_rows, many_rows) == (5, 42)  # the hub and the start page have no owner
    assert many == few


# --- The dashboard ---------------------------------------------------------------------------


def dashboard_panel(client):
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return html.find(id="review-pages-section")


def panel_titles(panel):
    return [a.get_text(strip=True) for a in panel.select("tbody td.title a")]


@pytest.mark.django_db
def test_dashboard_panel_shows_a_group_member_the_groups_pages(client, advisor_editor, pages):
    client.force_login(advisor_editor)
    panel = dashboard_panel(client)
    assert panel is not None
    # Published pages of the group, overdue or due within 30 days; not the draft, not the
    # page due in 60 days, not the communicators' page.
    assert panel_titles(panel) == ["Skolfranvaro", "Narvarotrappan"]
    text = panel.get_text(" ", strip=True)
    assert "Försenad" in text and "Granskas inom 30 dagar" in text
    assert panel.find("a", href=reverse(REPORT_URL) + "?owner=mine") is not None
    edit_url = reverse("wagtailadmin_pages:edit", args=[pages["overdue"].pk])
    assert panel.find("a", href=edit_url) is not None


@pytest.mark.django_db
def test_dashboard_panel_shows_a_persons_own_pages_and_is_absent_without_any(
    client, communicator, course_admin, pages
):
    client.force_login(communicator)
    assert panel_titles(dashboard_panel(client)) == ["Personuppgifter"]
    client.force_login(course_admin)
    assert dashboard_panel(client) is None


# --- The reminders ---------------------------------------------------------------------------


def remind(*args):
    out = StringIO()
    call_command("remind_reviews", *args, stdout=out)
    return out.getvalue()


def outbox_by_recipient():
    return {message.to[0]: message for message in mail.outbox}


@pytest.mark.django_db
def test_remind_reviews_mails_each_owner_their_overdue_pages(pages):
    remind()
    messages = outbox_by_recipient()
    # The group's active members with an address, and the named person (not their group).
    assert sorted(messages) == [
        "kollega@example.org",
        "kommunikator@example.org",
        "radgivare@example.org",
    ]
    for address in ("kollega@example.org", "radgivare@example.org"):
        message = messages[address]
        assert message.subject == "Påminnelse: en sida på Föräldrarådgivning ska granskas"
        assert "Skolfranvaro" in message.body
        assert f"{BASE_URL}/admin/pages/{pages['overdue'].pk}/edit/" in message.body
        # Not the draft, not the page that is merely due, nor anyone else's page.
        for other in ("Utkast om fritid", "Narvarotrappan", "Personuppgifter", "Fritid"):
            assert other not in message.body
    assert messages["kollega@example.org"].body.startswith("Hej Kim Kollega!")
    person = messages["kommunikator@example.org"]
    assert "Personuppgifter" in person.body and "Skolfranvaro" not in person.body
    assert f"{BASE_URL}/admin/pages/{pages['overdue_person'].pk}/edit/" in person.body
    assert ReviewReminder.objects.count() == 3


@pytest.mark.django_db
def test_remind_reviews_lists_all_of_a_recipients_pages_in_one_message(pages, hub):
    GuidancePageFactory(
        parent=hub,
        title="Narvaroteamet",
        review_by=days(-1),
        responsible_group=group(roles.ADVISORS),
    )
    remind()
    message = outbox_by_recipient()["radgivare@example.org"]
    assert message.subject == "Påminnelse: 2 sidor på Föräldrarådgivning ska granskas"
    # Oldest date first.
    assert message.body.index("Skolfranvaro") < message.body.index("Narvaroteamet")
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_remind_reviews_mails_at_most_once_a_week_per_page(pages, monkeypatch):
    now = timezone.now()
    remind()
    assert len(mail.outbox) == 3

    # Later the same day, and later the same week: nothing new to say.
    mail.outbox.clear()
    remind()
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=3))
    remind()
    assert mail.outbox == []

    # Eight days later the pages are still overdue, so the owners hear again.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=8))
    remind()
    assert sorted(outbox_by_recipient()) == [
        "kollega@example.org",
        "kommunikator@example.org",
        "radgivare@example.org",
    ]
    assert ReviewReminder.objects.count() == 3 + 3


@pytest.mark.django_db
def test_a_new_overdue_page_is_mailed_even_if_others_were_this_week(pages, hub):
    remind()
    mail.outbox.clear()
    GuidancePageFactory(
        parent=hub, title="Ny sida", review_by=days(-1), responsible_group=group(roles.ADVISORS)
    )
    remind()
    assert sorted(outbox_by_recipient()) == ["kollega@example.org", "radgivare@example.org"]
    body = outbox_by_recipient()["radgivare@example.org"].body
    assert "Ny sida" in body and "Skolfranvaro" not in body


@pytest.mark.django_db
def test_remind_reviews_dry_run_prints_and_sends_nothing(pages):
    output = remind("--dry-run")
    assert mail.outbox == []
    assert ReviewReminder.objects.count() == 0
    assert "Till: radgivare@example.org" in output
    assert "Skolfranvaro" in output
    assert "3 e-postmeddelanden skulle skickas" in output


@pytest.mark.django_db
def test_a_deactivated_owner_hands_the_reminders_to_the_group(client, superuser, pages):
    page = pages["overdue_person"]
    page.responsible_user.is_active = False
    page.responsible_user.save()
    remind()
    # Kommunikatörer: the deactivated person is left out, the other member hears about it.
    message = outbox_by_recipient()["kommunikator2@example.org"]
    assert "Personuppgifter" in message.body
    assert "kommunikator@example.org" not in outbox_by_recipient()
    client.force_login(superuser)
    rows = report_rows(client.get(reverse(REPORT_URL)))
    assert ("Personuppgifter", "kommunikator, inaktiverad (Kommunikatörer)") in [
        row[:2] for row in rows
    ]
