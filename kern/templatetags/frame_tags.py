"""The safety frame on every page: the quick exit and the "Need help now?" block, from the site settings.

base.html keeps both in a fragment cached per content generation, so these queries run once per change.
"""

from django import template

from kern.helplines import remember_helplines
from kern.i18n import active_language_code
from kern.models import Hulplijn, SiteInstellingen

register = template.Library()

DEFAULT_QUICK_EXIT_URL = "https://www.knmi.nl/"


def _settings(request):
    return SiteInstellingen.for_request(request) if request is not None else None


@register.inclusion_tag("includes/quick_exit.html", takes_context=True)
def quick_exit(context):
    request = context.get("request")
    instellingen = _settings(request)
    safety_url = ""
    if instellingen is not None and instellingen.safety_page_id:
        safety_page = instellingen.safety_page.localized
        if safety_page.live:
            safety_url = safety_page.get_url(request)
    return {
        "exit_url": getattr(instellingen, "quick_exit_url", "") or DEFAULT_QUICK_EXIT_URL,
        "safety_url": safety_url,
    }


@register.simple_tag(takes_context=True)
def quick_exit_url(context) -> str:
    instellingen = _settings(context.get("request"))
    return getattr(instellingen, "quick_exit_url", "") or DEFAULT_QUICK_EXIT_URL


@register.inclusion_tag("includes/help_now.html", takes_context=True)
def help_now(context):
    language = active_language_code()
    helplines = list(Hulplijn.objects.filter(locale__language_code=language))
    # The outage page shows these numbers when the database is down.
    remember_helplines(language, helplines)
    return {"instellingen": _settings(context.get("request")), "helplines": helplines}
