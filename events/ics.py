"""Events as iCalendar (RFC 5545) for calendar programs: one file per event and a feed of the
coming events. Times are written in UTC, which every calendar program understands."""

import datetime

from django.utils import timezone

import icalendar

PRODID = "-//Föräldrarådgivningen//Kalender//SV"


def _event(page, request):
    url = page.get_full_url(request)
    vevent = icalendar.Event()
    vevent.add("uid", f"event-{page.pk}@{request.get_host()}")
    vevent.add("dtstamp", (page.last_published_at or timezone.now()).astimezone(datetime.UTC))
    vevent.add("dtstart", page.start.astimezone(datetime.UTC))
    vevent.add("dtend", page.end.astimezone(datetime.UTC))
    vevent.add("summary", page.title)
    vevent.add("description", f"{page.lead}\n\n{url}")
    location = ", ".join(part for part in (page.place, page.address) if part)
    if page.online_url:
        location = f"{location} ({page.online_url})" if location else page.online_url
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("status", "CONFIRMED")
    return vevent


def calendar(pages, request, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    for page in pages:
        cal.add_component(_event(page, request))
    return cal.to_ical()
