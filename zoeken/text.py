"""From text to search terms: words, folded to plain letters, without stop words, stemmed per language.

The same steps run on the site's content when the index is built and on what a visitor types, so "Aangiftes",
"aangifte" and "AANGIFTE" meet. Snowball's Dutch and English stemmers are the ones PostgreSQL's full-text search
uses, so the search behaves the same on every database.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
STEMMERS = {"nl": "dutch", "en": "english"}

# Words that say nothing about what a page is about. Short on purpose: a word people use for a need ("geen",
# "help", "hulp", "niet") is not in here.
_DUTCH = """aan al alle als bij dan dat de deze die dit doe doen door dus een en er heb hebben heeft het hij hoe
        hun ik in is je jij kan kun kunnen maar me mag mee met mij mijn moet moeten na naar nog nu of om omdat
        ons onze ook op over te tegen toe tot u uit uw van veel voor waar wanneer wat we wel wie wij wil willen
        word worden wordt ze zich zij zijn zo zou"""
_ENGLISH = """a about an and are as at be been being but by can could did do does for from had has have he her him
        his how i if in into is it its me my of on or our she should so that the their them there they this to
        us was we were what when where which who why will with would you your"""
STOP_WORDS = {"nl": frozenset(_DUTCH.split()), "en": frozenset(_ENGLISH.split())}


def fold(text: str) -> str:
    """Lower case without accents: "Zorgcoördinator" and "zorgcoordinator" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of a text, in order; underscores and lone digits-with-letters stay as they are."""
    return [word for word in WORD.findall(fold(text)) if word.strip("_")]


def language_of(language_code: str) -> str:
    return language_code if language_code in STEMMERS else "nl"


# A Snowball stemmer keeps the word it works on in itself, so each thread has its own.
_local = threading.local()


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """Stems are remembered: Snowball in pure Python costs about half a millisecond a word, and words repeat."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMERS[language])
    return stemmers[language].stemWord(word)


def is_stop_word(word: str, language: str) -> bool:
    return word in STOP_WORDS[language]
