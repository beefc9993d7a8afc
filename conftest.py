"""Shared pytest fixtures: a site with a start page, and users with the roles editors have."""

from django.contrib.auth.models import Group

from wagtail.models import Page, Site

import pytest

from home.tests.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    """Root → HomePage, served as the default site on the test host."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": "testserver",
            "port": 80,
            "site_name": "Föräldrarådgivning",
        },
    )
    return home


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="password"
    )


def _user_in_group(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's "Editors" group: may write drafts, may not publish."""
    return _user_in_group(django_user_model, "redaktor", "Editors")


@pytest.fixture
def moderator(django_user_model):
    """A member of Wagtail's "Moderators" group: may write and publish."""
    return _user_in_group(django_user_model, "granskare", "Moderators")
