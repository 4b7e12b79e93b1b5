"""``{{ path|absolute_url }}``: a path on this site as a full link from the configured site address."""

from django import template

from kern.site_address import absolute_url as site_absolute_url

register = template.Library()


@register.filter
def absolute_url(path) -> str:
    return site_absolute_url(str(path or "/"))
