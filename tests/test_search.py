"""Search finds steps, phases, information pages, organisations and regulations, and survives any input."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction

from zoeken.models import Synoniem
from zoeken.search import normalise_query, search_site

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
    assert "/organisaties/" in [a["href"] for a in page.select(".search-suggestions a")]


@pytest.mark.parametrize("query", ["qwertyuiopasdf", "   "])
def test_empty_result_shows_the_helplines_and_the_emergency_number(client, soup, query):
    _, page = results(client, soup, query)
    helplines = page.select_one(".search-empty .search-helplines")
    assert helplines is not None
    numbers = [a["href"] for a in helplines.select("a")]
    assert "tel:112" in numbers
    assert "tel:08002000" in numbers  # Veilig Thuis


@pytest.mark.parametrize("query", ["help", "hulp", "112", "Veilig Thuis", "comensha"])
def test_asking_for_help_shows_the_helplines_before_the_results(client, soup, query):
    found, page = results(client, soup, query)
    assert found, "there are results too"
    helplines = page.select_one(".search-helplines")
    assert helplines is not None
    assert helplines.find_next(class_="search-results") is not None, "helplines come before the results"
    assert "tel:0334481186" in [a["href"] for a in helplines.select("a")]  # CoMensha


def test_an_ordinary_search_does_not_push_the_helplines_in_between(client, soup):
    _, page = results(client, soup, "tolk")
    assert page.select_one(".search-helplines") is None


@pytest.mark.parametrize(
    ("typed", "meant", "expected"),
    [
        ("aangfite", "aangifte", "/strafrechtelijk-proces/aangifte-doen/"),
        ("mensenhandle", "mensenhandel", "/rechten-en-regelingen/strafbaarstelling-mensenhandel/"),
        ("bedenktyd", "bedenktijd", "/rechten-en-regelingen/bedenktijd/"),
    ],
)
def test_a_misspelt_word_is_corrected_with_did_you_mean(client, soup, typed, meant, expected):
    _, page = results(client, soup, typed)
    correction = page.select_one(".search-correction")
    assert "Bedoelde u" in correction.get_text()
    assert correction.a.get_text(strip=True) == meant
    assert correction.a["href"] == f"?q={meant}"
    links = [a["href"] for a in page.select(".search-result__title a")]
    assert expected in links[:3]


def test_a_correct_search_has_no_did_you_mean(client, soup):
    _, page = results(client, soup, "aangifte")
    assert page.select_one(".search-correction") is None


def test_english_searches_are_corrected_against_the_english_site(client, soup):
    response = client.get("/en/zoeken/", {"q": "compenstion"})
    page = soup(response)
    assert page.select_one(".search-correction a").get_text(strip=True) == "compensation"
    assert "Did you mean" in page.select_one(".search-correction").get_text()


def test_a_synonym_an_editor_adds_applies_to_the_next_search(client, soup):
    assert not results(client, soup, "xylofoon")[0]
    Synoniem.objects.create(locale=Locale.objects.get(language_code="nl"), term="xylofoon", synonyms="tolk")
    titles = [title for _, title in results(client, soup, "xylofoon")[0]]
    assert "Recht op een gratis tolk" in titles[:3]


def test_synonyms_are_per_language(client, soup):
    Synoniem.objects.create(locale=Locale.objects.get(language_code="nl"), term="xylofoon", synonyms="tolk")
    response = client.get("/en/zoeken/", {"q": "xylofoon"})
    assert not soup(response).select(".search-result")


def test_demo_synonyms_find_the_sites_own_words(client, soup):
    links = [a["href"] for a in results(client, soup, "uitkering")[1].select(".search-result__title a")]
    assert "/beschermen/inkomen-en-praktische-zaken/" in links[:3]


def test_a_promoted_result_comes_first_in_its_language_only(client, soup):
    contact = Page.objects.get(locale__language_code="nl", slug="contact")
    SearchPromotion.objects.create(query=Query.objects.create(query_string="opvang"), page=contact)
    found, _ = results(client, soup, "opvang")
    assert found[0] == ("Aanbevolen", "Contact")
    assert ("Stap · onderdeel van Beschermen", "Opvang en huisvesting") in found
    response = client.get("/en/zoeken/", {"q": "opvang"})
    assert "Contact" not in [t.get_text(strip=True) for t in soup(response).select(".search-result__title")]


def test_information_pages_rank_low_unless_asked_for_by_name(client, soup):
    titles = [title for _, title in results(client, soup, "geen papieren")[0]]
    assert "Contact" not in titles[:5]
    assert "Privacy" not in titles[:5]
    assert results(client, soup, "contact")[0][0][1] == "Contact"


def test_a_step_whose_title_matches_beats_a_page_that_mentions_the_word(client, soup):
    found, _ = results(client, soup, "schadevergoeding")
    assert any("Schadevergoeding" in title for _, title in found[:3])


def test_organisations_are_found_by_what_they_do(client, soup):
    titles = [title for _, title in results(client, soup, "achterstallig loon")[0]]
    assert "FairWork" in titles[:5]


def test_a_search_costs_no_database_query_once_the_index_is_built(django_assert_num_queries):
    search_site("opvang")
    with django_assert_num_queries(0):
        outcome = search_site("gratis advocaat tolk bedenktijd opvang")
    assert outcome.results


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
    assert "Juridische bijstand en tolken" in [title for _, title in results(client, soup, "tolken")[0]]
    phase = Page.objects.get(locale__language_code="nl", slug="beschermen")
    restriction = PageViewRestriction.objects.create(page=phase, restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Redacteur")])
    found = [title for _, title in results(client, soup, "tolken")[0]]
    assert "Juridische bijstand en tolken" not in found
    assert "Beschermen" not in found
