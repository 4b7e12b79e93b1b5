"""What makes cached pages stale: a change visitors can see, and never a draft.

Which models count is derived, not listed, so that a new model cannot be forgotten (a forgotten helpline model
once kept an old phone number on every page):

* every model of an app whose AppConfig says ``public_content = True`` (kern, fases, organisaties, zoeken),
  every registered snippet and site setting, and Wagtail's pages, sites, locales and page privacy settings;
* pages and snippets with drafts (DraftStateMixin), and the inline rows and tags that belong to them, change
  what visitors see only when they are published, unpublished, moved or deleted: their saves are drafts, which
  the admin also makes by itself while an editor types, and never touch the cache;
* any other such model changes what visitors see when it is saved or deleted.

Each visible change raises the content generation (page_cache.py) at once and again when the transaction
commits, so that no server keeps a page it rendered from the content before the commit.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from .page_cache import raise_generation

WAGTAIL_MODELS_SHOWN = (Page, Site, Locale, PageViewRestriction)


def shown_on_public_pages(model) -> bool:
    if model._meta.apps is not apps:  # a migration's historical model: nothing is served from it yet
        return False
    if getattr(model, "public_content", None) is False:  # a model's own "not content" marker
        return False
    app_config = apps.app_configs.get(model._meta.app_label)
    if getattr(app_config, "public_content", False):
        return True
    if model in get_snippet_models() or model in settings_registry:
        return True
    return issubclass(model, WAGTAIL_MODELS_SHOWN)


def changes_only_when_published(model) -> bool:
    """Pages and snippets with drafts, and rows that are saved as part of one (inline panels)."""
    if issubclass(model, Page | DraftStateMixin):
        return True
    return any(
        isinstance(field, ParentalKey) and changes_only_when_published(field.related_model)
        for field in model._meta.get_fields()
        if field.is_relation and field.many_to_one
    )


def invalidate() -> None:
    raise_generation()
    transaction.on_commit(raise_generation)


def _on_publish(sender, **kwargs):
    invalidate()


def _on_save_or_delete(sender, **kwargs):
    if shown_on_public_pages(sender) and not changes_only_when_published(sender):
        invalidate()


def _on_delete(sender, **kwargs):
    # Deleting is visible at once, drafts or not.
    if shown_on_public_pages(sender):
        invalidate()


def _on_relation_change(sender, instance=None, action="", **kwargs):
    if not action.startswith("post_"):
        return
    owner = type(instance)
    if shown_on_public_pages(owner) and not changes_only_when_published(owner):
        invalidate()


def _purge_front_end_cache_for_snippet(sender, instance=None, **kwargs):
    """A snippet appears on many pages: purge every live page (and its own page) from a CDN in front.

    Wagtail's frontend cache app purges a page itself when it is published."""
    if not settings.WAGTAILFRONTENDCACHE or isinstance(instance, Page):
        return
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    if hasattr(instance, "get_absolute_url"):
        for page in Page.objects.live().filter(depth=2)[:1]:
            batch.add_url(page.get_site().root_url + instance.get_absolute_url())
    batch.purge()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_publish, dispatch_uid=f"wegwijzer-invalidate-{signal!r}")
    for signal in (published, unpublished):
        signal.connect(_purge_front_end_cache_for_snippet, dispatch_uid=f"wegwijzer-cdn-{signal!r}")
    post_save.connect(_on_save_or_delete, dispatch_uid="wegwijzer-invalidate-save")
    post_delete.connect(_on_delete, dispatch_uid="wegwijzer-invalidate-delete")
    m2m_changed.connect(_on_relation_change, dispatch_uid="wegwijzer-invalidate-relations")
