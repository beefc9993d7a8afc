"""Sign-up for events: the form every event's fields are built into, and the one place where a
sign-up is saved or cancelled, so the seat limit holds however many people press "Anmäl" (or
"Avboka") at once. E-mails about it are queued once the change is committed (events/tasks.py).
"""

import dataclasses
import enum
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import tasks
from .submissions import EventRegistration

# A Swedish personal identity number (or coordination number) as people write it.
PERSONNUMMER = re.compile(r"(?<!\d)((?:19|20)?\d{6})[-+ ]?(\d{4})(?!\d)")
MULTILINE_MAX_LENGTH = 2000


def _luhn_ok(digits):
    total = 0
    for index, digit in enumerate(int(d) for d in digits):
        product = digit * (2 - index % 2)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def looks_like_personnummer(text):
    """True for "800101-1234"-like numbers: a plausible date of birth (or coordination
    number, day + 60) and a valid check digit. Phone numbers such as 0701740605 fail the date."""
    for match in PERSONNUMMER.finditer(str(text)):
        date, serial = match.group(1)[-6:], match.group(2)
        month, day = int(date[2:4]), int(date[4:6])
        if not 1 <= month <= 12 or not (1 <= day <= 31 or 61 <= day <= 91):
            continue
        if _luhn_ok(date + serial):
            return True
    return False


# WCAG 1.3.5: fields about the person say what they are, so browsers can fill them in. By
# the field's type, else by its Swedish label; anything else is not offered for autofill.
AUTOCOMPLETE_BY_TYPE = {"email": "email", "tel": "tel", "url": "url"}
AUTOCOMPLETE_BY_LABEL = {
    "namn": "name",
    "förnamn": "given-name",
    "efternamn": "family-name",
    "e-post": "email",
    "telefon": "tel",
    "mobilnummer": "tel",
    "telefonnummer": "tel",
    "arbetsplats": "organization",
    "organisation": "organization",
    "postnummer": "postal-code",
    "adress": "street-address",
}


def autocomplete_for(field):
    widget_type = getattr(field.widget, "input_type", "")
    if widget_type in {"checkbox", "radio"}:
        return None
    label = str(field.label or "").strip().rstrip(":").lower()
    return AUTOCOMPLETE_BY_TYPE.get(widget_type) or AUTOCOMPLETE_BY_LABEL.get(label, "off")


def registration_form_class(base):
    """The editor's form plus our rules: no personal identity numbers anywhere, a length limit
    on free text, and autocomplete on the fields about the person."""

    class RegistrationForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                if field.widget.__class__.__name__ == "Textarea":
                    field.max_length = MULTILINE_MAX_LENGTH
                    field.widget.attrs.update(maxlength=MULTILINE_MAX_LENGTH, rows=5)
                autocomplete = autocomplete_for(field)
                if autocomplete and "autocomplete" not in field.widget.attrs:
                    field.widget.attrs["autocomplete"] = autocomplete

        def clean(self):
            cleaned = super().clean()
            for name, value in list(cleaned.items()):
                if isinstance(value, str) and looks_like_personnummer(value):
                    self.add_error(
                        name,
                        _(
                            "Skriv inte personnummer här. Vi behöver det inte, och uppgifter "
                            "som skickas hit kan bli allmänna handlingar."
                        ),
                    )
                if isinstance(value, str) and len(value) > MULTILINE_MAX_LENGTH:
                    self.add_error(
                        name,
                        _("Skriv högst %(max)s tecken.") % {"max": MULTILINE_MAX_LENGTH},
                    )
            return cleaned

    return RegistrationForm


def _as_json(cleaned_data):
    return json.loads(json.dumps(cleaned_data, cls=DjangoJSONEncoder))


def _lock(event):
    """Lock the event's row until the transaction ends: sign-ups and cancellations for one event
    take turns, so counting seats and changing a sign-up are one step."""
    list(type(event).objects.select_for_update(of=("self",)).filter(pk=event.pk).values("pk"))


def _after_commit(task, *args):
    """Queue an e-mail once the transaction has committed. robust: a queue that cannot be
    reached is logged and never undoes or hides the saved change."""
    transaction.on_commit(lambda: task.enqueue(*args), robust=True)


def register(event, form, token=None):
    """Save a sign-up for `event` and return it.

    The event's row is locked for the length of the transaction, so counting the confirmed
    seats and saving the new sign-up happen as one step: with 20 seats and 50 people pressing
    at once, exactly 20 get a seat and 30 a place on the waiting list. `token` is the form's
    one-time token (portal/forms_protection.py): a second POST of the same form (a reload, a
    double click) returns the sign-up the first one made, marked `repeated`. Two people who
    give the same answers are two sign-ups.
    """
    data = _as_json(form.cleaned_data)
    with transaction.atomic():
        _lock(event)
        if token:
            existing = EventRegistration.objects.filter(page=event, form_token=token).first()
            if existing is not None:
                existing.repeated = True
                return existing
        confirmed = EventRegistration.objects.filter(
            page=event, status=EventRegistration.Status.CONFIRMED
        ).count()
        full = event.seat_limit is not None and confirmed >= event.seat_limit
        registration = EventRegistration.objects.create(
            page=event,
            form_data=data,
            form_token=token or None,
            status=EventRegistration.Status.WAITLIST
            if full
            else EventRegistration.Status.CONFIRMED,
        )
        registration.repeated = False
        _after_commit(tasks.send_participant_email, registration.pk, tasks.SIGNED_UP)
        _after_commit(tasks.send_organiser_notice, event.pk, tasks.SIGNED_UP)
    return registration


class Outcome(enum.Enum):
    CANCELLED = "cancelled"
    ALREADY_CANCELLED = "already"
    NOT_FOUND = "not_found"
    EVENT_OVER = "over"


@dataclasses.dataclass
class Cancellation:
    outcome: Outcome
    registration: EventRegistration | None = None
    promoted: list = dataclasses.field(default_factory=list)


def cancel(event, registration_id, now=None):
    """Cancel a sign-up, once, before the event has ended. A freed seat goes to the first on
    the waiting list, under the same lock as sign-ups; everyone concerned is e-mailed."""
    if event.end < (now or timezone.now()):
        return Cancellation(Outcome.EVENT_OVER)
    with transaction.atomic():
        _lock(event)
        registration = EventRegistration.objects.filter(page=event, pk=registration_id).first()
        if registration is None:
            return Cancellation(Outcome.NOT_FOUND)
        if registration.status == EventRegistration.Status.CANCELLED:
            return Cancellation(Outcome.ALREADY_CANCELLED, registration)
        registration.status = EventRegistration.Status.CANCELLED
        registration.save(update_fields=["status"])
        promoted = fill_free_seats(event)
        _after_commit(tasks.send_participant_email, registration.pk, tasks.CANCELLED)
        for moved_up in promoted:
            _after_commit(tasks.send_participant_email, moved_up.pk, tasks.PROMOTED)
        _after_commit(
            tasks.send_organiser_notice, event.pk, tasks.CANCELLED, [r.pk for r in promoted]
        )
    return Cancellation(Outcome.CANCELLED, registration, promoted)


def fill_free_seats(event):
    """Give free seats to the waiting list, first come first served; returns those moved up.
    Call with the event's row locked."""
    if event.seat_limit is None:
        return []
    confirmed = EventRegistration.objects.filter(
        page=event, status=EventRegistration.Status.CONFIRMED
    ).count()
    free = event.seat_limit - confirmed
    if free <= 0:
        return []
    waiting = list(
        EventRegistration.objects.filter(
            page=event, status=EventRegistration.Status.WAITLIST
        ).order_by("pk")[:free]
    )
    EventRegistration.objects.filter(pk__in=[r.pk for r in waiting]).update(
        status=EventRegistration.Status.CONFIRMED
    )
    for registration in waiting:
        registration.status = EventRegistration.Status.CONFIRMED
    return waiting
