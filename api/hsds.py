"""The organisation guide as Open Referral HSDS 3 records (Human Services Data Specification).

Mapping, kept small and truthful:

* ``organization``: an Organisatie (id: its translation key, the same in every language).
* ``service``: what that organisation does for victims, one per organisation; ``assured_date`` is the date an
  editor last checked it, ``status`` is ``active`` (only published organisations are exported).
* ``phone``: the organisation's phone number as visitors should dial it.
* ``service_area``: the Netherlands for national organisations, the editors' region text for regional ones.
* eligibility: the situation tags (age, origin and residence, form of exploitation) as ``attributes`` with
  ``link_type`` ``eligibility``, summed up in ``eligibility_description``; the age tags also give
  ``minimum_age``/``maximum_age``. Services and audiences are attributes too (``service_type``, ``audience``).
* ``languages``: only the languages editors recorded as spoken (``Organisatie.spoken_languages``, confirmed by a
  source); where none are recorded the key is left out rather than guessed: a wrong language is a false promise
  to a victim.
* the kind of organisation (``Organisatie.soort``: government body, non-profit, intergovernmental): HSDS 3 has no
  field for it (``legal_status`` is the legal form, e.g. "Limited Company"), so it is an ``attribute`` of the
  organization with ``link_type`` ``organization_type`` in the taxonomy ``organisatiesoort``; left out when not
  recorded.

Identifiers are UUIDs derived from the translation keys, so they stay the same between exports.
"""

import uuid

from django.utils.html import strip_tags
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

HSDS_VERSION = "3.0"
NAMESPACE = uuid.UUID("6f1d7c2e-2b9a-5d0e-9d6b-4f1a8c3e5b70")
TAXONOMIES = {
    "situatie": gettext_lazy("Situations of the Human Trafficking Signpost's filter"),
    "dienst": gettext_lazy("Services of the Human Trafficking Signpost's organisation guide"),
    "doelgroep": gettext_lazy("Audiences of the Human Trafficking Signpost's organisation guide"),
    "organisatiesoort": gettext_lazy("Kinds of organisation: government body, non-profit, intergovernmental"),
}
# The age answers of the situation filter and the ages they stand for (their names say "under 18", "18 or older").
AGE_LIMITS = {"minderjarig": {"maximum_age": 17}, "meerderjarig": {"minimum_age": 18}}


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def organization_id(organisatie) -> str:
    return str(organisatie.translation_key)


def service_id(organisatie) -> str:
    return _id(organisatie.translation_key, "service")


def _phones(organisatie, **link) -> list[dict]:
    if not organisatie.phone:
        return []
    description = organisatie.opening_hours or (_("Day and night") if organisatie.always_available else "")
    phone = {
        "id": _id(organisatie.translation_key, "phone", *link),
        "number": organisatie.phone,
        "type": "voice",
    }
    phone.update(link)
    if description:
        phone["description"] = description
    return [phone]


def organization(organisatie, request, language: str) -> dict:
    record = {
        "id": organization_id(organisatie),
        "name": organisatie.name,
        "description": organisatie.summary,
        "uri": request.build_absolute_uri(organisatie.get_absolute_url()),
        "phones": _phones(organisatie, organization_id=organization_id(organisatie)),
    }
    if organisatie.email:
        record["email"] = organisatie.email
    if organisatie.website:
        record["website"] = organisatie.website
    if organisatie.soort:
        kind = OrganisationKind(organisatie.soort, organisatie.get_soort_display())
        record["attributes"] = [
            _attribute(
                record["id"],
                "organization_type",
                "organisatiesoort",
                kind,
                language,
                link_entity="organization",
            )
        ]
    return record


class OrganisationKind:
    """One value of ``Organisatie.soort`` as a taxonomy term (the same identifier in every language)."""

    def __init__(self, slug: str, name: str):
        self.slug = self.translation_key = slug
        self.name = name

    def __str__(self):
        return self.name


def _languages(organisatie, service: str) -> list[dict]:
    languages = []
    for code in organisatie.language_codes():
        try:
            name = get_language_info(code)["name"]
        except KeyError:
            name = code
        languages.append(
            {"id": _id(service, "language", code), "service_id": service, "name": name, "code": code}
        )
    return languages


def _taxonomy(name: str) -> dict:
    return {"id": _id("taxonomy", name), "name": name, "description": str(TAXONOMIES[name]), "version": "1"}


def _attribute(
    link_id: str, link_type: str, taxonomy: str, term, language: str, link_entity="service"
) -> dict:
    term_id = _id("term", taxonomy, term.translation_key)
    return {
        "id": _id(link_id, link_type, term.translation_key),
        "link_id": link_id,
        "link_type": link_type,
        "link_entity": link_entity,
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": term.slug,
            "name": term.name,
            "description": str(term),
            "language": language,
            "taxonomy": taxonomy,
            "taxonomy_id": _id("taxonomy", taxonomy),
            "taxonomy_detail": _taxonomy(taxonomy),
        },
    }


def _eligibility(organisatie) -> tuple[list, str, dict]:
    """The situation tags, a sentence that sums them up, and the age limits they imply."""
    tags = list(organisatie.situations.all())
    by_question: dict[str, list] = {}
    for situatie in tags:
        by_question.setdefault(situatie.question, []).append(situatie)
    if not tags:
        return [], _("Everyone: this organisation is not limited to some situations."), {}
    parts = [
        f"{situaties[0].vraag.label}: {', '.join(s.name for s in situaties)}"
        for situaties in by_question.values()
    ]
    ages = {}
    if len(by_question.get("leeftijd", ())) == 1:
        ages = AGE_LIMITS.get(by_question["leeftijd"][0].slug, {})
    return tags, "; ".join(parts), ages


def _plain_text(rich_text: str) -> str:
    """HSDS descriptions are plain text: paragraphs and list items stay apart as lines."""
    html = expand_db_html(rich_text).replace("</p>", "</p>\n\n").replace("</li>", "</li>\n")
    return "\n".join(line.strip() for line in strip_tags(html).strip().splitlines())


def service(organisatie, request, language: str) -> dict:
    sid = service_id(organisatie)
    tags, eligibility, ages = _eligibility(organisatie)
    area = (
        {"name": organisatie.region, "description": _("Works regionally.")}
        if organisatie.coverage == "regional" and organisatie.region
        else {"name": _("The Netherlands"), "description": _("Works nationally.")}
    )
    record = {
        "id": sid,
        "organization_id": organization_id(organisatie),
        "name": organisatie.name,
        "alternate_name": organisatie.summary,
        "description": _plain_text(organisatie.what_it_does),
        "url": request.build_absolute_uri(organisatie.get_absolute_url()),
        "status": "active",
        "eligibility_description": eligibility,
        "phones": _phones(organisatie, service_id=sid),
        "service_areas": [{"id": _id(sid, "area"), "service_id": sid, "extent_type": "text", **area}],
        "attributes": [
            *(_attribute(sid, "eligibility", "situatie", tag, language) for tag in tags),
            *(
                _attribute(sid, "service_type", "dienst", term, language)
                for term in organisatie.services.all()
            ),
            *(
                _attribute(sid, "audience", "doelgroep", term, language)
                for term in organisatie.audiences.all()
            ),
        ],
        **ages,
    }
    if organisatie.last_checked:  # facts never confirmed against a source carry no assured date
        record["assured_date"] = organisatie.last_checked.isoformat()
    if organisatie.email:
        record["email"] = organisatie.email
    languages = _languages(organisatie, sid)
    if languages:  # never an empty list that reads as "no language": left out when not known
        record["languages"] = languages
    return record
