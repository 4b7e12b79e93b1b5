"""StreamField blocks for page bodies. Each block renders through its own template in templates/blocks/."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_(
            "Heading 2 for a main section, 3 and 4 for parts within it. The page title is heading 1."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Wat kunt u doen?", "level": "h2"}
        description = _("A heading that divides the text into sections.")


class ListBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=500), label=_("Items"))
    numbered = blocks.BooleanBlock(
        label=_("Numbered"),
        required=False,
        help_text=_("Number the items when their order matters."),
    )

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "blocks/list_block.html"
        preview_value = {"items": ["Paspoort kwijt", "Hoge schuld", "Altijd iemand die meepraat"]}
        description = _("A bulleted or numbered list.")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150, default=_("What can you do?"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Action"), max_length=500), label=_("Actions"))

    class Meta:
        icon = "tasks"
        label = _('"What can you do" checklist')
        template = "blocks/checklist_block.html"
        preview_value = {
            "title": "Wat kunt u doen?",
            "items": ["Bel 112 bij acuut gevaar", "Neem contact op met CoMensha"],
        }
        description = _("Concrete actions the reader can take, as a checklist.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
        help_text=_("A warning stands out in red; use it for danger and deadlines."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout or warning")
        template = "blocks/callout_block.html"
        preview_value = {"kind": "warning", "title": "Acuut gevaar?", "text": "Bel direct 112."}
        description = _("A highlighted message: information or a warning.")


def _example(model_label, field, prefer=None, **values):
    """A preview value for the block picker: the first live snippet, in the editor's language where there is one.

    Evaluated when an editor opens the picker, so it always shows real content; None on an empty site, where the
    picker shows the block's description alone.
    """

    def value(*_meta):  # as a Meta attribute, Wagtail reads it as a method of the block's options
        model = apps.get_model(model_label)
        live = model.objects.filter(live=True).order_by(*(model._meta.ordering or ["pk"]))
        in_language = live.filter(locale=Locale.get_active())
        for candidates in (in_language.filter(**(prefer or {})), in_language, live):
            if snippet := candidates.first():
                return {field: snippet, **values}
        return None

    return value


class ContactBlock(blocks.StructBlock):
    organisatie = SnippetChooserBlock("organisaties.Organisatie", label=_("Organisation"))
    text = blocks.TextBlock(
        label=_("When to contact them"),
        required=False,
        help_text=_("One sentence: why or when to contact them."),
    )

    class Meta:
        icon = "group"
        label = _("Contact card")
        template = "blocks/contact_block.html"
        preview_value = _example(
            "organisaties.Organisatie",
            "organisatie",
            prefer={"phone__gt": ""},
            text="Bel of mail voor advies over een mogelijk slachtoffer.",
        )
        description = _(
            "The contact details of an organisation, always up to date from the organisation guide."
        )


class RegelingLinkBlock(blocks.StructBlock):
    regeling = SnippetChooserBlock("organisaties.Regeling", label=_("Right or regulation"))
    text = blocks.TextBlock(label=_("Why it matters here"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Link to a right or regulation")
        template = "blocks/regeling_link_block.html"
        preview_value = _example("organisaties.Regeling", "regeling", text="")
        description = _("A short card linking to a right or regulation.")


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/faq_block.html"
        preview_value = {
            "question": "Moet het slachtoffer aangifte doen?",
            "answer": "<p>Nee. Hulp is er ook zonder aangifte.</p>",
        }
        description = _("A question that opens to show its answer.")


class InhoudStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=settings.RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Running text."),
        preview_value="<p>Mensenhandel komt in veel vormen voor.</p>",
    )
    heading = HeadingBlock()
    list = ListBlock()
    checklist = ChecklistBlock()
    callout = CalloutBlock()
    contact = ContactBlock()
    regeling = RegelingLinkBlock()
    faq = FaqBlock()


class EntryPointBlock(blocks.StructBlock):
    """A start for one audience on the home page: a phase, a step or a (filtered) page of this site."""

    title = blocks.CharBlock(label=_("Title"), max_length=80, help_text=_('e.g. "I am a professional"'))
    text = blocks.TextBlock(label=_("Text"), max_length=250, help_text=_("One sentence under the title."))
    page = blocks.PageChooserBlock(
        label=_("Start page"), required=False, help_text=_("The phase, step or page this start leads to.")
    )
    path = blocks.RegexBlock(
        regex=r"^/[^\s]*$",
        label=_("Or an address on this site"),
        required=False,
        max_length=300,
        error_messages={
            "invalid": _(
                "Give an address on this site that starts with /, e.g. /overzicht/?leeftijd=minderjarig"
            )
        },
        help_text=_("Instead of a page, e.g. the overview for a situation: /overzicht/?leeftijd=minderjarig"),
    )

    class Meta:
        icon = "user"
        label = _("Start for an audience")
        template = "blocks/entry_point_block.html"

    def clean(self, value):

        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("path")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a start page or give an address, not both."))}
            )
        return value
