"""Admin views of this project that check their own query parameters.

The admin refuses a NUL byte in the query string with a 404 (beveiliging/admin_input.py), because some of
Wagtail's admin views pass parameters to the database unchecked. The project's own admin views that read their
parameters themselves and never pass them on unchecked are marked with ``checks_its_own_query``: they answer bad
input in their own way (e.g. the review report's message about the date format), and ignore what they do not use.
"""

MARK = "checks_its_own_query"


def checks_its_own_query(view):
    setattr(view, MARK, True)
    return view


def view_checks_its_own_query(view) -> bool:
    return getattr(view, MARK, False)
