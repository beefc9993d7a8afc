"""The home page and generic standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from advice.models import BodyMixin
from portal.blocks import RICH_TEXT_FEATURES
from portal.models import RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin

from .queries import (
    featured_guidance,
    news_index_and_calendar,
    start_page_news,
    upcoming_events,
)


class HomePage(RecordKeepingMixin, ReviewMixin, Page):
    """The start page: an introduction, the way to one's advisor, featured guidance, the
    featured news and the latest news. One per site, at the root."""

    intro = RichTextField(
        _("introduktion"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Två eller tre meningar om vad föräldrarådgivningen är och för vem."),
    )
    # Read with the start page when the layout shows it (portal_tags.site_root).
    layout_related = ["advisor_directory"]

    advisor_directory = models.ForeignKey(
        "advice.AdvisorDirectoryPage",
        verbose_name=_('sidan "Hitta din föräldrarådgivare"'),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Länkas tydligt från startsidan och sidhuvudet."),
    )
    advisor_directory_text = models.CharField(
        _("text om att hitta sin föräldrarådgivare"),
        max_length=250,
        blank=True,
        help_text=_('T.ex. "Sök på ditt barns skola så ser du vem du kan ringa."'),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [PageChooserPanel("advisor_directory"), FieldPanel("advisor_directory_text")],
            heading=_("Hitta din föräldrarådgivare"),
        ),
        InlinePanel(
            "featured_guidance",
            label=_("utvald vägledning"),
            heading=_("Utvald vägledning"),
            max_num=6,
        ),
        ReviewMixin.review_panel,
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "advice.GuidanceIndexPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "home.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_guidance"] = featured_guidance(self)
        context["featured_news"], context["latest_news"] = start_page_news(self)
        context["upcoming_events"] = upcoming_events(self)
        context["news_index"], context["calendar"] = news_index_and_calendar(self)
        return context


class HomePageFeaturedGuidance(Orderable):
    """A guidance page picked for the start page, in the editor's order."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_guidance")
    page = models.ForeignKey(
        "advice.GuidancePage",
        verbose_name=_("vägledningssida"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("utvald vägledning")
        verbose_name_plural = _("utvald vägledning")


class StandardPage(
    RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin, BodyMixin, Page
):
    """Generic content: about the service, contact, accessibility statement, privacy."""

    lead = models.TextField(
        _("ingress"),
        blank=True,
        max_length=600,
        help_text=_("En eller två meningar som sammanfattar sidan. Visas i större stil."),
    )

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

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardsida")
        verbose_name_plural = _("standardsidor")


# The accessibility statement page type lives in its own module; imported here so Django
# finds its models.
from .accessibility import (  # noqa: E402
    AccessibilityReport,
    AccessibilityShortcoming,
    AccessibilityStatementPage,
)

__all__ = [
    "AccessibilityReport",
    "AccessibilityShortcoming",
    "AccessibilityStatementPage",
    "HomePage",
    "HomePageFeaturedGuidance",
    "StandardPage",
]
