"""An anonymous visitor leaves no traces and sends nothing elsewhere: a crawl of the demo site in a real browser
sees only requests to the site itself, no cookie and no stored data, a no-referrer policy on every page, and
rel="noreferrer" on every link to another site."""

from urllib.parse import urljoin, urlsplit

import pytest

from .helpers import DUTCH_ADULT, MINOR_NON_EU

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Besides every link on the home page and in the footer: filtered pages and searches, which carry a query string.
EXTRA = [
    "/" + MINOR_NON_EU,
    "/beschermen/opvang/" + DUTCH_ADULT,
    "/overzicht/" + MINOR_NON_EU,
    "/organisaties/?dienst=opvang&leeftijd=minderjarig",
    "/rechten-en-regelingen/?q=verblijf",
    "/zoeken/?q=opvang",
    "/zoeken/?q=onvindbaarwoord",
    "/bestaat-niet/",
]
LINKS = "links => links.map(a => ({href: a.href, rel: a.rel}))"


def test_an_anonymous_visitor_leaves_no_traces_and_contacts_no_other_site(context, site_server):
    origin = urlsplit(site_server)
    requests, documents, failed = [], {}, set()
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: failed.add(response.url) if response.status >= 400 else None)
    page = context.new_page()
    page.on(
        "response",
        lambda response: (
            documents.update({response.url: response})
            if response.request.resource_type == "document"
            else None
        ),
    )

    page.goto(site_server + "/")
    # The home page's links include the header, the phases and steps, and the footer's information pages.
    to_visit = {
        urljoin(site_server, link["href"]).split("#")[0]
        for link in page.eval_on_selector_all("a[href]", LINKS)
        if urlsplit(link["href"]).netloc == origin.netloc
    }
    to_visit |= {site_server + path for path in EXTRA}
    assert len(to_visit) > 30, "the home page links to the phases, steps, guides and information pages"

    external_without_noreferrer = set()
    for url in sorted(to_visit):
        page.goto(url)
        for link in page.eval_on_selector_all("a[href^='http']", LINKS):
            if urlsplit(link["href"]).netloc != origin.netloc and "noreferrer" not in link["rel"].split():
                external_without_noreferrer.add(link["href"])
        stored = page.evaluate("localStorage.length + sessionStorage.length + document.cookie.length")
        assert stored == 0, f"{url} stores something in the browser"

    assert failed == {site_server + "/bestaat-niet/"}, "every page and every file it uses is there"
    elsewhere = sorted({url for url in requests if urlsplit(url).netloc != origin.netloc})
    assert elsewhere == [], "requests to other sites"
    assert context.cookies() == []
    without_policy = sorted(
        url for url, response in documents.items() if response.headers.get("referrer-policy") != "no-referrer"
    )
    assert without_policy == []
    assert external_without_noreferrer == set()
    assert len(documents) >= len(to_visit)
