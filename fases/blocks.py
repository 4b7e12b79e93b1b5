"""The body of a step: the common blocks plus a part that only shows for some situations.

A step's text is mostly the same for everyone, but some paragraphs apply only to, say, adults from outside the EU
(the COSM shelter) or to labour exploitation (a wage claim). Editors wrap those paragraphs in "Only for ...", so a
victim's route does not carry text that is not about them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from kern.blocks import InhoudStreamBlock
from organisaties.selection import (
    selection_for_request,
    situation_block_choices,
    situation_choices,
    situation_dimensions,
)


class SituationChoiceBlock(blocks.MultipleChoiceBlock):
    """Situations by slug. The stored slugs are read as they are: Wagtail's own reading looks each value up in
    the choices, which for these callable choices would cost a query per value on every page view."""

    def normalize_choice(self, value):
        return None if value is None else str(value)


class AlleenVoorBlock(blocks.StructBlock):
    situations = SituationChoiceBlock(
        label=_("Only for these situations"),
        # A callable: the form reads the editors' current situations, and the migrations hold no list of them.
        choices=situation_block_choices,
        help_text=_(
            "Within one question, any ticked answer is enough; across questions, all must fit. Visitors who "
            "chose no situation see the text with the situations it is for."
        ),
    )
    content = InhoudStreamBlock(label=_("Text"))

    class Meta:
        icon = "user"
        label = _("Only for some situations")
        template = "blocks/alleen_voor_block.html"
        description = _(
            "Text that is shown only when the chosen situation fits, e.g. about a shelter for men."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["applies"], context["chosen"], context["labels"] = situation_fit(value["situations"], request)
        return context


def situation_fit(slugs, request) -> tuple[bool, bool, list[str]]:
    """(the text applies to the chosen situation, a situation is chosen, the names of the situations it is for)."""
    dimensions = situation_dimensions()
    tags: dict[str, set[str]] = {}
    for slug in slugs or []:
        if slug in dimensions:
            tags.setdefault(dimensions[slug], set()).add(slug)
    names = {s.slug: s.name for items in situation_choices().values() for s in items}
    selection = selection_for_request(request)
    return selection.matches(tags), bool(selection), [names[slug] for slug in slugs or [] if slug in names]


class StapInhoudStreamBlock(InhoudStreamBlock):
    alleen_voor = AlleenVoorBlock()
