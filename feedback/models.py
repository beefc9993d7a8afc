"""What parents send the service: whether a page helped (PageFeedback) and requests to be
called (CallbackRequest).

Page feedback is anonymous: the page, the language it was read in, the answer, a comment
scrubbed of contact details and identity numbers (feedback/scrub.py) and the day. No time of
day, IP address, user agent or cookie, so an answer cannot be matched to a visit in a log.

A call-back request is personal data: only what a call-back needs, seen in the admin only by
the advisory team (feedback/admin_views.py), deleted by `purge_callback_requests`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from portal.forms_protection import NONCE_MAX_LENGTH
from taxonomy.models import Area

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    """One answer to "Var informationen till din hjälp?"."""

    page = models.ForeignKey(
        Page, verbose_name=_("sida"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("språk"), max_length=10)
    helpful = models.BooleanField(_("till hjälp"))
    comment = models.TextField(_("kommentar"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_on = models.DateField(_("datum"), default=timezone.localdate, db_index=True)
    # The one-time token of the form that sent the answer (portal/forms_protection.py): a
    # reload or a double click finds this row instead of adding another. Random, not personal.
    form_token = models.CharField(
        max_length=NONCE_MAX_LENGTH, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("svar på sidan")
        verbose_name_plural = _("svar på sidorna")
        indexes = [models.Index(fields=["page", "created_on"])]

    def __str__(self):
        return f"{self.page_id} {self.created_on}: {'Ja' if self.helpful else 'Nej'}"


class CallbackRequestQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("area", "handled_by").order_by("handled_at", "-created_at")


class CallbackRequest(models.Model):
    """A parent asks to be called (or e-mailed) by an advisor in an area."""

    name = models.CharField(_("förnamn eller alias"), max_length=60)
    contact = models.CharField(_("telefon eller e-post"), max_length=100)
    area = models.ForeignKey(
        Area,
        verbose_name=_("område"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="callback_requests",
    )
    language = models.CharField(_("språk"), max_length=80)
    interpreter = models.BooleanField(_("vill ha tolk"), default=False)
    good_time = models.CharField(_("när det passar"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("inkom"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hanterad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    form_token = models.CharField(
        max_length=NONCE_MAX_LENGTH, unique=True, null=True, blank=True, editable=False
    )

    objects = CallbackRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktförfrågan")
        verbose_name_plural = _("kontaktförfrågningar")
        # Django's "view" permission is the advisory team's (migrations/0002): the admin
        # views ask for it, and other editors get 403.

    def __str__(self):
        return _("Kontaktförfrågan %(number)s") % {"number": self.pk}

    @property
    def handled(self):
        return self.handled_at is not None
