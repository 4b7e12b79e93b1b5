"""Sources: where each fact set comes from, so a professional can see for every phone number and right who says so.

The abstract ``Source`` is shared; each domain app declares its own concrete, ordered source model with a
ParentalKey to the page or snippet it belongs to (``related_name="bronnen"``), edited as an inline panel.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class Source(Orderable):
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_('Who publishes it and what, e.g. "IND: slachtoffer van mensenhandel".'),
    )
    url = models.URLField(_("web address"), max_length=500)
    confirms = models.CharField(
        _("what it confirms"),
        max_length=500,
        help_text=_("Which facts on this page the source confirms, e.g. the phone number and opening hours."),
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("confirms")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title
