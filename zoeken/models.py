"""What editors keep for the search: words visitors use, and what they mean on this site."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .text import words


@register_snippet
class Synoniem(TranslatableMixin, index.Indexed, models.Model):
    """A word or phrase visitors type, and the site's own words for it, e.g. "papieren" -> "verblijf".

    Every search that contains the word also looks for the terms. Per language, because the words differ.
    """

    term = models.CharField(
        _("word visitors use"),
        max_length=100,
        help_text=_('One word or a short phrase as visitors type it, e.g. "papieren" or "geen papieren".'),
    )
    synonyms = models.CharField(
        _("search also for"),
        max_length=500,
        help_text=_(
            'The words the site uses for it, separated by commas, e.g. "verblijf, verblijfsvergunning".'
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("synonyms")]
    search_fields = [index.SearchField("term"), index.SearchField("synonyms"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.synonyms}"

    def clean(self):
        super().clean()
        if not words(self.term):
            raise ValidationError({"term": _("Enter at least one word.")})
        if not self.terms():
            raise ValidationError({"synonyms": _("Enter at least one word to search for.")})

    def terms(self) -> list[str]:
        """The words to search for too, each a word or phrase."""
        return [" ".join(words(part)) for part in self.synonyms.split(",") if words(part)]
