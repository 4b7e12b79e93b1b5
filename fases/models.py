"""The phase tree: HomePage -> FasePage -> StapPage, and the ordered links from steps to the snippets."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from kern.blocks import EntryPointBlock, InhoudStreamBlock
from kern.change_notes import CHANGE_NOTE_PANEL, PublicChangeNote
from kern.i18n import active_language_code
from kern.page_mixins import ReadOnlyPageMixin
from kern.per_generation import kept
from kern.review_dates import Reviewable, page_tabs
from kern.sources import Source
from organisaties.forms import LocaleTagChoicesMixin
from organisaties.selection import selection_for_request
from organisaties.situations import SituationTaggedMixin

from .blocks import StapInhoudStreamBlock
from .handout import DISCREET_WORDS, mentions_discreet_word
from .journey import journey_for


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
        """Finds the page a path names without walking the tree.

        Wagtail's default routing walks the tree one level at a time, two queries per level. Live, public phases
        and steps are in the journey outline, which is kept per content generation: they are found there without
        a query. Information pages (and pages the outline leaves out, such as private ones, whose privacy Wagtail
        then checks) sit at known depths and are looked up directly by their URL path in one query; anything else
        (a page type added later) still goes through the default routing.
        """
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            known = outline_page(active_language_code(), url_path)
            if known is not None and known.locale_id == self.locale_id:
                return RouteResult(known)
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
        context["journey"] = SimpleLazyObject(lambda: self.journey(request))
        return context


class FasePage(ReadOnlyPageMixin, Reviewable, Page):
    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences under the title and in the list of phases."),
    )
    body = StreamField(InhoudStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = page_tabs(content_panels)
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
        place = JourneyPlace(self, request)
        context["journey"] = SimpleLazyObject(lambda: place.journey)
        context["phase"] = SimpleLazyObject(lambda: place.own_phase)
        return context


class StapPageForm(LocaleTagChoicesMixin, WagtailAdminPageForm):
    pass


class StapPage(ReadOnlyPageMixin, Reviewable, PublicChangeNote, SituationTaggedMixin, Page):
    base_form_class = StapPageForm

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One sentence shown in the list of steps on the home and phase pages."),
    )
    body = StreamField(StapInhoudStreamBlock(), blank=True, verbose_name=_("body"))
    regionale_hulp = models.BooleanField(
        _("help is regional"),
        default=False,
        help_text=_(
            'Tick when who helps depends on the municipality. The step then shows "Help nearby" with the '
            "regional contacts for the municipality the visitor chose."
        ),
    )
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
        FieldPanel("regionale_hulp"),
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
        CHANGE_NOTE_PANEL,
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

    def regelingen(self, selection=None):
        """Links to live regulations in the editor's order, split into those that apply and the rest."""
        return self._links("regeling_links", "regeling", selection)

    def organisaties(self, selection=None):
        """Links to live organisations in the editor's order, split into those that apply and the rest."""
        return self._links("organisatie_links", "organisatie", selection)

    def _links(self, relation, target, selection):
        links = getattr(self, relation).filter(**{f"{target}__live": True}).select_related(target)
        if selection:
            links = links.prefetch_related(f"{target}__situations")
        return split_by_situation(list(links), target, selection)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        place = JourneyPlace(self, request)
        context.update(
            journey=SimpleLazyObject(lambda: place.journey),
            phase=SimpleLazyObject(lambda: place.step_phase),
            previous_step=SimpleLazyObject(lambda: place.neighbours[0]),
            next_step=SimpleLazyObject(lambda: place.neighbours[1]),
            step_number=SimpleLazyObject(lambda: place.position[0]),
            step_total=SimpleLazyObject(lambda: place.position[1]),
            applies=SimpleLazyObject(lambda: place.applies),
            links=StepLinks(self, place.selection, preview=getattr(request, "is_preview", False)),
        )
        return context


class JourneyPlace:
    """Where a page sits in the visitor's journey, worked out only when the template first asks.

    A page's content is a cached fragment (see the page templates): when it is in the cache, the template asks
    nothing, and the journey is never built. The context hands these out as lazy objects.
    """

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.selection = selection_for_request(request)

    @cached_property
    def journey(self):
        return self.page.journey(self.request)

    @cached_property
    def own_phase(self):
        return next((phase for phase in self.journey.phases if phase.page.pk == self.page.pk), None)

    @cached_property
    def step_phase(self):
        return self.journey.phase_of(self.page)

    @cached_property
    def neighbours(self) -> tuple:
        return self.journey.neighbours(self.page)

    @cached_property
    def position(self) -> tuple:
        return self.journey.position(self.page)

    @cached_property
    def applies(self) -> bool:
        in_journey = next((step for step in self.journey.steps if step.pk == self.page.pk), None)
        if in_journey is not None:
            return in_journey.applies
        return self.selection.matches(self.page.situation_slugs())


def _journey(page, request):
    """The journey of the page's own language (a preview may show a page in another language than the admin's),
    for the visitor's situation."""
    preview = request is None or getattr(request, "is_preview", False)
    language = page.locale.language_code if preview else active_language_code()
    return journey_for(journey_outline(language), selection_for_request(request))


def journey_outline(language: str) -> list:
    """[(phase, [steps])] of a language: every live, public phase and step in tree order, with the steps'
    situation tags. Every page shows it, so it is kept in the cache per content generation (three queries)."""
    return kept(f"journey:{language}", lambda: _load_outline(language))


def outline_page(language: str, url_path: str):
    """The live, public phase or step at ``url_path``, from the outline: a copy of its own for this request."""
    pages = kept(f"journey-paths:{language}", lambda: _outline_paths(journey_outline(language)))
    shared = pages.get(url_path)
    if shared is None:
        return None
    page = object.__new__(type(shared))
    page.__dict__.update(shared.__dict__)
    return page


def _outline_paths(outline: list) -> dict:
    paths = {}
    for phase, steps in outline:
        paths[phase.url_path] = phase
        paths.update((step.url_path, step) for step in steps)
    return paths


def _load_outline(language: str) -> list:
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    if home is None:
        return []
    public = Page.objects.live().public().descendant_of(home).values("pk")
    phases = FasePage.objects.child_of(home).filter(pk__in=public).order_by("path")
    outline = {phase.path: (phase, []) for phase in phases}
    steps = (
        StapPage.objects.filter(pk__in=public, depth=home.depth + 2)
        .order_by("path")
        .defer_streamfields()
        .prefetch_related("situations")
    )
    for step in steps:
        phase = outline.get(step.path[: -Page.steplen])
        if phase is not None:
            # Kept with the outline, so that each request matches plain sets instead of walking the prefetch.
            step.outline_situation_tags = step.situation_slugs()
            phase[1].append(step)
    return list(outline.values())


class StepLinks:
    """A step's regulations and organisations for the chosen situation, loaded when the template first asks:
    the step template keeps them in a cached fragment, so a cached step needs none of these queries."""

    def __init__(self, step, selection, preview=False):
        self.step = step
        self.selection = selection
        self.preview = preview

    @cached_property
    def _all(self) -> dict:
        """Every live link of the published step, kept per content generation (the same for every situation);
        a preview shows the links in the editor's form instead."""
        if self.preview:
            return {
                "regelingen": self.step.regelingen()[0],
                "organisaties": self.step.organisaties()[0],
            }
        return kept(f"step-links:{self.step.pk}", lambda: links_for_steps([self.step.pk])[self.step.pk])

    @cached_property
    def _regelingen(self):
        return split_by_situation(self._all["regelingen"], "regeling", self.selection)

    @cached_property
    def _organisaties(self):
        return split_by_situation(self._all["organisaties"], "organisatie", self.selection)

    @property
    def regelingen(self):
        return self._regelingen[0]

    @property
    def hidden_regelingen(self) -> int:
        return self._regelingen[1]

    @property
    def organisaties(self):
        return self._organisaties[0]

    @property
    def hidden_organisaties(self) -> int:
        return self._organisaties[1]


def links_for_steps(step_ids) -> dict:
    """{step pk: {"regelingen": [...], "organisaties": [...]}}: the live links of many steps in the editors'
    order, with their situation tags, in four queries (for the overview of a whole route)."""
    links = {pk: {"regelingen": [], "organisaties": []} for pk in step_ids}
    for model, target, attribute in (
        (StapRegeling, "regeling", "regelingen"),
        (StapOrganisatie, "organisatie", "organisaties"),
    ):
        queryset = (
            model.objects.filter(stap_id__in=step_ids, **{f"{target}__live": True})
            .select_related(target)
            .prefetch_related(f"{target}__situations")
            .order_by("stap_id", "sort_order", "id")
        )
        for link in queryset:
            links[link.stap_id][attribute].append(link)
    return links


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


class FaseBron(Source):
    fase = ParentalKey(FasePage, on_delete=models.CASCADE, related_name="bronnen")

    class Meta(Source.Meta):
        pass


class StapBron(Source):
    stap = ParentalKey(StapPage, on_delete=models.CASCADE, related_name="bronnen")

    class Meta(Source.Meta):
        pass
