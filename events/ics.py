"""Events as iCalendar (RFC 5545) for calendar programs: one file per event and a feed of the
coming events. Times are written in UTC, which every calendar program understands.

A series (several occasions) is written as one VEVENT per occasion, not as one VEVENT with
RDATEs: RDATE cannot give each occasion its own length, and Outlook and Google Calendar
import separate events reliably. Each keeps its UID from one export to the next (the event's
and the occasion's ids), so importing again or refreshing the feed updates instead of doubling.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

import icalendar

PRODID = "-//Föräldrarådgivningen//Kalender//SV"


def _vevent(page, occasion, count, request, url, stamp):
    vevent = icalendar.Event()
    host = request.get_host()
    # A single occasion keeps the UID events had before they could have several.
    uid = f"event-{page.pk}@{host}" if count == 1 else f"event-{page.pk}-{occasion.pk}@{host}"
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", occasion.start.astimezone(datetime.UTC))
    vevent.add("dtend", occasion.end.astimezone(datetime.UTC))
    if count == 1:
        vevent.add("summary", page.title)
    else:
        vevent.add(
            "summary",
            _("%(title)s (träff %(number)d av %(count)d)")
            % {"title": page.title, "number": occasion.number, "count": count},
        )
    vevent.add("description", f"{page.lead}\n\n{url}")
    location = ", ".join(part for part in (page.place, page.address_line) if part)
    if page.online_url:
        location = f"{location} ({page.online_url})" if location else page.online_url
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("status", "CONFIRMED")
    return vevent


def events(page, request):
    """The VEVENTs of one event: one per occasion."""
    url = page.get_full_url(request)
    stamp = (page.last_published_at or timezone.now()).astimezone(datetime.UTC)
    occasions = page.occasion_list()
    return [_vevent(page, occasion, len(occasions), request, url, stamp) for occasion in occasions]


def calendar(pages, request, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    for page in pages:
        for vevent in events(page, request):
            cal.add_component(vevent)
    return cal.to_ical()
