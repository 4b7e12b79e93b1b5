"""Where a demo fact set comes from and when it was checked, read from the YAML keys of the fact check.

``bronnen: [{titel, url, bevestigt}]`` become ordered source records, ``gecontroleerd_op`` the real date the facts
were confirmed against those sources (null: not confirmed, so the record is marked to check and shows no check
date, never the date the demo was loaded), ``gecontroleerd_door`` who checked and ``te_controleren`` what is left.
"""

from datetime import date

NOT_CONFIRMED = "Nog niet bevestigd met een openbare bron."


def check_fields(row: dict, fallback: dict | None = None) -> dict:
    """The review fields of a record; a translation without its own keys takes those of the Dutch original."""

    fallback = fallback or {}
    if "gecontroleerd_op" in row:
        checked = _date(row["gecontroleerd_op"])
    elif "last_checked" in row:
        checked = _date(row["last_checked"])
    else:
        checked = fallback.get("last_checked")
    to_check = (row.get("te_controleren") or fallback.get("to_check") or "").strip()
    if checked is None and not to_check:
        to_check = NOT_CONFIRMED
    return {
        "last_checked": checked,
        "review_before": None,  # six months after the check (Reviewable.save), none when never checked
        "checked_by_name": row.get("gecontroleerd_door") or fallback.get("checked_by_name") or "",
        "to_check": to_check,
    }


TYPE_NOT_CONFIRMED = "Soort organisatie (overheid, non-profit, internationaal) nog bevestigen met een bron."


def organisation_check_fields(row: dict) -> dict:
    """As ``check_fields``; a kind of organisation (``soort``) not confirmed against a source is left to check."""

    fields = check_fields(row)
    if row.get("soort") and not row.get("soort_bevestigd"):
        fields["to_check"] = "\n".join(part for part in (fields["to_check"], TYPE_NOT_CONFIRMED) if part)
    return fields


def sources(model, rows: list | None) -> list:
    """Unsaved source records in the YAML's order, for a ParentalKey relation ``bronnen``."""

    return [
        model(title=row["titel"], url=row["url"], confirms=row.get("bevestigt") or "", sort_order=order)
        for order, row in enumerate(rows or [])
    ]


def copied_sources(model, original) -> list:
    """The sources of the Dutch original, for a translation whose file lists none."""

    return [
        model(title=source.title, url=source.url, confirms=source.confirms, sort_order=source.sort_order)
        for source in original.bronnen.all()
    ]


def original_check_fields(original) -> dict:
    return {
        "last_checked": original.last_checked,
        "checked_by_name": original.checked_by_name,
        "to_check": original.to_check,
    }


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))
