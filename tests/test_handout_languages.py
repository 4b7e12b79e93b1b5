"""The hand-out in two languages (``tweede_taal=``) and with the help of a chosen municipality (``gemeente=``);
the route page names that help too. The printed versions are in tests/browser/test_handout_languages.py."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from fases.handout import discreet_label, mentions_discreet_word
from fases.models import StapPage
from kern.models import GecontroleerdeVertaling
from kern.page_cache import cache_key_parameters
from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

ADULT_NON_EU = "?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf&uitbuiting=arbeid"
GRONINGEN = "GM0014"  # covered by the confirmed police unit Noord-Nederland in organisaties/data/regios.yaml


def handout(client, soup, query):
    response = client.get("/overzicht/" + query)
    assert response.status_code == 200
    return soup(response).select_one(".handout")


@pytest.mark.parametrize("language", ["ar", "pl", "en"])
def test_each_part_of_a_two_language_hand_out_says_its_language(client, soup, language):
    sheet = handout(client, soup, ADULT_NON_EU + f"&tweede_taal={language}")
    assert "handout--two-languages" in sheet["class"]
    second = sheet.select(f"[lang={language}]")
    assert second and sheet.select("[lang=nl]")
    direction = "rtl" if language == "ar" else "ltr"
    assert all(part["dir"] == direction for part in second)
    with translation.override(language):
        heading = translation.gettext("Who can help you")
    assert heading in sheet.select_one("#wie-helpt").get_text(), (
        "interface strings from the language's catalogue"
    )
    assert all(part.get_text(strip=True) for part in sheet.select(".handout__second")), "no empty second part"
    assert all(phone["dir"] == "ltr" for phone in sheet.select(".handout-contacts__phone"))


def test_a_step_without_a_translation_is_printed_in_dutch_only(client, soup):
    # Every demo step has a Polish title: take one translation off line, as when it is not yet done.
    dutch_step = StapPage.objects.get(locale__language_code="nl", slug="bedenktijd-en-verblijf")
    StapPage.objects.get(locale__language_code="pl", translation_key=dutch_step.translation_key).unpublish()
    translated = set(
        StapPage.objects.filter(locale__language_code="pl", live=True).values_list(
            "translation_key", flat=True
        )
    )
    titles = dict(StapPage.objects.filter(locale__language_code="nl").values_list("title", "translation_key"))
    sheet = handout(client, soup, ADULT_NON_EU + "&tweede_taal=pl&weergave=met-onderwerp")  # with page titles
    items = sheet.select(".handout-steps__item")
    assert items
    seen = {True: 0, False: 0}
    for item in items:
        first = item.select_one("[lang=nl] strong").get_text(strip=True).rstrip(".")
        key = next(value for title, value in titles.items() if title == first)
        has_second = item.select_one("[lang=pl]") is not None
        assert has_second == (key in translated), first
        seen[has_second] += 1
    assert seen[True] and seen[False], "the demo has Polish steps and steps not yet in Polish"


@pytest.mark.parametrize(
    "value",
    ["nl", "xx", "", "<script>", "p" * 3000, "pl&tweede_taal=ar", "NL", "%00"],
)
def test_a_second_language_that_is_the_page_language_unknown_or_repeated_is_ignored(client, soup, value):
    response = client.get(f"/overzicht/{ADULT_NON_EU}&tweede_taal={value}")
    assert response.status_code == 200
    sheet = soup(response).select_one(".handout")
    assert "handout--two-languages" not in sheet["class"]
    assert not sheet.select(".handout__second")
    english = client.get("/en/overzicht/?tweede_taal=en")
    assert english.status_code == 200 and b"handout--two-languages" not in english.content


def test_the_language_select_is_a_plain_get_form_without_the_page_language(client, soup):
    page = soup(client.get("/overzicht/" + ADULT_NON_EU + "&tweede_taal=ar&gemeente=" + GRONINGEN))
    form = page.select_one(".handout-controls__form")
    assert form["method"] == "get"
    select = form.select_one("select[name=tweede_taal]")
    codes = [option["value"] for option in select.select("option")]
    assert codes == ["", "en", "pl", "ro", "bg", "uk", "es", "ar"]
    assert select.select_one("option[selected]")["value"] == "ar"
    assert select.select_one("option[value=pl]").get_text() == "Polski"
    hidden = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    assert hidden["gemeente"] == GRONINGEN and hidden["herkomst"] == "buiten-eu-zonder-verblijf"


def test_only_known_second_languages_are_cached():
    factory = RequestFactory()
    assert cache_key_parameters(factory.get("/overzicht/", {"tweede_taal": "ar"})) == [("tweede_taal", "ar")]
    for value in ("xx", "arx", "", "pl pl"):
        assert cache_key_parameters(factory.get("/overzicht/", {"tweede_taal": value})) is None, value
    assert cache_key_parameters(factory.get("/overzicht/?tweede_taal=pl&tweede_taal=ar")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Slachtoffers van mensenhandel",
        "Victims of Human Trafficking",
        "ofiary handlu ludźmi",
        "Handel ludźmi to przestępstwo",
        "victimele traficului de persoane",
        "жертви на трафика на хора",  # noqa: RUF001 (Bulgarian)
        "жертви торгівлі людьми",
        "víctimas de trata de personas",
        "ضحايا الاتجار بالبشر",
        "ضحايا الاتّجار بالبشر",  # with a shadda
        "ﺍﻻﺗﺠﺎﺭ ﺑﺎﻟﺒﺸﺮ",  # presentation forms, as a PDF's text may give them
    ],
)
def test_the_words_for_human_trafficking_are_recognised_in_every_language(text):
    assert mentions_discreet_word(text)
    assert not mentions_discreet_word(discreet_label(text + " (COSM)"))


def test_ordinary_words_are_not_taken_for_human_trafficking():
    for text in ("Handel en industrie", "Werken met mensen", "Trata de llamar", "التجارة", "Veilig Thuis"):
        assert not mentions_discreet_word(text), text
    assert discreet_label("COSM (Categorale Opvang Slachtoffers Mensenhandel)") == "COSM"


@pytest.mark.parametrize("language", ["ar", "pl", "en", "uk", "ro", "bg", "es"])
def test_the_discreet_two_language_hand_out_never_names_the_subject(client, soup, language):
    response = client.get("/overzicht/" + ADULT_NON_EU + f"&tweede_taal={language}&gemeente={GRONINGEN}")
    page = soup(response)
    text = page.select_one(".handout").get_text(" ", strip=True)
    assert not mentions_discreet_word(text), language
    assert not mentions_discreet_word(page.select_one("title").get_text())
    named = handout(client, soup, ADULT_NON_EU + f"&tweede_taal={language}&weergave=met-onderwerp")
    assert mentions_discreet_word(named.select_one(".handout__title").get_text()), "the named version does"


def test_the_route_and_the_hand_out_name_who_helps_in_the_chosen_municipality(client, soup):
    route = soup(client.get(f"/uw-route/{ADULT_NON_EU}&gemeente={GRONINGEN}"))
    section = route.select_one(".route__help")
    assert section.select_one("[data-gemeente]").get_text(strip=True) == "Wie helpt in Groningen"
    police = section.select_one("[data-regiotype=politie-eenheid]")
    assert "Politie-eenheid Noord-Nederland" in police.get_text() and "0900-8844" in police.get_text()
    assert section.select_one("[data-regiotype=veilig-thuis-regio]") is not None
    ticks = route.select_one("form[data-route-ticks]")
    assert ticks.select_one("input[name=gemeente]")["value"] == GRONINGEN, "ticking keeps the municipality"

    sheet = handout(client, soup, ADULT_NON_EU + "&gemeente=Groningen")  # a typed name works too
    assert sheet.select_one(".handout__regional-title").get_text(strip=True) == "Wie helpt in Groningen"
    regional = [item.get_text(" ", strip=True) for item in sheet.select(".handout-contacts__item--regional")]
    assert any("Politie-eenheid Noord-Nederland" in line and "0900-8844" in line for line in regional)
    assert any("Veilig Thuis Groningen" in line and "0800-2000" in line for line in regional), (
        "Veilig Thuis, confirmed for Groningen"
    )
    assert any("033 448 11 86" in line and "landelijk nummer" in line for line in regional), (
        "care coordination, not confirmed anywhere: CoMensha, national"
    )
    others = [
        phone.get_text(strip=True)
        for phone in sheet.select(
            ".handout-contacts:not(.handout-contacts--regional) .handout-contacts__phone"
        )
    ]
    assert "0900-8844" not in others, "a number is printed once"


def test_without_a_known_municipality_the_route_offers_the_form(client, soup):
    for query in ("", "&gemeente=Nergenshuizen", "&gemeente=" + "x" * 500):
        route = soup(client.get(f"/uw-route/{ADULT_NON_EU}{query}"))
        assert route.select_one(".route__help form.gemeente-form") is not None
        sheet = handout(client, soup, ADULT_NON_EU + query)
        assert sheet.select_one(".handout__regional-title") is None


def test_route_and_two_language_hand_out_with_a_municipality_keep_the_query_budget(
    client, django_assert_max_num_queries
):
    """Measured as tests/test_query_budget.py does: once the site frame and the route's material of the page's
    language exist (kept per content change, shared by every situation), with nothing of this request kept yet."""
    cache.clear()
    client.get("/beschermen/opvang/")
    client.get("/overzicht/")
    for url in (
        f"/uw-route/{ADULT_NON_EU}&gemeente={GRONINGEN}",
        f"/overzicht/?leeftijd=minderjarig&gemeente={GRONINGEN}&tweede_taal=en",
        "/overzicht/?leeftijd=minderjarig&gemeente=GM0193&tweede_taal=ar&weergave=met-onderwerp",
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


UNCHECKED = "This translation has not been checked yet; if in doubt, the Dutch text applies."


def _unchecked_note(sheet, language):
    note = sheet.select_one("[data-translation-unchecked]")
    if note is None:
        return None
    return note.select_one(f"[lang={language}]")


def _check_every_translation(language):
    locale = Locale.objects.get(language_code=language)
    for model in (Page, Organisatie):
        for key in model.objects.filter(locale=locale).values_list("translation_key", flat=True):
            GecontroleerdeVertaling.objects.update_or_create(
                translation_key=key,
                locale=locale,
                defaults={"translator": "Vertaalbureau (test)", "checked_at": timezone.now()},
            )


def test_a_paper_with_an_unchecked_translation_says_so_in_that_language(client, soup):
    sheet = handout(client, soup, ADULT_NON_EU + "&tweede_taal=bg")
    note = _unchecked_note(sheet, "bg")
    assert note is not None, "the victim reads on paper that the Bulgarian text was not checked"
    with translation.override("bg"):
        assert note.get_text(strip=True) == translation.gettext(UNCHECKED)
    assert _unchecked_note(sheet, "nl") is None, "the Dutch text is the original"


def test_a_paper_whose_translations_were_all_checked_has_no_such_line(client, soup):
    _check_every_translation("bg")
    sheet = handout(client, soup, ADULT_NON_EU + "&tweede_taal=bg")
    assert sheet.select(".handout__second"), "still in two languages"
    assert sheet.select_one("[data-translation-unchecked]") is None


def test_a_translation_published_again_after_its_check_counts_as_unchecked(client, soup):
    _check_every_translation("bg")
    step = StapPage.objects.filter(locale__language_code="bg", live=True).first()
    step.save_revision().publish()
    sheet = handout(client, soup, ADULT_NON_EU + "&tweede_taal=bg")
    assert _unchecked_note(sheet, "bg") is not None


def test_a_paper_in_an_unchecked_page_language_says_so_and_dutch_alone_does_not(client, soup):
    english = soup(client.get("/en/overzicht/" + ADULT_NON_EU)).select_one(".handout")
    assert _unchecked_note(english, "en") is not None
    dutch = handout(client, soup, ADULT_NON_EU)
    assert dutch.select_one("[data-translation-unchecked]") is None
