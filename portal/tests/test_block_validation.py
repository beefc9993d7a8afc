"""Editors get a clear message, and nothing is saved, when a block lacks what readers need:
an image without alt text, questions without answers, a staircase without steps, a table
without a caption or column headings, a video from an unknown site."""

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from advice.tests.factories import GuidancePageFactory


def messages(error):
    """Every message in a (nested) StreamField validation error."""
    if isinstance(error, str):
        return [error]
    found = list(getattr(error, "messages", []))
    for attribute in ("block_errors", "cell_errors"):
        children = getattr(error, attribute, None) or {}
        for child in children.values():
            if isinstance(child, dict):
                for cell in child.values():
                    found += messages(cell)
            elif isinstance(child, list):
                for item in child:
                    found += messages(item)
            else:
                found += messages(child)
    for child in getattr(error, "non_block_errors", None) or []:
        found += messages(child)
    return found


def post_body(client, page, body):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": page.lead,
            "body": streamfield(body),
            "updated_date": "",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def body_errors(response):
    assert response.status_code == 200, "the page was saved although the block is invalid"
    errors = response.context["form"].errors["body"].as_data()
    return [message for error in errors for message in messages(error)]


@pytest.fixture
def page(hub, client, superuser):
    client.force_login(superuser)
    return GuidancePageFactory(parent=hub, title="Närvarotrappan", body=[])


def list_items(items):
    return streamfield([("item", item) for item in items])


@pytest.mark.django_db
def test_an_image_without_alt_text_is_refused_unless_decorative(client, page):
    image = get_image_model().objects.create(title="Bild", file=get_test_image_file())
    figure = {"image": {"image": image.pk, "alt_text": "", "decorative": ""}, "caption": ""}
    errors = body_errors(post_body(client, page, [("figure", figure)]))
    assert errors, "an image without alt text was accepted"
    page.refresh_from_db()
    assert not page.body

    decorative = {"image": {"image": image.pk, "alt_text": "", "decorative": "on"}, "caption": ""}
    assert post_body(client, page, [("figure", decorative)]).status_code == 302


@pytest.mark.django_db
def test_questions_without_any_question_are_refused(client, page):
    faq = {"heading": "Vanliga frågor", "items": list_items([])}
    assert "Lägg till minst en fråga med svar." in body_errors(
        post_body(client, page, [("faq", faq)])
    )


@pytest.mark.django_db
def test_a_staircase_without_steps_is_refused(client, page):
    steps = {"heading": "Närvarotrappan", "intro": "", "steps": list_items([])}
    assert "Lägg till minst ett steg." in body_errors(post_body(client, page, [("steps", steps)]))


def table(caption, headings, rows):
    data = {"caption": caption, "column-count": str(len(headings)), "row-count": str(len(rows))}
    for i, heading in enumerate(headings):
        data.update(
            {
                f"column-{i}-type": "text",
                f"column-{i}-order": str(i),
                f"column-{i}-heading": heading,
                f"column-{i}-deleted": "",
            }
        )
    for r, row in enumerate(rows):
        data.update({f"row-{r}-order": str(r), f"row-{r}-deleted": ""})
        data.update({f"cell-{r}-{c}": value for c, value in enumerate(row)})
    return data


@pytest.mark.django_db
def test_a_table_without_column_headings_or_caption_is_refused(client, page):
    no_headings = table("Öppettider", ["", ""], [["Måndag", "8–16"]])
    errors = body_errors(post_body(client, page, [("table", no_headings)]))
    assert "Ge varje kolumn en rubrik i den översta raden." in errors
    no_caption = table("", ["Dag", "Tid"], [["Måndag", "8–16"]])
    errors = body_errors(post_body(client, page, [("table", no_caption)]))
    assert any("tabellrubrik" in message for message in errors)
    good = table("Öppettider", ["Dag", "Tid"], [["Måndag", "8–16"]])
    assert post_body(client, page, [("table", good)]).status_code == 302
    page.refresh_from_db()
    assert page.body[0].value.caption == "Öppettider"


@pytest.mark.django_db
def test_a_video_from_an_unknown_site_is_refused(client, page):
    poster = get_image_model().objects.create(title="Affisch", file=get_test_image_file())
    video = {
        "title": "Film",
        "url": "https://video.example.org/film.mp4",
        "poster": poster.pk,
        "transcript": rich_text(""),
    }
    errors = body_errors(post_body(client, page, [("video", video)]))
    assert "Ange adressen till en video på YouTube eller Vimeo." in errors


@pytest.mark.django_db
def test_a_call_to_action_needs_exactly_one_destination(client, page):
    cta = {"text": "Läs mer", "description": "", "page": "", "url": ""}
    errors = body_errors(post_body(client, page, [("call_to_action", cta)]))
    assert "Välj antingen en sida här eller en adress." in errors
