"""What the whole site shares: site settings editors keep, and the generic information page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from kern.blocks import InhoudStreamBlock

from .page_mixins import ReadOnlyPageMixin
from .review_dates import Reviewable, page_tabs, review_panels
from .sources import Source


class Hulplijn(TranslatableMixin, Reviewable, ClusterableModel):
    """A key helpline shown on every page under the emergency number ("Direct hulp nodig?").

    A translatable snippet rather than a site setting, because the description must be in the visitor's language.
    Like organisations and regulations it has its sources and check dates (Review tab): a number a victim dials
    must say where it comes from and when it was last confirmed.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("e.g. Politie"))
    number = models.CharField(_("phone number"), max_length=30, help_text=_("As visitors should dial it."))
    description = models.CharField(
        _("when to call"), max_length=150, blank=True, help_text=_("e.g. Reporting human trafficking")
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=100,
        blank=True,
        help_text=_(
            "When the line answers, e.g. Monday to Friday 9.00-17.00. Leave empty only if always open."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    panels = [
        TabbedInterface(
            [
                ObjectList(
                    [
                        FieldPanel("name"),
                        FieldPanel("number"),
                        FieldPanel("description"),
                        FieldPanel("opening_hours"),
                        FieldPanel("sort_order"),
                    ],
                    heading=_("Content"),
                ),
                ObjectList(review_panels(), heading=_("Review")),
            ]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.number})"


class HulplijnBron(Source):
    hulplijn = ParentalKey(Hulplijn, on_delete=models.CASCADE, related_name="bronnen")

    class Meta(Source.Meta):
        pass


@register_setting(icon="warning")
class SiteInstellingen(BaseSiteSetting):
    """Safety information shown on every page, kept in one place so it is never out of step."""

    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.knmi.nl/",
        help_text=_(
            'The neutral website the "Quick exit" button opens. Choose a site that shows nothing personal, '
            "such as a weather forecast."
        ),
    )
    emergency_number = models.CharField(
        _("emergency number"),
        max_length=20,
        default="112",
        help_text=_('Shown as "Need help now? Call ... in acute danger" on every page.'),
    )
    safety_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page about visiting safely"),
        help_text=_(
            'Linked beside the quick exit button as "Visit safely". Shown in the visitor\'s language.'
        ),
    )
    contact_email = models.EmailField(
        _("editorial contact e-mail"),
        blank=True,
        help_text=_("Shown on the Contact page, for questions and remarks about this website."),
    )

    panels = [
        FieldPanel("emergency_number"),
        MultiFieldPanel([FieldPanel("quick_exit_url"), FieldPanel("safety_page")], heading=_("Quick exit")),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")


class InformatiePagina(ReadOnlyPageMixin, Reviewable, Page):
    """About us, privacy, accessibility, contact and other pages outside the phases."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(InhoudStreamBlock(), blank=True, verbose_name=_("body"))
    show_helplines = models.BooleanField(
        _("list the helplines in full"),
        default=False,
        help_text=_(
            "Under the text, every helpline with its number, opening hours, sources and check date, e.g. on the "
            "Contact page."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_helplines"),
    ]
    edit_handler = page_tabs(content_panels, sources=False)
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    template = "kern/informatie_pagina.html"
    parent_page_types = ["fases.HomePage"]
    subpage_types = []
    page_description = _("A page outside the phases, e.g. About us, Privacy or Contact.")

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_helplines:
            context["helplines"] = self.helplines()
        return context

    def helplines(self):
        """The helplines in the page's language, with their sources, in the editors' order."""
        return list(Hulplijn.objects.filter(locale_id=self.locale_id).prefetch_related("bronnen"))


class ContentGeneration(models.Model):
    """The number of the content as visitors see it; one row, raised by every visible change (invalidation.py).

    Every cached page and fragment carries it in its key. The number lives in the database, so that it cannot be
    lost: the cache only holds a copy, and a copy evicted by a flood of new entries is read back unchanged, so
    nothing goes cold. It never repeats an earlier number (it follows the clock), so an entry cached under a
    number that a rolled-back change once announced can never come back.
    """

    value = models.BigIntegerField(default=0)

    # Bookkeeping, not content: saving it must not count as a visible change (invalidation.py).
    public_content = False

    class Meta:
        verbose_name = _("content generation")

    def __str__(self):
        return str(self.value)


class GecontroleerdeVertaling(models.Model):
    """A qualified translator approved one translation (a page or snippet in one language).

    Until then the translation is published with a line saying it has not been checked and that the Dutch text
    prevails. Kept apart from the content models so every translatable page and snippet has it without a field of
    its own; an approval counts only for the translation as it was then (see ``is_current_for``).
    """

    translation_key = models.UUIDField(_("translation key"), db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, verbose_name=_("language"))
    translator = models.CharField(
        _("checked by"), max_length=200, help_text=_("Name of the qualified translator who checked it.")
    )
    checked_at = models.DateTimeField(_("checked on"))

    class Meta:
        verbose_name = _("checked translation")
        verbose_name_plural = _("checked translations")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "locale"], name="one_check_per_translation")
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id})"

    def is_current_for(self, instance) -> bool:
        """False once the translation was published again after the check: the new text was not checked."""
        published = getattr(instance, "last_published_at", None)
        return published is None or published <= self.checked_at
