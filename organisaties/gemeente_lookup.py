"""Finds the municipality a visitor typed: by CBS code, by name, or by a former or common name.

Case, accents, hyphens, brackets and the apostrophe of "'s-" do not count (``name_key``). A found municipality costs
one or two queries whatever the number of municipalities; a miss costs two more to suggest the closest names
(difflib over at most a few hundred short names, with the typed text capped in length). Nothing is stored: the
municipality travels in the page address (``?gemeente=``), like the situation.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from kern.per_generation import kept

from .regio_models import APOSTROPHES, GEMEENTE_CODE, Gemeente, Gemeentenaam, name_key

PARAMETER = "gemeente"
MAX_LENGTH = 80
MAX_SUGGESTIONS = 6
# Letters of any language, digits, spaces and the punctuation of Dutch place names ('s-Hertogenbosch, Bergen (NH.)).
_ALLOWED = re.compile(rf"^[\w\s{re.escape(APOSTROPHES)}\-.,()/]+$")

MESSAGES = {
    "empty": _("Type the name of a municipality."),
    "too_long": _("That is too long for the name of a municipality. Type only the name, e.g. Zwolle."),
    "invalid": _("Use only letters, spaces and hyphens, e.g. 's-Hertogenbosch."),
    "unknown": _("We do not know a municipality with that name."),
}


@dataclass(frozen=True)
class Lookup:
    """What a typed municipality gave: the municipality, or an error code with the closest names."""

    query: str
    gemeente: Gemeente | None = None
    other_name: str = ""  # the former or common name that was typed, e.g. "Den Bosch"
    error: str = ""
    suggestions: list[Gemeente] = field(default_factory=list)

    @property
    def message(self):
        return MESSAGES.get(self.error, "")


def find_gemeente(value: str | None) -> Lookup:
    if value is None:
        value = ""
    if len(value) > MAX_LENGTH:
        return Lookup(query="", error="too_long")
    text = " ".join(value.split())
    if not text:
        return Lookup(query="", error="empty")
    if not _ALLOWED.match(text) or not text.isprintable():
        return Lookup(query="", error="invalid")
    if GEMEENTE_CODE.match(text.upper()):
        gemeente = Gemeente.objects.filter(code=text.upper()).first()
        if gemeente is not None:
            return Lookup(query=text, gemeente=gemeente)
    key = name_key(text)
    if not key:
        return Lookup(query=text, error="empty")
    gemeente = Gemeente.objects.filter(name_key=key).first()
    if gemeente is not None:
        return Lookup(query=text, gemeente=gemeente)
    other_names = list(Gemeentenaam.objects.filter(name_key=key).select_related("gemeente"))
    targets = {other.gemeente_id: other for other in other_names}
    if len(targets) == 1:
        other = other_names[0]
        return Lookup(query=text, gemeente=other.gemeente, other_name=other.name)
    return Lookup(query=text, error="unknown", suggestions=closest_gemeenten(key))


def closest_gemeenten(key: str, limit: int = MAX_SUGGESTIONS) -> list[Gemeente]:
    """The municipalities whose name (or other name) starts like the typed one or is closest to it.

    "Bergen" gives Bergen (L.) and Bergen (NH.); "Amsterdm" gives Amsterdam; "Weesp" would already have been found.
    """
    gemeenten = {
        gemeente.pk: gemeente for gemeente in Gemeente.objects.only("id", "code", "name", "name_key")
    }
    keys: dict[str, set[int]] = {}
    for gemeente in gemeenten.values():
        keys.setdefault(gemeente.name_key, set()).add(gemeente.pk)
    for other_key, gemeente_id in Gemeentenaam.objects.values_list("name_key", "gemeente_id"):
        keys.setdefault(other_key, set()).add(gemeente_id)
    ranked = [candidate for candidate in sorted(keys) if candidate.startswith(key)]
    ranked += difflib.get_close_matches(key, list(keys), n=limit, cutoff=0.7)
    found: list[Gemeente] = []
    for candidate in ranked:
        for gemeente_id in sorted(keys[candidate]):
            gemeente = gemeenten[gemeente_id]
            if gemeente not in found:
                found.append(gemeente)
    return found[:limit]


def lookup_for_request(request) -> Lookup | None:
    """The municipality in the page address, memoised on the request; None when the address names none."""
    if request is None or PARAMETER not in request.GET:
        return None
    cached = getattr(request, "_wegwijzer_gemeente", None)
    if cached is None:
        cached = request._wegwijzer_gemeente = find_gemeente(request.GET.get(PARAMETER))
    return cached


def gemeente_names() -> list[str]:
    """Every name a visitor may type, for the suggestions of the ``<datalist>``: one query per content change."""
    return kept("gemeente-names", _load_gemeente_names)


def _load_gemeente_names() -> list[str]:
    names = (
        Gemeente.objects.order_by()
        .values_list("name", flat=True)
        .union(Gemeentenaam.objects.order_by().values_list("name", flat=True))
    )
    # Names that read alike ("Bergen (L)", "Bergen L") sort by their spelling too, so every server and every render
    # lists them in the same order and the cached pages do not differ by the set's iteration order.
    return sorted(set(names), key=lambda name: (name_key(name), name))
