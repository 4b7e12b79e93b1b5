import pytest
from bs4 import BeautifulSoup

from wegwijzer.demo.loader import DemoLoader


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

    cache.clear()
    yield
    cache.clear()
