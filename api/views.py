"""The resources of the public API: organisaties, regelingen, fases and their stappen, regios."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response

from . import content, filters
from .conventions import LANGUAGE_PARAMETER, LANGUAGES, PublicApiView
from .documents import ProblemSerializer, page_of
from .pagination import MAX_SIZE, PAGE_PARAMETER, PAGE_PARAMETERS, SIZE_PARAMETER, paginate
from .problems import PROBLEM_CONTENT_TYPE
from .serializers import (
    FaseSerializer,
    OrganisatieSerializer,
    RegelingSerializer,
    RegioSerializer,
    StapSerializer,
)

LANGUAGE = OpenApiParameter(
    LANGUAGE_PARAMETER, str, enum=list(LANGUAGES), default="nl", description="The language of the content."
)
PAGE = [
    OpenApiParameter(PAGE_PARAMETER, int, description="The page number, from 1."),
    OpenApiParameter(SIZE_PARAMETER, int, description=f"Items per page, 1 to {MAX_SIZE}; 20 when left out."),
]
SITUATION = [
    OpenApiParameter(
        "leeftijd",
        str,
        description="Age: a slug from the situation filter, e.g. minderjarig or meerderjarig.",
    ),
    OpenApiParameter("herkomst", str, description="Origin and residence, e.g. eu-eer."),
    OpenApiParameter("uitbuiting", str, description="Form of exploitation, e.g. arbeid."),
]
ORGANISATION_FILTERS = [
    OpenApiParameter("dienst", str, description="A service slug, as in `diensten`."),
    OpenApiParameter("doelgroep", str, description="An audience slug, as in `doelgroepen`."),
    OpenApiParameter("werkgebied", str, enum=["national", "regional"], description="National or regional."),
    OpenApiParameter("q", str, description="Part of the name (organisations) or title (regulations)."),
]
AREA_FILTERS = [
    OpenApiParameter(
        "regio", str, description="A region slug, as in `regios`: the organisations that serve it."
    ),
    OpenApiParameter(
        "gemeente",
        str,
        pattern=r"^GM\d{4}$",
        description="A municipality's CBS code, e.g. GM0363: national organisations and those serving a confirmed "
        "region that covers it, as in the website's filter.",
    ),
]
REGION_FILTERS = [
    OpenApiParameter("regiotype", str, description="A region type slug, e.g. veilig-thuis."),
    OpenApiParameter("gemeente", str, pattern=r"^GM\d{4}$", description="Regions that cover this CBS code."),
]
PROBLEMS = {
    (400, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description="Invalid parameters."),
    (404, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description="No such resource or page."),
    304: OpenApiResponse(description="Not modified: the ETag given in If-None-Match still holds."),
}


def _listing(operation_id, response_serializer, extra=()):
    return extend_schema(
        operation_id=operation_id,
        parameters=[LANGUAGE, *PAGE, *extra],
        responses={200: response_serializer, **PROBLEMS},
    )


def _detail(operation_id, response_serializer):
    return extend_schema(
        operation_id=operation_id, parameters=[LANGUAGE], responses={200: response_serializer, **PROBLEMS}
    )


class ListView(PublicApiView):
    collection = ""
    serializer_class = None

    def items(self):
        raise NotImplementedError

    def context(self) -> dict:
        return {"request": self.request, "language": self.language}

    def get(self, request, *args, **kwargs):
        context = self.context()
        serializer = self.serializer_class

        def represent(item):
            return serializer(item, context=context).data

        document, total = paginate(request, self.items(), self.collection, represent)
        return Response(document, headers={"X-Total-Count": str(total)})


class SituationFilteredMixin:
    """Accepts the situation questions (``?leeftijd=...``): editors' data, so not a fixed list of names."""

    def allowed_parameters(self) -> set[str]:
        return {*super().allowed_parameters(), *filters.situation_parameters()}


class OrganisatieList(SituationFilteredMixin, ListView):
    collection = "organisaties"
    serializer_class = OrganisatieSerializer
    parameters = PAGE_PARAMETERS | filters.ORGANISATION_PARAMETERS | {"q"}

    def items(self):
        return filters.organisations(self.request, content.organisaties(self.language))

    @_listing(
        "organisatiesLijst",
        page_of("organisaties", OrganisatieSerializer),
        [*SITUATION, *ORGANISATION_FILTERS, *AREA_FILTERS],
    )
    def get(self, request, *args, **kwargs):
        """Organisations that help victims of human trafficking, as in the organisation guide."""
        return super().get(request, *args, **kwargs)


class RegelingList(SituationFilteredMixin, ListView):
    collection = "regelingen"
    serializer_class = RegelingSerializer
    parameters = PAGE_PARAMETERS | {"q"}

    def items(self):
        return filters.regulations(self.request, content.regelingen(self.language))

    @_listing(
        "regelingenLijst", page_of("regelingen", RegelingSerializer), [*SITUATION, ORGANISATION_FILTERS[-1]]
    )
    def get(self, request, *args, **kwargs):
        """Rights and regulations for victims, as in the rights-and-regulations overview."""
        return super().get(request, *args, **kwargs)


class FaseList(ListView):
    collection = "fases"
    serializer_class = FaseSerializer
    parameters = PAGE_PARAMETERS

    def items(self):
        return content.fases(self.language)

    @_listing("fasesLijst", page_of("fases", FaseSerializer))
    def get(self, request, *args, **kwargs):
        """The four phases of support, in order."""
        return super().get(request, *args, **kwargs)


def _fase(language: str, slug: str):
    fase = content.fases(language).filter(slug=slug).first()
    if fase is None:
        raise NotFound(_("There is no phase with this slug."))
    return fase


class StapList(SituationFilteredMixin, ListView):
    collection = "stappen"
    serializer_class = StapSerializer
    parameters = PAGE_PARAMETERS

    def context(self) -> dict:
        return {
            **super().context(),
            "fase": self.fase,
            "selection": filters.situation_selection(self.request),
        }

    def items(self):
        selection = filters.situation_selection(self.request)
        steps = list(content.stappen(self.fase))
        return [step for step in steps if step.matches_situation(selection)] if selection else steps

    @_listing("stappenLijst", page_of("stappen", StapSerializer), SITUATION)
    def get(self, request, slug, *args, **kwargs):
        """The steps of a phase in order; with a situation, only the steps (and their links) that apply."""
        self.fase = _fase(self.language, slug)
        return super().get(request, *args, **kwargs)


class OrganisatieDetail(PublicApiView):
    @_detail("organisatie", OrganisatieSerializer)
    def get(self, request, slug):
        """One organisation."""
        organisatie = content.organisaties(self.language).filter(slug=slug).first()
        if organisatie is None:
            raise NotFound(_("There is no organisation with this slug."))
        return Response(OrganisatieSerializer(organisatie, context=self._context()).data)

    def _context(self):
        return {"request": self.request, "language": self.language}


class RegelingDetail(PublicApiView):
    @_detail("regeling", RegelingSerializer)
    def get(self, request, slug):
        """One right or regulation."""
        regeling = content.regelingen(self.language).filter(slug=slug).first()
        if regeling is None:
            raise NotFound(_("There is no right or regulation with this slug."))
        return Response(
            RegelingSerializer(regeling, context={"request": request, "language": self.language}).data
        )


class FaseDetail(PublicApiView):
    @_detail("fase", FaseSerializer)
    def get(self, request, slug):
        """One phase."""
        fase = _fase(self.language, slug)
        return Response(FaseSerializer(fase, context={"request": request, "language": self.language}).data)


class StapDetail(PublicApiView):
    @_detail("stap", StapSerializer)
    def get(self, request, slug, stap):
        """One step of a phase, with its rights, regulations and organisations."""
        fase = _fase(self.language, slug)
        step = content.stappen(fase).filter(slug=stap).first()
        if step is None:
            raise NotFound(_("There is no step with this slug in this phase."))
        context = {"request": request, "language": self.language, "fase": fase}
        return Response(StapSerializer(step, context=context).data)


class RegioList(ListView):
    collection = "regios"
    serializer_class = RegioSerializer
    parameters = PAGE_PARAMETERS | filters.REGION_PARAMETERS

    def items(self):
        return filters.regions(self.request, content.regios(self.language))

    @_listing("regiosLijst", page_of("regios", RegioSerializer), REGION_FILTERS)
    def get(self, request, *args, **kwargs):
        """Regions (Veilig Thuis regions, police units, care coordination, ...) with their municipalities, contact,
        sources and the organisations that serve them; confirmed and still-to-check ones, each with its status."""
        return super().get(request, *args, **kwargs)


class RegioDetail(PublicApiView):
    @_detail("regio", RegioSerializer)
    def get(self, request, slug):
        """One region."""
        regio = content.regios(self.language).filter(slug=slug).first()
        if regio is None:
            raise NotFound(_("There is no region with this slug."))
        return Response(RegioSerializer(regio, context={"request": request, "language": self.language}).data)


class DeveloperPageRenderer(BaseRenderer):
    """Lets a browser (Accept: text/html) have the developer page; the view renders it as a template."""

    media_type = "text/html"
    format = "html"


class ApiRoot(PublicApiView):
    """The entry point: a page for people in a browser, the list of resources for programs."""

    renderer_classes = (*PublicApiView.renderer_classes, DeveloperPageRenderer)

    @extend_schema(
        operation_id="index",
        parameters=[LANGUAGE],
        responses={
            200: OpenApiResponse(description="Links to the resources (JSON), or the developer page (HTML).")
        },
    )
    def get(self, request):
        """Links to the resources and to this OpenAPI document."""
        if request.accepted_renderer.format == "html":
            return render(request._request, "api/developer_page.html", {"language": self.language})
        return Response({"_links": _root_links(request)})


def _root_links(request):
    names = {
        "self": "root",
        "openapi": "openapi",
        "organisaties": "organisaties",
        "regelingen": "regelingen",
        "fases": "fases",
        "regios": "regios",
        "hsdsOrganizations": "hsds_organizations",
        "hsdsServices": "hsds_services",
        "hsdsDatapackage": "hsds_datapackage",
    }
    return {key: {"href": request.build_absolute_uri(reverse(f"api:{name}"))} for key, name in names.items()}
