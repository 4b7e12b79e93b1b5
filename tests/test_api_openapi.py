"""The OpenAPI document is generated from the code, valid OpenAPI 3, and every answer matches what it documents."""

import json

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from organisaties.models import Situatie, Situatievraag

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
DOCUMENT_URI = "urn:wegwijzer:openapi"


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3(document):
    validate(document)  # raises on any error
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1.0.0"


def test_every_resource_is_documented_with_lower_case_paths_without_trailing_slash(document):
    paths = set(document["paths"])
    for expected in [
        "/api/v1/organisaties",
        "/api/v1/organisaties/{slug}",
        "/api/v1/regelingen",
        "/api/v1/regelingen/{slug}",
        "/api/v1/fases",
        "/api/v1/fases/{slug}",
        "/api/v1/fases/{slug}/stappen",
        "/api/v1/fases/{slug}/stappen/{stap}",
        "/api/v1/regios",
        "/api/v1/regios/{slug}",
        "/api/v1/hsds/organizations",
        "/api/v1/hsds/services",
        "/api/v1/hsds/datapackage.zip",
    ]:
        assert expected in paths
    for path in paths:
        assert path == path.lower() or "{" in path
        assert not path.endswith("/")
    organisaties = document["paths"]["/api/v1/organisaties"]["get"]
    names = {parameter["name"] for parameter in organisaties["parameters"]}
    assert {
        "taal",
        "pagina",
        "paginagrootte",
        "leeftijd",
        "herkomst",
        "uitbuiting",
        "regio",
        "gemeente",
    } <= names
    assert "application/problem+json" in organisaties["responses"]["400"]["content"]
    assert "API-Version" in organisaties["responses"]["200"]["headers"]


def _validator(document, path, status, media_type="application/json"):
    # The document's own references point into itself; give it a name so they resolve from the response schema.
    text = json.dumps(document).replace('"#/components/', f'"{DOCUMENT_URI}#/components/')
    rooted = json.loads(text)
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(rooted, default_specification=DRAFT4)
    )
    schema = rooted["paths"][path]["get"]["responses"][str(status)]["content"][media_type]["schema"]
    return OAS30Validator(schema, registry=registry)


CONTRACT = [
    ("/api/v1/organisaties", "/api/v1/organisaties", 200),
    ("/api/v1/organisaties?leeftijd=minderjarig&paginagrootte=5&pagina=2", "/api/v1/organisaties", 200),
    ("/api/v1/organisaties/comensha", "/api/v1/organisaties/{slug}", 200),
    ("/api/v1/organisaties/politie?taal=en", "/api/v1/organisaties/{slug}", 200),
    ("/api/v1/regelingen", "/api/v1/regelingen", 200),
    ("/api/v1/regelingen/bedenktijd", "/api/v1/regelingen/{slug}", 200),
    ("/api/v1/fases", "/api/v1/fases", 200),
    ("/api/v1/fases/beschermen", "/api/v1/fases/{slug}", 200),
    ("/api/v1/fases/beschermen/stappen?leeftijd=minderjarig", "/api/v1/fases/{slug}/stappen", 200),
    ("/api/v1/fases/beschermen/stappen/opvang", "/api/v1/fases/{slug}/stappen/{stap}", 200),
    ("/api/v1/organisaties?regio=politie-amsterdam", "/api/v1/organisaties", 200),
    ("/api/v1/organisaties?gemeente=GM0363", "/api/v1/organisaties", 200),
    ("/api/v1/regios", "/api/v1/regios", 200),
    ("/api/v1/regios?regiotype=politie-eenheid&paginagrootte=5", "/api/v1/regios", 200),
    ("/api/v1/regios?gemeente=GM0363", "/api/v1/regios", 200),
    ("/api/v1/regios/politie-amsterdam", "/api/v1/regios/{slug}", 200),
    ("/api/v1/regios/politie-amsterdam?taal=en", "/api/v1/regios/{slug}", 200),
    ("/api/v1/regios?gemeente=Amsterdam", "/api/v1/regios", 400),
    ("/api/v1/regios/bestaat-niet", "/api/v1/regios/{slug}", 404),
    ("/api/v1/hsds/organizations", "/api/v1/hsds/organizations", 200),
    ("/api/v1/hsds/services", "/api/v1/hsds/services", 200),
    ("/api/v1/organisaties?foo=bar", "/api/v1/organisaties", 400),
    ("/api/v1/organisaties/bestaat-niet", "/api/v1/organisaties/{slug}", 404),
    ("/api/v1/fases/beschermen/stappen?pagina=-3", "/api/v1/fases/{slug}/stappen", 400),
    ("/api/v1/hsds/services?page=0", "/api/v1/hsds/services", 400),
]


@pytest.mark.parametrize(("url", "path", "status"), CONTRACT)
def test_answers_validate_against_the_document(client, document, url, path, status):
    response = client.get(url, **JSON)
    assert response.status_code == status
    media_type = response["Content-Type"].split(";")[0]
    errors = list(_validator(document, path, status, media_type).iter_errors(response.json()))
    assert errors == [], [error.message for error in errors[:5]]


def test_the_contract_check_catches_a_missing_field(client, document):
    """The validation above can fail: an organisation without its name does not pass."""
    body = client.get("/api/v1/organisaties/comensha", **JSON).json()
    del body["naam"]
    assert not _validator(document, "/api/v1/organisaties/{slug}", 200).is_valid(body)


def test_the_document_names_every_situation_question_editors_keep_with_its_answers(client):
    document = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/organisaties"]["get"]["parameters"]}
    questions = set(Situatievraag.objects.filter(locale__language_code="nl").values_list("slug", flat=True))
    assert questions and questions <= set(parameters), "geslacht and aangifte too, not only the first three"
    for slug in questions:
        answers = set(Situatie.objects.filter(vraag__slug=slug).values_list("slug", flat=True))
        assert set(parameters[slug]["schema"]["enum"]) == answers
