"""RSS 2.0 and Atom feeds of the Aktuellt archive, for all news and for each topic, built with
Django's syndication framework and served by NewsIndexPage's routes (rss/, atom/,
amne/<slug>/rss/, amne/<slug>/atom/). Links and ids are absolute URLs."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext

from portal.organisation import organisation_name, site_name
from portal.sharing import plain_text

from .queries import ordered_topics
from .sharing import news_modified, news_published

FEED_SIZE = 20
RSS = "application/rss+xml"
ATOM = "application/atom+xml"


def topic_or_404(slug):
    topic = ordered_topics().filter(slug=slug).first()
    if topic is None:
        raise Http404
    return topic


def _feed_title(index, topic):
    return f"{index.title}: {topic.name}" if topic else index.title


def feed_links(index, request, topic=None):
    """The archive's feeds for <link rel="alternate"> (`url`, absolute) and the visible
    "Prenumerera" links (`path`): all news, and the chosen topic's news when there is one."""
    full_url = index.get_full_url(request)
    url = index.get_url(request)
    links = []
    for chosen in [None, topic] if topic else [None]:
        title = _feed_title(index, chosen)
        for kind, mime_type, name in [("RSS", RSS, "rss"), ("Atom", ATOM, "atom")]:
            if chosen is None:
                route = index.reverse_subpage(name)
                label = gettext("Prenumerera (%(kind)s)") % {"kind": kind}
            else:
                route = index.reverse_subpage(f"topic_{name}", kwargs={"topic_slug": chosen.slug})
                label = gettext("Prenumerera på %(topic)s (%(kind)s)") % {
                    "topic": chosen.name,
                    "kind": kind,
                }
            links.append(
                {
                    "title": f"{title} ({kind})",
                    "label": label,
                    "type": mime_type,
                    "url": full_url + route,
                    "path": url + route,
                }
            )
    return links


class NewsRssFeed(Feed):
    """The 20 latest published articles of one archive, optionally of one topic only."""

    feed_type = Rss201rev2Feed
    route_name = "rss"

    def __init__(self, index, topic=None):
        self.index = index
        self.topic = topic

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        name = site_name(self.request)
        title = _feed_title(index, self.topic)
        return f"{title} – {name}" if name else title

    def link(self, index):
        url = index.get_full_url(self.request)
        return f"{url}?amne={self.topic.slug}" if self.topic else url

    def feed_url(self, index):
        if self.topic:
            route = index.reverse_subpage(
                f"topic_{self.route_name}", kwargs={"topic_slug": self.topic.slug}
            )
        else:
            route = index.reverse_subpage(self.route_name)
        return index.get_full_url(self.request) + route

    def description(self, index):
        if self.topic:
            return gettext("Nyheter om %(topic)s från %(site)s.") % {
                "topic": self.topic.name,
                "site": site_name(self.request),
            }
        intro = plain_text(index.search_description or index.intro)
        return intro or gettext("Nyheter från %(site)s.") % {"site": site_name(self.request)}

    def author_name(self, index):
        return organisation_name(self.request)

    def items(self, index):
        news = index.feed_news()
        if self.topic:
            news = news.filter(topics=self.topic)
        return news[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read the description as HTML; the lead is plain text.
        return escape(item.lead)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return news_published(item)

    def item_updateddate(self, item):
        return news_modified(item)

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route_name = "atom"

    def subtitle(self, index):
        return self.description(index)
