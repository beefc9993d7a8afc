"""Views of the calendar pages (routed from events/models.py): the event lists, an event with
its sign-up form, the receipt after signing up, and the iCalendar files."""

from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from portal.filters import ListingFilterForm, ObjectChoiceField
from portal.organisation import organisation_name
from portal.pagination import paginate
from taxonomy.models import Topic

from . import ics
from .registration import waitlist_position

RECEIPT_SALT = "events.receipt"
# A receipt link works for a week: long enough to come back to, short enough not to linger.
RECEIPT_MAX_AGE = 7 * 24 * 3600


def event_list(index, request, past):
    topics = list(Topic.objects.filter(events__live=True).distinct().order_by("sort_order"))
    # ?amne= may name any topic (looked up only when given); a missing, malformed or unknown
    # one gives the unfiltered list (portal/filters.py).
    topic = ListingFilterForm(
        request.GET, {"amne": ObjectChoiceField(Topic.objects.all())}
    ).chosen()["amne"]
    events = index.events()
    events = events.past() if past else events.upcoming()
    if topic is not None:
        events = events.filter(topics=topic)
    return index.render(
        request,
        context_overrides={
            "past": past,
            "topics": topics,
            "chosen_topic": topic,
            "events_page": paginate(events, request.GET.get("page"), per_page=12),
            "breadcrumb_current": _("Tidigare evenemang") if past else None,
        },
    )


def calendar_feed(index, request):
    events = index.events().upcoming()[:200]
    return _ics_response(ics.calendar(events, request, index.title), "kalender.ics")


def event_ics(page, request):
    return _ics_response(ics.calendar([page], request, page.title), f"{page.slug}.ics")


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_page(page, request):
    """The event, and its sign-up form while sign-up is open. A valid sign-up is answered
    with a redirect to its receipt (POST-redirect-GET), so a reload sends nothing twice."""
    now = timezone.now()
    form = None
    if page.registration_open(now):
        if request.method == "POST":
            form = page.get_form(request.POST, page=page, user=request.user)
            if form.is_valid():
                registration = page.process_form_submission(form)
                token = receipt_token(registration)
                return HttpResponseRedirect(
                    page.url + page.reverse_subpage("receipt", args=[token])
                )
        else:
            form = page.get_form(page=page, user=request.user)
    return page.render(
        request,
        context_overrides={
            "form": form,
            "registration_state": _registration_state(page, now),
            "json_ld": event_json_ld(page, request),
            "sent_after_closing": request.method == "POST" and form is None,
        },
    )


def _registration_state(page, now):
    if not page.registration_enabled:
        return None
    if not page.registration_open(now):
        return "closed"
    if (
        page.seat_limit is not None
        and page.get_submissions().filter(status="confirmed").count() >= page.seat_limit
    ):
        return "waitlist"
    return "open"


def receipt_token(registration):
    """A signed, expiring reference to a sign-up, in characters Wagtail's page URLs allow."""
    signed = signing.dumps(registration.pk, salt=RECEIPT_SALT)
    return urlsafe_base64_encode(signed.encode())


def registration_receipt(page, request, token):
    try:
        signed = urlsafe_base64_decode(token).decode()
        registration_id = signing.loads(signed, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    except (ValueError, UnicodeDecodeError, signing.BadSignature):
        raise Http404 from None
    registration = page.get_submissions().filter(pk=registration_id).first()
    if registration is None:
        raise Http404
    response = page.render(
        request,
        template="events/registration_receipt.html",
        context_overrides={
            "registration": registration,
            "position": waitlist_position(registration),
            "breadcrumb_current": _("Din anmälan"),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def event_json_ld(page, request):
    """schema.org Event, with times in ISO 8601 with the Swedish offset."""
    organisation = organisation_name(request)
    online = page.attendance_mode == page.AttendanceMode.ONLINE
    location = []
    if not online:
        location.append(
            {
                "@type": "Place",
                "name": page.place or page.title,
                "address": page.address or page.place,
            }
        )
    if page.online_url:
        location.append({"@type": "VirtualLocation", "url": page.online_url})
    mode = {
        page.AttendanceMode.OFFLINE: "OfflineEventAttendanceMode",
        page.AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
        page.AttendanceMode.MIXED: "MixedEventAttendanceMode",
    }[page.attendance_mode]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location[0] if len(location) == 1 else location,
        "organizer": {"@type": "Organization", "name": page.organiser or organisation},
        "inLanguage": "sv",
        "isAccessibleForFree": page.is_free,
        "url": page.get_full_url(request),
    }
    if not location:
        del data["location"]
    return data
