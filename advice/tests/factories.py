import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from advice.models import (
    Advisor,
    AdvisorDirectoryPage,
    AdvisorDropIn,
    GuidanceIndexPage,
    GuidancePage,
    Language,
    School,
)
from taxonomy.tests.factories import AreaFactory


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Föräldrarådgivning"
    slug = "foraldraradgivning"
    lead = "Stöd till dig som är förälder."

    class Meta:
        model = GuidanceIndexPage


class GuidancePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Vägledning {n}")
    lead = "Så kan du göra när ditt barn behöver stöd."

    class Meta:
        model = GuidancePage


class AdvisorDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Hitta din föräldrarådgivare"
    slug = "hitta-foraldraradgivare"

    class Meta:
        model = AdvisorDirectoryPage


class LanguageFactory(DjangoModelFactory):
    code = factory.Iterator(["ar", "so", "ti", "fi", "fa", "en", "tr", "bs"])
    name = factory.LazyAttribute(lambda o: f"språk {o.code}")
    native_name = factory.LazyAttribute(lambda o: f"native {o.code}")

    class Meta:
        model = Language
        django_get_or_create = ["code"]


class SchoolFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Skola {n}")
    slug = factory.Sequence(lambda n: f"skola-{n}")
    area = factory.SubFactory(AreaFactory)

    class Meta:
        model = School


class AdvisorFactory(DjangoModelFactory):
    """A published advisor. Pass areas=[...], schools=[...] and languages=[...] to link them."""

    name = factory.Sequence(lambda n: f"Rådgivare {n}")
    phone = factory.Sequence(lambda n: f"070-174 06 {10 + n % 90:02d}")
    email = factory.Sequence(lambda n: f"radgivare{n}@example.org")
    live = True

    class Meta:
        model = Advisor
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
            self.save()

    @factory.post_generation
    def schools(self, create, extracted, **kwargs):
        if create and extracted:
            self.schools.set(extracted)
            self.save()

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)
            self.save()


class AdvisorDropInFactory(DjangoModelFactory):
    advisor = factory.SubFactory(AdvisorFactory)
    school = factory.SubFactory(SchoolFactory)
    weekday = AdvisorDropIn.Weekday.TUESDAY
    start_time = datetime.time(13, 0)
    end_time = datetime.time(15, 0)

    class Meta:
        model = AdvisorDropIn
