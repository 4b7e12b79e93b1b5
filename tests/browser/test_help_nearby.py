"""A professional finds who to call in a municipality from the home page, with the keyboard only."""

import pytest

from .helpers import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_keyboard_only_from_the_home_page_to_the_regional_phone_numbers(page, site_server):
    page.goto(site_server + "/")
    tab_to(page, "form.gemeente-form input[name=gemeente]")
    page.keyboard.type("den bosch")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.startswith(site_server + "/hulp-in-de-buurt/?gemeente=den+bosch")
    assert "'s-Hertogenbosch" in page.locator("h1").inner_text()
    veilig_thuis = page.locator("[data-regiotype=veilig-thuis-regio]")
    assert "0800-2000" in veilig_thuis.inner_text()
    assert veilig_thuis.locator("a[href='tel:08002000']").is_visible()
    assert not page.context.cookies(), "the municipality travels in the address, never in a cookie"


def test_a_misspelt_municipality_offers_the_closest_names_reachable_by_keyboard(page, site_server):
    page.goto(site_server + "/hulp-in-de-buurt/")
    tab_to(page, "input[name=gemeente]")
    page.keyboard.type("Amsterdm")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "We kennen geen gemeente met die naam." in page.locator("[role=alert]").inner_text()
    tab_to(page, ".gemeente-form__suggestions a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Amsterdam" in page.locator("h1").inner_text()
    comensha = page.locator("[data-regiotype=zorgcoordinatie-regio] a[href='tel:0334481186']")
    assert comensha.inner_text() == "033 448 11 86" and comensha.is_visible()
