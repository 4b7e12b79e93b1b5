"""A victim's route: the steps that apply to the chosen situation, across the four phases, with who to call first.

The route page ("Your route") and the hand-out (/overzicht/) both show it. It is built from querysets for one
request (a handful of queries, however many steps there are), and nothing of it is stored: the situation and the
ticks "discussed" come from the query string and go back into links only.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from wagtail.models import Page

from kern.per_generation import kept
from organisaties.situations import SituationSelection

from .handout import discreet_label, mentions_discreet_word
from .models import FasePage, HomePage, StapOrganisatie, StapPage, StapRegeling

# A hand-out must fit on two sheets: at most this many organisations under "Who can help you".
MAX_CONTACTS = 8
# Ticks beyond the number of steps there are cannot be real; longer lists are cut off unread.
MAX_TICKS = 100


@dataclass
class RouteStep:
    page: StapPage
    phase: FasePage
    # The links (with the editors' note for this step) whose snippet applies to the situation, in their order.
    regeling_links: list = field(default_factory=list)
    organisatie_links: list = field(default_factory=list)

    @property
    def regelingen(self) -> list:
        return [link.regeling for link in self.regeling_links]

    @property
    def organisaties(self) -> list:
        return [link.organisatie for link in self.organisatie_links]

    @property
    def first_contact(self):
        """The organisation to contact first: the first that applies and can be phoned, else the first at all."""
        return next(
            (o for o in self.organisaties if o.phone), self.organisaties[0] if self.organisaties else None
        )

    @property
    def handout_title(self) -> str:
        """The title on a discreet hand-out: the editors' hand-out title, else the page title if it may be printed."""
        title = self.page.discreet_title
        return "" if mentions_discreet_word(title) else title

    @property
    def handout_text(self) -> str:
        """What the hand-out says to the victim: the editors' hand-out text, else the summary if it may be printed."""
        text = self.page.handout_text or self.page.summary
        return "" if mentions_discreet_word(text) else text


@dataclass
class RoutePhase:
    page: FasePage
    steps: list = field(default_factory=list)


@dataclass
class TimeLimit:
    regeling: object
    step: RouteStep


@dataclass
class Route:
    selection: SituationSelection
    phases: list = field(default_factory=list)
    total: int = 0  # steps on the whole site, before the situation left some out

    @property
    def steps(self) -> list[RouteStep]:
        return [step for phase in self.phases for step in phase.steps]

    @property
    def left_out(self) -> int:
        return self.total - len(self.steps)

    @property
    def time_limits(self) -> list[TimeLimit]:
        """Each regulation with a time limit, once, at the first step of the route that links to it."""
        seen, limits = set(), []
        for step in self.steps:
            for regeling in step.regelingen:
                if regeling.time_limit and regeling.pk not in seen:
                    seen.add(regeling.pk)
                    limits.append(TimeLimit(regeling, step))
        return limits

    @property
    def contacts(self) -> list:
        """The first organisation of each step, each once, in route order: who the victim can call."""
        seen, contacts = set(), []
        for step in self.steps:
            contact = step.first_contact
            if contact is not None and contact.pk not in seen:
                seen.add(contact.pk)
                contacts.append(contact)
        return contacts[:MAX_CONTACTS]

    @property
    def discreet_contacts(self) -> list[tuple]:
        """(organisation, name to print) for a discreet hand-out."""
        return [(o, discreet_label(o.discreet_name or o.name)) for o in self.contacts]

    def ticked(self, values) -> set[int]:
        """The steps of this route among the ticks in the query string; anything else is ignored."""
        known = {step.page.pk for step in self.steps}
        ticked = set()
        for value in list(values)[:MAX_TICKS]:
            if isinstance(value, str) and value.isdigit() and len(value) < 12 and int(value) in known:
                ticked.add(int(value))
        return ticked


def route_material(language: str) -> list | None:
    """[(phase, [(step, regeling links, organisatie links)])]: every live, public phase and step of a language with
    its live links and their situation tags; None without a live home page. The same for every situation, so it is
    kept per content generation (nine queries once, none after)."""
    return kept(f"route-material:{language}", lambda: _load_material(language))


def _load_material(language: str) -> list | None:
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    if home is None:
        return None
    public = Page.objects.live().public().descendant_of(home).values("pk")
    phases = {
        phase.path: (phase, [])
        for phase in FasePage.objects.filter(pk__in=public, depth=home.depth + 1).order_by("path")
    }
    steps = (
        StapPage.objects.filter(pk__in=public, depth=home.depth + 2)
        .order_by("path")
        .defer_streamfields()
        .prefetch_related(
            "situations",
            Prefetch(
                "regeling_links",
                queryset=StapRegeling.objects.filter(regeling__live=True)
                .select_related("regeling")
                .prefetch_related("regeling__situations")
                .order_by("sort_order", "id"),
            ),
            Prefetch(
                "organisatie_links",
                queryset=StapOrganisatie.objects.filter(organisatie__live=True)
                .select_related("organisatie")
                .prefetch_related("organisatie__situations")
                .order_by("sort_order", "id"),
            ),
        )
    )
    for step in steps:
        phase = phases.get(step.path[: -Page.steplen])
        if phase is not None:  # a step under a phase that is not live or not public is left out
            phase[1].append((step, list(step.regeling_links.all()), list(step.organisatie_links.all())))
    return list(phases.values())


def build_route(language: str, selection: SituationSelection) -> Route | None:
    """The route through the live, public phases and steps of a language, for the chosen situation; None when the
    language has no live home page."""
    material = route_material(language)
    if material is None:
        return None
    route = Route(selection)
    for phase_page, steps in material:
        phase = RoutePhase(phase_page)
        for step, regeling_links, organisatie_links in steps:
            route.total += 1
            if not selection.matches(step.situation_slugs()):
                continue
            phase.steps.append(
                RouteStep(
                    page=step,
                    phase=phase_page,
                    regeling_links=[
                        link for link in regeling_links if link.regeling.matches_situation(selection)
                    ],
                    organisatie_links=[
                        link for link in organisatie_links if link.organisatie.matches_situation(selection)
                    ],
                )
            )
        route.phases.append(phase)
    return route
