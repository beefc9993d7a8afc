"""Topics and audiences that guidance pages carry, so the hub can list and filter them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class Topic(Orderable, models.Model):
    """A subject, e.g. Skolfrånvaro, Föräldraskap, Placerade barn."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        unique=True,
        help_text=_('Används i filtrets adress, t.ex. "skolfranvaro".'),
    )
    description = models.CharField(_("beskrivning"), max_length=240, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")

    def __str__(self):
        return self.name


class Audience(Orderable, models.Model):
    """Who a page is written for, e.g. Föräldrar, Skolpersonal, Yrkesverksamma."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=80, unique=True)
    label = models.CharField(
        _("text i växlaren"),
        max_length=80,
        help_text=_('Hur målgruppen väljs på Föräldrarådgivning, t.ex. "För föräldrar".'),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")

    def __str__(self):
        return self.name
