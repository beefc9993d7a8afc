"""The shared vocabulary of the site: topics and audiences that guidance, news and events
carry, and the municipality's areas, each with its own page in the advisor directory.

All three are translatable (wagtail-localize): pages, schools and advisors refer to the Swedish
entries, and a page in another language shows each entry's translation where there is one
(the `localized` template filter). Names and slugs are unique per language.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin


class VocabularyQuerySet(models.QuerySet):
    def swedish(self):
        """The Swedish entries: the ones pages, schools and advisors refer to, and the ones
        filters and listings offer (a visitor in another language sees their translations)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


class Topic(TranslatableMixin, Orderable, models.Model):
    """A subject, e.g. Skolfrånvaro, Föräldraskap, Placerade barn."""

    name = models.CharField(_("namn"), max_length=80)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        help_text=_('Används i filtrets adress, t.ex. "skolfranvaro".'),
    )
    description = models.CharField(_("beskrivning"), max_length=240, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")

    def __str__(self):
        return self.name


class Audience(TranslatableMixin, Orderable, models.Model):
    """Who a page is written for, e.g. Föräldrar, Skolpersonal, Yrkesverksamma."""

    name = models.CharField(_("namn"), max_length=80)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=80)
    label = models.CharField(
        _("text i växlaren"),
        max_length=80,
        help_text=_('Hur målgruppen väljs på Föräldrarådgivning, t.ex. "För föräldrar".'),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("label")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")

    def __str__(self):
        return self.name


class Area(TranslatableMixin, Orderable, models.Model):
    """An area of the municipality (e.g. Vårby) with its own page in the advisor directory."""

    name = models.CharField(_("namn"), max_length=80)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        help_text=_('Små bokstäver utan å, ä, ö, t.ex. "centrala-huddinge".'),
    )
    description = models.TextField(
        _("beskrivning"),
        blank=True,
        max_length=600,
        help_text=_("Kort om området, t.ex. vilka stadsdelar det omfattar."),
    )
    office_address = models.CharField(
        _("besöksadress"),
        max_length=200,
        blank=True,
        help_text=_('Där föräldrarådgivarna i området kan träffas, t.ex. "Vårby allé 10".'),
    )
    opening_hours = models.TextField(
        _("öppettider"),
        blank=True,
        max_length=400,
        help_text=_('En rad per tid, t.ex. "Måndag–fredag 8.30–16.00".'),
    )
    email = models.EmailField(
        _("e-post till området"),
        blank=True,
        help_text=_("En funktionsbrevlåda för områdets föräldrarådgivare."),
    )
    # When the area was last saved: the "lastmod" of its page in the sitemap.
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("office_address"), FieldPanel("opening_hours"), FieldPanel("email")],
            heading=_("Träffa oss"),
        ),
    ]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]
        verbose_name = _("område")
        verbose_name_plural = _("områden")

    def __str__(self):
        return self.name

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]
