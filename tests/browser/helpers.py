"""What the browser tests share besides fixtures."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

DUTCH_ADULT = "?leeftijd=meerderjarig&herkomst=nederlands"
MINOR_NON_EU = "?leeftijd=minderjarig&herkomst=buiten-eu-zonder-verblijf"

# One of every public page type, as a visitor reaches it.
PAGE_TYPES = {
    "home": "/",
    "home, filtered": "/" + MINOR_NON_EU,
    "phase": "/beschermen/",
    "step": "/beschermen/opvang/",
    "step, filtered": "/beschermen/opvang/" + DUTCH_ADULT,
    "step with questions and answers": "/strafrechtelijk-proces/aangifte-doen/",
    "organisation list": "/organisaties/",
    "organisation list, filtered": "/organisaties/?dienst=opvang&leeftijd=minderjarig",
    "organisation detail": "/organisaties/comensha/",
    "regulation list": "/rechten-en-regelingen/",
    "regulation detail": "/rechten-en-regelingen/bedenktijd/",
    "search results": "/zoeken/?q=opvang",
    "search without results": "/zoeken/?q=onvindbaarwoord",
    "overview": "/overzicht/" + DUTCH_ADULT,
    "information page": "/over-ons/",
    "information page with blocks": "/veilig-browsen/",
    "404": "/bestaat-niet/",
    "English home": "/en/",
}


def tab_to(page, selector: str, limit: int = 150) -> int:
    """Presses Tab until the focused element matches the selector; returns the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return presses
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")
