"""The filters of the organisation guide and the regulations overview, read from GET parameters.

Unknown or malformed values are ignored, so a hand-edited or old link still shows a normal page.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q

from kern.i18n import active_language_code, in_active_language
from kern.per_generation import kept

from .gemeente_lookup import lookup_for_request
from .models import Dienst, Doelgroep, Organisatie, Regio

MAX_QUERY_LENGTH = 200


def clean_text(value: str, limit: int = MAX_QUERY_LENGTH) -> str:
    """A search text without control characters (NUL bytes break PostgreSQL), capped in length."""
    return "".join(char for char in value[:limit] if char.isprintable()).strip()


@dataclass
class ListFilters:
    query: str = ""
    values: dict = field(default_factory=dict)  # parameter name -> chosen slug

    def querystring(self, selection) -> str:
        params = {"q": self.query} if self.query else {}
        params.update(self.values)
        params.update(selection.values)
        return urlencode(params)


def _options(model):
    """The tags of the active language a filter offers; the same for every visitor, so kept per generation."""
    return kept(
        f"filter-options:{model._meta.label_lower}:{active_language_code()}",
        lambda: list(model.objects.filter(in_active_language()).order_by("sort_order", "name")),
    )


def _regions():
    return kept(
        "filter-options:regio",
        lambda: list(Regio.objects.only("slug", "name").order_by("regiotype__sort_order", "name")),
    )


def organisation_filters(request):
    """The filter form's options and the visitor's valid choices."""
    options = {
        "dienst": _options(Dienst),
        "doelgroep": _options(Doelgroep),
        "werkgebied": [
            type("Option", (), {"slug": value, "name": label})
            for value, label in Organisatie.Coverage.choices
        ],
        "regio": _regions(),
    }
    chosen = {}
    for name, items in options.items():
        value = request.GET.get(name, "")
        if value in {item.slug for item in items}:
            chosen[name] = value
    # The municipality: a typed name is looked up; the filter then carries its CBS code.
    lookup = lookup_for_request(request)
    options["gemeente_lookup"] = lookup
    if lookup is not None and lookup.gemeente is not None:
        chosen["gemeente"] = lookup.gemeente.code
        options["gemeente"] = lookup.gemeente
    return ListFilters(clean_text(request.GET.get("q", "")), chosen), options


def filter_organisations(queryset, filters: ListFilters, selection):
    if filters.query:
        queryset = queryset.filter(name__icontains=filters.query)
    if "dienst" in filters.values:
        queryset = queryset.filter(services__slug=filters.values["dienst"])
    if "doelgroep" in filters.values:
        queryset = queryset.filter(audiences__slug=filters.values["doelgroep"])
    if "werkgebied" in filters.values:
        queryset = queryset.filter(coverage=filters.values["werkgebied"])
    if "regio" in filters.values:
        queryset = queryset.filter(regio_links__regio__slug=filters.values["regio"])
    if "gemeente" in filters.values:
        # National organisations work everywhere; a regional one only where a confirmed region of it covers the
        # municipality.
        covering = Regio.objects.confirmed().filter(gemeenten__code=filters.values["gemeente"])
        queryset = queryset.filter(
            Q(coverage=Organisatie.Coverage.NATIONAL) | Q(regio_links__regio__in=covering)
        )
    return _matching_situation(queryset.distinct(), selection)


def filter_regulations(queryset, filters: ListFilters, selection):
    if filters.query:
        queryset = queryset.filter(title__icontains=filters.query)
    return _matching_situation(queryset, selection)


def _matching_situation(queryset, selection):
    """Items that apply to the chosen situation, with their tags fetched in one query. Without a choice, the
    queryset itself: the paginator then counts and loads one page in the database instead of every item."""
    if not selection:
        return queryset
    return [item for item in queryset.prefetch_related("situations") if item.matches_situation(selection)]
