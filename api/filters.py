"""The website's filters, read strictly: the same parameter names and values, but an unknown value is a 400.

The website ignores a value it does not know (an old link still shows a page); a program that asks for
``?leeftijd=minderjrig`` must hear that it made a typing error instead of silently getting everything. Known values
go through the website's own filter functions, so the API counts what the website shows.
"""

from django.utils.translation import gettext as _

from organisaties.filters import (
    ListFilters,
    clean_text,
    filter_organisations,
    filter_regulations,
    organisation_filters,
)
from organisaties.regio_models import GEMEENTE_CODE, Gemeente, Regiotype
from organisaties.selection import load_situation_choices, situation_questions
from organisaties.situations import SituationSelection

from .problems import InvalidParameters

LISTED_PARAMETERS = (
    "dienst",
    "doelgroep",
    "werkgebied",
    "regio",
)  # a slug from the options of the filter form
GEMEENTE_PARAMETER = "gemeente"
ORGANISATION_PARAMETERS = frozenset({*LISTED_PARAMETERS, GEMEENTE_PARAMETER})
REGION_PARAMETERS = frozenset({"regiotype", GEMEENTE_PARAMETER})
SEARCH_PARAMETER = "q"


def _unknown_value(name: str, choices) -> dict:
    return {
        "name": name,
        "code": "enum",
        "reason": _("Choose one of: %(choices)s.") % {"choices": ", ".join(sorted(choices))},
    }


def situation_parameters() -> frozenset[str]:
    """The situation questions' slugs (``leeftijd``, ...): editors' data, read once per content generation."""
    return frozenset(situation_questions())


def situation_selection(request) -> SituationSelection:
    """The chosen situation in the active language; a 400 for an answer that does not exist."""
    questions = situation_parameters()
    if not any(name in request.GET for name in questions):
        return SituationSelection()
    known = {question: {s.slug for s in items} for question, items in load_situation_choices().items()}
    invalid = [
        _unknown_value(name, known.get(name, ()))
        for name in sorted(questions)
        if name in request.GET and request.GET[name] not in known.get(name, set())
    ]
    if invalid:
        raise InvalidParameters(invalid)
    return SituationSelection.from_query(request.GET, known)


def organisations(request, queryset):
    selection = situation_selection(request)
    filters, options = organisation_filters(request)
    invalid = [
        _unknown_value(name, [option.slug for option in options[name]])
        for name in LISTED_PARAMETERS
        if name in request.GET and name not in filters.values
    ]
    if (
        GEMEENTE_PARAMETER in request.GET
        and filters.values.get(GEMEENTE_PARAMETER) != request.GET[GEMEENTE_PARAMETER]
    ):
        invalid.append(_unknown_gemeente())
    if invalid:
        raise InvalidParameters(invalid)
    return filter_organisations(queryset, filters, selection)


def regulations(request, queryset):
    selection = situation_selection(request)
    filters = ListFilters(clean_text(request.GET.get(SEARCH_PARAMETER, "")))
    return filter_regulations(queryset, filters, selection)


def _unknown_gemeente() -> dict:
    return {
        "name": GEMEENTE_PARAMETER,
        "code": "format",
        "reason": _("Give the CBS code of a current municipality, e.g. GM0363."),
    }


def _gemeente_code(request) -> str | None:
    """The CBS code asked for, exactly as the CBS writes it (the website also takes names; a program gives codes)."""
    value = request.GET.get(GEMEENTE_PARAMETER)
    if value is None:
        return None
    if not GEMEENTE_CODE.match(value) or not Gemeente.objects.filter(code=value).exists():
        raise InvalidParameters([_unknown_gemeente()])
    return value


def regions(request, queryset):
    """Regions of one type, or those covering one municipality; an unknown type or municipality is a 400."""
    invalid = []
    regiotype = request.GET.get("regiotype")
    if regiotype is not None:
        known = list(Regiotype.objects.values_list("slug", flat=True))
        if regiotype not in known:
            invalid.append(_unknown_value("regiotype", known))
        queryset = queryset.filter(regiotype__slug=regiotype)
    code = _gemeente_code(request)
    if code is not None:
        queryset = queryset.filter(gemeenten__code=code)
    if invalid:
        raise InvalidParameters(invalid)
    return queryset.distinct()
