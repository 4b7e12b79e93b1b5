"""Translations in wagtail-localize: existing ones linked, out-of-date status after a Dutch edit, PO files both
ways, the "not checked" line, the fallback for untranslated pages, right to left, and bad language input."""

import polib
import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from fases.handout import mentions_discreet_word
from fases.models import FasePage, StapPage
from kern import roles
from kern.models import GecontroleerdeVertaling, InformatiePagina
from kern.translation_records import positional_paths, translation_state
from organisaties.models import Organisatie, Regeling, Situatie

pytestmark = pytest.mark.django_db

VICTIM_LANGUAGES = ["pl", "ro", "bg", "uk", "es", "ar"]


def _translation(original, language_code):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(original),
        target_locale__language_code=language_code,
    )


@pytest.fixture
def dutch_safety():
    return StapPage.objects.get(locale__language_code="nl", slug="veiligheid")


def test_the_existing_english_content_is_known_to_wagtail_localize_with_its_texts(dutch_safety):
    translation = _translation(dutch_safety, "en")
    total, translated = translation.get_progress()
    assert total > 10 and translated == total
    title = StringTranslation.objects.get(
        translation_of__data="Veiligheid", context__path="title", locale__language_code="en"
    )
    assert title.data == "Safety"
    # Linking rewrote nothing: the English page is as the loader made it.
    english = dutch_safety.get_translation(Locale.objects.get(language_code="en"))
    assert english.title == "Safety" and english.live


@pytest.mark.parametrize("language", VICTIM_LANGUAGES)
def test_every_victim_language_has_the_safety_step_the_safety_page_and_all_regulation_summaries(language):
    step = StapPage.objects.get(locale__language_code=language, slug="safety")
    assert step.live and step.title != "Veiligheid"
    assert _translation(StapPage.objects.get(locale__language_code="nl", slug="veiligheid"), language)
    dutch = {r.translation_key: r.summary for r in Regeling.objects.filter(locale__language_code="nl")}
    translated = Regeling.objects.filter(locale__language_code=language)
    assert {r.translation_key for r in translated} == set(dutch)
    assert all(r.summary != dutch[r.translation_key] for r in translated)


@pytest.mark.parametrize("language", VICTIM_LANGUAGES)
def test_every_victim_language_has_every_phase_step_the_help_page_and_the_organisations_short_texts(
    client, soup, language
):
    dutch_steps = {s.translation_key: s for s in StapPage.objects.filter(locale__language_code="nl")}
    steps = StapPage.objects.filter(locale__language_code=language, live=True)
    assert {s.translation_key for s in steps} == set(dutch_steps)
    for step in steps:
        dutch = dutch_steps[step.translation_key]
        assert step.title != dutch.title or step.title == "Schadefonds Geweldsmisdrijven"
        assert step.summary != dutch.summary and step.handout_text != dutch.handout_text
        # What the discreet hand-out prints never names the subject, in this language either.
        assert step.handout_text and not mentions_discreet_word(step.handout_text + step.handout_title)
    dutch_phases = {p.translation_key: p.title for p in FasePage.objects.filter(locale__language_code="nl")}
    phases = FasePage.objects.filter(locale__language_code=language)
    assert {p.translation_key for p in phases} == set(dutch_phases)
    assert all(p.title != dutch_phases[p.translation_key] for p in phases)
    dutch_organisations = {
        o.translation_key: o for o in Organisatie.objects.filter(locale__language_code="nl")
    }
    for organisation in Organisatie.objects.filter(locale__language_code=language):
        dutch = dutch_organisations[organisation.translation_key]
        assert organisation.name == dutch.name and organisation.phone == dutch.phone
        assert organisation.summary != dutch.summary
    assert (
        Situatie.objects.filter(locale__language_code=language).count()
        == Situatie.objects.filter(locale__language_code="nl").count()
    )
    assert not Situatie.objects.filter(
        locale__language_code=language,
        name__in=Situatie.objects.filter(locale__language_code="nl").values("name"),
    ).exists()
    help_page = InformatiePagina.objects.get(
        locale__language_code=language,
        translation_key=InformatiePagina.objects.get(slug="hulp-voor-u").translation_key,
    )
    page = soup(client.get(help_page.url))
    assert page.html["lang"] == language
    assert page.select_one("[data-translation-unchecked]") is not None
    assert "112" in page.select_one("main").get_text(" ", strip=True)


def test_a_step_with_only_its_short_texts_says_where_the_full_text_is_and_wagtail_localize_keeps_it_waiting(
    client, soup
):
    dutch = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    polish = StapPage.objects.get(locale__language_code="pl", slug="shelter-and-housing")
    page = soup(client.get(polish.url))
    text = page.select_one("main").get_text(" ", strip=True)
    assert polish.summary in text and "Pełny tekst tego kroku nie jest jeszcze dostępny po polsku" in text
    assert page.select_one("[data-translation-unchecked] a[hreflang=nl]")["href"] == dutch.url
    # The "not yet in Polish" line is not recorded as the Polish translation of a Dutch paragraph.
    assert not StringTranslation.objects.filter(locale__language_code="pl", data__startswith="Pełny").exists()
    total, translated = _translation(dutch, "pl").get_progress()
    assert 0 < translated < total


@pytest.mark.parametrize("language", ["pl", "ar"])
def test_the_hand_out_prints_the_steps_in_the_chosen_language_with_the_unchecked_line(client, soup, language):
    response = client.get(f"/{language}/overzicht/?leeftijd=meerderjarig&herkomst=buiten-eu-zonder-verblijf")
    assert response.status_code == 200
    page = soup(response)
    handout = page.select_one(".handout").get_text(" ", strip=True)
    step = StapPage.objects.get(locale__language_code=language, slug="reflection-period-and-residence")
    assert step.handout_text in handout
    assert FasePage.objects.get(locale__language_code=language, slug="protection").title in handout
    assert not mentions_discreet_word(handout)
    assert page.select_one("[data-translation-unchecked]") is not None


def test_editing_the_dutch_text_marks_its_translations_out_of_date(dutch_safety, admin_client):
    assert not translation_state(_translation(dutch_safety, "pl")).source_changed
    dutch_safety.summary = "Hoe u zorgt dat iedereen veilig is."
    dutch_safety.save_revision().publish()
    for language in ["en", "pl", "ar"]:
        state = translation_state(_translation(dutch_safety, language))
        assert state.source_changed and not state.up_to_date
        assert state.source_changed_at is not None
    report = admin_client.get("/admin/vertalingen/?taal=pl&achter=1")
    assert report.status_code == 200
    text = report.content.decode()
    assert "Veiligheid" in text and "vertaling verouderd" in text  # the admin speaks Dutch


def test_a_regulation_edit_makes_only_that_regulation_out_of_date(admin_client):
    regeling = Regeling.objects.get(locale__language_code="nl", slug="recht-op-een-tolk")
    other = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    regeling.summary = "Spreekt u slecht Nederlands? Dan krijgt u gratis een tolk."
    regeling.save_revision().publish()
    assert translation_state(_translation(regeling, "es")).source_changed
    assert not translation_state(_translation(other, "es")).source_changed
    behind = admin_client.get("/admin/vertalingen/?taal=es&achter=1").content.decode()
    assert regeling.title in behind


def test_a_translation_goes_out_as_a_po_file_and_comes_back_in(dutch_safety):
    translation = _translation(dutch_safety, "pl")
    po = polib.pofile(str(translation.export_po()))
    titles = [entry for entry in po if entry.msgctxt == "title"]
    assert titles[0].msgid == "Veiligheid" and titles[0].msgstr == "Bezpieczeństwo"
    titles[0].msgstr = "Bezpieczeństwo i ochrona"
    warnings = translation.import_po(po)
    assert warnings == []
    assert (
        StringTranslation.objects.get(
            translation_of__data="Veiligheid", context__path="title", locale__language_code="pl"
        ).data
        == "Bezpieczeństwo i ochrona"
    )
    total, translated = translation.get_progress()
    assert translated == total


def test_a_po_file_of_another_translation_is_refused(dutch_safety):
    polish = _translation(dutch_safety, "pl")
    spanish_po = _translation(dutch_safety, "es").export_po()
    assert polish.import_po(spanish_po) == []
    title = StringTranslation.objects.get(
        translation_of__data="Veiligheid", context__path="title", locale__language_code="pl"
    )
    assert title.data == "Bezpieczeństwo"


UNCHECKED = {
    "nl": None,
    "pl": "To tłumaczenie nie zostało jeszcze sprawdzone; w razie wątpliwości obowiązuje tekst niderlandzki.",
    "ar": "لم يتم التحقق من هذه الترجمة بعد؛ عند الشك يُعتمد النص الهولندي.",
}


@pytest.mark.parametrize("language", ["pl", "ar"])
def test_an_unchecked_translation_says_so_in_its_own_language_until_a_translator_checks_it(
    client, soup, admin_client, dutch_safety, language
):
    step = StapPage.objects.get(locale__language_code=language, slug="safety")
    line = soup(client.get(step.url)).select_one("[data-translation-unchecked]")
    assert UNCHECKED[language] in line.get_text(" ", strip=True)
    assert line.select_one("a[hreflang=nl]")["href"] == dutch_safety.url

    translation = _translation(dutch_safety, language)
    admin_client.post(f"/admin/vertalingen/{translation.pk}/gecontroleerd/", {"translator": "A. Vertaler"})
    assert GecontroleerdeVertaling.objects.filter(translation_key=step.translation_key).exists()
    assert soup(client.get(step.url)).select_one("[data-translation-unchecked]") is None
    # Published again after the check: the new text was not checked.
    step.save_revision().publish()
    assert soup(client.get(step.url)).select_one("[data-translation-unchecked]") is not None


def test_dutch_pages_have_no_unchecked_line(client, soup, dutch_safety):
    assert soup(client.get(dutch_safety.url)).select_one("[data-translation-unchecked]") is None


def test_checking_needs_a_translator_name_and_a_known_translation(admin_client, dutch_safety):
    translation = _translation(dutch_safety, "pl")
    admin_client.post(f"/admin/vertalingen/{translation.pk}/gecontroleerd/", {"translator": "  "})
    assert not GecontroleerdeVertaling.objects.exists()
    assert admin_client.get("/admin/vertalingen/999999/gecontroleerd/").status_code == 405
    assert (
        admin_client.post("/admin/vertalingen/999999/gecontroleerd/", {"translator": "X"}).status_code == 404
    )


def test_both_roles_start_translations_in_wagtail_localize_and_only_final_editors_record_checks():
    for name in (roles.REDACTEUR, roles.EINDREDACTEUR):
        codenames = {
            (p.content_type.app_label, p.codename) for p in Group.objects.get(name=name).permissions.all()
        }
        assert ("wagtail_localize", "submit_translation") in codenames
        assert ("simple_translation", "submit_translation") not in codenames
        assert (("wegwijzer", "add_gecontroleerdevertaling") in codenames) == (name == roles.EINDREDACTEUR)


def test_the_switcher_names_every_language_in_itself_and_keeps_the_situation(client, soup, dutch_safety):
    page = soup(client.get(dutch_safety.url + "?leeftijd=minderjarig&gemeente=utrecht"))
    links = {a["hreflang"]: a for a in page.select(".language-switcher a")}
    names = {code: a.get_text(strip=True) for code, a in links.items()}
    assert names == {
        "en": "English",
        "pl": "Polski",
        "ro": "Română",
        "bg": "Български",
        "uk": "Українська",
        "es": "Español",
        "ar": "العربية",
    }
    polish = StapPage.objects.get(locale__language_code="pl", slug="safety")
    assert links["pl"]["href"] == polish.url + "?leeftijd=minderjarig&gemeente=utrecht"
    assert links["ar"]["lang"] == "ar"


def test_a_page_without_a_translation_falls_back_to_english_with_a_notice_in_the_chosen_language(
    client, soup
):
    # The "About" page is translated into English only.
    dutch = InformatiePagina.objects.get(locale__language_code="nl", slug="over-ons")
    english = InformatiePagina.objects.get(locale__language_code="en", slug="about-us")
    switch = soup(client.get(dutch.url)).select_one(".language-switcher a[hreflang=pl]")
    assert switch["href"] == english.url + "?niet_vertaald=pl"
    response = client.get(switch["href"])
    assert response.status_code == 200
    notice = soup(response).select_one("[data-translation-missing]")
    assert notice["lang"] == "pl"
    assert "Ta strona nie jest jeszcze dostępna w języku: Polski" in notice.get_text(" ", strip=True)
    arabic = soup(client.get(english.url + "?niet_vertaald=ar")).select_one("[data-translation-missing]")
    assert arabic["dir"] == "rtl"


def test_arabic_pages_are_right_to_left_with_phone_numbers_left_to_right(client, soup):
    page = soup(client.get("/ar/"))
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    phones = page.select("a[href^='tel:']")
    assert phones and all(a.get("dir") == "ltr" for a in phones)
    assert soup(client.get("/pl/")).html["dir"] == "ltr"


@pytest.mark.parametrize(
    "path",
    [
        "/xx/",
        "/pl/en/",
        "/en/pl/safe-browsing/",
        "/pl/veilig-browsen/",
        "/ar/beschermen/veiligheid/",
        "/?niet_vertaald=<script>",
        "/?niet_vertaald=nl",
        "/pl/?niet_vertaald=pl",
        "/pl/overzicht/?tweede_taal=zz",
        "/admin/vertalingen/?taal=<b>",
    ],
)
def test_unknown_or_mixed_languages_never_break_a_page(admin_client, soup, path):
    response = admin_client.get(path)
    assert response.status_code in (200, 301, 302, 404)
    if response.status_code == 200 and not path.startswith("/admin/"):
        assert soup(response).select_one("[data-translation-missing]") is None


def test_segments_are_matched_by_block_type_and_position_so_a_left_out_block_stays_untranslated():
    a, b, c = (
        "11111111-1111-1111-1111-111111111111",
        "22222222-2222-2222-2222-222222222222",
        "3" * 8 + "-3333-3333-3333-" + "3" * 12,
    )
    x, y = "44444444-4444-4444-4444-444444444444", "55555555-5555-5555-5555-555555555555"
    dutch = positional_paths(
        [f"body.{a}.text", f"body.{b}.text", f"body.{c}.text"], {a: "callout", b: "callout", c: "contact"}
    )
    # The translation left out the second callout: its contact card must not stand in for it.
    translated = positional_paths([f"body.{x}.text", f"body.{y}.text"], {x: "callout", y: "contact"})
    assert dict(zip(translated, "XY", strict=True)).get(dutch[1]) is None
    assert dict(zip(translated, "XY", strict=True))[dutch[2]] == "Y"
