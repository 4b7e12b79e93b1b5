"""The phase tree: HomePage -> FasePage -> StapPage, and the ordered links from steps to the snippets."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from kern.blocks import EntryPointBlock, InhoudStreamBlock
from kern.page_mixins import ReadOnlyPageMixin
from kern.review_dates import Reviewable, page_tabs
from organisaties.selection import selection_for_request
from organisaties.situations import SituationTaggedMixin

from .blocks import StapInhoudStreamBlock
from .handout import DISCREET_WORDS, mentions_discreet_word


class HomePage(ReadOnlyPageMixin, Page):
    intro = models.TextField(
        _("introduction"),
        help_text=_(
            "Two or three sentences at the top of the home page: what this site is for and for whom."
        ),
    )

    entry_points = StreamField(
        [("entry_point", EntryPointBlock())],
        blank=True,
        max_num=4,
        verbose_name=_("starts per audience"),
        help_text=_("Where professionals, victims and worried citizens begin. Shown under the introduction."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("entry_points")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["fases.FasePage", "wegwijzer.InformatiePagina"]
    max_count = 1
    page_description = _("The start page: the four phases with their steps.")

    class Meta:
        verbose_name = _("home page")

    def journey(self, request=None):
        return _journey(self, request)

    def route(self, request, path_components):
        """Finds the page a path names in one query for the known page types.

        Wagtail's default routing walks the tree one level at a time, two queries per level. Phases, steps and
        information pages sit at known depths, so they are looked up directly by their URL path; anything else
        (a page type added later) still goes through the default routing.
        """
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            candidates = {1: ("fases.FasePage", "wegwijzer.InformatiePagina"), 2: ("fases.StapPage",)}
            for label in candidates.get(len(path_components), ()):
                model = apps.get_model(label)
                page = model.objects.filter(url_path=url_path, locale_id=self.locale_id).first()
                if page is not None:
                    if not page.live:
                        raise Http404
                    return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["journey"] = self.journey(request)
        return context


class FasePage(ReadOnlyPageMixin, Reviewable, Page):
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

    def journey(self, request=None):
        return _journey(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        journey = self.journey(request)
        context["journey"] = journey
        context["phase"] = next((p for p in journey.phases if p.page.pk == self.pk), None)
        return context


class StapPage(ReadOnlyPageMixin, Reviewable, SituationTaggedMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One sentence shown in the list of steps on the home and phase pages."),
    )
    body = StreamField(StapInhoudStreamBlock(), blank=True, verbose_name=_("body"))
    handout_title = models.CharField(
        _("title on the hand-out"),
        max_length=120,
        blank=True,
        help_text=_(
            "Only when the page title says what it is about (e.g. contains the word human trafficking): a title "
            "for the paper a victim takes home. Leave empty to use the page title."
        ),
    )
    handout_text = models.TextField(
        _("text on the hand-out"),
        max_length=400,
        blank=True,
        help_text=_(
            'One or two short sentences to the victim, with "you", in plain words: what this step means for '
            "them. Printed on the hand-out; it must not contain the word human trafficking."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("handout_title"), FieldPanel("handout_text")],
            heading=_("On the hand-out"),
            help_text=_("What a victim reads about this step on the printed hand-out they may take home."),
        ),
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
    edit_handler = page_tabs(content_panels)
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

    def journey(self, request=None):
        return _journey(self, request)

    def clean(self):
        """The hand-out texts may not hold the words; a page title that does is simply left off the discreet
        hand-out (see route.RouteStep.handout_title), so it never stops an editor from publishing."""
        super().clean()
        errors = {}
        for name in ("handout_title", "handout_text"):
            if mentions_discreet_word(getattr(self, name)):
                errors[name] = _("Leave out the words %(words)s: the hand-out may be found at home.") % {
                    "words": ", ".join(DISCREET_WORDS)
                }
        if errors:
            raise ValidationError(errors)

    @property
    def discreet_title(self) -> str:
        return self.handout_title or self.title

    def regelingen(self, selection=None, request=None):
        """Links to live regulations in the editor's order, split into those that apply and the rest."""
        return self._links("regelingen", "regeling_links", "regeling", selection, request)

    def organisaties(self, selection=None, request=None):
        """Links to live organisations in the editor's order, split into those that apply and the rest."""
        return self._links("organisaties", "organisatie_links", "organisatie", selection, request)

    def _links(self, kind, relation, target, selection, request):
        known = self._known_links(request)
        if known is not None:
            return split_by_situation(getattr(known, kind), target, selection)
        links = getattr(self, relation).filter(**{f"{target}__live": True}).select_related(target)
        if selection:
            links = links.prefetch_related(f"{target}__situations")
        return split_by_situation(list(links), target, selection)

    def _known_links(self, request):
        """The links of the published step, from the cached site structure; None for a preview (which shows the
        links in the editor's form) or a step outside the structure (e.g. a private one)."""
        if request is None or getattr(request, "is_preview", False):
            return None
        from fases.structure import site_structure

        return site_structure(request).step_links.get(self.pk)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        journey = self.journey(request)
        selection = selection_for_request(request)
        previous_step, next_step = journey.neighbours(self)
        step_number, step_total = journey.position(self)
        regelingen, hidden_regelingen = self.regelingen(selection, request)
        organisaties, hidden_organisaties = self.organisaties(selection, request)
        phase = journey.phase_of(self)
        in_journey = next((step for step in journey.steps if step.pk == self.pk), None)
        context.update(
            journey=journey,
            phase=phase,
            previous_step=previous_step,
            next_step=next_step,
            step_number=step_number,
            step_total=step_total,
            applies=in_journey.applies
            if in_journey is not None
            else selection.matches(self.situation_slugs()),
            regelingen=regelingen,
            hidden_regelingen=hidden_regelingen,
            organisaties=organisaties,
            hidden_organisaties=hidden_organisaties,
        )
        return context


def _journey(page, request):
    """The journey of the page's own language (a preview may show a page in another language than the admin)."""
    from fases.structure import site_structure

    language = page.locale.language_code if request is None or getattr(request, "is_preview", False) else None
    structure = site_structure(request, language)
    return structure.journey(selection_for_request(request))


def split_by_situation(links, target, selection):
    """(links whose snippet applies to the chosen situation, number left out); all of them without a choice."""
    if not selection:
        return list(links), 0
    shown = [link for link in links if getattr(link, target).matches_situation(selection)]
    return shown, len(links) - len(shown)


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
