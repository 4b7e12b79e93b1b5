"""The tags of a synced translation follow its original, in the translation's own language.

Services, audiences and situations are facts about an organisation, regulation or step, not words. wagtail-localize
leaves many-to-many fields out of a synced translation, and its editor (which replaces the edit form of a synced
translation) shows texts only: without this, an English organisation would keep the tags it had when it was first
translated, no editor could change them, and a filter or route in English would disagree with the Dutch one.

So when the original is published, every synced translation of it gets the same tags in its own language (the tag
with the same translation key), and so does a synced translation when it is published from wagtail-localize's
editor. A translation whose sync was stopped is edited in the normal form, with tick boxes in its own language
(organisaties/forms.py), and keeps what its editors tick.
"""

from modelcluster.fields import ParentalManyToManyField
from wagtail.models import TranslatableMixin
from wagtail.signals import page_published, published
from wagtail_localize.models import Translation

from .forms import TAG_FIELDS


def tag_fields(model) -> list:
    return [
        field
        for field in model._meta.get_fields()
        if field.name in TAG_FIELDS
        and isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
    ]


def follow_original_tags(original, translation) -> None:
    """Give ``translation`` the tags of ``original``, each in the translation's language."""
    for field in tag_fields(type(translation)):
        keys = list(getattr(original, field.name).values_list("translation_key", flat=True))
        tags = getattr(translation, field.name)
        tags.set(
            field.related_model.objects.filter(translation_key__in=keys, locale_id=translation.locale_id)
        )
        tags.commit()  # only the relation is written, not the rest of the translation


def _synced_translations(original):
    model = type(original)
    for record in Translation.objects.filter(
        source__object_id=original.translation_key, source__locale_id=original.locale_id, enabled=True
    ):
        translation = model.objects.filter(
            translation_key=original.translation_key, locale_id=record.target_locale_id
        ).first()
        if translation is not None:
            yield translation


def _synced_original(translation):
    record = (
        Translation.objects.filter(
            source__object_id=translation.translation_key,
            target_locale_id=translation.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if record is None:
        return None
    return (
        type(translation)
        .objects.filter(translation_key=translation.translation_key, locale_id=record.source.locale_id)
        .first()
    )


def on_published(sender, instance, **kwargs):
    instance = getattr(instance, "specific", instance)
    if not isinstance(instance, TranslatableMixin) or not tag_fields(type(instance)):
        return
    original = _synced_original(instance)
    if original is not None:
        follow_original_tags(original, instance)
    for translation in _synced_translations(instance):
        follow_original_tags(instance, translation)


def connect() -> None:
    published.connect(on_published, dispatch_uid="organisaties.translated_tags.snippet")
    page_published.connect(on_published, dispatch_uid="organisaties.translated_tags.page")
