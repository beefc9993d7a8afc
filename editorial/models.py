"""What the editorial tools remember between runs: review reminders sent and broken links
found. Both point at pages and are rebuilt by the daily jobs, so they hold no content. And the
rule on two-step verification for editors (TwoFactorPolicy, editorial/two_factor.py)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class ReviewReminder(models.Model):
    """A reminder e-mail about a page whose review date has passed (`remind_reviews`); kept so
    that an owner hears about a page at most once a week."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    recipient = models.EmailField(_("mottagare"))
    sent_at = models.DateTimeField(_("skickad"), auto_now_add=True)

    class Meta:
        verbose_name = _("påminnelse om granskning")
        verbose_name_plural = _("påminnelser om granskning")
        indexes = [models.Index(fields=["page", "sent_at"])]

    def __str__(self):
        return f"{self.page_id} → {self.recipient} ({self.sent_at:%Y-%m-%d})"


class BrokenLink(models.Model):
    """An external link on a published page that did not answer with success at the last
    check (`check_links`). Removed again when the link works or leaves the page."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("länk"), max_length=2000)
    status_code = models.PositiveSmallIntegerField(_("svarskod"), null=True, blank=True)
    error = models.CharField(_("fel"), max_length=200, blank=True)
    first_seen = models.DateTimeField(_("först upptäckt"), auto_now_add=True)
    last_checked = models.DateTimeField(_("senast kontrollerad"), auto_now=True)

    class Meta:
        verbose_name = _("trasig länk")
        verbose_name_plural = _("trasiga länkar")
        ordering = ["page_id", "url"]
        constraints = [
            models.UniqueConstraint(fields=["page", "url"], name="unique_broken_link_per_page")
        ]

    def __str__(self):
        return self.url


@register_setting(icon="key")
class TwoFactorPolicy(BaseGenericSetting):
    """Who must log in with two-step verification (an authenticator app): everyone with admin
    access, or the members of chosen groups. Off by default. Only administrators change it: no
    role gets its permission (editorial/roles.py)."""

    required_for_all = models.BooleanField(
        _("Kräv tvåstegsverifiering för alla redaktörer"),
        default=False,
        help_text=_(
            "Alla som loggar in i admin måste ange en kod från en autentiseringsapp efter "
            "lösenordet. Den som inte har kopplat en app gör det vid nästa inloggning."
        ),
    )
    required_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("Kräv tvåstegsverifiering för dessa grupper"),
        blank=True,
        related_name="+",
        help_text=_(
            "Gäller medlemmarna i de valda grupperna, även om rutan ovan inte är ikryssad."
        ),
    )

    panels = [
        FieldPanel("required_for_all"),
        FieldPanel("required_groups", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("Tvåstegsverifiering")

    def __str__(self):
        return str(self._meta.verbose_name)

    def applies_to(self, user):
        if self.required_for_all:
            return True
        return self.required_groups.filter(user=user).exists()
