"""Who helps and which rules apply: the snippets that step pages link to.

This app never imports ``fases``: it finds the steps that link to an organisation or regulation through the
reverse relations ``stap_links`` that the link models in ``fases`` declare.
"""

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from kern.change_notes import CHANGE_NOTE_PANEL, PublicChangeNote
from kern.review_dates import Reviewable, review_panels
from kern.sources import Source

from .forms import TaggedSnippetForm
from .regio_models import (  # noqa: F401 (imported here so Django registers them with this app)
    Gemeente,
    Gemeentenaam,
    OrganisatieRegio,
    Regio,
    RegioBron,
    Regiotype,
    RegiotypeBron,
)
from .situations import SituationTaggedMixin
from .taxonomies import Dienst, Doelgroep, Situatie, Situatievraag  # noqa: F401 (registered with this app)


class PublicSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    SituationTaggedMixin,
    Reviewable,
    PublicChangeNote,
    index.Indexed,
    ClusterableModel,
):
    """A snippet with its own public page: drafts, revisions, workflow and preview like a page."""

    base_form_class = TaggedSnippetForm

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("The last part of the web address of its page; lowercase letters, digits and hyphens."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in lists and on step pages."),
    )

    class Meta:
        abstract = True

    def get_preview_template(self, request, mode_name):
        return f"organisaties/{self._meta.model_name}_detail.html"

    def get_preview_context(self, request, mode_name):
        return {
            **super().get_preview_context(request, mode_name),
            "object": self,
            "steps": self.linking_steps(),
        }

    def linking_steps(self):
        """Live steps that link here, in tree order, found through the reverse relation of the step links."""
        links = self.stap_links.filter(stap__live=True).select_related("stap").order_by("stap__path")
        return [link.stap for link in links]


class Organisatie(PublicSnippet):
    class Coverage(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")

    class Soort(models.TextChoices):
        """What kind of organisation it is, as editors say it; empty while not known."""

        OVERHEID = "overheid", _("Government body")
        NON_PROFIT = "non-profit", _("Non-profit organisation (e.g. a foundation)")
        INTERNATIONAAL = "internationaal", _("Intergovernmental organisation")

    name = models.CharField(_("name"), max_length=200)
    soort = models.CharField(
        _("kind of organisation"),
        max_length=20,
        choices=Soort.choices,
        blank=True,
        help_text=_(
            "Government body (a ministry, its agencies, the police, municipalities), non-profit (e.g. a "
            "foundation) or intergovernmental. Leave empty when it is not certain: open data then says nothing "
            "about it."
        ),
    )
    what_it_does = RichTextField(
        _("what it can do for a victim"),
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_('Shown on the organisation\'s page under "What can they do?".'),
    )
    services = ParentalManyToManyField(
        Dienst,
        blank=True,
        related_name="organisaties",
        verbose_name=_("services offered"),
        help_text=_("Visitors can filter the organisation guide on these."),
    )
    audiences = ParentalManyToManyField(
        Doelgroep,
        blank=True,
        related_name="organisaties",
        verbose_name=_("who it serves"),
        help_text=_(
            'Shown on the organisation\'s page under "For whom"; visitors can filter the guide on it.'
        ),
    )
    discreet_name = models.CharField(
        _("name on a discreet hand-out"),
        max_length=100,
        blank=True,
        help_text=_(
            "Only when the name itself says what it is about (e.g. contains the word human trafficking): a short "
            "name for the paper a victim takes home, e.g. COSM. Leave empty to use the name."
        ),
    )
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("As visitors should dial it, e.g. 0900 8844."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Monday to Friday 9.00 to 17.00."),
    )
    always_available = models.BooleanField(
        _("reachable 24/7"), default=False, help_text=_('Shown as "Reachable day and night".')
    )
    coverage = models.CharField(
        _("region or national"),
        max_length=10,
        choices=Coverage.choices,
        default=Coverage.NATIONAL,
        help_text=_('Visitors see "Works nationally" or the region, and can filter the guide on it.'),
    )
    region = models.CharField(
        _("region"),
        max_length=200,
        blank=True,
        help_text=_("For regional organisations: where they work."),
    )
    spoken_languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                r"^[a-z]{2,3}(\s*,\s*[a-z]{2,3})*$",
                _("Give language codes separated by commas, e.g. nl, en, pl."),
            )
        ],
        help_text=_(
            "Only languages a source confirms the organisation helps in without an interpreter, as ISO 639-1 "
            "codes separated by commas, e.g. nl, en. Leave empty when not known: open data then says nothing."
        ),
    )
    reachability = models.TextField(
        _("how to reach them"),
        blank=True,
        help_text=_(
            "How visitors reach the organisation when there is no phone, e-mail or website of its own, or what "
            'to know first, e.g. "Via your municipality". Shown with the contact details.'
        ),
    )

    # The languages an organisation helps in are the same whatever the language of the page: kept in step with the
    # Dutch original, not translated.
    override_translatable_fields = [SynchronizedField("spoken_languages")]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("what_it_does"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("name"),
                        FieldPanel("soort"),
                        FieldPanel("discreet_name"),
                        FieldPanel("slug"),
                        FieldPanel("summary"),
                        FieldPanel("what_it_does"),
                        CHANGE_NOTE_PANEL,
                    ],
                    heading=_("Content"),
                ),
                ObjectList(
                    [
                        FieldPanel("phone"),
                        FieldPanel("email"),
                        FieldPanel("website"),
                        FieldPanel("opening_hours"),
                        FieldPanel("always_available"),
                        FieldPanel("spoken_languages"),
                        FieldPanel("reachability"),
                        MultiFieldPanel([FieldPanel("coverage"), FieldPanel("region")], heading=_("Area")),
                    ],
                    heading=_("Contact"),
                ),
                ObjectList(
                    [
                        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                        FieldPanel("situations", widget=forms.CheckboxSelectMultiple),
                    ],
                    heading=_("Services and situations"),
                ),
                ObjectList(
                    [InlinePanel("regio_links", label=_("Region served"))],
                    heading=_("Regions"),
                    help_text=_(
                        "The regions this organisation serves, each with its source and check date. Shown in "
                        '"Help nearby" for the municipalities of the region.'
                    ),
                ),
                ObjectList(review_panels(), heading=_("Review")),
            ]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def has_contact_route(self) -> bool:
        """A visitor can reach it directly: by phone, e-mail or website."""
        return bool(self.phone or self.email or self.website)

    # What a card shows (lists, step pages, the overview): loading only these keeps lists and the site structure small.
    CARD_FIELDS = (
        "id",
        "slug",
        "name",
        "discreet_name",
        "summary",
        "live",
        "locale_id",
        "phone",
        "email",
        "website",
        "opening_hours",
        "always_available",
        "reachability",
        "last_checked",
    )

    def get_absolute_url(self):
        return reverse("organisaties:organisatie_detail", kwargs={"slug": self.slug})

    def language_codes(self) -> list[str]:
        """The languages editors recorded as spoken, as codes; empty when not known."""
        return [code.strip() for code in self.spoken_languages.split(",") if code.strip()]


class Regeling(PublicSnippet):
    title = models.CharField(_("title"), max_length=200)
    explanation = RichTextField(
        _("explanation"),
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What the right or regulation means in practice, shown on its own page."),
    )
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_('The law or rule it rests on, e.g. "Art. 8 onder k Vreemdelingenwet 2000".'),
    )
    source_url = models.URLField(
        _("official source"),
        blank=True,
        help_text=_("Link to the official text or the responsible authority."),
    )
    source_title = models.CharField(
        _("official source link text"),
        max_length=200,
        blank=True,
        help_text=_('What visitors read as the link, e.g. "IND: mensenhandel".'),
    )
    applies_to = models.TextField(
        _("who it applies to"),
        help_text=_("One or two sentences: who can use this right or regulation."),
    )
    time_limit = models.CharField(
        _("time limit"),
        max_length=200,
        blank=True,
        help_text=_(
            'The time limit that matters, in a few plain words, e.g. "Up to three months" or "Within two weeks". '
            'Shown in the timeline of "Your route". Leave empty when there is none.'
        ),
    )
    time_limit_source_url = models.URLField(
        _("source of the time limit"),
        blank=True,
        help_text=_(
            "Where the time limit is written down. Leave empty when it is the official source above."
        ),
    )
    time_limit_source_title = models.CharField(
        _("source of the time limit, link text"),
        max_length=200,
        blank=True,
        help_text=_("The name of that source as visitors see it in the timeline, e.g. Juridisch Loket."),
    )

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("explanation"),
        index.SearchField("legal_basis"),
        index.SearchField("applies_to"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("title"),
                        FieldPanel("slug"),
                        FieldPanel("summary"),
                        FieldPanel("explanation"),
                        FieldPanel("applies_to"),
                        CHANGE_NOTE_PANEL,
                    ],
                    heading=_("Content"),
                ),
                ObjectList(
                    [
                        FieldPanel("legal_basis"),
                        FieldPanel("source_url"),
                        FieldPanel("source_title"),
                        MultiFieldPanel(
                            [
                                FieldPanel("time_limit"),
                                FieldPanel("time_limit_source_url"),
                                FieldPanel("time_limit_source_title"),
                            ],
                            heading=_("Time limit"),
                        ),
                    ],
                    heading=_("Legal basis"),
                ),
                ObjectList(
                    [FieldPanel("situations", widget=forms.CheckboxSelectMultiple)],
                    heading=_("Situations"),
                ),
                ObjectList(review_panels(), heading=_("Review")),
            ]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("right or regulation")
        verbose_name_plural = _("rights and regulations")
        ordering = ["title"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.title

    CARD_FIELDS = ("id", "slug", "title", "summary", "live", "locale_id", "last_checked")

    def get_absolute_url(self):
        return reverse("organisaties:regeling_detail", kwargs={"slug": self.slug})

    @property
    def time_limit_source(self) -> tuple[str, str]:
        """(address, link text) of where the time limit is written: its own source, else the official one."""
        if self.time_limit_source_url:
            return self.time_limit_source_url, self.time_limit_source_title or self.time_limit_source_url
        return self.source_url, self.source_title or self.source_url


class OrganisatieBron(Source):
    organisatie = ParentalKey(Organisatie, on_delete=models.CASCADE, related_name="bronnen")

    class Meta(Source.Meta):
        pass


class RegelingBron(Source):
    regeling = ParentalKey(Regeling, on_delete=models.CASCADE, related_name="bronnen")

    class Meta(Source.Meta):
        pass
