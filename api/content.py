"""The only content the open data API may read: live, public, in one language.

Drafts never show: a draft of a live page or snippet lives in its revisions, and only the live fields of the row are
read here. Unpublished snippets (``live=False``) and pages that are unpublished or behind a view restriction (on
themselves or an ancestor) are left out. Editors' data (who checked, revisions, workflow) is never selected.
"""

from django.db.models import Prefetch

from fases.models import FasePage, StapOrganisatie, StapPage, StapRegeling
from organisaties.models import Organisatie, OrganisatieRegio, Regeling, Regio


def _in(language: str) -> dict:
    return {"locale__language_code": language}


def organisaties(language: str):
    return (
        Organisatie.objects.filter(live=True, **_in(language))
        .prefetch_related("services", "audiences", "situations", "bronnen")
        .order_by("name")
    )


def regelingen(language: str):
    return (
        Regeling.objects.filter(live=True, **_in(language))
        .prefetch_related("situations", "bronnen")
        .order_by("title")
    )


def fases(language: str):
    return (
        FasePage.objects.live().public().filter(**_in(language)).order_by("path").prefetch_related("bronnen")
    )


def stappen(fase: FasePage):
    """The live, public steps of a phase in tree order, with their links to live snippets only."""
    return (
        StapPage.objects.child_of(fase)
        .live()
        .public()
        .order_by("path")
        .prefetch_related(
            "situations",
            "bronnen",
            Prefetch(
                "regeling_links",
                queryset=StapRegeling.objects.filter(regeling__live=True)
                .select_related("regeling")
                .order_by("sort_order"),
            ),
            Prefetch(
                "organisatie_links",
                queryset=StapOrganisatie.objects.filter(organisatie__live=True)
                .select_related("organisatie")
                .order_by("sort_order"),
            ),
            "regeling_links__regeling__situations",
            "organisatie_links__organisatie__situations",
        )
    )


def regios(language: str):
    """Every region (confirmed or still to be checked, as on the website's region pages) with its municipalities,
    sources and the live organisations of the language that serve it."""
    return (
        Regio.objects.select_related("regiotype")
        .prefetch_related(
            "sources",
            "gemeenten",
            Prefetch(
                "organisatie_links",
                queryset=OrganisatieRegio.objects.filter(organisatie__live=True, **_prefixed(language))
                .select_related("organisatie")
                .order_by("organisatie__name"),
            ),
            "organisatie_links__situations",
        )
        .order_by("regiotype__sort_order", "name")
    )


def _prefixed(language: str) -> dict:
    return {"organisatie__locale__language_code": language}
