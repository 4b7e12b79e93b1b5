"""What the printed hand-out says, in the page's language and, when asked, a second language beside it.

``tweede_taal=<code>`` in the address adds a second language: each text of the sheet is followed by its
translation (the translated step, phase or organisation with the same translation_key; the interface strings come
from that language's catalogue in the template). An item without a translation, or whose translation is the same
text, is printed once. The discreet sheet leaves the words for human trafficking out in both languages.

With a municipality chosen (``gemeente=``) the sheet also names who helps there, from
``organisaties.regional_help.regional_contacts``.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language, get_language_info

from kern.per_generation import kept
from kern.translation_checks import all_translations_checked
from organisaties.models import Organisatie
from organisaties.regional_help import kept_regional_contacts

from .handout import discreet_label, mentions_discreet_word
from .models import journey_outline

PARAMETER = "tweede_taal"
# Who to call locally: at most this many lines, so the sheet keeps to its pages.
MAX_REGIONAL_LINES = 5


def second_language(request) -> str:
    """The second language asked for, or "" when none, unknown, repeated or the page's own language."""
    values = request.GET.getlist(PARAMETER)
    if len(values) != 1:
        return ""
    code = values[0]
    if code not in dict(settings.LANGUAGES) or code == (get_language() or settings.LANGUAGE_CODE):
        return ""
    return code


def language_choices() -> list[tuple[str, str]]:
    """(code, name in itself) of every language but the page's own, for the select on the page."""
    current = get_language() or settings.LANGUAGE_CODE
    return [(code, name) for code, name in settings.LANGUAGES if code != current]


@dataclass
class Text:
    """A text in the page's language and its translation ("" when there is none or it says the same)."""

    text: str
    second: str = ""

    @classmethod
    def pair(cls, text: str, second: str) -> "Text":
        return cls(text, "" if second == text else second)


@dataclass
class SheetStep:
    title: Text
    text: Text


@dataclass
class SheetPhase:
    title: Text
    steps: list[SheetStep] = field(default_factory=list)


@dataclass
class SheetContact:
    organisatie: Organisatie
    name: Text
    opening_hours: Text


@dataclass
class RegionalLine:
    kind: str  # the region type, e.g. "Veilig Thuis"
    name: str  # the region or organisation to call
    phone: str
    for_whom: str = ""
    national: bool = False  # no region is known: the national number


@dataclass
class Sheet:
    phases: list[SheetPhase]
    contacts: list[SheetContact]
    second: str = ""
    gemeente: object = None
    regional: list[RegionalLine] = field(default_factory=list)
    # A translation on the paper that no translator checked: the paper says so in that language, as the pages do.
    first_unchecked: bool = False
    second_unchecked: bool = False

    @property
    def second_dir(self) -> str:
        return "rtl" if self.second and get_language_info(self.second)["bidi"] else "ltr"


def translated_organisaties(language: str) -> dict:
    """translation_key -> live organisation of a language, kept per content generation (one query once)."""

    def load():
        organisaties = Organisatie.objects.filter(locale__language_code=language, live=True)
        return {
            organisatie.translation_key: organisatie for organisatie in organisaties.defer("what_it_does")
        }

    return kept(f"organisaties-by-key:{language}", load)


def translated_pages(language: str) -> dict:
    """translation_key -> live, public phase or step of a language (from the journey outline, cached)."""
    pages = {}
    for phase, steps in journey_outline(language):
        pages[phase.translation_key] = phase
        for step in steps:
            pages[step.translation_key] = step
    return pages


def _step_texts(page, discreet: bool, like=None) -> tuple[str, str]:
    """(title, text) of a step on the sheet. For a translation, ``like`` is the step it translates: its text is
    the translation of the same field, so a step whose hand-out text is not translated yet gets no second text
    (rather than its summary for professionals)."""
    if like is None:
        text = page.handout_text or page.summary
    else:
        text = page.handout_text if like.handout_text else page.summary
    if not discreet:
        return page.title, text
    title = page.discreet_title
    return ("" if mentions_discreet_word(title) else title), ("" if mentions_discreet_word(text) else text)


def _safe(text: str, discreet: bool) -> str:
    return "" if discreet and mentions_discreet_word(text) else text


def _name(organisatie, discreet: bool) -> str:
    return discreet_label(organisatie.discreet_name or organisatie.name) if discreet else organisatie.name


def _digits(phone: str) -> str:
    return "".join(character for character in phone or "" if character.isdigit())


def build_sheet(route, discreet: bool, second: str = "", gemeente=None) -> Sheet:
    pages = translated_pages(second) if second else {}
    organisaties = translated_organisaties(second) if second else {}
    printed = []  # the items whose texts the paper prints, in the page's language
    printed_second = []  # and their translations into the second language
    phases = []
    for phase in route.phases:
        if not phase.steps:
            continue
        other = pages.get(phase.page.translation_key)
        printed.append(phase.page)
        printed_second.extend([other] if other else [])
        entry = SheetPhase(
            Text.pair(_safe(phase.page.title, discreet), _safe(other.title, discreet) if other else "")
        )
        for step in phase.steps:
            title, text = _step_texts(step.page, discreet)
            other = pages.get(step.page.translation_key)
            printed.append(step.page)
            printed_second.extend([other] if other else [])
            second_title, second_text = _step_texts(other, discreet, like=step.page) if other else ("", "")
            entry.steps.append(SheetStep(Text.pair(title, second_title), Text.pair(text, second_text)))
        phases.append(entry)
    regional = regional_lines(gemeente, route.selection, discreet) if gemeente is not None else []
    regional_phones = {_digits(line.phone) for line in regional}
    contacts = []
    for organisatie in route.contacts:
        if _digits(organisatie.phone) in regional_phones:
            continue  # already under "who helps in <municipality>"
        other = organisaties.get(organisatie.translation_key)
        printed.append(organisatie)
        printed_second.extend([other] if other else [])
        contacts.append(
            SheetContact(
                organisatie,
                Text.pair(_name(organisatie, discreet), _name(other, discreet) if other else ""),
                Text.pair(organisatie.opening_hours, other.opening_hours if other else ""),
            )
        )
    language = get_language() or settings.LANGUAGE_CODE
    # Only translations count: the Dutch texts are the originals.
    first_checked = all_translations_checked(printed if language != settings.LANGUAGE_CODE else [])
    second_checked = all_translations_checked(printed_second if second != settings.LANGUAGE_CODE else [])
    return Sheet(
        phases,
        contacts,
        second,
        gemeente,
        regional,
        first_unchecked=not first_checked,
        second_unchecked=not second_checked,
    )


def regional_lines(gemeente, selection, discreet: bool) -> list[RegionalLine]:
    """Who to call in the municipality, per region type: the region's number and its organisations' numbers, or
    the national number where no region is known. Types with nothing to call are left out."""
    lines = []
    for help in kept_regional_contacts(gemeente, selection, sources=False):
        kind = discreet_label(help.regiotype.name) if discreet else help.regiotype.name
        if help.known:
            regio = help.regio
            if regio.phone:
                lines.append(RegionalLine(kind, regio.name, regio.phone))
            for link in help.organisations:
                if link.phone and _digits(link.phone) != _digits(regio.phone):
                    lines.append(
                        RegionalLine(kind, _name(link.organisatie, discreet), link.phone, link.for_whom)
                    )
        elif help.has_fallback and help.regiotype.fallback_phone:
            name = help.regiotype.fallback_organisation
            lines.append(
                RegionalLine(
                    kind,
                    discreet_label(name) if discreet else name,
                    help.regiotype.fallback_phone,
                    national=True,
                )
            )
    return lines[:MAX_REGIONAL_LINES]
