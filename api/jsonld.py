"""schema.org descriptions of the public pages, embedded as JSON-LD.

A ``<script type="application/ld+json">`` element is data, not code: browsers never run it, so the strict
Content-Security-Policy (no inline scripts) stays as it is. Every fact comes from the same live fields the page
shows; pages describe themselves as a WebPage with a BreadcrumbList, with the organisation or regulation as its
main entity. Organisations are typed by the kind editors recorded (``Organisatie.soort``): a government body is a
``GovernmentOrganization``, a non-profit an ``NGO``; an intergovernmental one, or one whose kind is not recorded, stays
a plain ``Organization``, because a wrong type would be a wrong fact.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CONTEXT = "https://schema.org"
# As Django's json_script does: no "<", ">" or "&" in the data can end the element early.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_element(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _home_path() -> str:
    language = _language()
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def _site_name() -> str:
    return _("Human Trafficking Signpost")


def website(request) -> dict:
    search = request.build_absolute_uri(reverse("search"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": _site_name(),
        "url": request.build_absolute_uri(_home_path()),
        "inLanguage": _language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(request, trail) -> dict:
    """``trail``: (path, name) from the home page to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": request.build_absolute_uri(path)}
            for number, (path, name) in enumerate([(_home_path(), _("Home")), *trail], start=1)
        ],
    }


def web_page(request, name, description, trail, last_checked=None, main_entity=None) -> dict:
    page = {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": name,
        "url": request.build_absolute_uri(request.path),
        "inLanguage": _language(),
        "isPartOf": {
            "@type": "WebSite",
            "name": _site_name(),
            "url": request.build_absolute_uri(_home_path()),
        },
        "breadcrumb": breadcrumb_list(request, trail),
    }
    if description:
        page["description"] = description
    if last_checked:
        page["lastReviewed"] = last_checked.isoformat()
    if main_entity:
        page["mainEntity"] = main_entity
    return page


SCHEMA_TYPES = {"overheid": "GovernmentOrganization", "non-profit": "NGO"}


def organisation_type(organisatie) -> str:
    return SCHEMA_TYPES.get(organisatie.soort, "Organization")


def organisation(request, organisatie) -> dict:
    contact = {"@type": "ContactPoint", "contactType": _("Help and information")}
    if organisatie.phone:
        contact["telephone"] = organisatie.phone
    if organisatie.email:
        contact["email"] = organisatie.email
    if organisatie.opening_hours:
        contact["description"] = organisatie.opening_hours
    entity = {
        "@type": organisation_type(organisatie),
        "name": organisatie.name,
        "description": organisatie.summary,
        "areaServed": organisatie.region
        if organisatie.coverage == "regional" and organisatie.region
        else {"@type": "Country", "name": _("The Netherlands")},
    }
    if organisatie.website:
        entity["url"] = organisatie.website
    if len(contact) > 2:
        entity["contactPoint"] = [contact]
    trail = [(reverse("organisaties:organisatie_list"), _("Organisations")), (request.path, organisatie.name)]
    return web_page(request, organisatie.name, organisatie.summary, trail, organisatie.last_checked, entity)


def regulation(request, regeling) -> dict:
    entity = {
        "@type": "GovernmentService",
        "name": regeling.title,
        "description": regeling.summary,
        "areaServed": {"@type": "Country", "name": _("The Netherlands")},
        "audience": {"@type": "Audience", "audienceType": regeling.applies_to},
    }
    if regeling.source_url:
        entity["subjectOf"] = {
            "@type": "WebPage",
            "url": regeling.source_url,
            "name": regeling.source_title or regeling.source_url,
        }
    trail = [
        (reverse("organisaties:regeling_list"), _("Rights and regulations")),
        (request.path, regeling.title),
    ]
    return web_page(request, regeling.title, regeling.summary, trail, regeling.last_checked, entity)


def page(request, wagtail_page, phase_page=None) -> dict:
    """A phase, step or information page; a step's trail goes through its phase (from the page's context)."""
    trail = []
    if phase_page is not None and phase_page.pk != wagtail_page.pk:
        trail.append((phase_page.get_url(request), phase_page.title))
    trail.append((request.path, wagtail_page.title))
    description = (
        getattr(wagtail_page, "search_description", "")
        or getattr(wagtail_page, "summary", "")
        or getattr(wagtail_page, "intro", "")
    )
    return web_page(
        request,
        wagtail_page.title,
        strip_tags(description),
        trail,
        getattr(wagtail_page, "last_checked", None),
    )
