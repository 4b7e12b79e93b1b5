"""The helplines of each language as last seen, kept in the cache for the outage page.

When the database is down, the 503 page must still show who to call; it cannot ask the database, so every
rendering of the helplines leaves a copy here.
"""

import contextlib

from django.core.cache import cache

LAST_KNOWN_HELPLINES_KEY = "outage:helplines:{language}"


def remember_helplines(language: str, helplines) -> None:
    lines = [
        {
            "name": line.name,
            "number": line.number,
            "description": line.description,
            "opening_hours": line.opening_hours,
        }
        for line in helplines
    ]
    with contextlib.suppress(Exception):
        cache.set(LAST_KNOWN_HELPLINES_KEY.format(language=language), lines, None)


def last_known_helplines(language: str) -> list:
    try:
        return cache.get(LAST_KNOWN_HELPLINES_KEY.format(language=language)) or []
    except Exception:
        return []
