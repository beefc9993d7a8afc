"""Editors' work in the Wagtail admin: every create view loads, a news article goes from draft
to published, and publishing is kept for those allowed to publish."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from advice.models import Advisor, GuidancePage, School
from advice.tests.factories import (
    AdvisorDirectoryPageFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
)
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.tests.factories import (
    AccessibilityStatementPageFactory,
    HomePageFactory,
    StandardPageFactory,
)
from news.models import NewsPage
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory, news_form_data
from taxonomy.models import Area

PAGE_TYPES_BY_PARENT = {
    # page type: the fixture page it is created under
    ("home", "homepage"): "root",
    ("home", "standardpage"): "home",
    ("news", "newsindexpage"): "home",
    ("news", "newspage"): "news_index",
    ("advice", "guidanceindexpage"): "home",
    ("advice", "guidancepage"): "hub",
    ("advice", "advisordirectorypage"): "hub",
    ("events", "eventindexpage"): "home",
    ("events", "eventpage"): "calendar",
}


@pytest.fixture
def parents(home_page):
    return {
        "root": Page.get_first_root_node(),
        "home": home_page,
        "news_index": NewsIndexPageFactory(parent=home_page),
        "hub": GuidanceIndexPageFactory(parent=home_page),
        "calendar": EventIndexPageFactory(parent=home_page),
    }


@pytest.mark.django_db
def test_create_view_of_every_page_type_loads_for_a_superuser(client, superuser, parents):
    client.force_login(superuser)
    for (app, model), parent_name in PAGE_TYPES_BY_PARENT.items():
        url = reverse("wagtailadmin_pages:add", args=[app, model, parents[parent_name].pk])
        response = client.get(url)
        assert response.status_code == 200, (app, model)


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Advisor, Area, School])
def test_create_and_list_views_of_every_snippet_load_for_a_superuser(client, superuser, model):
    client.force_login(superuser)
    app, name = model._meta.app_label, model._meta.model_name
    assert client.get(reverse(f"wagtailsnippets_{app}_{name}:add")).status_code == 200
    assert client.get(reverse(f"wagtailsnippets_{app}_{name}:list")).status_code == 200


@pytest.mark.django_db
def test_site_settings_edit_view_loads(client, superuser, home_page):
    client.force_login(superuser)
    response = client.get(
        reverse("wagtailsettings:edit", args=["portal", "contactsettings"]), follow=True
    )
    assert response.status_code == 200
    assert "Kontaktuppgifter" in response.content.decode()


@pytest.mark.django_db
def test_a_communicator_writes_and_publishes_a_news_article(client, communicator, parents):
    news_index = parents["news_index"]
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])

    client.force_login(communicator)
    response = client.post(add_url, news_form_data())
    assert response.status_code == 302
    draft = NewsPage.objects.child_of(news_index).get(slug="ny-foraldragrupp-i-skogas")
    assert not draft.live
    client.logout()
    assert client.get("/aktuellt/ny-foraldragrupp-i-skogas/").status_code == 404

    client.force_login(communicator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, news_form_data(**{"action-publish": "publish"}))
    assert response.status_code == 302

    draft.refresh_from_db()
    assert draft.live
    public = client.get("/aktuellt/ny-foraldragrupp-i-skogas/")
    assert public.status_code == 200
    assert "Ny föräldragrupp i Skogås" in public.content.decode()


@pytest.mark.django_db
def test_an_advisor_cannot_publish_guidance(client, advisor_editor, parents):
    hub = parents["hub"]
    client.force_login(advisor_editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["advice", "guidancepage", hub.pk]),
        guidance_form(),
    )
    assert response.status_code == 302
    page = GuidancePage.objects.child_of(hub).get(slug="narvarotrappan")
    assert not page.live
    client.logout()
    assert client.get(page.get_url()).status_code == 404


def guidance_form(**overrides):
    data = {
        "title": "Närvarotrappan",
        "slug": "narvarotrappan",
        "lead": "Så följer skolan upp frånvaro, steg för steg.",
        "body": streamfield([]),
        "updated_date": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_updated_date_follows_publication_unless_the_editor_keeps_it(client, superuser, parents):
    page = GuidancePageFactory(parent=parents["hub"], slug="narvarotrappan")
    client.force_login(superuser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    today = timezone.localdate()

    # A normal publication: the date becomes the publication day, whatever the field said.
    client.post(edit_url, guidance_form(updated_date="2024-01-15"))
    page.refresh_from_db()
    assert page.updated_date == today

    # A minor fix: the editor keeps an older date, and the tick does not stick.
    client.post(edit_url, guidance_form(updated_date="2024-01-15", keep_updated_date="on"))
    page.refresh_from_db()
    assert page.updated_date == datetime.date(2024, 1, 15)
    assert page.keep_updated_date is False
    assert "15 januari 2024" in client.get(page.url).content.decode()

    # The next edit starts from what visitors see: the kept date and an empty tick box.
    form = client.get(edit_url).context["form"]
    assert form.initial["updated_date"] == datetime.date(2024, 1, 15)
    assert form.initial["keep_updated_date"] is False

    # Without the tick the date moves with the next publication again.
    client.post(edit_url, guidance_form(updated_date="2024-01-15"))
    page.refresh_from_db()
    assert page.updated_date == today


def edit_form_data(page):
    """What the page editor posts for `page`: StreamFields and rich text are built by the
    editor's JavaScript, so they cannot be read from the HTML of the edit view."""
    body = {"body": streamfield([("paragraph", rich_text("<p>Text.</p>"))])}
    common = {"title": page.title, "slug": page.slug, "comments": inline_formset([])}
    updated = {"updated_date": ""}
    by_type = {
        "HomePage": {
            "intro": rich_text("<p>Intro.</p>"),
            "advisor_directory": "",
            "advisor_directory_text": "",
            "featured_guidance": inline_formset([]),
        },
        "StandardPage": {"lead": "Ingress.", **body, **updated},
        "GuidanceIndexPage": {"lead": "Ingress.", **body, **updated},
        "GuidancePage": {"lead": "Ingress.", **body, **updated},
        "AdvisorDirectoryPage": {"intro": rich_text("<p>Intro.</p>"), **updated},
        "NewsIndexPage": {"intro": rich_text("<p>Intro.</p>")},
        "EventIndexPage": {"intro": rich_text("<p>Intro.</p>")},
        "EventPage": {
            "lead": "Ingress.",
            **body,
            "occasions": inline_formset(
                [{"start": "2027-01-14 17:30", "end": "2027-01-14 19:00"}], min=1
            ),
            "attendance_mode": "offline",
            "place": "Biblioteket",
            "address": "",
            "postal_code": "",
            "locality": "",
            "contact_phone": "",
            "online_url": "",
            "organiser": "Föräldrarådgivningen",
            "is_free": "on",
            "seat_limit": "20",
            "registration_closes_at": "",
            "registration_intro": rich_text(""),
            "form_fields": inline_formset([]),
            "to_address": "",
        },
        "AccessibilityStatementPage": {
            "lead": "",
            "public_body": "Huddinge kommun",
            "service_name": "Föräldrarådgivning",
            "compliance_status": "delvis",
            "shortcomings": inline_formset(
                [
                    {
                        "usage_situation": "För dig som använder skärmläsare",
                        "description": "Inte testat.",
                        "wcag_criterion": "4.1.2",
                        "planned_fix": "",
                    }
                ]
            ),
            "alternative_access": "Ring oss.",
            "contact_phone": "070-174 06 05",
            "contact_email": "a@example.org",
            "disproportionate_burden": "Inga.",
            "outside_scope": "Inget.",
            "assessment_method": "Självskattning.",
            "assessed_on": "2026-10-01",
            "statement_updated_on": "2026-10-20",
        },
        "NewsPage": {
            "date": "2026-11-20",
            "lead": "Ingress.",
            "image": "",
            "image_caption": "",
            **body,
            **updated,
        },
    }
    return nested_form_data({**common, **by_type[type(page).__name__]})


class TestEveryPageTypeIsEditableAndPreviewable(WagtailPageTestCase):
    """The edit form of each page type saves, and its preview renders."""

    def setUp(self):
        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
        hub = GuidanceIndexPageFactory(parent=home)
        news_index = NewsIndexPageFactory(parent=home)
        calendar = EventIndexPageFactory(parent=home)
        self.pages = [
            home,
            StandardPageFactory(parent=home),
            hub,
            GuidancePageFactory(parent=hub),
            AdvisorDirectoryPageFactory(parent=hub),
            news_index,
            NewsPageFactory(parent=news_index),
            calendar,
            EventPageFactory(parent=calendar),
            AccessibilityStatementPageFactory(parent=home),
        ]

    def test_pages_are_editable_and_previewable(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                data = edit_form_data(page)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
