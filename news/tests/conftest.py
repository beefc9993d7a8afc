"""Fixtures of the news tests: an archive under the start page, and an image."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from news.tests.factories import NewsIndexPageFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Läslustdag",
        description="Barn läser på skolgården",
        file=get_test_image_file(size=(1600, 1000)),
    )
