"""Absolute links to this site from its configured address (settings.SITE_URL).

Canonical links, hreflang alternates, Open Graph, the sitemap, robots.txt, security.txt and the printable
hand-out name the site's address. The request's Host, port and scheme are chosen by the client (and pages are
cached and shared between visitors), so they never go into a link.
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` on this site, e.g. "/beschermen/" -> "https://wegwijzermensenhandel.nl/beschermen/".

    A full URL from configured content (a Wagtail Site's root_url) stays as it is; a path that starts with "//"
    stays on this site instead of becoming a link to another host.
    """
    if path.startswith(("https://", "http://")):
        return path
    return f"{settings.SITE_URL.rstrip('/')}/{path.lstrip('/')}"
