"""When a dependency fails the site keeps serving what it can, says what is wrong, and recovers by itself."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


@contextmanager
def database_down():
    """Every query fails as it does when PostgreSQL is unreachable."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    with mock.patch("django.db.backends.utils.CursorWrapper._execute", side_effect=refuse):
        yield


class BrokenCache:
    """A cache backend whose server is gone."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Redis is down")

        return fail


@pytest.fixture
def visitor():
    # A browser gets an error page, not an exception: let Django's handlers answer.
    return Client(raise_request_exception=False)


def test_health_reports_ok(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_says_when_the_database_is_down(visitor):
    with database_down():
        response = visitor.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_pages_get_an_outage_page_with_emergency_numbers_when_the_database_is_down(visitor, soup):
    visitor.get("/")  # the helplines were seen once, so the outage page can show them
    with database_down():
        response = visitor.get("/beschermen/opvang/")
    assert response.status_code == 503
    assert response["Retry-After"]
    page = soup(response)
    text = page.get_text(" ")
    assert "112" in text
    assert "0900 8844" in text
    assert "Traceback" not in text and "OperationalError" not in text
    assert page.select_one('link[rel=stylesheet][href*="site"]') is not None


def test_cached_pages_are_still_served_when_the_database_is_down(visitor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    warm = visitor.get("/beschermen/")
    with database_down():
        cached = visitor.get("/beschermen/")
        uncached = visitor.get("/compensatie/")
    assert cached.status_code == 200
    assert cached.content == warm.content
    assert uncached.status_code == 503


def test_the_site_recovers_by_itself_when_the_database_returns(visitor):
    with database_down():
        assert visitor.get("/signaleren/").status_code == 503
    assert visitor.get("/signaleren/").status_code == 200
    assert visitor.get("/health/").json()["status"] == "ok"


def test_the_site_keeps_working_without_its_cache(visitor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    with (
        mock.patch("kern.page_cache.cache", BrokenCache()),
        mock.patch("kern.per_generation.cache", BrokenCache()),
        mock.patch("kern.helplines.cache", BrokenCache()),
        mock.patch("wegwijzer.health.cache", BrokenCache()),
    ):
        for url in ["/", "/beschermen/opvang/", "/organisaties/", "/zoeken/?q=opvang"]:
            assert visitor.get(url).status_code == 200, url
        health = visitor.get("/health/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "error"}


def test_what_editors_publish_during_a_cache_outage_shows_at_once(visitor, settings):
    """A cache server that is down answers nothing (django-redis swallows the errors). Then nothing about the
    content may be kept in a worker's memory either, or a publish during the outage would go unseen."""
    from fases.models import StapPage

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert "Opvang en huisvesting" in visitor.get("/beschermen/").content.decode()
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    step.title = "Opvang en een veilige plek"
    step.save_revision().publish()
    assert "Opvang en een veilige plek" in visitor.get("/beschermen/").content.decode()
    assert "Opvang en een veilige plek" in visitor.get("/beschermen/opvang/").content.decode()


def test_an_unexpected_error_gets_the_sites_own_500_page_without_a_trace(visitor):
    from fases.models import StapPage

    with mock.patch.object(StapPage, "get_context", side_effect=RuntimeError("a bug")):
        response = visitor.get("/beschermen/opvang/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and "112" in html
    assert 'href="/"' in html, "a way back to the home page"
    assert "RuntimeError" not in html and "Traceback" not in html
