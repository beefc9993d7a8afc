import factory
from factory.django import DjangoModelFactory

from taxonomy.models import Area, Audience, Topic


class AreaFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Område {n}")
    slug = factory.Sequence(lambda n: f"omrade-{n}")

    class Meta:
        model = Area


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.Sequence(lambda n: f"amne-{n}")

    class Meta:
        model = Topic


class AudienceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Målgrupp {n}")
    slug = factory.Sequence(lambda n: f"malgrupp-{n}")
    label = factory.LazyAttribute(lambda o: f"För {o.name.lower()}")

    class Meta:
        model = Audience
