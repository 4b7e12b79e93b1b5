"""The short lists editors keep to tag and filter: services, audiences, and the situation questions with their answers.

The situation form "Who are you looking for?" is editors' data from top to bottom: each question (Situatievraag) has
a slug that is its key in page addresses (``?leeftijd=...``), a label and an explanation for the form, and an order;
its answers (Situatie) are the values that steps, organisations and regulations are tagged with. A question with no
answers is not asked.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .forms import TaggedSnippetForm
from .situations import RESERVED_PARAMETERS


class Taxonomy(TranslatableMixin, models.Model):
    """A short named list that editors keep, used to tag and filter organisations."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in web addresses of filters; lowercase letters, digits and hyphens."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def has_contact_route(self) -> bool:
        """A visitor can reach it directly: by phone, e-mail or website."""
        return bool(self.phone or self.email or self.website)


class Dienst(Taxonomy):
    """A kind of help an organisation offers ("dienstenaanbod"), such as shelter or legal aid."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Doelgroep(Taxonomy):
    """Who an organisation serves: professionals, victims, citizens."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Situatievraag(TranslatableMixin, models.Model):
    """A question of the situation form, e.g. "Leeftijd" with the key ``leeftijd`` in page addresses."""

    slug = models.SlugField(
        _("key in the web address"),
        max_length=40,
        validators=[
            RegexValidator(
                r"^[a-z][a-z0-9-]*$",
                _("Use lowercase letters, digits and hyphens, starting with a letter, e.g. leeftijd."),
            )
        ],
        help_text=_(
            "The name of this question in web addresses, e.g. leeftijd in ?leeftijd=minderjarig. Links that "
            "people keep use it: do not change it once the question is in use."
        ),
    )
    label = models.CharField(
        _("question"), max_length=100, help_text=_("As the form shows it, e.g. Age or Form of exploitation.")
    )
    help_text = models.CharField(
        _("explanation"),
        max_length=255,
        blank=True,
        help_text=_("Optional: one short line under the question in the form."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are asked first.")
    )

    panels = [FieldPanel("label"), FieldPanel("slug"), FieldPanel("help_text"), FieldPanel("sort_order")]
    # The key stays the same in every language: links keep working when the visitor switches language.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("situation question")
        verbose_name_plural = _("situation questions")
        ordering = ["sort_order", "slug"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        slug = (self.slug or "").strip().lower()
        if slug in RESERVED_PARAMETERS:
            raise ValidationError(
                {
                    "slug": _(
                        "The web address already uses %(slug)s for something else (such as search, the "
                        "municipality or the page number). Choose another key."
                    )
                    % {"slug": slug}
                }
            )
        others = Situatievraag.objects.filter(slug=slug).exclude(pk=self.pk)
        if self.locale_id is not None:
            others = others.filter(locale_id=self.locale_id)
        if slug and others.exists():
            raise ValidationError({"slug": _("Another question already has this key. Choose another key.")})


class SituatieManager(models.Manager):
    """Answers always come with their question: tags are grouped by it, so a page never asks for it one by one."""

    def get_queryset(self):
        return super().get_queryset().select_related("vraag")


class Situatie(Taxonomy):
    """One answer to a situation question, e.g. "minderjarig" to "leeftijd".

    Steps, organisations and regulations are tagged with the situations they apply to; an item with no tag for a
    question applies to everyone, whatever the answer to that question.
    """

    base_form_class = TaggedSnippetForm

    vraag = models.ForeignKey(
        Situatievraag,
        on_delete=models.CASCADE,
        related_name="antwoorden",
        verbose_name=_("question"),
        help_text=_('The question this answer belongs to in the filter "Who are you looking for?".'),
    )

    objects = SituatieManager()

    panels = [FieldPanel("vraag"), *Taxonomy.panels]

    class Meta(Taxonomy.Meta):
        verbose_name = _("situation")
        verbose_name_plural = _("situations")
        ordering = ["vraag__sort_order", "vraag__slug", "sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.vraag.label}: {self.name}"

    @property
    def question(self) -> str:
        """The slug of the question: the key of this answer in web addresses."""
        return self.vraag.slug
