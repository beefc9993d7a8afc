"""The Aktuellt archive: newest first, ten to a page, filtered with a plain GET form by topic
(?amne=<slug>), area (?omrade=<slug>) and year (?ar=2026), so it works without JavaScript and
every view has its own address.

A value that is not one of the choices offered (an unknown slug, "abc", 99999, a NUL byte, a
very long string) is ignored: that filter counts as unset, the page is never an error. Values
are only ever compared with the choices in Python, never sent to the database
(portal/filters.py).
"""

from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from portal.filters import ListingFilterForm, ObjectChoiceField
from portal.pagination import paginate

from .queries import archive_choices

PER_PAGE = 10


@dataclass
class NewsArchive:
    topics: list
    areas: list
    years: list
    topic: object
    area: object
    year: int | None
    news_page: object

    @property
    def is_filtered(self):
        return bool(self.topic or self.area or self.year)

    @property
    def count(self):
        return self.news_page.paginator.count

    @property
    def description(self):
        """What is shown, e.g. "Nyheter om Skolfrånvaro i Vårby från 2026"."""
        if not self.is_filtered:
            return gettext("Alla nyheter")
        return gettext("Nyheter %(filters)s") % {"filters": self._filters()}

    @property
    def summary(self):
        """The sentence under the heading, e.g. "Nyheter om Skolfrånvaro från 2026, 3 nyheter"."""
        if self.count == 0 and self.is_filtered:
            return gettext("Inga nyheter %(filters)s.") % {"filters": self._filters()}
        count = ngettext("%(count)s nyhet", "%(count)s nyheter", self.count) % {"count": self.count}
        return f"{self.description}, {count}"

    def _filters(self):
        parts = []
        if self.topic:
            parts.append(gettext("om %(topic)s") % {"topic": self.topic.name})
        if self.area:
            parts.append(gettext("i %(area)s") % {"area": self.area.name})
        if self.year:
            parts.append(gettext("från %(year)s") % {"year": self.year})
        return " ".join(parts)


def news_archive(request, news):
    """The archive for the articles `news` (a NewsPage queryset, e.g. one archive's children):
    the choices, what the visitor chose, and the page of articles to show."""
    published = news.published()
    topics, areas, years = archive_choices(published)
    chosen = ListingFilterForm(
        request.GET,
        {
            "amne": ObjectChoiceField(topics),
            "omrade": ObjectChoiceField(areas),
            # A year with news, written as four digits ("2026").
            "ar": ObjectChoiceField(years, key=str),
        },
    ).chosen()
    topic, area, year = chosen["amne"], chosen["omrade"], chosen["ar"]

    shown = published
    if topic is not None:
        shown = shown.filter(topics=topic)
    if area is not None:
        shown = shown.filter(areas=area)
    if year is not None:
        shown = shown.filter(date__year=year)
    news_page = paginate(shown.with_card_data(), request.GET.get("page"), per_page=PER_PAGE)
    return NewsArchive(
        topics=topics,
        areas=areas,
        years=years,
        topic=topic,
        area=area,
        year=year,
        news_page=news_page,
    )
