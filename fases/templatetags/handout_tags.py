"""Small filters for the route and the hand-out."""

from urllib.parse import urlsplit

from django import template

register = template.Library()

# Longer than this, a web address is no longer something a person types from paper.
SHORT_ADDRESS_LENGTH = 30


@register.filter
def short_address(url: str) -> str:
    """ "https://www.comensha.nl/onze-helpdesk/" -> "comensha.nl": a site's name a person can type; "" if long."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    return host if len(host) <= SHORT_ADDRESS_LENGTH else ""


@register.filter
def dial(phone: str) -> str:
    """The number as a tel: link needs it: without spaces and hyphens."""
    return (phone or "").replace(" ", "").replace("-", "")
