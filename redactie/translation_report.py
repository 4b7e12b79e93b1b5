"""The report "Vertalingen": every translation, whether it is behind the Dutch text, and whether it was checked.

An editor sees at a glance which translations are out of date (the Dutch text changed after the translation was
made), which still wait for texts, and which no qualified translator has checked yet.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail_localize.models import Translation, get_edit_url

from kern.invalidation import invalidate
from kern.models import GecontroleerdeVertaling
from kern.translation_records import TranslationState, source_text_changed


@dataclass
class TranslationRow:
    state: TranslationState
    title: str
    language: str
    edit_url: str
    check: GecontroleerdeVertaling | None
    target: object

    @property
    def checked(self) -> bool:
        return self.check is not None and self.check.is_current_for(self.target)


def translation_rows(language_code: str = "", only_behind: bool = False) -> list[TranslationRow]:
    translations = (
        Translation.objects.filter(enabled=True)
        .select_related("source", "source__locale", "target_locale")
        .order_by("source__object_repr", "target_locale__language_code")
    )
    if language_code:
        translations = translations.filter(target_locale__language_code=language_code)
    checks = {
        (check.translation_key, check.locale_id): check
        for check in GecontroleerdeVertaling.objects.filter(
            Q(locale__in={translation.target_locale_id for translation in translations})
        )
    }
    changed_by_source: dict[int, tuple] = {}
    rows = []
    for translation in translations:
        try:
            target = translation.get_target_instance()
            source = translation.source.get_source_instance()
        except Exception:  # source or translation deleted since: wagtail-localize cleans these up
            continue
        target = getattr(target, "specific", target)
        if translation.source_id not in changed_by_source:
            changed = source_text_changed(translation.source, source)
            changed_at = None
            if changed:
                changed_at = getattr(source, "latest_revision_created_at", None) or getattr(
                    source, "last_published_at", None
                )
            changed_by_source[translation.source_id] = (changed, changed_at)
        changed, changed_at = changed_by_source[translation.source_id]
        total, translated = translation.get_progress()
        state = TranslationState(translation, translated, total, changed, changed_at)
        if only_behind and state.up_to_date:
            continue
        rows.append(
            TranslationRow(
                state=state,
                title=translation.source.object_repr,
                language=translation.target_locale.get_display_name(),
                edit_url=get_edit_url(target) or "",
                check=checks.get((translation.source.object_id, translation.target_locale_id)),
                target=target,
            )
        )
    return rows


def mark_translation_checked(translation: Translation, translator: str, user) -> GecontroleerdeVertaling:
    """Records that a qualified translator checked this translation as it is now published."""
    check, _created = GecontroleerdeVertaling.objects.update_or_create(
        translation_key=translation.source.object_id,
        locale=translation.target_locale,
        defaults={"translator": translator, "checked_at": timezone.now()},
    )
    target = translation.get_target_instance()
    log(
        getattr(target, "specific", target),
        "wegwijzer.translation_checked",
        user=user,
        data={"by": translator},
    )
    # The line "not checked yet" disappears from the published pages.
    invalidate()
    return check
