"""Admin for advisors, areas, schools and languages: one "Föräldrarådgivare" menu."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.models import WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Area, Audience, Topic

from .admin_views import SchoolImportView, SchoolIndexView
from .models import Advisor, Language, School


def advisor_status(advisor):
    """Live or draft, and whether a change waits for a reviewer; from the annotations of
    AdvisorViewSet.get_queryset, so the listing costs the same queries for 8 or 200."""
    if advisor.in_moderation:
        return _("väntar på granskning")
    if not advisor.live:
        return _("utkast")
    if advisor.has_unpublished_changes:
        return _("publicerad + utkast")
    return _("publicerad")


class AdvisorViewSet(SnippetViewSet):
    model = Advisor
    icon = "user"
    menu_label = _("Föräldrarådgivare")
    list_display = [
        "name",
        "role",
        "phone",
        "email",
        Column(
            "show_identity",
            label=_("namn och foto visas"),
            accessor=lambda advisor: _("Ja") if advisor.show_identity else _("Nej"),
            sort_key="show_identity",
        ),
        StatusTagColumn(
            "status",
            label=_("status"),
            accessor=advisor_status,
            primary=lambda advisor: advisor.live and not advisor.has_unpublished_changes,
            sort_key="live",
        ),
    ]
    list_filter = ["live", "show_identity", "areas", "languages"]
    search_fields = ["name", "role"]
    list_per_page = 50

    def get_queryset(self, request):
        pending = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Advisor),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        return Advisor.objects.annotate(in_moderation=Exists(pending))


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = _("Områden")
    list_display = ["name", "slug"]


class SchoolViewSet(SnippetViewSet):
    model = School
    # The listing has an "Importera skolor" button (advice/admin_views.py).
    index_view_class = SchoolIndexView
    icon = "home"
    menu_label = _("Skolor")
    list_display = ["name", "area", "unit_code"]
    list_filter = ["area"]
    search_fields = ["name"]
    list_per_page = 50


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    menu_label = _("Språk")
    list_display = ["name", "native_name", "code"]
    search_fields = ["name", "native_name", "code"]


class AdvisorGroup(SnippetViewSetGroup):
    items = (AdvisorViewSet, AreaViewSet, SchoolViewSet, LanguageViewSet)
    menu_icon = "group"
    menu_label = _("Föräldrarådgivare")
    menu_name = "advisors"
    menu_order = 250


register_snippet(AdvisorGroup)


@hooks.register("register_admin_urls")
def register_school_import_url():
    """The "Importera skolor" page: load or refresh schools from a school-unit register file."""
    return [path("advice/school-import/", SchoolImportView.as_view(), name="advice_school_import")]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Ämnen")
    list_display = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Målgrupper")
    list_display = ["name", "label", "slug"]


class GuidanceGroup(SnippetViewSetGroup):
    items = (TopicViewSet, AudienceViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Vägledning")
    menu_name = "guidance"
    menu_order = 260


register_snippet(GuidanceGroup)
