"""Pictures in Chromium on a phone (375×812): the browser picks a modern format, each image
has its box before its file arrives (nothing shifts), and images below the fold wait until
the visitor scrolls to them."""

import datetime

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from news.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
BOXES = """() => [...document.querySelectorAll('main img')].map(img => {
    const box = img.getBoundingClientRect();
    return {top: box.top + scrollY, width: box.width, height: box.height,
            complete: img.complete, src: img.currentSrc, natural: img.naturalWidth ?
            img.naturalWidth / img.naturalHeight : null, declared: img.width / img.height};
})"""


def make_image(title, colour):
    return get_image_model().objects.create(
        title=title,
        description=f"Beskrivning av {title}",
        file=get_test_image_file(colour=colour, size=(1000, 625)),
    )


@pytest.fixture
def article_url(live_server, home_page, settings, tmp_path):
    # Files on disk, which the live server serves under MEDIA_URL.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(
        parent=news_index, image=make_image("Kort", "blue"), date=datetime.date(2026, 3, 1)
    )
    paragraph = "<p>" + "Föräldrar och skola samarbetar kring närvaron. " * 250 + "</p>"
    article = NewsPageFactory(
        parent=news_index,
        date=datetime.date(2026, 3, 2),
        image=make_image("Ingress", "green"),
        body=[("paragraph", paragraph)],
    )
    return live_server.url + article.url


def test_a_phone_gets_modern_formats_without_layout_shift(browser, article_url):
    context = browser.new_context(locale="sv-SE", **PHONE)
    page = context.new_page()
    held, requested, released = [], [], []

    def hold(route):
        # Keep every image waiting, so the page can be measured before any arrives.
        requested.append(route.request.url)
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/media/images/**", hold)
    try:
        page.goto(article_url, wait_until="domcontentloaded")
        page.wait_for_function("document.querySelector('main img') !== null")
        before = page.evaluate(BOXES)
        assert len(before) == 2  # the lead image and a card of "Fler nyheter"
        assert not any(img["complete"] for img in before)
        for img in before:
            # The declared size gives the box its height before the file is there.
            assert img["height"] > 0
            assert img["height"] == pytest.approx(img["width"] / img["declared"], abs=1)
        # Only the lead image is fetched at first; the rest are far below the fold (Chromium
        # fetches lazy images some 1,250–2,500 pixels ahead) and wait.
        page.wait_for_timeout(300)
        assert len(requested) == 1
        assert requested[0].endswith(".avif")

        released.append(True)
        for route in held:
            route.continue_()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function(
            "[...document.querySelectorAll('main img')].every(img => img.complete)"
        )
        page.evaluate("window.scrollTo(0, 0)")
        after = page.evaluate(BOXES)
        for first, then in zip(before, after, strict=True):
            assert then["src"].endswith((".avif", ".webp")), then["src"]
            assert (then["top"], then["width"], then["height"]) == pytest.approx(
                (first["top"], first["width"], first["height"]), abs=0.5
            )
            # The file has the proportions the <img> declared.
            assert then["natural"] == pytest.approx(then["declared"], rel=0.01)
        # 375 CSS pixels at twice the density: the 800-pixel rendition, not the 1200.
        assert ".width-800." in after[0]["src"]
    finally:
        context.close()
