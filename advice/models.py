"""Guidance (föräldrarådgivning): the hub, guidance pages, the advisor directory and the
advisor, area and school snippets it lists."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Orderable, Page, PageManager, RevisionMixin
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from portal.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from portal.models import UpdatedDateMixin

from .queries import GuidancePageQuerySet, areas_with_advisors

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{5,18}[0-9]$",
    _("Skriv telefonnumret med siffror, mellanslag och bindestreck, t.ex. 070-174 06 05."),
)


class Area(Orderable, models.Model):
    """An area of the municipality (e.g. Vårby); schools belong to one, advisors serve some."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text=_('Små bokstäver utan å, ä, ö, t.ex. "centrala-huddinge".'),
    )
    description = models.TextField(
        _("beskrivning"),
        blank=True,
        max_length=600,
        help_text=_("Kort om området, t.ex. vilka stadsdelar det omfattar."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("område")
        verbose_name_plural = _("områden")

    def __str__(self):
        return self.name


class School(index.Indexed, models.Model):
    """A school in one area, where advisors meet families."""

    name = models.CharField(_("namn"), max_length=120)
    area = models.ForeignKey(
        Area,
        verbose_name=_("område"),
        # An area with schools cannot be deleted by mistake; move the schools first.
        on_delete=models.PROTECT,
        related_name="schools",
    )

    panels = [FieldPanel("name"), FieldPanel("area")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("skola")
        verbose_name_plural = _("skolor")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Advisor(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A föräldrarådgivare: contact details shown on the directory page.

    Advisors have drafts and revisions: changes go live when published, and an advisor who
    leaves is unpublished rather than deleted, which removes them from the site at once.
    """

    name = models.CharField(_("namn"), max_length=120)
    role = models.CharField(
        _("roll"),
        max_length=120,
        default="Föräldrarådgivare",
        help_text=_('Funktionen som visas på kortet, t.ex. "Föräldrarådgivare".'),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt_text = models.CharField(
        _("alternativtext för fotot"),
        max_length=200,
        blank=True,
        help_text=_('Beskriv fotot för den som inte ser det, t.ex. "Porträtt av Lina Berg".'),
    )
    phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(
        _("e-post"),
        blank=True,
        help_text=_("Helst en funktionsbrevlåda för området."),
    )
    areas = ParentalManyToManyField(
        Area, verbose_name=_("områden"), related_name="advisors", blank=True
    )
    schools = ParentalManyToManyField(
        School, verbose_name=_("skolor"), related_name="advisors", blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading=_("Foto")),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Kontakt")),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("schools", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("föräldrarådgivare")
        verbose_name_plural = _("föräldrarådgivare")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError(
                {"photo_alt_text": _("Skriv en alternativtext när du väljer ett foto.")}
            )


class GuidanceIndexPage(UpdatedDateMixin, Page):
    """The föräldrarådgivning hub: introduces the service and lists its guidance pages and
    the advisor directory."""

    lead = models.TextField(_("ingress"), max_length=600, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        UpdatedDateMixin.updated_date_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["advice.GuidancePage", "advice.AdvisorDirectoryPage"]

    class Meta:
        verbose_name = _("vägledningsstartsida")
        verbose_name_plural = _("vägledningsstartsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = GuidancePage.objects.for_listing().child_of(self)
        context["directory"] = AdvisorDirectoryPage.objects.live().public().child_of(self).first()
        return context


class GuidancePage(UpdatedDateMixin, Page):
    """Guidance for parents on one subject, e.g. problematic school absence."""

    lead = models.TextField(
        _("ingress"),
        max_length=600,
        help_text=_("En eller två meningar om vad sidan hjälper föräldern med."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("innehåll"), blank=True)

    objects = PageManager.from_queryset(GuidancePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        UpdatedDateMixin.updated_date_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["advice.GuidanceIndexPage", "advice.GuidancePage"]
    subpage_types = ["advice.GuidancePage"]

    class Meta:
        verbose_name = _("vägledningssida")
        verbose_name_plural = _("vägledningssidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = GuidancePage.objects.for_listing().child_of(self)
        return context


class AdvisorDirectoryPage(UpdatedDateMixin, Page):
    """Hitta din föräldrarådgivare: the published advisors, grouped by area."""

    intro = RichTextField(_("introduktion"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        UpdatedDateMixin.updated_date_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["advice.GuidanceIndexPage"]
    subpage_types = []
    # One directory per hub: two would split the families' search in two.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("föräldrarådgivarkatalog")
        verbose_name_plural = _("föräldrarådgivarkataloger")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = areas_with_advisors()
        return context
