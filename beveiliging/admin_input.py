"""A NUL byte in an admin address's query string gets a 404 before the view sees it.

PostgreSQL refuses NUL bytes in text, and Wagtail's admin passes some parameters (e.g. ``?locale=`` on snippet
listings) to the database unchecked, which ended in a server error. No admin parameter ever needs a NUL byte;
form fields refuse them with a form error on their own (Django's CharField). The project's own admin views that
check their parameters themselves (kern/admin_query.py) get them, and answer in their own way: the review report
asks for a date as YYYY-MM-DD, the recovery codes page ignores what it does not use.
"""

from django.conf import settings
from django.http import Http404

from kern.admin_query import view_checks_its_own_query


class RefuseNulInAdminQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
            and "\x00" in _query_text(request)
            and not view_checks_its_own_query(view_func)
        ):
            raise Http404("A NUL byte in the query string.")
        return None


def _query_text(request) -> str:
    return "".join(f"{name}{''.join(values)}" for name, values in request.GET.lists())
