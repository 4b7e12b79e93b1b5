"""HSDS 3 endpoints: organizations and services as the HSDS API describes them, and the data package.

Paging follows the HSDS API (``page``, ``per_page``, and the ``Page`` fields ``total_items`` ... ``contents``), so
existing HSDS tools can read it; the Design Rules' headers and errors apply as on the other endpoints.
"""

import uuid

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from . import content, hsds
from .conventions import PublicApiView
from .datapackage import build_datapackage
from .hsds_documents import (
    HsdsOrganizationPageSerializer,
    HsdsOrganizationSerializer,
    HsdsServicePageSerializer,
    HsdsServiceSerializer,
)
from .pagination import MAX_PAGE, MAX_SIZE, whole_number
from .views import LANGUAGE, PROBLEMS

HSDS_PAGE = [
    OpenApiParameter("page", int, description="The page number, from 1."),
    OpenApiParameter("per_page", int, description=f"Items per page, 1 to {MAX_SIZE}; 50 when left out."),
]
DEFAULT_PER_PAGE = 50


def _hsds_page(request, items, represent) -> dict:
    number = whole_number(request, "page", 1, MAX_PAGE)
    size = whole_number(request, "per_page", DEFAULT_PER_PAGE, MAX_SIZE)
    total = len(items)
    pages = max(1, -(-total // size))
    if number > pages:
        raise NotFound(
            _("There is no page %(number)s; the last page is %(last)s.") % {"number": number, "last": pages}
        )
    contents = [represent(item) for item in items[(number - 1) * size : number * size]]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == pages,
        "empty": total == 0,
        "contents": contents,
    }


def _by_id(queryset, record_id: str):
    try:
        key = uuid.UUID(record_id)
    except ValueError:
        key = None
    found = queryset.filter(translation_key=key).first() if key else None
    if found is None:
        raise NotFound(_("There is no record with this id."))
    return found


def _by_service_id(queryset, record_id: str):
    for organisatie in queryset:
        if hsds.service_id(organisatie) == record_id:
            return organisatie
    raise NotFound(_("There is no record with this id."))


class HsdsOrganizationList(PublicApiView):
    parameters = frozenset({"page", "per_page"})

    @extend_schema(
        operation_id="hsdsOrganizations",
        parameters=[LANGUAGE, *HSDS_PAGE],
        responses={200: HsdsOrganizationPageSerializer, **PROBLEMS},
    )
    def get(self, request):
        """Organisations as HSDS 3 ``organization`` records."""
        items = list(content.organisaties(self.language))
        return Response(
            _hsds_page(request, items, lambda item: hsds.organization(item, request, self.language))
        )


class HsdsOrganizationDetail(PublicApiView):
    @extend_schema(
        operation_id="hsdsOrganization",
        parameters=[LANGUAGE],
        responses={200: HsdsOrganizationSerializer, **PROBLEMS},
    )
    def get(self, request, record_id):
        """One HSDS 3 ``organization`` record."""
        return Response(
            hsds.organization(_by_id(content.organisaties(self.language), record_id), request, self.language)
        )


class HsdsServiceList(PublicApiView):
    parameters = frozenset({"page", "per_page"})

    @extend_schema(
        operation_id="hsdsServices",
        parameters=[LANGUAGE, *HSDS_PAGE],
        responses={200: HsdsServicePageSerializer, **PROBLEMS},
    )
    def get(self, request):
        """What each organisation does, as HSDS 3 ``service`` records with phones, areas and eligibility."""
        items = list(content.organisaties(self.language))
        return Response(_hsds_page(request, items, lambda item: hsds.service(item, request, self.language)))


class HsdsServiceDetail(PublicApiView):
    @extend_schema(
        operation_id="hsdsService", parameters=[LANGUAGE], responses={200: HsdsServiceSerializer, **PROBLEMS}
    )
    def get(self, request, record_id):
        """One HSDS 3 ``service`` record."""
        organisatie = _by_service_id(content.organisaties(self.language), record_id)
        return Response(hsds.service(organisatie, request, self.language))


class HsdsDatapackage(PublicApiView):
    @extend_schema(
        operation_id="hsdsDatapackage",
        parameters=[LANGUAGE],
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The HSDS data package."
            ),
            **PROBLEMS,
        },
    )
    def get(self, request):
        """Every organisation and service as an HSDS 3 data package: datapackage.json, CSV tables and JSON."""
        archive = build_datapackage(request, self.language)
        response = HttpResponse(archive, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="wegwijzer-hsds-{self.language}.zip"'
        return response
