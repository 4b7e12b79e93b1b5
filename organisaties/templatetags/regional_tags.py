""" "Help nearby": the municipality form (home page, answer page, steps) and the regional help on a step."""

from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from kern.per_generation import kept
from organisaties.gemeente_lookup import MAX_LENGTH, PARAMETER, gemeente_names, lookup_for_request
from organisaties.regional_help import regional_contacts, regiotypes_served_by
from organisaties.selection import selection_for_request

register = template.Library()


def _form_context(request, path, heading_level, form_id, with_situation=False, fragment=""):
    lookup = lookup_for_request(request)
    selection = selection_for_request(request)
    return {
        "request": request,
        "path": path,
        "fragment": fragment,
        "form_id": form_id,
        "heading_level": heading_level,
        "parameter": PARAMETER,
        "max_length": MAX_LENGTH,
        "datalist_id": f"{form_id}-namen",
        "lookup": lookup,
        "value": lookup.gemeente.name if lookup and lookup.gemeente else (lookup.query if lookup else ""),
        # The situation goes along as hidden fields, unless the form asks for it itself.
        "hidden": {} if with_situation else selection.values,
        "with_situation": with_situation,
        "situation_querystring": urlencode(selection.values),
    }


@register.inclusion_tag("includes/gemeente_form.html", takes_context=True)
def gemeente_form(context, heading_level=2, with_situation=False, on_this_page=False):
    """The form "Help nearby", sent to the answer page (or, on a step, to the step itself).

    ``heading_level`` 0 leaves out the heading (the answer page has its own).
    """
    request = context.get("request")
    if on_this_page:
        return _form_context(
            request, request.path, heading_level, "hulp-in-de-buurt", fragment="#hulp-in-de-buurt"
        )
    path = reverse("organisaties:hulp_in_de_buurt")
    return _form_context(request, path, heading_level, "hulp-in-de-buurt", with_situation)


@register.inclusion_tag("includes/step_regional_help.html", takes_context=True)
def step_regional_help(context, step, links=None):
    """On a step whose help is regional: the form, and for a chosen municipality the help of the region types
    that the step's organisations serve (every type when none of them serves a region).

    ``links`` is the step's lazy StepLinks: its organisations are loaded only when a municipality is chosen."""
    request = context.get("request")
    if not getattr(step, "regionale_hulp", False) or request is None:
        return {"show": False}
    lookup = lookup_for_request(request)
    selection = selection_for_request(request)
    result = {"show": True, "request": request, "selection": selection, "contacts": [], "gemeente": None}
    if lookup is not None and lookup.gemeente is not None:
        organisatie_links = links.organisaties if links is not None else ()
        served = regiotypes_served_by(link.organisatie_id for link in organisatie_links)
        result["gemeente"] = lookup.gemeente
        result["contacts"] = regional_contacts(lookup.gemeente, selection, regiotype_ids=served or None)
        result["answer_url"] = f"{reverse('organisaties:hulp_in_de_buurt')}{selection.querystring}"
    return result


@register.simple_tag
def gemeente_datalist(datalist_id):
    """The names a visitor may type, as suggestions for a text field with ``list="<datalist_id>"``.

    Some 380 options on every page with the form: rendered once per content generation, then kept."""
    html = kept(
        f"gemeente-datalist:{datalist_id}",
        lambda: render_to_string(
            "includes/gemeente_datalist.html", {"datalist_id": datalist_id, "names": gemeente_names()}
        ),
    )
    return mark_safe(html)  # our own template's output, with every name escaped there
