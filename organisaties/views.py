"""The organisation guide and the rights-and-regulations overview, with a page per item."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kern.i18n import in_active_language

from .filters import ListFilters, clean_text, filter_organisations, filter_regulations, organisation_filters
from .models import Organisatie, Regeling
from .selection import selection_for_request

PAGE_SIZE = 20


def _live_in_active_locale(model):
    return model.objects.filter(in_active_language(), live=True)


def _page_of(request, items):
    """The requested page of a list; a missing, malformed or too large number gives the nearest valid page."""
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))


def _organisations_trail(current=None):
    trail = [(reverse("organisaties:organisatie_list"), _("Organisations"))]
    return [*trail, (None, current)] if current else trail


def _regulations_trail(current=None):
    trail = [(reverse("organisaties:regeling_list"), _("Rights and regulations"))]
    return [*trail, (None, current)] if current else trail


@require_safe
def organisatie_list(request):
    selection = selection_for_request(request)
    filters, options = organisation_filters(request)
    organisaties = _live_in_active_locale(Organisatie).only(*Organisatie.CARD_FIELDS)
    return render(
        request,
        "organisaties/organisatie_list.html",
        {
            "page_obj": _page_of(request, filter_organisations(organisaties, filters, selection)),
            "filters": filters,
            "options": options,
            "querystring": filters.querystring(selection),
            "trail": _organisations_trail(),
        },
    )


@require_safe
def organisatie_detail(request, slug):
    organisatie = get_object_or_404(
        _live_in_active_locale(Organisatie).prefetch_related("services", "audiences", "situations"),
        slug=slug,
    )
    return render(
        request,
        "organisaties/organisatie_detail.html",
        {
            "object": organisatie,
            "steps": organisatie.linking_steps(),
            "trail": _organisations_trail(organisatie.name),
        },
    )


@require_safe
def regeling_list(request):
    selection = selection_for_request(request)
    filters = ListFilters(clean_text(request.GET.get("q", "")))
    regelingen = _live_in_active_locale(Regeling).only(*Regeling.CARD_FIELDS)
    return render(
        request,
        "organisaties/regeling_list.html",
        {
            "page_obj": _page_of(request, filter_regulations(regelingen, filters, selection)),
            "filters": filters,
            "querystring": filters.querystring(selection),
            "trail": _regulations_trail(),
        },
    )


@require_safe
def regeling_detail(request, slug):
    regeling = get_object_or_404(_live_in_active_locale(Regeling).prefetch_related("situations"), slug=slug)
    return render(
        request,
        "organisaties/regeling_detail.html",
        {
            "object": regeling,
            "steps": regeling.linking_steps(),
            "trail": _regulations_trail(regeling.title),
        },
    )
