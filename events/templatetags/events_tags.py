"""{% load events_tags %}: when an event takes place, written the Swedish way."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def event_when(event):
    """ "tisdag 14 januari 2027, 18.00–20.00", or "14 januari 10.00 – 15 januari 2027 16.00"
    for one that goes on over several days (Europe/Stockholm time). For an occasion, or an
    event's whole span."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if start.date() == end.date():
        day = date_format(start, "l j F Y")
        return f"{day}, {date_format(start, 'G.i')}–{date_format(end, 'G.i')}"
    return f"{date_format(start, 'j F G.i')} – {date_format(end, 'j F Y G.i')}"


@register.filter
def event_summary(event):
    """One line for a card: the time of a single occasion, or for a series how many meetings
    and the first: "6 träffar, den första torsdag 14 januari 2027, 17.30–19.00"."""
    occasions = event.occasion_list()
    if len(occasions) == 1:
        return event_when(occasions[0])
    return ngettext(
        "%(count)d träff, den första %(first)s",
        "%(count)d träffar, den första %(first)s",
        len(occasions),
    ) % {"count": len(occasions), "first": event_when(occasions[0])}


@register.filter
def is_past(occasion):
    """Whether an occasion has ended."""
    return occasion.end < timezone.now()
