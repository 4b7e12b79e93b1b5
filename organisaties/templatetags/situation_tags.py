"""The situation filter "Who are you looking for?" and the summary of the choice, shown on every page."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from organisaties.models import Situatie
from organisaties.selection import chosen_situations, selection_for_request, situation_choices
from organisaties.situations import DIMENSIONS

register = template.Library()


def _groups(request):
    selection = selection_for_request(request)
    choices = situation_choices(request)
    labels = dict(Situatie.Dimension.choices)
    return [
        {
            "dimension": dimension,
            "label": labels[dimension],
            "options": choices.get(dimension, []),
            "chosen": selection.values.get(dimension, ""),
        }
        for dimension in DIMENSIONS
        if choices.get(dimension)
    ]


@register.inclusion_tag("includes/situation_fields.html", takes_context=True)
def situation_fields(context):
    """The three situation questions as fields inside another filter form."""
    return {"groups": _groups(context.get("request"))}


@register.inclusion_tag("includes/situation_filter.html", takes_context=True)
def situation_filter(context, action="", heading_level=2, back=""):
    """The form "Who are you looking for?"; with ``back`` it is the form of the page for changing the situation,
    which sends the visitor back to that path with the new choice."""
    request = context.get("request")
    return {
        "groups": _groups(request),
        "action": action,
        "back": back,
        "selection": selection_for_request(request),
        "heading_level": heading_level,
    }


@register.inclusion_tag("includes/situation_summary.html", takes_context=True)
def situation_summary(context):
    request = context.get("request")
    selection = selection_for_request(request)
    return {
        "chosen": chosen_situations(request) if request is not None else [],
        "clear_url": request.path if request is not None else "",
        "change_url": change_situation_url(request, selection),
        "selection": selection,
    }


def change_situation_url(request, selection) -> str:
    """The page for changing the situation, which comes back to this page (without its other parameters)."""
    if request is None:
        return ""
    return f"{reverse('situatie')}?{urlencode({**selection.values, 'terug': request.path})}"
