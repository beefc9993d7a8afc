"""The public POSTs: an answer to "Var informationen till din hjälp?", the comment after it,
and a call-back request.

Like the event sign-up, these forms set no cookie and are protected by
portal/forms_protection.py (a limit per client, the origin, a one-time token). Without
JavaScript each POST ends in a redirect back to the page, where the answer's thank-you shows at
the form's place (`?tack=…#feedback`); feedback.js posts the same form with fetch and asks for
the form's new state as an HTML fragment (header FRAGMENT_HEADER), which it swaps in place.
No session or messages framework, which would set a cookie.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from portal.forms_protection import TOKEN_FIELD, FormGuard, Refused, refused_response

from . import tasks
from .forms import HONEYPOT_FIELD, TOO_LONG, CallbackForm, CommentForm
from .models import COMMENT_MAX_LENGTH, PageFeedback
from .scrub import scrub

ANSWER_GUARD = FormGuard("feedback.answer")
COMMENT_GUARD = FormGuard("feedback.comment")
CALLBACK_GUARD = FormGuard("feedback.callback")
FRAGMENT_HEADER = "HTTP_X_PAGE_FEEDBACK"
ANSWERS = {"ja": True, "nej": False}
# The query flag of the thank-you: a signed reference to the answer while a comment may be
# added, DONE after it.
THANKS_PARAM = "tack"
DONE = "klar"
ERROR_PARAM = "fel"
REFERENCE_SALT = "feedback.answer-reference"
# A comment may be added within a day of the answer.
REFERENCE_MAX_AGE = 24 * 60 * 60
ANCHOR = "feedback"
CALLBACK_ANCHOR = "bli-kontaktad"
CALLBACK_THANKS = "kontakt"


def answer_reference(feedback):
    return signing.dumps(feedback.pk, salt=REFERENCE_SALT, compress=True)


def answer_from_reference(reference):
    """The answer a thank-you link refers to, or None (forged, old or deleted)."""
    try:
        pk = signing.loads(reference, salt=REFERENCE_SALT, max_age=REFERENCE_MAX_AGE)
    except signing.BadSignature:
        return None
    return PageFeedback.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def feedback_state(request, page):
    """What the feedback box shows on a GET: the question, the comment form after an answer,
    or the thanks after a comment."""
    thanks = request.GET.get(THANKS_PARAM, "")
    if thanks == DONE:
        return {"state": "done"}
    if thanks:
        feedback = answer_from_reference(thanks)
        if feedback is not None and feedback.page_id == page.pk and not feedback.comment:
            errors = []
            if request.GET.get(ERROR_PARAM) == "lang":
                errors = [ValidationError(TOO_LONG, params={"limit_value": COMMENT_MAX_LENGTH})]
            return {"state": "comment", "feedback": feedback, "comment_errors": errors}
        if feedback is not None:
            return {"state": "done"}
    return {"state": "ask"}


def box_context(request, page, state):
    """The context of templates/feedback/page_feedback.html."""
    context = {
        "request": request,
        "page": page,
        "token_field": TOKEN_FIELD,
        "honeypot_field": HONEYPOT_FIELD,
        "anchor": ANCHOR,
        **state,
    }
    if state["state"] == "ask":
        context["form_token"] = ANSWER_GUARD.token(page.pk)
    elif state["state"] == "comment":
        feedback = state["feedback"]
        context["form_token"] = COMMENT_GUARD.token(feedback.pk)
        context["reference"] = answer_reference(feedback)
        form = state.get("comment_form")
        if form is None and state.get("comment_errors"):
            # After a refused comment without JavaScript (?fel=lang): the message at the field.
            form = CommentForm(data={})
            form.is_valid()
            for error in state["comment_errors"]:
                form.add_error("comment", error)
        context["comment_form"] = form or CommentForm()
    return context


def _wants_fragment(request):
    return request.META.get(FRAGMENT_HEADER) == "1"


def _fragment(request, page, state, status=200):
    html = render_to_string(
        "feedback/page_feedback.html", box_context(request, page, state), request=request
    )
    response = HttpResponse(html, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _back_to(page, request, thanks, **extra):
    query = urlencode({THANKS_PARAM: thanks, **extra})
    return HttpResponseRedirect(f"{page.get_url(request)}?{query}#{ANCHOR}")


def _refused(request, refusal, page=None, state=None):
    """A refused POST: the box with the message (JavaScript), or the refusal page."""
    if _wants_fragment(request) and page is not None:
        response = _fragment(
            request, page, {**(state or {"state": "ask"}), "refusal": refusal}, refusal.status
        )
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    return refused_response(request, refusal)


def _live_page(value):
    # ASCII digits only: "²".isdigit() is true, but int("²") fails.
    if not (value.isascii() and value.isdigit()):
        return None
    return Page.objects.live().filter(pk=int(value)).first()


def _no_page():
    return Refused(
        400,
        _(
            "Vi hittar inte sidan som svaret gäller, så det sparades inte. Den kan ha tagits "
            "bort. Ladda om sidan och försök igen."
        ),
        "unknown page",
    )


@require_POST
def answer(request):
    """Ja or Nej for a page. Saved once per form (a reload or double click finds the same
    answer); then the comment form."""
    page_key = request.POST.get("page", "")[:20]
    try:
        nonce = ANSWER_GUARD.check(request, page_key)
    except Refused as refusal:
        return _refused(request, refusal, _live_page(page_key))
    page = _live_page(page_key)
    if page is None:
        return _refused(request, _no_page())
    if request.POST.get(HONEYPOT_FIELD):
        return (
            _fragment(request, page, {"state": "done"})
            if _wants_fragment(request)
            else _back_to(page, request, DONE)
        )
    helpful = ANSWERS.get(request.POST.get("svar", ""))
    if helpful is None:
        refusal = Refused(400, _("Välj Ja eller Nej. Inget sparades."), "no answer")
        return _refused(request, refusal, page)
    feedback, _created = PageFeedback.objects.get_or_create(
        form_token=nonce,
        defaults={
            "page": page,
            "helpful": helpful,
            "language": translation.get_language() or "",
        },
    )
    if _wants_fragment(request):
        return _fragment(request, page, {"state": "comment", "feedback": feedback})
    return _back_to(page, request, answer_reference(feedback))


@require_POST
def comment(request):
    """The optional comment to an answer just given, scrubbed, added once."""
    reference = request.POST.get("svar", "")[:200]
    feedback = answer_from_reference(reference)
    key = feedback.pk if feedback is not None else "none"
    try:
        COMMENT_GUARD.check(request, key)
    except Refused as refusal:
        page = feedback.page if feedback is not None else None
        state = {"state": "comment", "feedback": feedback} if feedback else None
        return _refused(request, refusal, page, state)
    if feedback is None:
        return _refused(request, _no_page())
    page = feedback.page
    if request.POST.get(HONEYPOT_FIELD):
        return (
            _fragment(request, page, {"state": "done"})
            if _wants_fragment(request)
            else _back_to(page, request, DONE)
        )
    form = CommentForm(request.POST)
    if not form.is_valid():
        if _wants_fragment(request):
            state = {"state": "comment", "feedback": feedback, "comment_form": form}
            return _fragment(request, page, state, status=400)
        return _back_to(page, request, reference, **{ERROR_PARAM: "lang"})
    text = scrub(form.cleaned_data["comment"])
    if text:
        with transaction.atomic():
            # Only the first comment counts; the row is locked so two POSTs cannot both add.
            row = PageFeedback.objects.select_for_update().get(pk=feedback.pk)
            if not row.comment:
                row.comment = text
                row.save(update_fields=["comment"])
    if _wants_fragment(request):
        return _fragment(request, page, {"state": "done"})
    return _back_to(page, request, DONE)


# Call-back requests


def _safe_next(request):
    """Where to go back to after a call-back request: a path on this site, or None."""
    target = (request.POST.get("next", "") or request.GET.get("next", ""))[:1000]
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target.split("#")[0].split("?")[0]
    return None


def callback_context(request, form=None, next_url=None, refusal=None):
    return {
        "form": form or CallbackForm(),
        "form_token": CALLBACK_GUARD.token(),
        "token_field": TOKEN_FIELD,
        "honeypot_field": HONEYPOT_FIELD,
        "next_url": next_url,
        "refusal": refusal,
        "anchor": CALLBACK_ANCHOR,
        "handled_days": settings.CALLBACK_REQUEST_RETENTION_DAYS,
        "max_days": settings.CALLBACK_REQUEST_MAX_AGE_DAYS,
    }


@require_http_methods(["GET", "POST"])
def callback(request):
    """Bli kontaktad. A GET shows the form on a page of its own; a valid POST saves the
    request, tells the area's advisors, and goes back to the page it came from, where the
    thanks show. A refused POST shows the form again with the answers and saves nothing."""
    next_url = _safe_next(request)
    if request.method == "GET":
        form = CallbackForm(initial={"area": request.GET.get("omrade")})
        return _callback_page(request, form, next_url)
    try:
        nonce = CALLBACK_GUARD.check(request)
    except Refused as refusal:
        return _callback_page(request, CallbackForm(request.POST), next_url, refusal)
    if request.POST.get(HONEYPOT_FIELD):
        return _callback_done(request, next_url)
    form = CallbackForm(request.POST)
    if not form.is_valid():
        return _callback_page(request, form, next_url, status=400)
    with transaction.atomic():
        saved, created = form.save(nonce)
        if created:
            transaction.on_commit(lambda: tasks.notify_advisors.enqueue(saved.pk), robust=True)
    return _callback_done(request, next_url)


def _callback_done(request, next_url):
    target = next_url or request.path
    return HttpResponseRedirect(f"{target}?{CALLBACK_THANKS}=tack#{CALLBACK_ANCHOR}")


def _callback_page(request, form, next_url, refusal=None, status=200):
    context = callback_context(request, form, next_url, refusal)
    context["thanks"] = request.GET.get(CALLBACK_THANKS) == "tack"
    response = render(request, "feedback/callback_page.html", context, status=status)
    if refusal is not None:
        response.status_code = refusal.status
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
    response["X-Robots-Tag"] = "noindex"
    return response
