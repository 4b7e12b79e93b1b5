"""Small filters for the route and the hand-out."""

from urllib.parse import urlsplit

from django import template
from django.template.base import token_kwargs
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Longer than this, a web address is no longer something a person types from paper.
SHORT_ADDRESS_LENGTH = 30


@register.filter
def short_address(url: str) -> str:
    """ "https://www.comensha.nl/onze-helpdesk/" -> "comensha.nl": a site's name a person can type; "" if long."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    return host if len(host) <= SHORT_ADDRESS_LENGTH else ""


# The elements a two-language pair may be written in: text in a line, or its stressed form.
PAIR_ELEMENTS = ("span", "strong")
PAIR_OPTIONS = ("element", "second_class", "separator")


class BothLanguagesNode(template.Node):
    def __init__(self, sheet, nodelist, options):
        self.sheet = sheet
        self.nodelist = nodelist
        self.options = options

    def text(self, context):
        # The template may put the text on lines of its own; the paper shows it without that white space.
        return mark_safe(self.nodelist.render(context).strip())

    def render(self, context):
        sheet = self.sheet.resolve(context)
        options = {name: value.resolve(context) for name, value in self.options.items()}
        element = options.get("element", "span")
        if element not in PAIR_ELEMENTS:
            raise template.TemplateSyntaxError(f"both_languages: element must be one of {PAIR_ELEMENTS}")
        first = format_html(
            '<{0} lang="{1}">{2}</{0}>', element, translation.get_language(), self.text(context)
        )
        if not sheet.second:
            return first
        with translation.override(sheet.second):
            second_text = self.text(context)
        second_class = options.get("second_class", "")
        class_attribute = format_html(' class="{}"', second_class) if second_class else ""
        second = format_html(
            '<{0}{1} lang="{2}" dir="{3}">{4}</{0}>',
            element,
            class_attribute,
            sheet.second,
            sheet.second_dir,
            second_text,
        )
        return format_html("{}{}{}", first, options.get("separator", " "), second)


@register.tag("both_languages")
def both_languages(parser, token):
    """The enclosed text in the page's language, then once more in the sheet's second language, if it has one.

    ``{% both_languages sheet second_class="handout__second" %}{% translate "Who can help you" %}{% endboth_languages %}``
    gives ``<span lang="nl">Wie kan u helpen</span> <span class="handout__second" lang="ar" dir="rtl">...</span>``:
    the text is rendered twice, the second time with the second language active, so the paper shows both without
    writing each sentence twice in the template. Options: ``element`` ("span" or "strong"), ``second_class``, and the
    ``separator`` between the two (a space unless given).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "both_languages needs the hand-out sheet: {% both_languages sheet %}"
        )
    options = token_kwargs(bits[2:], parser)
    if len(options) != len(bits) - 2 or set(options) - set(PAIR_OPTIONS):
        raise template.TemplateSyntaxError(f"both_languages takes only the options {', '.join(PAIR_OPTIONS)}")
    nodelist = parser.parse(("endboth_languages",))
    parser.delete_first_token()
    return BothLanguagesNode(parser.compile_filter(bits[1]), nodelist, options)
