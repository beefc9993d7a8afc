"""Fixtures of the calendar's tests."""

from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each test starts with no POSTs counted (the limit per client lives in the cache, which
    outlives a test)."""
    cache.clear()
    yield
    cache.clear()
