import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuellt"
    slug = "aktuellt"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """A published news article. Pass topics=[...] and areas=[...] to tag it."""

    title = factory.Sequence(lambda n: f"Nyhet nummer {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    lead = "Något nytt har hänt i föräldrarådgivningen."

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
            self.save()


def news_form_data(**overrides):
    """What the page editor posts for a news article (StreamField and rich text as its
    JavaScript would send them)."""
    data = {
        "title": "Ny föräldragrupp i Skogås",
        "slug": "ny-foraldragrupp-i-skogas",
        "date": "2026-11-20",
        "lead": "En ny grupp för föräldrar startar i januari.",
        "body": streamfield([("paragraph", rich_text("<p>Välkommen att anmäla dig.</p>"))]),
        "image": "",
        "image_caption": "",
        "updated_date": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
