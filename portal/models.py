"""Cross-cutting models: the site's contact settings and the "Senast uppdaterad" date that
content pages share."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import PagePermissionTester

from .phone import validate_phone_number, validate_phone_or_short_number


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """Contact details shown in the footer of every page and on the 404 page.

    One record per site, edited under Inställningar → Kontaktuppgifter.
    """

    organisation_name = models.CharField(
        _("organisation"),
        max_length=120,
        blank=True,
        help_text=_('Den som ansvarar för webbplatsen, t.ex. "Huddinge kommun, socialtjänsten".'),
    )
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("Det allmänna numret, t.ex. 070-174 06 05."),
    )
    phone_hours = models.CharField(
        _("telefontider"),
        max_length=200,
        blank=True,
        help_text=_('T.ex. "Måndag–fredag 8.00–16.30".'),
    )
    email = models.EmailField(
        _("e-post"),
        blank=True,
        help_text=_("En funktionsbrevlåda, inte en persons adress."),
    )
    visiting_address = models.CharField(
        _("besöksadress"),
        max_length=200,
        blank=True,
    )
    postal_address = models.CharField(
        _("postadress"),
        max_length=200,
        blank=True,
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("kontaktsida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Länkas som "Kontakt" i sidhuvudet och sidfoten på varje sida.'),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Lagen kräver en länk till tillgänglighetsredogörelsen från varje sida."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personuppgiftssida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sidan om hur personuppgifter behandlas."),
    )

    select_related = ["contact_page", "accessibility_page", "privacy_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("phone"),
                FieldPanel("phone_hours"),
                FieldPanel("email"),
                FieldPanel("visiting_address"),
                FieldPanel("postal_address"),
            ],
            heading=_("Kontaktuppgifter"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("contact_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("privacy_page"),
            ],
            heading=_("Sidor som länkas från varje sida"),
        ),
    ]

    class Meta:
        verbose_name = _("kontaktuppgifter")
        verbose_name_plural = _("kontaktuppgifter")

    def __str__(self):
        return str(self.organisation_name or self._meta.verbose_name)


class HelpLineBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("vem"), max_length=80, help_text=_('T.ex. "Socialjouren (kvällar och helger)".')
    )
    phone = blocks.CharBlock(
        label=_("telefon"),
        required=False,
        max_length=30,
        validators=[validate_phone_or_short_number],
        help_text=_("T.ex. 070-174 06 05 eller 116 111."),
    )
    text = blocks.CharBlock(
        label=_("kort förklaring"),
        required=False,
        max_length=160,
        help_text=_('T.ex. "För barn och unga, gratis och anonymt".'),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("nummer")


@register_setting(icon="warning")
class HelpNowSettings(BaseSiteSetting):
    """ "Behöver du hjälp nu?": numbers for urgent situations, shown where editors add the
    block of that name, on pages marked sensitive, and in the footer. 112 is always listed
    first and needs no entry here."""

    heading = models.CharField(_("rubrik"), max_length=80, default="Behöver du hjälp nu?")
    lines = StreamField(
        [("line", HelpLineBlock())],
        verbose_name=_("nummer"),
        blank=True,
        help_text=_("T.ex. socialjouren, föräldrarådgivningen och en stödlinje för barn."),
    )
    concern_text = models.CharField(
        _("länktext för orosanmälan"),
        max_length=120,
        blank=True,
        help_text=_('T.ex. "Så gör du en orosanmälan till socialtjänsten".'),
    )
    concern_url = models.URLField(
        _("adress för orosanmälan"),
        blank=True,
        help_text=_("Kommunens officiella sida eller e-tjänst för orosanmälan."),
    )
    quick_exit_url = models.URLField(
        _("neutral webbplats för ”Lämna sidan snabbt”"),
        default="https://www.smhi.se/",
        help_text=_("Dit knappen leder på känsliga sidor, t.ex. en vädertjänst."),
    )

    panels = [
        FieldPanel("heading"),
        FieldPanel("lines"),
        MultiFieldPanel(
            [FieldPanel("concern_text"), FieldPanel("concern_url")], heading=_("Orosanmälan")
        ),
        FieldPanel("quick_exit_url"),
    ]

    class Meta:
        verbose_name = _("hjälp nu")
        verbose_name_plural = _("hjälp nu")

    def __str__(self):
        return str(self.heading)


class UpdatedDateMixin(models.Model):
    """The editor-controlled "Senast uppdaterad" date of a content page.

    On each publication the date becomes the publication day, unless the editor ticks
    "keep the date" (a typo fix should not make old guidance look new). The tick applies to
    that one publication only; see portal/signals.py.
    """

    updated_date = models.DateField(
        _("senast uppdaterad"),
        null=True,
        blank=True,
        help_text=_(
            'Visas som "Senast uppdaterad" på sidan. Sätts till publiceringsdagen varje gång '
            "sidan publiceras, om du inte kryssar i rutan nedan."
        ),
    )
    keep_updated_date = models.BooleanField(
        _("behåll datumet vid nästa publicering"),
        default=False,
        help_text=_(
            "Kryssa i vid små ändringar, t.ex. ett rättat stavfel, så att datumet ovan står kvar. "
            "Rutan nollställs efter publiceringen."
        ),
    )

    updated_date_panel = MultiFieldPanel(
        [FieldPanel("updated_date"), FieldPanel("keep_updated_date")],
        heading=_("Senast uppdaterad"),
    )

    class Meta:
        abstract = True


class RecordKeepingPermissionTester(PagePermissionTester):
    """Wagtail's rules, with one change: a page that has ever been published is a public
    record (allmän handling), so only administrators may delete it, or a part of the tree
    that holds one. Everyone else unpublishes; the page and its revisions stay."""

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser:
            return True
        subtree = self.page.get_descendants(inclusive=True)
        return not subtree.filter(
            models.Q(live=True) | models.Q(first_published_at__isnull=False)
        ).exists()


class RecordKeepingMixin:
    """For every page type of the site: deleting published pages is for administrators
    only (see RecordKeepingPermissionTester). Wagtail asks the specific page class, so the
    delete view, the bulk delete, the page listing and the editor's menu all follow it."""

    def permissions_for_user(self, user):
        return RecordKeepingPermissionTester(user, self)
