"""Whether a qualified translator checked the translation a visitor is reading (kern.models.GecontroleerdeVertaling)."""

from wagtail.models import TranslatableMixin

from .models import GecontroleerdeVertaling


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
