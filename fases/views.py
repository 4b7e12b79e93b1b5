"""The pages of a conversation with a victim: the route, the hand-out to take home, and choosing the situation."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kern.i18n import active_language_code, home_path
from organisaties.gemeente_lookup import lookup_for_request
from organisaties.regional_help import kept_regional_contacts
from organisaties.selection import chosen_situations, selection_for_request

from .handout_sheet import PARAMETER as SECOND_LANGUAGE
from .handout_sheet import build_sheet, language_choices, second_language
from .return_path import local_path
from .route import build_route

# What can be printed: the discreet hand-out (the default), the hand-out that names its subject, and the full
# reference for professionals. Anything else in the query string means the default.
DISCREET, NAMED, REFERENCE = "afspraken", "met-onderwerp", "volledig"
VERSIONS = (DISCREET, NAMED, REFERENCE)


def _route_or_404(request):
    route = build_route(active_language_code(), selection_for_request(request))
    if route is None:
        raise Http404
    return route


def _gemeente(request):
    """The municipality the visitor chose, if it was found (a typed name that is not found is ignored here)."""
    lookup = lookup_for_request(request)
    return lookup.gemeente if lookup is not None else None


@require_safe
def route(request):
    """ "Your route": the steps that apply, who to call first, the time limits, and ticks kept in the address."""
    the_route = _route_or_404(request)
    gemeente = _gemeente(request)
    return render(
        request,
        "fases/route.html",
        {
            "route": the_route,
            "gemeente": gemeente,
            "regional": kept_regional_contacts(gemeente, the_route.selection) if gemeente else [],
            "ticked": the_route.ticked(request.GET.getlist("besproken")),
            "chosen": chosen_situations(request),
            "trail": [(None, _("Your route"))],
        },
    )


@require_safe
def overzicht(request):
    """The hand-out: two sheets a victim can take home, or the full reference version for professionals."""
    the_route = _route_or_404(request)
    version = request.GET.get("weergave")
    if version not in VERSIONS:
        version = DISCREET
    discreet = version == DISCREET
    sheet = None
    if version != REFERENCE:
        sheet = build_sheet(the_route, discreet, second_language(request), _gemeente(request))
    context = {
        "route": the_route,
        "sheet": sheet,
        "languages": language_choices(),
        "second_parameter": SECOND_LANGUAGE,
        "version": version,
        "versions": {"discreet": DISCREET, "named": NAMED, "reference": REFERENCE},
        "discreet": discreet,
        "chosen": chosen_situations(request),
        "today": timezone.localdate(),
        "trail": [(None, _("Hand-out for the conversation"))],
    }
    template = "fases/overzicht.html" if version == REFERENCE else "fases/handout.html"
    return render(request, template, context)


@require_safe
def situatie(request):
    """Choose or change the situation, then go back to the page the visitor came from, with the new choice (the
    home page of the visitor's language when that page is not known)."""
    back = local_path(request.GET.get("terug"), fallback=home_path())
    if "kies" in request.GET:
        return redirect(back + selection_for_request(request).querystring)
    return render(
        request,
        "fases/situatie.html",
        {"back": back, "trail": [(None, _("Who are you looking for?"))]},
    )
