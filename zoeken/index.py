"""The search index of one language, built once per content generation and shared through the cache.

Why an index of our own rather than a database query per search: the site has a few hundred pages and snippets
per language and changes only when an editor publishes. Holding them as stemmed terms in memory makes a search
cost a few dictionary look-ups and no database query at all, ranks the same on SQLite (what a new user runs) and
PostgreSQL (production), and lets ranking, synonyms and typo correction use the same words. Wagtail's own search
index stays as it is for the admin.

It is rebuilt after every change editors make (the content generation, kern.page_cache), from public, live
content only, so a page made private or unpublished leaves the results at once.
"""

import hashlib
import json
import logging
import threading
import time
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site

from fases.models import FasePage, StapPage
from kern.models import Hulplijn, InformatiePagina, SiteInstellingen
from kern.page_cache import UNKNOWN_GENERATION, request_generation
from organisaties.models import Organisatie, Regeling

from .models import Synoniem
from .text import is_stop_word, language_of, stem, words
from .vocabulary import Vocabulary

logger = logging.getLogger(__name__)

FORMAT = 1  # raise when the pickled index changes shape, so an old one in the shared cache is not used
CACHE_SECONDS = 24 * 60 * 60
# Without a working cache no generation is known: rebuild now and then, so an editor's change still shows.
REBUILD_WITHOUT_GENERATION_SECONDS = 60

# How much a word counts where it occurs: the title says what a page is about, the body may mention it in passing.
TITLE, SUMMARY, SERVICE, BODY = 5.0, 2.0, 2.0, 1.0


@dataclass(frozen=True)
class Document:
    kind: str  # step, phase, information, organisation, regulation
    title: str
    summary: str
    url: str
    phase: str = ""


@dataclass(frozen=True)
class Helpline:
    name: str
    number: str
    description: str
    opening_hours: str


@dataclass
class SearchIndex:
    language: str
    documents: list[Document] = field(default_factory=list)
    # stem -> {document number: weighted count}
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    title_stems: list[frozenset[str]] = field(default_factory=list)
    sorted_stems: list[str] = field(default_factory=list)
    sorted_reversed_stems: list[str] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=lambda: Vocabulary({}))
    # words of a phrase visitors use -> the site's words for it, each a tuple of words
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)
    promotions: dict[str, list[Document]] = field(default_factory=dict)
    helplines: list[Helpline] = field(default_factory=list)
    helpline_names: list[tuple[str, ...]] = field(default_factory=list)
    emergency_number: str = "112"

    def stems_starting_with(self, prefix: str, limit: int) -> list[str]:
        start = bisect_left(self.sorted_stems, prefix)
        found = []
        for candidate in self.sorted_stems[start : start + limit + 1]:
            if not candidate.startswith(prefix):
                break
            if candidate != prefix:
                found.append(candidate)
        return found[:limit]

    def stems_ending_with(self, suffix: str, limit: int) -> list[str]:
        reversed_suffix = suffix[::-1]
        start = bisect_left(self.sorted_reversed_stems, reversed_suffix)
        found = []
        for candidate in self.sorted_reversed_stems[start : start + limit + 1]:
            if not candidate.startswith(reversed_suffix):
                break
            if candidate != reversed_suffix:
                found.append(candidate[::-1])
        return found[:limit]


class _Builder:
    def __init__(self, language: str):
        self.index = SearchIndex(language=language)
        self.postings: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        self.word_weights: dict[str, float] = defaultdict(float)

    def add(self, document: Document, fields: list[tuple[str, float]]):
        number = len(self.index.documents)
        self.index.documents.append(document)
        title_stems = set()
        for text, weight in fields:
            for word in words(text):
                self.word_weights[word] += weight
                if is_stop_word(word, self.index.language):
                    continue
                term = stem(word, self.index.language)
                self.postings[term][number] += weight
                if weight == TITLE:
                    title_stems.add(term)
        self.index.title_stems.append(frozenset(title_stems))

    def finish(self) -> SearchIndex:
        index = self.index
        index.postings = {term: dict(counts) for term, counts in self.postings.items()}
        index.sorted_stems = sorted(index.postings)
        index.sorted_reversed_stems = sorted(term[::-1] for term in index.postings)
        index.vocabulary = Vocabulary(self.word_weights)
        return index


def _text(value) -> str:
    return strip_tags(str(value or ""))


# The searchable text of page bodies, by page and exact content: turning a StreamField into text is most of the
# cost of a build, and most pages are unchanged between two content generations.
_body_texts: dict[tuple[int, str], str] = {}
MAX_BODY_TEXTS = 10_000


def _body(page) -> str:
    key = (
        page.pk,
        hashlib.sha256(
            json.dumps(list(page.body.raw_data), sort_keys=True, default=str).encode()
        ).hexdigest(),
    )
    text = _body_texts.get(key)
    if text is None:
        text = " ".join(page._meta.get_field("body").get_searchable_content(page.body))
        if len(_body_texts) >= MAX_BODY_TEXTS:
            _body_texts.clear()
        _body_texts[key] = text
    return text


def build_index(language_code: str) -> SearchIndex:
    language = language_of(language_code)
    builder = _Builder(language)
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return builder.finish()

    def pages(model):
        return model.objects.live().public().filter(locale=locale).order_by("path")

    phases = list(pages(FasePage))
    phase_titles = {phase.path: phase.title for phase in phases}
    for step in pages(StapPage):
        builder.add(
            Document(
                "step",
                step.title,
                step.summary,
                step.get_url(),
                phase_titles.get(step.path[: -Page.steplen], ""),
            ),
            [(step.title, TITLE), (step.summary, SUMMARY), (_body(step), BODY)],
        )
    for phase in phases:
        builder.add(
            Document("phase", phase.title, phase.intro, phase.get_url()),
            [(phase.title, TITLE), (phase.intro, SUMMARY), (_body(phase), BODY)],
        )
    for page in pages(InformatiePagina):
        builder.add(
            Document("information", page.title, page.intro, page.get_url()),
            [(page.title, TITLE), (page.intro, SUMMARY), (_body(page), BODY)],
        )
    for organisation in Organisatie.objects.filter(locale=locale, live=True).prefetch_related(
        "services", "audiences"
    ):
        services = " ".join(service.name for service in organisation.services.all())
        audiences = " ".join(audience.name for audience in organisation.audiences.all())
        builder.add(
            Document(
                "organisation", organisation.name, organisation.summary, organisation.get_absolute_url()
            ),
            [
                (organisation.name, TITLE),
                (organisation.summary, SUMMARY),
                (services, SERVICE),
                (audiences, SERVICE),
                (_text(organisation.what_it_does), BODY),
            ],
        )
    for regulation in Regeling.objects.filter(locale=locale, live=True):
        builder.add(
            Document("regulation", regulation.title, regulation.summary, regulation.get_absolute_url()),
            [
                (regulation.title, TITLE),
                (regulation.summary, SUMMARY),
                (regulation.applies_to, BODY),
                (_text(regulation.explanation), BODY),
                (regulation.legal_basis, BODY),
            ],
        )
    _add_synonyms(builder, locale)
    index = builder.finish()
    _add_promotions(index, locale)
    _add_helplines(index, locale)
    return index


def _add_synonyms(builder: _Builder, locale):
    for synonym in Synoniem.objects.filter(locale=locale):
        term = tuple(words(synonym.term))
        if not term:
            continue
        alternatives = [tuple(words(alternative)) for alternative in synonym.terms()]
        builder.index.synonyms.setdefault(term, []).extend(alternatives)
        # The words of synonyms are words of the site: a typo in them can be corrected too.
        for word in (*term, *(w for alternative in alternatives for w in alternative)):
            builder.word_weights[word] += SUMMARY


def _add_promotions(index: SearchIndex, locale):
    """Wagtail's promoted search results: pages of this language, and links elsewhere, in the editor's order."""
    promotions = SearchPromotion.objects.select_related("query", "page").filter(
        Q(page__isnull=True) | Q(page__locale=locale, page__live=True)
    )
    public = set(Page.objects.live().public().filter(locale=locale).values_list("pk", flat=True))
    for promotion in sorted(promotions, key=lambda p: (p.sort_order or 0, p.pk)):
        if promotion.page_id is not None:
            if promotion.page_id not in public:
                continue
            page = promotion.page.specific
            summary = promotion.description or getattr(page, "summary", "") or getattr(page, "intro", "")
            document = Document("promoted", page.title, summary, page.get_url())
        elif promotion.external_link_url:
            document = Document(
                "promoted",
                promotion.external_link_text or promotion.external_link_url,
                promotion.description,
                promotion.external_link_url,
            )
        else:
            continue
        index.promotions.setdefault(" ".join(words(promotion.query.query_string)), []).append(document)


def _add_helplines(index: SearchIndex, locale):
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        index.emergency_number = SiteInstellingen.for_site(site).emergency_number or "112"
    for line in Hulplijn.objects.filter(locale=locale):
        index.helplines.append(Helpline(line.name, line.number, line.description, line.opening_hours))
        index.helpline_names.append(tuple(words(line.name)))


# In each process: language -> (generation, when built, index).
_in_process: dict[str, tuple[int, float, SearchIndex]] = {}
_building = threading.Lock()


def index_for(language_code: str, request=None) -> SearchIndex:
    """The index of a language for the current content generation: from this process, the cache, or built."""
    generation = request_generation(request)
    known = _in_process.get(language_code)
    if known is not None and _fresh(known, generation):
        return known[2]
    with _building:
        known = _in_process.get(language_code)
        if known is not None and _fresh(known, generation):
            return known[2]
        key = f"zoeken:index:{FORMAT}:{generation}:{language_code}"
        index = _from_cache(key) if generation != UNKNOWN_GENERATION else None
        if index is None:
            index = build_index(language_code)
            if generation != UNKNOWN_GENERATION:
                _to_cache(key, index)
        _in_process[language_code] = (generation, time.monotonic(), index)
        return index


def _fresh(known, generation) -> bool:
    built_for, built_at, _index = known
    if built_for != generation:
        return False
    return (
        generation != UNKNOWN_GENERATION or time.monotonic() - built_at < REBUILD_WITHOUT_GENERATION_SECONDS
    )


def _from_cache(key):
    try:
        index = cache.get(key)
    except Exception:
        logger.warning("Search index not read from the cache", exc_info=True)
        return None
    return index if isinstance(index, SearchIndex) else None


def _to_cache(key, index):
    try:
        cache.set(key, index, timeout=CACHE_SECONDS)
    except Exception:
        logger.warning("Search index not stored in the cache", exc_info=True)


def clear_in_process():
    """For tests that change content without a new generation."""
    _in_process.clear()
