"""Every change visitors can see shows on the next request, with the page cache on; drafts never touch the cache.

The models that count are derived (kern/invalidation.py); the table below says, for each of them, how an editor
changes it and where a visitor sees that. A model that public pages show but the table lacks fails the first test,
so a new model cannot be forgotten.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from fases.models import FasePage, HomePage, StapPage
from kern.invalidation import shown_on_public_pages
from kern.models import GecontroleerdeVertaling, Hulplijn, InformatiePagina, SiteInstellingen
from kern.page_cache import GENERATION_KEY
from organisaties.models import (
    Dienst,
    Doelgroep,
    Gemeente,
    Gemeentenaam,
    Organisatie,
    Regeling,
    Regio,
    RegioBron,
    Regiotype,
    RegiotypeBron,
    Situatie,
    Situatievraag,
)
from zoeken.models import Synoniem

pytestmark = pytest.mark.django_db

NL = {"locale__language_code": "nl"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def publish(obj):
    obj.save_revision().publish()


def edit_hulplijn():
    line = Hulplijn.objects.filter(**NL).first()
    line.number = "0800 111 22 33"
    line.save()
    return "/", "0800 111 22 33"


def edit_hulplijn_bron():
    source = Hulplijn.objects.get(**NL, name="CoMensha").bronnen.first()
    source.title = "Een nieuwe bron (test)"
    source.save()  # a helpline has no drafts: its sources count when saved
    return "/contact/", "Een nieuwe bron (test)"


def edit_settings():
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.emergency_number = "1-1-2 (test)"
    instellingen.save()
    return "/beschermen/", "1-1-2 (test)"


def edit_situatie():
    situatie = Situatie.objects.filter(**NL, vraag__slug="leeftijd").first()
    situatie.name = "Jonger dan achttien (test)"
    situatie.save()
    return "/", "Jonger dan achttien (test)"


def edit_situatievraag():
    vraag = Situatievraag.objects.get(**NL, slug="leeftijd")
    vraag.label = "Hoe oud is de persoon? (test)"
    vraag.save()
    return "/", "Hoe oud is de persoon? (test)"


def edit_dienst():
    dienst = Dienst.objects.filter(**NL, slug="opvang").first()
    dienst.name = "Een veilige plek (test)"
    dienst.save()
    return "/organisaties/", "Een veilige plek (test)"


def edit_doelgroep():
    doelgroep = Doelgroep.objects.filter(**NL).first()
    doelgroep.name = "Iedereen die helpt (test)"
    doelgroep.save()
    return "/organisaties/", "Iedereen die helpt (test)"


def edit_organisatie():
    organisatie = Organisatie.objects.get(**NL, slug="comensha")
    organisatie.phone = "033 000 00 00"
    publish(organisatie)
    return "/beschermen/opvang/", "033 000 00 00"


def edit_regeling():
    regeling = Regeling.objects.get(**NL, slug="bedenktijd")
    regeling.title = "Bedenktijd (gewijzigd)"
    publish(regeling)
    return "/rechten-en-regelingen/", "Bedenktijd (gewijzigd)"


def edit_home():
    home = HomePage.objects.get(**NL)
    home.intro = "Een nieuwe inleiding op de wegwijzer."
    publish(home)
    return "/", "Een nieuwe inleiding op de wegwijzer."


def edit_fase():
    fase = FasePage.objects.get(**NL, slug="beschermen")
    fase.title = "Beschermen en opvangen"
    publish(fase)
    return "/beschermen/opvang/", "Beschermen en opvangen"


def edit_stap():
    stap = StapPage.objects.get(**NL, slug="opvang")
    stap.title = "Opvang en een veilig huis"
    publish(stap)
    return "/beschermen/", "Opvang en een veilig huis"


def edit_stap_regeling():
    stap = StapPage.objects.get(**NL, slug="opvang")
    links = list(stap.regeling_links.all())
    links[0].note = "Vraag hier als eerste naar."
    stap.regeling_links = links
    publish(stap)
    return "/beschermen/opvang/", "Vraag hier als eerste naar."


def edit_stap_organisatie():
    stap = StapPage.objects.get(**NL, slug="opvang")
    links = list(stap.organisatie_links.all())
    links[0].note = "Bel eerst deze organisatie."
    stap.organisatie_links = links
    publish(stap)
    return "/beschermen/opvang/", "Bel eerst deze organisatie."


def edit_informatiepagina():
    info = InformatiePagina.objects.filter(**NL, show_in_menus=True).first()
    info.title = "Over deze website (nieuw)"
    publish(info)
    return "/beschermen/", "Over deze website (nieuw)"


def move_page():
    stap = StapPage.objects.get(**NL, slug="opvang")
    stap.move(FasePage.objects.get(**NL, slug="compensatie"), pos="last-child")
    return "/compensatie/", "/compensatie/opvang/"


def restrict_page():
    stap = StapPage.objects.get(**NL, slug="opvang")
    PageViewRestriction.objects.create(page=stap, restriction_type=PageViewRestriction.LOGIN)
    return "/beschermen/opvang/", None  # now behind the login


def edit_site():
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Wegwijzer (test)"
    site.save()
    return None, None  # no page shows the site name; its save must still be counted


def edit_locale():
    Locale.objects.get(language_code="en").save()
    return None, None  # a saved language changes which translations the switcher offers


def edit_first_source(parent, path):
    sources = list(parent.bronnen.all())
    sources[0].title = "Een nieuwe bron (test)"
    parent.bronnen = sources
    publish(parent)
    return path, "Een nieuwe bron (test)"


def edit_fase_bron():
    return edit_first_source(FasePage.objects.get(**NL, slug="beschermen"), "/beschermen/")


def edit_stap_bron():
    return edit_first_source(StapPage.objects.get(**NL, slug="opvang"), "/beschermen/opvang/")


def edit_organisatie_bron():
    return edit_first_source(Organisatie.objects.get(**NL, slug="comensha"), "/organisaties/comensha/")


def edit_regeling_bron():
    return edit_first_source(
        Regeling.objects.get(**NL, slug="bedenktijd"), "/rechten-en-regelingen/bedenktijd/"
    )


def edit_organisatie_regio():
    organisatie = Organisatie.objects.filter(**NL, regio_links__isnull=False).first()
    links = list(organisatie.regio_links.all())
    links[0].phone = "088 123 45 67"
    organisatie.regio_links = links
    publish(organisatie)
    return None, None  # shown in "Help nearby" for the region's municipalities


def edit_regio():
    regio = Regio.objects.filter(status="bevestigd").first() or Regio.objects.first()
    regio.phone = "0900 000 11 22"
    regio.save()
    return regio.get_absolute_url(), "0900 000 11 22"


def save_first(model):
    def change():
        model.objects.first().save()
        return None, None  # saved as it was: the save alone must count

    return change


def check_translation():
    step = (
        StapPage.objects.get(locale__language_code="en", slug="acute-danger")
        if StapPage.objects.filter(locale__language_code="en", slug="acute-danger").exists()
        else StapPage.objects.filter(locale__language_code="en").first()
    )
    GecontroleerdeVertaling.objects.create(
        translation_key=step.translation_key, locale=step.locale, translator="Test", checked_at=timezone.now()
    )
    return None, None  # the "not yet checked" line goes from that page


def edit_synoniem():
    synoniem = Synoniem.objects.filter(locale__language_code="nl").first()
    synoniem.save()
    return None, None  # search results follow the synonyms


CHANGES = {
    "wegwijzer.Hulplijn": edit_hulplijn,
    "wegwijzer.HulplijnBron": edit_hulplijn_bron,
    "wegwijzer.SiteInstellingen": edit_settings,
    "wegwijzer.InformatiePagina": edit_informatiepagina,
    "organisaties.Situatie": edit_situatie,
    "organisaties.Situatievraag": edit_situatievraag,
    "organisaties.Dienst": edit_dienst,
    "organisaties.Doelgroep": edit_doelgroep,
    "organisaties.Organisatie": edit_organisatie,
    "organisaties.Regeling": edit_regeling,
    "fases.HomePage": edit_home,
    "fases.FasePage": edit_fase,
    "fases.StapPage": edit_stap,
    "fases.StapRegeling": edit_stap_regeling,
    "fases.StapOrganisatie": edit_stap_organisatie,
    "wagtailcore.Page": move_page,
    "wagtailcore.PageViewRestriction": restrict_page,
    "wagtailcore.Site": edit_site,
    "wagtailcore.Locale": edit_locale,
    "fases.FaseBron": edit_fase_bron,
    "fases.StapBron": edit_stap_bron,
    "organisaties.OrganisatieBron": edit_organisatie_bron,
    "organisaties.RegelingBron": edit_regeling_bron,
    "organisaties.OrganisatieRegio": edit_organisatie_regio,
    "organisaties.Regio": edit_regio,
    "organisaties.Gemeente": save_first(Gemeente),
    "organisaties.Gemeentenaam": save_first(Gemeentenaam),
    "organisaties.Regiotype": save_first(Regiotype),
    "organisaties.RegioBron": save_first(RegioBron),
    "organisaties.RegiotypeBron": save_first(RegiotypeBron),
    "wegwijzer.GecontroleerdeVertaling": check_translation,
    "zoeken.Synoniem": edit_synoniem,
}


def test_every_model_public_pages_show_has_a_change_below():
    shown = {model._meta.label for model in apps.get_models() if shown_on_public_pages(model)}
    assert shown == set(CHANGES), "add the new model to CHANGES: how it changes and where visitors see it"


@pytest.mark.parametrize("label", sorted(CHANGES))
def test_a_change_shows_on_the_next_request(client, label):
    warm = (
        "/",
        "/beschermen/",
        "/beschermen/opvang/",
        "/compensatie/",
        "/organisaties/",
        "/rechten-en-regelingen/",
    )
    for path in warm:
        client.get(path)
        assert client.get(path)["X-Cache"] == "HIT"
    generation = cache.get(GENERATION_KEY)
    path, expected = CHANGES[label]()
    assert cache.get(GENERATION_KEY) != generation, f"changing a {label} left the cached pages as they were"
    if path is None:
        return
    response = client.get(path)
    if expected is None:
        assert response.status_code == 302, "a page made private is still served from the cache"
    else:
        assert expected in response.content.decode()


def test_drafts_and_autosaves_keep_the_cached_pages(client):
    client.get("/beschermen/opvang/")
    assert client.get("/beschermen/opvang/")["X-Cache"] == "HIT"
    stap = StapPage.objects.get(**NL, slug="opvang")
    stap.title = "Een concept dat nog niemand mag zien"
    stap.save_revision()
    organisatie = Organisatie.objects.get(**NL, slug="comensha")
    organisatie.phone = "033 999 99 99"
    organisatie.save_revision()
    response = client.get("/beschermen/opvang/")
    assert response["X-Cache"] == "HIT"
    body = response.content.decode()
    assert "Een concept dat nog niemand mag zien" not in body
    assert "033 999 99 99" not in body


def test_losing_the_cached_generation_leaves_the_site_warm(client):
    """A flood of new entries may evict the generation's copy in the cache; it is read back, unchanged."""
    client.get("/beschermen/opvang/")
    cache.delete(GENERATION_KEY)
    assert client.get("/beschermen/opvang/")["X-Cache"] == "HIT"


def test_junk_parameters_are_answered_but_never_stored(client):
    for index in range(5):
        response = client.get(f"/beschermen/?junk{index}=1")
        assert response.status_code == 200
        assert "X-Cache" not in response
    for value in ("<script>", "x" * 300, "%00"):
        response = client.get("/beschermen/", {"leeftijd": value})
        assert response.status_code == 200
        assert "X-Cache" not in response
