"""Phone numbers in links: ``href="tel:{{ number|dial }}"``, for every number the site shows."""

from django import template

register = template.Library()


@register.filter
def dial(phone: str) -> str:
    """The number as a tel: link needs it: without spaces and hyphens ("0800-2000" -> "08002000")."""
    return (phone or "").replace(" ", "").replace("-", "")
