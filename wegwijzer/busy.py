"""Expensive requests wait their turn, so a flood of them cannot starve cached pages and /health/.

Everything that reaches this middleware is expensive: it sits behind the page cache, so cached pages have been
answered before it; what is left are renders (searches, filtered lists, pages not yet cached, unknown parameters).
Each worker process lets only a few of them run at once (EXPENSIVE_REQUESTS_PER_WORKER) and a few more wait a
moment for their turn (EXPENSIVE_REQUESTS_WAITING, up to EXPENSIVE_REQUEST_WAIT_SECONDS); anything beyond gets a
polite 503 with Retry-After and the emergency numbers at once. gunicorn's threads (gunicorn.conf.py) keep the
other requests flowing meanwhile. /health/ and the admin are never limited: a load balancer must see the server
as alive while it sheds load, and editors must be able to work.

Searches (views marked ``limited_per_server``) also need one of the few slots the whole server shares
(kern/server_slots.py): however many connections send them, they keep to their share of the cores.
"""

import hashlib
import threading

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

from kern.helplines import last_known_helplines
from kern.per_generation import kept
from kern.server_slots import ServerSlots

RETRY_AFTER_SECONDS = 10
NEVER_LIMITED = ("/health/",)


class ConcurrencyLimit:
    """At most ``running`` holders at once; up to ``waiting`` more wait ``wait_seconds`` for a turn."""

    def __init__(self, running: int, waiting: int, wait_seconds: float):
        self._running = threading.BoundedSemaphore(running)
        self._admitted = threading.BoundedSemaphore(running + waiting)
        self._wait_seconds = wait_seconds

    def acquire(self) -> bool:
        if not self._admitted.acquire(blocking=False):
            return False
        if not self._running.acquire(timeout=self._wait_seconds):
            self._admitted.release()
            return False
        return True

    def release(self) -> None:
        self._running.release()
        self._admitted.release()


def busy_response(request) -> HttpResponse:
    """The 503 page for a server that is too busy right now, in the visitor's language, with who to call."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    helplines = last_known_helplines(language)
    if helplines:
        # Under a flood most answers are this page: render it once per language, helplines and generation.
        numbers = hashlib.sha256(",".join(line["number"] for line in helplines).encode()).hexdigest()[:16]
        body = kept(f"busy-page:{language}:{numbers}", lambda: _render_busy_page(language, helplines))
    else:
        body = _render_busy_page(language, helplines)  # numbers not known yet: never keep a page without them
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _render_busy_page(language: str, helplines: list) -> str:
    with translation.override(language):
        return loader.render_to_string("503_busy.html", {"helplines": helplines, "LANGUAGE_CODE": language})


class ExpensiveRequestLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = ConcurrencyLimit(
            running=settings.EXPENSIVE_REQUESTS_PER_WORKER,
            waiting=settings.EXPENSIVE_REQUESTS_WAITING,
            wait_seconds=settings.EXPENSIVE_REQUEST_WAIT_SECONDS,
        )
        self.server_slots = ServerSlots(settings.SERVER_SLOTS_DIR, "search", settings.SEARCHES_PER_SERVER)

    def __call__(self, request):
        if request.path_info.startswith(NEVER_LIMITED + settings.ADMIN_URL_PREFIXES):
            return self.get_response(request)
        if not self.limit.acquire():
            return busy_response(request)
        try:
            return self.get_response(request)
        finally:
            slot = getattr(request, "wegwijzer_server_slot", None)
            if slot is not None:
                ServerSlots.release(slot)
            self.limit.release()

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "limited_per_server", False):
            return None
        if request.path_info.startswith(NEVER_LIMITED + settings.ADMIN_URL_PREFIXES):
            return None
        slot = self.server_slots.acquire(settings.EXPENSIVE_REQUEST_WAIT_SECONDS)
        if slot is None:
            return busy_response(request)
        request.wegwijzer_server_slot = slot
        return None
