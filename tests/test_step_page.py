"""A step page shows its rights, regulations and organisations in the editor's order, with contact details."""

import pytest

from fases.models import StapOrganisatie, StapPage
from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db


def card_titles(page, section):
    return [h.get_text(strip=True) for h in page.select(f"section[aria-labelledby={section}] .card__title")]


def test_step_page_lists_its_regulations_and_organisations_in_editor_order(client, soup, step):
    page = soup(client.get(step.url))
    expected_regelingen = [link.regeling.title for link in step.regeling_links.order_by("sort_order")]
    expected_organisaties = [link.organisatie.name for link in step.organisatie_links.order_by("sort_order")]
    assert expected_regelingen and expected_organisaties
    assert card_titles(page, "rechten-en-regelingen") == expected_regelingen
    assert card_titles(page, "organisaties") == expected_organisaties


def test_reordering_the_links_reorders_the_page(client, soup, step):
    links = list(step.organisatie_links.order_by("sort_order"))
    for position, link in enumerate(reversed(links)):
        StapOrganisatie.objects.filter(pk=link.pk).update(sort_order=position)
    page = soup(client.get(step.url))
    assert card_titles(page, "organisaties") == [link.organisatie.name for link in reversed(links)]


def test_organisation_cards_show_contact_details_and_the_steps_note(client, soup):
    step = StapPage.objects.get(locale__language_code="nl", slug="melden")
    link = step.organisatie_links.get(organisatie__slug="politie")
    link.note = "Bel bij een vermoeden van mensenhandel."
    link.save()
    page = soup(client.get(step.url))
    card = next(
        c
        for c in page.select(".card--organisatie")
        if c.select_one(".card__title").get_text(strip=True) == link.organisatie.name
    )
    assert card.select_one('a[href^="tel:"]').get_text(strip=True) == link.organisatie.phone
    assert card.select_one(".card__note").get_text(strip=True) == "Bel bij een vermoeden van mensenhandel."
    website = card.select_one('a[rel="noreferrer"]')
    assert website["href"] == link.organisatie.website


def test_organisation_without_live_version_is_left_out(client, soup, step):
    first = step.organisatie_links.order_by("sort_order").first().organisatie
    Organisatie.objects.filter(pk=first.pk).update(live=False)
    assert first.name not in card_titles(soup(client.get(step.url)), "organisaties")


def test_previous_and_next_links_continue_across_phases(client, soup):
    last_of_signaleren = (
        StapPage.objects.filter(
            path__startswith=StapPage.objects.get(locale__language_code="nl", slug="melden").path[:-4]
        )
        .order_by("path")
        .last()
    )
    first_of_beschermen = StapPage.objects.get(locale__language_code="nl", slug="veiligheid")
    page = soup(client.get(last_of_signaleren.url))
    assert page.select_one('a[rel="next"]')["href"] == first_of_beschermen.url
    page = soup(client.get(first_of_beschermen.url))
    assert page.select_one('a[rel="prev"]')["href"] == last_of_signaleren.url


def test_step_page_marks_the_current_step_in_the_phase_navigation(client, soup, step):
    page = soup(client.get(step.url))
    current = page.select(".step-nav [aria-current=step]")
    assert [a.get_text(strip=True) for a in current] == [step.title]
    siblings = StapPage.objects.sibling_of(step).live().count()
    assert len(page.select(".step-nav__item")) == siblings
