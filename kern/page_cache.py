"""One cache for the public site: whole pages for anonymous visitors, and fragments of pages, both kept under the
content generation so that one number makes all of them stale at once, on every server that shares the cache.

The full-page cache is our own middleware rather than a package, because it must never store anything about a
visitor and must bypass editors and previews:

* Only GET and HEAD requests without any cookie are served from or stored in the cache. Editors always carry a
  session cookie, so they (and their previews) always get a freshly rendered page.
* Only 200 HTML responses without Set-Cookie and without ``Cache-Control: private/no-store`` are stored.
* The key holds only what changes the page: the path and the known parameters with well-formed values. Those are
  the fixed ones below (PAGE_CACHE_PARAMETERS) and those whose names and values are editors' data, which apps
  above this one give through the Wagtail hook ``DATA_PARAMETERS_HOOK`` (the situation questions and their
  answers, from organisaties/wagtail_hooks.py): a function returning {name: the valid values}, read once per
  content generation by that app. A request with any other parameter or value is answered, but not stored, so a
  flood of random query strings cannot fill the cache.

Fragments (the site frame, a page's body, a step's links) use Wagtail's own ``{% wagtailcache %}`` and
``{% wagtailpagecache %}`` tags with ``content_generation`` (from the context processor below) in their key;
those tags never cache previews.
"""

import hashlib
import logging
import re
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from .models import ContentGeneration

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
UNKNOWN_GENERATION = 0  # the cache is down: nothing may be kept under a generation then

# The fixed query parameters that change a page, each with the shape of a valid value. Views ignore any others.
# The situation questions (?leeftijd=...) are editors' data and come through DATA_PARAMETERS_HOOK.
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
_NUMBER = re.compile(r"[0-9]{1,4}")
_TEXT = re.compile(r"[^\x00-\x1f\x7f]{1,200}")
_MUNICIPALITY_CODE = re.compile(r"GM[0-9]{4}")  # a typed name is answered, but only the CBS code is cached
_LANGUAGE = re.compile("|".join(re.escape(code) for code, _name in settings.LANGUAGES))
PAGE_CACHE_PARAMETERS = {
    "weergave": _SLUG,
    "dienst": _SLUG,
    "doelgroep": _SLUG,
    "werkgebied": _SLUG,
    "pagina": _NUMBER,
    "gemeente": _MUNICIPALITY_CODE,
    "regio": _SLUG,
    "tweede_taal": _LANGUAGE,  # the hand-out's second language
    "q": _TEXT,
}
# Wagtail hook: each registered function returns {parameter name: frozenset of valid values}, cheaply (it keeps
# its own copy per content generation); a name that is also a fixed parameter above is left out.
DATA_PARAMETERS_HOOK = "wegwijzer_page_cache_parameters"


# The generation a public page request was answered under: read once when it arrives (PageCacheMiddleware), so
# the page, its fragments and the values kept for it (kern/per_generation.py) all agree, for one cache read.
_request_generation: ContextVar[int | None] = ContextVar("content_generation", default=None)


def current_generation() -> int:
    """The content generation; UNKNOWN_GENERATION while the cache is down."""
    pinned = _request_generation.get()
    if pinned is not None:
        return pinned
    return _read_generation()


def _read_generation() -> int:
    try:
        generation = cache.get(GENERATION_KEY)
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return UNKNOWN_GENERATION
    if generation is None:
        generation = _stored_generation()
        try:
            cache.set(GENERATION_KEY, generation, None)
            # A cache that keeps nothing is down (django-redis swallows its errors and answers None).
            if cache.get(GENERATION_KEY) is None:
                return UNKNOWN_GENERATION
        except Exception:
            return UNKNOWN_GENERATION
    return generation


def _stored_generation() -> int:
    try:
        # In a savepoint: while the database is away, the failed read must not break the transaction around it.
        with transaction.atomic():
            row = ContentGeneration.objects.order_by("pk").first()
            if row is None:
                row = ContentGeneration.objects.create(value=_clock())
    except DatabaseError:
        return UNKNOWN_GENERATION
    return row.value


def _clock() -> int:
    return int(timezone.now().timestamp() * 1_000_000)


def raise_generation() -> None:
    """Make every cached page and fragment stale, on every server that shares the cache."""
    try:
        # In a savepoint: a failure here must not break the editor's transaction (PostgreSQL would abort it).
        with transaction.atomic():
            updated = ContentGeneration.objects.update(value=Greatest(F("value") + 1, Value(_clock())))
            if not updated:
                ContentGeneration.objects.create(value=_clock())
            generation = _stored_generation()
    except DatabaseError:
        logger.warning("Could not raise the content generation", exc_info=True)
        return
    try:
        cache.set(GENERATION_KEY, generation, None)
    except Exception:
        logger.warning("Could not share the new content generation", exc_info=True)


def request_generation(request) -> int:
    """The generation, read once per request: the page's key and its fragments' keys then agree."""
    if request is None:
        return current_generation()
    if not hasattr(request, "content_generation"):
        request.content_generation = current_generation()
    return request.content_generation


def generation_context(request):
    """Context processor: ``content_generation`` for the keys of cached fragments, read only when used."""
    return {"content_generation": SimpleLazyObject(lambda: request_generation(request))}


def data_parameters(request=None) -> dict[str, frozenset[str]]:
    """The parameters whose names and valid values are editors' data, from the apps that register the hook."""
    parameters: dict[str, frozenset[str]] = {}
    for provider in hooks.get_hooks(DATA_PARAMETERS_HOOK):
        for name, values in provider(request).items():
            if name not in PAGE_CACHE_PARAMETERS:
                parameters[name] = parameters.get(name, frozenset()) | frozenset(values)
    return parameters


def cache_key_parameters(request) -> list[tuple[str, str]] | None:
    """The request's parameters that change the page, sorted; None when it has any other or a malformed one."""
    parameters = []
    data = None
    for name, values in request.GET.lists():
        if len(values) > 1:
            return None
        shape = PAGE_CACHE_PARAMETERS.get(name)
        if shape is not None:
            if not shape.fullmatch(values[0]):
                return None
        else:
            if data is None:
                data = data_parameters(request)
            if values[0] not in data.get(name, ()):
                return None
        parameters.append((name, values[0]))
    return sorted(parameters)


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.COOKIES:
        return False
    return not request.path_info.startswith(settings.ADMIN_URL_PREFIXES)


def _key(request, generation: int, parameters) -> str:
    raw = f"{request.method}|{request.get_host()}|{request.path}|{parameters!r}"
    return f"page:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


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
        if not _cacheable_request(request):
            # Editors and forms: every read sees the newest generation (a publish raises it mid-request).
            return self.get_response(request)
        token = _request_generation.set(request_generation(request))
        try:
            return self._answer(request)
        finally:
            _request_generation.reset(token)

    def _answer(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if timeout <= 0:
            return self.get_response(request)
        generation = request_generation(request)
        if generation == UNKNOWN_GENERATION:
            return self.get_response(request)
        parameters = cache_key_parameters(request)
        if parameters is None:
            return self.get_response(request)
        key = _key(request, generation, parameters)
        try:
            cached = cache.get(key)
        except Exception:
            cached = None
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if _storable(response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=timeout, stale_while_revalidate=60)
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
