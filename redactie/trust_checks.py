"""What makes a page or snippet untrustworthy for a visitor, told to the editor before they publish it.

A victim acts on a phone number or a right as written here, so the editor is warned (not stopped: a correction may
have to go live at once) when a fact set has no source, an organisation has no way to reach it, the facts were
never checked or their review date has passed, or a link in it did not work at the last link check. The warnings
are shown in the editor when it opens (``before_edit_page`` / ``before_edit_snippet``) and again after publishing.
"""

from django.apps import apps
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def trust_problems(obj, on=None) -> list[str]:
    """Plain sentences for the editor, in the admin's language; empty when nothing is wrong."""

    problems = []
    if _sources_of(obj) is not None and not _sources_of(obj):
        problems.append(
            _("No source: add at least one source (title, web address, what it confirms) on the Review tab.")
        )
    if hasattr(obj, "has_contact_route") and not obj.has_contact_route and not obj.reachability.strip():
        problems.append(
            _(
                "No way to reach this organisation: add a phone number, e-mail address or website, or say under "
                '"How to reach them" how visitors can reach it (e.g. via their municipality).'
            )
        )
    if hasattr(obj, "review_passed") and obj.review_passed(on):
        if obj.last_checked is None:
            problems.append(
                _(
                    "These facts were never checked against their sources; visitors read that they are unchecked."
                )
            )
        else:
            problems.append(
                _("The review date (%(date)s) has passed: check the facts against their sources.")
                % {"date": date_format(obj.review_before)}
            )
    for check in broken_links(urls_of(obj)):
        problems.append(
            _("This link did not work at the last link check (%(status)s): %(url)s")
            % {"status": check.status, "url": check.url}
        )
    return problems


def _sources_of(obj):
    """The source web addresses of a page or snippet with sources, None for content that has none to give."""

    if not hasattr(obj, "bronnen"):
        return None
    urls = [source.url for source in obj.bronnen.all()]
    if getattr(obj, "source_url", ""):
        urls.append(obj.source_url)
    return urls


def urls_of(obj) -> list[str]:
    """The external addresses a visitor may follow from this content: its sources and its website."""

    urls = list(_sources_of(obj) or [])
    if getattr(obj, "website", ""):
        urls.append(obj.website)
    return urls


def broken_links(urls) -> list:
    """The stored results of the link checker (``check_links``) for these addresses that were not OK.

    Integration point: the link checker stores one ``redactie.LinkCheck`` row per URL (fields ``url``, ``status``,
    ``ok``). Where that model is not installed yet, there are no results to read and no link is reported broken.
    """

    if not urls:
        return []
    try:
        link_check = apps.get_model("redactie", "LinkCheck")
    except LookupError:
        return []
    return list(link_check.objects.filter(url__in=set(urls), ok=False).order_by("url"))
