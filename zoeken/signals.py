"""What editors keep for the search changes what visitors find: a new content generation, like any other edit.

kern.invalidation covers the domain apps; synonyms and promoted results live here and in Wagtail's search
promotions, so they are connected here.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from kern.page_cache import invalidate_all

from .models import Synoniem


def _invalidate(sender, **kwargs):
    invalidate_all()


def connect():
    for model in (Synoniem, Query, SearchPromotion):
        for signal in (post_save, post_delete):
            signal.connect(
                _invalidate, sender=model, dispatch_uid=f"zoeken-invalidate-{model.__name__}-{signal!r}"
            )
