"""The search page (/sok/?q=…&typ=…&page=…) and the suggestions behind the search box's
combobox (/sok/forslag/?q=…, JSON). Both answer every input with 200: what cannot be searched
is explained in Swedish on the page."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.pagination import paginate

from . import engine
from .models import QueryStat
from .text import is_rtl, normalise_for_log, parse

PER_PAGE = 10
MAX_SUGGESTIONS = 6
# <, > and & as JSON escapes (as json_script does): the suggestions repeat what was typed, and
# a browser that is told to read the JSON as HTML must find no markup in it.
_HTML_IN_JSON = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class _HTMLSafeEncoder(DjangoJSONEncoder):
    def encode(self, o):
        return super().encode(o).translate(_HTML_IN_JSON)


def _kind(request):
    kind = request.GET.get("typ", "")
    return kind if kind in engine.KINDS else ""


def _message(parsed):
    if parsed.problem == "empty":
        return _("Skriv ett eller några ord om det du undrar över, till exempel ”frånvaro”.")
    if parsed.problem == "no-words":
        return _(
            "Vi hittade inga ord att söka på i det du skrev. Skriv med bokstäver, "
            "till exempel ”skolfrånvaro” eller namnet på ditt barns skola."
        )
    return ""


@require_GET
def search(request):
    parsed = parse(request.GET.get("q", ""))
    kind = _kind(request)
    outcome = engine.search(parsed, kind)
    page_of_results = paginate(outcome.items, request.GET.get("page"), PER_PAGE)
    results = engine.load(page_of_results.object_list, outcome, request)
    # Statistics for editors: the first page of an unfiltered search only, so paging and
    # filtering do not count one search twice.
    if parsed and not kind and page_of_results.number == 1 and "page" not in request.GET:
        QueryStat.record(normalise_for_log(parsed), found=bool(outcome.items))
    suggestion = ""
    if outcome.corrections:
        suggestion = " ".join(outcome.corrections.get(word, word) for word in parsed.words)
    context = {
        "query": parsed.text,
        # The header's search box shows the query again.
        "search_value": parsed.text,
        "query_rtl": is_rtl(parsed.text),
        "parsed": parsed,
        "message": _message(parsed),
        "truncated": parsed.truncated,
        "kind": kind,
        "kinds": [(key, label) for key, (label, _classes) in engine.KINDS.items()],
        "results": results,
        "page_of_results": page_of_results,
        "total": page_of_results.paginator.count,
        "suggestion": suggestion,
        "breadcrumb_current": _("Sök"),
    }
    return TemplateResponse(request, "sitesearch/search_page.html", context)


@require_GET
def suggest(request):
    """Up to six suggestions (title and address) for what is typed so far."""
    parsed = parse(request.GET.get("q", ""))
    if not parsed or len(parsed.text) < 2:
        return JsonResponse({"query": parsed.text, "suggestions": []}, encoder=_HTMLSafeEncoder)
    outcome = engine.search(parsed, prefix_last=True)
    items = outcome.items[:MAX_SUGGESTIONS]
    results = engine.load(items, outcome, request, excerpts=False)
    return JsonResponse(
        {
            "query": parsed.text,
            # The header's search box shows the query again.
            "search_value": parsed.text,
            "suggestions": [
                {"title": result.title, "url": result.url, "type": str(result.kind_label)}
                for result in results
            ],
        },
        encoder=_HTMLSafeEncoder,
    )
