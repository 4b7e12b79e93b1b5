"""Behaviour every public page type shares."""

from django.http import HttpResponseNotAllowed


class ReadOnlyPageMixin:
    """Pages are read, never written to: anything but GET and HEAD is refused with 405, as the other views do.

    (Wagtail would otherwise render the page for a POST or DELETE that passes the CSRF check.)
    """

    def serve(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().serve(request, *args, **kwargs)


class KnownViewRestrictionsMixin:
    """Wagtail checks a page's view restrictions (private pages) with two queries per request; the site's few
    restrictions are kept per content generation instead (see structure.view_restrictions)."""

    def get_view_restrictions(self):
        from .structure import view_restrictions

        known = view_restrictions()
        if known is None:  # the site has aliases: Wagtail's own lookup follows them to their source
            return super().get_view_restrictions()
        return [restriction for path, restriction in known if self.path.startswith(path)]


class KnownUrlMixin:
    """Pages in the cached site structure carry their address, worked out once per content generation.

    The navigation, step lists and previous/next links show some twenty page links on every page; Wagtail works
    out each address anew. A page from the structure remembers the address it has on the structure's site
    (structure.py sets it), and answers with it for requests to that same site.
    """

    def remember_url(self, site, request):
        self._known_url = (site.pk, self.get_url(request))

    def get_url(self, request=None, current_site=None):
        known = getattr(self, "_known_url", None)
        if known is not None and request is not None and current_site is None:
            site = getattr(request, "_wagtail_site", None)
            if site is not None and site.pk == known[0]:
                return known[1]
        return super().get_url(request, current_site)


class PublicPageMixin(ReadOnlyPageMixin, KnownViewRestrictionsMixin, KnownUrlMixin):
    """Everything above, for every public page type."""
