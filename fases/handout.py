"""What may be printed on a hand-out that a victim takes home.

A paper found at home by the exploiter can put the victim in danger. The discreet hand-out (the default) leaves out
the words below and the chosen situation; editors write the hand-out texts of steps without them. A hand-out in two
languages leaves them out in both: the words of every language the site has are checked in every text.
"""

import re
import unicodedata

# The words per language, as patterns over lowercase text (inflected forms included). The first pattern of Dutch
# and English is the plain word that editors are told about.
DISCREET_PATTERNS = {
    "nl": (r"mensenhandel",),
    "en": (r"human trafficking", r"trafficking in (?:human beings|persons)"),
    "pl": (r"hand(?:el|l\w*) ludźmi",),
    "ro": (r"trafic\w* de (?:persoane|fiin[țţ]e umane)",),
    "bg": (r"трафик\w* на (?:хора|човешки същества)",),  # noqa: RUF001 (Cyrillic letters, as meant)
    "uk": (r"торгівл\w* людьми",),
    "es": (r"(?:trata|tr[áa]fico) de (?:personas|seres humanos)",),
    # Letters only (short vowels and tatweel are dropped before matching): al-ittijar bil-bashar and its forms.
    "ar": (r"[اإأ]?تجار (?:بال|في ال)(?:بشر|أشخاص)",),
}
DISCREET_WORDS = ("mensenhandel", "human trafficking")  # named to editors in the form's error
_PATTERNS = [re.compile(pattern) for patterns in DISCREET_PATTERNS.values() for pattern in patterns]
_ARABIC_MARKS = dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x0640])


def normalised(text: str) -> str:
    """Lowercase, with compatibility forms folded (PDF text) and Arabic short vowels and tatweel left out."""
    return unicodedata.normalize("NFKC", text or "").casefold().translate(_ARABIC_MARKS)


def mentions_discreet_word(text: str) -> bool:
    lowered = normalised(text)
    return any(pattern.search(lowered) for pattern in _PATTERNS)


def discreet_label(text: str) -> str:
    """A name without the words: "COSM (Categorale Opvang Slachtoffers Mensenhandel)" -> "COSM".

    The safety net for names that editors gave no discreet form; a part in brackets that holds a word goes, then
    the word itself.
    """
    label = unicodedata.normalize("NFKC", text or "").translate(_ARABIC_MARKS)
    for pattern in _PATTERNS:
        label = re.sub(rf"\s*\([^)]*?{pattern.pattern}[^)]*\)", "", label, flags=re.IGNORECASE)
        label = re.sub(rf"\w*{pattern.pattern}\w*", "", label, flags=re.IGNORECASE)
    return " ".join(label.split()).strip(" ,:-")
