"""Situation tags and the visitor's chosen situation.

A visitor (or the professional beside them) may say who the help is for: age, origin and residence, gender (where
shelters differ), form of exploitation, and whether the victim has reported. The answers to each question are
editors' data (Situatie snippets); the questions themselves are listed here, because each one is a query-string key
that links, tests and the page cache rely on, and because adding a question means deciding how every step is tagged
for it, which is an editorial decision made together with a developer. The choice travels in the query string only (nothing is stored). An item tagged with no situation in
a dimension applies to everyone in that dimension; otherwise it applies when the chosen value is among its tags.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

# The questions in the order the form asks them; Situatie.Dimension gives each its label.
DIMENSIONS = ("leeftijd", "herkomst", "geslacht", "uitbuiting", "aangifte")


class SituationTaggedMixin(models.Model):
    situations = ParentalManyToManyField(
        "organisaties.Situatie",
        blank=True,
        related_name="+",
        verbose_name=_("applies to situations"),
        help_text=_(
            "Tick only when this applies to some situations and not to others. Nothing ticked in a category "
            "means it applies to everyone."
        ),
    )

    class Meta:
        abstract = True

    def situation_slugs(self) -> dict[str, set[str]]:
        """Tags per dimension; reads the prefetched ``situations`` when the caller prefetched them."""
        tags: dict[str, set[str]] = {}
        for situatie in self.situations.all():
            tags.setdefault(situatie.dimension, set()).add(situatie.slug)
        return tags

    def matches_situation(self, selection: "SituationSelection") -> bool:
        return selection.matches(self.situation_slugs())


@dataclass(frozen=True)
class SituationSelection:
    """The visitor's chosen situation: at most one known value per dimension.

    ``gemeente`` is the CBS code of the municipality the visitor chose for "Help nearby", if any: it travels along
    in ``querystring`` like the situation but is not part of it (an empty situation with a municipality is falsy).
    """

    values: dict[str, str] = field(default_factory=dict)
    gemeente: str = ""

    @classmethod
    def from_query(cls, query, known: dict[str, set[str]]) -> "SituationSelection":
        """Reads the query string, keeping only known dimensions and values; anything else is ignored."""
        values = {}
        for dimension in DIMENSIONS:
            value = query.get(dimension, "")
            if isinstance(value, str) and value in known.get(dimension, set()):
                values[dimension] = value
        return cls(values)

    def __bool__(self) -> bool:
        return bool(self.values)

    def matches(self, tags: dict[str, set[str]]) -> bool:
        return all(
            not tags.get(dimension) or value in tags[dimension] for dimension, value in self.values.items()
        )

    @property
    def querystring(self) -> str:
        """``?leeftijd=...`` (and ``gemeente=``) to carry the choice to the next page, or an empty string."""
        params = {**self.values, "gemeente": self.gemeente} if self.gemeente else self.values
        return f"?{urlencode(params)}" if params else ""
