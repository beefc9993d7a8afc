"""A sign-up for an event: a confirmed seat or a place on the waiting list. In a module of its
own so that the calendar's queries and the sign-up logic use it without importing the page
models (which route to them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import AbstractFormSubmission


class EventRegistration(AbstractFormSubmission):
    """One sign-up for an event: a confirmed seat or a place on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Plats")
        WAITLIST = "waitlist", _("Väntelista")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        indexes = [models.Index(fields=["page", "status"])]

    def get_data(self):
        return {**super().get_data(), "status": self.get_status_display()}
