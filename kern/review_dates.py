"""Review dates: every page and snippet with facts says when it was last checked and when it is due again.

A wrong phone number or an outdated rule can do harm to someone in danger, so facts are checked on a schedule.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.models import Page

REVIEW_INTERVAL = datetime.timedelta(days=182)  # about six months


def today() -> datetime.date:
    return timezone.localdate()


def next_review(checked: datetime.date) -> datetime.date:
    return checked + REVIEW_INTERVAL


class CheckDateField(models.DateField):
    """A date field whose default is today, without making every edit form count as changed.

    Django gives a field with a callable default a hidden copy of its initial value and compares the submitted
    value with that copy. Wagtail's panels do not render the copy, so every save would look like a change: an
    Eindredacteur approving from the edit view would then create a new revision and restart the review. Compared
    with the object's own value instead, an untouched date is unchanged.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"show_hidden_initial": False, **kwargs})


class Reviewable(models.Model):
    last_checked = CheckDateField(
        _("last checked"),
        default=today,
        null=True,
        blank=True,
        help_text=_(
            'The date an editor last verified these facts against their sources. Visitors see it as "Last '
            'checked on". Leave empty if the facts have not been checked yet: visitors then read that they '
            "are still being checked."
        ),
    )
    review_before = models.DateField(
        _("check again before"),
        blank=True,
        null=True,
        help_text=_(
            "Leave empty for six months after the last check. Shown to editors in the review report."
        ),
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last checked by"),
    )
    checked_by_name = models.CharField(
        _("checked by"),
        max_length=200,
        blank=True,
        help_text=_('Who checked the facts, as visitors may read it, e.g. "Redactie Wegwijzer".'),
    )
    to_check = models.TextField(
        _("still to check"),
        blank=True,
        help_text=_(
            "What could not be confirmed yet, for the editors. Not shown to visitors; the review report lists it."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.last_checked and not self.review_before:
            self.review_before = next_review(self.last_checked)
        super().save(*args, **kwargs)

    @property
    def is_checked(self) -> bool:
        """Whether the facts carry a real check date (demo facts that were never confirmed have none)."""
        return self.last_checked is not None

    def review_passed(self, on: datetime.date | None = None) -> bool:
        """Unchecked, or its review date has passed: not to be trusted until someone checks it."""
        return self.last_checked is None or (
            self.review_before is not None and self.review_before < (on or today())
        )


def review_panels(sources=True):
    """The editor's "Review" tab: the sources (an inline of ``bronnen``), who checked and when, what is left."""

    panels = [InlinePanel("bronnen", label=_("Source"), heading=_("Sources"))] if sources else []
    return [
        *panels,
        FieldPanel("last_checked"),
        FieldPanel("checked_by_name"),
        FieldPanel("review_before"),
        FieldPanel("to_check"),
    ]


def page_tabs(content_panels, sources=True):
    """The editor's tabs for a page with review dates: content, review, promote, settings."""

    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(review_panels(sources), heading=_("Review")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )
