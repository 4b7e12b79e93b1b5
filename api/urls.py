"""/api/v1/...: lower-case paths without a trailing slash (Design Rules API-48)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from . import hsds_views, views
from .conventions import PublicApiView, finish
from .openapi import SPECTACULAR_SETTINGS
from .problems import not_found_response

app_name = "api"


class OpenApiDocument(PublicApiView, SpectacularJSONAPIView):
    """The OpenAPI 3 document, generated from the views and serializers on every request."""

    custom_settings = SPECTACULAR_SETTINGS
    renderer_classes = SpectacularJSONAPIView.renderer_classes


def not_found(request):
    return finish(request, not_found_response(request))


urlpatterns = [
    path("v1", views.ApiRoot.as_view(), name="root"),
    path("v1/openapi.json", OpenApiDocument.as_view(), name="openapi"),
    path("v1/organisaties", views.OrganisatieList.as_view(), name="organisaties"),
    path("v1/organisaties/<slug:slug>", views.OrganisatieDetail.as_view(), name="organisatie"),
    path("v1/regelingen", views.RegelingList.as_view(), name="regelingen"),
    path("v1/regelingen/<slug:slug>", views.RegelingDetail.as_view(), name="regeling"),
    path("v1/fases", views.FaseList.as_view(), name="fases"),
    path("v1/fases/<slug:slug>", views.FaseDetail.as_view(), name="fase"),
    path("v1/fases/<slug:slug>/stappen", views.StapList.as_view(), name="stappen"),
    path("v1/fases/<slug:slug>/stappen/<slug:stap>", views.StapDetail.as_view(), name="stap"),
    path("v1/regios", views.RegioList.as_view(), name="regios"),
    path("v1/regios/<slug:slug>", views.RegioDetail.as_view(), name="regio"),
    path("v1/hsds/organizations", hsds_views.HsdsOrganizationList.as_view(), name="hsds_organizations"),
    path(
        "v1/hsds/organizations/<str:record_id>",
        hsds_views.HsdsOrganizationDetail.as_view(),
        name="hsds_organization",
    ),
    path("v1/hsds/services", hsds_views.HsdsServiceList.as_view(), name="hsds_services"),
    path("v1/hsds/services/<str:record_id>", hsds_views.HsdsServiceDetail.as_view(), name="hsds_service"),
    path("v1/hsds/datapackage.zip", hsds_views.HsdsDatapackage.as_view(), name="hsds_datapackage"),
    # Anything else under /api/v1/ is a problem+json 404, not the website's HTML error page.
    re_path(r"^v1/.*$", not_found, name="not_found"),
]
