"""Every fact set says where it comes from and when it was last confirmed; editors are warned before they publish
something a visitor cannot trust; the admin speaks the content's language and shows absolute dates."""

import datetime

import pytest
import yaml
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from fases.models import FasePage, StapPage
from organisaties.models import Dienst, Organisatie, Regeling, Situatie
from redactie.review_report import due_items
from redactie.trust_checks import trust_problems

pytestmark = pytest.mark.django_db


def demo_rows(name, key):
    with open(settings.DEMO_CONTENT_DIR / name, encoding="utf-8") as handle:
        return {row["slug"]: row for row in yaml.safe_load(handle)[key]}


def test_an_organisation_page_shows_its_sources_and_who_checked_it_when(client, soup):
    page = soup(client.get("/organisaties/comensha/"))
    sources = page.select(".fact-check .source-list li")
    assert len(sources) == 2
    first = sources[0].select_one("a")
    assert first["href"] == "https://www.wegwijzermensenhandel.nl/zorgcoordinatoren/coordinatoren/comensha"
    assert "noreferrer" in first["rel"]
    assert "Bevestigt: Telefoon 033 448 11 86" in sources[0].get_text()
    checked = page.select_one(".fact-check .last-checked").get_text(" ", strip=True)
    assert checked == "Laatst gecontroleerd op 3 december 2026 door Redactie Wegwijzer (demo-feitencontrole)"


def test_a_regulation_never_confirmed_is_not_shown_as_checked(client, soup):
    regeling = Regeling.objects.get(locale__language_code="nl", slug="recht-op-een-tolk")
    assert regeling.last_checked is None
    assert regeling.to_check, "editors see what is left to check"
    page = soup(client.get("/rechten-en-regelingen/recht-op-een-tolk/"))
    checked = page.select_one(".fact-check .last-checked")
    assert "nog niet gecontroleerd" in checked.get_text()
    assert "Laatst gecontroleerd" not in page.get_text()


def test_a_regulation_keeps_its_official_source_next_to_the_others(client, soup):
    page = soup(client.get("/rechten-en-regelingen/bedenktijd/"))
    links = [a["href"] for a in page.select(".fact-check .source-list a")]
    assert links[0] == "https://ind.nl/Paginas/Mensenhandel.aspx", "the official source comes first"
    assert len(links) == len(set(links)), "a source that is also the official one is listed once"
    assert "https://www.comensha.nl/pagina/verblijfsregeling-slachtoffers-mensenhandel" in links


def test_steps_and_phases_show_their_sources(client, soup):
    for page in (
        StapPage.objects.get(locale__language_code="nl", slug="opvang"),
        FasePage.objects.get(locale__language_code="nl", slug="signaleren"),
    ):
        html = soup(client.get(page.url))
        assert html.select(".fact-check .source-list li a[href^='https://']"), page.url
        assert (
            html.select_one(".fact-check .last-checked")
            .get_text(strip=True)
            .startswith("Laatst gecontroleerd op")
        )


def test_the_demo_carries_the_date_each_fact_was_confirmed_never_the_load_date():
    for model, name, key in (
        (Organisatie, "organisaties.yaml", "organisaties"),
        (Regeling, "regelingen.yaml", "regelingen"),
    ):
        for slug, row in demo_rows(name, key).items():
            item = model.objects.get(locale__language_code="nl", slug=slug)
            assert item.last_checked == row["gecontroleerd_op"], slug
            assert [source.url for source in item.bronnen.all()] == [s["url"] for s in row["bronnen"]], slug


def test_every_demo_organisation_can_be_reached_or_says_how(client, soup):
    for organisatie in Organisatie.objects.filter(live=True):
        assert organisatie.has_contact_route or organisatie.reachability, organisatie.slug
    page = soup(client.get("/organisaties/gemeenten/"))
    assert (
        "Via de gemeente waar het slachtoffer woont of verblijft." in page.select_one(".contact-details").text
    )


def test_never_checked_content_comes_first_in_the_review_report():
    items = due_items(datetime.date(2026, 12, 3))
    unchecked = [item for item in items if item.last_checked is None]
    assert {item.obj.slug for item in unchecked if item.language == "nl"} >= {"recht-op-een-tolk", "fier"}
    assert items[: len(unchecked)] == unchecked


def test_the_trust_checks_name_what_is_missing():
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="gemeenten")
    assert trust_problems(organisatie, on=datetime.date(2026, 12, 4)) == []
    organisatie.reachability = ""
    organisatie.review_before = datetime.date(2026, 12, 1)
    organisatie.save()
    organisatie.bronnen.all().delete()
    problems = trust_problems(organisatie, on=datetime.date(2026, 12, 4))
    assert [problem.split(":")[0] for problem in problems] == [
        "Geen bron",
        "Deze organisatie is niet te bereiken",
        "De controledatum (1 december 2026) is voorbij",
    ]


def test_the_editor_is_warned_when_opening_an_organisation_without_a_way_to_reach_it(admin_client, soup):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="gemeenten")
    Organisatie.objects.filter(pk=organisatie.pk).update(reachability="")
    url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
    messages = soup(admin_client.get(url)).select(".messages li")
    text = " ".join(message.get_text(" ", strip=True) for message in messages)
    assert "Controleer dit voordat u publiceert:" in text
    assert "Deze organisatie is niet te bereiken" in text


def test_a_trustworthy_organisation_opens_without_a_warning(admin_client, soup):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="gemeenten")
    url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
    assert "voordat u publiceert" not in soup(admin_client.get(url)).get_text()


def test_tick_boxes_offer_only_tags_in_the_language_of_the_content(admin_client, soup):
    """Dutch content offers Dutch tags; new English content offers English ones. (An English translation kept in
    step with the Dutch original is edited in wagtail-localize's editor, which has no tick boxes: its tags follow
    the original's.)"""
    dutch = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    english = Locale.objects.get(language_code="en")
    for url, locale, shown, hidden in (
        (
            reverse("wagtailsnippets_organisaties_organisatie:edit", args=(dutch.pk,)),
            dutch.locale,
            "Opvang en huisvesting",
            "Shelter and housing",
        ),
        (
            reverse("wagtailsnippets_organisaties_organisatie:add") + "?locale=en",
            english,
            "Shelter and housing",
            "Opvang en huisvesting",
        ),
    ):
        labels = [
            label.get_text(strip=True) for label in soup(admin_client.get(url)).select("#id_services label")
        ]
        assert shown in labels and hidden not in labels, locale
        assert len(labels) == Dienst.objects.filter(locale=locale).count()


def _synced_translation(original, language_code):
    return Translation.objects.get(
        source__object_id=original.translation_key, target_locale__language_code=language_code
    )


def test_a_translation_whose_sync_stopped_offers_tags_in_its_own_language(admin_client, soup):
    """A synced translation is edited in wagtail-localize's editor, which shows texts only (its tags follow the
    Dutch original, see the next test); once its sync is stopped it has the normal form, in its own language."""
    dutch = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    english = Organisatie.objects.get(locale__language_code="en", translation_key=dutch.translation_key)
    stop = reverse("wagtail_localize:stop_translation", args=(_synced_translation(dutch, "en").pk,))
    assert admin_client.post(stop).status_code == 302
    for organisatie, shown, hidden in (
        (dutch, "Opvang en huisvesting", "Shelter and housing"),
        (english, "Shelter and housing", "Opvang en huisvesting"),
    ):
        url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
        labels = [
            label.get_text(strip=True) for label in soup(admin_client.get(url)).select("#id_services label")
        ]
        assert shown in labels and hidden not in labels, organisatie.locale
        assert len(labels) == Dienst.objects.filter(locale=organisatie.locale).count()


def _slugs(tags):
    return sorted(tag.slug for tag in tags)


def test_a_synced_translation_gets_the_tags_of_its_dutch_original_in_its_own_language():
    dutch = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    english = Organisatie.objects.get(locale__language_code="en", translation_key=dutch.translation_key)
    polish = Organisatie.objects.get(locale__language_code="pl", translation_key=dutch.translation_key)
    Translation.objects.filter(pk=_synced_translation(dutch, "pl").pk).update(enabled=False)  # sync stopped
    polish_before = _slugs(polish.services.all())
    chosen = ["juridische-hulp", "terugkeer"]
    assert _slugs(english.services.all()) != chosen
    dutch.services = list(Dienst.objects.filter(locale=dutch.locale, slug__in=chosen))
    dutch.save_revision().publish()
    assert _slugs(english.services.all()) == chosen
    assert set(english.services.values_list("locale__language_code", flat=True)) == {"en"}
    assert _slugs(polish.services.all()) == polish_before, "a stopped translation keeps its own tags"
    english_list = Organisatie.objects.filter(locale__language_code="en", services__slug="terugkeer")
    assert english in english_list


def test_the_situations_of_a_region_served_are_in_the_language_of_the_organisation(admin_client, soup):
    organisatie = Organisatie.objects.filter(locale__language_code="nl", regio_links__isnull=False).first()
    page = soup(
        admin_client.get(reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,)))
    )
    options = [
        option.get_text(strip=True) for option in page.select("[name='regio_links-0-situations'] option")
    ]
    assert "Leeftijd: Minderjarig (jonger dan 18)" in options
    assert len(options) == Situatie.objects.filter(locale=organisatie.locale).count()
    # The empty row that "Add" copies offers the same choices.
    template = page.select_one("#id_regio_links-EMPTY_FORM_TEMPLATE")
    assert "Leeftijd: Minderjarig" in template.decode_contents()
    assert "Age: Minor" not in template.decode_contents()


def test_the_admin_list_filter_offers_services_in_the_language_filtered_on(admin_client, soup):
    url = reverse("wagtailsnippets_organisaties_organisatie:list")
    for query, shown, hidden in (
        ("", "Opvang en huisvesting", "Shelter and housing"),
        ("?locale=en", "Shelter and housing", "Opvang en huisvesting"),
    ):
        labels = [
            label.get_text(strip=True)
            for label in soup(admin_client.get(url + query)).select("#id_services option")
        ]
        assert shown in labels and hidden not in labels, query


def test_admin_lists_show_absolute_dates(admin_client, soup):
    response = admin_client.get(reverse("wagtailsnippets_organisaties_organisatie:list"))
    dates = [cell.get_text(strip=True) for cell in soup(response).select("time.w-human-readable-date__date")]
    assert "3 december 2026" in dates
    assert not any("geleden" in date or date == "Zojuist" for date in dates)
