"""Settings for the generated OpenAPI document, and the headers every response carries (added to each operation
by a post-processing hook, since drf-spectacular has no per-project default for response headers)."""

from django.conf import settings
from django.db import DatabaseError

from organisaties.models import Situatievraag
from organisaties.selection import situation_questions

from .conventions import API_VERSION

# The operations that filter by situation declare these in the code (api/views.py); the hook below replaces them
# with the questions editors keep, each with its answers, as the document is generated.
DECLARED_SITUATION_PARAMETERS = frozenset({"leeftijd", "herkomst", "uitbuiting"})

COMMON_HEADERS = {
    "API-Version": {
        "description": "The full version of the API (Design Rules API-57).",
        "schema": {"type": "string"},
    },
    "Access-Control-Allow-Origin": {
        "description": "Always *: the API is open to every origin.",
        "schema": {"type": "string"},
    },
}
SUCCESS_HEADERS = {
    "ETag": {
        "description": "Send it back in If-None-Match to get 304 when nothing changed.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {"description": "public, with a short max-age.", "schema": {"type": "string"}},
}


def only_this_api(endpoints):
    """Document the public API only (the Wagtail admin has API views of its own)."""
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/v1") and not endpoint[0].endswith("openapi.json")
    ]


def situation_parameters(result, generator, request, public):
    """One query parameter per situation question that editors keep, with its answers as the enum."""
    answers = situation_questions()
    if not answers:  # the database cannot be read: keep the parameters the code declares
        return result
    try:
        dutch = Situatievraag.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "sort_order"
        )
        labels = dict(dutch.values_list("slug", "label"))
    except DatabaseError:
        labels = {}
    order = [slug for slug in labels if slug in answers] + sorted(set(answers) - set(labels))
    questions = [
        {
            "name": slug,
            "in": "query",
            "required": False,
            "description": f"Situation question “{labels.get(slug, slug)}”: one of its answers. An unknown answer "
            "is a 400.",
            "schema": {"type": "string", "enum": sorted(answers[slug])},
        }
        for slug in order
    ]
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            parameters = operation.get("parameters", [])
            if any(parameter.get("name") in DECLARED_SITUATION_PARAMETERS for parameter in parameters):
                kept = [
                    p for p in parameters if p.get("name") not in DECLARED_SITUATION_PARAMETERS | set(answers)
                ]
                operation["parameters"] = kept + questions
    return result


def add_headers(result, generator, request, public):
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                headers = {**COMMON_HEADERS, **(SUCCESS_HEADERS if status == "200" else {})}
                response.setdefault("headers", {}).update(headers)
    return result


SPECTACULAR_SETTINGS = {
    "TITLE": "Wegwijzer Mensenhandel API",
    "DESCRIPTION": (
        "Read-only open data of the Human Trafficking Signpost: organisations that help victims, rights and "
        "regulations, the phases of support and their steps, in Dutch (nl) and the site's other languages (see the "
        "parameter taal), and the organisation guide as Open Referral HSDS 3. Only published, public content. Follows the Dutch API Design Rules: JSON, "
        "HAL links for pages, errors as application/problem+json, API-Version header, ETag and If-None-Match, "
        "CORS open for reading, no cookies."
    ),
    "VERSION": API_VERSION,
    "LICENSE": {
        "name": "EUPL-1.2 (the software)",
        "url": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    },
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": False,
    "SERVERS": [],
    "COMPONENT_SPLIT_REQUEST": False,
    "PREPROCESSING_HOOKS": ["api.openapi.only_this_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.openapi.situation_parameters",
        "api.openapi.add_headers",
    ],
}
