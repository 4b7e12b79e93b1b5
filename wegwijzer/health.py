"""Health and outages.

``/health/`` tells a load balancer whether this instance can serve: the database is required (503 without it),
the cache is not (the site works without it, only slower), so a cache outage is reported but answered with 200.

When the database is down, pages still in the page cache are served as usual (the cache is consulted before the
database); every other request gets a 503 page in the site's style with the emergency numbers, rendered without
the database. The site recovers by itself: every request tries the database again.
"""

import contextlib
import sys
import uuid

from django.core.cache import cache
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
)
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kern.helplines import last_known_helplines


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except DatabaseError:
        return "error"


def _database_unreachable() -> bool:
    """Whether the database refuses a fresh connection now.

    Asked on a connection of its own, opened and closed here: the request's connection is left alone. Closing it
    inside a transaction (a test's, or ATOMIC_REQUESTS) would leave that transaction unusable after the database
    returned; a connection the error broke is dropped by Django itself at the end of the request."""
    probe = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return True
    finally:
        with contextlib.suppress(DatabaseError):
            probe.close()
    return False


def _check_cache() -> str:
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", 10)
        ok = cache.get(key) == "ok"
        cache.delete(key)
        return "ok" if ok else "error"
    except Exception:
        return "error"


@never_cache
@require_safe
def health(request):
    checks = {"database": _check_database(), "cache": _check_cache()}
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **checks}, status=code)


def outage_response(request) -> HttpResponse:

    language = get_language() or "nl"
    helplines = last_known_helplines(language)
    body = loader.render_to_string("503.html", {"helplines": helplines, "LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a database outage gets the 503 outage page; anything else the plain 500 page."""
    error = sys.exc_info()[1]
    # Only a database that does not answer is an outage. Other database errors (a NUL byte PostgreSQL refuses, a
    # query SQLite finds too large) are bugs and get the 500 page, also when the driver calls them operational.
    if isinstance(error, OperationalError | InterfaceError) and _database_unreachable():
        return outage_response(request)
    return HttpResponseServerError(loader.render_to_string("500.html"))
