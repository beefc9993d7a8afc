import factory
import wagtail_factories

from home.models import HomePage, StandardPage


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
