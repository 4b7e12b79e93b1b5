"""Files every public site serves at fixed addresses: /sitemap.xml, /robots.txt, /.well-known/security.txt.

Their links use the configured site address (kern.site_address), never the Host a client sent.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from kern.site_address import absolute_url
from organisaties.models import Organisatie, Regeling


def _live_public_pages(site):
    """Every live, public page in every language under the site's home page and its translations."""
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).live()
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    return pages.live().public().select_related("locale").order_by("locale__language_code", "path")


def _snippet_urls():

    for model, url_name in (
        (Organisatie, "organisaties:organisatie_detail"),
        (Regeling, "organisaties:regeling_detail"),
    ):
        for item in (
            model.objects.filter(live=True).select_related("locale").order_by("locale__language_code", "slug")
        ):
            with translation.override(item.locale.language_code):
                path = reverse(url_name, kwargs={"slug": item.slug})
            yield absolute_url(path), item.last_checked


@require_safe
@cache_control(public=True, max_age=3600)
def sitemap(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    entries = []
    for page in _live_public_pages(site):
        path = page.get_url(request)
        if path:
            entries.append(
                (absolute_url(path), page.last_published_at.date() if page.last_published_at else None)
            )
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            for name in ("organisaties:organisatie_list", "organisaties:regeling_list"):
                entries.append((absolute_url(reverse(name)), None))
    entries.extend(_snippet_urls())
    body = render_to_string("wegwijzer/sitemap.xml", {"entries": entries})
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search and filter results are endless variations of the same pages.
        "Disallow: /zoeken/",
        "Disallow: /en/zoeken/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=86400)
def security_txt(request):
    """RFC 9116, from settings. Without a security contact there is no valid file to serve."""
    config = settings.SECURITY_TXT
    if not config.get("CONTACT"):
        raise Http404("No security contact configured (SECURITY_TXT_CONTACT).")
    expires = config.get("EXPIRES") or (timezone.now() + datetime.timedelta(days=180))
    lines = [f"Contact: {contact}" for contact in config["CONTACT"]]
    lines.append(f"Expires: {expires:%Y-%m-%dT%H:%M:%S.000Z}")
    lines.append(f"Preferred-Languages: {', '.join(code for code, _name in settings.LANGUAGES)}")
    lines.append(f"Canonical: {absolute_url(reverse('security_txt'))}")
    if config.get("POLICY"):
        lines.append(f"Policy: {config['POLICY']}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
