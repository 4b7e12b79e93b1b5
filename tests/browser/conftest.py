"""Browser tests: the demo site served by a live server thread, driven by Playwright in Debian's Chromium.

One Chromium serves all browser tests and one live server the whole session. The server is pytest-django's LiveServer, started here
rather than through its ``live_server`` fixture: that fixture switches every test to ``transactional_db``, which
empties the database after each test and so would throw away the demo content that tests/conftest.py loads once
per session. The tests are marked ``django_db`` (so the test database exists and they may read it) and only read
the committed demo content; the one setting they change (the quick-exit destination) is written and restored by a
module fixture outside any test transaction, so the server thread sees it on PostgreSQL as well as on SQLite.
"""

import os
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer
from django.db import connection, connections

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = (
    f"Chromium not found at {CHROMIUM}: install Debian's chromium package to run the browser tests"
)
# Without the networking switches Chromium phones home at start-up; nothing may leave this machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STYLESHEET = Path(settings.BASE_DIR) / "static" / "dist" / "nlds.css"


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM.exists() and not os.environ.get("CI"):
        terminalreporter.write_line(f"Browser tests skipped: {CHROMIUM_MISSING}.", yellow=True)


@pytest.fixture(scope="package")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM_MISSING} (CI must run them: .ci/run installs it).", pytrace=False)
        pytest.skip(CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop in this thread, which Django takes for async code and
    # refuses database access from; the tests' own queries (fixtures) are synchronous, so allow them while the
    # browser runs, and only then.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
            # While that event loop runs, Django keeps the tests' database connections apart from the thread's
            # usual ones (per async context); close them now, or PostgreSQL cannot drop the test database.
            connections.close_all()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class OneRequestAtATimeServer(WSGIServer):
    """The live server answers one request at a time.

    On SQLite the server thread shares the tests' in-memory database connection, and an editor's page sends several
    requests at once (preview, autosave, pings): two threads on one connection break each other's savepoints. A
    server without threads closes each connection after its answer, so the browser never waits on it.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override  # the server thread itself already uses them


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """The site with the demo content on a free port of 127.0.0.1, for the whole session."""
    from pytest_django.live_server_helper import LiveServer

    if not STYLESHEET.exists():
        pytest.fail(
            f"{STYLESHEET.relative_to(settings.BASE_DIR)} is missing: build the front end with "
            "`npm ci && npm run build` (make install does it).",
            pytrace=False,
        )
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        if not (Path(name).name.startswith("test_") or "mode=memory" in name or name == ":memory:"):
            pytest.fail(f"Refusing to serve {name}: browser tests must be marked django_db.", pytrace=False)
        server = LiveServer("127.0.0.1", start=False)
        server.thread.server_class = OneRequestAtATimeServer
        server.start()
    yield server.url
    server.stop()


@pytest.fixture
def context(chromium):
    """A fresh anonymous visitor: no cookies, no storage, no history."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


class NeutralSite(BaseHTTPRequestHandler):
    """Stands in for the neutral website the quick exit leaves for (the weather), on loopback only."""

    requests: list

    def do_GET(self):
        self.requests.append({"path": self.path, "referer": self.headers.get("Referer")})
        body = b"<!DOCTYPE html><html lang='nl'><link rel='icon' href='data:,'><title>Het weer</title><h1>Weer</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def neutral_site():
    handler = type("Handler", (NeutralSite,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", handler.requests
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def exit_site(django_db_blocker):
    """Points the quick exit of the demo site at a neutral page served by the test; restores it afterwards.

    Written outside any test transaction, so the server thread sees it on PostgreSQL as well as on SQLite.
    """
    from django.core.cache import cache
    from wagtail.models import Site

    from kern.models import SiteInstellingen

    with neutral_site() as (origin, requests), django_db_blocker.unblock():
        instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
        original = instellingen.quick_exit_url
        instellingen.quick_exit_url = f"{origin}/weer/"
        instellingen.save()
        cache.clear()
        try:
            yield {"url": instellingen.quick_exit_url, "origin": origin, "requests": requests}
        finally:
            instellingen.quick_exit_url = original
            instellingen.save()
            cache.clear()
