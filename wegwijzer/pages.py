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
