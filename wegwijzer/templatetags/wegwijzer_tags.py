"""Site-wide template tags: navigation, breadcrumbs, footer links and the home link per language."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from wegwijzer.i18n import in_active_language

register = template.Library()


@register.simple_tag
def home_url() -> str:
    """The home page of the active language: Dutch at the root, others under their prefix."""
    language = get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    """The four phases. Pages that already built the journey pass it on; other views query the phases once."""
    from fases.models import FasePage

    journey = context.get("journey")
    if journey is not None:
        phases = [entry.page for entry in journey.phases]
    else:
        phases = list(FasePage.objects.live().public().filter(in_active_language()).order_by("path"))
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for phase in phases:
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
    from wegwijzer.models import InformatiePagina

    pages = InformatiePagina.objects.live().public().filter(in_active_language(), show_in_menus=True)
    return {"pages": pages.order_by("path"), "request": context.get("request")}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, trail=()):
    """Home > ... > current. For Wagtail pages from the tree; other views pass their own trail of (url, title)."""
    crumbs = []
    if page is not None and isinstance(page, Page):
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            # The home page is always called "Home" in the trail, whatever its title.
            title = None if ancestor.depth == 2 else ancestor.title
            crumbs.append((ancestor.get_url(context.get("request")), title))
        current_title = page.title
    else:
        crumbs.append((home_url(), None))
        crumbs.extend(trail[:-1])
        current_title = trail[-1][1] if trail else ""
    return {"crumbs": crumbs, "current_title": current_title, "selection": context.get("selection")}


@register.inclusion_tag("includes/search_suggestions.html", takes_context=True)
def search_suggestions(context):
    """Where to go when a search finds nothing: the four phases and the organisation guide."""
    from fases.models import FasePage

    phases = FasePage.objects.live().public().filter(in_active_language()).order_by("path")
    return {"phases": phases, "request": context.get("request")}
