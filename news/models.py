"""News: the Aktuellt archive (filters, pagination, RSS and Atom feeds) and its articles."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from advice.models import BodyMixin
from portal.blocks import RICH_TEXT_FEATURES
from portal.models import RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin

from .archive import news_archive
from .feeds import NewsAtomFeed, NewsRssFeed, feed_links, topic_or_404
from .queries import NewsPageQuerySet, related_news
from .sharing import news_article_json_ld, news_published

# The archive answers these addresses itself (its feeds), so an article cannot have them.
RESERVED_SLUGS = {"rss", "atom"}
# The page type an article about a course or a group links to. News and the calendar sit on
# the same layer and do not import each other, so the type is named, not imported; the event
# is read through the attributes every event page has (start, end, registration_enabled,
# registration_closes).
EVENT_PAGE_TYPE = "events.EventPage"


def today():
    return timezone.localdate()


class NewsIndexPage(RecordKeepingMixin, ReviewMixin, RoutablePageMixin, Page):
    """Aktuellt: the news below it, newest first, ten to a page, filtered by topic, area and
    year (?amne=…&omrade=…&ar=…), with RSS and Atom feeds of all news and of each topic."""

    intro = RichTextField(_("introduktion"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), ReviewMixin.review_panel]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("nyhetslista")
        verbose_name_plural = _("nyhetslistor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        archive = news_archive(request, NewsPage.objects.child_of(self))
        context["archive"] = archive
        context["news_page"] = archive.news_page
        context["feeds"] = feed_links(self, request, topic=archive.topic)
        return context

    def feed_news(self):
        """The news in this archive's feeds, newest first (news/feeds.py)."""
        return NewsPage.objects.child_of(self).for_feed()

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)

    @path("amne/<slug:topic_slug>/rss/", name="topic_rss")
    def topic_rss_feed(self, request, topic_slug):
        return NewsRssFeed(self, topic_or_404(topic_slug))(request)

    @path("amne/<slug:topic_slug>/atom/", name="topic_atom")
    def topic_atom_feed(self, request, topic_slug):
        return NewsAtomFeed(self, topic_or_404(topic_slug))(request)


class NewsPage(
    RecordKeepingMixin, ReviewMixin, SearchKeywordsMixin, UpdatedDateMixin, BodyMixin, Page
):
    """A news article with date, lead, body, an optional image with caption, and the topics
    and areas it concerns. A featured article is shown first on the start page."""

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
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("ämnen"),
        related_name="news_pages",
        blank=True,
        help_text=_("Samma ämnen som vägledningen. Nyheten kan filtreras och prenumereras på."),
    )
    areas = ParentalManyToManyField(
        "taxonomy.Area",
        verbose_name=_("områden"),
        related_name="news_pages",
        blank=True,
        help_text=_("Lämna tomt om nyheten gäller hela kommunen."),
    )
    featured = models.BooleanField(
        _("utvald: visas överst på startsidan"),
        default=False,
        help_text=_("Startsidan visar de två nyaste utvalda nyheterna."),
    )
    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("evenemang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Handlar nyheten om en kurs, en grupp eller en träff? Välj evenemanget i kalendern. "
            "Nyheten länkar dit och säger när anmälan har stängt, och startsidan slutar visa "
            "nyheten när anmälan har stängt eller evenemanget är över."
        ),
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption")], heading=_("Bild")),
        FieldPanel("body"),
        PageChooserPanel("event", page_type=EVENT_PAGE_TYPE),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("featured"),
            ],
            heading=_("Ämne, område och startsida"),
        ),
        UpdatedDateMixin.updated_date_panel,
        ReviewMixin.review_panel,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        *SearchKeywordsMixin.keyword_search_fields,
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("Adressen används av nyhetsflödena. Välj en annan adress.")}
            )
        if self.event_id and self.event.specific_class._meta.label != EVENT_PAGE_TYPE:
            raise ValidationError({"event": _("Välj ett evenemang i kalendern.")})

    def linked_event(self, now=None):
        """The published event this article is about, with what its news page says of it:
        `status` is "over", "closed" (sign-up has closed), "open" (with `closes`, the last
        moment to sign up) or "" (no sign-up). None without a published event."""
        if not self.event_id:
            return None
        event = self.event.specific
        if not event.live or not hasattr(event, "start"):
            return None
        now = now or timezone.now()
        status, closes = "", None
        if event.end < now:
            status = "over"
        elif event.registration_enabled:
            closes = event.registration_closes
            status = "open" if now < closes else "closed"
        return {"page": event, "status": status, "closes": closes}

    def open_graph(self):
        """Shared as an article, with its date (portal.sharing.social_meta)."""
        return {"type": "article", "published_time": news_published(self).isoformat()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        archive = NewsIndexPage.objects.live().parent_of(self).first()
        context["archive"] = archive
        context["topics"] = list(self.topics.order_by("sort_order", "name"))
        context["areas"] = list(self.areas.order_by("sort_order", "name"))
        context["related_news"] = related_news(self, [topic.pk for topic in context["topics"]])
        context["feeds"] = feed_links(archive, request) if archive else []
        context["json_ld"] = news_article_json_ld(self, request)
        context["event"] = self.linked_event()
        return context

    @property
    def show_updated_date(self):
        """A news item says when it was updated only if that was after its news date."""
        return bool(self.updated_date) and self.updated_date > self.date
