"""WCAG 2.1 and 2.2 AA as measured in a real browser: axe-core on every public page type, and what axe cannot
judge on its own: keyboard focus, the skip link, reflow at 320 CSS pixels and the language of each part."""

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults

from .helpers import PAGE_TYPES, WCAG_TAGS, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# What the focused element shows: a focus indicator, and whether it is in the window and not entirely hidden behind
# something else (the sticky quick-exit bar; WCAG 2.4.11). Elements already focused on this page come back marked.
FOCUS_STATE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return null;
    }
    window.tabStopsSeen = window.tabStopsSeen || new WeakSet();
    const again = window.tabStopsSeen.has(element);
    window.tabStopsSeen.add(element);
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]]
        .map(([fx, fy]) => [box.left + box.width * fx, box.top + box.height * fy]);
    const hidden = points.every(([x, y]) => {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
            return true;
        }
        const onTop = document.elementFromPoint(x, y);
        return onTop !== null && !element.contains(onTop) && !onTop.contains(element);
    });
    return {
        again: again,
        element: element.outerHTML.slice(0, 120),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        ring: style.boxShadow !== "none",
        visible: box.width > 0 && box.height > 0 && !hidden,
    };
}"""


@pytest.fixture
def axe_page(context):
    """A page with axe-core (as axe-playwright-python ships it) loaded into every document it opens."""
    context.add_init_script(AXE_SCRIPT)
    return context.new_page()


def run_axe(page) -> AxeResults:
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return AxeResults(page.evaluate("(options) => axe.run(document, options)", options))


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_has_no_axe_violations_on_desktop_and_phone(axe_page, site_server, path):
    for width, height in [(1280, 900), (320, 640)]:
        axe_page.set_viewport_size({"width": width, "height": height})
        axe_page.goto(site_server + path)
        results = run_axe(axe_page)
        assert results.violations_count == 0, f"{path} at {width} px:\n{results.generate_report()}"


def test_no_page_scrolls_sideways_at_320_css_pixels(page, site_server):
    """WCAG 1.4.10 Reflow: 320 CSS px is a 1280 px window zoomed to 400 %."""
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = {}
    for path in PAGE_TYPES.values():
        page.goto(site_server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}


def test_the_first_tab_stop_is_the_skip_link_to_the_content(page, site_server):
    page.goto(site_server + "/beschermen/opvang/")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUS_STATE)
    assert 'href="#inhoud"' in focused["element"] and "utrecht-skip-link" in focused["element"]
    assert focused["visible"], "the focused skip link must be visible"
    assert focused["outline"] or focused["ring"]

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next stop is in the content"


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/beschermen/opvang/" + "?leeftijd=minderjarig",
        "/organisaties/",
        "/overzicht/",
        "/veilig-browsen/",
    ],
)
def test_every_tab_stop_shows_focus_and_is_not_hidden_forwards_and_backwards(page, site_server, path, width):
    page.set_viewport_size({"width": width, "height": 640 if width == 320 else 900})
    page.goto(site_server + path)
    stops, problems = 0, []
    for key in ["Tab", "Shift+Tab"]:
        # Forwards from the top, then backwards from the last stop: scrolling up is where a sticky bar hides things.
        page.evaluate("window.tabStopsSeen = new WeakSet()")
        for _ in range(400):
            page.keyboard.press(key)
            state = page.evaluate(FOCUS_STATE)
            if state is None or state["again"]:
                break  # focus left the page or came round again
            stops += 1
            if not (state["outline"] or state["ring"]):
                problems.append(f"{key}: no visible focus on {state['element']}")
            if not state["visible"]:
                problems.append(f"{key}: focus out of sight or hidden: {state['element']}")
        page.keyboard.press("Shift+Tab" if key == "Tab" else "Tab")
    assert stops > 40, "Tab should reach the page's links and fields"
    assert problems == []


def test_quick_exit_is_among_the_first_tab_stops(page, site_server):
    page.goto(site_server + "/organisaties/")
    assert tab_to(page, ".quick-exit__button", limit=3) <= 3


def test_lang_is_set_on_the_page_and_on_text_in_another_language(page, site_server):
    for path, language in [
        ("/", "nl"),
        ("/beschermen/opvang/", "nl"),
        ("/en/", "en"),
        ("/bestaat-niet/", "nl"),
    ]:
        page.goto(site_server + path)
        assert page.evaluate("document.documentElement.lang") == language, path
        # The language switcher names each language in that language ("English" on a Dutch page).
        links = page.eval_on_selector_all(
            ".language-switcher a", "links => links.map(a => [a.hreflang, a.lang, a.textContent.trim()])"
        )
        assert links, path
        for hreflang, lang, name in links:
            assert lang == hreflang != language, f"{name!r} on {path} needs lang={hreflang}"
