"""The quick exit ("Snel weg") in a real browser: it leaves by click, by keyboard and by Shift three times, replaces
the page in the history so Back does not return, tells screen-reader users in Dutch how many presses are left, and
lets the neutral site learn nothing about where the visitor came from."""

import pytest

from .helpers import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

STEP = "/beschermen/opvang/"
STATUS = "[data-quick-exit-status]"


def start_from_the_neutral_site(page, site_server, exit_site, path=STEP):
    """The visitor came from elsewhere, so Back has somewhere to go that is not our site."""
    page.goto(exit_site["origin"] + "/eerder/")
    page.goto(site_server + path)
    page.wait_for_function("!document.documentElement.classList.contains('no-js')")


def assert_left_for_good(page, site_server, exit_site):
    page.wait_for_url(exit_site["url"])
    assert page.title() == "Het weer"
    page.go_back()
    assert not page.url.startswith(site_server), "Back must not return to the site"
    assert page.url == exit_site["origin"] + "/eerder/"
    arrival = [request for request in exit_site["requests"] if request["path"] == "/weer/"][-1]
    assert arrival["referer"] is None, "the neutral site must not learn where the visitor came from"


def test_click_on_quick_exit_leaves_and_back_does_not_return(page, site_server, exit_site):
    start_from_the_neutral_site(page, site_server, exit_site)
    page.click(".quick-exit__button")
    assert_left_for_good(page, site_server, exit_site)


def test_quick_exit_by_keyboard_alone(page, site_server, exit_site):
    start_from_the_neutral_site(page, site_server, exit_site, path="/organisaties/")
    tab_to(page, ".quick-exit__button", limit=3)
    page.keyboard.press("Enter")
    assert_left_for_good(page, site_server, exit_site)


def test_three_presses_of_shift_leave_and_screen_readers_hear_the_count_in_dutch(
    page, site_server, exit_site
):
    start_from_the_neutral_site(page, site_server, exit_site)
    status = page.locator(STATUS)
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert status.text_content() == "Druk nog 2 keer op Shift om de site te verlaten."
    page.keyboard.press("Shift")
    assert status.text_content() == "Druk nog 1 keer op Shift om de site te verlaten."
    page.keyboard.press("Shift")
    assert_left_for_good(page, site_server, exit_site)


def test_shift_with_a_letter_or_another_key_starts_the_count_again(page, site_server, exit_site):
    start_from_the_neutral_site(page, site_server, exit_site)
    status = page.locator(STATUS)
    for interruption in ["Shift+A", "x", "Tab"]:
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.keyboard.press(interruption)
        assert status.text_content() == "", interruption
        page.keyboard.press("Shift")
        assert status.text_content() == "Druk nog 2 keer op Shift om de site te verlaten.", interruption
        page.keyboard.press("Escape")
    assert page.url.startswith(site_server), "typing must never leave the site"


def test_shift_presses_count_only_within_five_seconds_of_each_other(page, site_server, exit_site):
    page.clock.install()
    start_from_the_neutral_site(page, site_server, exit_site)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(6000)
    assert page.locator(STATUS).text_content() == "Snel weg is gestopt."
    page.keyboard.press("Shift")
    assert page.url.startswith(site_server)
    assert page.locator(STATUS).text_content() == "Druk nog 2 keer op Shift om de site te verlaten."


def test_the_english_site_announces_the_count_in_english(page, site_server, exit_site):
    start_from_the_neutral_site(page, site_server, exit_site, path="/en/")
    page.keyboard.press("Shift")
    assert page.locator(STATUS).text_content() == "Press Shift 2 more times to leave the site."


def test_on_a_phone_the_red_quick_exit_stays_at_the_top_while_scrolling(page, site_server):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_server + STEP)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 2000")
    button = page.locator(".quick-exit__button")
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 80, "in view at the top of the screen"
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(179, 38, 30)"
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.quick-exit__button') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top, "nothing covers it"
