"""Where to send a visitor back to after they changed the situation: a path on this site, never anywhere else."""

import re

from django.utils.http import url_has_allowed_host_and_scheme

# A plain path: letters, digits and the few signs page addresses use; no query, no fragment, no scheme.
_PLAIN_PATH = re.compile(r"^/[A-Za-z0-9/_\-.~%]{0,200}$")


def local_path(value, fallback: str = "/") -> str:
    """The value when it is a path on this site (e.g. "/beschermen/opvang/"), else the fallback."""
    if (
        isinstance(value, str)
        and _PLAIN_PATH.match(value)
        and not value.startswith("//")
        and url_has_allowed_host_and_scheme(value, allowed_hosts=set())
    ):
        return value
    return fallback
