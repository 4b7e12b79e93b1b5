"""Who to call locally: for a municipality and the chosen situation, the help of each region type.

``regional_contacts(gemeente, selection)`` is the one entry point for pages and hand-outs (the answer page "Help
nearby", step pages, the route and the hand-out). It costs six queries whatever the number of municipalities,
regions or organisations (four when given the kept region types, see ``kept_regional_contacts``), and never guesses: a region type without a confirmed region for the municipality is
returned with ``known = False`` and its national fallback (CoMensha, Veilig Thuis 0800-2000, CSG 0800-0188).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from kern.i18n import active_language_code
from kern.per_generation import kept

from .regio_models import Gemeente, OrganisatieRegio, Regio, Regiotype
from .situations import SituationSelection


@dataclass
class RegionalHelp:
    """The help of one region type for one municipality."""

    regiotype: Regiotype
    regio: Regio | None  # the confirmed region that covers the municipality; None when not known
    organisations: list[OrganisatieRegio] = field(default_factory=list)  # most specific first
    hidden_organisations: int = 0  # linked organisations that do not serve the chosen situation

    @property
    def known(self) -> bool:
        return self.regio is not None

    @property
    def sources(self):
        """The sources of what is shown: the region's, or the fallback's when the region is not known."""
        return list((self.regio or self.regiotype).sources.all())

    @property
    def last_checked(self):
        return self.regio.last_checked if self.regio else self.regiotype.last_checked

    @property
    def has_fallback(self) -> bool:
        return not self.known and self.regiotype.has_fallback


def regional_contacts(
    gemeente: Gemeente,
    selection: SituationSelection | None = None,
    regiotype_ids=None,
    sources=True,
    regiotypes=None,
) -> list[RegionalHelp]:
    """The help of every region type (or only those in ``regiotype_ids``) for the municipality, in the editors'
    order of the types; per type the organisations that serve the region for the chosen situation, those meant
    for exactly that situation first.

    For a page:
        lookup = lookup_for_request(request)
        if lookup and lookup.gemeente:
            for help in regional_contacts(lookup.gemeente, selection_for_request(request)): ...
    The route and the hand-out use ``kept_regional_contacts``, which keeps the answer.
    """
    selection = selection or SituationSelection()
    if regiotypes is None:
        regiotypes = Regiotype.objects.prefetch_related("sources")
        if regiotype_ids is not None:
            regiotypes = regiotypes.filter(pk__in=regiotype_ids)
    elif regiotype_ids is not None:
        regiotypes = [regiotype for regiotype in regiotypes if regiotype.pk in set(regiotype_ids)]
    links = (
        OrganisatieRegio.objects.filter(
            organisatie__live=True, organisatie__locale__language_code=active_language_code()
        )
        .select_related("organisatie")
        .prefetch_related("situations")
        .order_by("sort_order", "pk")
    )
    regios = {
        regio.regiotype_id: regio
        for regio in Regio.objects.covering(gemeente).prefetch_related(
            *(["sources"] if sources else []),
            Prefetch("organisatie_links", queryset=links, to_attr="live_links"),
        )
    }
    result = []
    for regiotype in regiotypes:
        regio = regios.get(regiotype.pk)
        shown, hidden = _for_situation(regio.live_links if regio else [], selection)
        result.append(RegionalHelp(regiotype, regio, shown, hidden))
    return result


def all_regiotypes() -> list[Regiotype]:
    """Every region type with its fallback's sources, in the editors' order: the same for every municipality, so
    kept per content generation (two queries once)."""
    return kept("regiotypes", lambda: list(Regiotype.objects.prefetch_related("sources")))


def kept_regional_contacts(
    gemeente: Gemeente, selection: SituationSelection | None = None, sources=True
) -> list[RegionalHelp]:
    """``regional_contacts`` of every region type, kept per content generation, language, municipality and
    situation: the route and the hand-out of a conversation are opened again and again for the same choice.
    ``sources=False`` (paper) leaves out the regions' sources."""
    selection = selection or SituationSelection()
    situation = ",".join(f"{key}={value}" for key, value in sorted(selection.values.items()))
    return kept(
        f"regional-contacts:{active_language_code()}:{gemeente.code}:{situation}:{int(sources)}",
        lambda: regional_contacts(gemeente, selection, sources=sources, regiotypes=all_regiotypes()),
    )


def _for_situation(links, selection: SituationSelection):
    """(links that serve the chosen situation, tagged ones first; how many do not)."""
    if not selection:
        return list(links), 0
    tagged, general = [], []
    for link in links:
        tags = link.situation_slugs()
        if not selection.matches(tags):
            continue
        specific = any(tags.get(dimension) for dimension in selection.values)
        (tagged if specific else general).append(link)
    shown = tagged + general
    return shown, len(links) - len(shown)


def regiotypes_served_by(organisatie_ids) -> set[int]:
    """The region types in which these organisations serve a region: a step shows only those (one query)."""
    return set(
        Regio.objects.filter(organisatie_links__organisatie_id__in=list(organisatie_ids)).values_list(
            "regiotype_id", flat=True
        )
    )
