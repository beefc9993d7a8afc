import datetime

from django.utils import timezone

import factory
import wagtail_factories

from events.models import EventFormField, EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kalender"
    slug = "kalender"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An event a week from now, two hours long."""

    title = factory.Sequence(lambda n: f"Evenemang {n}")
    lead = "En träff för föräldrar."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    place = "Vårby strandskola"
    address = "Exempelvägen 4, Vårby"

    class Meta:
        model = EventPage


def add_form_fields(event, fields=None):
    """Name, e-mail and a free-text field, unless other fields are given."""
    fields = fields or [
        ("Namn", "singleline", True),
        ("E-post", "email", True),
        ("Övrigt", "multiline", False),
    ]
    for order, (label, field_type, required) in enumerate(fields):
        EventFormField.objects.create(
            page=event, label=label, field_type=field_type, required=required, sort_order=order
        )
    return event
