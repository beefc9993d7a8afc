"""{% load events_tags %}: when an event takes place, written the Swedish way."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format

register = template.Library()


@register.filter
def event_when(event):
    """ "tisdag 14 januari 2027, 18.00–20.00", or "14 januari 10.00 – 15 januari 2027 16.00"
    for an event over several days (Europe/Stockholm time)."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if start.date() == end.date():
        day = date_format(start, "l j F Y")
        return f"{day}, {date_format(start, 'G.i')}–{date_format(end, 'G.i')}"
    return f"{date_format(start, 'j F G.i')} – {date_format(end, 'j F Y G.i')}"
