"""A sign-up for an event: a confirmed seat, a place on the waiting list, or cancelled. In a
module of its own so that the calendar's queries and the sign-up logic use it without importing
the page models (which route to them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import AbstractFormSubmission

from portal.forms_protection import NONCE_MAX_LENGTH


class EventRegistration(AbstractFormSubmission):
    """One sign-up for an event: a confirmed seat or a place on the waiting list; cancelled
    sign-ups are kept (with the others, for the retention period) but hold no place."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Plats")
        WAITLIST = "waitlist", _("Väntelista")
        CANCELLED = "cancelled", _("Avbokad")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # The one-time token of the form that sent it (portal/forms_protection.py): a second POST
    # of the same form finds this sign-up instead of making another. Empty for sign-ups made
    # otherwise (the demo's).
    form_token = models.CharField(
        _("formulärets engångskod"),
        max_length=NONCE_MAX_LENGTH,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        indexes = [models.Index(fields=["page", "status"])]

    def get_data(self):
        return {**super().get_data(), "status": self.get_status_display()}

    def waitlist_position(self):
        """1 for the first on the waiting list, …; None for a seat or a cancelled sign-up."""
        if self.status != self.Status.WAITLIST:
            return None
        return EventRegistration.objects.filter(
            page_id=self.page_id, status=self.Status.WAITLIST, pk__lte=self.pk
        ).count()
