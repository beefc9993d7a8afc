"""The accessibility statement: every item DIGG requires, the exact compliance wording, a
report form that works without JavaScript and sets no cookie, and a warning in the admin when
the statement is over a year old."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from home.accessibility import DIGG_COMPLAINT_URL, AccessibilityReport, AccessibilityShortcoming
from home.tests.factories import AccessibilityStatementPageFactory
from portal.forms_protection import TOKEN_FIELD
from portal.models import ContactSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(home_page):
    page = AccessibilityStatementPageFactory(parent=home_page)
    AccessibilityShortcoming.objects.create(
        page=page,
        usage_situation="För dig som använder skärmläsare",
        description="Inte testat med skärmläsare.",
        wcag_criterion="4.1.2",
    )
    settings = ContactSettings.for_site(home_page.get_site())
    settings.accessibility_page = page
    settings.save()
    return page


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_statement_has_every_item_digg_requires(client, statement):
    response = client.get(statement.url)
    text = soup(response).select_one("main").get_text(" ", strip=True)
    for expected in [
        "Huddinge kommun, socialtjänsten står bakom webbplatsen Föräldrarådgivning",
        "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service",
        "För dig som använder skärmläsare",
        "Inte testat med skärmläsare. (WCAG 4.1.2)",
        "Oskäligt betungande anpassning",
        "Innehåll som inte omfattas av lagkraven",
        "Hur vi testat webbplatsen",
        "Den senaste bedömningen gjordes den",
        "Redogörelsen uppdaterades senast den",
        "Rapportera brister",
        "070-174 06 05",
    ]:
        assert expected in text, expected
    assert soup(response).select_one(f'a[href="{DIGG_COMPLAINT_URL}"]')
    assert not response.cookies


@pytest.mark.parametrize(
    "value, wording",
    [("helt", "helt förenlig"), ("delvis", "delvis förenlig"), ("inte", "inte förenlig")],
)
def test_the_compliance_status_is_worded_exactly(client, statement, value, wording):
    statement.compliance_status = value
    statement.save_revision().publish()
    assert f"Webbplatsen är {wording} med lagen" in soup(client.get(statement.url)).get_text()


def test_every_page_links_to_the_statement_in_the_footer(client, statement):
    footer = soup(client.get("/")).select_one(".site-footer")
    assert (
        footer.select_one(f'a[href="{statement.url}"]').get_text() == "Tillgänglighetsredogörelse"
    )


def test_a_report_without_javascript_is_saved_once_and_answered(client, statement):
    page = soup(client.get(statement.url))
    form = page.select_one("form.form")
    token = form.select_one(f'input[name="{TOKEN_FIELD}"]')["value"]
    for name in ["url", "description", "assistive_technology", "browser"]:
        label = page.select_one(f'label[for="id_{name}"]')
        assert label and label.get_text(strip=True), name
    assert page.select_one("#id_url")["autocomplete"] == "url"
    data = {
        TOKEN_FIELD: token,
        "url": "/foraldraradgivning/",
        "description": "Menyn går inte att öppna med tangentbordet.",
        "browser": "Firefox",
    }
    response = client.post(statement.url, data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert response["Location"].endswith("?skickad=1#rapportera")
    assert not response.cookies
    # The same form sent again (a reload, a double click) is one report.
    client.post(statement.url, data, HTTP_ORIGIN="http://testserver")
    report = AccessibilityReport.objects.get()
    assert report.browser == "Firefox" and report.assistive_technology == ""
    receipt = soup(client.get(response["Location"]))
    assert "Tack!" in receipt.select_one('[role="status"]').get_text()


def test_missing_answers_are_listed_and_linked_to_their_fields(client, statement):
    token = soup(client.get(statement.url)).select_one(f'input[name="{TOKEN_FIELD}"]')["value"]
    response = client.post(
        statement.url,
        {TOKEN_FIELD: token, "url": "", "description": ""},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200
    summary = soup(response).select_one(".error-summary")
    assert [a["href"] for a in summary.select("a")] == ["#id_url", "#id_description"]
    assert soup(response).select_one("#id_url")["aria-invalid"] == "true"
    assert not AccessibilityReport.objects.exists()


def test_a_post_from_another_site_is_refused(client, statement):
    token = soup(client.get(statement.url)).select_one(f'input[name="{TOKEN_FIELD}"]')["value"]
    response = client.post(
        statement.url,
        {TOKEN_FIELD: token, "url": "/", "description": "x"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert not AccessibilityReport.objects.exists()


def test_the_admin_warns_when_the_statement_is_over_a_year_old(client, statement, superuser):
    client.force_login(superuser)
    assert "över ett år gammal" not in client.get("/admin/").content.decode()
    statement.statement_updated_on = timezone.localdate() - datetime.timedelta(days=400)
    statement.save_revision().publish()
    assert statement.is_stale
    dashboard = client.get("/admin/").content.decode()
    assert "Tillgänglighetsredogörelsen är över ett år gammal" in dashboard


def test_a_wrong_wcag_criterion_is_refused(statement):
    from django.core.exceptions import ValidationError

    shortcoming = AccessibilityShortcoming(
        page=statement, usage_situation="x", description="y", wcag_criterion="AA"
    )
    with pytest.raises(ValidationError):
        shortcoming.full_clean()
