"""Search quality, measured: realistic questions and the page or snippet that must be in the top three.

Runs where Dutch full-text search runs: on PostgreSQL (the production database). On SQLite these tests are left
out with one line of explanation (see conftest.py); CI runs them on PostgreSQL.
"""

import pytest
from django.test import RequestFactory
from django.utils import translation

from zoeken.search import search_site

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

STEP = "/{phase}/{slug}/"
ORG = "/organisaties/{}/"
REG = "/rechten-en-regelingen/{}/"

# query -> acceptable answers (URL paths); at least one must be among the first three results.
QUERIES = {
    "bedenktijd": [REG.format("bedenktijd")],
    "verblijfsvergunning slachtoffer": [
        REG.format("tijdelijke-verblijfsvergunning"),
        "/beschermen/bedenktijd-en-verblijf/",
    ],
    "schadevergoeding": [
        REG.format("schadevergoedingsmaatregel-voorschot"),
        "/compensatie/schadevergoedingsmaatregel/",
        "/compensatie/",
    ],
    "tolk": [REG.format("recht-op-een-tolk"), "/beschermen/juridische-bijstand-en-tolken/"],
    "minderjarig": [
        ORG.format("meldpunt-uitbuiting-minderjarigen"),
        ORG.format("nidos"),
        ORG.format("jeugdbescherming"),
    ],
    "arbeidsuitbuiting melden": [
        ORG.format("arbeidsinspectie"),
        "/signaleren/melden/",
        ORG.format("fairwork"),
    ],
    "aangifte doen": ["/strafrechtelijk-proces/aangifte-doen/", REG.format("aangifte-mag-niet-geweigerd")],
    "aangiftes": [
        "/strafrechtelijk-proces/aangifte-doen/",
        REG.format("aangifte-mag-niet-geweigerd"),
        REG.format("informatief-gesprek"),
    ],
    "geen paspoort": ["/signaleren/vormen-en-signalen/"],
    "loon niet betaald": [
        ORG.format("fairwork"),
        "/compensatie/civiele-procedure/",
        "/compensatie/schade-in-kaart-brengen/",
    ],
    "opvang": ["/beschermen/opvang/", REG.format("recht-op-opvang"), ORG.format("cosm")],
    "gratis advocaat": [
        REG.format("gratis-advocaat"),
        ORG.format("raad-voor-rechtsbijstand"),
        ORG.format("langzs"),
    ],
    "anoniem melden": [ORG.format("meld-misdaad-anoniem"), "/signaleren/melden/"],
    "schadefonds": [
        ORG.format("schadefonds-geweldsmisdrijven"),
        "/compensatie/schadefonds/",
        REG.format("schadefonds-tegemoetkoming"),
    ],
    "terugkeer land van herkomst": ["/beschermen/terugkeer/", ORG.format("iom")],
    "spreekrecht": [REG.format("spreekrecht")],
    "sepot": ["/strafrechtelijk-proces/sepot-of-vrijspraak/", REG.format("beklag-art-12")],
    "informatief gesprek": [
        "/strafrechtelijk-proces/informatief-gesprek/",
        REG.format("informatief-gesprek"),
    ],
    "zorgverzekering": [
        REG.format("rvb-toelage-en-zorgverzekering"),
        REG.format("medische-en-psychische-zorg"),
        "/beschermen/medische-en-psychische-zorg/",
    ],
    "seksueel geweld": [ORG.format("centrum-seksueel-geweld")],
    "gegevens delen privacy": [
        "/signaleren/privacy-en-gegevensdeling/",
        REG.format("melden-registreren-privacy"),
    ],
    "acuut gevaar": ["/signaleren/acuut-gevaar/"],
    "CoMensha": [ORG.format("comensha"), "/signaleren/aanmelden-bij-comensha/"],
    "voogd": [ORG.format("nidos")],
    "criminele uitbuiting": [REG.format("non-punishment"), "/signaleren/vormen-en-signalen/"],
    "veilig thuis": [ORG.format("veilig-thuis")],
    "vervolging rechtszaak": [
        "/strafrechtelijk-proces/vervolging-en-zitting/",
        REG.format("afscherming-in-de-rechtszaal"),
    ],
    "Arbeidsinspectie": [ORG.format("arbeidsinspectie")],
    "beklag niet vervolgen": [REG.format("beklag-art-12")],
    "straf mensenhandel": [
        REG.format("strafbaarstelling-mensenhandel"),
        "/strafrechtelijk-proces/veroordeling/",
    ],
}
REQUIRED_HIT_RATE = 0.9


def top_three(query):
    with translation.override("nl"):
        request = RequestFactory().get("/zoeken/", {"q": query})
        return [result.url for result in search_site(query, request)[:3]]


def test_search_quality_table(capsys):
    hits, misses = 0, []
    for query, acceptable in QUERIES.items():
        found = top_three(query)
        if any(url in acceptable for url in found):
            hits += 1
        else:
            misses.append((query, found, acceptable))
    rate = hits / len(QUERIES)
    with capsys.disabled():
        print(
            f"\nSearch quality: {hits}/{len(QUERIES)} queries ({rate:.0%}) have an expected answer in the top 3."
        )
        for query, found, acceptable in misses:
            print(f"  MISS {query!r}: top 3 {found}; expected one of {acceptable}")
    assert len(QUERIES) >= 25
    assert rate >= REQUIRED_HIT_RATE, f"hit rate {rate:.0%}; misses: {[m[0] for m in misses]}"


def test_dutch_stemming_matches_inflections():
    assert "/strafrechtelijk-proces/aangifte-doen/" in top_three("aangiftes") + top_three("aangifte")
    assert top_three("uitgebuit"), "uitgebuit finds pages about uitbuiting"
