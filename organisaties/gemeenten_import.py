"""Brings the municipalities in line with a CBS list (``code,naam,provincie``) and its other names.

Used by the demo content and by ``manage.py load_gemeenten`` after a municipal reorganisation. A municipality that
is no longer in the list is removed, unless a region still covers it: then it stays, and the report says which
regions to update first, so a region never loses a municipality without an editor knowing.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .regio_models import GEMEENTE_CODE, Gemeente, Gemeentenaam

DATA_DIR = Path(__file__).resolve().parent / "data"
GEMEENTEN_CSV = DATA_DIR / "gemeenten.csv"
GEMEENTENAMEN_CSV = DATA_DIR / "gemeentenamen.csv"
REGIOS_YAML = DATA_DIR / "regios.yaml"


class InvalidFile(ValueError):
    """The file is not in the expected format; nothing was changed."""


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (code, old name, new name)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (code, old province, new province)
    removed: list[str] = field(default_factory=list)
    kept_in_use: list[tuple[str, list[str]]] = field(
        default_factory=list
    )  # (municipality, regions covering it)
    other_names: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.renamed or self.moved or self.removed)


def read_csv(path: Path, columns: tuple[str, ...]) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise InvalidFile(
                f"{path}: the header must be {','.join(columns)}, not {','.join(reader.fieldnames or ())}"
            )
        return [{key: (value or "").strip() for key, value in row.items()} for row in reader]


def read_gemeenten(path: Path = GEMEENTEN_CSV) -> list[dict]:
    rows = read_csv(path, ("code", "naam", "provincie"))
    codes = set()
    for number, row in enumerate(rows, start=2):
        if not GEMEENTE_CODE.match(row["code"]) or not row["naam"] or not row["provincie"]:
            raise InvalidFile(f"{path}, line {number}: a CBS code (GM0000), a name and a province are needed")
        if row["code"] in codes:
            raise InvalidFile(f"{path}, line {number}: {row['code']} is in the file twice")
        codes.add(row["code"])
    return rows


def read_gemeentenamen(path: Path = GEMEENTENAMEN_CSV) -> list[dict]:
    rows = read_csv(path, ("naam", "code", "soort"))
    kinds = set(Gemeentenaam.Kind.values)
    for number, row in enumerate(rows, start=2):
        if not row["naam"] or not GEMEENTE_CODE.match(row["code"]) or row["soort"] not in kinds:
            raise InvalidFile(
                f"{path}, line {number}: a name, a CBS code and the kind {'/'.join(kinds)} are needed"
            )
    return rows


@transaction.atomic
def update_gemeenten(rows: list[dict], other_name_rows: list[dict] | None = None, only_add=False) -> Report:
    """Adds, renames and removes municipalities to match ``rows``; replaces the other names when given.

    ``only_add`` (the demo content) adds what is missing and leaves every existing record as an editor left it.
    """
    report = Report()
    existing = {gemeente.code: gemeente for gemeente in Gemeente.objects.all()}
    wanted = {row["code"]: row for row in rows}
    for code, row in wanted.items():
        gemeente = existing.get(code)
        if gemeente is None:
            Gemeente.objects.create(code=code, name=row["naam"], provincie=row["provincie"])
            report.added.append(f"{code} {row['naam']}")
            continue
        if only_add:
            continue
        if gemeente.name != row["naam"] or gemeente.provincie != row["provincie"]:
            if gemeente.name != row["naam"]:
                report.renamed.append((code, gemeente.name, row["naam"]))
            if gemeente.provincie != row["provincie"]:
                report.moved.append((code, gemeente.provincie, row["provincie"]))
            gemeente.name, gemeente.provincie = row["naam"], row["provincie"]
            gemeente.save()
    for code in [] if only_add else sorted(set(existing) - set(wanted)):
        gemeente = existing[code]
        regios = list(gemeente.regios.order_by("name").values_list("name", flat=True))
        if regios:
            report.kept_in_use.append((f"{code} {gemeente.name}", regios))
        else:
            gemeente.delete()
            report.removed.append(f"{code} {gemeente.name}")
    if other_name_rows is not None:
        report.other_names = update_other_names(other_name_rows, only_add)
    return report


def update_other_names(rows: list[dict], only_add=False) -> int:
    """The other names become those of the file (``only_add``: the missing ones are added); returns how many
    were added or removed. A name pointing to an unknown code is refused."""
    gemeenten = {gemeente.code: gemeente for gemeente in Gemeente.objects.all()}
    unknown = sorted({row["code"] for row in rows} - set(gemeenten))
    if unknown:
        raise InvalidFile(f"other names point to unknown municipalities: {', '.join(unknown)}")
    existing = {
        (other.name, other.gemeente.code, other.kind): other
        for other in Gemeentenaam.objects.select_related("gemeente")
    }
    wanted = [(row["naam"], row["code"], row["soort"]) for row in rows]
    changes = 0
    if not only_add:
        for key in set(existing) - set(wanted):
            existing[key].delete()
            changes += 1
    for order, key in enumerate(wanted):
        if key not in existing:
            name, code, kind = key
            Gemeentenaam.objects.create(gemeente=gemeenten[code], name=name, kind=kind, sort_order=order)
            changes += 1
    return changes
