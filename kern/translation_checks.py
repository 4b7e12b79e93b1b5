"""Whether a qualified translator checked the translation a visitor is reading (kern.models.GecontroleerdeVertaling)."""

from wagtail.models import TranslatableMixin

from .models import GecontroleerdeVertaling
from .per_generation import kept


def translation_checked(instance) -> bool:
    """True for a translation checked since it was last published (one query). Call it for translations only.

    Views without a single translated item (lists, search) count as unchecked: they show translated texts of
    many items.
    """
    if not isinstance(instance, TranslatableMixin) or instance.pk is None:
        return False
    check = GecontroleerdeVertaling.objects.filter(
        translation_key=instance.translation_key, locale_id=instance.locale_id
    ).first()
    return check is not None and check.is_current_for(instance)


def _all_checks() -> dict[str, dict]:
    """language code -> {translation_key: when a translator checked it}: one query, kept per content generation."""

    def load():
        checks: dict[str, dict] = {}
        rows = GecontroleerdeVertaling.objects.values_list(
            "locale__language_code", "translation_key", "checked_at"
        )
        for language, key, checked_at in rows:
            checks.setdefault(language, {})[key] = checked_at
        return checks

    return kept("translation-checks", load)


def all_translations_checked(instances, language: str) -> bool:
    """False when any of the instances, translations into ``language``, was not checked by a translator since it
    was last published. No query once kept (the hand-out asks for every sheet, so it is kept after the first).
    """
    checks = _all_checks().get(language, {})
    for instance in instances:
        checked_at = checks.get(instance.translation_key)
        if checked_at is None or not GecontroleerdeVertaling(checked_at=checked_at).is_current_for(instance):
            return False
    return True
