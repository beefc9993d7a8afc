"""Every picture on the public site is a <picture> with AVIF and WebP sources and a JPEG (PNG
for the logo) fallback whose <img> declares its width, height and alt text; the first picture
of a page's content loads at once, every later one lazily."""

import datetime

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from portal.models import ContactSettings


def make_image(title, size=(640, 400)):
    return get_image_model().objects.create(
        title=title, description=f"Beskrivning av {title}", file=get_test_image_file(size=size)
    )


@pytest.fixture
def news_with_images(home_page):
    contact = ContactSettings.for_site(home_page.get_site())
    contact.organisation_name = "Huddinge kommun"
    contact.organisation_logo = make_image("Logotyp", size=(192, 96))
    contact.save()
    news_index = NewsIndexPageFactory(parent=home_page)
    card_image = make_image("Kort")
    for day in (1, 2):
        NewsPageFactory(parent=news_index, image=card_image, date=datetime.date(2026, 3, day))
    article = NewsPageFactory(
        parent=news_index,
        date=datetime.date(2026, 3, 3),
        image=make_image("Ingress"),
        body=[
            (
                "figure",
                {
                    "image": {
                        "image": make_image("Figur"),
                        "alt_text": "Föräldrar på ett möte",
                        "decorative": False,
                    },
                    "caption": "",
                },
            ),
            (
                "video",
                {
                    "title": "Närvarotrappan",
                    "url": "https://youtu.be/dQw4w9WgXcQ",
                    "poster": make_image("Affisch"),
                    "transcript": "",
                },
            ),
        ],
    )
    return {"article": article.url, "archive": news_index.url, "home": "/"}


def pictures(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    logo = html.find("header").find("picture")
    return logo, html.find("main").find_all("picture")


def assert_modern_picture(picture, fallback=".jpg"):
    sources = {source["type"]: source for source in picture.find_all("source")}
    assert list(sources) == ["image/avif", "image/webp"]
    assert all(".avif" in part for part in sources["image/avif"]["srcset"].split(","))
    assert all(".webp" in part for part in sources["image/webp"]["srcset"].split(","))
    img = picture.find("img")
    assert img["src"].endswith(fallback)
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img.has_attr("alt")
    assert img["sizes"] == sources["image/avif"]["sizes"] == sources["image/webp"]["sizes"]
    return img


def assert_lazy(img):
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"
    assert not img.has_attr("fetchpriority")


def assert_eager(img):
    assert not img.has_attr("loading")
    assert img["fetchpriority"] == "high"


@pytest.mark.django_db
def test_a_news_article_lead_image_loads_first_and_the_rest_lazily(client, news_with_images):
    logo, found = pictures(client, news_with_images["article"])
    # Lead image, the figure block, the video's poster, two cards of "Fler nyheter".
    assert len(found) == 5
    lead, figure, poster, *cards = (assert_modern_picture(p) for p in found)
    assert_eager(lead)
    assert lead["alt"] == "Beskrivning av Ingress"
    assert lead["srcset"].count("w,") == 2  # three widths
    for img in (figure, poster, *cards):
        assert_lazy(img)
    assert figure["alt"] == "Föräldrar på ett möte"
    assert poster["alt"] == "" and cards[0]["alt"] == ""  # the title says it beside them
    # 16:9 crops (fill- around the focal point) for the poster and the cards.
    assert int(poster["width"]) * 9 == int(poster["height"]) * 16
    assert int(cards[0]["width"]) * 9 == int(cards[0]["height"]) * 16

    # The header's logo: PNG fallback for transparency, loaded at once, not counted as content.
    img = assert_modern_picture(logo, fallback=".png")
    assert not img.has_attr("loading") and not img.has_attr("fetchpriority")
    assert (img["width"], img["height"]) == ("48", "24")  # 1.5rem high, in proportion
    assert img["sizes"] == "3.00rem"

    # Made once and kept: three formats of each width (lead and figure 3 widths, poster and
    # card 2, logo 3) and the 1200×630 sharing image; a second visit makes none.
    renditions = get_image_model().get_rendition_model().objects
    assert renditions.count() == 3 * (3 + 3 + 2 + 2 + 3) + 1
    client.get(news_with_images["article"])
    assert renditions.count() == 3 * (3 + 3 + 2 + 2 + 3) + 1


@pytest.mark.django_db
def test_news_cards_first_card_at_once_the_others_lazily(client, news_with_images):
    for name in ("archive", "home"):
        _logo, found = pictures(client, news_with_images[name])
        assert len(found) == 3, name
        first, *rest = (assert_modern_picture(p) for p in found)
        assert_eager(first)
        for img in rest:
            assert_lazy(img)


@pytest.mark.django_db
def test_advisor_photos_are_square_pictures(client, small_directory):
    lina = small_directory["advisors"]["lina"]
    lina.photo, lina.photo_alt_text = make_image("Porträtt", size=(400, 400)), "Lina Berg"
    lina.save()
    for url in (small_directory["page"].url, small_directory["page"].url + "varby/"):
        _logo, found = pictures(client, url)
        assert len(found) == 1, url
        img = assert_modern_picture(found[0])
        assert img["alt"] == "Lina Berg"
        assert img["width"] == img["height"]
        assert img["sizes"] == "6rem"
