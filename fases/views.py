"""The overview for a conversation: every step that applies to the chosen situation, with who helps, on paper."""

from collections import defaultdict

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from organisaties.selection import chosen_situations, selection_for_request
from wegwijzer.structure import site_structure

from .journey import journey_for
from .models import StapOrganisatie, StapRegeling


def _links_by_step(model, target, steps, selection):
    """Live snippet links of these steps that apply to the situation, per step id, in the editor's order."""
    links = (
        model.objects.filter(stap__in=[step.pk for step in steps], **{f"{target}__live": True})
        .select_related(target)
        .prefetch_related(f"{target}__situations")
        .order_by("sort_order")
    )
    grouped = defaultdict(list)
    for link in links:
        if getattr(link, target).matches_situation(selection):
            grouped[link.stap_id].append(link)
    return grouped


@require_safe
def overzicht(request):
    structure = site_structure(request)
    if structure.home is None:
        raise Http404
    selection = selection_for_request(request)
    journey = journey_for(structure, selection)
    steps = [step for step in journey.steps if step.applies]
    regelingen = _links_by_step(StapRegeling, "regeling", steps, selection)
    organisaties = _links_by_step(StapOrganisatie, "organisatie", steps, selection)
    phases = [
        {
            "page": phase.page,
            "steps": [
                {"page": step, "regelingen": regelingen[step.pk], "organisaties": organisaties[step.pk]}
                for step in phase.visible_steps
            ],
        }
        for phase in journey.phases
    ]
    return render(
        request,
        "fases/overzicht.html",
        {
            "phases": phases,
            "chosen": chosen_situations(request),
            "today": timezone.localdate(),
            "trail": [(None, _("Overview for the conversation"))],
        },
    )
