"""Site-wide views: search."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kern.server_slots import limited_per_server

from .search import normalise_query, search_site

RESULTS_PER_PAGE = 10


@limited_per_server
@require_safe
def search(request):
    query = normalise_query(request.GET.get("q", ""))
    searched = "q" in request.GET
    # An empty search still gets an outcome: the helplines and emergency number are part of it.
    outcome = search_site(query, request) if searched else None
    results = outcome.results if outcome else []
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "zoeken/search.html",
        {
            "query": query,
            "searched": searched,
            "outcome": outcome,
            "corrected_querystring": urlencode({"q": outcome.corrected})
            if outcome and outcome.corrected
            else "",
            # The helplines open the page when someone asks for help, and stand in for results that are not there.
            "show_helplines": bool(outcome and outcome.helplines_first) or (searched and not results),
            "page_obj": page_obj,
            "querystring": urlencode({"q": query}) if query else "",
            "trail": [(None, _("Search"))],
        },
    )
