"""Builds the demo site from the YAML files in this folder.

Idempotent: whatever already exists (matched by slug) is left as it is, so a second run changes nothing and never
overwrites an editor's work. ``reset`` removes the demo tree and snippets first and builds everything anew.
"""

from pathlib import Path

import yaml
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from fases.models import FaseBron, FasePage, HomePage, StapBron, StapOrganisatie, StapPage, StapRegeling
from kern.models import Hulplijn, HulplijnBron, InformatiePagina, SiteInstellingen
from kern.translation_records import link_all_translations
from organisaties.models import (
    Dienst,
    Doelgroep,
    Gemeente,
    Organisatie,
    OrganisatieBron,
    Regeling,
    RegelingBron,
    Regio,
    Regiotype,
    Situatie,
    Situatievraag,
)
from zoeken.models import Synoniem

from .blocks import rich_text_from_paragraphs, stream_data
from .facts import check_fields, organisation_check_fields, sources
from .regios import load_regional_data
from .translations import TranslationLoader


def read(name: str, directory: Path | None = None) -> dict:
    directory = directory or settings.DEMO_CONTENT_DIR
    with open(directory / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class DemoLoader:
    def __init__(self, directory: Path | None = None, log=print):
        self.directory = directory or settings.DEMO_CONTENT_DIR
        self.log = log
        self.created = 0

    def read(self, name):
        return read(name, self.directory)

    def load(self, reset: bool = False) -> int:
        # Wagtail refreshes its reference index ("where is this used") on every save; building a whole site that
        # way is slow, so it is switched off while loading and rebuilt once at the end.
        with disable_reference_index_auto_update():
            created = self._load(reset)
        if created:
            call_command("rebuild_references_index", verbosity=0)
        return created

    @transaction.atomic
    def _load(self, reset: bool = False) -> int:
        self.locale = Locale.get_default()
        if reset:
            self.reset()
        situaties_file = self.read("situaties.yaml")
        vragen = self.load_questions(situaties_file["vragen"])
        situaties = self.load_taxonomy(
            Situatie,
            [{**row, "vraag": vragen[row["vraag"]]} for row in situaties_file["situaties"]],
            extra=("vraag",),
        )
        organisaties_file = self.read("organisaties.yaml")
        diensten = self.load_taxonomy(Dienst, organisaties_file["services"])
        doelgroepen = self.load_taxonomy(Doelgroep, organisaties_file["audiences"])
        self.organisaties = self.load_organisaties(
            organisaties_file["organisaties"], diensten, doelgroepen, situaties
        )
        self.regelingen = self.load_regelingen(self.read("regelingen.yaml")["regelingen"], situaties)
        home = self.load_home(self.read("fases.yaml"), situaties)
        self.load_information_pages(home, self.read("paginas.yaml")["paginas"])
        self._finish_entry_points()
        self.load_settings(self.read("instellingen.yaml"))
        placeholders = set()
        for language_code, _name in settings.LANGUAGES:
            if language_code == settings.LANGUAGE_CODE:
                continue
            translation = TranslationLoader(language_code, self.directory, self.log)
            if translation.available():
                self.created += translation.load()
                placeholders |= translation.placeholders()
        # After the translations: the demo organisations of every language are linked to their regions.
        self.created += load_regional_data(self.read("regiodekking.yaml"))
        self.load_synonyms()
        # Translations built here are recorded in wagtail-localize, for their status and PO export.
        # The "not yet in this language" lines stand in for untranslated texts: those stay waiting in it.
        link_all_translations(log=self.log, placeholders=placeholders)
        return self.created

    def load_synonyms(self):
        """Search synonyms per language (synoniemen.yaml, and <language>/synoniemen.yaml): each its own words."""
        for language_code, _name in settings.LANGUAGES:
            folder = (
                self.directory if language_code == settings.LANGUAGE_CODE else self.directory / language_code
            )
            locale = Locale.objects.filter(language_code=language_code).first()
            if locale is None or not (folder / "synoniemen.yaml").exists():
                continue
            for row in read("synoniemen.yaml", folder)["synoniemen"]:
                if not Synoniem.objects.filter(locale=locale, term=row["term"]).exists():
                    Synoniem.objects.create(locale=locale, term=row["term"], synonyms=row["synonyms"])
                    self.created += 1

    def reset(self):
        site = (
            Site.objects.get(is_default_site=True)
            if Site.objects.filter(is_default_site=True).exists()
            else None
        )
        tree_root = Page.get_first_root_node()
        if site is not None:
            # The site must not point at a page we delete: deleting a site's root page deletes the site.
            site.root_page = tree_root
            site.save()
        for home in HomePage.objects.all():
            home.delete()
        for model in (
            Organisatie,
            Regeling,
            Dienst,
            Doelgroep,
            Situatie,
            Situatievraag,
            Hulplijn,
            Regio,
            Regiotype,
            Gemeente,
            Synoniem,
        ):
            model.objects.all().delete()
        self.log("Removed the demo pages and snippets.")

    # Snippets ------------------------------------------------------------------------------------------------

    def load_questions(self, rows) -> dict:
        """The questions of the situation form, slug -> Situatievraag, in the order of the file."""
        items = {}
        for order, row in enumerate(rows):
            item = Situatievraag.objects.filter(slug=row["slug"], locale=self.locale).first()
            if item is None:
                item = Situatievraag(
                    slug=row["slug"],
                    locale=self.locale,
                    label=row["label"],
                    help_text=row.get("help_text") or "",
                    sort_order=order,
                )
                item.full_clean()
                item.save()
                self.created += 1
            items[row["slug"]] = item
        return items

    def load_taxonomy(self, model, rows, extra=()):
        items = {}
        for order, row in enumerate(rows):
            item = model.objects.filter(slug=row["slug"], locale=self.locale).first()
            if item is None:
                item = model(slug=row["slug"], locale=self.locale, name=row["name"], sort_order=order)
                for field in extra:
                    setattr(item, field, row[field])
                item.save()
                self.created += 1
            items[row["slug"]] = item
        return items

    def _situations(self, tags, situaties):
        return [situaties[slug] for values in (tags or {}).values() for slug in values]

    def _publish_snippet(self, item):
        item.save()
        item.save_revision().publish()
        self.created += 1

    def load_organisaties(self, rows, diensten, doelgroepen, situaties):
        items = {}
        for row in rows:
            item = Organisatie.objects.filter(slug=row["slug"], locale=self.locale).first()
            if item is None:
                item = Organisatie(
                    slug=row["slug"],
                    locale=self.locale,
                    name=row["name"],
                    discreet_name=row.get("discreet_name") or "",
                    summary=row["summary"].strip(),
                    what_it_does=rich_text_from_paragraphs(row["what_it_does"]),
                    phone=row.get("phone") or "",
                    email=row.get("email") or "",
                    website=row.get("website") or "",
                    opening_hours=row.get("opening_hours") or "",
                    always_available=bool(row.get("always_available")),
                    coverage=row.get("coverage") or Organisatie.Coverage.NATIONAL,
                    region=row.get("region") or "",
                    reachability=(row.get("bereikbaarheid") or "").strip(),
                    soort=row.get("soort") or "",
                    spoken_languages=", ".join(row.get("talen") or []),
                    bronnen=sources(OrganisatieBron, row.get("bronnen")),
                    **organisation_check_fields(row),
                    live=False,
                )
                item.services = [diensten[slug] for slug in row.get("services", [])]
                item.audiences = [doelgroepen[slug] for slug in row.get("audiences", [])]
                item.situations = self._situations(row.get("situations"), situaties)
                self._publish_snippet(item)
            items[row["slug"]] = item
        return items

    def load_regelingen(self, rows, situaties):
        items = {}
        for row in rows:
            item = Regeling.objects.filter(slug=row["slug"], locale=self.locale).first()
            if item is None:
                item = Regeling(
                    slug=row["slug"],
                    locale=self.locale,
                    title=row["title"],
                    summary=row["summary"].strip(),
                    explanation=rich_text_from_paragraphs(row["explanation"]),
                    legal_basis=row.get("legal_basis") or "",
                    source_url=row.get("source_url") or "",
                    source_title=row.get("source_title") or "",
                    applies_to=row["applies_to"].strip(),
                    bronnen=sources(RegelingBron, row.get("bronnen")),
                    **check_fields(row),
                    time_limit=row.get("time_limit") or "",
                    time_limit_source_url=row.get("time_limit_source_url") or "",
                    time_limit_source_title=row.get("time_limit_source_title") or "",
                    live=False,
                )
                item.situations = self._situations(row.get("situations"), situaties)
                self._publish_snippet(item)
            items[row["slug"]] = item
        return items

    # Pages ---------------------------------------------------------------------------------------------------

    def _publish_page(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def _body(self, blocks):
        return stream_data(blocks, self.organisaties, self.regelingen)

    def load_home(self, data, situaties) -> HomePage:
        home = HomePage.objects.filter(locale=self.locale).first()
        if home is None:
            tree_root = Page.get_first_root_node()
            home = self._publish_page(
                tree_root,
                HomePage(
                    title=data["home"]["title"],
                    slug="wegwijzer",
                    intro=data["home"]["intro"].strip(),
                ),
            )
        self._make_site_root(home)
        self.load_entry_points(home, data["home"].get("entry_points", []))
        for phase_data in data["fases"]:
            phase = FasePage.objects.child_of(home).filter(slug=phase_data["slug"]).first()
            if phase is None:
                phase = self._publish_page(
                    home,
                    FasePage(
                        title=phase_data["title"],
                        slug=phase_data["slug"],
                        intro=phase_data["intro"].strip(),
                        body=self._body(phase_data.get("body")),
                        bronnen=sources(FaseBron, phase_data.get("bronnen")),
                        **check_fields(phase_data),
                    ),
                )
            for step_data in phase_data["steps"]:
                if not StapPage.objects.child_of(phase).filter(slug=step_data["slug"]).exists():
                    self._publish_page(phase, self.build_step(step_data, situaties))
        return home

    def load_entry_points(self, home, rows):
        """The starts per audience on the home page; they link to pages, so they are added once the tree exists."""
        if home.entry_points or not rows:
            return
        self._pending_entry_points = (home, rows)

    def _finish_entry_points(self):
        pending = getattr(self, "_pending_entry_points", None)
        if pending is None:
            return
        home, rows = pending
        blocks = []
        for row in rows:
            value = {"title": row["title"], "text": row["text"], "page": None, "path": row.get("path", "")}
            if row.get("page"):
                value["page"] = Page.objects.get(url_path=home.url_path + row["page"].strip("/") + "/").pk
            blocks.append({"type": "entry_point", "value": value})
        home.entry_points = blocks
        home.save_revision().publish()
        self.created += 1

    def build_step(self, data, situaties) -> StapPage:
        step = StapPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"].strip(),
            handout_title=data.get("handout_title") or "",
            handout_text=(data.get("handout_text") or "").strip(),
            body=self._body(data.get("body")),
            regionale_hulp=bool(data.get("regionale_hulp")),
            regeling_links=[
                StapRegeling(
                    regeling=self.regelingen[link["slug"]], note=link.get("note") or "", sort_order=order
                )
                for order, link in enumerate(data.get("regelingen", []))
            ],
            organisatie_links=[
                StapOrganisatie(
                    organisatie=self.organisaties[link["slug"]], note=link.get("note") or "", sort_order=order
                )
                for order, link in enumerate(data.get("organisaties", []))
            ],
            bronnen=sources(StapBron, data.get("bronnen")),
            **check_fields(data),
        )
        step.situations = self._situations(data.get("situations"), situaties)
        return step

    def _make_site_root(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            return
        if site.root_page_id != home.pk:
            previous_root = site.root_page
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            # Wagtail's "Welcome" placeholder page is of no use once the wegwijzer is the site.
            if (
                type(previous_root.specific) is Page
                and previous_root.depth == 2
                and not previous_root.get_children()
            ):
                previous_root.delete()

    def load_information_pages(self, home, rows):
        for row in rows:
            if not InformatiePagina.objects.child_of(home).filter(slug=row["slug"]).exists():
                self._publish_page(
                    home,
                    InformatiePagina(
                        title=row["title"],
                        slug=row["slug"],
                        intro=(row.get("intro") or "").strip(),
                        body=self._body(row.get("body")),
                        show_helplines=row.get("hulplijnen", False),
                        show_in_menus=True,
                    ),
                )

    def load_settings(self, data):
        site = Site.objects.get(is_default_site=True)
        instellingen = SiteInstellingen.for_site(site)
        if instellingen.safety_page_id is None:
            instellingen.emergency_number = data["emergency_number"]
            instellingen.quick_exit_url = data["quick_exit_url"]
            instellingen.safety_page = InformatiePagina.objects.filter(
                slug=data["safety_page"], locale=self.locale
            ).first()
            instellingen.save()
            self.created += 1
        if not Hulplijn.objects.filter(locale=self.locale).exists():
            for order, line in enumerate(data["helplines"]):
                Hulplijn(
                    locale=self.locale,
                    sort_order=order,
                    name=line["name"],
                    number=line["number"],
                    description=line.get("description", ""),
                    opening_hours=line.get("opening_hours", ""),
                    bronnen=sources(HulplijnBron, line.get("bronnen")),
                    **check_fields(line),
                ).save()
                self.created += 1
