"""The phase tree: HomePage -> FasePage -> StapPage, and the ordered links from steps to the snippets."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from organisaties.selection import selection_for_request
from organisaties.situations import SituationTaggedMixin

from .blocks import InhoudStreamBlock
from .journey import build_journey


class HomePage(Page):
    intro = models.TextField(
        _("introduction"),
        help_text=_(
            "Two or three sentences at the top of the home page: what this site is for and for whom."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["fases.FasePage", "wegwijzer.InformatiePagina"]
    max_count = 1
    page_description = _("The start page: the four phases with their steps.")

    class Meta:
        verbose_name = _("home page")

    def journey(self):
        return build_journey(self.path, self.depth + 1)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["journey"] = self.journey()
        context["selection"] = selection_for_request(request)
        return context


class FasePage(Page):
    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences under the title and in the list of phases."),
    )
    body = StreamField(InhoudStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["fases.HomePage"]
    subpage_types = ["fases.StapPage"]
    page_description = _("A phase of support (e.g. Signaleren) that holds ordered steps.")

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def journey(self):
        return build_journey(self.path[: -self.steplen], self.depth)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        journey = self.journey()
        context["journey"] = journey
        context["phase"] = next((p for p in journey.phases if p.page.pk == self.pk), None)
        context["selection"] = selection_for_request(request)
        return context


class StapPage(SituationTaggedMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One sentence shown in the list of steps on the home and phase pages."),
    )
    body = StreamField(InhoudStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("regeling_links", label=_("Right or regulation"))],
            heading=_("Rights and regulations"),
            help_text=_('Shown under "Rights and regulations" in this order.'),
        ),
        MultiFieldPanel(
            [InlinePanel("organisatie_links", label=_("Organisation"))],
            heading=_("Organisations"),
            help_text=_('Shown under "Organisations" with their contact details, in this order.'),
        ),
        FieldPanel("situations", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["fases.FasePage"]
    subpage_types = []
    page_description = _("A step within a phase, with the rights, regulations and organisations that apply.")

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def journey(self):
        return build_journey(self.path[: -2 * self.steplen], self.depth - 1)

    @cached_property
    def regelingen(self):
        """Links to live regulations, in the editor's order, with the regulation loaded in the same query."""
        return list(
            self.regeling_links.filter(regeling__live=True)
            .select_related("regeling")
            .prefetch_related("regeling__situations")
        )

    @cached_property
    def organisaties(self):
        return list(
            self.organisatie_links.filter(organisatie__live=True)
            .select_related("organisatie")
            .prefetch_related("organisatie__situations")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        journey = self.journey()
        phase = journey.phase_of(self)
        previous_step, next_step = journey.neighbours(self)
        context.update(
            journey=journey,
            phase=phase,
            previous_step=previous_step,
            next_step=next_step,
            step_number=next((i for i, s in enumerate(phase.steps, 1) if s.pk == self.pk), None)
            if phase
            else None,
            selection=selection_for_request(request),
        )
        return context


class StepLink(Orderable):
    """An ordered link from a step to a snippet, with an optional note for this step."""

    note = models.CharField(
        _("note for this step"),
        max_length=255,
        blank=True,
        help_text=_("Optional: one sentence on why it matters at this step. Shown below the item."),
    )

    class Meta(Orderable.Meta):
        abstract = True


class StapRegeling(StepLink):
    stap = ParentalKey(StapPage, on_delete=models.CASCADE, related_name="regeling_links")
    regeling = models.ForeignKey(
        "organisaties.Regeling",
        on_delete=models.CASCADE,
        related_name="stap_links",
        verbose_name=_("right or regulation"),
    )

    panels = [FieldPanel("regeling"), FieldPanel("note")]

    class Meta(StepLink.Meta):
        verbose_name = _("link to a right or regulation")


class StapOrganisatie(StepLink):
    stap = ParentalKey(StapPage, on_delete=models.CASCADE, related_name="organisatie_links")
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.CASCADE,
        related_name="stap_links",
        verbose_name=_("organisation"),
    )

    panels = [FieldPanel("organisatie"), FieldPanel("note")]

    class Meta(StepLink.Meta):
        verbose_name = _("link to an organisation")
