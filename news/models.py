"""News: the Aktuellt index and its articles."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from portal.blocks.outline import body_context
from portal.models import UpdatedDateMixin
from portal.pagination import paginate

from .queries import NewsPageQuerySet


def today():
    return timezone.localdate()


class NewsIndexPage(Page):
    """Aktuellt: lists the news articles below it, newest first, ten to a page."""

    intro = RichTextField(_("introduktion"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("nyhetslista")
        verbose_name_plural = _("nyhetslistor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.for_listing().child_of(self)
        context["news_page"] = paginate(news, request.GET.get("page"), per_page=10)
        return context


class NewsPage(UpdatedDateMixin, Page):
    """A news article with date, lead, body and an optional image with caption."""

    date = models.DateField(
        _("datum"),
        default=today,
        help_text=_("Nyhetens datum. Nyheter sorteras efter det, nyast först."),
    )
    lead = models.TextField(
        _("ingress"),
        max_length=600,
        help_text=_("En eller två meningar som sammanfattar nyheten. Visas också i listor."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Valfri. Skriv alternativtexten i bildbiblioteket."),
    )
    image_caption = models.CharField(
        _("bildtext"),
        max_length=250,
        blank=True,
        help_text=_("Visas under bilden, t.ex. vem som syns och fotograf."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("innehåll"), blank=True)

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption")], heading=_("Bild")),
        FieldPanel("body"),
        UpdatedDateMixin.updated_date_panel,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(body_context(self.body))
        return context

    @property
    def show_updated_date(self):
        """A news item says when it was updated only if that was after its news date."""
        return bool(self.updated_date) and self.updated_date > self.date
