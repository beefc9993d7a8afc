"""'Var informationen till din hjälp?': on every content page, anonymous, scrubbed, refusing
bad input in Swedish, never a 500, and no cookie."""

from django.test import Client

import pytest

from advice.tests.factories import GuidancePageFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from feedback.models import COMMENT_MAX_LENGTH, PageFeedback
from home.tests.factories import StandardPageFactory
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from portal.forms_protection import TOKEN_FIELD

from .helpers import ORIGIN, answer, box, comment_fields, form_fields, thanks_param

pytestmark = pytest.mark.django_db


def test_every_content_page_asks_but_not_the_start_page(client, home_page, hub, guidance):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    standard = StandardPageFactory(parent=home_page, title="Kontakt", slug="kontakt")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    for page in [hub, guidance, news, standard, event]:
        section = box(client.get(page.url))
        assert section is not None, page.url
        assert "Var informationen till din hjälp?" in section.get_text()
        assert [b.get_text() for b in section.find_all("button")] == ["Ja", "Nej"]
        assert form_fields(section)["page"] == str(page.pk)
    assert box(client.get(home_page.url)) is None
    assert box(client.get("/finns-inte/")) is None
    # A sensitive page never carries a form (README, "Sensitive pages").
    sensitive = GuidancePageFactory(parent=hub, title="Placerade barn", sensitive=True)
    assert box(client.get(sensitive.url)) is None


def test_an_answer_is_stored_anonymously_and_the_thanks_show_at_the_same_place(client, guidance):
    response = answer(client, guidance, "nej", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    assert response.url.startswith(guidance.url + "?tack=")
    assert response.url.endswith("#feedback")
    assert not response.cookies
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.language) == (guidance.pk, False, "sv")
    assert feedback.comment == ""
    # Nothing about the visitor: no address, agent or time of day anywhere in the row.
    stored = " ".join(str(v) for v in PageFeedback.objects.values().get().values())
    assert "203.0.113" not in stored
    assert {f.name for f in PageFeedback._meta.get_fields()} == {
        "id",
        "page",
        "language",
        "helpful",
        "comment",
        "created_on",
        "form_token",
    }

    page = client.get(response.url)
    section = box(page)
    assert "Tack för ditt svar!" in section.get_text()
    assert section.find("textarea", attrs={"name": "comment"}) is not None
    help_text = section.find(class_="form-field__help").get_text()
    assert "Skriv inte namn" in help_text
    assert not page.cookies


def test_a_comment_is_scrubbed_and_added_once(client, guidance):
    redirect = answer(client, guidance, "ja").url
    fields = comment_fields(client, redirect)
    text = (
        "Bra sida! Ring mig på 070-123 45 67 eller +46 70 123 45 67, mitt personnummer är "
        "19811228-9874 (barnets 811228-9874), mejla name@example.org"
    )
    response = client.post(
        "/aterkoppling/kommentar/", {**fields, "comment": text}, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 302
    assert response.url == guidance.url + "?tack=klar#feedback"
    comment = PageFeedback.objects.get().comment
    for secret in ["070-123", "+46 70", "19811228", "811228", "9874", "name@example.org"]:
        assert secret not in comment
    assert comment.startswith("Bra sida! Ring mig på [telefonnummer borttaget]")
    assert "[personnummer borttaget]" in comment and "[e-post borttagen]" in comment
    assert "Tack för din hjälp!" in box(client.get(response.url)).get_text()

    # The same form again (a reload, a second tab) changes nothing.
    client.post(
        "/aterkoppling/kommentar/", {**fields, "comment": "Något annat"}, HTTP_ORIGIN=ORIGIN
    )
    assert PageFeedback.objects.get().comment == comment


def test_html_and_script_in_a_comment_are_stored_as_plain_text(client, guidance):
    fields = comment_fields(client, answer(client, guidance).url)
    client.post(
        "/aterkoppling/kommentar/",
        {**fields, "comment": '<script>alert("x")</script><b>Bra</b> <a href="x">länk</a>'},
        HTTP_ORIGIN=ORIGIN,
    )
    comment = PageFeedback.objects.get().comment
    assert "<" not in comment and ">" not in comment
    assert "Bra" in comment


def test_a_100_kb_comment_is_refused_and_not_stored(client, guidance):
    redirect = answer(client, guidance).url
    fields = comment_fields(client, redirect)
    response = client.post(
        "/aterkoppling/kommentar/", {**fields, "comment": "x" * 100_000}, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 302
    assert "fel=lang" in response.url and response.url.endswith("#feedback")
    section = box(client.get(response.url))
    assert f"Skriv högst {COMMENT_MAX_LENGTH} tecken" in section.get_text()
    assert PageFeedback.objects.get().comment == ""
    # With JavaScript: the box again with the message, status 400.
    fragment = client.post(
        "/aterkoppling/kommentar/",
        {**fields, "comment": "x" * 100_000},
        HTTP_ORIGIN=ORIGIN,
        HTTP_X_PAGE_FEEDBACK="1",
    )
    assert fragment.status_code == 400
    assert "Skriv högst" in fragment.content.decode()
    assert PageFeedback.objects.get().comment == ""


def test_a_missing_answer_is_refused_in_swedish(client, guidance):
    response = answer(client, guidance, svar="")
    assert response.status_code == 400
    assert "Välj Ja eller Nej" in response.content.decode()
    response = answer(client, guidance, svar="kanske", fragment=True)
    assert response.status_code == 400
    assert "Välj Ja eller Nej" in box(response).get_text()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("page_value", ["999999", "abc", "", "1" * 5000, "<script>", "²", "٣"])
def test_an_unknown_page_is_refused_and_nothing_stored(client, guidance, page_value):
    fields = form_fields(box(client.get(guidance.url)))
    response = client.post(
        "/aterkoppling/", {**fields, "page": page_value, "svar": "ja"}, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_an_unpublished_page_takes_no_answers(client, guidance):
    fields = form_fields(box(client.get(guidance.url)))
    guidance.unpublish()
    response = client.post("/aterkoppling/", {**fields, "svar": "ja"}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 400
    assert "Vi hittar inte sidan" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_reload_of_the_same_answer_is_stored_once(client, guidance):
    fields = form_fields(box(client.get(guidance.url)))
    for _ in range(3):
        client.post("/aterkoppling/", {**fields, "svar": "ja"}, HTTP_ORIGIN=ORIGIN)
    assert PageFeedback.objects.count() == 1


def test_the_honeypot_stores_nothing_and_looks_like_success(client, guidance):
    response = answer(client, guidance, "ja", webbadress="http://spam.example")
    assert response.status_code == 302
    assert response.url.endswith("?tack=klar#feedback")
    assert not PageFeedback.objects.exists()
    section = box(client.get(guidance.url))
    trap = section.find("input", attrs={"name": "webbadress"})
    assert trap["tabindex"] == "-1"
    assert "form-trap" in trap.parent["class"]


def test_answers_beyond_the_rate_limit_get_429_and_are_not_stored(client, guidance, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 3
    statuses = [answer(client, guidance, "ja").status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert PageFeedback.objects.count() == 3
    refused = answer(client, guidance, "ja", fragment=True)
    assert refused.status_code == 429
    assert "Vänta" in box(refused).get_text()
    assert refused["Retry-After"]
    # Another client is not affected.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert answer(other, guidance, "nej").status_code == 302


def test_a_post_from_another_site_or_without_a_token_is_refused(client, guidance):
    fields = form_fields(box(client.get(guidance.url)))
    foreign = client.post(
        "/aterkoppling/", {**fields, "svar": "ja"}, HTTP_ORIGIN="https://evil.example"
    )
    assert foreign.status_code == 403
    forged = client.post(
        "/aterkoppling/",
        {**fields, TOKEN_FIELD: "forged", "svar": "ja"},
        HTTP_ORIGIN=ORIGIN,
    )
    assert forged.status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_get_of_the_post_address_is_not_a_500(client, home_page):
    assert client.get("/aterkoppling/").status_code == 405
    assert client.get("/aterkoppling/kommentar/").status_code == 405


def test_a_forged_or_foreign_thank_you_link_shows_the_question(client, guidance, hub):
    assert "Var informationen" in box(client.get(guidance.url + "?tack=nonsens")).get_text()
    redirect = answer(client, guidance).url
    # The reference of an answer to another page does not open its comment form here.
    other = box(client.get(hub.url + "?tack=" + thanks_param(redirect)))
    assert other.find("textarea") is None


def test_with_javascript_the_steps_come_as_fragments(client, guidance):
    response = answer(client, guidance, "ja", fragment=True)
    assert response.status_code == 200
    section = box(response)
    assert "Tack för ditt svar!" in section.get_text()
    assert section.find("textarea") is not None
    assert response.content.decode().lstrip().startswith("<section")
    fields = form_fields(section)
    done = client.post(
        "/aterkoppling/kommentar/",
        {**fields, "comment": "Kort och bra"},
        HTTP_ORIGIN=ORIGIN,
        HTTP_X_PAGE_FEEDBACK="1",
    )
    assert "Tack för din hjälp!" in box(done).get_text()
    assert PageFeedback.objects.get().comment == "Kort och bra"
    assert not done.cookies


def test_the_box_asks_for_its_script_and_has_no_inline_script(client, guidance):
    html = client.get(guidance.url).content.decode()
    assert 'src="/static/js/page-feedback.js"' in html
    section = box(client.get(guidance.url))
    assert section.find("script") is None
    assert not section.find_all(attrs={"style": True})
