"""Values that stay the same for a whole content generation (the journey outline, a page's translations, a step's
links), computed once and then kept: in this process, and in the shared cache for the other processes.

Every key holds the generation, so a kept value can never outlive the content it was built from: raising the
generation (kern/invalidation.py) makes all of them unreachable at once, on every server. The copy in this process
saves unpickling on each request; it is bounded, and values in it are shared between requests and threads, so
callers must treat them as read-only.
"""

import logging
import threading
from collections import OrderedDict

from django.core.cache import cache

from .page_cache import UNKNOWN_GENERATION, current_generation

logger = logging.getLogger(__name__)

TIMEOUT = 24 * 60 * 60  # in the shared cache; the generation makes them stale long before
IN_PROCESS_ENTRIES = 512

_MISSING = object()
_lock = threading.Lock()
_in_process: OrderedDict = OrderedDict()


def kept(name: str, load):
    """The value of ``load()`` for this content generation, computed at most once per generation and server.

    ``name`` must say everything the value depends on besides the generation (e.g. the language, a page's id).
    While the cache is down (no generation), the value is computed afresh and not kept.
    """
    generation = current_generation()
    if generation == UNKNOWN_GENERATION:
        return load()
    key = f"kept:{generation}:{name}"
    with _lock:
        value = _in_process.get(key, _MISSING)
        if value is not _MISSING:
            _in_process.move_to_end(key)
            return value
    try:
        value = cache.get(key, _MISSING)
    except Exception:
        logger.warning("Cache unavailable for a kept value", exc_info=True)
        value = _MISSING
    if value is _MISSING:
        value = load()
        try:
            cache.set(key, value, TIMEOUT)
        except Exception:
            logger.warning("Could not keep a value in the cache", exc_info=True)
    with _lock:
        _in_process[key] = value
        while len(_in_process) > IN_PROCESS_ENTRIES:
            _in_process.popitem(last=False)
    return value


def forget_in_process() -> None:
    """Drop this process's copies (tests roll the database back, and with it the generation)."""
    with _lock:
        _in_process.clear()
