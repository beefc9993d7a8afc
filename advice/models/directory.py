"""The advisor directory's data, edited as snippets: languages, areas, schools and advisors
with their drop-in times."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from anyascii import anyascii
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from portal import phone
from taxonomy.models import Area

# A BCP 47 language tag as used in lang="" and schema.org: "ar", "so", "ti", "fi", "sr-Latn".
bcp47_validator = RegexValidator(
    r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$",
    _('Skriv en språkkod enligt BCP 47, t.ex. "ar" för arabiska eller "so" för somaliska.'),
)
unit_code_validator = RegexValidator(
    r"^[0-9]{8}$", _("Skolenhetskoden är åtta siffror, t.ex. 12345678.")
)


class Language(models.Model):
    """A language an advisor can talk with families in, without an interpreter."""

    code = models.CharField(
        _("språkkod"),
        max_length=15,
        unique=True,
        validators=[bcp47_validator],
        help_text=_('BCP 47-kod, t.ex. "ar" (arabiska), "so" (somaliska), "ti" (tigrinja).'),
    )
    name = models.CharField(
        _("namn på svenska"), max_length=60, help_text=_('Med liten bokstav, t.ex. "arabiska".')
    )
    native_name = models.CharField(
        _("namn på språket självt"),
        max_length=60,
        help_text=_('Så som den som talar språket skriver det, t.ex. "العربية" eller "Soomaali".'),
    )
    direction = models.CharField(
        _("skriftriktning"),
        max_length=3,
        choices=[("ltr", _("vänster till höger")), ("rtl", _("höger till vänster"))],
        default="ltr",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("native_name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("direction")]),
    ]

    class Meta:
        verbose_name = _("språk")
        verbose_name_plural = _("språk")
        ordering = ["name"]

    def __str__(self):
        return self.name


class School(index.Indexed, models.Model):
    """A school where advisors meet families. Schools can be imported from Skolverket's
    school-unit register (matched on the school unit code) and then placed in an area."""

    name = models.CharField(_("namn"), max_length=120)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=120,
        unique=True,
        help_text=_('Används i sökadresser, t.ex. "varby-strandskola".'),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("område"),
        null=True,
        blank=True,
        # An area with schools cannot be deleted by mistake; move the schools first.
        on_delete=models.PROTECT,
        related_name="schools",
        help_text=_("Skolor utan område visas inte på webbplatsen."),
    )
    unit_code = models.CharField(
        _("skolenhetskod"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[unit_code_validator],
        help_text=_("Skolverkets kod för skolenheten. Används när skolor importeras."),
    )
    municipality_code = models.CharField(_("kommunkod"), max_length=4, blank=True)
    visiting_address = models.CharField(_("besöksadress"), max_length=200, blank=True)
    school_forms = models.CharField(
        _("skolformer"), max_length=200, blank=True, help_text=_('T.ex. "Grundskola".')
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("area"),
        FieldPanel("visiting_address"),
        MultiFieldPanel(
            [FieldPanel("unit_code"), FieldPanel("municipality_code"), FieldPanel("school_forms")],
            heading=_("Från skolenhetsregistret"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("area"),
    ]

    class Meta:
        verbose_name = _("skola")
        verbose_name_plural = _("skolor")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Keep the unit code unique without forcing one on schools entered by hand.
        self.unit_code = self.unit_code or None
        super().save(*args, **kwargs)


class Advisor(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A föräldrarådgivare and how families reach them.

    Staff in social services may have reasons not to be named on the web, so the name and photo
    are shown only when the advisor has agreed; otherwise the card shows the function alone.
    Advisors have drafts and revisions: an advisor who leaves is unpublished, not deleted,
    which removes them from every page, the API and the downloads at once. Changes go through
    the moderation workflow (editorial/migrations: "Granskning av föräldrarådgivare"), so a
    draft by an advisor reaches a reviewer's dashboard and inbox.
    """

    name = models.CharField(
        _("namn"),
        max_length=120,
        help_text=_("Visas bara om rådgivaren har godkänt det (se nedan)."),
    )
    show_identity = models.BooleanField(
        _("visa namn och foto på webbplatsen"),
        default=False,
        help_text=_(
            "Kryssa bara i om rådgivaren har sagt ja till att synas med namn och foto. "
            "Annars visas funktionen och kontaktuppgifterna utan namn."
        ),
    )
    role = models.CharField(
        _("roll"),
        max_length=120,
        default="Föräldrarådgivare",
        help_text=_('Funktionen som alltid visas på kortet, t.ex. "Föräldrarådgivare".'),
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
    phone = models.CharField(
        _("telefon"),
        max_length=30,
        blank=True,
        validators=[phone.validate_phone_number],
        help_text=_("T.ex. 070-174 06 05. Visas som klickbart nummer."),
    )
    phone_hours = models.CharField(
        _("telefontider"),
        max_length=200,
        blank=True,
        help_text=_('När rådgivaren svarar, t.ex. "Måndag–torsdag 8.30–16.00".'),
    )
    email = models.EmailField(
        _("e-post"),
        blank=True,
        help_text=_("Helst en funktionsbrevlåda för området, inte en personlig adress."),
    )
    languages = ParentalManyToManyField(
        Language,
        verbose_name=_("språk"),
        related_name="advisors",
        blank=True,
        help_text=_("Språk som rådgivaren kan prata med familjer på utan tolk."),
    )
    areas = ParentalManyToManyField(
        Area, verbose_name=_("områden"), related_name="advisors", blank=True
    )
    schools = ParentalManyToManyField(
        School, verbose_name=_("skolor"), related_name="advisors", blank=True
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("show_identity"),
                FieldPanel("photo"),
                FieldPanel("photo_alt_text"),
            ],
            heading=_("Person"),
        ),
        FieldPanel("role"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("phone_hours"), FieldPanel("email")],
            heading=_("Kontakt"),
        ),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("schools", widget=forms.CheckboxSelectMultiple),
        InlinePanel("drop_ins", heading=_("Drop-in på skolor"), label=_("drop-in-tid")),
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

    @property
    def phone_e164(self):
        return phone.e164(self.phone)

    @property
    def phone_display(self):
        return phone.national(self.phone)

    @property
    def language_codes(self):
        """The BCP 47 codes of the languages the advisor talks with families in, Swedish
        first: every advisor speaks Swedish (the API, the vCard and the JSON-LD)."""
        return ["sv", *(lang.code for lang in self.languages.all() if lang.code != "sv")]

    @property
    def public_name(self):
        """The advisor's name where they agreed to be shown; otherwise nothing."""
        return self.name if self.show_identity else ""

    @property
    def public_photo(self):
        return self.photo if self.show_identity else None

    @property
    def card_title(self):
        """What the card and the vCard are called: the name, or the role and the areas."""
        if self.show_identity:
            return self.name
        areas = ", ".join(area.name for area in self.areas.all())
        return f"{self.role}, {areas}" if areas else self.role

    @property
    def vcard_filename(self):
        return f"{slugify(anyascii(self.card_title)) or 'foraldraradgivare'}.vcf"


class AdvisorDropIn(Orderable):
    """A regular time when an advisor is at a school and parents can drop in."""

    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("måndagar")
        TUESDAY = 2, _("tisdagar")
        WEDNESDAY = 3, _("onsdagar")
        THURSDAY = 4, _("torsdagar")
        FRIDAY = 5, _("fredagar")
        SATURDAY = 6, _("lördagar")
        SUNDAY = 7, _("söndagar")

    advisor = ParentalKey(Advisor, on_delete=models.CASCADE, related_name="drop_ins")
    school = models.ForeignKey(
        School, verbose_name=_("skola"), on_delete=models.CASCADE, related_name="drop_ins"
    )
    weekday = models.PositiveSmallIntegerField(_("veckodag"), choices=Weekday.choices)
    start_time = models.TimeField(_("från"))
    end_time = models.TimeField(_("till"))
    place = models.CharField(
        _("plats på skolan"),
        max_length=120,
        blank=True,
        help_text=_('T.ex. "Biblioteket" eller "Elevhälsans korridor, rum 12".'),
    )

    panels = [
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("place"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("drop-in-tid")
        verbose_name_plural = _("drop-in-tider")

    def __str__(self):
        return f"{self.school}, {self.get_weekday_display()} {self.time_range}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Sluttiden måste vara efter starttiden.")})

    @property
    def time_range(self):
        """Swedish style, no leading zero: "8.30–10.00"."""
        return f"{_clock(self.start_time)}–{_clock(self.end_time)}"


def _clock(time):
    return f"{time.hour}.{time.minute:02d}"
