"""Editors can create each page type where it belongs and nowhere else, in the models and
through the admin's add view."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from advice.models import AdvisorDirectoryPage, GuidanceIndexPage, GuidancePage
from advice.tests.factories import (
    AdvisorDirectoryPageFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
)
from events.models import EventIndexPage, EventPage
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from home.tests.factories import StandardPageFactory
from news.models import NewsIndexPage, NewsPage
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory

ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    GuidanceIndexPage: {HomePage},
    GuidancePage: {GuidanceIndexPage, GuidancePage},
    AdvisorDirectoryPage: {GuidanceIndexPage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage},
    AccessibilityStatementPage: {HomePage},
}


class TestPageTypeRules(WagtailPageTestCase):
    def test_each_page_type_has_exactly_its_allowed_parents(self):
        for model, parents in ALLOWED_PARENTS.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)

    def test_each_page_type_allows_exactly_its_subpage_types(self):
        for parent in {*ALLOWED_PARENTS, Page} - {Page}:
            children = {child for child, parents in ALLOWED_PARENTS.items() if parent in parents}
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, children)


@pytest.fixture
def page_tree(home_page):
    """One page of every type, each in a place where it is allowed."""
    hub = GuidanceIndexPageFactory(parent=home_page)
    news_index = NewsIndexPageFactory(parent=home_page)
    calendar = EventIndexPageFactory(parent=home_page)
    return {
        "root": Page.get_first_root_node(),
        "home": home_page,
        "standard": StandardPageFactory(parent=home_page),
        "hub": hub,
        "guidance": GuidancePageFactory(parent=hub),
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index),
        "calendar": calendar,
        "event": EventPageFactory(parent=calendar),
        # Existing directories count against "one per hub", so the directory goes under a
        # second hub and the first hub stays free to receive one.
        "directory": AdvisorDirectoryPageFactory(
            parent=GuidanceIndexPageFactory(parent=home_page, slug="andra-navet")
        ),
    }


@pytest.mark.django_db
def test_admin_add_view_allows_each_page_type_only_under_its_parents(client, superuser, page_tree):
    client.force_login(superuser)
    for model, parent_types in ALLOWED_PARENTS.items():
        for name, parent in page_tree.items():
            parent_type = parent.specific_class
            url = reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, parent.pk],
            )
            response = client.get(url)
            if parent_type in parent_types:
                assert response.status_code == 200, (model.__name__, name)
                assert b'id="page-edit-form"' in response.content
            else:
                # Wagtail answers a forbidden admin action by sending the user back to the
                # dashboard with a message.
                assert response.status_code == 302, (model.__name__, name)
                assert response.url == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_a_hub_takes_only_one_advisor_directory(client, superuser, page_tree):
    client.force_login(superuser)
    hub_with_directory = page_tree["directory"].get_parent()
    url = reverse(
        "wagtailadmin_pages:add", args=["advice", "advisordirectorypage", hub_with_directory.pk]
    )
    assert client.get(url).status_code == 302
