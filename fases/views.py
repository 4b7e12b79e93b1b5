"""The overview for a conversation: every step that applies to the chosen situation, with who helps, on paper."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kern.i18n import active_language_code
from organisaties.selection import chosen_situations, selection_for_request

from .journey import journey_for
from .models import journey_outline, links_for_steps, split_by_situation


@require_safe
def overzicht(request):
    outline = journey_outline(active_language_code())
    if not outline:
        raise Http404
    selection = selection_for_request(request)
    journey = journey_for(outline, selection)
    step_links = links_for_steps([step.pk for step in journey.steps if step.applies])

    def applying(links, target):
        shown, _hidden = split_by_situation(links, target, selection)
        return shown

    phases = [
        {
            "page": phase.page,
            "steps": [
                {
                    "page": step,
                    "regelingen": applying(step_links[step.pk]["regelingen"], "regeling"),
                    "organisaties": applying(step_links[step.pk]["organisaties"], "organisatie"),
                }
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
