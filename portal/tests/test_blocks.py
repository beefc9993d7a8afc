"""Every block editors can pick has a template that renders its preview value, and the body
renders through a real page as readers get it."""

from django.core.exceptions import ValidationError
from django.template.loader import get_template

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from advice.tests.factories import GuidanceIndexPageFactory, GuidancePageFactory
from portal.blocks import ContentStreamBlock, QuoteBlock


def test_every_block_has_an_existing_template_a_label_and_an_icon():
    for name, block in ContentStreamBlock().child_blocks.items():
        assert block.meta.template, name
        get_template(block.meta.template)
        assert block.meta.label, name
        assert block.meta.icon != "placeholder", name
        assert block.meta.description, name


@pytest.mark.django_db
def test_every_block_renders_its_preview_value():
    image = get_image_model().objects.create(title="Testbild", file=get_test_image_file())
    for name, block in ContentStreamBlock().child_blocks.items():
        if name == "figure":
            value = block.to_python(
                {"image": {"image": image.pk, "alt_text": "En skolgård", "decorative": False}}
            )
        else:
            value = block.get_preview_value()
        html = block.render(value)
        assert html.strip(), name


@pytest.mark.django_db
def test_a_body_of_every_block_renders_on_a_guidance_page(client, home_page):
    image = get_image_model().objects.create(title="Testbild", file=get_test_image_file())
    page = GuidancePageFactory(
        parent=GuidanceIndexPageFactory(parent=home_page),
        body=[
            ("heading", {"text": "Så kan du göra", "level": "h2"}),
            ("paragraph", "<p>Prata med <b>mentorn</b> först.</p>"),
            (
                "figure",
                {
                    "image": {"image": image, "alt_text": "En skolgård", "decorative": False},
                    "caption": "Skolgården en morgon.",
                },
            ),
            ("fact_box", {"tone": "important", "title": "Viktigt", "text": "<p>Ring 112.</p>"}),
            ("quote", {"quote": "Det hjälpte oss.", "name": "", "role": "förälder"}),
        ],
    )
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    main = html.find("main")
    assert main.find("h2", string="Så kan du göra") is not None
    assert main.find("b", string="mentorn") is not None
    assert main.find("img", alt="En skolgård") is not None
    assert main.find("figcaption", string="Skolgården en morgon.") is not None
    assert "fact-box--important" in main.find("aside")["class"]
    assert main.find("blockquote").get_text(strip=True) == "Det hjälpte oss."
    assert main.find(class_="quote__source").get_text(strip=True) == "förälder"


def test_a_quote_with_its_own_quotation_marks_is_refused_with_advice():
    block = QuoteBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"quote": "”Det hjälpte.”", "name": "", "role": "förälder"}))
    assert "citattecken" in str(error.value.block_errors["quote"])
