"""Cross-cutting models: the site's contact settings, and what content pages share: the
"Senast uppdaterad" date, the owner and review date, and the rule on deleting published pages."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import PagePermissionTester
from wagtail.search import index

from .phone import validate_phone_number, validate_phone_or_short_number


class SiteWideSetting(BaseSiteSetting):
    """A site setting every page shows: kept across public requests (pagecache.site_wide)
    with the rows it links to (`select_related`) until it or anything site-wide changes."""

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        from portal import pagecache

        if site is None:
            return super().for_site(site)
        read = super().for_site
        return pagecache.site_wide(f"setting:{cls._meta.label}:{site.pk}", lambda: read(site))


@register_setting(icon="mail")
class ContactSettings(SiteWideSetting):
    """Contact details shown in the footer of every page and on the 404 page.

    One record per site, edited under Inställningar → Kontaktuppgifter.
    """

    organisation_name = models.CharField(
        _("organisation"),
        max_length=120,
        blank=True,
        help_text=_('Den som ansvarar för webbplatsen, t.ex. "Huddinge kommun, socialtjänsten".'),
    )
    organisation_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organisationens logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Visas liten i sidhuvudet bredvid organisationens namn. Skriv alternativtexten i "
            'bildbiblioteket, t.ex. "Huddinge kommuns logotyp".'
        ),
    )
    organisation_url = models.URLField(
        _("organisationens webbplats"),
        blank=True,
        help_text=_(
            "Huvudwebbplatsen, t.ex. https://www.huddinge.se/. Organisationens namn och "
            "logotyp i sidhuvudet länkar dit."
        ),
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

    select_related = ["contact_page", "accessibility_page", "privacy_page", "organisation_logo"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_logo"),
                FieldPanel("organisation_url"),
            ],
            heading=_("Organisationen bakom tjänsten"),
        ),
        MultiFieldPanel(
            [
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

    def clean(self):
        super().clean()
        # The logo needs its own alt text (the image library's description), not the file's
        # title that Wagtail would fall back on.
        logo = self.organisation_logo
        if logo is not None and not (getattr(logo, "description", "") or "").strip():
            raise ValidationError(
                {
                    "organisation_logo": _(
                        "Logotypen saknar alternativtext. Skriv den i bildbiblioteket och "
                        "välj sedan bilden igen."
                    )
                }
            )


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
class HelpNowSettings(SiteWideSetting):
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
    concern_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida om orosanmälan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Sidan på webbplatsen som förklarar hur man gör en orosanmälan. Länken visas bara "
            "när sidan är publicerad."
        ),
    )
    concern_url = models.URLField(
        _("adress för orosanmälan på en annan webbplats"),
        blank=True,
        help_text=_(
            "Bara om ingen sida är vald ovan: kommunens officiella sida eller e-tjänst för "
            "orosanmälan."
        ),
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
            [
                FieldPanel("concern_text"),
                PageChooserPanel("concern_page"),
                FieldPanel("concern_url"),
            ],
            heading=_("Orosanmälan"),
        ),
        FieldPanel("quick_exit_url"),
    ]

    select_related = ["concern_page"]

    class Meta:
        verbose_name = _("hjälp nu")
        verbose_name_plural = _("hjälp nu")

    def __str__(self):
        return str(self.heading)

    def concern_link(self, current_page=None, request=None):
        """Where "Är du orolig för ett barn?" leads: the site's own page on reports of concern
        while it is published, else the address of another site; "" for none, and on that
        page itself."""
        page = self.concern_page
        if page is not None and current_page is not None and current_page.pk == page.pk:
            return ""
        if page is not None and page.live:
            return page.get_url(request)
        return self.concern_url


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


# How far ahead "granskas senast" lies: a new page's default, and the warning window in which
# a page counts as due (report, dashboard).
REVIEW_INTERVAL = datetime.timedelta(days=365)
REVIEW_DUE_WITHIN = datetime.timedelta(days=30)

REVIEW_OVERDUE = "overdue"
REVIEW_DUE = "due"
REVIEW_OK = "ok"
REVIEW_MISSING = "missing"
REVIEW_STATUS_LABELS = {
    REVIEW_OVERDUE: _("Försenad"),
    REVIEW_DUE: _("Granskas inom 30 dagar"),
    REVIEW_OK: _("I tid"),
    REVIEW_MISSING: _("Ansvarig eller datum saknas"),
}


def default_review_by():
    """A new page is reviewed a year after it is created, unless the editor says otherwise."""
    return timezone.localdate() + REVIEW_INTERVAL


def review_status(review_by, has_owner, today=None):
    """ "overdue", "due", "ok" or "missing" for a page's review date and ownership.

    A passed or near date comes first, since it asks for action now; a missing owner or date
    only counts when the date itself gives no reason to act.
    """
    today = today or timezone.localdate()
    if review_by is None:
        return REVIEW_MISSING
    if review_by < today:
        return REVIEW_OVERDUE
    if review_by <= today + REVIEW_DUE_WITHIN:
        return REVIEW_DUE
    return REVIEW_OK if has_owner else REVIEW_MISSING


def recipient_emails(user, group_members):
    """Where an owner's reminders go: the responsible person, if active and with an e-mail
    address; otherwise the active members of the responsible group that have one.

    The person comes first because they were chosen by name; the group takes over when the
    person has left (inactive) or cannot be reached, so a reminder is never lost.
    """
    if user is not None and user.is_active and user.email:
        return [user.email]
    emails = {}
    for member in group_members or ():
        if member.is_active and member.email:
            # Two accounts may share an address; one e-mail is enough.
            emails.setdefault(member.email.lower(), member.email)
    return sorted(emails.values(), key=str.lower)


class ReviewMixin(models.Model):
    """Who answers for a content page, and when it is to be reviewed at the latest.

    The owner is a person, a group, or both, chosen by the editor: Wagtail's own `owner`
    field is whoever created the page, which says nothing about who keeps it correct.
    At least one owner is recommended, not required (pages from before this field have
    none); the editor checks warn. Like the rest of the page, the fields take effect when
    the page is published. `remind_reviews` e-mails the owners of overdue pages.
    """

    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Den som ser till att sidan stämmer. Behöver inte vara du som skapar sidan."),
    )
    responsible_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("ansvarig grupp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "T.ex. Föräldrarådgivare eller Kommunikatörer. Om ingen person är vald, eller "
            "personen har slutat, får alla i gruppen påminnelsen."
        ),
    )
    review_by = models.DateField(
        _("granskas senast"),
        null=True,
        blank=True,
        default=default_review_by,
        help_text=_(
            "När datumet har passerat får den ansvariga en påminnelse via e-post. Läs igenom "
            "sidan, rätta det som behövs och flytta fram datumet när du publicerar."
        ),
    )

    review_panel = MultiFieldPanel(
        [
            FieldPanel("responsible_user"),
            FieldPanel("responsible_group"),
            FieldPanel("review_by"),
        ],
        heading=_("Ansvar och granskning"),
        help_text=_("Välj minst en ansvarig: en person, en grupp eller båda."),
    )

    class Meta:
        abstract = True

    @property
    def has_review_owner(self):
        return bool(self.responsible_user_id or self.responsible_group_id)

    def review_status(self, today=None):
        """ "overdue", "due" (within 30 days), "ok" or "missing" (no date, or no owner)."""
        return review_status(self.review_by, self.has_review_owner, today)

    def review_status_label(self, today=None):
        return REVIEW_STATUS_LABELS[self.review_status(today)]

    def review_recipients(self):
        """The e-mail addresses reminders about this page go to (see recipient_emails)."""
        members = ()
        if self.responsible_group_id:
            members = self.responsible_group.user_set.filter(is_active=True).exclude(email="")
        return recipient_emails(self.responsible_user, members)


class RecordKeepingPermissionTester(PagePermissionTester):
    """Wagtail's rules, with one change: a page that has ever been published is a public
    record (allmän handling), so only administrators may delete it, or a part of the tree
    that holds one. Everyone else unpublishes; the page and its revisions stay."""

    def can_move(self):
        # Wagtail lets whoever may delete a page move it. Moving keeps the page and its
        # revisions, so it follows Wagtail's own deletion rule, not the stricter one below.
        return super().can_delete(ignore_bulk=True)

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

    def get_view_restrictions(self):
        """Wagtail's check before serving: no query when routing already knows the page is
        in no private section (portal/restrictions.py)."""
        from portal import restrictions

        return restrictions.for_page(self, super().get_view_restrictions)


class SearchKeywordsMixin(models.Model):
    """Words parents search with that the page itself may not use ("skolk", "hemmasittare"
    for the guidance on school absence). Indexed with the page, weighted like its title, never
    shown. On the "Marknadsför" tab, beside the search engine description."""

    search_keywords = models.CharField(
        _("sökord och synonymer"),
        max_length=500,
        blank=True,
        help_text=_(
            "Ord som föräldrar kan söka med men som inte står på sidan, åtskilda med "
            'kommatecken, t.ex. "skolk, hemmasittare, ogiltig frånvaro". Visas inte på sidan.'
        ),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("search_keywords"),
            ],
            _("För sökmotorer och webbplatsens sök"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], _("För webbplatsens menyer")),
    ]

    # Added to a page type's search_fields; boosted like a title.
    keyword_search_fields = [index.SearchField("search_keywords", boost=5)]

    class Meta:
        abstract = True


class TranslationOrigin(models.Model):
    """Which version of the Swedish page a translation was made from: the Swedish page's
    "Senast uppdaterad" date when the translation was last published (portal/signals.py).
    A Swedish update after that date, and not a typo fix that kept its date, makes the
    translated page say that the Swedish page has changed since."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_origin"
    )
    source_date = models.DateField(_("den svenska sidans datum"))

    class Meta:
        verbose_name = _("översättningens ursprung")
        verbose_name_plural = _("översättningarnas ursprung")

    def __str__(self):
        return f"{self.page_id}: {self.source_date}"
