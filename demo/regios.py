"""The municipalities, regions and the demo organisations' regional links, for the demo site.

The data itself ships with the organisaties app (organisaties/data/); this only decides the demo's order of the
region types and which demo organisation serves which regions (demo/content/regiodekking.yaml).
"""

from organisaties.gemeenten_import import read_gemeenten, read_gemeentenamen, update_gemeenten
from organisaties.models import Organisatie, OrganisatieRegio, Regio, Regiotype, RegiotypeBron
from organisaties.regios_import import load_regios, read_regios


def load_regional_data(coverage: dict) -> int:
    """Adds the missing municipalities, other names, regions and links; returns how many records were created."""
    report = update_gemeenten(read_gemeenten(), read_gemeentenamen(), only_add=True)
    created = len(report.added) + report.other_names
    rows = coverage["regiotypes"]
    created += load_regios(read_regios(), order=[row["type"] for row in rows])
    for row in rows:
        if row.get("terugval"):
            created += set_fallback(row["type"], row["terugval"])
        if row.get("organisatie"):
            created += link_organisations(row["organisatie"], row["type"])
    return created


def link_organisations(slug: str, regiotype_key: str) -> int:
    """Links the organisation (in every language) to each region of the type that it does not serve yet."""
    created = 0
    regios = list(Regio.objects.filter(regiotype__slug=regiotype_key).prefetch_related("sources"))
    for organisatie in Organisatie.objects.filter(slug=slug):
        links = list(organisatie.regio_links.all())
        linked = {link.regio_id for link in links}
        new = [
            OrganisatieRegio(
                regio=regio,
                source_title=regio.sources.all()[0].title,
                source_url=regio.sources.all()[0].url,
                last_checked=regio.last_checked,
            )
            for regio in regios
            if regio.pk not in linked
        ]
        if not new:
            continue
        # Through a published revision, so that the editor's next draft starts from these links, not without them.
        organisatie.regio_links = links + new
        organisatie.save()
        if organisatie.live:
            organisatie.save_revision().publish()
        created += len(new)
    return created


def set_fallback(regiotype_key: str, data: dict) -> int:
    """A fallback for a type whose data file names none (the police), unless an editor already set one."""
    regiotype = Regiotype.objects.get(slug=regiotype_key)
    if regiotype.has_fallback:
        return 0
    regiotype.fallback_organisation = data["organisatie"]
    regiotype.fallback_phone = data["telefoon"]
    regiotype.fallback_note = data["toelichting"]
    regiotype.last_checked = data["gecontroleerd_op"]
    regiotype.sources = [
        RegiotypeBron(
            sort_order=order, title=source["titel"], url=source["url"], confirms=source["bevestigt"]
        )
        for order, source in enumerate(data["bronnen"])
    ]
    regiotype.save()
    return 1
