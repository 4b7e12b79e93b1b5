"""What editors keep for the search changes what visitors find: a new content generation, like any other edit.

kern.invalidation covers every model of this app (synonyms) by itself; Wagtail's search promotions are no
snippets, so they are connected here.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from kern.invalidation import invalidate


def _invalidate(sender, **kwargs):
    invalidate()


def connect():
    for model in (Query, SearchPromotion):
        for signal in (post_save, post_delete):
            signal.connect(
                _invalidate, sender=model, dispatch_uid=f"zoeken-invalidate-{model.__name__}-{signal!r}"
            )
