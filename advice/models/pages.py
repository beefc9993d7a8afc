"""Guidance page types: the föräldrarådgivning hub, guidance pages and the advisor directory
("Hitta din föräldrarådgivare") with its area pages and contact cards."""

from django import forms
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin
from portal.organisation import organisation_name
from portal.restrictions import public
from portal.sharing import subpage_full_url
from taxonomy.models import Area

from ..finder import RESULTS_ID, FinderForm, answer_search
from ..hub import guidance_hub
from ..queries import (
    GuidancePageQuerySet,
    area_with_schools,
    areas_with_advisors,
    published_advisors,
    related_guidance,
    remember_advisor_cards,
    schools_with_areas,
    subpages_and_full_version,
)
from ..structured_data import directory_json_ld
from ..vcard import advisor_vcard
from .body import BodyMixin


class GuidanceIndexPage(
    RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin, BodyMixin, Page
):
    """The föräldrarådgivning hub: introduces the service, leads to the advisor directory and
    lists the guidance pages by topic, filtered by topic and audience (?amne=…&for=…)."""

    lead = models.TextField(_("ingress"), max_length=600, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        UpdatedDateMixin.updated_date_panel,
        ReviewMixin.review_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        *SearchKeywordsMixin.keyword_search_fields,
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["advice.GuidancePage", "advice.AdvisorDirectoryPage"]

    class Meta:
        verbose_name = _("vägledningsstartsida")
        verbose_name_plural = _("vägledningsstartsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guidance = GuidancePage.objects.for_listing().descendant_of(self)
        context.update(guidance_hub(request, guidance))
        context["directory"] = public(AdvisorDirectoryPage.objects.live()).child_of(self).first()
        return context


class GuidancePage(
    RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin, BodyMixin, Page
):
    """Guidance on one subject, e.g. problematic school absence, for the audiences it names.
    A page marked sensitive (placed children, violence, concern about a child) gets the
    "Lämna sidan snabbt" button and leads to the official channels, never to a form."""

    lead = models.TextField(
        _("ingress"),
        max_length=600,
        help_text=_("En eller två meningar om vad sidan hjälper läsaren med."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("ämnen"), related_name="guidance_pages", blank=True
    )
    audiences = ParentalManyToManyField(
        "taxonomy.Audience",
        verbose_name=_("målgrupper"),
        related_name="guidance_pages",
        blank=True,
        help_text=_("Vem sidan är skriven för. Visas överst på sidan."),
    )
    sensitive = models.BooleanField(
        _("känsligt ämne"),
        default=False,
        help_text=_(
            "Kryssa i för sidor om t.ex. placerade barn, våld eller oro för ett barn. Sidan får "
            "knappen ”Lämna sidan snabbt” och rutan ”Behöver du hjälp nu?”."
        ),
    )

    easy_read_version = models.ForeignKey(
        "advice.GuidancePage",
        verbose_name=_("lättläst version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="full_versions",
        help_text=_(
            "En vägledningssida med samma innehåll på lättläst svenska. Sidorna länkar då till "
            "varandra."
        ),
    )

    objects = PageManager.from_queryset(GuidancePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sensitive"),
                FieldPanel("easy_read_version"),
            ],
            heading=_("Målgrupp och ämne"),
        ),
        UpdatedDateMixin.updated_date_panel,
        ReviewMixin.review_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        *SearchKeywordsMixin.keyword_search_fields,
    ]

    parent_page_types = ["advice.GuidanceIndexPage", "advice.GuidancePage"]
    subpage_types = ["advice.GuidancePage"]

    class Meta:
        verbose_name = _("vägledningssida")
        verbose_name_plural = _("vägledningssidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_guidance"] = related_guidance(self)
        # Lättläst, both ways: this page's easy-read version, or the page it is the version of.
        easy_read = self.easy_read_version
        context["easy_read_page"] = easy_read if easy_read is not None and easy_read.live else None
        # The subpages and the full version this page is the easy-read version of, in one query.
        subpages, full_version = subpages_and_full_version(self)
        context["subpages"] = subpages
        context["full_version_page"] = full_version
        return context


class AdvisorDirectoryPage(
    RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, RoutablePageMixin, UpdatedDateMixin, Page
):
    """Hitta din föräldrarådgivare: a finder by school, area or language; one page per area
    (…/varby/) built from the Area snippets; and each advisor's contact card as a vCard.

    The advisors, areas and schools themselves are snippets (menu "Föräldrarådgivare"), so an
    edit there shows on every page at once.
    """

    intro = RichTextField(_("introduktion"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        UpdatedDateMixin.updated_date_panel,
        ReviewMixin.review_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        *SearchKeywordsMixin.keyword_search_fields,
    ]

    parent_page_types = ["advice.GuidanceIndexPage"]
    subpage_types = []
    # One directory per hub: two would split the families' search in two.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("föräldrarådgivarkatalog")
        verbose_name_plural = _("föräldrarådgivarkataloger")

    @path("")
    def finder(self, request):
        form = FinderForm(request.GET or None)
        areas = list(areas_with_advisors())
        advisors = list({a.pk: a for area in areas for a in area.published_advisors}.values())
        # A search shows some of them again: read once (advice/queries.py).
        remember_advisor_cards(advisors)
        # The schools a visitor can find: offered as suggestions in the school field, and
        # what free text in it is matched against.
        schools = list(schools_with_areas())
        context = {
            "form": form,
            "areas": areas,
            "schools": schools,
            "results_id": RESULTS_ID,
            "school_value": form.school_text,
            "json_ld": directory_json_ld(request, self, areas, advisors),
        }
        # A search only when the visitor chose or typed something (or sent something we
        # refuse); otherwise every area with its advisors.
        if form.is_bound and (not form.is_valid() or form.filters()):
            answer = answer_search(form, schools)
            context["answer"] = answer
            context["results"] = answer.advisors
            context["searched"] = True
            if answer.school is not None:
                context["school_value"] = answer.school.name
        return self.render(request, context_overrides=context)

    @path("<slug:area_slug>/", name="area")
    def area(self, request, area_slug):
        area = area_with_schools(area_slug)
        if area is None:
            raise Http404
        advisors = list(published_advisors().filter(areas=area))
        # The area page is a page of its own for search engines: its own canonical address,
        # og:url and GovernmentService url (portal/sharing.py).
        url = subpage_full_url(self, request, "area", area.slug)
        return self.render(
            request,
            template="advice/area_page.html",
            context_overrides={
                "area": area,
                "advisors": advisors,
                "breadcrumb_current": area.name,
                "canonical_url": url,
                "share_title": _("Föräldrarådgivare i %(area)s") % {"area": area.name},
                "json_ld": directory_json_ld(request, self, [area], advisors, url=url),
            },
        )

    @path("kontaktkort/<int:advisor_id>/", name="vcard")
    def vcard(self, request, advisor_id):
        advisor = get_object_or_404(published_advisors(), pk=advisor_id)
        response = HttpResponse(
            advisor_vcard(advisor, organisation_name(request)),
            content_type="text/vcard; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{advisor.vcard_filename}"'
        return response

    def get_sitemap_urls(self, request=None):
        """The finder, and each area's page, last modified when its area was last saved."""
        urls = super().get_sitemap_urls(request)
        for slug, updated_at in (
            Area.objects.swedish().order_by("sort_order").values_list("slug", "updated_at")
        ):
            urls.append(
                {
                    "location": subpage_full_url(self, request, "area", slug),
                    "lastmod": updated_at,
                }
            )
        return urls
