"""The accessibility statement in the admin: a warning on the dashboard when a statement has
not been updated for a year (DIGG asks for a yearly review), and the reports visitors send."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from .accessibility import STALE_AFTER, AccessibilityReport, AccessibilityStatementPage


class StaleStatementPanel(Component):
    name = "stale_accessibility_statement"
    template_name = "home/admin/stale_statement_panel.html"
    order = 100

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        return {"pages": self.pages}


def stale_statements():
    limit = timezone.localdate() - STALE_AFTER
    return list(AccessibilityStatementPage.objects.live().filter(statement_updated_on__lt=limit))


@hooks.register("construct_homepage_panels")
def warn_about_stale_statements(request, panels):
    pages = stale_statements()
    if pages:
        panels.append(StaleStatementPanel(pages))


class AccessibilityReportViewSet(ModelViewSet):
    model = AccessibilityReport
    icon = "warning"
    menu_label = _("Rapporter om tillgänglighet")
    add_to_settings_menu = True
    list_display = ["url", "description", "assistive_technology", "browser", "submitted_at"]
    inspect_view_enabled = True
    # Reports come from visitors; editors read them, never write them.
    form_fields = ["url", "description", "assistive_technology", "browser"]


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return AccessibilityReportViewSet("accessibility_reports")
