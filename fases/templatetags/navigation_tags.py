"""Site-wide template tags: navigation, breadcrumbs, footer links and the home link per language."""

import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from fases.models import FasePage, journey_outline
from kern.i18n import active_language_code, home_path, in_active_language
from kern.models import InformatiePagina
from kern.per_generation import kept
from kern.translation_checks import translation_checked

register = template.Library()

# The tree: the root (1), each language's home page (2), its phases and information pages (3), steps (4).
PHASE_DEPTH = 3


@register.simple_tag
def home_url() -> str:
    """The home page of the active language: Dutch at the root, others under their prefix."""
    return home_path()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    """The phases of the visitor's language, the current one marked (base.html keeps it in a cached fragment)."""
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for phase, _steps in journey_outline(active_language_code()):
        if current_path == phase.path:
            state = "page"
        elif current_path.startswith(phase.path):
            state = "true"  # a step inside this phase
        else:
            state = ""
        items.append((phase, state))
    return {"items": items, "request": context.get("request"), "selection": context.get("selection")}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Information pages that editors marked "show in menus", in tree order."""
    pages = (
        InformatiePagina.objects.live()
        .public()
        .in_menu()
        .filter(in_active_language(), depth=3)
        .order_by("path")
        .defer_streamfields()
    )
    return {"pages": pages, "request": context.get("request")}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, trail=()):
    """Home > ... > current. Pages in the tree get their trail from the journey; other views pass (url, title)s."""
    request = context.get("request")
    crumbs = [(home_url(), None)]
    if isinstance(page, Page):
        phase = context.get("phase")  # may be a lazy object (fases.models.JourneyPlace): test it by truth
        if phase and phase.page.pk != page.pk:
            crumbs.append((phase.page.get_url(request), phase.page.title))
        elif page.depth > PHASE_DEPTH:
            # A page type outside the known tree: ask the database for its ancestors.
            crumbs += [(a.get_url(request), a.title) for a in page.get_ancestors().filter(depth__gt=2)]
        current_title = page.title
    else:
        crumbs.extend(trail[:-1])
        current_title = trail[-1][1] if trail else ""
    return {"crumbs": crumbs, "current_title": current_title, "selection": context.get("selection")}


@register.inclusion_tag("includes/search_suggestions.html", takes_context=True)
def search_suggestions(context):
    """Where to go when a search finds nothing: the four phases and the organisation guide."""
    phases = FasePage.objects.live().public().filter(in_active_language()).order_by("path")
    return {"phases": phases, "request": context.get("request")}


def _language_home(language_code: str) -> str:
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


# A page missing in the chosen language opens in one of these instead, with a notice in the chosen language.
FALLBACK_LANGUAGES = ("en", "nl")
# The municipality chosen elsewhere on the site travels along with the situation when it is a plain slug.
_SLUG = re.compile(r"^[a-z0-9-]{1,80}$")


def _carried_query(context) -> dict:
    """The situation (and municipality) to keep in the URL when switching language."""
    selection = context.get("selection")
    query = dict(selection.values) if selection else {}
    request = context.get("request")
    gemeente = request.GET.get("gemeente", "") if request is not None else ""
    if _SLUG.match(gemeente):
        query["gemeente"] = gemeente
    return query


def _with_query(url: str, query: dict) -> str:
    return f"{url}?{urlencode(query)}" if query else url


def page_translation_urls(page, request) -> dict[str, str]:
    """{language code: URL} of the page's live translations, the page itself included; kept per generation."""
    site = Site.find_for_request(request) if request is not None else None

    def load():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {
            translation.locale.language_code: translation.get_url(request) for translation in translations
        }

    return kept(f"translation-urls:{site.pk if site else ''}:{page.pk}", load)


@register.simple_tag(takes_context=True)
def language_links(context):
    """(code, name, url, exact) for every language, for the switcher and hreflang links.

    A page without a translation links to its English or Dutch version with ``niet_vertaald=<code>``, which shows
    a notice in the chosen language (never a 404). A 404 page (which has ``request_path`` in its context) links
    to each language's home page, without hreflang.

    ``exact`` is false where the link falls back to another language's page or to a home page.
    """

    request = context.get("request")
    cached = getattr(request, "_wegwijzer_language_links", None)
    if cached is not None:
        return cached
    page = context.get("page")
    query = _carried_query(context)
    translations = page_translation_urls(page, request) if isinstance(page, Page) and page.pk else {}
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = translations.get(code)
            exact = url is not None
            if exact:
                url = _with_query(url, query)
            else:
                fallback = next(
                    (translations[other] for other in FALLBACK_LANGUAGES if translations.get(other)), None
                )
                url = (
                    _with_query(fallback, {**query, "niet_vertaald": code})
                    if fallback
                    else _with_query(_language_home(code), query)
                )
        elif request is not None and "request_path" not in context:
            url, exact = _with_query(translate_url(request.path, code), query), True
        else:
            url, exact = _language_home(code), False
        links.append((code, name, url, exact))
    if request is not None:
        request._wegwijzer_language_links = links
    return links


@register.inclusion_tag("includes/translation_notices.html", takes_context=True)
def translation_notices(context):
    """The lines above the content about its language: not checked by a translator, or not translated at all."""
    request = context.get("request")
    missing = request.GET.get("niet_vertaald", "") if request is not None else ""
    languages = dict(settings.LANGUAGES)
    current = get_language() or settings.LANGUAGE_CODE
    if missing not in languages or missing == current:
        missing = ""
    return {
        "missing": missing,
        "missing_bidi": bool(missing) and get_language_info(missing)["bidi"],
        "current": current,
        "missing_name": languages.get(missing, ""),
        "current_name": languages.get(current, ""),
        "unchecked": current != settings.LANGUAGE_CODE
        and not translation_checked(context.get("page") or context.get("object")),
        "dutch_url": _dutch_url(context),
    }


def _dutch_url(context) -> str:
    for code, _name, url, exact in language_links(context):
        if code == settings.LANGUAGE_CODE and exact:
            return url
    return ""
