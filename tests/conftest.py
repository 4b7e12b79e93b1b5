import pytest
from bs4 import BeautifulSoup
from django.db import connection

from demo.loader import DemoLoader


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, built once per test session; every test runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        DemoLoader(log=lambda *args: None).load()


@pytest.fixture
def soup():
    def parse(response):
        return BeautifulSoup(response.content, "html.parser")

    return parse


@pytest.fixture
def step(db):
    from fases.models import StapPage

    return StapPage.objects.get(locale__language_code="nl", slug="bedenktijd-en-verblijf")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: content changed by an earlier (rolled back) test must not linger."""
    from django.core.cache import cache

    from kern.per_generation import forget_in_process

    cache.clear()
    forget_in_process()
    yield
    cache.clear()
    forget_in_process()


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests (Dutch full-text search) are left out on SQLite, with one line saying so; known
    failures are marked (KNOWN_FAILURES below)."""
    mark_known_failures(items)
    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("postgres") is None]
    left_out = len(items) - len(kept)
    if left_out:
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"{left_out} PostgreSQL-only tests not run on SQLite: set DATABASE_URL=postgres://... (CI does)."
            )


# Known failures, each with what is wrong; the session note lists them as open work. They are marked, not skipped:
# pytest reports each as "xfailed" (or "XPASS" once fixed, then remove it here). None at the moment.
KNOWN_FAILURES: dict[str, str] = {}


def mark_known_failures(items):
    for item in items:
        reason = KNOWN_FAILURES.get(item.nodeid.split("[")[0])
        if reason:
            item.add_marker(pytest.mark.xfail(reason=f"known failure: {reason}", strict=False))
