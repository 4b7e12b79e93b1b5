"""Situation tags and the visitor's chosen situation.

A visitor (or the professional beside them) may say who the help is for: age, origin and residence, gender (where
shelters differ), form of exploitation, whether the victim has reported. The questions and their answers are editors'
data (Situatievraag and Situatie snippets, organisaties/taxonomies.py): each question's slug is its key in the query
string. The choice travels in the query string only (nothing is stored). An item tagged with no answer to a question
applies to everyone, whatever the answer to that question; otherwise it applies when the chosen answer is among its
tags.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

from kern.page_cache import PAGE_CACHE_PARAMETERS

# Query-string keys the site uses for other things: a question may not take one of them as its slug
# (Situatievraag.clean). The page cache's own parameters, those of the route, the hand-out, the situation page, the
# language notices, the API and the admin.
RESERVED_PARAMETERS = frozenset(PAGE_CACHE_PARAMETERS) | {
    "besproken",
    "afgevinkt",
    "tweede_taal",
    "terug",
    "kies",
    "niet_vertaald",
    "taal",
    "paginagrootte",
    "page",
    "per_page",
    "achter",
    "date",
    "format",
    "next",
    "password",
    "csrfmiddlewaretoken",
}


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
        """Tags per question slug; reads the prefetched ``situations`` (with their questions) when prefetched."""
        tags: dict[str, set[str]] = {}
        for situatie in self.situations.all():
            tags.setdefault(situatie.question, set()).add(situatie.slug)
        return tags

    def matches_situation(self, selection: "SituationSelection") -> bool:
        return selection.matches(self.situation_slugs())


@dataclass(frozen=True)
class SituationSelection:
    """The visitor's chosen situation: at most one known answer per question, keyed by the question's slug.

    ``gemeente`` is the CBS code of the municipality the visitor chose for "Help nearby", if any: it travels along
    in ``querystring`` like the situation but is not part of it (an empty situation with a municipality is falsy).
    """

    values: dict[str, str] = field(default_factory=dict)
    gemeente: str = ""

    @classmethod
    def from_query(cls, query, known: dict[str, set[str]]) -> "SituationSelection":
        """Reads the query string, keeping only known questions and answers (``known``: question slug -> answer
        slugs, in the form's order); anything else, and a question given more than once, is ignored."""
        values = {}
        for question, answers in known.items():
            given = query.getlist(question) if hasattr(query, "getlist") else [query.get(question, "")]
            if len(given) == 1 and isinstance(given[0], str) and given[0] in answers:
                values[question] = given[0]
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
