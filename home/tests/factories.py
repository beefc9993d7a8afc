import datetime

import factory
import wagtail_factories

from home.models import AccessibilityStatementPage, HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Föräldrarådgivning"
    slug = "start"
    intro = "<p>Föräldrarådgivarna finns på ditt barns skola.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standardsida {n}")
    lead = "En kort sammanfattning av sidan."

    class Meta:
        model = StandardPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Tillgänglighetsredogörelse"
    slug = "tillganglighetsredogorelse"
    public_body = "Huddinge kommun, socialtjänsten"
    service_name = "Föräldrarådgivning"
    compliance_status = "delvis"
    alternative_access = "Ring eller mejla oss."
    contact_phone = "070-174 06 05"
    contact_email = "foraldraradgivning@example.org"
    disproportionate_burden = "Vi gör inga undantag."
    outside_scope = "Inget innehåll ligger utanför lagen."
    assessment_method = "Självskattning."
    assessed_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    statement_updated_on = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=20)
    )

    class Meta:
        model = AccessibilityStatementPage
