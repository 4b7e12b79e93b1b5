"""The active content language as a query filter, without a query of its own.

``Locale.get_active()`` costs a database query every time; filtering on the locale's language code through the
join is free, which keeps every page within its query budget.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant


def active_language_code() -> str:
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def in_active_language() -> Q:
    return Q(locale__language_code=active_language_code())


def home_path() -> str:
    """The home page of the active language: Dutch at the root, others under their prefix."""
    language = get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
