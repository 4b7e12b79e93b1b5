"""The public change note: one sentence an editor writes when a change matters to professionals.

When the page or snippet is published with a note, the public change log "Wat is er veranderd" gets an entry
(recorded by the ``redactie`` app) and the note is emptied, so the next publish does not repeat it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class PublicChangeNote(models.Model):
    public_change_note = models.CharField(
        _("public change note"),
        max_length=250,
        blank=True,
        help_text=_(
            "Only when this change matters to professionals, e.g. a new phone number or a changed right: one "
            'sentence for the public list "What has changed", such as "The helpline now answers on weekdays '
            'from 9.00 to 17.00." Leave empty for small corrections. It is shown after publishing and then '
            "emptied, so write a new note for a later change."
        ),
    )

    class Meta:
        abstract = True


CHANGE_NOTE_PANEL = FieldPanel("public_change_note")
