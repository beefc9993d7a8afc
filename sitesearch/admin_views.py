"""Reports for communicators: what parents search for most, and what they search for and do
not find (Rapporter → "Vanligaste sökningarna", "Sökningar utan träffar")."""

import datetime

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView

from .models import QueryStat

# The reports look this far back.
REPORT_DAYS = 30


class QueryReportView(ReportView):
    header_icon = "search"
    results_template_name = "sitesearch/admin/query_report_results.html"
    # Normalised queries only (nothing about visitors): every editor may read them.
    permission_policy = None
    list_export = ["query", "searches", "without_results"]
    export_headings = {
        "query": _("Sökning"),
        "searches": _("Antal sökningar"),
        "without_results": _("Utan träffar"),
    }
    without_results_only = False

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        rows = (
            QueryStat.objects.filter(day__gte=since)
            .values("query")
            .annotate(searches=Sum("searches"), without_results=Sum("without_results"))
        )
        if self.without_results_only:
            rows = rows.filter(without_results__gt=0).order_by("-without_results", "query")
        else:
            rows = rows.order_by("-searches", "query")
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_days"] = REPORT_DAYS
        context["without_results_only"] = self.without_results_only
        return context

    def get_filename(self):
        return f"{self.filename_prefix}-{timezone.localdate():%Y-%m-%d}"


class FrequentQueriesView(QueryReportView):
    page_title = _("Vanligaste sökningarna")
    index_url_name = "sitesearch_frequent_queries"
    index_results_url_name = "sitesearch_frequent_queries_results"
    filename_prefix = "vanligaste-sokningarna"


class QueriesWithoutResultsView(QueryReportView):
    page_title = _("Sökningar utan träffar")
    header_icon = "warning"
    index_url_name = "sitesearch_no_results"
    index_results_url_name = "sitesearch_no_results_results"
    filename_prefix = "sokningar-utan-traffar"
    without_results_only = True
