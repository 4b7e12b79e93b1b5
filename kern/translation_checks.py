"""Whether a qualified translator checked the translation a visitor is reading (kern.models.GecontroleerdeVertaling)."""

from wagtail.models import TranslatableMixin

from .models import GecontroleerdeVertaling
from .per_generation import kept


def _checks() -> dict[tuple, object]:
    """(translation_key, locale id) -> when a translator checked it: one query, kept per content generation.

    Recording a check is a visible change (kern's models are public content), so it raises the generation.
    """

    def load():
        rows = GecontroleerdeVertaling.objects.values_list("translation_key", "locale_id", "checked_at")
        return {(key, locale_id): checked_at for key, locale_id, checked_at in rows}

    return kept("translation-checks", load)


def translation_checked(instance) -> bool:
    """True for a translation checked since it was last published. Call it for translations only.

    Views without a single translated item (lists, search) count as unchecked: they show translated texts of
    many items.
    """
    if not isinstance(instance, TranslatableMixin) or instance.pk is None:
        return False
    checked_at = _checks().get((instance.translation_key, instance.locale_id))
    return checked_at is not None and GecontroleerdeVertaling(checked_at=checked_at).is_current_for(instance)


def all_translations_checked(instances) -> bool:
    """False when any of the instances (translations) was not checked since it was last published: the hand-out."""
    return all(translation_checked(instance) for instance in instances)
