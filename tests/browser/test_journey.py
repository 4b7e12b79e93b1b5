"""A professional walks through the journey with a victim using only the keyboard, then prints the overview."""

import re

import pytest

from .helpers import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HIDDEN_ON_PAPER = [
    ".quick-exit",
    ".utrecht-skip-link",
    ".main-nav",
    ".header-search",
    ".help-now",
    ".breadcrumbs",
    ".overview__filter",
    ".situation-filter",
    ".situation-summary",
    "[data-print]",
    ".site-footer",
]


def choose_with_arrow_keys(page, select: str, value: str) -> None:
    """Moves the focused <select> to the option with this value with the arrow keys, as a keyboard user does."""
    assert page.evaluate("(selector) => document.activeElement.matches(selector)", select)
    for _ in range(10):
        if page.evaluate("document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {value} in {select}")


def follow(page, selector: str) -> None:
    """Tabs to the link and presses Enter, then waits for the next page."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_keyboard_only_journey_from_home_to_the_printed_overview(page, site_server, tmp_path):
    page.goto(site_server + "/")

    tab_to(page, "#situatie-leeftijd")
    choose_with_arrow_keys(page, "#situatie-leeftijd", "minderjarig")
    page.keyboard.press("Tab")
    choose_with_arrow_keys(page, "#situatie-herkomst", "buiten-eu-zonder-verblijf")
    follow(page, ".situation-filter button[type=submit]")
    assert "leeftijd=minderjarig" in page.url and "herkomst=buiten-eu-zonder-verblijf" in page.url
    assert "Minderjarig" in page.locator(".situation-summary").inner_text()

    follow(page, ".step-list__link[href^='/beschermen/bedenktijd-en-verblijf/']")
    assert page.locator("h1").inner_text() == "Bedenktijd en verblijf in Nederland"
    follow(page, "a[rel=next]")
    assert "/beschermen/" in page.url and "leeftijd=minderjarig" in page.url, "the choice goes along"

    follow(page, ".breadcrumbs a")
    follow(page, ".overview-link a")
    assert page.url.startswith(site_server + "/overzicht/?") and "leeftijd=minderjarig" in page.url
    # The hand-out is discreet by default: no situation and no subject on the paper.
    assert "Minderjarig" not in page.locator(".handout").inner_text()
    phases = page.locator(".handout__phase").all_inner_texts()
    assert phases == ["Signaleren", "Beschermen", "Strafrechtelijk proces", "Compensatie"]

    pdf = page.pdf(format="A4", path=tmp_path / "overzicht.pdf")
    assert pdf.startswith(b"%PDF")
    assert 1 <= pdf_page_count(pdf) <= 2


@pytest.mark.parametrize(
    "path", ["/overzicht/?uitbuiting=seksueel&weergave=volledig", "/beschermen/opvang/?leeftijd=minderjarig"]
)
def test_on_paper_the_quick_exit_navigation_and_filters_are_left_out(page, site_server, path):
    page.goto(site_server + path)
    on_screen = [selector for selector in HIDDEN_ON_PAPER if page.locator(selector).count()]
    assert {".quick-exit", ".main-nav", ".situation-summary"} <= set(on_screen)
    page.emulate_media(media="print")
    printed = [selector for selector in on_screen if page.locator(selector).first.is_visible()]
    assert printed == []
    assert page.locator("main h1").is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".quick-exit__button").is_visible()


def test_the_overview_filter_and_print_button_are_not_printed(page, site_server):
    page.goto(site_server + "/overzicht/?weergave=volledig")
    assert page.locator(".overview__filter .situation-filter").is_visible()
    assert page.locator("[data-print]").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".overview__filter").is_visible()
    assert not page.locator("[data-print]").is_visible()
