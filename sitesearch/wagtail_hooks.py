from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FrequentQueriesView, QueriesWithoutResultsView


@hooks.register("register_admin_urls")
def register_query_report_urls():
    return [
        path(
            "reports/sokningar/",
            FrequentQueriesView.as_view(),
            name="sitesearch_frequent_queries",
        ),
        path(
            "reports/sokningar/results/",
            FrequentQueriesView.as_view(results_only=True),
            name="sitesearch_frequent_queries_results",
        ),
        path(
            "reports/sokningar-utan-traffar/",
            QueriesWithoutResultsView.as_view(),
            name="sitesearch_no_results",
        ),
        path(
            "reports/sokningar-utan-traffar/results/",
            QueriesWithoutResultsView.as_view(results_only=True),
            name="sitesearch_no_results_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_frequent_queries_menu_item():
    return MenuItem(
        _("Vanligaste sökningarna"),
        reverse("sitesearch_frequent_queries"),
        name="frequent-queries",
        icon_name="search",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_no_results_menu_item():
    return MenuItem(
        _("Sökningar utan träffar"),
        reverse("sitesearch_no_results"),
        name="queries-without-results",
        icon_name="warning",
        order=1410,
    )
