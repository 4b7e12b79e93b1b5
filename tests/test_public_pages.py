"""Every page type renders with the demo content, as a visitor sees it."""

import pytest

from fases.models import FasePage, HomePage, StapPage
from organisaties.models import Organisatie, Regeling

pytestmark = pytest.mark.django_db

PHASES = ["Signaleren", "Beschermen", "Strafrechtelijk proces", "Compensatie"]


def test_home_page_shows_the_four_phases_with_their_steps(client, soup):
    response = client.get("/")
    assert response.status_code == 200
    page = soup(response)
    phase_titles = [h.get_text(strip=True) for h in page.select(".phase-overview__title")]
    assert phase_titles == PHASES
    for phase in FasePage.objects.live().filter(locale__language_code="nl"):
        listed = [
            a.get_text(strip=True) for a in page.select(f'.phase-overview__title a[href="{phase.url}"]')
        ]
        assert listed == [phase.title]
        for step in StapPage.objects.child_of(phase).live():
            assert page.select_one(f'.step-list__link[href="{step.url}"]') is not None, step.title


def test_main_navigation_is_the_four_phases_on_every_page(client, soup):
    for url in ["/", "/beschermen/", "/beschermen/opvang/", "/organisaties/", "/over-ons/"]:
        nav = soup(client.get(url)).select(".main-nav__link")
        assert [link.get_text(strip=True) for link in nav] == PHASES, url


def test_phase_page_lists_its_steps_in_order_and_numbered(client, soup):
    phase = FasePage.objects.get(locale__language_code="nl", slug="beschermen")
    page = soup(client.get(phase.url))
    expected = [step.title for step in StapPage.objects.child_of(phase).live().order_by("path")]
    steps = page.select("main ol.step-list > li .step-list__link")
    assert [a.get_text(strip=True) for a in steps] == expected
    assert len(expected) >= 5
    assert page.select_one("h1").get_text(strip=True) == "Beschermen"


def test_every_step_page_renders_with_part_of_and_both_sections(client, soup):
    steps = StapPage.objects.live().filter(locale__language_code="nl")
    assert steps.count() >= 20
    for step in steps:
        response = client.get(step.url)
        assert response.status_code == 200, step.url
        page = soup(response)
        assert page.select_one(".part-of a").get_text(strip=True) == step.get_parent().title
        assert page.select_one("#rechten-en-regelingen") is not None
        assert page.select_one("#organisaties") is not None
        assert page.select("section[aria-labelledby=organisaties] .card--organisatie"), step.url


def test_information_pages_render(client, soup):
    for slug in ["over-ons", "privacy", "toegankelijkheid", "contact", "veilig-browsen"]:
        response = client.get(f"/{slug}/")
        assert response.status_code == 200, slug
        assert soup(response).select_one("main h1").get_text(strip=True)


def test_organisation_and_regulation_pages_render(client, soup):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    page = soup(client.get(organisatie.get_absolute_url()))
    assert page.select_one("h1").get_text(strip=True) == "CoMensha"
    assert "033 448 11 86" in page.get_text()

    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    response = client.get(regeling.get_absolute_url())
    assert response.status_code == 200
    assert regeling.title in soup(response).select_one("h1").get_text()

    assert client.get("/organisaties/").status_code == 200
    assert client.get("/rechten-en-regelingen/").status_code == 200


def test_organisation_page_lists_the_steps_that_link_to_it(client, soup):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    linking = {link.stap.title for link in organisatie.stap_links.all()}
    assert linking
    page = soup(client.get(organisatie.get_absolute_url()))
    shown = {a.get_text(strip=True) for a in page.select("main ul li a[href^='/']")}
    assert linking <= shown


def test_home_page_is_the_site_root(client):
    home = HomePage.objects.get(locale__language_code="nl")
    assert home.url == "/"


def test_unknown_urls_give_the_sites_own_404_page(client, soup):
    for url in [
        "/bestaat-niet/",
        "/beschermen/bestaat-niet/",
        "/organisaties/bestaat-niet/",
        "/rechten-en-regelingen/%00/",
        "/organisaties/../../etc/passwd",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        page = soup(response)
        # The site's own page: its header, phases navigation and help block, not a bare error.
        assert page.select_one(".site-header") is not None, url
        assert page.select(".main-nav__link"), url
        assert page.select_one(".help-now") is not None, url


def test_drafts_of_snippets_are_not_public(client):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    organisatie.live = False
    organisatie.save()
    assert client.get(organisatie.get_absolute_url()).status_code == 404


def test_public_pages_set_no_cookies(client):
    for url in [
        "/",
        "/beschermen/",
        "/beschermen/opvang/",
        "/organisaties/?q=politie",
        "/over-ons/",
        "/nope/",
    ]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.django_db
def test_the_help_block_says_when_comensha_answers(client):
    """CoMensha is not open around the clock: the help block on every page says when it answers."""
    body = client.get("/").content.decode()
    help_block = body[body.index('id="direct-hulp"') :]
    assert "CoMensha" in help_block
    assert "9.00-17.00" in help_block[: help_block.index("</aside>")]
