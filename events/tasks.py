"""E-mails about sign-ups, sent outside the request (django-tasks, which Wagtail ships).

The tasks run on the "email" task backend (settings.TASKS): by default a queue in the database
that `manage.py db_worker --backend email` works off, so a parent's page never waits for the
mail server, and a message that cannot be sent is recorded as a failed task instead of being
lost with the request. A task gets only ids and looks up the rest when it runs, so the queue
holds no personal data, and a sign-up deleted in the meantime (retention) is simply skipped.

Messages repeat nothing that was submitted beyond the status: e-mail is not a safe place for
personal details.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Page

from django_tasks import task

from portal.models import ContactSettings

from .links import cancel_url
from .submissions import EventRegistration

BACKEND = "email"
# What happened, for the person and for the organiser.
SIGNED_UP = "signed_up"
PROMOTED = "promoted"
CANCELLED = "cancelled"
PARTICIPANT_TEMPLATES = {
    SIGNED_UP: "events/email/confirmation.txt",
    PROMOTED: "events/email/promoted.txt",
    CANCELLED: "events/email/cancelled.txt",
}


def participant_address(event, registration):
    """Where to write to the person: the answer to the form's e-mail field, or else any answer
    that is an e-mail address by itself (a "Telefon eller e-post" field); None without one."""
    data = registration.form_data
    email_fields = [f.clean_name for f in event.get_form_fields() if f.field_type == "email"]
    candidates = [data.get(name) for name in email_fields] + list(data.values())
    for value in candidates:
        if isinstance(value, str) and value.strip():
            try:
                validate_email(value.strip())
            except ValidationError:
                continue
            return value.strip()
    return None


def contact_phone(event):
    """The number for questions: the event's own, or the site's general number."""
    if event.contact_phone:
        return event.contact_phone
    site = event.get_site()
    return ContactSettings.for_site(site).phone if site else ""


def email_context(event, registration):
    return {
        "event": event,
        "registration": registration,
        "position": registration.waitlist_position(),
        "occasions": event.occasion_list(),
        "event_url": event.get_full_url(),
        "cancel_url": cancel_url(event, registration),
        "phone": contact_phone(event),
    }


@task(backend=BACKEND)
def send_participant_email(registration_id, kind):
    """Tell the person what happened: signed up (a seat or the waiting list), moved up from
    the waiting list, or cancelled. Raises if the mail server refuses, so the task is recorded
    as failed."""
    registration = EventRegistration.objects.filter(pk=registration_id).first()
    if registration is None:
        return "sign-up gone"
    event = registration.page.specific
    recipient = participant_address(event, registration)
    if recipient is None:
        return "no address"
    with translation.override(settings.LANGUAGE_CODE):
        subject = {
            SIGNED_UP: _("Anmälan: %(title)s"),
            PROMOTED: _("Du har fått en plats: %(title)s"),
            CANCELLED: _("Avbokad: %(title)s"),
        }[kind] % {"title": event.title}
        body = render_to_string(PARTICIPANT_TEMPLATES[kind], email_context(event, registration))
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    return "sent"


@task(backend=BACKEND)
def send_organiser_notice(event_id, kind, promoted_ids=()):
    """Tell the organiser (the event's "to" addresses) that someone signed up or cancelled,
    with a link to the sign-ups in the admin, never the details. After a cancellation it says
    how many moved up from the waiting list, and how many of them gave no e-mail address and
    must be told another way."""
    page = Page.objects.filter(pk=event_id).first()
    event = page.specific if page else None
    if event is None or not getattr(event, "to_address", ""):
        return "no organiser address"
    promoted = list(EventRegistration.objects.filter(pk__in=promoted_ids))
    without_address = sum(1 for r in promoted if participant_address(event, r) is None)
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailforms:list_submissions", args=[event.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = {
            SIGNED_UP: _("Ny anmälan: %(title)s"),
            CANCELLED: _("Avbokning: %(title)s"),
        }[kind] % {"title": event.title}
        body = render_to_string(
            "events/email/notification.txt",
            {
                "event": event,
                "kind": kind,
                "promoted": len(promoted),
                "without_address": without_address,
                "admin_url": admin_url,
            },
        )
    recipients = [address.strip() for address in event.to_address.split(",") if address.strip()]
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return "sent"
