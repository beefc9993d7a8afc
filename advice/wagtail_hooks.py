"""Admin for advisors, areas and schools: one "Föräldrarådgivare" menu with three lists."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Advisor, Area, School


class AdvisorViewSet(SnippetViewSet):
    model = Advisor
    icon = "user"
    menu_label = _("Föräldrarådgivare")
    list_display = ["name", "role", "phone", "email"]
    list_filter = ["live", "areas"]
    search_fields = ["name", "role"]
    list_per_page = 50


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = _("Områden")
    list_display = ["name", "slug"]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Skolor")
    list_display = ["name", "area"]
    list_filter = ["area"]
    search_fields = ["name"]
    list_per_page = 50


class AdvisorGroup(SnippetViewSetGroup):
    items = (AdvisorViewSet, AreaViewSet, SchoolViewSet)
    menu_icon = "group"
    menu_label = _("Föräldrarådgivare")
    menu_name = "advisors"
    menu_order = 250


register_snippet(AdvisorGroup)
