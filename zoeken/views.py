"""Site-wide views: search."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .search import normalise_query, search_site

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    query = normalise_query(request.GET.get("q", ""))
    results = search_site(query, request) if query else []
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "zoeken/search.html",
        {
            "query": query,
            "searched": "q" in request.GET,
            "page_obj": page_obj,
            "querystring": f"q={query}" if query else "",
            "trail": [(None, _("Search"))],
        },
    )
