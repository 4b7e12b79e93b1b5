"""Translations in wagtail-localize: linking translations made outside it, and whether they are behind the Dutch.

Pages and snippets translated before wagtail-localize (or by the demo loader) share the Dutch original's
translation key, but wagtail-localize knows nothing of them. ``link_existing_translation`` records the Dutch text
as the translation source and imports the translated texts as its segment translations, matched segment by
segment. It never rewrites the translated page or snippet, so no text is lost; segments that do not line up stay
"waiting for translation" in wagtail-localize, which is honest. Note that publishing such a translation from
wagtail-localize's editor fills segments still waiting with the Dutch text (its fallback): translate them first.

``translation_state`` tells editors whether the Dutch text changed since the translation was made.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Block and child-object ids differ between an original and a translation built apart from it; a block's type and
# its position among the blocks of that type do not.
_ID = re.compile(r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$")


def block_kinds(instance) -> dict[str, str]:
    """Block id -> block type for every block in the instance's StreamFields (nested ones too)."""
    kinds = {}

    def walk(value):
        if isinstance(value, StreamValue):
            for child in value:
                kinds[str(child.id)] = child.block_type
                walk(child.value)
        elif isinstance(value, ListValue):
            for child in value.bound_blocks:
                if child.id:
                    kinds[str(child.id)] = "item"
                walk(child.value)
        elif isinstance(value, dict):  # a StructValue
            for item in value.values():
                walk(item)

    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            walk(getattr(instance, field.name))
    return kinds


def positional_paths(paths: list[str], kinds: dict[str, str] | None = None) -> list[str]:
    """Each path with its block ids replaced by their position among the blocks of the same type, numbering
    repeats of the same path. Counting per type keeps a callout from being matched with a contact card when a
    translation leaves a block out."""
    kinds = kinds or {}
    positions: dict[tuple, dict[str, int]] = {}
    repeats: dict[str, int] = {}
    result = []
    for path in paths:
        parts = []
        for part in path.split("."):
            if _ID.match(part):
                kind = kinds.get(part, "")
                siblings = positions.setdefault((*parts, kind), {})
                part = f"#{kind}{siblings.setdefault(part, len(siblings))}"
            parts.append(part)
        key = ".".join(parts)
        repeats[key] = repeats.get(key, -1) + 1
        result.append(f"{key}@{repeats[key]}")
    return result


def _specific(instance):
    return instance.specific if isinstance(instance, Page) else instance


def _string_segments(instance) -> list[StringSegmentValue]:
    return [
        segment
        for segment in extract_segments(_specific(instance))
        if isinstance(segment, StringSegmentValue)
    ]


@transaction.atomic
def link_existing_translation(source, target, placeholders=frozenset()) -> Translation:
    """Make ``target`` (a translation of ``source`` with the same translation key) a wagtail-localize translation.

    ``placeholders`` are texts that stand in for a part not translated yet ("the full text is not yet in this
    language"); they are never recorded as the translation of a Dutch segment, which stays waiting."""
    translation_source, _created = TranslationSource.get_or_create_from_instance(_specific(source))
    translation, _created = Translation.objects.get_or_create(
        source=translation_source, target_locale_id=target.locale_id, defaults={"enabled": True}
    )
    source_segments = list(
        StringSegment.objects.filter(source=translation_source)
        .select_related("string", "context")
        .order_by("order")
    )
    target_segments = _string_segments(target)
    translated = dict(
        zip(
            positional_paths([segment.path for segment in target_segments], block_kinds(_specific(target))),
            [segment.string.data for segment in target_segments],
            strict=True,
        )
    )
    now = timezone.now()
    for segment, key in zip(
        source_segments,
        positional_paths(
            [segment.context.path for segment in source_segments], block_kinds(_specific(source))
        ),
        strict=True,
    ):
        text = translated.get(key)
        if text is None or text.strip() in placeholders:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale_id=target.locale_id,
            context=segment.context,
            defaults={"data": text, "translation_type": "manual", "updated_at": now, "has_error": False},
        )
    return translation


# The apps whose pages and snippets editors translate (app module names, not labels).
CONTENT_APPS = ("kern", "fases", "organisaties")


def translatable_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model._meta.app_config.name in CONTENT_APPS
    ]


def link_all_translations(log=None, placeholders=frozenset()) -> int:
    """Link every translation of a Dutch page or snippet that wagtail-localize does not know yet."""
    linked = 0
    for model in translatable_models():
        for target in model.objects.exclude(locale__language_code=settings.LANGUAGE_CODE):
            source = target.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
            if (
                source is None
                or Translation.objects.filter(
                    source__object_id=target.translation_key, target_locale_id=target.locale_id
                ).exists()
            ):
                continue
            link_existing_translation(source, target, placeholders)
            linked += 1
    if log is not None:
        log(f"{linked} translations linked to wagtail-localize.")
    return linked


@dataclass
class TranslationState:
    translation: Translation
    translated: int
    total: int
    source_changed: bool  # the Dutch text differs from the text the translation was made from
    source_changed_at: object  # when the Dutch item was last edited, if it changed

    @property
    def complete(self) -> bool:
        return self.total == self.translated

    @property
    def up_to_date(self) -> bool:
        return self.complete and not self.source_changed


def source_text_changed(translation_source: TranslationSource, instance=None) -> bool:
    """Whether the Dutch item's texts differ from those its translations were made from."""
    instance = instance if instance is not None else translation_source.get_source_instance()
    current = sorted((segment.path, segment.string.data) for segment in _string_segments(instance))
    recorded = sorted(
        StringSegment.objects.filter(source=translation_source).values_list("context__path", "string__data")
    )
    return current != recorded


def translation_state(translation: Translation) -> TranslationState:
    total, translated = translation.get_progress()
    try:
        instance = translation.source.get_source_instance()
    except Exception:  # the Dutch item was deleted: nothing to compare with
        instance = None
    changed = instance is not None and source_text_changed(translation.source, instance)
    changed_at = None
    if changed:
        changed_at = getattr(instance, "latest_revision_created_at", None) or getattr(
            instance, "last_published_at", None
        )
    return TranslationState(translation, translated, total, changed, changed_at)
