"""The feedback app in the admin: the report and the review queue under Reports, the
call-back requests as a menu item of their own (shown only to those who may see them), the
dashboard panel, and how the audit entries read."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views, report


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path(
            "reports/aterkoppling/",
            admin_views.feedback_report,
            name="feedback_report",
        ),
        path(
            "reports/aterkoppling-och-granskning/",
            admin_views.feedback_review_queue,
            name="feedback_review_queue",
        ),
        path(
            "kontaktforfragningar/",
            admin_views.callback_list,
            name="feedback_callback_list",
        ),
        path(
            "kontaktforfragningar/<int:pk>/",
            admin_views.callback_detail,
            name="feedback_callback_detail",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_reports(request.user)


class CallbackMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_callbacks(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return ReportMenuItem(
        _("Var informationen till din hjälp?"),
        reverse("feedback_report"),
        name="aterkoppling",
        icon_name="help",
        order=1060,
    )


@hooks.register("register_reports_menu_item")
def register_review_queue_menu_item():
    return ReportMenuItem(
        _("Återkoppling och granskning"),
        reverse("feedback_review_queue"),
        name="aterkoppling-och-granskning",
        icon_name="calendar-check",
        order=1055,
    )


@hooks.register("register_admin_menu_item")
def register_callback_menu_item():
    return CallbackMenuItem(
        _("Kontaktförfrågningar"),
        reverse("feedback_callback_list"),
        name="kontaktforfragningar",
        icon_name="mail",
        order=350,
    )


@hooks.register("register_log_actions")
def register_callback_log_actions(actions):
    actions.register_action(
        admin_views.LOG_VIEW, _("Visa kontaktförfrågan"), _("Visade kontaktförfrågan")
    )
    actions.register_action(
        admin_views.LOG_HANDLED,
        _("Markera kontaktförfrågan som hanterad"),
        _("Markerade kontaktförfrågan som hanterad"),
    )


class LeastHelpfulPanel(Component):
    """The live pages parents find least helpful (last 90 days), for those who edit pages."""

    name = "least_helpful"
    template_name = "feedback/admin/dashboard_panel.html"
    order = 240

    def get_context_data(self, parent_context):
        return {
            "scores": report.least_helpful(report.default_since()),
            "min_answers": report.MIN_ANSWERS,
            "report_url": reverse("feedback_report"),
            "queue_url": reverse("feedback_review_queue"),
            "request": parent_context["request"],
        }


@hooks.register("construct_homepage_panels")
def add_least_helpful_panel(request, panels):
    if admin_views.may_see_reports(request.user):
        panels.append(LeastHelpfulPanel())
