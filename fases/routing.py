"""Wagtail's page serving, routed from the cached site structure.

For every page request Wagtail looks up the Site, the active Locale and the home page in that language before it
finds the page itself: three or four queries for facts that only change when an editor publishes. The site
structure (structure.py) already holds the site and each language's home page for the current content generation,
so routing starts from there. The result goes where Wagtail's own view looks first (the per-request cache its
``Page.route_for_request`` keeps), and Wagtail's view then serves the page with its hooks as always.
"""

from django.http import Http404
from wagtail import views as wagtail_views

from .structure import site_structure


def serve(request, path):
    home = site_structure(request).home
    if home is not None and not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = home.route(
                request, [part for part in path.split("/") if part]
            )
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
