"""Views of the calendar pages (routed from events/models.py): the event lists, an event with
its sign-up form, the receipt after signing up, cancelling, and the iCalendar files.

The public forms (sign-up, cancellation) set no cookie: they are protected by
portal/forms_protection.py (origin check, one-time token, a limit per client). A refused POST
shows the form again with the answers kept and a message in Swedish, and saves nothing.
"""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal.filters import ListingFilterForm, ObjectChoiceField
from portal.forms_protection import TOKEN_FIELD, FormGuard, Refused
from portal.organisation import organisation_name
from portal.pagination import paginate
from taxonomy.models import Topic

from . import ics, links
from .registration import Outcome, cancel
from .submissions import EventRegistration
from .tasks import contact_phone

SIGNUP_GUARD = FormGuard("events.signup")
CANCEL_GUARD = FormGuard("events.cancel")


def event_list(index, request, past):
    topics = list(Topic.objects.filter(events__live=True).distinct().order_by("sort_order"))
    # ?amne= may name any topic (looked up only when given); a missing, malformed or unknown
    # one gives the unfiltered list (portal/filters.py).
    topic = ListingFilterForm(
        request.GET, {"amne": ObjectChoiceField(Topic.objects.swedish())}
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


def _answers_kept(page, request):
    """The sign-up form unbound, filled with what was posted: shown again after a refused POST
    so nothing typed is lost, without error messages for a form that was not checked."""
    form = page.get_form(page=page, user=request.user)
    initial = {}
    for name, field in form.fields.items():
        multiple = getattr(field.widget, "allow_multiple_selected", False)
        if name in request.POST:
            initial[name] = request.POST.getlist(name) if multiple else request.POST.get(name)
    return page.get_form(page=page, user=request.user, initial=initial)


def event_page(page, request):
    """The event, and its sign-up form while sign-up is open. A valid sign-up is answered
    with a redirect to its receipt (POST-redirect-GET); the form's one-time token makes a
    second POST of the same form lead to the same sign-up."""
    now = timezone.now()
    form = None
    refusal = None
    if page.registration_open(now):
        if request.method == "POST":
            try:
                nonce = SIGNUP_GUARD.check(request, page.pk)
            except Refused as refused:
                refusal = refused
                form = _answers_kept(page, request)
            else:
                form = page.get_form(request.POST, page=page, user=request.user)
                if form.is_valid():
                    registration = page.process_form_submission(form, token=nonce)
                    return HttpResponseRedirect(links.receipt_url(page, registration))
        else:
            form = page.get_form(page=page, user=request.user)
    seats_left = page.seats_left() if page.registration_enabled else None
    occasions = page.occasion_list()
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "form_token": SIGNUP_GUARD.token(page.pk) if form is not None else "",
            "token_field": TOKEN_FIELD,
            "refusal": refusal,
            "occasions": occasions,
            "seats_left": seats_left,
            "registration_state": _registration_state(page, now, seats_left),
            "json_ld": event_json_ld(page, request, occasions, seats_left),
            "sent_after_closing": request.method == "POST" and form is None,
        },
    )
    if refusal is not None:
        response.status_code = refusal.status
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
    return response


def _registration_state(page, now, seats_left):
    if not page.registration_enabled:
        return None
    if not page.registration_open(now):
        return "closed"
    if seats_left == 0:
        return "waitlist"
    return "open"


def _noindex(response):
    """One person's receipt or cancellation: not for search engines, and never kept by the
    page cache or a proxy (portal/pagecache.py respects the view's Cache-Control)."""
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response


def registration_receipt(page, request, token):
    """What the person signed up for: a seat or a waiting-list place, what happens next, the
    dates, whom to call, and the link that cancels the sign-up."""
    try:
        registration_id = links.receipt_id(token)
    except links.BadLink:
        raise Http404 from None
    registration = page.get_submissions().filter(pk=registration_id).first()
    if registration is None:
        raise Http404
    cancellable = (
        registration.status != EventRegistration.Status.CANCELLED and page.end >= timezone.now()
    )
    return _noindex(
        page.render(
            request,
            template="events/registration_receipt.html",
            context_overrides={
                "registration": registration,
                "position": registration.waitlist_position(),
                "occasions": page.occasion_list(),
                "phone": contact_phone(page),
                "cancel_path": links.cancel_path(page, registration) if cancellable else "",
                "breadcrumb_current": _("Din anmälan"),
            },
        )
    )


# Cancelling: a GET shows what will be cancelled and a button (a link alone must not cancel:
# mail programs and virus scanners open links in e-mails); the POST cancels.

CANCEL_STATUS = {
    "confirm": 200,
    "done": 200,
    "forged": 404,
    "not_found": 404,
    "already": 410,
    "over": 410,
}


def _cancel_page(page, request, state, registration=None, refusal=None):
    status = refusal.status if refusal else CANCEL_STATUS[state]
    response = page.render(
        request,
        template="events/cancel.html",
        context_overrides={
            "state": state,
            "registration": registration,
            "occasions": page.occasion_list(),
            "phone": contact_phone(page),
            "refusal": refusal,
            "form_token": CANCEL_GUARD.token(registration.pk) if registration else "",
            "token_field": TOKEN_FIELD,
            "breadcrumb_current": _("Avboka anmälan"),
        },
    )
    response.status_code = status
    if refusal is not None and refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return _noindex(response)


def cancel_registration(page, request, token):
    """The page a cancellation link opens. A forged link, one already used, or one used after
    the event gets a page that says so, and nothing changes."""
    try:
        event_id, registration_id = links.cancel_ids(token)
    except links.BadLink:
        return _cancel_page(page, request, "forged")
    if event_id != page.pk:
        return _cancel_page(page, request, "forged")
    registration = page.get_submissions().filter(pk=registration_id).first()
    if registration is None:
        return _cancel_page(page, request, "not_found")
    if registration.status == EventRegistration.Status.CANCELLED:
        return _cancel_page(page, request, "already")
    if page.end < timezone.now():
        return _cancel_page(page, request, "over")
    if request.method != "POST":
        return _cancel_page(page, request, "confirm", registration)
    try:
        CANCEL_GUARD.check(request, registration.pk)
    except Refused as refusal:
        return _cancel_page(page, request, "confirm", registration, refusal)
    result = cancel(page, registration.pk)
    if result.outcome is Outcome.CANCELLED:
        return HttpResponseRedirect(page.url + page.reverse_subpage("cancelled"))
    state = {
        Outcome.ALREADY_CANCELLED: "already",
        Outcome.NOT_FOUND: "not_found",
        Outcome.EVENT_OVER: "over",
    }[result.outcome]
    return _cancel_page(page, request, state)


def registration_cancelled(page, request):
    """After cancelling (POST-redirect-GET): the sign-up is cancelled."""
    return _cancel_page(page, request, "done")


# Structured data


ATTENDANCE_MODES = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}


def postal_address(page):
    """schema.org PostalAddress of the event's place, with what the editor gave."""
    address = {"@type": "PostalAddress"}
    if page.address:
        address["streetAddress"] = page.address
    if page.postal_code:
        address["postalCode"] = page.postal_code
    if page.locality:
        address["addressLocality"] = page.locality
    address["addressCountry"] = "SE"
    return address


def event_json_ld(page, request, occasions=None, seats_left=None):
    """schema.org Event, with times in ISO 8601 with the Swedish offset. A series is one Event
    from the first start to the last end, with each occasion as a subEvent."""
    organisation = organisation_name(request)
    occasions = occasions if occasions is not None else page.occasion_list()
    online = page.attendance_mode == page.AttendanceMode.ONLINE
    location = []
    if not online:
        location.append(
            {"@type": "Place", "name": page.place or page.title, "address": postal_address(page)}
        )
    if page.online_url:
        location.append({"@type": "VirtualLocation", "url": page.online_url})
    url = page.get_full_url(request)
    common = {
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODES[page.attendance_mode]}",
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if location:
        common["location"] = location[0] if len(location) == 1 else location
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        **common,
        "organizer": {"@type": "Organization", "name": page.organiser or organisation},
        "inLanguage": "sv",
        "isAccessibleForFree": page.is_free,
        "url": url,
    }
    if page.registration_enabled and page.seat_limit is not None:
        data["maximumAttendeeCapacity"] = page.seat_limit
        if seats_left is not None:
            data["remainingAttendeeCapacity"] = seats_left
    if len(occasions) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": _("%(title)s, träff %(number)d av %(count)d")
                % {"title": page.title, "number": occasion.number, "count": len(occasions)},
                "startDate": timezone.localtime(occasion.start).isoformat(),
                "endDate": timezone.localtime(occasion.end).isoformat(),
                **common,
                "url": url,
            }
            for occasion in occasions
        ]
    return data
