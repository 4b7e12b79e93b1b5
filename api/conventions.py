"""What every response of the open data API shares, following the Dutch API Design Rules.

* ``API-Version`` on every response (API-57), JSON by default, errors as problem+json (see problems.py).
* Open to every origin for reading (CORS for GET/HEAD, with a preflight answer for ``If-None-Match``), without a
  CORS package: the API is public and read-only, so one fixed set of headers is enough.
* No cookies, ever: no authentication classes (so no session is read), and any cookie is removed before the response
  leaves the view.
* ``ETag`` on every successful answer and ``304 Not Modified`` for a matching ``If-None-Match``; a malformed
  ``If-None-Match`` is a 400. ``Cache-Control: public`` with a short max-age, like the pages.
* Unknown query parameters and unknown languages are a 400, so a typing error never silently returns everything.
* Nothing is kept in a server-side cache: every API URL is computed on request, so a flood of unique URLs can not
  push the pages out of the cache (the page cache stores only HTML, see wegwijzer/page_cache.py).
"""

import hashlib
import re

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from .problems import InvalidParameters, exception_handler

API_VERSION = "1.0.0"
MAX_AGE_SECONDS = 60
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
LANGUAGE_PARAMETER = "taal"

# RFC 9110, section 13.1.2: "*" or a comma-separated list of (optionally weak) quoted entity tags.
_ENTITY_TAG = r'(?:W/)?"[\x21\x23-\x7e\x80-\xff]*"'
_IF_NONE_MATCH = re.compile(rf"^\s*(?:\*|{_ENTITY_TAG}(?:\s*,\s*{_ENTITY_TAG})*)\s*$")
_TAGS = re.compile(_ENTITY_TAG)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "API-Version, ETag, Link, X-Total-Count",
    "Access-Control-Max-Age": "86400",
}


class UnicodeJSONRenderer(JSONRenderer):
    """JSON, also for problem documents (DRF picks the renderer before the error is known)."""

    media_type = "application/json"


def requested_language(request) -> str:
    value = request.GET.get(LANGUAGE_PARAMETER, settings.LANGUAGE_CODE)
    return value if value in LANGUAGES else settings.LANGUAGE_CODE


def check_parameters(request, allowed: set[str]) -> None:
    """400 for query parameters the endpoint does not know, repeated ones, an unknown language or a bad ETag."""
    invalid = []
    for name, values in request.GET.lists():
        if name not in allowed:
            invalid.append({"name": name, "code": "unknown", "reason": _("This parameter is not known.")})
        elif len(values) > 1:
            invalid.append({"name": name, "code": "repeated", "reason": _("Give this parameter once.")})
    language = request.GET.get(LANGUAGE_PARAMETER)
    if language is not None and language not in LANGUAGES:
        invalid.append(
            {
                "name": LANGUAGE_PARAMETER,
                "code": "enum",
                "reason": _("Choose one of: %(choices)s.") % {"choices": ", ".join(LANGUAGES)},
            }
        )
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None and not _IF_NONE_MATCH.match(if_none_match):
        invalid.append(
            {
                "name": "If-None-Match",
                "code": "format",
                "reason": _('Give one or more entity tags in double quotes, e.g. "abc", or *.'),
            }
        )
    if invalid:
        raise InvalidParameters(invalid)


def entity_tag(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match or not _IF_NONE_MATCH.match(if_none_match):
        return False
    if if_none_match.strip() == "*":
        return True
    # Weak comparison (RFC 9110, 13.1.2): W/"x" matches "x".
    return any(tag.removeprefix("W/") == etag for tag in _TAGS.findall(if_none_match))


def finish(request, response):
    """The headers every API response carries; a 304 for a matching If-None-Match."""
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    response["API-Version"] = API_VERSION
    # The language of the answer is the one asked for with ?taal=, not the browser's (set before LocaleMiddleware).
    response["Content-Language"] = requested_language(request)
    for name, value in CORS_HEADERS.items():
        response[name] = value
    response.cookies.clear()
    if response.status_code == 200 and not response.streaming:
        etag = entity_tag(response.content)
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
        if request.method in ("GET", "HEAD") and _matches(request.headers.get("If-None-Match"), etag):
            not_modified = HttpResponse(status=304)
            for name in ("ETag", "Cache-Control", "API-Version", "Vary", *CORS_HEADERS):
                if name in response:
                    not_modified[name] = response[name]
            return not_modified
    elif response.status_code >= 400:
        # Errors depend only on the address; short caching keeps a retry loop cheap without hiding a fix.
        response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response


class PublicApiView(APIView):
    """A read-only endpoint of the public API: anonymous, cookie-free, JSON, problem+json errors."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()
    renderer_classes = (UnicodeJSONRenderer,)
    http_method_names = ["get", "head", "options"]
    # The query parameters the endpoint accepts, besides ``taal``.
    parameters: frozenset[str] = frozenset()

    def get_exception_handler(self):
        return exception_handler

    def dispatch(self, request, *args, **kwargs):
        # The content language is the one asked for with ?taal=, never the browser's: the same URL must always give
        # the same answer, for caches and for the ETag.
        with translation.override(requested_language(request)):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method != "OPTIONS":
            check_parameters(request, self.allowed_parameters())

    def allowed_parameters(self) -> set[str]:
        return {LANGUAGE_PARAMETER, *self.parameters}

    def options(self, request, *args, **kwargs):
        """The CORS preflight: no body, the headers come from ``finish``."""
        return HttpResponse(status=204)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return finish(request, response)

    @property
    def language(self) -> str:
        return requested_language(self.request)
