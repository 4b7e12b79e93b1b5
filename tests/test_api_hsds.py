"""The HSDS 3 export validates against the Open Referral JSON schemas (copied into api/hsds_schema/)."""

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "api" / "hsds_schema"


def hsds_validator(table: str) -> Draft202012Validator:
    """A validator for one HSDS table, with the other tables' schemas available to its $refs ("phone.json")."""
    registry = Registry()
    for path in SCHEMA_DIR.glob("*.json"):
        contents = json.loads(path.read_text())
        registry = registry.with_resource(path.name, Resource.from_contents(contents, DRAFT202012))
    schema = json.loads((SCHEMA_DIR / f"{table}.json").read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def assert_valid(table: str, records: list[dict]):
    validator = hsds_validator(table)
    for record in records:
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(record)]
        assert errors == [], (record.get("name"), errors[:5])


def test_the_schema_copy_keeps_its_licence():
    assert "Creative Commons Attribution Share-Alike 4.0" in (SCHEMA_DIR / "LICENSE").read_text()
    assert "openreferral/specification" in (SCHEMA_DIR / "README.md").read_text()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_organizations_and_services_validate_against_hsds_3(client, language):
    organizations = client.get(f"/api/v1/hsds/organizations?per_page=100&taal={language}", **JSON).json()
    services = client.get(f"/api/v1/hsds/services?per_page=100&taal={language}", **JSON).json()
    assert organizations["total_items"] == services["total_items"] > 20
    assert_valid("organization", organizations["contents"])
    assert_valid("service", services["contents"])


def test_the_validation_can_fail():
    validator = hsds_validator("service")
    assert not validator.is_valid({"id": "not-a-uuid", "name": "x", "status": "active"})
    assert not validator.is_valid(
        {"id": "6f1d7c2e-2b9a-5d0e-9d6b-4f1a8c3e5b70", "name": "x", "status": "open"}
    )


def test_a_service_carries_phone_area_eligibility_and_assured_date(client):
    comensha = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    services = client.get("/api/v1/hsds/services?per_page=100", **JSON).json()["contents"]
    service = next(record for record in services if record["name"] == "CoMensha")
    assert service["organization_id"] == str(comensha.translation_key)
    assert service["assured_date"] == comensha.last_checked.isoformat()
    assert service["phones"][0]["number"] == "033 448 11 86"
    assert service["service_areas"][0]["name"] == "Nederland"
    assert service["status"] == "active"
    assert "\n\n" in service["description"] and "<p>" not in service["description"]
    assert {attribute["link_type"] for attribute in service["attributes"]} >= {"service_type", "audience"}
    one = client.get(f"/api/v1/hsds/services/{service['id']}", **JSON).json()
    assert one == service
    organization = client.get(f"/api/v1/hsds/organizations/{service['organization_id']}", **JSON).json()
    assert organization["name"] == "CoMensha" and organization["website"] == "https://www.comensha.nl"


def test_situation_tags_become_eligibility(client):
    tagged = (
        Organisatie.objects.filter(locale__language_code="nl", live=True, situations__slug="minderjarig")
        .distinct()
        .first()
    )
    assert tagged is not None, "the demo content has an organisation for minors"
    services = client.get("/api/v1/hsds/services?per_page=100", **JSON).json()["contents"]
    service = next(record for record in services if record["name"] == tagged.name)
    eligibility = [a for a in service["attributes"] if a["link_type"] == "eligibility"]
    assert "minderjarig" in [a["taxonomy_term"]["code"] for a in eligibility]
    assert "Minderjarig" in service["eligibility_description"]
    if tagged.situations.filter(vraag__slug="leeftijd").count() == 1:
        assert service["maximum_age"] == 17


def test_the_data_package_holds_valid_json_and_the_hsds_tables(client):
    response = client.get("/api/v1/hsds/datapackage.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["profile"] == "tabular-data-package"
    for resource in descriptor["resources"]:
        table = resource["name"]
        schema = json.loads((SCHEMA_DIR / f"{table}.json").read_text())
        rows = list(csv.DictReader(io.StringIO(archive.read(resource["path"]).decode())))
        header = [field["name"] for field in resource["schema"]["fields"]]
        assert set(header) <= set(schema["properties"]), table
        assert set(schema.get("required", [])) <= set(header), table
        for row in rows:
            for name in schema.get("required", []) + schema.get("tabular_required", []):
                assert row[name], (table, name)
    assert_valid("organization", json.loads(archive.read("organizations.json")))
    assert_valid("service", json.loads(archive.read("services.json")))
    services_csv = list(csv.DictReader(io.StringIO(archive.read("services.csv").decode())))
    assert len(services_csv) == len(json.loads(archive.read("services.json"))) > 20
    again = client.get("/api/v1/hsds/datapackage.zip", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304, "the same content gives the same package"


def _organization(client, slug):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug=slug)
    return client.get(f"/api/v1/hsds/organizations/{organisatie.translation_key}", **JSON).json()


def test_the_kind_of_organisation_is_an_attribute_of_the_organization(client):
    [kind] = _organization(client, "comensha")["attributes"]
    assert kind["link_type"] == "organization_type" and kind["link_entity"] == "organization"
    assert kind["taxonomy_term"]["code"] == "non-profit"
    assert kind["taxonomy_term"]["taxonomy"] == "organisatiesoort"
    assert _organization(client, "politie")["attributes"][0]["taxonomy_term"]["code"] == "overheid"
    assert "attributes" not in _organization(client, "cosm")  # not recorded: nothing said, nothing guessed
    assert_valid("organization", [_organization(client, "comensha"), _organization(client, "cosm")])


def test_languages_are_given_only_where_editors_recorded_them(client):
    services = client.get("/api/v1/hsds/services?per_page=100", **JSON).json()["contents"]
    assert not any("languages" in record for record in services)  # none recorded in the demo: left out
    assert not any("languages" in phone for record in services for phone in record["phones"])
    fairwork = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    fairwork.spoken_languages = "nl, en"
    fairwork.save_revision().publish()
    services = client.get("/api/v1/hsds/services?per_page=100", **JSON).json()["contents"]
    service = next(
        record for record in services if record["organization_id"] == str(fairwork.translation_key)
    )
    assert [(language["code"], language["name"]) for language in service["languages"]] == [
        ("nl", "Dutch"),
        ("en", "English"),
    ]
    assert_valid("service", [service])
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/hsds/datapackage.zip").content))
    rows = list(csv.DictReader(io.StringIO(archive.read("languages.csv").decode())))
    assert {row["code"] for row in rows} == {"nl", "en"}
