"""Municipalities and the regions that cover them: who to call locally ("Hulp in de buurt").

The municipalities are the CBS list with their province; former and common names point to a current one. A region
type (Veilig Thuis, police unit, care coordination, ...) holds regions; each region lists the municipalities it
covers, its contact and the sources that confirm them. Organisations are linked to the regions they serve,
optionally only for some situations (e.g. a coordinator for minors and another for adults).

Only a region with status "confirmed" counts as covering its municipalities on the public site: where no confirmed
region covers a municipality, the site says so and names the type's national fallback, never a guess.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Orderable

GEMEENTE_CODE = re.compile(r"^GM\d{4}$")
APOSTROPHES = "'\u2019\u2018`\u00b4"  # typed or typographic apostrophes, as in 's-Gravenhage
_SEPARATORS = re.compile(r"[\s\-_.,()/]+")


def name_key(value: str) -> str:
    """The form of a name that lookups compare: case, accents, hyphens, brackets and apostrophes do not count.

    "'s-Hertogenbosch" and "S HERTOGENBOSCH" give "s hertogenbosch"; "Fryslân" and "Fryslan" give "fryslan";
    "Bergen (NH.)" gives "bergen nh".
    """
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    without_apostrophes = "".join(char for char in without_accents if char not in APOSTROPHES)
    return _SEPARATORS.sub(" ", without_apostrophes).strip()


class Gemeente(ClusterableModel):
    """A current municipality as the CBS lists it. Updated with ``manage.py load_gemeenten``, rarely by hand."""

    code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(GEMEENTE_CODE, _("GM followed by four digits, e.g. GM0363."))],
        help_text=_("GM followed by four digits, as the CBS writes it."),
    )
    name = models.CharField(_("name"), max_length=100)
    provincie = models.CharField(_("province"), max_length=50)
    name_key = models.CharField(max_length=100, db_index=True, editable=False)

    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("name"),
        FieldPanel("provincie"),
        InlinePanel("other_names", heading=_("Other names"), label=_("Other name")),
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class Gemeentenaam(Orderable):
    """Another name that points to a current municipality: a merged former municipality or a name people use."""

    class Kind(models.TextChoices):
        FORMER = "voormalig", _("Former municipality")
        COMMON = "roepnaam", _("Common name")

    gemeente = ParentalKey(Gemeente, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name_key = models.CharField(max_length=100, db_index=True, editable=False)

    panels = [FieldPanel("name"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("other name of a municipality")
        verbose_name_plural = _("other names of municipalities")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


@dataclass(frozen=True)
class ContactCard:
    """One way to reach regional help, as the contact details show it: a region's own contact or a type's fallback."""

    organisation: str = ""
    phone: str = ""
    phone_urgent: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""
    note: str = ""


class Contact(models.Model):
    """How to reach a region's help: shown with every municipality the region covers."""

    contact_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone"), max_length=50, blank=True, help_text=_("As visitors should dial it, e.g. 0800-2000.")
    )
    phone_urgent = models.CharField(
        _("phone in an emergency"), max_length=50, blank=True, help_text=_("e.g. 112.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    contact_note = models.TextField(_("note on the contact"), blank=True)

    contact_panels = [
        FieldPanel("contact_organisation"),
        FieldPanel("phone"),
        FieldPanel("phone_urgent"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("opening_hours"),
        FieldPanel("contact_note"),
    ]

    class Meta:
        abstract = True

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.phone_urgent or self.email or self.website)

    @property
    def contact_card(self) -> ContactCard:
        return ContactCard(
            organisation=self.contact_organisation,
            phone=self.phone,
            phone_urgent=self.phone_urgent,
            email=self.email,
            website=self.website,
            opening_hours=self.opening_hours,
            note=self.contact_note,
        )


class Bron(Orderable):
    """A public source and what it confirms."""

    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("web address"), max_length=500)
    confirms = models.TextField(_("what it confirms"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("confirms")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title


class Regiotype(ClusterableModel):
    """A way the country is divided for one kind of help, e.g. Veilig Thuis regions or police units.

    The fallback contact is who to call where no confirmed region covers a municipality: the national number
    (Veilig Thuis 0800-2000, CSG 0800-0188) or the organisation that helps instead (CoMensha for care coordination).
    """

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_('Lower numbers are shown first in "Help nearby".')
    )
    fallback_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    fallback_phone = models.CharField(_("phone"), max_length=50, blank=True)
    fallback_email = models.EmailField(_("e-mail"), blank=True)
    fallback_website = models.URLField(_("website"), blank=True)
    fallback_opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    fallback_note = models.TextField(_("note on the fallback"), blank=True)
    last_checked = models.DateField(_("last checked"), null=True, blank=True)

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("name"),
                        FieldPanel("slug"),
                        FieldPanel("description"),
                        FieldPanel("sort_order"),
                    ],
                    heading=_("Content"),
                ),
                ObjectList(
                    [
                        MultiFieldPanel(
                            [
                                FieldPanel("fallback_organisation"),
                                FieldPanel("fallback_phone"),
                                FieldPanel("fallback_email"),
                                FieldPanel("fallback_website"),
                                FieldPanel("fallback_opening_hours"),
                                FieldPanel("fallback_note"),
                            ],
                            heading=_("Fallback where no region is known"),
                            help_text=_(
                                "Shown for every municipality that no confirmed region of this type covers. "
                                "Leave empty if there is no national number."
                            ),
                        ),
                        InlinePanel("sources", heading=_("Sources of the fallback"), label=_("Source")),
                        FieldPanel("last_checked"),
                    ],
                    heading=_("Fallback"),
                ),
            ]
        )
    ]

    class Meta:
        verbose_name = _("region type")
        verbose_name_plural = _("region types")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def has_fallback(self) -> bool:
        return bool(self.fallback_phone or self.fallback_email or self.fallback_website)

    @property
    def fallback_card(self) -> ContactCard:
        return ContactCard(
            organisation=self.fallback_organisation,
            phone=self.fallback_phone,
            email=self.fallback_email,
            website=self.fallback_website,
            opening_hours=self.fallback_opening_hours,
            note=self.fallback_note,
        )


class RegiotypeBron(Bron):
    regiotype = ParentalKey(Regiotype, on_delete=models.CASCADE, related_name="sources")

    class Meta(Bron.Meta):
        verbose_name = _("source of the fallback")


class RegioQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Regio.Status.CONFIRMED)

    def covering(self, gemeente):
        """The confirmed regions that cover the municipality, one per type at most (the data guarantees it)."""
        return self.confirmed().filter(gemeenten=gemeente)


class Regio(Contact, ClusterableModel):
    class Status(models.TextChoices):
        CONFIRMED = "bevestigd", _("Confirmed")
        TO_CHECK = "te_controleren", _("To be checked")

    regiotype = models.ForeignKey(
        Regiotype, on_delete=models.PROTECT, related_name="regios", verbose_name=_("region type")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The last part of the web address of its page; lowercase letters, digits and hyphens."),
    )
    code = models.CharField(
        _("code"), max_length=20, blank=True, help_text=_("e.g. VR01 for a safety region.")
    )
    area = models.CharField(
        _("area as the source describes it"),
        max_length=300,
        blank=True,
        help_text=_('e.g. "the regions West and Central Brabant", when the source names no municipalities.'),
    )
    gemeenten = ParentalManyToManyField(
        Gemeente,
        blank=True,
        related_name="regios",
        verbose_name=_("municipalities"),
        help_text=_(
            "Only municipalities a source confirms. A municipality is in at most one region per type."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.TO_CHECK,
        help_text=_(
            'Only a confirmed region is shown as the help for its municipalities. "To be checked" regions are '
            "shown on their own page with what is still to check."
        ),
    )
    to_check = models.TextField(
        _("still to check"), blank=True, help_text=_("What is not confirmed yet; shown on the region's page.")
    )
    last_checked = models.DateField(_("last checked"))

    objects = RegioQuerySet.as_manager()

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("regiotype"),
                        FieldPanel("name"),
                        FieldPanel("slug"),
                        FieldPanel("code"),
                        FieldPanel("area"),
                        FieldPanel("gemeenten"),
                    ],
                    heading=_("Region"),
                ),
                ObjectList(Contact.contact_panels, heading=_("Contact")),
                ObjectList(
                    [
                        FieldPanel("status"),
                        FieldPanel("to_check"),
                        FieldPanel("last_checked"),
                        InlinePanel("sources", heading=_("Sources"), label=_("Source"), min_num=1),
                    ],
                    heading=_("Sources and review"),
                ),
            ]
        )
    ]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["regiotype__sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisaties:regio_detail", kwargs={"slug": self.slug})

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class RegioBron(Bron):
    regio = ParentalKey(Regio, on_delete=models.CASCADE, related_name="sources")

    class Meta(Bron.Meta):
        verbose_name = _("source")


class OrganisatieRegio(ClusterableModel, Orderable):
    """An organisation serves a region, optionally only for some situations, with its regional contact.

    A ClusterableModel itself so that its situation tags are kept in the organisation's drafts and revisions.
    """

    organisatie = ParentalKey(
        "organisaties.Organisatie", on_delete=models.CASCADE, related_name="regio_links"
    )
    regio = models.ForeignKey(
        Regio, on_delete=models.CASCADE, related_name="organisatie_links", verbose_name=_("region")
    )
    situations = ParentalManyToManyField(
        "organisaties.Situatie",
        blank=True,
        related_name="+",
        verbose_name=_("only for situations"),
        help_text=_(
            "Tick only when it serves this region for some situations, e.g. only minors. Nothing ticked means "
            "everyone."
        ),
    )
    for_whom = models.CharField(
        _("for whom"),
        max_length=200,
        blank=True,
        help_text=_('Optional, shown with the contact, e.g. "up to 23 years".'),
    )
    phone = models.CharField(_("regional phone"), max_length=50, blank=True)
    opening_hours = models.CharField(_("regional opening hours"), max_length=200, blank=True)
    source_title = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("web address of the source"), max_length=500)
    last_checked = models.DateField(_("last checked"))

    panels = [
        FieldPanel("regio"),
        FieldPanel("situations"),
        FieldPanel("for_whom"),
        FieldPanel("phone"),
        FieldPanel("opening_hours"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
        FieldPanel("last_checked"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("region served")
        verbose_name_plural = _("regions served")

    def __str__(self):
        return f"{self.organisatie}: {self.regio}"

    def situation_slugs(self) -> dict[str, set[str]]:
        tags: dict[str, set[str]] = {}
        for situatie in self.situations.all():
            tags.setdefault(situatie.question, set()).add(situatie.slug)
        return tags
