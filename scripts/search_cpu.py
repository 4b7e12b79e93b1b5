"""CPU cost of a search, measured with time.process_time: `python scripts/search_cpu.py` (any database).

Prints the CPU of building the index once (after a content change), of a 12-word search on a built index (every
query new, so no recent-search memory helps), of the same search answered from the recent searches, and of the
whole search page (view and template) for a 12-word search. Uses the database in DATABASE_URL (with the demo
content loaded) or the default SQLite file; it only reads. Not a test: timings differ between machines.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijzer.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from zoeken import index as search_index  # noqa: E402
from zoeken.search import run_search, search_site  # noqa: E402
from zoeken.views import search as search_view  # noqa: E402

_WORDS = (
    "mijn baas houdt paspoort loon niet betaald gedwongen werken opvang advocaat tolk aangifte bedenktijd "
    "verblijf schadevergoeding uitkering dokter loverboy minderjarig anoniem melden politie terugkeer geld "
    "slapen papieren aangfite mensenhandle schadevergoedng"
)
WORDS = _WORDS.split()
ROUNDS = 200


def cpu(function) -> float:
    start = time.process_time()
    function()
    return (time.process_time() - start) * 1000


def twelve_words(rng) -> str:
    return " ".join(rng.sample(WORDS, 12))


def main():
    rng = random.Random(12)
    with translation.override("nl"):
        search_index.clear_in_process()
        build = cpu(lambda: search_index.build_index("nl"))
        index = search_index.index_for("nl")
        queries = [twelve_words(rng) for _ in range(ROUNDS)]
        warm = [cpu(lambda q=q: run_search(index, q)) for q in queries]
        query = twelve_words(rng)
        search_site(query)
        remembered = [cpu(lambda: search_site(query)) for _ in range(ROUNDS)]
        factory = RequestFactory()
        pages = []
        for _ in range(50):
            request = factory.get("/zoeken/", {"q": twelve_words(rng)})
            pages.append(cpu(lambda request=request: search_view(request)))
        with CaptureQueriesContext(connection) as queries:
            search_site(twelve_words(rng))
    print(f"database: {connection.vendor}")
    print(f"index build (once per content change and language): {build:.0f} ms CPU")
    for name, values in (
        ("12-word search, new query", warm),
        ("12-word search, recent query", remembered),
        ("12-word search page (view + template)", pages),
    ):
        values = sorted(values)
        print(
            f"{name}: median {statistics.median(values):.2f} ms, p95 {values[int(len(values) * 0.95) - 1]:.2f} ms, "
            f"max {values[-1]:.2f} ms CPU"
        )
    print(f"database queries for a new 12-word search on a built index: {len(queries)}")


if __name__ == "__main__":
    main()
