""" "Help nearby" (/hulp-in-de-buurt/?gemeente=...) and a page per region (/regios/<slug>/)."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kern.i18n import active_language_code

from .gemeente_lookup import lookup_for_request
from .regio_models import OrganisatieRegio, Regio
from .regional_help import regional_contacts
from .selection import selection_for_request


@require_safe
def hulp_in_de_buurt(request):
    lookup = lookup_for_request(request)
    selection = selection_for_request(request)
    gemeente = lookup.gemeente if lookup is not None else None
    return render(
        request,
        "organisaties/hulp_in_de_buurt.html",
        {
            "lookup": lookup,
            "gemeente": gemeente,
            "contacts": regional_contacts(gemeente, selection) if gemeente is not None else [],
            "trail": [(None, _("Help nearby"))],
        },
    )


@require_safe
def regio_detail(request, slug):
    regio = get_object_or_404(
        Regio.objects.select_related("regiotype").prefetch_related("sources", "gemeenten"), slug=slug
    )
    links = (
        OrganisatieRegio.objects.filter(
            regio=regio, organisatie__live=True, organisatie__locale__language_code=active_language_code()
        )
        .select_related("organisatie")
        .prefetch_related("situations")
    )
    return render(
        request,
        "organisaties/regio_detail.html",
        {
            "regio": regio,
            "gemeenten": sorted(regio.gemeenten.all(), key=lambda gemeente: gemeente.name_key),
            "links": list(links),
            "trail": [(reverse("organisaties:hulp_in_de_buurt"), _("Help nearby")), (None, regio.name)],
        },
    )
