"""Errors as application/problem+json (RFC 9457), as the Dutch API Design Rules ask.

Every error the API gives, whether raised by our own checks, by Django REST framework or by a URL that matches no
resource, has the same shape: ``type``, ``title``, ``status``, ``detail``, ``instance`` and, for bad query
parameters, ``invalidParams`` (the name the Design Rules' problem extension uses).
"""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

PROBLEM_CONTENT_TYPE = "application/problem+json"


class InvalidParameters(exceptions.APIException):
    """One or more query parameters or request headers that the API does not accept."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, invalid: list[dict]):
        self.invalid = invalid
        super().__init__(detail=_("The request has invalid parameters."))


def problem(status_code: int, title: str, detail: str, instance: str, invalid=None) -> dict:
    body = {
        "type": f"https://datatracker.ietf.org/doc/html/rfc9110#status.{status_code}",
        "title": title,
        "status": status_code,
        "detail": detail,
        "instance": instance,
    }
    if invalid:
        body["invalidParams"] = invalid
    return body


def _title(status_code: int) -> str:
    titles = {
        400: _("Bad request"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
    }
    return titles.get(status_code, _("Error"))


def exception_handler(exc, context):
    """DRF's exception handler for the API's views: every handled error becomes a problem document."""
    request = context["request"]
    if isinstance(exc, exceptions.APIException):
        status_code = exc.status_code
        detail = exc.detail if isinstance(exc.detail, str) else _("The request could not be handled.")
    elif isinstance(exc, Http404):
        status_code, detail = 404, _("There is no resource at this address.")
    else:
        return None
    body = problem(
        status_code,
        _title(status_code),
        str(detail),
        request.get_full_path(),
        getattr(exc, "invalid", None),
    )
    headers = {"Allow": "GET, HEAD, OPTIONS"} if status_code == 405 else None
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE, headers=headers)


def not_found_response(request) -> JsonResponse:
    """For an address under /api/v1/ that names no resource at all."""
    body = problem(404, _title(404), _("There is no resource at this address."), request.get_full_path())
    return JsonResponse(body, status=404, content_type=PROBLEM_CONTENT_TYPE)
