"""publiccode.yml at the root holds the standard's required keys with values in the formats it prescribes.

No maintained Python validator of the standard exists (its reference parser is written in Go), so this checks the
required keys and value formats of the standard's core schema (yml.publiccode.tools, schema.core).
"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


def load():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text())


def test_required_top_level_keys_and_their_formats():
    code = load()
    for key in ["publiccodeYmlVersion", "name", "url", "platforms", "softwareType", "developmentStatus"]:
        assert code.get(key), key
    assert isinstance(code["publiccodeYmlVersion"], str) and re.fullmatch(
        r"0\.\d+(\.\d+)?", code["publiccodeYmlVersion"]
    )
    assert code["url"].startswith("https://")
    assert code["softwareType"] in SOFTWARE_TYPES
    assert code["developmentStatus"] in DEVELOPMENT_STATUSES
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", code["releaseDate"])


def test_descriptions_in_dutch_and_english_within_the_standards_lengths():
    descriptions = load()["description"]
    assert set(descriptions) == {"nl", "en"}
    for language, description in descriptions.items():
        assert 0 < len(description["shortDescription"]) <= 150, language
        assert 150 <= len(description["longDescription"]) <= 10_000, language
        assert description["features"], language


def test_licence_maintenance_languages_and_dependencies():
    code = load()
    assert code["legal"]["license"] == "EUPL-1.2"
    maintenance = code["maintenance"]
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in ("internal", "community"):
        assert all(contact["name"] for contact in maintenance["contacts"])
    assert code["localisation"]["localisationReady"] is True
    assert code["localisation"]["availableLanguages"] == ["nl", "en"]
    names = {dependency["name"] for dependency in code["dependsOn"]["open"]}
    assert {"Django", "Wagtail", "Python"} <= names
