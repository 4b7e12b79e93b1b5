"""Reading the visitor's situation from the query string, checked against the situations editors keep."""

from organisaties.models import Situatie
from organisaties.situations import SituationSelection


def known_situations(locale=None) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    for dimension, slug in Situatie.objects.values_list("dimension", "slug"):
        known.setdefault(dimension, set()).add(slug)
    return known


def selection_for_request(request) -> SituationSelection:
    """The chosen situation, memoised on the request; unknown keys and values are ignored, never an error."""
    if request is None:
        return SituationSelection()
    cached = getattr(request, "_wegwijzer_selection", None)
    if cached is None:
        if any(key in request.GET for key in ("leeftijd", "herkomst", "uitbuiting")):
            cached = SituationSelection.from_query(request.GET, known_situations())
        else:
            cached = SituationSelection()
        request._wegwijzer_selection = cached
    return cached
