"""The visitor's situation, read from the query string and checked against the situations editors keep.

One query per request at most, and only when the page needs it: the situation list is memoised on the request and
shared by the filter form, the summary of the choice and the validation of the query string.
"""

from dataclasses import replace

from django.utils.functional import SimpleLazyObject

from kern.i18n import in_active_language

from .gemeente_lookup import lookup_for_request
from .models import Situatie
from .situations import DIMENSIONS, SituationSelection


def load_situation_choices(language_filter=None) -> dict[str, list[Situatie]]:
    """The situations of a language, per dimension, in the editors' order (one query)."""
    choices = {dimension: [] for dimension in DIMENSIONS}
    for situatie in Situatie.objects.filter(language_filter or in_active_language()).order_by(
        "sort_order", "name"
    ):
        choices.setdefault(situatie.dimension, []).append(situatie)
    return choices


def situation_choices(request=None) -> dict[str, list[Situatie]]:
    """The situations of the active language, loaded once per request."""
    cached = getattr(request, "_wegwijzer_situations", None) if request is not None else None
    if cached is None:
        cached = load_situation_choices()
        if request is not None:
            request._wegwijzer_situations = cached
    return cached


def selection_for_request(request) -> SituationSelection:
    """The chosen situation, memoised on the request; unknown keys and values are ignored, never an error.

    A municipality in the address (``?gemeente=``) that is found goes along as its CBS code.
    """
    if request is None:
        return SituationSelection()
    cached = getattr(request, "_wegwijzer_selection", None)
    if cached is None:
        if any(key in request.GET for key in DIMENSIONS):
            known = {
                dimension: {s.slug for s in items} for dimension, items in situation_choices(request).items()
            }
            cached = SituationSelection.from_query(request.GET, known)
        else:
            cached = SituationSelection()
        lookup = lookup_for_request(request)
        if lookup is not None and lookup.gemeente is not None:
            cached = replace(cached, gemeente=lookup.gemeente.code)
        request._wegwijzer_selection = cached
    return cached


def chosen_situations(request) -> list[Situatie]:
    """The Situatie objects the visitor chose, for the summary "You are looking for help for: ..."."""
    selection = selection_for_request(request)
    if not selection:
        return []
    choices = situation_choices(request)
    return [
        situatie
        for dimension, slug in selection.values.items()
        for situatie in choices.get(dimension, [])
        if situatie.slug == slug
    ]


def situation_context(request):
    """Context processor: the chosen situation on every page, computed only when a template uses it."""
    return {"selection": SimpleLazyObject(lambda: selection_for_request(request))}


def situation_block_choices() -> list[tuple[str, str]]:
    """Every situation as (slug, "Question: answer"), for editors who mark part of a step "only for ..."."""
    return [(situatie.slug, str(situatie)) for situatie in Situatie.objects.filter(in_active_language())]


def situation_dimensions(request=None) -> dict[str, str]:
    """Slug -> the question it answers, for the situations of the active language."""
    return {
        situatie.slug: dimension
        for dimension, items in situation_choices(request).items()
        for situatie in items
    }
