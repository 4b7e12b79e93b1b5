"""Typo correction against the site's own words, at a bounded cost per word.

The words (of titles, names, services, audiences, synonyms and texts, the first ones weighing more) are indexed
by trigram within buckets of word length once per content generation. A misspelt word is then compared only with
the few words of nearly its length that share the most trigrams with it: a handful of dictionary look-ups and at
most ``MAX_CANDIDATES`` edit distances per word, however large the site grows. It runs in Python on every database,
so SQLite and PostgreSQL correct the same words the same way.
"""

from collections import Counter, defaultdict

MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = 30
LENGTH_SLACK = 2
MAX_CANDIDATES = 12


def trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def allowed_distance(word: str) -> int:
    """One slip in a short word, two in a long one; more would turn words into other words."""
    return 1 if len(word) < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a swap of two letters counts as one slip.

    Stops early once every path is beyond ``limit``; then returns ``limit + 1``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


class Vocabulary:
    """The site's words with their weight, and a trigram index per word length."""

    def __init__(self, weights: dict[str, float]):
        self.weights = dict(weights)
        self.by_trigram: dict[tuple[int, str], list[str]] = defaultdict(list)
        for word in self.weights:
            if MIN_WORD_LENGTH - LENGTH_SLACK <= len(word) <= MAX_WORD_LENGTH + LENGTH_SLACK:
                for trigram in trigrams(word):
                    self.by_trigram[(len(word), trigram)].append(word)
        self.by_trigram = dict(self.by_trigram)

    def __contains__(self, word: str) -> bool:
        return word in self.weights

    def correct(self, word: str) -> str | None:
        """The site's word the visitor most likely meant, or None when no word is close enough."""
        if (
            word in self.weights
            or not (MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH)
            or not word.isalpha()
        ):
            return None
        grams = trigrams(word)
        shared: Counter[str] = Counter()
        for length in range(len(word) - LENGTH_SLACK, len(word) + LENGTH_SLACK + 1):
            for trigram in grams:
                shared.update(self.by_trigram.get((length, trigram), ()))
        limit = allowed_distance(word)
        best: tuple[int, float, str] | None = None
        for candidate, _count in shared.most_common(MAX_CANDIDATES):
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
            rank = (distance, -self.weights[candidate], candidate)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None
