"""What may be printed on a hand-out that a victim takes home.

A paper found at home by the exploiter can put the victim in danger. The discreet hand-out (the default) leaves out
the words below and the chosen situation; editors write the hand-out texts of steps without them.
"""

import re

# Lowercase; checked case-insensitively in every language the site has (with the forms a sentence puts them in).
DISCREET_WORDS = (
    "mensenhandel",
    "human trafficking",
    "handel ludźmi",
    "handlu ludźmi",
    "handlem ludźmi",
    "handlowi ludźmi",
    "trafic de persoane",
    "traficul de persoane",
    "traficului de persoane",
    "трафик на хора",  # noqa: RUF001 (Bulgarian, not Latin letters)
    "трафика на хора",  # noqa: RUF001 (Bulgarian, not Latin letters)
    "трафикът на хора",  # noqa: RUF001 (Bulgarian, not Latin letters)
    "торгівля людьми",
    "торгівлі людьми",
    "торгівлю людьми",
    "торгівлею людьми",
    "trata de personas",
    "الاتجار بالبشر",
)


def mentions_discreet_word(text: str) -> bool:
    lowered = (text or "").lower()
    return any(word in lowered for word in DISCREET_WORDS)


def discreet_label(text: str) -> str:
    """A name without the words: "COSM (Categorale Opvang Slachtoffers Mensenhandel)" -> "COSM".

    The safety net for names that editors gave no discreet form; a part in brackets that holds a word goes, then
    the word itself.
    """
    label = text or ""
    for word in DISCREET_WORDS:
        label = re.sub(rf"\s*\([^)]*{word}[^)]*\)", "", label, flags=re.IGNORECASE)
        label = re.sub(rf"\b{word}\b", "", label, flags=re.IGNORECASE)
    return " ".join(label.split()).strip(" ,:-")
