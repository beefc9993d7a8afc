"""Each role's rights, through the admin views an editor (or a forged request) reaches:
who publishes, who approves, who deletes, and who sees sign-ups."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from wagtail.models import (
    Page,
    PageLogEntry,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from advice.models import Advisor, GuidancePage
from advice.tests.factories import AdvisorFactory, GuidancePageFactory
from editorial import roles
from events.models import EventRegistration
from events.tests.factories import EventIndexPageFactory, EventPageFactory, add_form_fields
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from taxonomy.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Refused: a 403 page, or Wagtail's redirect to the dashboard with its message."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    ), response


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_the_roles_and_the_swedish_workflow_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    assert [task.name for task in workflow.tasks] == [roles.TASK_NAME]
    assert list(workflow.tasks[0].specific.groups.values_list("name", flat=True)) == [
        roles.REVIEWERS
    ]
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow
    advisor_type = ContentType.objects.get_for_model(Advisor)
    assert WorkflowContentType.objects.get(content_type=advisor_type).workflow == workflow


def guidance_data(**overrides):
    data = {
        "title": "Närvarotrappan",
        "slug": "narvarotrappan",
        "lead": "Så följer skolan upp frånvaro.",
        "body": streamfield([]),
        "updated_date": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_a_new_guidance_section_opens_to_the_advisors(hub):
    """The advisors' right to write drafts follows each guidance section, also new ones."""
    group = Group.objects.get(name=roles.ADVISORS)
    actions = set(
        hub.group_permissions.filter(group=group).values_list("permission__codename", flat=True)
    )
    assert actions == {"add_page", "change_page"}


def test_an_advisor_drafts_guidance_and_submits_it_and_a_reviewer_is_told(
    client, hub, advisor_editor, reviewer
):
    client.force_login(advisor_editor)
    add_url = reverse("wagtailadmin_pages:add", args=["advice", "guidancepage", hub.pk])
    assert "Publicera" not in text(client.get(add_url))

    response = client.post(add_url, guidance_data(**{"action-submit": "submit"}))
    assert response.status_code == 302
    page = GuidancePage.objects.get(slug="narvarotrappan")
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The reviewer is e-mailed and finds the page on the dashboard.
    assert any(reviewer.email in message.to for message in mail.outbox)
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Närvarotrappan" in text(dashboard)

    # Approving publishes it.
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in {200, 302}
    page.refresh_from_db()
    assert page.live


def test_an_advisor_can_write_only_in_the_guidance_section(client, home_page, advisor_editor):
    news_index = NewsIndexPageFactory(parent=home_page)
    article = NewsPageFactory(parent=news_index)
    client.force_login(advisor_editor)
    add_news = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    assert client.get(add_news).status_code in {302, 403}
    edit = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), {"title": "X"})
    assert edit.status_code in {302, 403}
    article.refresh_from_db()
    assert article.title != "X"


def test_an_advisor_entry_change_waits_for_a_reviewer(client, advisor_editor, reviewer):
    area = AreaFactory()
    advisor = AdvisorFactory(name="Lina Berg", phone="070-174 06 10", areas=[area])
    client.force_login(advisor_editor)
    edit_url = reverse("wagtailsnippets_advice_advisor:edit", args=[advisor.pk])
    form = {
        "name": "Lina Berg",
        "role": "Föräldrarådgivare",
        "phone": "070-174 06 11",
        "email": "lina@example.org",
        "areas": [area.pk],
        "drop_ins-TOTAL_FORMS": "0",
        "drop_ins-INITIAL_FORMS": "0",
        "drop_ins-MIN_NUM_FORMS": "0",
        "drop_ins-MAX_NUM_FORMS": "1000",
    }
    # A forged publish from someone without the right saves a draft only.
    client.post(edit_url, {**form, "action-publish": "publish"})
    advisor.refresh_from_db()
    assert advisor.phone == "070-174 06 10"

    mail.outbox.clear()
    response = client.post(edit_url, {**form, "action-submit": "submit"})
    assert response.status_code == 302
    advisor.refresh_from_db()
    assert advisor.phone == "070-174 06 10"  # visitors still see the published number
    assert advisor.workflow_in_progress
    assert any(reviewer.email in message.to for message in mail.outbox)

    client.force_login(reviewer)
    assert "Lina Berg" in text(client.get(reverse("wagtailadmin_home")))
    listing = text(client.get(reverse("wagtailsnippets_advice_advisor:list")))
    assert "väntar på granskning" in listing

    task_state = advisor.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailsnippets_advice_advisor:workflow_action",
            args=[advisor.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in {200, 302}
    advisor.refresh_from_db()
    assert advisor.phone == "070-174 06 11"
    assert "väntar på granskning" not in text(
        client.get(reverse("wagtailsnippets_advice_advisor:list"))
    )


def test_the_advisor_listing_says_ja_nej_and_draft_or_live(client, communicator):
    AdvisorFactory(name="Synlig Rådgivare", show_identity=True)
    AdvisorFactory(name="Anonym Rådgivare", show_identity=False, live=False)
    client.force_login(communicator)
    response = client.get(reverse("wagtailsnippets_advice_advisor:list"))
    rows = {
        row.select_one("td a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in BeautifulSoup(response.content, "html.parser").select("tbody tr")
        if row.select_one("td a")
    }
    assert "Ja" in rows["Synlig Rådgivare"].split()
    assert "publicerad" in rows["Synlig Rådgivare"]
    assert "Nej" in rows["Anonym Rådgivare"].split()
    assert "utkast" in rows["Anonym Rådgivare"]
    assert "True" not in " ".join(rows.values()) and "False" not in " ".join(rows.values())


# Deleting


@pytest.mark.parametrize("role", ["communicator", "reviewer"])
def test_only_administrators_delete_a_published_page(client, request, hub, role, superuser):
    page = GuidancePageFactory(parent=hub)
    page.save_revision().publish()
    page.refresh_from_db()
    client.force_login(request.getfixturevalue(role))
    delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url).status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()
    # No delete button in the editor's menu either.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert delete_url not in edit.content.decode()

    # Unpublished is still a public record once published.
    page.unpublish()
    assert client.post(delete_url).status_code == 403

    client.force_login(superuser)
    assert client.post(delete_url).status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_a_communicator_may_delete_a_draft_that_was_never_published(client, hub, communicator):
    draft = GuidancePageFactory(parent=hub, live=False, first_published_at=None)
    client.force_login(communicator)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_the_bulk_delete_leaves_published_pages_alone(client, hub, communicator):
    page = GuidancePageFactory(parent=hub)
    client.force_login(communicator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}"
    client.post(url)
    assert Page.objects.filter(pk=page.pk).exists()


# Sign-ups


@pytest.fixture
def event_with_signups(home_page):
    calendar = EventIndexPageFactory(parent=home_page)
    event = add_form_fields(EventPageFactory(parent=calendar, registration_enabled=True))
    EventRegistration.objects.create(
        page=event,
        status=EventRegistration.Status.CONFIRMED,
        form_data={"namn": "Kim Exempelsson", "e_post": "kim@example.org"},
    )
    return event


@pytest.mark.parametrize("role", ["communicator", "reviewer", "advisor_editor"])
def test_only_course_administrators_see_signups(client, request, role, event_with_signups):
    event = event_with_signups
    client.force_login(request.getfixturevalue(role))
    listing = reverse("wagtailforms:list_submissions", args=[event.pk])
    assert client.get(listing).status_code == 403
    assert client.get(listing + "?export=csv").status_code == 403
    forms_index = client.get(reverse("wagtailforms:index"))
    assert "Kim Exempelsson" not in forms_index.content.decode()
    assert event.title not in text(forms_index)
    delete = client.post(
        reverse("wagtailforms:delete_submissions", args=[event.pk])
        + f"?selected-submissions={EventRegistration.objects.get().pk}"
    )
    assert_refused(delete)
    assert EventRegistration.objects.count() == 1
    # The count of sign-ups in the event's editor is hidden too.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert listing not in edit.content.decode()
    assert not PageLogEntry.objects.filter(action__startswith="events.signups").exists()


def test_a_course_administrator_sees_and_exports_signups_and_each_look_is_logged(
    client, course_admin, event_with_signups
):
    event = event_with_signups
    client.force_login(course_admin)
    listing = reverse("wagtailforms:list_submissions", args=[event.pk])
    response = client.get(listing)
    assert response.status_code == 200
    assert "Kim Exempelsson" in text(response)
    export = client.get(listing + "?export=csv")
    assert export.status_code == 200
    assert "Kim Exempelsson" in b"".join(export.streaming_content).decode()

    entries = PageLogEntry.objects.filter(page=event, action__startswith="events.signups")
    assert [(entry.action, entry.user) for entry in entries.order_by("timestamp")] == [
        ("events.signups.view", course_admin),
        ("events.signups.export", course_admin),
    ]
    assert entries.get(action="events.signups.export").data == {"format": "csv"}
    # The history of the event says who looked, in Swedish.
    history = client.get(reverse("wagtailadmin_pages:history", args=[event.pk]))
    assert "Visade anmälningarna" in text(history)
    assert "Laddade ner anmälningarna" in text(history)
