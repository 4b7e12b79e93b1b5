"""Site search over steps, phases, information pages, organisations and regulations together.

Each kind is searched with Wagtail's search backend (PostgreSQL full-text search with the Dutch configuration in
production, SQLite's full-text index locally), and the results are merged by score. Whatever a visitor types is
first reduced to plain words, so no input can reach the backend's query syntax or produce an error.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from fases.models import FasePage, StapPage
from kern.models import InformatiePagina
from organisaties.filters import clean_text
from organisaties.models import Organisatie, Regeling

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_RESULTS_PER_KIND = 100
WORD = re.compile(r"\w+", re.UNICODE)


def normalise_query(raw: str) -> str:
    """At most twelve plain words from the first 200 characters; punctuation and operators are dropped."""
    words = [word for word in WORD.findall(clean_text(raw or "", MAX_QUERY_LENGTH)) if word.strip("_")]
    return " ".join(words[:MAX_WORDS])


@dataclass
class Result:
    kind: str
    title: str
    summary: str
    url: str
    score: float
    phase: str = ""


def _scored(queryset, query, operator):
    """Matches with a relevance where higher is better on every database.

    PostgreSQL's ts_rank grows with relevance; SQLite's bm25 is negative and lower is better, so it is flipped.
    """
    results = list(
        get_search_backend()
        .search(query, queryset, operator=operator)
        .annotate_score("_score")[:MAX_RESULTS_PER_KIND]
    )
    flip = connection.vendor == "sqlite"
    for result in results:
        score = result._score or 0.0
        result._score = -score if flip else score
    return results


def _phase_titles(steps) -> dict[str, str]:
    """The phase of each step, in one query: the phase's path is the step's path minus one level."""
    paths = {step.path[: -Page.steplen] for step in steps}
    if not paths:
        return {}
    return dict(FasePage.objects.filter(path__in=paths).values_list("path", "title"))


MIN_PRECISE_RESULTS = 5


def search_site(query: str, request=None) -> list[Result]:
    """Results that contain all the words first; when those are few, results with some of the words after them."""
    if not query:
        return []
    results = _search_all(query, request, "and")
    if len(results) < MIN_PRECISE_RESULTS and len(query.split()) > 1:
        seen = {result.url for result in results}
        results += [result for result in _search_all(query, request, "or") if result.url not in seen]
    if not results:
        # The Dutch stemmer keeps plurals such as "aangiftes"; try once more without the plural ending.
        singular = " ".join(_without_plural(word) for word in query.split())
        if singular != query:
            results = _search_all(singular, request, "or")
    return results


def _without_plural(word: str) -> str:
    for ending in ("'s", "s", "en"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _search_all(query: str, request, operator: str) -> list[Result]:
    results: list[Result] = []
    # The search backend filters on indexed fields only: the locale itself, not its language code.
    locale = Locale.get_active().pk
    pages = lambda model: model.objects.live().public().filter(locale_id=locale)  # noqa: E731
    steps = _scored(pages(StapPage), query, operator)
    phases_by_path = _phase_titles(steps)
    results += [
        Result(
            _("Step"),
            s.title,
            s.summary,
            s.get_url(request),
            s._score,
            phases_by_path.get(s.path[: -Page.steplen], ""),
        )
        for s in steps
    ]
    results += [
        Result(_("Phase"), p.title, p.intro, p.get_url(request), p._score)
        for p in _scored(pages(FasePage), query, operator)
    ]
    results += [
        Result(_("Information"), p.title, p.intro, p.get_url(request), p._score)
        for p in _scored(pages(InformatiePagina), query, operator)
    ]
    snippets = lambda model: model.objects.filter(locale_id=locale, live=True)  # noqa: E731
    results += [
        Result(_("Organisation"), o.name, o.summary, o.get_absolute_url(), o._score)
        for o in _scored(snippets(Organisatie), query, operator)
    ]
    results += [
        Result(_("Right or regulation"), r.title, r.summary, r.get_absolute_url(), r._score)
        for r in _scored(snippets(Regeling), query, operator)
    ]
    # Highest score first; equal scores keep the order above (steps before organisations before regulations).
    return sorted(results, key=lambda result: -(result.score or 0))
