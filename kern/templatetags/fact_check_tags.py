"""The block under a page's, organisation's or regulation's facts: its sources and who last checked them."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/fact_check.html")
def fact_check(item):
    """``{% fact_check page %}``: anything with ``bronnen`` (kern.sources) and the review fields (kern.review_dates).

    A regulation also names its official source (``source_url``, ``source_title``); it is listed first.
    """
    return {
        "sources": item.bronnen.all(),
        "checked_on": item.last_checked,
        "checked_by": item.checked_by_name,
        "official_url": getattr(item, "source_url", ""),
        "official_title": getattr(item, "source_title", ""),
    }
