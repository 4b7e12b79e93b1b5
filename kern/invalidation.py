"""What makes cached pages stale: any change editors make that visitors can see.

Publishing, unpublishing, moving or deleting a page, and saving, publishing or deleting a snippet, site setting,
site, redirect or page privacy setting, invalidate the whole page cache (see page_cache.py): simple, and always
correct.
"""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .page_cache import invalidate_all


def _invalidate(sender=None, **kwargs):
    invalidate_all()


def _invalidate_on_model_change(sender, **kwargs):
    if _is_visible_content(sender):
        invalidate_all()


def _purge_front_end_cache_for_snippet(sender, instance=None, **kwargs):
    """A snippet appears on many pages: purge every live page (and its own page) from a CDN in front."""

    if (
        not settings.WAGTAILFRONTENDCACHE
        or not _is_visible_content(type(instance))
        or isinstance(instance, Page)
    ):
        return

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    if hasattr(instance, "get_absolute_url"):
        for page in Page.objects.live().filter(depth=2)[:1]:
            batch.add_url(page.get_site().root_url + instance.get_absolute_url())
    batch.purge()


# Every model of these apps is shown on public pages (or decides what they show). Deriving the list from the app
# registry, instead of naming models, means a new model can never be forgotten: a forgotten helpline once kept
# showing an old phone number.
PUBLIC_CONTENT_APPS = {"wegwijzer", "fases", "organisaties"}


def _is_visible_content(model) -> bool:
    if model._meta.app_label in PUBLIC_CONTENT_APPS:
        return True
    return issubclass(model, (Site, Locale, Redirect, Page, PageViewRestriction))


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_invalidate, dispatch_uid=f"wegwijzer-pagecache-{signal!r}")
    for signal in (published, unpublished):
        signal.connect(_purge_front_end_cache_for_snippet, dispatch_uid=f"wegwijzer-cdn-{signal!r}")
    post_save.connect(_invalidate_on_model_change, dispatch_uid="wegwijzer-pagecache-save")
    post_delete.connect(_invalidate_on_model_change, dispatch_uid="wegwijzer-pagecache-delete")
    # A private page's groups are saved after the restriction itself.
    m2m_changed.connect(
        _invalidate,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="wegwijzer-pagecache-restriction-groups",
    )
