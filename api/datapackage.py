"""The HSDS 3 data package: one zip with ``datapackage.json``, a CSV file per HSDS table, and the same records as
nested HSDS JSON (``organizations.json``, ``services.json``).

The CSV tables and their column types are read from the HSDS schemas in hsds_schema/ (``path``,
``datapackage_metadata`` and each field's ``datapackage_type``), so the package follows the specification's own
table layout: a column per field that is not a list or a nested record.
"""

import csv
import io
import json
import zipfile
from functools import cache
from pathlib import Path

from . import content, hsds

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
FIXED_DATE = (2026, 1, 1, 0, 0, 0)
TABLES = (
    "organization",
    "service",
    "phone",
    "service_area",
    "language",
    "attribute",
    "taxonomy_term",
    "taxonomy",
)


@cache
def table_schema(table: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{table}.json").read_text())


def columns(table: str) -> list[str]:
    properties = table_schema(table)["properties"]
    return [name for name, spec in properties.items() if spec.get("type") not in ("array", "object", None)]


def _field(name: str, spec: dict) -> dict:
    field = {"name": name, "type": spec.get("datapackage_type", spec["type"])}
    if spec.get("format") in ("uuid", "uri", "email"):
        field["format"] = spec["format"]
    if "description" in spec:
        field["description"] = spec["description"]
    return field


def _resource(table: str) -> dict:
    schema = table_schema(table)
    properties = schema["properties"]
    return {
        "name": schema["name"],
        "path": schema["path"],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [_field(name, properties[name]) for name in columns(table)], "primaryKey": "id"},
    }


def tables(services: list[dict], organizations: list[dict]) -> dict[str, list[dict]]:
    """The nested records split into the HSDS tables, each row keeping only that table's columns."""
    rows = {table: {} for table in TABLES}
    for record in organizations:
        rows["organization"][record["id"]] = record
        for phone in record["phones"]:
            rows["phone"][phone["id"]] = phone
        _attributes(rows, record)
    for record in services:
        rows["service"][record["id"]] = record
        for phone in record["phones"]:
            rows["phone"][phone["id"]] = phone
        for area in record["service_areas"]:
            rows["service_area"][area["id"]] = area
        for language in record.get("languages", []):
            rows["language"][language["id"]] = language
        _attributes(rows, record)
    return {table: list(found.values()) for table, found in rows.items()}


def _attributes(rows: dict, record: dict) -> None:
    for attribute in record.get("attributes", []):
        rows["attribute"][attribute["id"]] = attribute
        term = attribute["taxonomy_term"]
        rows["taxonomy_term"][term["id"]] = term
        rows["taxonomy"][term["taxonomy_detail"]["id"]] = term["taxonomy_detail"]


def _csv(table: str, rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(table), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build_datapackage(request, language: str) -> bytes:
    organisaties = list(content.organisaties(language))
    organizations = [hsds.organization(item, request, language) for item in organisaties]
    services = [hsds.service(item, request, language) for item in organisaties]
    descriptor = {
        "name": f"wegwijzer-mensenhandel-hsds-{language}",
        "title": "Wegwijzer Mensenhandel: HSDS 3",
        "profile": "tabular-data-package",
        "version": hsds.HSDS_VERSION,
        "homepage": request.build_absolute_uri("/api/v1"),
        "resources": [_resource(table) for table in TABLES],
    }
    files = {
        "datapackage.json": json.dumps(descriptor, ensure_ascii=False, indent=2),
        **{
            table_schema(table)["path"]: _csv(table, rows)
            for table, rows in tables(services, organizations).items()
        },
        "organizations.json": json.dumps(organizations, ensure_ascii=False, indent=2),
        "services.json": json.dumps(services, ensure_ascii=False, indent=2),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            # A fixed date inside the zip: the same content gives the same bytes, so the ETag holds between requests.
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            archive.writestr(info, text.encode(), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
