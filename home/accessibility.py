"""Tillgänglighetsredogörelse: the accessibility statement the law (lag 2018:1937 om
tillgänglighet till digital offentlig service) and DIGG's regulation require, as a page type
with one field per mandatory item, so none can be left out; and the form to report a problem
with the site's accessibility.

DIGG's items: the public body and the service; the compliance status, worded exactly
"helt förenlig", "delvis förenlig" or "inte förenlig"; the known shortcomings, each with the
usage situation and WCAG criterion; disproportionate burden; content outside the law; how the
site was assessed and when; when the statement was last updated; how to report a problem
(here a form, phone and e-mail); and the link to DIGG's complaint service.
"""

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from portal import phone
from portal.forms_protection import NONCE_MAX_LENGTH, TOKEN_FIELD, FormGuard, Refused
from portal.models import RecordKeepingMixin, ReviewMixin

# DIGG's service for reporting a public body's inaccessible digital service.
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"
# A statement older than this is flagged in the admin (DIGG: review it at least once a year).
STALE_AFTER = datetime.timedelta(days=365)
REPORT_GUARD = FormGuard("home.accessibility_report")

wcag_criterion_validator = RegexValidator(
    r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$",
    _('Skriv WCAG-kriteriets nummer, t.ex. "1.1.1" eller "4.1.2".'),
)


class ComplianceStatus(models.TextChoices):
    # The exact wording DIGG prescribes.
    FULL = "helt", "helt förenlig"
    PARTIAL = "delvis", "delvis förenlig"
    NONE = "inte", "inte förenlig"


class AccessibilityStatementPage(RecordKeepingMixin, ReviewMixin, Page):
    """The accessibility statement, one per site, linked from every page's footer (choose it
    under Inställningar → Kontaktuppgifter)."""

    public_body = models.CharField(
        _("myndighet"), max_length=200, help_text=_('T.ex. "Huddinge kommun, socialtjänsten".')
    )
    service_name = models.CharField(
        _("tjänsten"), max_length=200, help_text=_('Webbplatsens namn, t.ex. "Föräldrarådgivning".')
    )
    lead = models.TextField(_("ingress"), max_length=600, blank=True)
    compliance_status = models.CharField(
        _("förenlighet med lagen"), max_length=10, choices=ComplianceStatus.choices
    )
    alternative_access = models.TextField(
        _("om du inte kan använda delar av webbplatsen"),
        help_text=_("Hur man får innehållet i ett annat format, och hur snabbt ni svarar."),
    )
    contact_phone = models.CharField(
        _("telefon"), max_length=30, validators=[phone.validate_phone_number]
    )
    contact_email = models.EmailField(_("e-post"))
    disproportionate_burden = models.TextField(
        _("oskäligt betungande anpassning"),
        help_text=_('Skriv "Vi gör inga undantag …" om det inte finns något.'),
    )
    outside_scope = models.TextField(
        _("innehåll som inte omfattas av lagen"),
        help_text=_('T.ex. "Webbplatsen har inget innehåll som ligger utanför lagens krav."'),
    )
    assessment_method = models.TextField(
        _("så har webbplatsen bedömts"),
        help_text=_("Självskattning eller granskning av någon annan, och hur det gick till."),
    )
    assessed_on = models.DateField(_("senaste bedömningen"))
    statement_updated_on = models.DateField(_("redogörelsen uppdaterades senast"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("public_body"),
                FieldPanel("service_name"),
                FieldPanel("compliance_status"),
            ],
            heading=_("Vem och hur tillgänglig"),
        ),
        InlinePanel("shortcomings", label=_("brist"), heading=_("Kända brister")),
        MultiFieldPanel(
            [
                FieldPanel("alternative_access"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading=_("Kontakt och rapportera problem"),
        ),
        FieldPanel("disproportionate_burden"),
        FieldPanel("outside_scope"),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldRowPanel([FieldPanel("assessed_on"), FieldPanel("statement_updated_on")]),
            ],
            heading=_("Bedömning"),
        ),
        ReviewMixin.review_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # One statement per site: the footer links to it (ContactSettings).
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")
        verbose_name_plural = _("tillgänglighetsredogörelser")

    @property
    def is_stale(self):
        """Older than a year: flagged in the admin (home/wagtail_hooks.py)."""
        return timezone.localdate() - self.statement_updated_on > STALE_AFTER

    def serve(self, request, *args, **kwargs):
        """GET: the statement and the report form (no cookie, a one-time token instead).
        POST: a report; saved once, then a redirect to the thank-you (POST-redirect-GET)."""
        form = AccessibilityReportForm()
        refusal = None
        if request.method == "POST":
            try:
                nonce = REPORT_GUARD.check(request, self.pk)
            except Refused as refused:
                refusal = refused
                form = AccessibilityReportForm(initial=request.POST.dict())
            else:
                form = AccessibilityReportForm(request.POST)
                if form.is_valid():
                    # The same form sent twice (a reload, a double click): the first stands.
                    AccessibilityReport.objects.get_or_create(
                        nonce=nonce, defaults={"page": self, **form.cleaned_data}
                    )
                    return HttpResponseRedirect(self.url + "?skickad=1#rapportera")
        context = self.get_context(request, *args, **kwargs)
        context.update(
            {
                "form": form,
                "refusal": refusal,
                "form_token": REPORT_GUARD.token(self.pk),
                "token_field": TOKEN_FIELD,
                "sent": request.GET.get("skickad") == "1",
                "digg_url": DIGG_COMPLAINT_URL,
            }
        )
        response = TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
        if refusal is not None:
            response.status_code = refusal.status
        return response


class AccessibilityShortcoming(Orderable):
    """A known shortcoming: who it affects, what it is, and the WCAG criterion."""

    page = ParentalKey(
        AccessibilityStatementPage, on_delete=models.CASCADE, related_name="shortcomings"
    )
    usage_situation = models.CharField(
        _("användningssituation"),
        max_length=120,
        help_text=_('Vem det påverkar, t.ex. "För dig som använder skärmläsare".'),
    )
    description = models.TextField(_("brist"), max_length=1000)
    wcag_criterion = models.CharField(
        _("WCAG-kriterium"), max_length=8, validators=[wcag_criterion_validator]
    )
    planned_fix = models.DateField(_("planerad åtgärd senast"), null=True, blank=True)

    panels = [
        FieldPanel("usage_situation"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("wcag_criterion"), FieldPanel("planned_fix")]),
    ]


class AccessibilityReport(models.Model):
    """A visitor's report of an accessibility problem. Only what is needed: the address and
    what does not work; assistive technology and browser if the visitor wants to say."""

    page = models.ForeignKey(
        AccessibilityStatementPage, on_delete=models.CASCADE, related_name="reports"
    )
    url = models.CharField(_("sidans adress"), max_length=500)
    description = models.TextField(_("vad fungerar inte?"), max_length=3000)
    assistive_technology = models.CharField(_("hjälpmedel"), max_length=200, blank=True)
    browser = models.CharField(_("webbläsare"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    # The form's one-time token: the same form sent twice is one report.
    nonce = models.CharField(max_length=NONCE_MAX_LENGTH, unique=True, editable=False)

    class Meta:
        verbose_name = _("rapport om tillgänglighet")
        verbose_name_plural = _("rapporter om tillgänglighet")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.url} ({self.submitted_at:%Y-%m-%d})"


class AccessibilityReportForm(forms.ModelForm):
    class Meta:
        model = AccessibilityReport
        fields = ["url", "description", "assistive_technology", "browser"]
        labels = {
            "url": _("Adressen till sidan med problemet"),
            "description": _("Vad fungerar inte?"),
            "assistive_technology": _("Hjälpmedel du använder, t.ex. skärmläsare"),
            "browser": _("Webbläsare och enhet"),
        }
        help_texts = {
            "url": _("Kopiera adressen från webbläsaren, eller skriv sidans namn."),
            "description": _("Skriv inga uppgifter om dig själv eller din familj."),
        }
        widgets = {
            "url": forms.TextInput(attrs={"autocomplete": "url", "inputmode": "url"}),
            "description": forms.Textarea(attrs={"rows": 5, "autocomplete": "off"}),
            "assistive_technology": forms.TextInput(attrs={"autocomplete": "off"}),
            "browser": forms.TextInput(attrs={"autocomplete": "off"}),
        }
