"""Your route and the hand-out: for each situation exactly the steps and time limits that apply, ticks in the address
only, and a hand-out that can safely be taken home."""

import pytest

from fases.models import StapPage

pytestmark = pytest.mark.django_db

ALL_STEPS = [
    "vormen-en-signalen",
    "acuut-gevaar",
    "overleggen-bij-twijfel",
    "melden",
    "aanmelden-bij-comensha",
    "privacy-en-gegevensdeling",
    "veiligheid",
    "bedenktijd-en-verblijf",
    "opvang",
    "hulp-voor-minderjarigen",
    "medische-en-psychische-zorg",
    "juridische-bijstand-en-tolken",
    "inkomen-en-praktische-zaken",
    "terugkeer",
    "informatief-gesprek",
    "aangifte-doen",
    "opsporing",
    "vervolging-en-zitting",
    "veroordeling",
    "sepot-of-vrijspraak",
    "schade-in-kaart-brengen",
    "voegen-in-het-strafproces",
    "schadevergoedingsmaatregel",
    "schadefonds",
    "civiele-procedure",
]
FOR_EVERYONE_LIMITS = [
    "voeging-benadeelde-partij",
    "schadevergoedingsmaatregel-voorschot",
    "beklag-art-12",
    "schadefonds-tegemoetkoming",
]
RESIDENCE = {"bedenktijd-en-verblijf"}
RETURN = {"terugkeer"}
MINORS = {"hulp-voor-minderjarigen"}
BEFORE_REPORT = {"melden", "informatief-gesprek", "aangifte-doen"}

# query -> (steps left out, time limits in route order). From the facts: B8 residence and bedenktijd only without
# a right to stay from outside the EU (CONTENT.md 1.4, 3.1-3.3), return for anyone from abroad, youth protection
# for minors, the steps before a report left out once the victim has reported.
SITUATIONS = {
    "dutch minor": (
        "?leeftijd=minderjarig&herkomst=nederlands",
        RESIDENCE | RETURN,
        FOR_EVERYONE_LIMITS,
    ),
    "adult from outside the EU without residence, labour": (
        "?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf&uitbuiting=arbeid",
        MINORS,
        [
            "bedenktijd",
            "tijdelijke-verblijfsvergunning",
            "verblijfsvergunning-humanitair",
            *FOR_EVERYONE_LIMITS,
        ],
    ),
    "woman from the EU, sexual exploitation": (
        "?leeftijd=meerderjarig&herkomst=eu-eer&geslacht=vrouw&uitbuiting=seksueel",
        RESIDENCE | MINORS,
        FOR_EVERYONE_LIMITS,
    ),
    "dutch man who reported criminal exploitation": (
        "?leeftijd=meerderjarig&herkomst=nederlands&geslacht=man&uitbuiting=crimineel&aangifte=aangifte-gedaan",
        RESIDENCE | RETURN | MINORS | BEFORE_REPORT,
        FOR_EVERYONE_LIMITS,
    ),
    "minor from outside the EU with residence, thinking about reporting": (
        "?leeftijd=minderjarig&herkomst=buiten-eu-met-verblijf&aangifte=denkt-na-over-aangifte",
        set(),
        ["verblijfsvergunning-humanitair", *FOR_EVERYONE_LIMITS],
    ),
    "adult without residence who reported, forced marriage": (
        "?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf&uitbuiting=gedwongen-huwelijk"
        "&aangifte=aangifte-gedaan",
        MINORS | BEFORE_REPORT,
        ["tijdelijke-verblijfsvergunning", "verblijfsvergunning-humanitair", *FOR_EVERYONE_LIMITS],
    ),
}


def titles(slugs):
    by_slug = dict(StapPage.objects.filter(locale__language_code="nl").values_list("slug", "title"))
    return [by_slug[slug] for slug in slugs]


def expected_steps(left_out):
    return [slug for slug in ALL_STEPS if slug not in left_out]


@pytest.mark.parametrize("name", SITUATIONS)
def test_route_shows_exactly_the_steps_and_time_limits_that_apply(client, soup, name):
    query, left_out, limits = SITUATIONS[name]
    page = soup(client.get("/uw-route/" + query))
    shown = [a.get_text(strip=True) for a in page.select(".route-step__title")]
    assert shown == titles(expected_steps(left_out))
    limit_links = [
        a["href"].split("?")[0].rstrip("/").rsplit("/", 1)[-1] for a in page.select(".timeline__what a")
    ]
    assert limit_links == limits
    for item in page.select(".timeline__item"):
        assert item.select_one(".timeline__source a")["href"].startswith("http"), "every limit has its source"
    note = page.select_one(".route__left-out")
    if left_out:
        assert f"{len(left_out)} " in note.get_text() and note.select_one("a")["href"] == "/uw-route/"
    else:
        assert note is None
    for step in page.select(".route-step"):
        contact = step.select_one(".route-step__contact")
        assert contact is not None, step.get_text(" ", strip=True)


def test_dutch_minor_has_youth_protection_and_no_bedenktijd(client, soup):
    page = soup(client.get("/uw-route/?leeftijd=minderjarig&herkomst=nederlands"))
    text = page.select_one(".route__steps").get_text(" ", strip=True)
    assert "Hulp voor kinderen en jongeren" in text
    assert "edenktijd" not in text and "B8" not in text
    adult = soup(client.get("/uw-route/?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf"))
    text = adult.get_text(" ", strip=True)
    assert "Bedenktijd en verblijf in Nederland" in text and "Maximaal drie maanden" in text
    opvang = soup(client.get("/beschermen/opvang/?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf"))
    assert "COSM" in opvang.select_one(".rich-text").get_text()


@pytest.mark.parametrize("name", SITUATIONS)
def test_hand_out_has_the_contacts_first_and_one_line_per_step(client, soup, name):
    query, left_out, _limits = SITUATIONS[name]
    response = client.get("/overzicht/" + query)
    page = soup(response)
    handout = page.select_one(".handout")
    sections = [h.get_text(strip=True) for h in handout.select("h3")]
    assert sections[:2] == ["Wie kan u helpen", "Wat kan er gebeuren, stap voor stap"]
    assert len(handout.select(".handout-steps__item")) == len(expected_steps(left_out))
    text = handout.get_text(" ", strip=True)
    assert "mensenhandel" not in text.lower(), "the discreet hand-out is the default"
    assert handout.select_one(".handout__title").get_text(strip=True) == "Afspraken en telefoonnummers"
    assert "http" not in text and "gecontroleerd" not in text.lower()
    assert page.select_one("[data-discreet-note]") is not None
    assert "mensenhandel" not in page.select_one("title").get_text().lower()
    phones = [p.get_text(strip=True) for p in handout.select(".handout-contacts__phone")]
    assert phones and all(phones)
    for chosen in page.select(".situation-summary__list li"):
        assert chosen.get_text(strip=True) not in text, "the discreet paper does not name the situation"
    assert "Set-Cookie" not in response.headers


def test_hand_out_versions(client, soup):
    query = "?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf"
    named = soup(client.get("/overzicht/" + query + "&weergave=met-onderwerp")).select_one(".handout")
    assert "mensenhandel" in named.get_text().lower()
    assert "Van buiten de EU zonder verblijfsrecht" in named.select_one(".handout__situation").get_text()
    reference = soup(client.get("/overzicht/" + query + "&weergave=volledig"))
    assert reference.select(".overview-step")
    # No parameter makes the hand-out longer than the reference version.
    for version in ("afspraken", "met-onderwerp", "onzin", "afspraken&weergave=volledig"):
        handout = soup(client.get(f"/overzicht/{query}&weergave={version}")).select_one("main")
        assert len(handout.get_text()) <= len(reference.select_one("main").get_text())


@pytest.mark.parametrize(
    "query",
    [
        "?leeftijd=minderjarig&leeftijd=meerderjarig",
        "?herkomst=nergens&besproken=999999999&besproken=abc&besproken=-1",
        "?besproken=" + "1" * 5000,
        "?" + "&".join(f"besproken={n}" for n in range(3000)),
        "?geslacht=<script>&aangifte=%00&weergave=%ff",
    ],
)
def test_bad_input_is_ignored(client, query):
    for url in ("/uw-route/", "/overzicht/", "/situatie/"):
        response = client.get(url + query)
        assert response.status_code == 200, url + query
        assert b"<script>" not in response.content


def test_ticks_live_in_the_address_only(client, soup):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    other = StapPage.objects.get(locale__language_code="nl", slug="veiligheid")
    query = f"?leeftijd=minderjarig&besproken={step.pk}&besproken={step.pk}&besproken=424242"
    response = client.get("/uw-route/" + query)
    page = soup(response)
    assert page.select_one(f"#besproken-{step.pk}").has_attr("checked")
    assert not page.select_one(f"#besproken-{other.pk}").has_attr("checked")
    assert len(page.select("input[name=besproken][checked]")) == 1
    assert "Set-Cookie" not in response.headers
    form = page.select_one("form[data-route-ticks]")
    assert form["method"] == "get"
    assert [i["value"] for i in form.select("input[type=hidden]")] == ["minderjarig"]


def test_changing_the_situation_returns_to_the_page(client, soup):
    page = soup(client.get("/beschermen/opvang/?leeftijd=minderjarig"))
    change = page.select_one(".situation-summary__actions a")["href"]
    assert change.startswith("/situatie/?") and "terug=%2Fbeschermen%2Fopvang%2F" in change
    form = soup(client.get(change)).select_one("main form.situation-filter")
    assert form.select_one("input[name=terug]")["value"] == "/beschermen/opvang/"
    response = client.get(
        "/situatie/?leeftijd=meerderjarig&herkomst=nederlands&kies=1&terug=/beschermen/opvang/"
    )
    assert response.status_code == 302
    assert response["Location"] == "/beschermen/opvang/?leeftijd=meerderjarig&herkomst=nederlands"
    for evil in (
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "/a?b=c",
    ):
        response = client.get("/situatie/", {"kies": "1", "terug": evil})
        assert response["Location"] == "/", evil


def test_every_step_page_links_to_the_route_and_the_hand_out(client, soup):
    query = "?leeftijd=minderjarig&herkomst=nederlands"
    for step in StapPage.objects.live().filter(locale__language_code="nl"):
        page = soup(client.get(step.url + query))
        links = [a["href"] for a in page.select(".route-links a")]
        assert links == ["/uw-route/" + query, "/overzicht/" + query], step.slug


def test_professional_start_keeps_the_situation_and_victims_get_their_own_page(client, soup):
    page = soup(client.get("/?leeftijd=minderjarig"))
    starts = {
        a.select_one(".entry-point__title").get_text(strip=True): a["href"]
        for a in page.select(".entry-point")
    }
    assert starts["Ik ben professional"] == "/uw-route/?leeftijd=minderjarig"
    victim = soup(client.get(starts["Ik ben (mogelijk) slachtoffer"].split("?")[0]))
    text = victim.select_one("main").get_text(" ", strip=True)
    assert "zonder aangifte" in text and "gratis" in text and " u " in text


def chips(page) -> dict[str, str]:
    return {
        chip.select_one(".situation-summary__name").get_text(strip=True): chip["href"]
        for chip in page.select(".situation-summary__chip")
    }


def test_each_chosen_answer_is_a_link_that_takes_only_that_answer_away(client, soup):
    page = soup(client.get("/beschermen/opvang/?leeftijd=minderjarig&herkomst=nederlands"))
    links = chips(page)
    assert links == {
        "Minderjarig (jonger dan 18)": "/beschermen/opvang/?herkomst=nederlands",
        "Nederlandse nationaliteit": "/beschermen/opvang/?leeftijd=minderjarig",
    }
    assert all(chip.select_one(".visually-hidden") for chip in page.select(".situation-summary__chip"))
    after = soup(client.get(links["Minderjarig (jonger dan 18)"]))
    assert chips(after) == {"Nederlandse nationaliteit": "/beschermen/opvang/"}
    change = after.select_one(".situation-summary__actions a")["href"]
    form = soup(client.get(change))
    assert form.select_one("select[name=herkomst] option[selected]")["value"] == "nederlands"
    assert form.select_one("select[name=leeftijd] option[selected]") is None
    last = client.get("/beschermen/opvang/")
    assert soup(last).select_one(".situation-summary") is None


def test_taking_an_answer_away_keeps_the_ticks_and_the_municipality_but_not_the_page_number(client, soup):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    route = soup(client.get(f"/uw-route/?leeftijd=minderjarig&uitbuiting=arbeid&besproken={step.pk}"))
    assert chips(route)["Arbeidsuitbuiting"] == f"/uw-route/?leeftijd=minderjarig&besproken={step.pk}"
    organisations = soup(client.get("/organisaties/?leeftijd=minderjarig&dienst=opvang&pagina=2"))
    assert chips(organisations)["Minderjarig (jonger dan 18)"] == "/organisaties/?dienst=opvang"
    nearby = soup(client.get("/beschermen/opvang/?leeftijd=minderjarig&gemeente=GM0363"))
    assert chips(nearby)["Minderjarig (jonger dan 18)"] == "/beschermen/opvang/?gemeente=GM0363"


def test_in_english_the_professional_start_and_changing_the_situation_keep_the_language(client, soup):
    step = StapPage.objects.get(
        locale__language_code="en",
        translation_key=StapPage.objects.get(locale__language_code="nl", slug="opvang").translation_key,
    )
    home = soup(client.get("/en/?leeftijd=minderjarig"))
    starts = {
        a.select_one(".entry-point__title").get_text(strip=True): a["href"]
        for a in home.select(".entry-point")
    }
    assert starts["I am a professional"] == "/en/uw-route/?leeftijd=minderjarig"
    route = soup(client.get(starts["I am a professional"]))
    assert route.select_one("html")["lang"] == "en"
    assert chips(route) == {"Minor (under 18)": "/en/uw-route/"}

    page = soup(client.get(step.url + "?leeftijd=minderjarig"))
    change = page.select_one(".situation-summary__actions a")["href"]
    assert change.startswith("/en/situatie/?") and f"terug={step.url.replace('/', '%2F')}" in change
    form = soup(client.get(change))
    assert form.select_one("main form.situation-filter input[name=terug]")["value"] == step.url
    assert form.select_one("select[name=leeftijd] option[selected]")["value"] == "minderjarig"
    response = client.get(f"/en/situatie/?leeftijd=meerderjarig&herkomst=eu-eer&kies=1&terug={step.url}")
    assert response.status_code == 302
    assert response["Location"] == f"{step.url}?leeftijd=meerderjarig&herkomst=eu-eer"
    assert client.get("/en/situatie/?kies=1&terug=//evil.example/")["Location"] == "/en/"


def test_changing_the_situation_from_the_route_returns_to_the_route(client, soup):
    page = soup(client.get("/uw-route/?leeftijd=minderjarig"))
    change = page.select_one(".situation-summary__actions a")["href"]
    assert "terug=%2Fuw-route%2F" in change
    response = client.get("/situatie/?leeftijd=meerderjarig&kies=1&terug=/uw-route/")
    assert response["Location"] == "/uw-route/?leeftijd=meerderjarig"
