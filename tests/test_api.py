"""The public API as a program reading it sees it: the Design Rules' conventions, the resources, the filters, and
only published, public content."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from organisaties.models import Organisatie, Regio

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
ENDPOINTS = [
    "/api/v1",
    "/api/v1/organisaties",
    "/api/v1/organisaties/comensha",
    "/api/v1/regelingen",
    "/api/v1/regelingen/bedenktijd",
    "/api/v1/fases",
    "/api/v1/fases/beschermen",
    "/api/v1/fases/beschermen/stappen",
    "/api/v1/fases/beschermen/stappen/opvang",
    "/api/v1/regios",
    "/api/v1/regios/politie-amsterdam",
    "/api/v1/hsds/organizations",
    "/api/v1/hsds/services",
    "/api/v1/hsds/datapackage.zip",
    "/api/v1/openapi.json",
]
BAD_REQUESTS = [
    "/api/v1/organisaties?onbekend=1",
    "/api/v1/organisaties?paginagrootte=100000",
    "/api/v1/organisaties?pagina=-1",
    "/api/v1/organisaties?pagina=0",
    "/api/v1/organisaties?pagina=abc",
    "/api/v1/organisaties?taal=de",
    "/api/v1/organisaties?leeftijd=minderjrig",
    "/api/v1/organisaties?dienst=bestaat-niet",
    "/api/v1/regelingen?taal=xx",
    "/api/v1/fases/beschermen/stappen?herkomst=mars",
    "/api/v1/hsds/services?per_page=5000",
    "/api/v1/organisaties?taal=nl&taal=en",
    "/api/v1/organisaties?regio=bestaat-niet",
    "/api/v1/organisaties?gemeente=Amsterdam",
    "/api/v1/organisaties?gemeente=GM9999",
    "/api/v1/regios?regiotype=bestaat-niet",
    "/api/v1/regios?gemeente=0363",
    "/api/v1/regios?pagina=0",
]
NOT_FOUND = [
    "/api/v1/organisaties/bestaat-niet",
    "/api/v1/regelingen/bestaat-niet",
    "/api/v1/fases/bestaat-niet",
    "/api/v1/fases/beschermen/stappen/bestaat-niet",
    "/api/v1/regios/bestaat-niet",
    "/api/v1/hsds/organizations/geen-uuid",
    "/api/v1/hsds/services/00000000-0000-0000-0000-000000000000",
    "/api/v1/organisaties?pagina=999",
    "/api/v1/bestaat-niet",
    "/api/v1/organisaties/",
]


def items(response, collection):
    return response.json()["_embedded"][collection]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_answers_with_version_cors_etag_cache_and_no_cookie(client, url):
    response = client.get(url, **JSON)
    assert response.status_code == 200, response.content[:300]
    assert response["API-Version"] == "1.0.0"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"].startswith('"')
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "Set-Cookie" not in response.headers and not response.cookies


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_bad_input_is_a_problem_json_400_without_cookie(client, url):
    response = client.get(url, **JSON)
    assert response.status_code == 400, url
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] and problem["detail"]
    assert problem["invalidParams"][0]["name"] in url
    assert response["API-Version"] and "Set-Cookie" not in response.headers


@pytest.mark.parametrize("url", NOT_FOUND)
def test_unknown_resources_are_a_problem_json_404(client, url):
    response = client.get(url, **JSON)
    assert response.status_code == 404, url
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    assert response["API-Version"] and "Set-Cookie" not in response.headers


def test_only_reading_is_allowed(client):
    response = client.post("/api/v1/organisaties", {}, **JSON)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_a_cors_preflight_for_if_none_match_is_answered(client):
    response = client.options(
        "/api/v1/organisaties",
        HTTP_ORIGIN="https://gemeente.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_a_known_etag_gives_304_and_a_malformed_one_400(client):
    first = client.get("/api/v1/organisaties/comensha", **JSON)
    again = client.get("/api/v1/organisaties/comensha", HTTP_IF_NONE_MATCH=first["ETag"], **JSON)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    weak = client.get("/api/v1/organisaties/comensha", HTTP_IF_NONE_MATCH=f'"x", W/{first["ETag"]}', **JSON)
    assert weak.status_code == 304
    other = client.get("/api/v1/organisaties/comensha", HTTP_IF_NONE_MATCH='"iets-anders"', **JSON)
    assert other.status_code == 200
    malformed = client.get(
        "/api/v1/organisaties/comensha", HTTP_IF_NONE_MATCH="geen-aanhalingstekens", **JSON
    )
    assert malformed.status_code == 400
    assert malformed.json()["invalidParams"][0]["name"] == "If-None-Match"


def test_the_etag_changes_when_the_content_changes(client):
    before = client.get("/api/v1/organisaties/comensha", **JSON)["ETag"]
    Organisatie.objects.filter(slug="comensha").update(phone="033 000 00 00")
    after = client.get("/api/v1/organisaties/comensha", HTTP_IF_NONE_MATCH=before, **JSON)
    assert after.status_code == 200 and after.json()["telefoon"] == "033 000 00 00"


def test_pages_link_to_each_other_and_cover_every_item_once(client):
    first = client.get("/api/v1/organisaties?paginagrootte=10", **JSON).json()
    assert first["paginagrootte"] == 10 and "prev" not in first["_links"]
    seen, document = [], first
    while True:
        seen += [item["slug"] for item in document["_embedded"]["organisaties"]]
        if "next" not in document["_links"]:
            break
        document = client.get(document["_links"]["next"]["href"], **JSON).json()
    assert len(seen) == len(set(seen)) == first["totaal"]
    assert document["_links"]["self"]["href"] == first["_links"]["last"]["href"].replace("pagina=", "pagina=")


def test_an_organisation_has_its_contact_details_sources_and_check_dates(client):
    comensha = client.get("/api/v1/organisaties/comensha", **JSON).json()
    assert comensha["naam"] == "CoMensha"
    assert comensha["telefoon"] == "033 448 11 86"
    recorded = Organisatie.objects.get(slug="comensha", locale__language_code="nl").bronnen.all()
    assert [source["url"] for source in comensha["bronnen"]] == [bron.url for bron in recorded], (
        "the sources editors recorded, not the organisation's own website"
    )
    assert all(source["bevestigt"] for source in comensha["bronnen"])
    checked = Organisatie.objects.get(slug="comensha", locale__language_code="nl").last_checked
    assert comensha["laatstGecontroleerd"] == checked.isoformat()
    assert comensha["werkgebied"]["soort"] == "national"
    assert comensha["_links"]["webpagina"]["href"] == "http://testserver/organisaties/comensha/"
    assert "checked_by" not in comensha and "checkedBy" not in comensha


def test_a_regulation_has_its_official_source(client):
    regeling = client.get("/api/v1/regelingen/bedenktijd", **JSON).json()
    assert regeling["bronnen"] and regeling["bronnen"][0]["url"].startswith("https://")
    assert regeling["laatstGecontroleerd"]


def test_phases_and_their_steps_in_order_with_their_links(client):
    fases = client.get("/api/v1/fases", **JSON).json()["_embedded"]["fases"]
    assert [fase["titel"] for fase in fases] == [
        "Signaleren",
        "Beschermen",
        "Strafrechtelijk proces",
        "Compensatie",
    ]
    stappen = client.get(fases[1]["_links"]["stappen"]["href"], **JSON).json()["_embedded"]["stappen"]
    opvang = next(stap for stap in stappen if stap["slug"] == "opvang")
    assert opvang["fase"] == "beschermen"
    assert opvang["organisaties"] and opvang["regelingen"]
    assert client.get(opvang["organisaties"][0]["_links"]["self"]["href"], **JSON).status_code == 200


def test_english_content_with_taal_en(client):
    fases = client.get("/api/v1/fases?taal=en", **JSON).json()["_embedded"]["fases"]
    assert fases[0]["titel"] != "Signaleren"
    assert fases[0]["_links"]["webpagina"]["href"].startswith("http://testserver/en/")
    response = client.get("/api/v1/organisaties?taal=en", **JSON)
    assert response["Content-Language"] == "en"
    assert items(response, "organisaties")[0]["_links"]["webpagina"]["href"].startswith(
        "http://testserver/en/"
    )


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?leeftijd=minderjarig",
        "?herkomst=eu-eer&uitbuiting=arbeid",
        "?dienst=opvang",
        "?regio=politie-amsterdam",
        "?gemeente=GM0363",
    ],
)
def test_organisation_counts_equal_what_the_website_shows(client, query):
    website = client.get(f"/organisaties/{query}").context["page_obj"].paginator.count
    api = client.get(f"/api/v1/organisaties{query}", **JSON).json()["totaal"]
    assert api == website


def test_situation_filter_narrows_the_lists_as_on_the_website(client):
    everyone = client.get("/api/v1/organisaties", **JSON).json()["totaal"]
    minors = client.get("/api/v1/organisaties?leeftijd=minderjarig", **JSON).json()["totaal"]
    assert 0 < minors < everyone
    for query in ["", "?herkomst=buiten-eu-zonder-verblijf"]:
        website = client.get(f"/rechten-en-regelingen/{query}").context["page_obj"].paginator.count
        assert client.get(f"/api/v1/regelingen{query}", **JSON).json()["totaal"] == website


def test_a_draft_change_does_not_show(client):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    organisatie.name = "CONCEPT-NAAM"
    organisatie.save_revision()
    assert client.get("/api/v1/organisaties/comensha", **JSON).json()["naam"] == "CoMensha"
    names = [
        item["naam"]
        for item in items(client.get("/api/v1/organisaties?paginagrootte=100", **JSON), "organisaties")
    ]
    assert "CONCEPT-NAAM" not in names


def test_an_unpublished_organisation_does_not_show_anywhere(client):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    organisatie.unpublish()
    assert client.get("/api/v1/organisaties/comensha", **JSON).status_code == 404
    listed = client.get("/api/v1/organisaties?paginagrootte=100", **JSON)
    assert "comensha" not in [item["slug"] for item in items(listed, "organisaties")]
    hsds = client.get("/api/v1/hsds/organizations?per_page=100", **JSON).json()["contents"]
    assert "CoMensha" not in [record["name"] for record in hsds]
    stappen = client.get("/api/v1/fases/signaleren/stappen", **JSON).json()["_embedded"]["stappen"]
    assert all(link["slug"] != "comensha" for stap in stappen for link in stap["organisaties"])


def test_a_private_phase_and_its_steps_do_not_show(client):
    phase = Page.objects.get(locale__language_code="nl", slug="beschermen")
    PageViewRestriction.objects.create(page=phase, restriction_type="password", password="geheim-wachtwoord")
    slugs = [fase["slug"] for fase in items(client.get("/api/v1/fases", **JSON), "fases")]
    assert "beschermen" not in slugs and "signaleren" in slugs
    assert client.get("/api/v1/fases/beschermen", **JSON).status_code == 404
    assert client.get("/api/v1/fases/beschermen/stappen/opvang", **JSON).status_code == 404


def test_a_private_step_does_not_show(client):
    step = Page.objects.get(locale__language_code="nl", slug="opvang")
    PageViewRestriction.objects.create(page=step, restriction_type="login")
    stappen = items(client.get("/api/v1/fases/beschermen/stappen", **JSON), "stappen")
    assert "opvang" not in [stap["slug"] for stap in stappen] and stappen
    assert client.get("/api/v1/fases/beschermen/stappen/opvang", **JSON).status_code == 404


def test_a_flood_of_unique_api_urls_is_not_kept_in_any_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    for number in range(40):
        client.get(f"/api/v1/organisaties?q=zoek{number}", **JSON)
        client.get(f"/api/v1/regelingen?pagina=1&paginagrootte={number % 50 + 1}", **JSON)
        client.get(f"/api/v1/organisaties?x{number}=1", **JSON)
    kept = [key for key in cache._cache if "pagecache:" in key and "generation" not in key]
    assert kept == []


def test_the_developer_page_explains_the_api_in_dutch_and_english(client, soup):
    dutch = client.get("/api/v1", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert dutch.status_code == 200 and dutch["Content-Type"].startswith("text/html")
    page = soup(dutch)
    assert page.select_one("h1").get_text(strip=True) == "Open data: de API"
    assert "/api/v1/organisaties" in page.get_text()
    english = soup(client.get("/api/v1?taal=en", HTTP_ACCEPT="text/html"))
    assert english.select_one("h1").get_text(strip=True) == "Open data: the API"
    assert "Set-Cookie" not in dutch.headers


def test_programs_get_links_at_the_root(client):
    links = client.get("/api/v1", HTTP_ACCEPT="application/json").json()["_links"]
    for name in ["organisaties", "regelingen", "fases", "openapi", "hsdsOrganizations"]:
        assert client.get(links[name]["href"], **JSON).status_code == 200, name


def test_regions_with_their_municipalities_contact_sources_and_organisations(client):
    regio = client.get("/api/v1/regios/politie-amsterdam", **JSON).json()
    assert regio["naam"] == "Politie-eenheid Amsterdam"
    assert regio["regiotype"]["slug"] == "politie-eenheid" and regio["status"] == "bevestigd"
    assert {"code": "GM0363", "naam": "Amsterdam"} in regio["gemeenten"]
    assert regio["contact"]["telefoon"] == "0900-8844" and regio["contact"]["telefoonSpoed"] == "112"
    assert regio["bronnen"][0]["url"] == "https://wetten.overheid.nl/BWBR0031788"
    assert regio["laatstGecontroleerd"] == "2026-12-03"
    assert "politie" in [organisatie["slug"] for organisatie in regio["organisaties"]]
    assert regio["_links"]["webpagina"]["href"].endswith("/regios/politie-amsterdam/")
    english = client.get("/api/v1/regios/politie-amsterdam?taal=en", **JSON).json()
    assert english["organisaties"] and english["_links"]["self"]["href"].endswith("?taal=en")


def test_regions_are_paged_and_filtered_by_type_and_municipality(client):
    every = client.get("/api/v1/regios?paginagrootte=100", **JSON)
    assert every.json()["totaal"] == Regio.objects.count() == int(every["X-Total-Count"])
    police = items(client.get("/api/v1/regios?regiotype=politie-eenheid&paginagrootte=100", **JSON), "regios")
    assert police and {regio["regiotype"]["slug"] for regio in police} == {"politie-eenheid"}
    amsterdam = items(client.get("/api/v1/regios?gemeente=GM0363&paginagrootte=100", **JSON), "regios")
    assert "politie-amsterdam" in [regio["slug"] for regio in amsterdam]
    assert all("GM0363" in [g["code"] for g in regio["gemeenten"]] for regio in amsterdam)
    assert len({regio["regiotype"]["slug"] for regio in amsterdam}) == len(amsterdam)  # one per type at most
