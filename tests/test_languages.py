"""Dutch at the root, English under /en/, every interface string translated, switching keeps your place."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from fases.models import StapPage

pytestmark = pytest.mark.django_db

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_project_catalogue_is_complete(catalogue):
    with open(catalogue, "rb") as handle:
        messages = [message for message in read_po(handle) if message.id]
    untranslated = [
        m.id for m in messages if not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert not untranslated, f"untranslated in {catalogue}: {untranslated}"
    assert not fuzzy, f"fuzzy in {catalogue}: {fuzzy}"


def _ids(catalogue):
    with open(catalogue, "rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


DUTCH = Path(settings.BASE_DIR, "locale", "nl", "LC_MESSAGES", "django.po")


def test_every_language_but_english_has_a_catalogue():
    """English is the msgid language; every other language of the site needs its own catalogue."""
    have = {path.parts[-3] for path in CATALOGUES}
    assert have == {code for code, _name in settings.LANGUAGES} - {"en"}


@pytest.mark.parametrize(
    "catalogue", [path for path in CATALOGUES if path != DUTCH], ids=lambda path: path.parts[-3]
)
def test_every_dutch_message_is_in_every_catalogue(catalogue):
    missing = _ids(DUTCH) - _ids(catalogue)
    assert not missing, f"missing in {catalogue}: {sorted(map(str, missing))}"


def test_dutch_lives_at_the_root_and_english_under_en(client, soup):
    dutch = soup(client.get("/"))
    english = soup(client.get("/en/"))
    assert dutch.html["lang"] == "nl"
    assert english.html["lang"] == "en"
    assert dutch.select_one(".quick-exit__button").get_text(" ", strip=True).endswith("Snel weg")
    assert english.select_one(".quick-exit__button").get_text(" ", strip=True).endswith("Quick exit")
    assert [a.get_text(strip=True) for a in english.select(".main-nav__link")] == [
        "Recognising",
        "Protection",
        "Criminal proceedings",
        "Compensation",
    ]


def test_english_site_has_no_dutch_interface_strings(client, soup):
    dutch_phrases = [
        "Snel weg",
        "Direct hulp nodig",
        "Rechten en regelingen",
        "Organisaties die",
        "Voor wie zoekt u",
        "Stap ",
        "Onderdeel van",
        "Laatst gecontroleerd",
        "Zoeken",
        "Vorige stap",
        "Volgende stap",
    ]
    step = StapPage.objects.get(locale__language_code="en", slug="shelter-and-housing")
    for url in [
        "/en/",
        "/en/protection/",
        step.url,
        "/en/organisaties/",
        "/en/organisaties/comensha/",
        "/en/rechten-en-regelingen/",
        "/en/overzicht/",
        "/en/zoeken/?q=shelter",
        "/en/no-such-page/",
    ]:
        text = soup(client.get(url)).get_text(" ")
        for phrase in dutch_phrases:
            assert phrase not in text, f"{phrase!r} on {url}"


def test_switching_language_keeps_the_visitor_on_the_same_page(client, soup):
    dutch_step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    english_step = StapPage.objects.get(locale__language_code="en", slug="shelter-and-housing")
    page = soup(client.get(dutch_step.url + "?leeftijd=minderjarig"))
    switch = page.select_one(".language-switcher a[hreflang=en]")
    assert switch["href"] == english_step.url + "?leeftijd=minderjarig"
    back = soup(client.get(switch["href"])).select_one(".language-switcher a[hreflang=nl]")
    assert back["href"] == dutch_step.url + "?leeftijd=minderjarig"
    organisation = soup(client.get("/organisaties/comensha/")).select_one(".language-switcher a[hreflang=en]")
    assert organisation["href"] == "/en/organisaties/comensha/"


def test_every_page_has_hreflang_alternates(client, soup):
    page = soup(client.get("/beschermen/opvang/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
    assert alternates["nl"].endswith("/beschermen/opvang/")
    assert alternates["en"].endswith("/en/protection/shelter-and-housing/")


def test_switching_sets_no_cookie(client):
    for url in ["/en/", "/en/protection/", "/"]:
        assert "Set-Cookie" not in client.get(url).headers


def test_english_content_is_linked_like_the_dutch(client, soup):
    step = StapPage.objects.get(locale__language_code="en", slug="shelter-and-housing")
    page = soup(client.get(step.url))
    organisations = [a["href"] for a in page.select("section[aria-labelledby=organisaties] .card__title a")]
    assert organisations and all(href.startswith("/en/organisaties/") for href in organisations)


def test_a_third_language_needs_only_settings_and_content(client, soup, settings):
    """Hungarian, say: add it to LANGUAGES, create the locale and translate the pages; no code changes."""
    from django.utils.translation import trans_real
    from wagtail.coreutils import get_content_languages
    from wagtail.models import Locale

    from fases.models import HomePage

    languages = [*settings.LANGUAGES, ("hu", "Magyar")]
    settings.LANGUAGES = languages
    settings.WAGTAIL_CONTENT_LANGUAGES = languages
    get_content_languages.cache_clear()
    trans_real.get_languages.cache_clear()
    try:
        hungarian = Locale.objects.create(language_code="hu")
        home = HomePage.objects.get(locale__language_code="nl")
        translation = home.copy_for_translation(hungarian)
        translation.title = "Útmutató az emberkereskedelemről"
        translation.save_revision().publish()

        response = client.get("/hu/")
        assert response.status_code == 200
        page = soup(response)
        assert page.html["lang"] == "hu"
        assert page.select_one("h1").get_text(strip=True) == "Útmutató az emberkereskedelemről"
        switcher = {a["hreflang"]: a["href"] for a in soup(client.get("/")).select(".language-switcher a")}
        assert switcher["hu"] == "/hu/"
    finally:
        get_content_languages.cache_clear()
        trans_real.get_languages.cache_clear()


@pytest.mark.parametrize(
    "language, long_date, wrong",
    [
        ("nl", r"\b\d{1,2} december 2026\b", "December 2026"),
        ("en", r"\b\d{1,2} December 2026\b", "Dec. "),
        ("pl", r"\b\d{1,2} grudnia 2026\b", "Grudzień"),  # "4 December" takes the genitive in Polish
        ("uk", r"\b\d{1,2} грудня 2026\b", "Грудень"),
        ("es", r"\b\d{1,2} de diciembre de 2026\b", None),
    ],
)
def test_dates_read_as_people_write_them_in_each_language(client, language, long_date, wrong):
    # The demo content was checked on 3 and 4 December 2026: "Last checked on <date>" under the facts.
    prefix = "" if language == "nl" else f"/{language}"
    response = client.get(f"{prefix}/organisaties/comensha/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(long_date, html), f"no date like {long_date!r} in {language}"
    if wrong:
        assert wrong not in html
