"""The admin side: the feedback report (with CSV and a chart), the review queue that puts the
least helpful pages first, and the call-back requests, which only the advisory team sees.

Call-back requests are personal data of families asking social services for contact: only
users with `feedback.view_callbackrequest` (Föräldrarådgivare, and administrators) open them,
others get 403 with the reason; every look at a request and every "handled" is written to
Wagtail's audit log, and the request's page lists who looked when.
"""

import csv
import datetime

from django import forms
from django.conf import settings
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page
from wagtail.permissions import policy_registry

from editorial.review import attach_review_details, review_pages
from portal.admin_views import forbidden

from . import report
from .models import CallbackRequest, PageFeedback

PERMISSION = "feedback.view_callbackrequest"
LOG_VIEW = "feedback.callback.view"
LOG_HANDLED = "feedback.callback.handled"
PERIODS = [
    ("30", gettext_lazy("Senaste 30 dagarna")),
    ("90", gettext_lazy("Senaste 90 dagarna")),
    ("180", gettext_lazy("Senaste halvåret")),
    ("365", gettext_lazy("Senaste året")),
]
DEFAULT_PERIOD = "90"


def may_see_callbacks(user):
    return user.is_active and user.has_perm(PERMISSION)


def may_see_reports(user):
    """Those who write or publish pages: the same as "Sidor att granska"."""
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, ["add", "change", "publish"]
    )


def _refuse_report(request):
    return forbidden(
        request, _("Rapporten är till för dem som skriver eller publicerar sidor på webbplatsen.")
    )


# --- The feedback report ---------------------------------------------------------------------


def sections():
    """The sections of the site: the pages directly under each site's start page."""
    roots = Page.objects.filter(sites_rooted_here__isnull=False)
    children = Page.objects.none()
    for root in roots:
        children |= Page.objects.child_of(root)
    return children.order_by("path")


class ReportFilterForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Period"), choices=PERIODS, required=False)
    from_date = forms.DateField(
        label=gettext_lazy("Från och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    to_date = forms.DateField(
        label=gettext_lazy("Till och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    section = forms.ModelChoiceField(
        label=gettext_lazy("Avdelning"),
        queryset=Page.objects.none(),
        required=False,
        empty_label=gettext_lazy("Hela webbplatsen"),
    )
    language = forms.ChoiceField(label=gettext_lazy("Språk"), required=False)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections()
        names = dict(settings.LANGUAGES)
        used = PageFeedback.objects.order_by().values_list("language", flat=True).distinct()
        codes = sorted(set(names) | set(used))
        self.fields["language"].choices = [("", _("Alla språk"))] + [
            (code, names.get(code, code)) for code in codes
        ]

    def dates(self):
        """(start, end) dates, both included. Dates given win over the preset; a bad value
        falls back to the last 90 days rather than failing."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        days = int(data.get("period") or DEFAULT_PERIOD)
        start = data.get("from_date") or today - datetime.timedelta(days=days - 1)
        end = data.get("to_date") or today
        if start > end:
            start, end = end, start
        return start, end

    def feedback(self):
        start, end = self.dates()
        feedback = PageFeedback.objects.filter(created_on__range=(start, end))
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("section") is not None:
            feedback = feedback.filter(page__path__startswith=data["section"].path)
        if data.get("language"):
            feedback = feedback.filter(language=data["language"])
        if data.get("page"):
            feedback = feedback.filter(page_id=data["page"])
        return feedback


def feedback_report(request):
    if not may_see_reports(request.user):
        return _refuse_report(request)
    form = ReportFilterForm(request.GET or None)
    start, end = form.dates()
    feedback = form.feedback()
    order = "answers" if request.GET.get("ordning") == "svar" else "share"
    scores = report.page_scores(feedback, order=order)
    if request.GET.get("format") == "csv":
        return _csv(scores, start, end)
    points = report.over_time(feedback, start, end)
    total = sum(s.answers for s in scores)
    yes = sum(s.yes for s in scores)
    chosen_page = None
    if form.is_valid() and form.cleaned_data.get("page"):
        chosen_page = Page.objects.filter(pk=form.cleaned_data["page"]).first()
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "feedback/admin/report.html",
        {
            "page_title": _("Var informationen till din hjälp?"),
            "header_icon": "help",
            "form": form,
            "start": start,
            "end": end,
            "scores": scores,
            "total": total,
            "share": round(100 * yes / total) if total else None,
            "points": points,
            "chart": report.chart(points) if points else None,
            "chosen_page": chosen_page,
            "csv_query": query.urlencode(),
            "min_answers": report.MIN_ANSWERS,
        },
    )


def _cell(value):
    """A spreadsheet must never read a comment as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _csv(scores, start, end):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="aterkoppling-{start:%Y-%m-%d}-{end:%Y-%m-%d}.csv"'
    )
    response.write("\ufeff")  # Excel with Swedish settings reads UTF-8 only with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Sida"), _("Adress"), _("Svar"), _("Ja"), _("Nej"), _("Andel ja (%)"), _("Kommentarer")]
    )
    for score in scores:
        writer.writerow(
            [
                _cell(score.page.title),
                score.page.url_path,
                score.answers,
                score.yes,
                score.no,
                score.share,
                _cell(" | ".join(c.comment for c in score.comments)),
            ]
        )
    return response


# --- Feedback and ownership: the review queue ------------------------------------------------


def feedback_review_queue(request):
    """Every page with an owner and a review date, least helpful first (by the share of "Ja"
    in the last 90 days, for pages with enough answers), then by review date."""
    if not may_see_reports(request.user):
        return _refuse_report(request)
    since = report.default_since()
    today = timezone.localdate()
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(
        request.user, "change"
    )
    pages = report.with_feedback_score(review_pages(editable), since)
    pages = pages.order_by(
        F("rank").asc(nulls_last=True), F("review_date").asc(nulls_first=True), "path"
    )[:200]
    pages = attach_review_details(pages, today)
    for page in pages:
        page.share = round(100 * page.yes / page.answers) if page.answers else None
    return TemplateResponse(
        request,
        "feedback/admin/review_queue.html",
        {
            "page_title": _("Återkoppling och granskning"),
            "header_icon": "calendar-check",
            "pages": pages,
            "since": since,
            "min_answers": report.MIN_ANSWERS,
        },
    )


# --- Call-back requests ----------------------------------------------------------------------


def _refuse_callbacks(request):
    return forbidden(
        request,
        _(
            "Kontaktförfrågningar är personuppgifter som omfattas av sekretess. Bara "
            "föräldrarådgivarna och administratörer ser dem."
        ),
    )


def callback_list(request):
    """The requests, new ones first; the list shows no names or contact details."""
    if not may_see_callbacks(request.user):
        return _refuse_callbacks(request)
    requests = list(CallbackRequest.objects.for_listing())
    return TemplateResponse(
        request,
        "feedback/admin/callback_list.html",
        {
            "page_title": _("Kontaktförfrågningar"),
            "header_icon": "mail",
            "new": [r for r in requests if not r.handled],
            "handled": [r for r in requests if r.handled],
            "handled_days": settings.CALLBACK_REQUEST_RETENTION_DAYS,
            "max_days": settings.CALLBACK_REQUEST_MAX_AGE_DAYS,
        },
    )


@require_http_methods(["GET", "POST"])
def callback_detail(request, pk):
    if not may_see_callbacks(request.user):
        return _refuse_callbacks(request)
    callback = get_object_or_404(CallbackRequest.objects.select_related("area"), pk=pk)
    if request.method == "POST":
        if not callback.handled:
            callback.handled_at = timezone.now()
            callback.handled_by = request.user
            callback.save(update_fields=["handled_at", "handled_by"])
            log(instance=callback, action=LOG_HANDLED, user=request.user)
        return redirect("feedback_callback_list")
    log(instance=callback, action=LOG_VIEW, user=request.user)
    history = ModelLogEntry.objects.for_instance(callback).select_related("user")
    return TemplateResponse(
        request,
        "feedback/admin/callback_detail.html",
        {
            "page_title": str(callback),
            "header_icon": "mail",
            "callback": callback,
            "history": history,
        },
    )
