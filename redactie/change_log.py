"""The public change log: an entry for every publish of a regulation, organisation or step with a change note.

Recorded from Wagtail's ``published`` signal, which fires for pages and snippets alike when a revision goes live
(directly, after workflow approval, or at its scheduled time). The note is then emptied on the live item and on its
revisions, so publishing the next small correction does not repeat it; one entry per revision at most.
"""

from django.utils import timezone, translation
from wagtail.signals import published

from fases.models import StapPage
from organisaties.models import Organisatie, Regeling

from .models import Wijziging

KINDS = {
    Regeling: Wijziging.Kind.REGELING,
    Organisatie: Wijziging.Kind.ORGANISATIE,
    StapPage: Wijziging.Kind.STAP,
}


def public_url(instance) -> str:
    """The item's address on the public site, in its own language (root-relative when there is one site)."""
    with translation.override(instance.locale.language_code):
        if isinstance(instance, StapPage):
            return instance.get_url() or ""
        return instance.get_absolute_url()


def record_change(sender, instance, revision, **kwargs):
    kind = KINDS.get(type(instance))
    note = " ".join((getattr(instance, "public_change_note", "") or "").split())
    if kind is None or not note:
        return
    # The signal also fires when a revision is only scheduled; the entry belongs to the moment it goes live.
    if not instance.live or instance.live_revision_id != revision.pk:
        return
    if Wijziging.objects.filter(revision=revision).exists():
        return
    Wijziging.objects.create(
        published_at=instance.last_published_at or timezone.now(),
        kind=kind,
        title=str(instance.title if isinstance(instance, StapPage | Regeling) else instance.name),
        url=public_url(instance),
        note=note,
        language=instance.locale.language_code,
        revision=revision,
    )
    clear_note(instance, revision)


def clear_note(instance, revision):
    """Empties the note on the live row and on the revisions that carry it (the published one and a newer
    draft), without a new revision: emptying it is bookkeeping, not a content change to review."""
    note = instance.public_change_note
    type(instance).objects.filter(pk=instance.pk).update(public_change_note="")
    instance.public_change_note = ""
    latest = type(instance).objects.filter(pk=instance.pk).values_list("latest_revision", flat=True).first()
    for candidate in revision.__class__.objects.filter(pk__in={revision.pk, latest} - {None}):
        if candidate.content.get("public_change_note") == note:
            candidate.content["public_change_note"] = ""
            candidate.save(update_fields=["content"])


def connect():
    published.connect(record_change, dispatch_uid="redactie_record_change")
