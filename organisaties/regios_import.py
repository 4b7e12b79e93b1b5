"""Reads the region types and regions of ``data/regios.yaml`` (format in data/README.md) into the database.

Adds what is missing, matched by slug, and leaves existing records as editors left them. The municipalities must
be loaded first (``gemeenten_import``); a code the file names but the database lacks is an error, not a silent gap.
"""

from datetime import date

import yaml
from django.db import transaction

from .gemeenten_import import REGIOS_YAML, InvalidFile
from .regio_models import Gemeente, Regio, RegioBron, Regiotype, RegiotypeBron


def read_regios(path=REGIOS_YAML) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_regios(data: dict, order: list[str] | None = None) -> int:
    """Creates the missing region types and regions; returns how many records were created.

    ``order`` lists type keys most relevant first; it sets the order of a new type in "Help nearby".
    """
    order = order or []
    checked = _date(data["gecontroleerd_op"])
    gemeenten = {gemeente.code: gemeente for gemeente in Gemeente.objects.all()}
    created = 0
    for position, type_data in enumerate(data["regiotypes"]):
        key = type_data["type"]
        regiotype = Regiotype.objects.filter(slug=key).first()
        if regiotype is None:
            regiotype = _create_regiotype(
                type_data, order.index(key) if key in order else len(order) + position, checked
            )
            created += 1
        for regio_data in type_data["regios"]:
            if not Regio.objects.filter(slug=regio_data["slug"]).exists():
                _create_regio(regiotype, regio_data, gemeenten)
                created += 1
    return created


def _create_regiotype(data, sort_order, checked) -> Regiotype:
    # The national number (Veilig Thuis, CSG) or the organisation that helps instead (CoMensha) is the fallback.
    contact = data.get("landelijk_contact") or data.get("terugval_contact") or {}
    sources = data.get("landelijk_bronnen") or data.get("terugval_bronnen") or []
    regiotype = Regiotype(
        slug=data["type"],
        name=data["naam"],
        description=(data.get("omschrijving") or "").strip(),
        sort_order=sort_order,
        fallback_organisation=contact.get("organisatie", ""),
        fallback_phone=str(contact.get("telefoon", "")),
        fallback_email=contact.get("e-mail", ""),
        fallback_website=contact.get("website", ""),
        fallback_opening_hours=contact.get("openingstijden", ""),
        fallback_note=(contact.get("toelichting") or "").strip(),
        last_checked=checked if contact else None,
    )
    regiotype.sources = [_source(RegiotypeBron, order, source) for order, source in enumerate(sources)]
    regiotype.save()
    return regiotype


def _create_regio(regiotype, data, gemeenten) -> Regio:
    missing = [code for code in data.get("gemeenten", []) if code not in gemeenten]
    if missing:
        raise InvalidFile(f"region {data['slug']} names unknown municipalities: {', '.join(missing)}")
    if not data.get("bronnen"):
        raise InvalidFile(f"region {data['slug']} has no source")
    contact = data.get("contact") or {}
    regio = Regio(
        regiotype=regiotype,
        slug=data["slug"],
        name=data["naam"],
        code=data.get("code", ""),
        area=data.get("werkgebied") or data.get("werkgebied_volgens_bron") or "",
        status=data["status"],
        to_check=(data.get("te_controleren") or "").strip(),
        last_checked=_date(data["gecontroleerd_op"]),
        contact_organisation=contact.get("organisatie", ""),
        phone=str(contact.get("telefoon", "")),
        phone_urgent=str(contact.get("telefoon_spoed", "")),
        email=contact.get("e-mail", ""),
        website=contact.get("website", ""),
        opening_hours=contact.get("openingstijden", ""),
        contact_note=(contact.get("toelichting") or "").strip(),
    )
    regio.sources = [_source(RegioBron, order, source) for order, source in enumerate(data["bronnen"])]
    regio.gemeenten = [gemeenten[code] for code in data.get("gemeenten", [])]
    regio.save()
    return regio


def _source(model, order, data):
    return model(
        sort_order=order,
        title=data["titel"].strip(),
        url=data["url"],
        confirms=(data.get("bevestigt") or "").strip(),
    )


def _date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
