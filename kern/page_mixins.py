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
