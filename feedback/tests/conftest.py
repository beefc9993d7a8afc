"""Fixtures of the feedback app's tests."""

from django.core.cache import cache

import pytest

from advice.tests.factories import GuidancePageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each test starts with no POSTs counted (the limit per client lives in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def guidance(hub):
    return GuidancePageFactory(parent=hub, title="Närvarotrappan", slug="narvarotrappan")
