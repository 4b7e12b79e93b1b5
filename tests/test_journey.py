"""Walking through the phases with a victim: the situation filter, navigation and the overview on paper."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale

from fases.models import StapPage
from organisaties.models import Situatie, Situatievraag

pytestmark = pytest.mark.django_db

DUTCH_ADULT = "?leeftijd=meerderjarig&herkomst=nederlands"
MINOR_NON_EU = "?leeftijd=minderjarig&herkomst=buiten-eu-zonder-verblijf"
SEXUAL = "?uitbuiting=seksueel"


def step_links(page):
    return [a.get_text(strip=True) for a in page.select("main .step-list__link")]


def card_slugs(page, section):
    return [
        a["href"].split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        for a in page.select(f"section[aria-labelledby={section}] .card__title a")
    ]


def title(slug):
    return StapPage.objects.get(locale__language_code="nl", slug=slug).title


def test_home_page_hides_steps_that_do_not_apply(client, soup):
    everything = step_links(soup(client.get("/")))
    dutch = step_links(soup(client.get("/" + DUTCH_ADULT)))
    non_eu = step_links(soup(client.get("/" + MINOR_NON_EU)))
    assert title("bedenktijd-en-verblijf") in everything
    assert title("bedenktijd-en-verblijf") not in dutch
    assert title("terugkeer") not in dutch
    assert title("bedenktijd-en-verblijf") in non_eu
    assert title("terugkeer") in non_eu
    assert title("hulp-voor-minderjarigen") not in dutch
    assert title("hulp-voor-minderjarigen") in non_eu
    assert len(dutch) == len(everything) - 3
    assert (
        "3 steps do not apply" in soup(client.get("/beschermen/" + DUTCH_ADULT)).get_text()
        or "3 stappen" in soup(client.get("/beschermen/" + DUTCH_ADULT)).get_text()
    )


def test_step_page_shows_only_the_organisations_for_a_dutch_adult(client, soup):
    page = soup(client.get("/beschermen/opvang/" + DUTCH_ADULT))
    assert card_slugs(page, "organisaties") == ["comensha", "gemeenten", "opvang-complexe-zorgvragen"]
    assert page.select_one(".hidden-note") is not None


def test_step_page_shows_only_the_organisations_for_a_minor_from_outside_the_eu(client, soup):
    page = soup(client.get("/beschermen/opvang/" + MINOR_NON_EU))
    assert card_slugs(page, "organisaties") == [
        "comensha",
        "gemeenten",
        "opvang-complexe-zorgvragen",
        "nidos",
        "jeugdbescherming",
    ]


def test_regulations_follow_the_situation(client, soup):
    dutch = soup(client.get("/beschermen/bedenktijd-en-verblijf/" + DUTCH_ADULT))
    assert card_slugs(dutch, "rechten-en-regelingen") == []
    non_eu = soup(client.get("/beschermen/bedenktijd-en-verblijf/" + MINOR_NON_EU))
    assert card_slugs(non_eu, "rechten-en-regelingen") == [
        "bedenktijd",
        "tijdelijke-verblijfsvergunning",
        "verblijfsvergunning-humanitair",
    ]


def test_sexual_exploitation_hides_labour_organisations(client, soup):
    page = soup(client.get("/signaleren/melden/" + SEXUAL))
    assert card_slugs(page, "organisaties") == ["politie", "meld-misdaad-anoniem", "kmar"]
    everything = soup(client.get("/signaleren/melden/"))
    assert "arbeidsinspectie" in card_slugs(everything, "organisaties")


def test_the_choice_travels_in_links_and_is_summarised(client, soup):
    page = soup(client.get("/beschermen/" + DUTCH_ADULT))
    for link in page.select(".main-nav__link, main .step-list__link"):
        assert link["href"].endswith(DUTCH_ADULT), link
    summary = page.select_one(".situation-summary")
    assert summary is not None
    assert "Nederlandse nationaliteit" in summary.get_text()
    clear = summary.select(".situation-summary__actions a")[-1]
    assert clear["href"] == "/beschermen/"


def test_previous_next_skip_steps_that_do_not_apply(client, soup):
    page = soup(client.get("/beschermen/veiligheid/" + DUTCH_ADULT))
    assert page.select_one('a[rel="next"]')["href"] == f"/beschermen/opvang/{DUTCH_ADULT}"
    page = soup(client.get("/beschermen/inkomen-en-praktische-zaken/" + DUTCH_ADULT))
    assert (
        page.select_one('a[rel="next"]')["href"]
        == f"/strafrechtelijk-proces/informatief-gesprek/{DUTCH_ADULT}"
    )
    assert "Step 5 of 5" in page.get_text() or "Stap 5 van 5" in page.get_text()


@pytest.mark.parametrize(
    "query",
    [
        "?leeftijd=onbekend",
        "?herkomst=",
        "?uitbuiting=%00",
        "?leeftijd=minderjarig&leeftijd=<script>",
        "?leeftijd[]=minderjarig",
        "?herkomst=" + "x" * 5000,
        "?onbekend=1&uitbuiting=seksueel%27%22",
    ],
)
def test_invalid_filter_values_are_ignored(client, soup, query):
    for url in [
        "/",
        "/beschermen/",
        "/beschermen/opvang/",
        "/overzicht/",
        "/organisaties/",
        "/rechten-en-regelingen/",
    ]:
        response = client.get(url + query)
        assert response.status_code == 200, url + query
        assert soup(response).select_one(".situation-summary") is None, url + query
        assert b"<script>" not in response.content


def test_overview_contains_exactly_the_applicable_steps(client, soup):
    page = soup(client.get("/overzicht/" + DUTCH_ADULT + "&weergave=volledig"))
    shown = [a.get_text(strip=True) for a in page.select(".overview-step h3 a")]
    expected = [
        step.title
        for step in StapPage.objects.live().filter(locale__language_code="nl").order_by("path")
        if step.slug not in {"bedenktijd-en-verblijf", "terugkeer", "hulp-voor-minderjarigen"}
    ]
    assert shown == expected
    all_steps = [
        a.get_text(strip=True)
        for a in soup(client.get("/overzicht/?weergave=volledig")).select(".overview-step h3 a")
    ]
    assert all_steps == [
        step.title for step in StapPage.objects.live().filter(locale__language_code="nl").order_by("path")
    ]


def test_overview_lists_organisations_with_contact_details_and_dates(client, soup):
    page = soup(client.get("/overzicht/" + SEXUAL + "&weergave=volledig"))
    melden = next(
        a for a in page.select(".overview-step") if a.select_one("h3").get_text(strip=True) == title("melden")
    )
    text = melden.get_text(" ", strip=True)
    assert "0900 8844" in text
    organisations = [
        li.select_one("strong").get_text(strip=True) for li in melden.select(".overview__organisations > li")
    ]
    assert "Nederlandse Arbeidsinspectie" not in organisations
    assert "Politie (AVIM)" in organisations
    assert page.select_one("[data-print]") is not None
    assert page.select(".overview-phase") and len(page.select(".overview-phase")) == 4


def test_journey_pages_set_no_cookie(client):
    for url in [
        "/" + DUTCH_ADULT,
        "/beschermen/opvang/" + MINOR_NON_EU,
        "/overzicht/" + SEXUAL,
        "/organisaties/?dienst=opvang",
    ]:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url


def test_organisation_guide_filters_by_service_audience_and_area(client, soup):
    def names(query):
        page = soup(client.get("/organisaties/" + query))
        return [a.get_text(strip=True) for a in page.select(".card__title a")]

    opvang = names("?dienst=opvang")
    assert "COSM (Categorale Opvang Slachtoffers Mensenhandel)" in opvang
    assert "FairWork" not in opvang
    regional = names("?werkgebied=regional")
    assert "Gemeenten" in regional and "CoMensha" not in regional
    assert "Politie (AVIM)" in names("?q=politie")
    minor_opvang = names("?dienst=opvang&leeftijd=meerderjarig&herkomst=nederlands")
    assert (
        "Nidos" not in minor_opvang
        and "COSM (Categorale Opvang Slachtoffers Mensenhandel)" not in minor_opvang
    )


def test_organisation_guide_is_paginated(client, soup):
    first = soup(client.get("/organisaties/"))
    assert len(first.select(".card--organisatie")) == 20
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    second = soup(client.get("/organisaties/" + next_link))
    assert len(second.select(".card--organisatie")) >= 5
    assert client.get("/organisaties/?pagina=999999999999999999999").status_code == 200
    assert client.get("/organisaties/?pagina=abc").status_code == 200


def add_question(
    slug="gezin",
    label="Gezin",
    answers=(("met-kinderen", "Met kinderen"), ("zonder-kinderen", "Zonder kinderen")),
):
    """An editor adds a question with its answers, as in the admin (Situatievraag and Situatie snippets)."""
    locale = Locale.objects.get(language_code="nl")
    vraag = Situatievraag(
        locale=locale, slug=slug, label=label, help_text="Of er kinderen bij de persoon zijn.", sort_order=9
    )
    vraag.full_clean()
    vraag.save()
    return vraag, [
        Situatie.objects.create(locale=locale, vraag=vraag, slug=answer, name=name, sort_order=index)
        for index, (answer, name) in enumerate(answers)
    ]


def test_a_question_editors_add_is_asked_and_tailors_the_route_and_the_hand_out(client, soup):
    _vraag, (with_children, _without) = add_question()
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    step.situations.add(with_children)
    step.save_revision().publish()

    for url in ("/", "/organisaties/", "/rechten-en-regelingen/", "/situatie/"):
        page = soup(client.get(url))
        select = page.select_one("select[name=gezin]")
        assert select is not None, url
        assert [o["value"] for o in select.select("option")] == ["", "met-kinderen", "zonder-kinderen"], url
        label = page.select_one("label[for=situatie-gezin]")
        assert label.get_text(strip=True) == "Gezin", url
    home = soup(client.get("/"))
    help_id = home.select_one("select[name=gezin]")["aria-describedby"]
    assert home.select_one(f"#{help_id}").get_text(strip=True) == "Of er kinderen bij de persoon zijn."
    labels = [label.get_text(strip=True) for label in home.select(".situation-filter label")]
    assert labels[-1] == "Gezin", "the editors' order: this question comes last"

    def route_steps(query):
        page = soup(client.get("/uw-route/" + query))
        return [a["href"].split("?")[0] for a in page.select("main a[href^='/beschermen/']")]

    assert "/beschermen/opvang/" in route_steps("?gezin=met-kinderen")
    assert "/beschermen/opvang/" not in route_steps("?gezin=zonder-kinderen")
    without = soup(client.get("/overzicht/?gezin=zonder-kinderen&weergave=volledig")).get_text()
    assert step.title not in without
    assert step.title in soup(client.get("/overzicht/?gezin=met-kinderen&weergave=volledig")).get_text()
    chips = soup(client.get("/beschermen/" + "?gezin=zonder-kinderen")).select(".situation-summary__chip")
    assert [chip.select_one(".situation-summary__name").get_text() for chip in chips] == ["Zonder kinderen"]
    assert "/beschermen/opvang/" not in [
        a["href"].split("?")[0]
        for a in soup(client.get("/beschermen/?gezin=zonder-kinderen")).select("main .step-list__link")
    ]


@pytest.mark.parametrize(
    "query",
    [
        "?gezin=onbekend",
        "?gezin=met-kinderen&gezin=zonder-kinderen",
        "?gezin=" + "x" * 3000,
        "?gezin[]=met-kinderen",
    ],
)
def test_unknown_answers_to_an_editors_question_are_ignored(client, soup, query):
    add_question()
    for url in ("/", "/beschermen/opvang/", "/uw-route/", "/overzicht/", "/organisaties/"):
        response = client.get(url + query)
        assert response.status_code == 200, url + query
        assert soup(response).select_one(".situation-summary") is None, url + query


@pytest.mark.parametrize(
    "slug",
    ["q", "gemeente", "pagina", "page", "weergave", "besproken", "afgevinkt", "tweede_taal", "terug", "taal"],
)
def test_a_question_cannot_take_a_key_the_site_already_uses(slug):
    vraag = Situatievraag(locale=Locale.objects.get(language_code="nl"), slug=slug, label="Iets")
    with pytest.raises(ValidationError) as error:
        vraag.full_clean()
    assert "slug" in error.value.message_dict


def test_the_admin_says_why_a_question_key_is_refused(admin_client):
    url = reverse("wagtailsnippets_organisaties_situatievraag:add") + "?locale=nl"
    data = {"label": "Zoekterm", "slug": "q", "help_text": "", "sort_order": "5"}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "already uses q for something else" in response.content.decode() or (
        "gebruikt q al voor iets anders" in response.content.decode()
    )
    assert not Situatievraag.objects.filter(slug="q").exists()
    response = admin_client.post(url, {**data, "slug": "leeftijd"})
    assert response.status_code == 200
    assert (
        Situatievraag.objects.filter(slug="leeftijd").count()
        == Situatievraag.objects.filter(slug="herkomst").count()
    ), "no second question with the same key"
    response = admin_client.post(url, {**data, "slug": "gezin", "label": "Gezin"})
    assert response.status_code == 302
    assert Situatievraag.objects.filter(slug="gezin", locale__language_code="nl").exists()
