"""Site search over steps, phases, information pages, organisations and regulations together.

A search runs on the index of the visitor's language (index.py), without a database query. What a visitor types
is reduced to at most twelve plain words, so no input reaches any query syntax. Then, word by word:

* stop words and repeated words are dropped;
* a misspelt word is corrected against the site's own words ("aangfite" -> "aangifte"), and the visitor is told;
* a word or phrase editors entered as a synonym also finds the site's words for it ("papieren" -> "verblijf");
* each word finds pages with the same stem, and with compounds that start or end with it ("schadevergoeding"
  finds "schadevergoedingsmaatregel", "uitbuiting" finds "arbeidsuitbuiting").

Ranking: a word in the title counts far more than a word in the body; pages with all the words come before pages
with some; a step or regulation whose title matches beats a phase that mentions the word; information pages
(Contact, Privacy) rank low unless their title is asked for. Editors' promoted results come first.
"""

import math
import threading
import time
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kern.page_cache import request_generation
from organisaties.filters import clean_text

from .index import Document, Helpline, SearchIndex, index_for
from .text import WORD, is_stop_word, stem, words

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_PHRASE_WORDS = 4  # the longest synonym phrase looked for in a query
MAX_EXPANSIONS = 8  # compounds per word and direction
PREFIX_FACTOR, SUFFIX_FACTOR, SYNONYM_FACTOR = 0.6, 0.5, 0.85
SATURATION = 2.0  # a word mentioned ten times is not ten times as relevant
TITLE_BONUS = 2.5
KIND_FACTOR = {"step": 1.0, "regulation": 1.0, "organisation": 1.0, "phase": 0.8, "information": 0.3}
KIND_ORDER = {"promoted": 0, "step": 1, "regulation": 2, "organisation": 3, "phase": 4, "information": 5}
KIND_LABELS = {
    "promoted": _("Recommended"),
    "step": _("Step"),
    "phase": _("Phase"),
    "information": _("Information"),
    "organisation": _("Organisation"),
    "regulation": _("Right or regulation"),
}
# Asking for help itself: the helplines come first. Both languages, since people mix them.
HELP_WORDS = {
    "help",
    "hulp",
    "hulplijn",
    "hulplijnen",
    "helpline",
    "helplines",
    "noodnummer",
    "nood",
    "spoed",
    "emergency",
    "112",
}

RECENT_SEARCHES = 512
RECENT_SECONDS = 120


def normalise_query(raw: str) -> str:
    """At most twelve plain words from the first 200 characters; punctuation and operators are dropped."""
    found = [word for word in WORD.findall(clean_text(raw or "", MAX_QUERY_LENGTH)) if word.strip("_")]
    return " ".join(found[:MAX_WORDS])


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    summary: str
    url: str
    score: float
    phase: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def promoted(self) -> bool:
        return self.kind == "promoted"


@dataclass(frozen=True)
class SearchOutcome:
    results: list[Result] = field(default_factory=list)
    corrected: str = ""  # the query with misspelt words corrected, when any were
    helplines_first: bool = False
    helplines: list[Helpline] = field(default_factory=list)
    emergency_number: str = "112"


def search_site(query: str, request=None) -> SearchOutcome:
    """The outcome of a search in the active language; recent searches are answered from memory."""
    language_code = get_language() or "nl"
    normalised = " ".join(words(query)[:MAX_WORDS])
    generation = request_generation(request)
    key = (generation, language_code, normalised)
    outcome = _recent.get(key)
    if outcome is None:
        outcome = run_search(index_for(language_code, request), normalised)
        _recent.put(key, outcome)
    return outcome


def run_search(index: SearchIndex, normalised: str) -> SearchOutcome:
    asked = list(dict.fromkeys(normalised.split()))  # repeated words count once
    corrected_words = [_corrected(index, word) for word in asked]
    corrected = " ".join(corrected_words) if corrected_words != asked else ""
    slots = _slots(index, corrected_words)
    results = _ranked(index, slots) if slots else []
    promoted = index.promotions.get(" ".join(corrected_words)) or index.promotions.get(" ".join(asked)) or []
    if promoted:
        urls = {document.url for document in promoted}
        results = [_result(document, 0.0) for document in promoted] + [
            result for result in results if result.url not in urls
        ]
    helplines_first = bool(HELP_WORDS.intersection(corrected_words)) or any(
        _contains(corrected_words, name) for name in index.helpline_names if name
    )
    return SearchOutcome(results, corrected, helplines_first, index.helplines, index.emergency_number)


def _corrected(index: SearchIndex, word: str) -> str:
    if is_stop_word(word, index.language) or not word.isalpha() or word in index.vocabulary:
        return word
    if stem(word, index.language) in index.postings:
        return word
    return index.vocabulary.correct(word) or word


def _contains(sequence: list[str], part: tuple[str, ...]) -> bool:
    return any(tuple(sequence[i : i + len(part)]) == part for i in range(len(sequence) - len(part) + 1))


def _stems(index: SearchIndex, phrase) -> tuple[str, ...]:
    return tuple(stem(word, index.language) for word in phrase if not is_stop_word(word, index.language))


def _slots(index: SearchIndex, query_words: list[str]) -> list[list[tuple[tuple[str, ...], float]]]:
    """One slot per meaningful word or synonym phrase: its alternatives as (stems, weight); any one fills it."""
    slots = []
    position = 0
    while position < len(query_words):
        for length in range(min(MAX_PHRASE_WORDS, len(query_words) - position), 0, -1):
            phrase = tuple(query_words[position : position + length])
            alternatives = index.synonyms.get(phrase)
            if alternatives:
                slot = [(own, 1.0)] if (own := _stems(index, phrase)) else []
                slot += [(stems, SYNONYM_FACTOR) for a in alternatives if (stems := _stems(index, a))]
                if slot:
                    slots.append(slot)
                position += length
                break
        else:
            word = query_words[position]
            if not is_stop_word(word, index.language):
                slots.append([((stem(word, index.language),), 1.0)])
            position += 1
    return slots


def _term_scores(index: SearchIndex, term: str) -> tuple[dict[int, float], set[int]]:
    """Score per document for one stem and its compounds, and the documents that have it in their title."""
    expansions = [(term, 1.0)]
    if len(term) >= 4:
        expansions += [(t, PREFIX_FACTOR) for t in index.stems_starting_with(term, MAX_EXPANSIONS)]
    if len(term) >= 5:
        expansions += [(t, SUFFIX_FACTOR) for t in index.stems_ending_with(term, MAX_EXPANSIONS)]
    count = len(index.documents) or 1
    scores: dict[int, float] = {}
    in_title: set[int] = set()
    for candidate, factor in expansions:
        postings = index.postings.get(candidate)
        if not postings:
            continue
        weight = factor * math.log(1 + count / len(postings))
        for number, frequency in postings.items():
            score = weight * frequency * (SATURATION + 1) / (frequency + SATURATION)
            if candidate in index.title_stems[number]:
                score += weight * TITLE_BONUS
                in_title.add(number)
            if score > scores.get(number, 0.0):
                scores[number] = score
    return scores, in_title


def _ranked(index: SearchIndex, slots) -> list[Result]:
    term_cache: dict[str, tuple[dict[int, float], set[int]]] = {}

    def scores_of(term):
        if term not in term_cache:
            term_cache[term] = _term_scores(index, term)
        return term_cache[term]

    totals: dict[int, float] = defaultdict(float)
    filled: dict[int, int] = defaultdict(int)
    title_hits: dict[int, int] = defaultdict(int)
    for slot in slots:
        best: dict[int, float] = {}
        titled: set[int] = set()
        for stems, weight in slot:
            per_stem = [scores_of(term) for term in stems]
            documents = set().union(*(scores for scores, _titles in per_stem))
            for number in documents:
                present = [scores[number] for scores, _titles in per_stem if number in scores]
                # Every word of a phrase should be there; a phrase half found counts for less.
                score = weight * sum(present) / len(stems) * (len(present) / len(stems))
                if score > best.get(number, 0.0):
                    best[number] = score
            for _scores, titles in per_stem:
                titled |= titles
        for number, score in best.items():
            totals[number] += score
            filled[number] += 1
        for number in titled:
            title_hits[number] += 1
    results = []
    for number, total in totals.items():
        document = index.documents[number]
        coverage = filled[number] / len(slots)
        factor = KIND_FACTOR[document.kind]
        if document.kind == "information" and title_hits[number]:
            factor = 1.0  # asked for by name
        if title_hits[number] >= len(slots):
            factor *= 1.5
        results.append(_result(document, total * coverage * coverage * factor))
    results.sort(key=lambda result: (-result.score, KIND_ORDER[result.kind], result.title))
    return results


def _result(document: Document, score: float) -> Result:
    return Result(document.kind, document.title, document.summary, document.url, score, document.phase)


class _RecentSearches:
    """The outcomes of recent searches in this process, briefly: a bounded number, so a flood of unique searches
    costs a fixed amount of memory and never pushes anything else out of the shared cache."""

    def __init__(self, size: int, seconds: float):
        self.size, self.seconds = size, seconds
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or time.monotonic() - entry[0] > self.seconds:
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key, outcome):
        with self.lock:
            self.entries[key] = (time.monotonic(), outcome)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


_recent = _RecentSearches(RECENT_SEARCHES, RECENT_SECONDS)
