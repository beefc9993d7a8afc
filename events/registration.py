"""Sign-up for events: the form every event's fields are built into, and the one place where a
sign-up is saved, so the seat limit holds however many people press "Anmäl" at once."""

import json
import logging
import re

from django.conf import settings
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .submissions import EventRegistration

# A Swedish personal identity number (or coordination number) as people write it.
PERSONNUMMER = re.compile(r"(?<!\d)((?:19|20)?\d{6})[-+ ]?(\d{4})(?!\d)")
MULTILINE_MAX_LENGTH = 2000

logger = logging.getLogger(__name__)


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


def registration_form_class(base):
    """The editor's form plus our rules: no personal identity numbers anywhere, and a length
    limit on free text."""

    class RegistrationForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                if field.widget.__class__.__name__ == "Textarea":
                    field.max_length = MULTILINE_MAX_LENGTH
                    field.widget.attrs.update(maxlength=MULTILINE_MAX_LENGTH, rows=5)

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


def register(event, form):
    """Save a sign-up for `event` and return it.

    The event's row is locked for the length of the transaction, so counting the confirmed
    seats and saving the new sign-up happen as one step: with 20 seats and 50 people pressing
    at once, exactly 20 get a seat and 30 a place on the waiting list. A sign-up identical to
    an earlier one (a reload or a double click) returns the earlier one, marked `repeated`.
    """
    data = _as_json(form.cleaned_data)
    with transaction.atomic():
        list(type(event).objects.select_for_update(of=("self",)).filter(pk=event.pk).values("pk"))
        existing = EventRegistration.objects.filter(page=event, form_data=data).first()
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
            status=EventRegistration.Status.WAITLIST
            if full
            else EventRegistration.Status.CONFIRMED,
        )
        registration.repeated = False
        transaction.on_commit(lambda: send_emails(event, registration))
    return registration


def waitlist_position(registration):
    if registration.status != EventRegistration.Status.WAITLIST:
        return None
    return EventRegistration.objects.filter(
        page_id=registration.page_id,
        status=EventRegistration.Status.WAITLIST,
        pk__lte=registration.pk,
    ).count()


def send_emails(event, registration):
    """A confirmation to the person (when the form asked for an e-mail address) and a notice
    to the organiser. Neither repeats what was submitted beyond the status: e-mail is not a
    safe place for personal details."""
    email_fields = [f.clean_name for f in event.get_form_fields() if f.field_type == "email"]
    recipient = next((registration.form_data.get(name) for name in email_fields), None)
    context = {
        "event": event,
        "registration": registration,
        "position": waitlist_position(registration),
        "event_url": event.get_full_url(),
    }
    if recipient:
        _send(
            _("Anmälan: %(title)s") % {"title": event.title},
            render_to_string("events/email/confirmation.txt", context),
            [recipient],
        )
    if event.to_address:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailforms:list_submissions", args=[event.pk]
        )
        _send(
            _("Ny anmälan: %(title)s") % {"title": event.title},
            render_to_string("events/email/notification.txt", {**context, "admin_url": admin_url}),
            [address.strip() for address in event.to_address.split(",")],
        )


def _send(subject, message, recipients):
    """Send, and log a failure instead of raising: the sign-up is already saved and must not
    be lost because the mail server is down."""
    try:
        send_mail(subject, message, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("Could not send the e-mail %r", subject)
