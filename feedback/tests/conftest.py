"""Fixtures of the feedback app's tests."""

import pytest

from advice.tests.factories import GuidancePageFactory


@pytest.fixture
def guidance(hub):
    return GuidancePageFactory(parent=hub, title="Närvarotrappan", slug="narvarotrappan")
