"""A full-page cache for anonymous visitors, shared by every worker and server through Django's cache.

Why our own and not a package: it must never store anything about a visitor (no cookies, no session), must bypass
editors and previews, and must be invalidated the moment an editor publishes. The rules:

* Only GET and HEAD requests without any cookie are served from or stored in the cache. Editors always carry a
  session cookie, so they (and their previews) always get a freshly rendered page.
* Only 200 responses without Set-Cookie and without ``Cache-Control: private/no-store`` are stored.
* Only query strings made of known parameters with short values are cached, so random query strings cannot fill
  the cache; they are still answered, just rendered each time.
* Invalidation is by generation: every publish, unpublish, move, delete or snippet/settings save bumps a counter
  that is part of every key, so the whole site is fresh at once on every server. Old entries expire by themselves.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CACHEABLE_PARAMETERS = {
    "leeftijd",
    "herkomst",
    "uitbuiting",
    "q",
    "pagina",
    "dienst",
    "doelgroep",
    "werkgebied",
}
MAX_PARAMETER_LENGTH = 200


UNKNOWN_GENERATION = 0


def current_generation() -> int:
    """The content generation; UNKNOWN_GENERATION while the cache is down (nothing may then be kept by it)."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            # Start from the clock, not from 1: after the cache is flushed or restarted, a generation number must
            # never repeat one that a worker may still remember (see structure.py).
            cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
            generation = cache.get(GENERATION_KEY)
        # A cache that keeps nothing is down (django-redis swallows the error and answers None).
        return generation if generation is not None else UNKNOWN_GENERATION
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return UNKNOWN_GENERATION


def request_generation(request) -> int:
    """The generation, read once per request: the page cache key and the site structure then agree, and a shared
    cache is asked once instead of once per use."""
    if request is None:
        return current_generation()
    generation = getattr(request, "_wegwijzer_generation", None)
    if generation is None:
        generation = request._wegwijzer_generation = current_generation()
    return generation


def invalidate_all(**_kwargs) -> None:
    """Make every cached page stale at once, on every server that shares the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    except Exception:
        logger.warning("Could not invalidate the page cache", exc_info=True)


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.COOKIES:
        return False
    if request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
        return False
    for name, values in request.GET.lists():
        if name not in CACHEABLE_PARAMETERS or len(values) > 1 or len(values[0]) > MAX_PARAMETER_LENGTH:
            return False
    return True


def _key(request, generation: int) -> str:
    raw = f"{request.method}|{request.get_host()}|{request.get_full_path()}"
    return f"pagecache:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _storable(response) -> bool:
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    return response.get("Content-Type", "").startswith("text/html")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if timeout <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        generation = request_generation(request)
        key = _key(request, generation)
        try:
            cached = cache.get(key)
        except Exception:
            cached = None
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if generation and _storable(response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.PAGE_CACHE_SECONDS,
                stale_while_revalidate=60,
            )
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.add_post_render_callback(lambda rendered: self._store(key, rendered, timeout))
            else:
                self._store(key, response, timeout)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _store(key, response, timeout):
        try:
            cache.set(key, response, timeout)
        except Exception:
            logger.warning("Could not store a page in the cache", exc_info=True)
