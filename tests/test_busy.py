"""A flood of expensive requests gets polite 503s; cached pages, /health/ and the admin keep being answered."""

import multiprocessing
import os
import threading

import pytest
from django.core.cache import cache

from kern.helplines import remember_helplines
from kern.models import Hulplijn
from kern.server_slots import ServerSlots
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


def test_the_server_wide_slots_are_shared_and_a_dead_holder_frees_its_slot(tmp_path):
    slots = ServerSlots(tmp_path, "search", 1)
    held = slots.acquire(wait_seconds=0)
    assert held is not None
    assert slots.acquire(wait_seconds=0.05) is None, (
        "the only slot is taken, also for another thread or process"
    )
    ServerSlots.release(held)
    # A worker that dies while it holds the slot: the kernel lets go of its lock.
    child = multiprocessing.get_context("fork").Process(target=_hold_a_slot_and_die, args=(tmp_path,))
    child.start()
    child.join(timeout=10)
    again = slots.acquire(wait_seconds=1)
    assert again is not None
    ServerSlots.release(again)


def _hold_a_slot_and_die(directory):
    ServerSlots(directory, "search", 1).acquire(wait_seconds=1)
    os._exit(1)


def test_searches_wait_for_a_server_slot_while_cached_pages_and_health_go_on(client, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    settings.SERVER_SLOTS_DIR = tmp_path
    settings.SEARCHES_PER_SERVER = 1
    settings.EXPENSIVE_REQUEST_WAIT_SECONDS = 0
    assert client.get("/").status_code == 200  # now in the page cache
    assert client.get("/zoeken/?q=opvang").status_code == 200, "a free slot: the search runs"
    elsewhere = ServerSlots(tmp_path, "search", 1).acquire(wait_seconds=0)  # another worker searches
    try:
        busy = client.get("/zoeken/?q=opvang+politie")
        assert busy.status_code == 503 and busy["Retry-After"].isdigit()
        assert "112" in busy.content.decode()
        assert client.get("/")["X-Cache"] == "HIT"
        assert client.get("/health/").status_code == 200
        assert client.get("/beschermen/opvang/").status_code == 200, "other renders do not need a search slot"
    finally:
        ServerSlots.release(elsewhere)
    assert client.get("/zoeken/?q=opvang+politie").status_code == 200, "the slot is free again"


def test_the_busy_page_is_only_kept_once_it_has_the_helplines(client, server_at_its_limit):
    helplines = list(Hulplijn.objects.filter(locale__language_code="nl"))
    assert helplines
    before = client.get("/zoeken/?q=opvang").content.decode()  # no helplines known yet (a fresh cache)
    assert helplines[0].number not in before and "112" in before
    remember_helplines("nl", helplines)  # as the page frame does when it is rendered
    for _ in range(2):
        after = client.get("/zoeken/?q=opvang+politie")
        assert after.status_code == 503 and helplines[0].number in after.content.decode()
