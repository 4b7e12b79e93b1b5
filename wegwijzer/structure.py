"""The site's structure for one language, built once per content change and shared by every request.

Every page shows the same frame: the four phases in the navigation, the steps of a phase, the footer's information
pages, the help block and quick exit from the site settings, and links to the same page in other languages.
Building that takes about eight queries; caching it under the content generation (see page_cache.py) keeps every
page within a small, fixed query budget. Any publish, unpublish, move, delete or settings change bumps the
generation, so the structure is rebuilt at once, on every server.
"""

import contextlib
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Page, Site

from wegwijzer.i18n import active_language_code

from .health import remember_helplines
from .page_cache import current_generation

TIMEOUT = 24 * 60 * 60


@dataclass
class SiteStructure:
    language: str
    home: Page | None = None
    phases: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    info_pages: list = field(default_factory=list)
    settings: object = None
    safety_url: str = ""
    translations: dict = field(default_factory=dict)  # translation_key -> {language code: url}
    situations: dict = field(default_factory=dict)  # dimension -> [Situatie], for the situation filter
    helplines: list = field(default_factory=list)

    @property
    def menu_pages(self) -> list:
        return [page for page in self.info_pages if page.show_in_menus]


def _build(site, language: str, request) -> SiteStructure:
    from django.db.models import Q

    from fases.models import FasePage, HomePage, StapPage
    from organisaties.selection import load_situation_choices
    from wegwijzer.models import Hulplijn, InformatiePagina, SiteInstellingen

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
    structure.info_pages = list(
        InformatiePagina.objects.filter(pk__in=public_ids, depth=home.depth + 1)
        .order_by("path")
        .defer_streamfields()
    )
    keys = [
        page.translation_key for page in [home, *structure.phases, *structure.steps, *structure.info_pages]
    ]
    for page in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        structure.translations.setdefault(str(page.translation_key), {})[page.locale.language_code] = (
            page.get_url(request)
        )
    safety_page_id = getattr(structure.settings, "safety_page_id", None)
    if safety_page_id:
        safety = Page.objects.filter(pk=safety_page_id).values_list("translation_key", flat=True).first()
        structure.safety_url = structure.translations.get(str(safety), {}).get(language, "")
    return structure


def site_structure(request, language: str | None = None) -> SiteStructure:
    """The structure for the request's site and language; memoised on the request, cached between requests."""
    language = language or active_language_code()
    cached = getattr(request, "_wegwijzer_structure", None)
    if cached is not None and cached.language == language:
        return cached
    site = (
        Site.find_for_request(request)
        if request is not None
        else Site.objects.filter(is_default_site=True).first()
    )
    key = f"structure:{current_generation()}:{getattr(site, 'pk', 0)}:{language}"
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
        with contextlib.suppress(Exception):  # without a cache it is simply built again next time
            cache.set(key, structure, TIMEOUT)
    _remember_in_process(key, structure)
    if request is not None:
        request._wegwijzer_structure = structure
    return structure


_in_process: dict = {}


def _remember_in_process(key, structure):
    if key not in _in_process:
        if len(_in_process) > 8:  # a few languages and sites; older generations are dropped
            _in_process.clear()
        _in_process[key] = structure


def structure_context(request):
    """Context processor: the structure, built or fetched only when a template uses it."""
    from django.utils.functional import SimpleLazyObject

    return {"structure": SimpleLazyObject(lambda: site_structure(request))}
