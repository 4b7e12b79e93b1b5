"""The journey through the phases: every live phase with its steps, in tree order, in two queries.

Home, phase and step pages all show (part of) this structure: the main navigation, the numbered steps of a phase,
"step 3 of 6" and previous/next links that continue into the next phase.
"""

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class PhaseEntry:
    page: Page
    steps: list = field(default_factory=list)


@dataclass
class Journey:
    phases: list[PhaseEntry]

    @property
    def steps(self) -> list:
        return [step for phase in self.phases for step in phase.steps]

    def phase_of(self, step) -> PhaseEntry | None:
        for phase in self.phases:
            if any(candidate.pk == step.pk for candidate in phase.steps):
                return phase
        return None

    def neighbours(self, step) -> tuple:
        """The step before and after this one, continuing across phase boundaries."""
        steps = self.steps
        for index, candidate in enumerate(steps):
            if candidate.pk == step.pk:
                previous = steps[index - 1] if index > 0 else None
                following = steps[index + 1] if index + 1 < len(steps) else None
                return previous, following
        return None, None


def build_journey(root_path: str, phase_depth: int) -> Journey:
    """All live, public phases at ``phase_depth`` under the home page at ``root_path``, with their steps."""
    from fases.models import FasePage, StapPage

    phases = [
        PhaseEntry(page)
        for page in FasePage.objects.live()
        .public()
        .filter(path__startswith=root_path, depth=phase_depth)
        .order_by("path")
    ]
    by_path = {phase.page.path: phase for phase in phases}
    steps = (
        StapPage.objects.live()
        .public()
        .filter(path__startswith=root_path, depth=phase_depth + 1)
        .order_by("path")
        .defer_streamfields()
        .prefetch_related("situations")
    )
    for step in steps:
        phase = by_path.get(step.path[: -Page.steplen])
        if phase is not None:
            phase.steps.append(step)
    return Journey(phases)
