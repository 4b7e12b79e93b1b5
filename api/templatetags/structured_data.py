"""``{% load structured_data %}``: schema.org JSON-LD for the public pages (see api/jsonld.py)."""

from django import template

from api import jsonld

register = template.Library()


@register.simple_tag
def website_json_ld(request):
    return jsonld.script_element(jsonld.website(request))


@register.simple_tag
def organisation_json_ld(request, organisatie):
    return jsonld.script_element(jsonld.organisation(request, organisatie))


@register.simple_tag
def regulation_json_ld(request, regeling):
    return jsonld.script_element(jsonld.regulation(request, regeling))


@register.simple_tag
def page_json_ld(request, page, phase=None):
    """``phase`` is the journey's phase of a step (it holds the phase page), so the trail costs no query."""
    return jsonld.script_element(jsonld.page(request, page, getattr(phase, "page", None)))
