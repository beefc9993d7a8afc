"""Page ownership and review dates: the report "Sidor att granska", the dashboard panel with
the pages a user (or their groups) answers for, and the queries `remind_reviews` shares.

The owner and the "granskas senast" date are fields of each page type (portal.models.
ReviewMixin), so they live in each page type's own table. `review_pages()` reads them for all
page types at once: one LEFT JOIN per page type on the primary key, coalesced into the
annotations `review_date`, `review_user_pk` and `review_group_pk`. The report and the panel
therefore cost the same number of SQL queries for ten pages as for ten thousand.

What counts: the values on the page row, i.e. the published version (or, for a page never
published, the version it was created with). Like the "Senast uppdaterad" date, a new owner or
date takes effect when the page is published, so a review ends with a publication and an
unapproved draft cannot silence the reminders.
"""

import functools

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, get_page_models
from wagtail.permissions import policy_registry

import django_filters

from portal.models import (
    REVIEW_DUE,
    REVIEW_DUE_WITHIN,
    REVIEW_MISSING,
    REVIEW_OVERDUE,
    REVIEW_STATUS_LABELS,
    ReviewMixin,
    review_status,
)

# --- Queries ---------------------------------------------------------------------------------


@functools.cache
def review_relations():
    """The names of the one-to-one relations from Page to each table that holds the review
    fields, e.g. ["guidancepage", "standardpage", ...]. A page type that inherits another
    page type keeps the fields in its parent's table, which the parent's relation covers."""
    relations = []
    for model in get_page_models():
        if not issubclass(model, ReviewMixin):
            continue
        if model._meta.get_field("review_by").model is not model:
            continue
        parent_link = model._meta.parents.get(Page)
        if parent_link is not None:
            relations.append(parent_link.related_query_name())
    return relations


def _coalesced(field):
    expressions = [F(f"{relation}__{field}") for relation in review_relations()]
    return Coalesce(*expressions) if len(expressions) > 1 else expressions[0]


def review_pages(queryset=None):
    """Pages of the types that have an owner and a review date, annotated with
    `review_date`, `review_user_pk` and `review_group_pk`. Aliases are left out: they copy
    their original, which is the page to review."""
    queryset = Page.objects.all() if queryset is None else queryset
    of_review_type = Q()
    for relation in review_relations():
        of_review_type |= Q(**{f"{relation}__isnull": False})
    return (
        queryset.annotate(
            review_date=_coalesced("review_by"),
            review_user_pk=_coalesced("responsible_user"),
            review_group_pk=_coalesced("responsible_group"),
        )
        .filter(of_review_type, alias_of__isnull=True)
        .select_related("content_type")
    )


def overdue(today):
    """The review date has passed (the day itself still counts as in time)."""
    return Q(review_date__lt=today)


def due_within(today):
    """Overdue, or to be reviewed within the next 30 days."""
    return Q(review_date__lte=today + REVIEW_DUE_WITHIN)


def without_owner():
    return Q(review_user_pk__isnull=True, review_group_pk__isnull=True)


def needs_attention(today):
    """What the report lists: overdue or due soon, or without a date or an owner."""
    return due_within(today) | Q(review_date__isnull=True) | without_owner()


def owned_by(user):
    """Pages the user answers for, in person or through one of their groups."""
    return Q(review_user_pk=user.pk) | Q(review_group_pk__in=user.groups.values("pk"))


def user_display_name(user):
    return user.get_full_name().strip() or user.get_username()


def owner_display(user, group):
    """ "Anna Berg (Föräldrarådgivare)", "Föräldrarådgivare", or "Ingen ansvarig". A person
    whose account is deactivated is marked, since their reminders now go to the group."""
    person = None
    if user is not None:
        person = user_display_name(user)
        if not user.is_active:
            person = _("%(name)s, inaktiverad") % {"name": person}
    if person and group is not None:
        return f"{person} ({group.name})"
    if person:
        return person
    if group is not None:
        return group.name
    return str(_("Ingen ansvarig"))


def attach_review_details(pages, today):
    """Give each page of `review_pages()` its owner objects and review status, with two
    queries (users, groups) for any number of pages."""
    pages = list(pages)
    user_ids = {page.review_user_pk for page in pages} - {None}
    group_ids = {page.review_group_pk for page in pages} - {None}
    users = get_user_model().objects.in_bulk(user_ids) if user_ids else {}
    groups = Group.objects.in_bulk(group_ids) if group_ids else {}
    for page in pages:
        page.review_user = users.get(page.review_user_pk)
        page.review_group = groups.get(page.review_group_pk)
        page.review_owner = owner_display(page.review_user, page.review_group)
        has_owner = page.review_user_pk is not None or page.review_group_pk is not None
        page.review_status = review_status(page.review_date, has_owner, today)
        page.review_status_label = review_status_label(page)
    return pages


def review_status_label(page):
    """The status in Swedish; for "missing", which of the two is missing."""
    if page.review_status == REVIEW_MISSING:
        if page.review_date is None:
            return _("Datum saknas")
        return _("Ansvarig saknas")
    return REVIEW_STATUS_LABELS[page.review_status]


# --- The report ------------------------------------------------------------------------------

STATUS_FILTER_CHOICES = [
    (REVIEW_OVERDUE, _("Försenade")),
    (REVIEW_DUE, _("Granskas inom 30 dagar")),
    (REVIEW_MISSING, _("Ansvarig eller datum saknas")),
]


def responsible_users():
    """Users who answer for at least one page: one query, with a subquery per page type."""
    named = Q()
    for relation in review_relations():
        model = Page._meta.get_field(relation).related_model
        named |= Q(pk__in=model.objects.values("responsible_user"))
    return get_user_model().objects.filter(named).order_by("first_name", "last_name", "username")


class ReviewReportFilterSet(WagtailFilterSet):
    review = django_filters.ChoiceFilter(
        label=_("Granskning"),
        choices=STATUS_FILTER_CHOICES,
        method="filter_review",
        empty_label=_("Alla"),
        widget=forms.RadioSelect,
    )
    owner = django_filters.ChoiceFilter(
        label=_("Ansvarig"),
        method="filter_owner",
        empty_label=_("Alla"),
    )

    class Meta:
        model = Page
        fields = ["live"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices per request: the groups, and the people who answer for some page.
        groups = [(f"group-{g.pk}", g.name) for g in Group.objects.order_by("name")]
        people = [(f"user-{u.pk}", user_display_name(u)) for u in responsible_users()]
        choices = [("mine", _("Jag eller mina grupper")), ("none", _("Ingen ansvarig"))]
        choices += [
            (label, options)
            for label, options in [(_("Grupper"), groups), (_("Personer"), people)]
            if options
        ]
        self.filters["owner"].extra["choices"] = choices

    def filter_review(self, queryset, name, value):
        today = timezone.localdate()
        if value == REVIEW_OVERDUE:
            return queryset.filter(overdue(today))
        if value == REVIEW_DUE:
            return queryset.filter(due_within(today)).exclude(overdue(today))
        if value == REVIEW_MISSING:
            return queryset.filter(Q(review_date__isnull=True) | without_owner())
        return queryset

    def filter_owner(self, queryset, name, value):
        kind, _sep, pk = value.partition("-")
        if kind == "mine":
            return queryset.filter(owned_by(self.request.user))
        if kind == "none":
            return queryset.filter(without_owner())
        if kind == "group" and pk.isdigit():
            return queryset.filter(review_group_pk=int(pk))
        if kind == "user" and pk.isdigit():
            return queryset.filter(review_user_pk=int(pk))
        return queryset


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _page_type(page):
    return page.content_type.model_class()._meta.verbose_name.capitalize()


class ReviewReportView(PageReportView):
    """Sidor att granska: pages overdue or due within 30 days, and pages without an owner
    or a date; only pages the user may edit."""

    page_title = _("Sidor att granska")
    header_icon = "calendar-check"
    template_name = "editorial/review/report.html"
    results_template_name = "editorial/review/report_results.html"
    index_url_name = "editorial_review_report"
    index_results_url_name = "editorial_review_report_results"
    filterset_class = ReviewReportFilterSet
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "review_date"
    columns = [
        TitleColumn(
            "title",
            label=_("Sida"),
            accessor=lambda page: page.get_admin_display_title(),
            get_url=_edit_url,
            sort_key="title",
        ),
        Column("page_type", label=_("Sidtyp"), accessor=_page_type),
        Column("review_owner", label=_("Ansvarig")),
        Column(
            "review_date",
            label=_("Granskas senast"),
            accessor=lambda page: page.review_date or "–",
            sort_key="review_date",
        ),
        StatusTagColumn(
            "review_status_label",
            label=_("Granskning"),
            primary=lambda page: page.review_status == REVIEW_OVERDUE,
        ),
        PageStatusColumn("status", label=_("Publicering")),
    ]
    list_export = ["title", "page_type", "review_owner", "review_date", "review_status_label"]
    export_headings = {
        "title": _("Sida"),
        "page_type": _("Sidtyp"),
        "review_owner": _("Ansvarig"),
        "review_date": _("Granskas senast"),
        "review_status_label": _("Granskning"),
    }

    def get_filename(self):
        return f"sidor-att-granska-{timezone.localdate():%Y-%m-%d}"

    def get_valid_orderings(self):
        return ["review_date", "-review_date", "title", "-title"]

    def order_queryset(self, queryset):
        # Ties (the same date, or none) in tree order, so pagination is stable.
        return queryset.order_by(self.ordering, "path")

    @functools.cached_property
    def today(self):
        return timezone.localdate()

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        # The status column asks each page about scheduling and workflows: answer in bulk.
        self.queryset = (
            review_pages(editable)
            .filter(needs_attention(self.today))
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        pages = attach_review_details(object_list, self.today)
        for page in pages:
            page.page_type = _page_type(page)
        return pages


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/sidor-att-granska/",
            ReviewReportView.as_view(),
            name="editorial_review_report",
        ),
        path(
            "reports/sidor-att-granska/results/",
            ReviewReportView.as_view(results_only=True),
            name="editorial_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Sidor att granska"),
        reverse("editorial_review_report"),
        name="sidor-att-granska",
        icon_name="calendar-check",
        order=1050,
    )


# --- The dashboard ---------------------------------------------------------------------------


class ReviewDashboardPanel(Component):
    """The current user's published pages (their own or their groups') that are overdue or
    due within 30 days, soonest first, with a link to the whole report."""

    name = "review_pages"
    template_name = "editorial/review/dashboard_panel.html"
    # After the moderation panels (work others wait for), before the recent edits.
    order = 230
    limit = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        pages = (
            review_pages(Page.objects.live())
            .filter(owned_by(request.user), due_within(today))
            .order_by("review_date", "path")
        )
        shown = attach_review_details(pages[: self.limit + 1], today)
        more = len(shown) > self.limit
        shown = shown[: self.limit]
        return {
            "pages": shown,
            "total": pages.count() if more else len(shown),
            "more": more,
            "report_url": reverse("editorial_review_report") + "?owner=mine",
            "request": request,
        }


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewDashboardPanel())
