"""schema.org JSON-LD on every page type, read with a JSON-LD processor (PyLD), without weakening the CSP."""

import json

import pytest
from pyld import jsonld

from fases.models import StapPage
from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def _offline_loader(url, options=None):
    """The tests never go online: schema.org's context maps every term into its vocabulary, which is what
    expansion needs here."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def structured_data(soup, response) -> list[dict]:
    """Every JSON-LD block of a page, expanded by PyLD (which rejects what is not valid JSON-LD)."""
    blocks = soup(response).select('script[type="application/ld+json"]')
    assert blocks, "the page has structured data"
    return [jsonld.expand(json.loads(block.string), {"documentLoader": _offline_loader}) for block in blocks]


def types(expanded: list[dict]) -> set[str]:
    return {kind.removeprefix(SCHEMA) for node in expanded for kind in node.get("@type", [])}


def value(node: dict, name: str):
    return node[SCHEMA + name][0].get("@value", node[SCHEMA + name][0].get("@id"))


def test_home_page_describes_the_website_with_a_search_action(client, soup):
    [expanded] = structured_data(soup, client.get("/"))
    assert types(expanded) == {"WebSite"}
    action = expanded[0][SCHEMA + "potentialAction"][0]
    assert SCHEMA + "SearchAction" in action["@type"]
    target = action[SCHEMA + "target"][0]
    assert value(target, "urlTemplate") == "http://testserver/zoeken/?q={search_term_string}"


def test_organisation_page_has_the_organisation_with_its_contact_point(client, soup):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    [expanded] = structured_data(soup, client.get(organisatie.get_absolute_url()))
    page = expanded[0]
    assert SCHEMA + "WebPage" in page["@type"]
    assert value(page, "lastReviewed") == organisatie.last_checked.isoformat()
    entity = page[SCHEMA + "mainEntity"][0]
    assert SCHEMA + "NGO" in entity["@type"]  # a foundation, as its kind says
    assert value(entity, "name") == "CoMensha"
    contact = entity[SCHEMA + "contactPoint"][0]
    assert value(contact, "telephone") == "033 448 11 86"
    crumbs = page[SCHEMA + "breadcrumb"][0][SCHEMA + "itemListElement"]
    assert [value(crumb, "name") for crumb in crumbs] == ["Home", "Organisaties", "CoMensha"]


@pytest.mark.parametrize(
    ("slug", "kind"),
    [("politie", "GovernmentOrganization"), ("slachtofferhulp-nederland", "NGO"), ("cosm", "Organization")],
)
def test_an_organisation_is_typed_by_the_kind_editors_recorded(client, soup, slug, kind):
    """A government body, a non-profit, or (kind not recorded, as for COSM) a plain Organization, never a guess."""
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug=slug)
    [expanded] = structured_data(soup, client.get(organisatie.get_absolute_url()))
    assert expanded[0][SCHEMA + "mainEntity"][0]["@type"] == [SCHEMA + kind]


def test_regulation_page_has_a_government_service_with_its_source(client, soup):
    [expanded] = structured_data(soup, client.get("/rechten-en-regelingen/bedenktijd/"))
    entity = expanded[0][SCHEMA + "mainEntity"][0]
    assert SCHEMA + "GovernmentService" in entity["@type"]
    assert value(entity[SCHEMA + "subjectOf"][0], "url").startswith("https://")


def test_step_page_has_a_breadcrumb_through_its_phase(client, soup):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    [expanded] = structured_data(soup, client.get(step.url))
    crumbs = expanded[0][SCHEMA + "breadcrumb"][0][SCHEMA + "itemListElement"]
    assert [value(crumb, "name") for crumb in crumbs] == ["Home", "Beschermen", step.title]
    assert [value(crumb, "position") for crumb in crumbs] == [1, 2, 3]


@pytest.mark.parametrize("url", ["/beschermen/", "/over-ons/", "/en/", "/en/organisaties/comensha/"])
def test_other_page_types_and_languages_parse(client, soup, url):
    response = client.get(url)
    assert response.status_code == 200
    assert types(structured_data(soup, response)[0]) & {"WebPage", "WebSite"}


def test_structured_data_cannot_break_out_of_its_element(client, soup):
    Organisatie.objects.filter(locale__language_code="nl", slug="comensha").update(
        summary="</script><script>alert(1)</script> & meer"
    )
    response = client.get("/organisaties/comensha/")
    assert b"</script><script>alert(1)" not in response.content
    [expanded] = structured_data(soup, response)
    assert value(expanded[0], "description").startswith("</script>")


def test_the_content_security_policy_still_forbids_inline_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
