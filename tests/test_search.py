"""Search finds steps, phases, information pages, organisations and regulations, and survives any input."""

import pytest

from zoeken.search import normalise_query

pytestmark = pytest.mark.django_db


def results(client, soup, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    page = soup(response)
    return [
        (
            r.select_one(".search-result__kind").get_text(" ", strip=True),
            r.select_one(".search-result__title").get_text(strip=True),
        )
        for r in page.select(".search-result")
    ], page


def test_search_finds_all_kinds_of_content(client, soup):
    found, _ = results(client, soup, "bedenktijd")
    titles = [title for _, title in found]
    assert "Bedenktijd van maximaal drie maanden" in titles[:3]
    kinds = {kind.split(" ")[0] for kind, _ in found}
    assert len(kinds) >= 2


def test_step_results_name_their_phase(client, soup):
    found, _ = results(client, soup, "tolken")
    step = next(kind for kind, title in found if title == "Juridische bijstand en tolken")
    assert "Beschermen" in step


def test_organisation_results_link_to_their_page(client, soup):
    _, page = results(client, soup, "FairWork")
    links = [a["href"] for a in page.select(".search-result__title a")]
    assert "/organisaties/fairwork/" in links


def test_empty_search_suggests_where_to_start(client, soup):
    _, page = results(client, soup, "qwertyuiopasdf")
    suggestions = [a.get_text(strip=True) for a in page.select(".search-suggestions a")]
    assert suggestions[:4] == ["Signaleren", "Beschermen", "Strafrechtelijk proces", "Compensatie"]


def test_search_results_are_paginated(client, soup):
    _, page = results(client, soup, "slachtoffer")
    assert len(page.select(".search-result")) == 10
    assert page.select_one('.pagination a[rel="next"]') is not None


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "(",
        ")",
        "*",
        "AND",
        "OR NOT",
        "-",
        "a" * 10_000,
        "\x00",
        "%",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        'bedenktijd"',
        "NEAR(a b)",
        "^",
        ":",
        "title:x",
        "ééé",
        "🙂",
        "   ",
    ],
)
def test_any_input_gives_a_normal_results_page(client, soup, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    assert soup(response).select_one("h1") is not None


def test_query_is_reduced_to_plain_words_and_capped():
    assert normalise_query('"aangifte" AND (doen*)') == "aangifte AND doen"
    assert len(normalise_query("woord " * 200)) <= 200
    assert normalise_query("\x00\x01") == ""


def test_search_sets_no_cookie(client):
    assert "Set-Cookie" not in client.get("/zoeken/", {"q": "opvang"}).headers


def test_private_pages_are_not_found(client, soup):
    """A phase made private (for editors' groups only) keeps its steps out of the results at once."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, PageViewRestriction

    assert "Juridische bijstand en tolken" in [title for _, title in results(client, soup, "tolken")[0]]
    phase = Page.objects.get(locale__language_code="nl", slug="beschermen")
    restriction = PageViewRestriction.objects.create(page=phase, restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Redacteur")])
    found = [title for _, title in results(client, soup, "tolken")[0]]
    assert "Juridische bijstand en tolken" not in found
    assert "Beschermen" not in found
