"""The situation filter "Who are you looking for?" and the summary of the choice, shown on every page."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from organisaties.selection import chosen_situations, selection_for_request, situation_choices

register = template.Library()

# Parameters a removed answer does not keep: a page number may not exist once the list grows.
DROPPED_ON_CHANGE = ("pagina",)


def _groups(request):
    """Each question that has answers in this language, in the editors' order, with the chosen answer."""
    selection = selection_for_request(request)
    return [
        {
            "key": question,
            "label": options[0].vraag.label,
            "help_text": options[0].vraag.help_text,
            "options": options,
            "chosen": selection.values.get(question, ""),
        }
        for question, options in situation_choices().items()
    ]


@register.inclusion_tag("includes/situation_fields.html", takes_context=True)
def situation_fields(context):
    """The situation questions as fields inside another filter form."""
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
    chosen = chosen_situations(request) if request is not None else []
    return {
        "chips": [(situatie, without_answer_url(request, situatie.question)) for situatie in chosen],
        "clear_url": request.path if request is not None else "",
        "change_url": change_situation_url(request, selection),
        "selection": selection,
    }


def without_answer_url(request, question: str) -> str:
    """This page without the answer to one question: the other answers and parameters stay."""
    query = request.GET.copy()
    for name in (question, *DROPPED_ON_CHANGE):
        query.pop(name, None)
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def change_situation_url(request, selection) -> str:
    """The page for changing the situation, which comes back to this page (without its other parameters)."""
    if request is None:
        return ""
    return f"{reverse('situatie')}?{urlencode({**selection.values, 'terug': request.path})}"
