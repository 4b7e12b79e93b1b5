"""A flood of expensive requests gets polite 503s; cached pages, /health/ and the admin keep being answered."""

import threading

import pytest
from django.core.cache import cache

from wegwijzer.busy import ConcurrencyLimit

pytestmark = pytest.mark.django_db


def test_the_limit_lets_a_few_run_a_few_wait_and_turns_the_rest_away():
    limit = ConcurrencyLimit(running=1, waiting=1, wait_seconds=5)
    assert limit.acquire()
    waiter_got_a_turn = []
    waiter = threading.Thread(target=lambda: waiter_got_a_turn.append(limit.acquire()))
    waiter.start()
    while limit._admitted._value:  # the waiter has taken the waiting place
        pass
    assert not limit.acquire(), "a third request neither runs nor waits"
    limit.release()
    waiter.join(timeout=5)
    assert waiter_got_a_turn == [True], "the waiting request runs as soon as the first is done"
    limit.release()
    assert limit.acquire()


def test_waiting_ends_after_the_wait_time():
    limit = ConcurrencyLimit(running=1, waiting=1, wait_seconds=0.01)
    assert limit.acquire()
    assert not limit.acquire()
    limit.release()
    assert limit.acquire()


@pytest.fixture
def server_at_its_limit(monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    monkeypatch.setattr(ConcurrencyLimit, "acquire", lambda self: False)
    yield
    cache.clear()


def test_when_busy_a_search_gets_a_polite_503_with_the_emergency_number(client, server_at_its_limit):
    response = client.get("/zoeken/?q=opvang+politie+aangifte")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "112" in body
    assert '<html lang="nl"' in body


def test_the_busy_page_speaks_the_visitors_language(client, server_at_its_limit):
    response = client.get("/en/zoeken/?q=shelter")
    assert response.status_code == 503
    assert '<html lang="en"' in response.content.decode()
    assert "busy" in response.content.decode()


def test_when_busy_cached_pages_and_health_are_still_served(client, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    assert client.get("/").status_code == 200  # now in the page cache
    monkeypatch.setattr(ConcurrencyLimit, "acquire", lambda self: False)
    cached = client.get("/")
    assert cached.status_code == 200 and cached["X-Cache"] == "HIT"
    assert client.get("/health/").status_code == 200
    assert client.get("/beschermen/?leeftijd=minderjarig&x=1").status_code == 503
    cache.clear()


def test_when_busy_editors_can_still_work(admin_client, server_at_its_limit):
    assert admin_client.get("/admin/").status_code == 200
