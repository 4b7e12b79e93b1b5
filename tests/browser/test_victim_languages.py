"""The victims' languages in a real browser: each language's home page, safety page and hand-out pass axe, and
Arabic is laid out right to left with phone numbers still read left to right."""

import tempfile
from pathlib import Path

import pytest

from .test_accessibility import axe_page, run_axe  # noqa: F401 (axe_page is a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VICTIM_LANGUAGES = ["pl", "ro", "bg", "uk", "es", "ar"]
# Screenshots for a person to look at, outside the checkout.
SCREENSHOTS = Path(tempfile.gettempdir()) / "wegwijzer-screenshots"


@pytest.mark.parametrize("language", VICTIM_LANGUAGES)
def test_home_safety_page_and_hand_out_pass_axe_in_every_victim_language(axe_page, site_server, language):  # noqa: F811
    for path in [f"/{language}/", f"/{language}/safe-browsing/", f"/{language}/overzicht/"]:
        response = axe_page.goto(site_server + path)
        assert response.status == 200, path
        assert axe_page.evaluate("document.documentElement.lang") == language
        results = run_axe(axe_page)
        assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"


def test_arabic_is_right_to_left_with_the_quick_exit_at_the_start_corner_and_numbers_left_to_right(
    page, site_server
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server + "/ar/protection/safety/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # A right-to-left reader finds the quick exit where the line ends: the top left corner (mirrored from Dutch).
    button = page.locator(".quick-exit__button").bounding_box()
    assert button["x"] + button["width"] < 1280 / 2
    # The step navigation's bar is on the right, the side where the text starts.
    nav = page.locator(".step-nav")
    if nav.count():
        border = page.evaluate("getComputedStyle(document.querySelector('.step-nav')).borderRightWidth")
        assert border == "4px"
    # Phone numbers keep their digit order.
    for link in page.locator("a[href^='tel:']").all():
        assert link.evaluate("el => getComputedStyle(el).direction") == "ltr"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "arabisch-veiligheid.png"), full_page=False)


def test_dutch_stays_left_to_right(page, site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server + "/beschermen/veiligheid/")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    button = page.locator(".quick-exit__button").bounding_box()
    assert button["x"] > 1280 / 2
