"""Help nearby: every municipality finds its regional help or an honest "not known" with the national fallback."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from organisaties.gemeente_lookup import MAX_LENGTH, find_gemeente
from organisaties.gemeenten_import import GEMEENTEN_CSV, GEMEENTENAMEN_CSV
from organisaties.models import Gemeente, Organisatie, Regio, Regiotype, Situatie
from organisaties.regional_help import regional_contacts
from organisaties.situations import SituationSelection

from .admin_forms import form_data

pytestmark = pytest.mark.django_db

ANSWER = "/hulp-in-de-buurt/"


def shipped(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_shipped_municipality_has_a_province_and_per_region_type_a_region_or_a_fallback():
    rows = shipped(GEMEENTEN_CSV)
    assert len(rows) == 342
    regiotypes = list(Regiotype.objects.all())
    assert {t.slug for t in regiotypes} >= {"zorgcoordinatie-regio", "veilig-thuis-regio", "csg-locatie"}
    for row in rows:
        lookup = find_gemeente(row["naam"])
        assert lookup.gemeente is not None and lookup.gemeente.code == row["code"], row
        assert lookup.gemeente.provincie == row["provincie"]
        helps = regional_contacts(lookup.gemeente)
        assert [h.regiotype for h in helps] == regiotypes
        for help in helps:
            if help.known:
                assert help.regio.is_confirmed and help.regio.sources.all(), (row, help.regiotype)
            else:
                assert help.has_fallback, f"{row['naam']}: {help.regiotype} neither known nor a fallback"
            assert help.sources and help.last_checked, (row, help.regiotype)


def test_what_the_site_shows_as_covered_per_region_type():
    """Only confirmed regions count: 20 of the 25 Veilig Thuis regions (CBS division 2025; 251 municipalities:
    all but Noord- en Oost-Gelderland 22, Gelderland-Midden 15, Noord-Holland Noord 17, Gooi en
    Vechtstreek 6 and Oost-Brabant 31) and four CSG locations (Twente-Achterhoek,
    only the 14 Twente municipalities; Zeeland 13; Groningen-Drenthe 22; Amsterdam-Amstelland 6) are confirmed per
    municipality; care coordination nowhere yet."""
    covered = {
        regiotype.slug: Gemeente.objects.filter(
            regios__in=Regio.objects.confirmed().filter(regiotype=regiotype)
        )
        .distinct()
        .count()
        for regiotype in Regiotype.objects.all()
    }
    assert covered == {
        "zorgcoordinatie-regio": 0,
        "veilig-thuis-regio": 251,
        "csg-locatie": 55,
        "politie-eenheid": 342,
        "veiligheidsregio": 342,
    }


def test_the_national_fallbacks_are_the_confirmed_numbers():
    fallbacks = {t.slug: (t.fallback_organisation, t.fallback_phone) for t in Regiotype.objects.all()}
    assert fallbacks["zorgcoordinatie-regio"] == ("CoMensha", "033 448 11 86")
    assert fallbacks["veilig-thuis-regio"] == ("Veilig Thuis", "0800-2000")
    assert fallbacks["csg-locatie"] == ("Centrum Seksueel Geweld", "0800-0188")
    assert fallbacks["politie-eenheid"] == ("Politie", "0900-8844")


@pytest.mark.parametrize("row", shipped(GEMEENTENAMEN_CSV), ids=lambda row: row["naam"])
def test_former_and_common_names_resolve(row):
    lookup = find_gemeente(row["naam"])
    assert lookup.gemeente is not None and lookup.gemeente.code == row["code"]
    # "Bergen (NH)" is written like the CBS name "Bergen (NH.)" once punctuation is left out: found directly.
    assert lookup.other_name in (row["naam"], "")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("'s-Hertogenbosch", "GM0796"),
        ("s hertogenbosch", "GM0796"),
        ("S-HERTOGENBOSCH", "GM0796"),
        ("\u2019s-Hertogenbosch", "GM0796"),
        ("den bosch", "GM0796"),
        ("Den  Haag", "GM0518"),
        ("sudwest-fryslan", "GM1900"),
        ("Súdwest Fryslân", "GM1900"),
        ("  zwolle ", "GM0193"),
        ("gm0363", "GM0363"),
        ("Bergen NH", "GM0373"),
        ("bergen (l.)", "GM0893"),
    ],
)
def test_case_accents_hyphens_and_the_s_prefix_do_not_count(typed, code):
    assert find_gemeente(typed).gemeente.code == code


def test_an_ambiguous_or_misspelt_name_gives_the_closest_municipalities():
    bergen = find_gemeente("Bergen")
    assert bergen.gemeente is None and bergen.error == "unknown"
    assert {"Bergen (NH.)", "Bergen (L.)"} <= {g.name for g in bergen.suggestions}
    assert [g.name for g in find_gemeente("Amsterdm").suggestions][:1] == ["Amsterdam"]
    assert len(find_gemeente("a").suggestions) <= 6


def test_the_lookup_costs_a_few_queries_whatever_the_number_of_municipalities(django_assert_max_num_queries):
    Gemeente.objects.bulk_create(
        Gemeente(
            code=f"GM9{n:03d}", name=f"Proefgemeente {n}", provincie="Utrecht", name_key=f"proefgemeente {n}"
        )
        for n in range(900)
    )
    gemeente = Gemeente.objects.get(code="GM0193")
    with django_assert_max_num_queries(2):
        assert find_gemeente("Weesp").gemeente.code == "GM0363"
    with django_assert_max_num_queries(4):
        assert find_gemeente("Zwole").suggestions[0].name == "Zwolle"
    with django_assert_max_num_queries(6):
        regional_contacts(gemeente, SituationSelection({"leeftijd": "minderjarig"}))


def test_the_answer_lists_who_to_call_with_phone_numbers_sources_and_an_honest_not_known(client, soup):
    response = client.get(ANSWER, {"gemeente": "Den Bosch", "uitbuiting": "seksueel"})
    assert response.status_code == 200 and not response.cookies
    page = soup(response)
    assert "Den Bosch" in page.get_text() and "'s-Hertogenbosch" in page.h1.get_text()
    helps = page.select(".regional-help")
    assert [h["data-regiotype"] for h in helps][:3] == [
        "zorgcoordinatie-regio",
        "veilig-thuis-regio",
        "csg-locatie",
    ]
    phones = [a["href"] for a in page.select(".regional-help a[href^='tel:']")]
    assert {"tel:0334481186", "tel:08002000", "tel:08000188", "tel:09008844"} <= set(phones)
    not_known = page.select(".regional-help--not-known")
    assert len(not_known) == 3, (
        "care coordination, Veilig Thuis and CSG are not confirmed for this municipality"
    )
    police = page.select_one("[data-regiotype=politie-eenheid]")
    assert "Politie-eenheid Zeeland-West-Brabant" not in police.get_text()
    assert "Oost-Brabant" in police.get_text() and police.select("details.sources a[href^='https://']")
    # The situation travels along, and the municipality with it.
    assert page.select_one("select[name=uitbuiting] option[selected]")["value"] == "seksueel"
    region_link = police.select_one("a[href^='/regios/']")["href"]
    assert "gemeente=GM0796" in region_link and "uitbuiting=seksueel" in region_link


def test_a_region_still_to_check_is_not_shown_as_the_help_of_its_municipalities(client, soup):
    page = soup(client.get(ANSWER, {"gemeente": "Apeldoorn"}))
    veilig_thuis = page.select_one("[data-regiotype=veilig-thuis-regio]")
    assert "regional-help--not-known" in veilig_thuis["class"]
    assert not veilig_thuis.select("a[href^='/regios/veilig-thuis-noord-en-oost-gelderland/']")
    assert "Veilig Thuis in de regio Noord- en Oost-Gelderland" not in veilig_thuis.get_text()
    assert "0800-2000" in veilig_thuis.get_text()
    region = soup(client.get("/regios/veilig-thuis-noord-en-oost-gelderland/"))
    assert region.select_one("[data-to-check]") and "Apeldoorn" in region.get_text()


@pytest.mark.parametrize(
    ("gemeente", "organisation"),
    [
        ("Enschede", "Veilig Thuis Twente"),
        ("Aa en Hunze", "Veilig Thuis Drenthe"),
        ("Amersfoort", "Veilig Thuis Utrecht"),
        ("Urk", "Veilig Thuis Flevoland"),
    ],
)
def test_a_municipality_gets_the_confirmed_veilig_thuis_of_its_region(client, soup, gemeente, organisation):
    page = soup(client.get(ANSWER, {"gemeente": gemeente}))
    veilig_thuis = page.select_one("[data-regiotype=veilig-thuis-regio]")
    assert "regional-help--not-known" not in veilig_thuis["class"]
    assert organisation in veilig_thuis.get_text()
    assert "tel:08002000" in {a["href"] for a in veilig_thuis.select("a[href^='tel:']")}
    assert veilig_thuis.select("details.sources a[href^='https://']")


def test_utrecht_gives_the_address_veilig_thuis_utrecht_publishes(client, soup):
    page = soup(client.get(ANSWER, {"gemeente": "Utrecht"}))
    veilig_thuis = page.select_one("[data-regiotype=veilig-thuis-regio]")
    assert "veiligthuis@samen-veilig.nl" in veilig_thuis.get_text()


def test_a_twente_municipality_gets_the_confirmed_csg_twente_achterhoek(client, soup):
    csg = soup(client.get(ANSWER, {"gemeente": "Enschede"})).select_one("[data-regiotype=csg-locatie]")
    assert "regional-help--not-known" not in csg["class"]
    assert "Twente-Achterhoek" in csg.get_text()
    assert "tel:08000188" in {a["href"] for a in csg.select("a[href^='tel:']")}
    elsewhere = soup(client.get(ANSWER, {"gemeente": "Tilburg"})).select_one("[data-regiotype=csg-locatie]")
    assert "regional-help--not-known" in elsewhere["class"] and "0800-0188" in elsewhere.get_text()


@pytest.mark.parametrize("gemeente", ["Zwolle", "Enschede", "Apeldoorn", "Arnhem", "Nijmegen"])
def test_gelderland_and_overijssel_get_the_confirmed_police_unit_oost_nederland(client, soup, gemeente):
    page = soup(client.get(ANSWER, {"gemeente": gemeente}))
    police = page.select_one("[data-regiotype=politie-eenheid]")
    assert "regional-help--not-known" not in police["class"]
    assert "Politie-eenheid Oost-Nederland" in police.get_text()
    assert "tel:09008844" in {a["href"] for a in police.select("a[href^='tel:']")}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Typ de naam van een gemeente."),
        ("   ", "Typ de naam van een gemeente."),
        ("Amsterdm", "We kennen geen gemeente met die naam."),
        ("Atlantis", "We kennen geen gemeente met die naam."),
        ("x" * (MAX_LENGTH + 1), "Dat is te lang"),
        ("a" * 100_000, "Dat is te lang"),
        ("<script>alert(1)</script>", "Gebruik alleen letters"),
        ("Zwolle\x00", "Gebruik alleen letters"),
        ("Zwolle'; DROP TABLE gemeente;--", "Gebruik alleen letters"),
    ],
)
def test_bad_input_gets_a_clear_message_never_an_error(client, soup, value, message):
    response = client.get(ANSWER, {"gemeente": value})
    assert response.status_code == 200
    page = soup(response)
    error = page.select_one(".utrecht-form-field-error-message")
    assert error is not None and message in error.get_text()
    assert page.select_one("input[name=gemeente]")["aria-invalid"] == "true"
    assert b"<script>alert(1)" not in response.content
    assert not page.select(".regional-help")


def test_a_misspelt_name_links_to_the_closest_municipalities_with_the_situation(client, soup):
    page = soup(client.get(ANSWER, {"gemeente": "Amsterdm", "leeftijd": "minderjarig"}))
    links = [a["href"] for a in page.select(".gemeente-form__suggestions a")]
    assert links[0] == f"{ANSWER}?gemeente=GM0363&leeftijd=minderjarig"
    assert client.get(links[0]).status_code == 200


def test_the_form_is_on_the_home_page_and_on_regional_steps_only(client, soup):
    home = soup(client.get("/"))
    form = home.select_one("form.gemeente-form")
    assert form["action"] == ANSWER and form["method"] == "get"
    field = form.select_one("input[name=gemeente]")
    assert home.select_one(f"datalist#{field['list']}").select("option[value='Den Bosch']")
    regional = soup(client.get("/beschermen/opvang/"))
    assert regional.select_one("[data-regional-help] input[name=gemeente]")
    other = soup(client.get("/strafrechtelijk-proces/aangifte-doen/"))
    assert not other.select("[data-regional-help]")


def test_a_regional_step_shows_the_help_for_the_chosen_municipality(client, soup):
    page = soup(
        client.get("/signaleren/overleggen-bij-twijfel/", {"gemeente": "Zwolle", "leeftijd": "minderjarig"})
    )
    section = page.select_one("[data-regional-help]")
    assert "Zwolle" in section.get_text()
    types = [h["data-regiotype"] for h in section.select(".regional-help")]
    assert "veilig-thuis-regio" in types and "zorgcoordinatie-regio" in types
    assert "tel:08002000" in {a["href"] for a in section.select("a[href^='tel:']")}
    # The municipality goes along to the next step, like the situation.
    assert "gemeente=GM0193" in page.select_one("a[rel=next]")["href"]


def test_a_region_page_lists_its_municipalities_contact_and_sources(client, soup):
    page = soup(client.get("/regios/politie-amsterdam/"))
    assert page.h1.get_text() == "Politie-eenheid Amsterdam"
    assert not page.select("[data-to-check]")
    names = [a.get_text() for a in page.select(".region-municipalities a")]
    assert "Amsterdam" in names and "Amstelveen" in names
    assert "tel:09008844" in {a["href"] for a in page.select("a[href^='tel:']")}
    assert client.get("/regios/bestaat-niet/").status_code == 404


def test_the_organisation_guide_filters_by_region_and_municipality(client, soup):
    by_region = soup(client.get("/organisaties/", {"regio": "politie-amsterdam"}))
    assert [a.get_text(strip=True) for a in by_region.select(".card__title")] == ["Politie (AVIM)"]
    zwolle = soup(client.get("/organisaties/", {"gemeente": "Zwolle", "werkgebied": "regional"}))
    assert "Politie" not in zwolle.select_one(".card-list").get_text(), (
        "the police unit of Zwolle is not confirmed"
    )
    amsterdam = soup(client.get("/organisaties/", {"gemeente": "amsterdam", "werkgebied": "regional"}))
    assert "Politie (AVIM)" not in amsterdam.select_one(".card-list").get_text(), "the police is national"
    bad = client.get("/organisaties/", {"gemeente": "<b>", "regio": "bestaat-niet"})
    assert bad.status_code == 200


def write(tmp_path, name, rows, header):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_load_gemeenten_reports_and_never_silently_drops_a_municipality_in_use(tmp_path):
    Gemeente.objects.create(code="GM9998", name="Oudedorp", provincie="Utrecht")
    rows = [(r["code"], r["naam"], r["provincie"]) for r in shipped(GEMEENTEN_CSV) if r["code"] != "GM0193"]
    rows = [(code, "Nieuw Zwolle" if code == "GM0363" else name, prov) for code, name, prov in rows]
    rows.append(("GM9999", "Nieuwe Gemeente", "Flevoland"))
    path = write(tmp_path, "gemeenten.csv", rows, ["code", "naam", "provincie"])
    aliases = write(tmp_path, "namen.csv", [("Oude Naam", "GM9999", "voormalig")], ["naam", "code", "soort"])
    out = StringIO()
    call_command("load_gemeenten", "--csv", str(path), "--aliases", str(aliases), stdout=out)
    report = out.getvalue()
    assert "Added: GM9999 Nieuwe Gemeente" in report
    assert "Renamed: GM0363 Amsterdam -> Nieuw Zwolle" in report
    assert "Removed: GM9998 Oudedorp" in report
    assert "Not removed: GM0193 Zwolle" in report and "Veiligheidsregio IJsselland" in report
    assert (
        Gemeente.objects.filter(code="GM0193").exists()
        and not Gemeente.objects.filter(code="GM9998").exists()
    )
    assert find_gemeente("oude naam").gemeente.code == "GM9999"
    assert find_gemeente("Den Bosch").gemeente is None, "the other names are those of the file"


def test_load_gemeenten_refuses_a_malformed_file_and_changes_nothing(tmp_path):
    path = write(
        tmp_path, "fout.csv", [("0363", "Amsterdam", "Noord-Holland")], ["code", "naam", "provincie"]
    )
    with pytest.raises(CommandError, match="Nothing changed"):
        call_command("load_gemeenten", "--csv", str(path))
    wrong_header = write(tmp_path, "kop.csv", [("GM0363", "Amsterdam")], ["code", "name"])
    with pytest.raises(CommandError, match="header"):
        call_command("load_gemeenten", "--csv", str(wrong_header))
    assert Gemeente.objects.count() == 342


def test_editors_keep_regions_municipalities_and_an_organisations_regions_in_the_admin(admin_client):
    for name in ("regio", "regiotype", "gemeente"):
        response = admin_client.get(reverse(f"wagtailsnippets_organisaties_{name}:list"))
        assert response.status_code == 200, name
    assert (
        "Zwolle"
        in admin_client.get(
            reverse("wagtailsnippets_organisaties_gemeente:list"), {"q": "zwol"}
        ).content.decode()
    )
    regio = Regio.objects.get(slug="politie-amsterdam")
    assert (
        admin_client.get(reverse("wagtailsnippets_organisaties_regio:edit", args=(regio.pk,))).status_code
        == 200
    )

    politie = Organisatie.objects.get(locale__language_code="nl", slug="politie")
    edit_url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(politie.pk,))
    data = form_data(admin_client.get(edit_url))
    minderjarig = Situatie.objects.get(locale__language_code="nl", slug="minderjarig")
    first = next(key for key in data if key.startswith("regio_links-") and key.endswith("-regio"))
    prefix = first.removesuffix("-regio")
    data[f"{prefix}-situations"] = [str(minderjarig.pk)]
    data[f"{prefix}-for_whom"] = "alleen minderjarigen"
    data["action-publish"] = "1"
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    politie.refresh_from_db()
    links = list(politie.regio_links.all())
    assert len(links) == 10, "every region link survives an edit"
    tagged = [link for link in links if link.for_whom]
    assert len(tagged) == 1 and list(tagged[0].situations.all()) == [minderjarig]
