"""The site's structure for one language, built once per content change and shared by every request.

Every page shows the same frame: the four phases in the navigation, the steps of a phase, the footer's information
pages, the help block and quick exit from the site settings, and links to the same page in other languages. Step
pages and the overview also show each step's linked organisations and regulations. Building all that takes about
twenty queries; caching it under the content generation (see page_cache.py) keeps every page within a small, fixed
query budget. Any publish, unpublish, move, delete or settings change bumps the generation, so the structure is
rebuilt at once, on every server. Within a worker, the structure of the current generation is kept in memory, with
the journeys built from it, the Site, and the page view restrictions.
"""

import contextlib
import zlib
from dataclasses import dataclass, field, fields

from django.core.cache import cache
from wagtail.models import Page, Site

from kern.helplines import remember_helplines
from kern.i18n import active_language_code
from kern.page_cache import UNKNOWN_GENERATION, request_generation

TIMEOUT = 24 * 60 * 60


@dataclass
class SiteStructure:
    language: str
    generation: int = UNKNOWN_GENERATION  # the content generation it was built for
    home: Page | None = None
    phases: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    info_pages: list = field(default_factory=list)
    settings: object = None
    safety_url: str = ""
    translations: dict = field(default_factory=dict)  # translation_key -> {language code: url}
    situations: dict = field(default_factory=dict)  # dimension -> [Situatie], for the situation filter
    helplines: list = field(default_factory=list)
    # step pk -> StepLinks: the step's live regulations and organisations, in the editors' order
    step_links: dict = field(default_factory=dict)
    _journeys: dict = field(default_factory=dict, repr=False)  # selection querystring -> Journey (in-process)

    def journey(self, selection):
        """The journey for a chosen situation; built once per selection, then shared (it is only read)."""
        from fases.journey import journey_for

        key = selection.querystring
        journey = self._journeys.get(key)
        if journey is None:
            if len(self._journeys) > 256:  # every combination of the filters fits; junk never gets here
                self._journeys.clear()
            journey = self._journeys[key] = journey_for(self, selection)
        return journey

    def __getstate__(self):
        # Journeys are rebuilt in each process rather than pickled into the shared cache.
        return {**self.__dict__, "_journeys": {}}

    @property
    def menu_pages(self) -> list:
        return [page for page in self.info_pages if page.show_in_menus]


def _build(site, language: str, request) -> SiteStructure:
    from django.db.models import Q

    from fases.models import FasePage, HomePage, StapPage
    from kern.models import Hulplijn, InformatiePagina, SiteInstellingen
    from organisaties.selection import load_situation_choices

    structure = SiteStructure(language)
    structure.situations = load_situation_choices(Q(locale__language_code=language))
    structure.settings = SiteInstellingen.for_site(site) if site is not None else None
    structure.helplines = list(Hulplijn.objects.filter(locale__language_code=language))
    remember_helplines(language, structure.helplines)
    structure.home = HomePage.objects.live().filter(locale__language_code=language).first()
    if structure.home is None:
        return structure
    home = structure.home
    public = Page.objects.live().public().filter(path__startswith=home.path)
    public_ids = public.values("pk")
    structure.phases = list(FasePage.objects.filter(pk__in=public_ids, depth=home.depth + 1).order_by("path"))
    structure.steps = list(
        StapPage.objects.filter(pk__in=public_ids, depth=home.depth + 2)
        .order_by("path")
        .defer_streamfields()
        .prefetch_related("situations")
    )
    structure.step_links = load_step_links([step.pk for step in structure.steps])
    structure.info_pages = list(
        InformatiePagina.objects.filter(pk__in=public_ids, depth=home.depth + 1)
        .order_by("path")
        .defer_streamfields()
    )
    pages = [home, *structure.phases, *structure.steps, *structure.info_pages]
    keys = [page.translation_key for page in pages]
    for page in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        structure.translations.setdefault(str(page.translation_key), {})[page.locale.language_code] = (
            page.get_url(request)
        )
    safety_page_id = getattr(structure.settings, "safety_page_id", None)
    if safety_page_id:
        safety = Page.objects.filter(pk=safety_page_id).values_list("translation_key", flat=True).first()
        structure.safety_url = structure.translations.get(str(safety), {}).get(language, "")
    return structure


# Part of the cache key: after a deploy that changes what the structure holds, the new code never unpickles a
# structure the old code cached under the same generation.
_FORMAT = zlib.crc32(" ".join(f.name for f in fields(SiteStructure)).encode())


@dataclass
class StepLinks:
    regelingen: list = field(default_factory=list)
    organisaties: list = field(default_factory=list)


def load_step_links(step_ids) -> dict:
    """The live regulations and organisations linked from these steps, in the editors' order, with their
    situation tags: what the step pages show, in four queries for all steps together."""
    from fases.models import StapOrganisatie, StapRegeling
    from organisaties.models import Organisatie, Regeling

    links = {pk: StepLinks() for pk in step_ids}
    for model, target, card_fields, attribute in (
        (StapRegeling, "regeling", Regeling.CARD_FIELDS, "regelingen"),
        (StapOrganisatie, "organisatie", Organisatie.CARD_FIELDS, "organisaties"),
    ):
        queryset = (
            model.objects.filter(stap_id__in=step_ids, **{f"{target}__live": True})
            .select_related(target)
            .only("id", "note", "sort_order", "stap_id", *(f"{target}__{name}" for name in card_fields))
            .prefetch_related(f"{target}__situations")
            .order_by("stap_id", "sort_order", "id")
        )
        for link in queryset:
            getattr(links[link.stap_id], attribute).append(link)
    return links


def site_structure(request, language: str | None = None) -> SiteStructure:
    """The structure for the request's site and language; memoised on the request, cached between requests."""
    language = language or active_language_code()
    cached = getattr(request, "_wegwijzer_structure", None)
    if cached is not None and cached.language == language:
        return cached
    generation = request_generation(request)
    site = (
        Site.find_for_request(request)
        if request is not None
        else Site.objects.filter(is_default_site=True).first()
    )
    key = f"structure:{_FORMAT}:{generation}:{getattr(site, 'pk', 0)}:{language}"
    # Within one process the structure of the current generation is kept in memory: it never changes (a new
    # generation gets a new key) and requests only read it, so it need not be unpickled on every request.
    structure = _in_process.get(key)
    if structure is None:
        try:
            structure = cache.get(key)
        except Exception:  # without a cache the structure is simply built each time
            structure = None
    if structure is None:
        structure = _build(site, language, request)
        structure.generation = generation
        with contextlib.suppress(Exception):  # without a cache it is simply built again next time
            cache.set(key, structure, TIMEOUT)
    _remember_in_process(generation, key, structure)
    if request is not None:
        request._wegwijzer_structure = structure
    return structure


_in_process: dict = {}


def _remember_in_process(generation, key, structure):
    # While the cache is down the generation is unknown and a publish would go unnoticed: keep nothing then.
    if generation != UNKNOWN_GENERATION and key not in _in_process:
        if len(_in_process) > 8:  # a few languages and sites; older generations are dropped
            _in_process.clear()
        _in_process[key] = structure


def structure_context(request):
    """Context processor: the structure, built or fetched only when a template uses it."""
    from django.utils.functional import SimpleLazyObject

    return {"structure": SimpleLazyObject(lambda: site_structure(request))}
