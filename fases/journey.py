"""The journey through the phases: every live phase with its steps, in tree order.

Home, phase and step pages all show (part of) this structure: the main navigation, the numbered steps of a phase,
"step 3 of 6" and previous/next links that continue into the next phase. With a situation chosen, steps that do
not apply to it drop out of the numbering and the previous/next chain.
"""

from dataclasses import dataclass, field

from wagtail.models import Page

from organisaties.situations import SituationSelection


@dataclass
class PhaseEntry:
    page: Page
    steps: list = field(default_factory=list)

    @property
    def visible_steps(self) -> list:
        return [step for step in self.steps if step.applies]

    @property
    def hidden_count(self) -> int:
        return len(self.steps) - len(self.visible_steps)


@dataclass
class Journey:
    phases: list[PhaseEntry]
    selection: SituationSelection = field(default_factory=SituationSelection)

    @property
    def steps(self) -> list:
        return [step for phase in self.phases for step in phase.steps]

    def phase_of(self, step) -> PhaseEntry | None:
        for phase in self.phases:
            if any(candidate.pk == step.pk for candidate in phase.steps):
                return phase
        return None

    def _route_through(self, step) -> list:
        """The steps a visitor walks: those that apply, plus the one they are on."""
        return [candidate for candidate in self.steps if candidate.applies or candidate.pk == step.pk]

    def neighbours(self, step) -> tuple:
        """The step before and after this one, continuing across phase boundaries."""
        route = self._route_through(step)
        for index, candidate in enumerate(route):
            if candidate.pk == step.pk:
                previous = route[index - 1] if index > 0 else None
                following = route[index + 1] if index + 1 < len(route) else None
                return previous, following
        return None, None

    def position(self, step) -> tuple[int, int] | tuple[None, None]:
        """("step 3 of 6") within the step's phase, counting only the steps on the visitor's route."""
        phase = self.phase_of(step)
        if phase is None:
            return None, None
        route = [candidate for candidate in phase.steps if candidate.applies or candidate.pk == step.pk]
        number = next(index for index, candidate in enumerate(route, 1) if candidate.pk == step.pk)
        return number, len(route)


def situation_tags(step) -> dict[str, set[str]]:
    """The step's tags per question, as the outline keeps them (read once when the outline is built)."""
    tags = getattr(step, "outline_situation_tags", None)
    return tags if tags is not None else step.situation_slugs()


def journey_for(outline: list, selection: SituationSelection | None = None) -> Journey:
    """The journey from an outline [(phase, [steps])], each step marked as applying to the situation or not."""
    selection = selection or SituationSelection()
    phases = []
    for phase_page, steps in outline:
        phase = PhaseEntry(phase_page)
        for shared_step in steps:
            # The outline is shared between requests and threads: mark a shallow copy, never the shared object.
            # (A plain copy of the attributes: copy.copy goes through pickling's protocol, ten times slower.)
            step = object.__new__(type(shared_step))
            step.__dict__.update(shared_step.__dict__)
            step.applies = selection.matches(situation_tags(shared_step))
            phase.steps.append(step)
        phases.append(phase)
    return Journey(phases, selection)
