"""A NUL byte in an admin address's query string gets a 404 before any view sees it.

PostgreSQL refuses NUL bytes in text, and Wagtail's admin passes some parameters (e.g. ``?locale=`` on snippet
listings) to the database unchecked, which ended in a server error. No admin parameter ever needs a NUL byte;
form fields refuse them with a form error on their own (Django's CharField).
"""

from django.conf import settings
from django.http import Http404


class RefuseNulInAdminQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(settings.ADMIN_URL_PREFIXES) and "\x00" in _query_text(request):
            raise Http404("A NUL byte in the query string.")
        return self.get_response(request)


def _query_text(request) -> str:
    return "".join(f"{name}{''.join(values)}" for name, values in request.GET.lists())
