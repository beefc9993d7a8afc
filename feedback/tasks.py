"""The e-mail to the advisors of an area when a parent asks to be contacted.

It goes through the "email" task backend like the sign-up e-mails (events/tasks.py): the queue
holds only the request's id, and the message carries a link into the admin and nothing that was
submitted, not even the area: e-mail is not a safe place for what parents write to social
services, and the fact that someone asked is itself a personal circumstance.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from django_tasks import task

from advice.models import Advisor

from .models import CallbackRequest

BACKEND = "email"


def recipients(callback_request):
    """The area's functional mailbox and its published advisors' addresses, once each."""
    area = callback_request.area
    if area is None:
        return []
    addresses = [area.email] if area.email else []
    addresses += (
        Advisor.objects.filter(live=True, areas=area)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    unique = []
    for address in addresses:
        if address.lower() not in {a.lower() for a in unique}:
            unique.append(address)
    return unique


@task(backend=BACKEND)
def notify_advisors(request_id):
    callback_request = CallbackRequest.objects.select_related("area").filter(pk=request_id).first()
    if callback_request is None:
        return "request gone"
    addresses = recipients(callback_request)
    if not addresses:
        return "no recipients"
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "feedback_callback_detail", args=[callback_request.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Ny förfrågan: en förälder vill bli kontaktad")
        body = render_to_string("feedback/email/callback_notice.txt", {"admin_url": admin_url})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
    return "sent"
