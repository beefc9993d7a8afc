"""Shared pytest fixtures: a site with a start page, users with the roles editors have, and a
headless browser."""

import os

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


# Browser tests: Debian's Chromium driven by Playwright (never `playwright install`, which
# downloads a browser). The flags keep Chromium from calling out to Google's services.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections

    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop running in this thread. Django then
    # refuses synchronous database access unless told otherwise, and its connection handler
    # switches to per-context storage, i.e. to new connection objects that lack the snapshot
    # of migrated data (Wagtail's root page, groups) that serialized_rollback restores after
    # each transactional test. Carry the snapshot over to the new connection objects.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()
