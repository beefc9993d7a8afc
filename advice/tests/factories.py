import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from advice.models import (
    Advisor,
    AdvisorDirectoryPage,
    Area,
    GuidanceIndexPage,
    GuidancePage,
    School,
)


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


class AreaFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Område {n}")
    slug = factory.Sequence(lambda n: f"omrade-{n}")

    class Meta:
        model = Area


class SchoolFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Skola {n}")
    area = factory.SubFactory(AreaFactory)

    class Meta:
        model = School


class AdvisorFactory(DjangoModelFactory):
    """A published advisor. Pass areas=[...] and schools=[...] to link them."""

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
