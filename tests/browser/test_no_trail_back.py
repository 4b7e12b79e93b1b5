"""No trail back: with JavaScript the site holds one entry in the tab's history, however many pages a visitor reads,
so after "Snel weg" the Back button leads to what was open before the site and never to a page of it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HISTORY_LENGTH = "history.length"


def arrive_from_elsewhere(page, site_server, exit_site):
    page.goto(exit_site["origin"] + "/eerder/")
    page.goto(site_server + "/")
    page.wait_for_function("!document.documentElement.classList.contains('no-js')")
    return page.evaluate(HISTORY_LENGTH)


def follow(page, selector, url_part):
    page.locator(selector).first.click()
    page.wait_for_url(f"**{url_part}")
    page.wait_for_function("!document.documentElement.classList.contains('no-js')")


def read_five_pages(page, site_server):
    """Home -> phase -> step -> organisation -> search form -> safety page, as a visitor clicks."""
    follow(page, ".main-nav a[href='/beschermen/']", "/beschermen/")
    follow(page, "main a[href^='/beschermen/opvang/']", "/beschermen/opvang/")
    follow(page, "[data-step-links='organisaties'] .card__title a", "/organisaties/*/")
    page.fill("#zoeken", "opvang")
    page.locator(".header-search button").click()
    page.wait_for_url("**/zoeken/?q=opvang")
    follow(page, ".quick-exit__help", "/veilig-browsen/")


def test_after_five_pages_and_quick_exit_back_leads_to_the_page_before_the_site(page, site_server, exit_site):
    length_on_arrival = arrive_from_elsewhere(page, site_server, exit_site)
    visited = [page.url]
    read_five_pages(page, site_server)
    visited.append(page.url)
    assert page.evaluate(HISTORY_LENGTH) == length_on_arrival, "reading the site adds nothing to the history"

    page.click(".quick-exit__button")
    page.wait_for_url(exit_site["url"])
    assert page.evaluate(HISTORY_LENGTH) == length_on_arrival
    page.go_back()
    assert page.url == exit_site["origin"] + "/eerder/", f"Back must leave the site, not return to {visited}"
    page.go_forward()
    assert page.url == exit_site["url"], "Forward leads to the neutral site, not back to the site either"


def test_shift_three_times_after_several_pages_also_leaves_no_way_back(page, site_server, exit_site):
    arrive_from_elsewhere(page, site_server, exit_site)
    read_five_pages(page, site_server)
    for _press in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(exit_site["url"])
    page.go_back()
    assert not page.url.startswith(site_server)
    assert page.url == exit_site["origin"] + "/eerder/"


def test_a_link_within_the_page_moves_focus_without_adding_history(page, site_server, exit_site):
    length_on_arrival = arrive_from_elsewhere(page, site_server, exit_site)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Naar de inhoud"
    page.wait_for_url("**/#inhoud")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    assert page.evaluate(HISTORY_LENGTH) == length_on_arrival


def test_the_step_page_offers_its_own_way_back(page, site_server, exit_site):
    arrive_from_elsewhere(page, site_server, exit_site)
    page.goto(site_server + "/beschermen/opvang/")
    back = page.locator("[data-back-link]")
    assert back.inner_text().startswith("Vorige pagina")
    previous_step = page.locator(".step-pagination a[rel='prev']").get_attribute("href")
    assert back.get_attribute("href") == previous_step
    back.click()
    page.wait_for_url(f"**{previous_step}")


def test_a_link_opened_in_a_new_tab_is_left_to_the_browser(context, site_server, exit_site):
    page = context.new_page()
    arrive_from_elsewhere(page, site_server, exit_site)
    with context.expect_page() as new_tab:
        page.locator(".main-nav a[href='/beschermen/']").click(modifiers=["ControlOrMeta"])
    new_tab.value.wait_for_url("**/beschermen/")
    assert page.url == site_server + "/", "the page itself stays where it was"


def test_without_javascript_links_work_as_usual(chromium, site_server, exit_site):
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(exit_site["origin"] + "/eerder/")
        page.goto(site_server + "/")
        page.locator(".main-nav a[href='/beschermen/']").click()
        page.wait_for_url("**/beschermen/")
        page.go_back()
        assert page.url == site_server + "/", "without JavaScript the browser keeps its usual history"
    finally:
        context.close()


def test_on_a_phone_the_shift_hint_is_hidden_and_the_heading_starts_on_the_first_screen(
    chromium, site_server
):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, locale="nl-NL"
    )
    try:
        page = context.new_page()
        for path in ["/", "/beschermen/opvang/", "/organisaties/comensha/", "/veilig-browsen/"]:
            page.goto(site_server + path)
            assert page.locator(".quick-exit__button").is_visible()
            assert not page.locator(".quick-exit__shortcut").is_visible(), "no Shift on a touch screen"
            heading = page.locator("main h1").bounding_box()
            assert heading["y"] < 844, f"{path}: the heading starts within the first screen"
    finally:
        context.close()


def test_on_a_computer_the_shift_hint_is_shown(page, site_server):
    page.goto(site_server + "/")
    assert page.locator(".quick-exit__shortcut").is_visible()
