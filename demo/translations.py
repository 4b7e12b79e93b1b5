"""Builds a translation of the demo site (e.g. English under /en/) from demo/<language>/*.yaml.

The translated files hold only texts, keyed by the Dutch slug. Everything else — the links between steps and
snippets, contact details, dates and situation tags — is taken from the Dutch original and pointed at the
translated snippets, so the translated site has the same structure. Like the Dutch loader, it only adds what is
missing and never overwrites an editor's work.
"""

from pathlib import Path

import yaml
from django.conf import settings
from wagtail.models import Locale, Page

from fases.models import FaseBron, FasePage, HomePage, StapBron, StapOrganisatie, StapPage, StapRegeling
from kern.models import Hulplijn, HulplijnBron, InformatiePagina
from organisaties.models import (
    Dienst,
    Doelgroep,
    Organisatie,
    OrganisatieBron,
    Regeling,
    RegelingBron,
    Situatie,
    Situatievraag,
)

from .blocks import rich_text_from_paragraphs, stream_data
from .facts import check_fields, copied_sources, original_check_fields, sources

COPIED_ORGANISATION_FIELDS = [
    "slug",
    "phone",
    "email",
    "website",
    "always_available",
    "coverage",
    "soort",
    "spoken_languages",
]
COPIED_REGULATION_FIELDS = ["slug", "legal_basis", "source_url", "time_limit_source_url"]


class TranslationLoader:
    def __init__(self, language_code: str, directory: Path | None = None, log=print):
        self.language_code = language_code
        self.directory = (directory or settings.DEMO_CONTENT_DIR) / language_code
        self.log = log
        self.created = 0

    def available(self) -> bool:
        return self.directory.is_dir() and (self.directory / "fases.yaml").exists()

    def read(self, name) -> dict:
        """A file of this language; one it does not have (a language without organisation texts) is empty."""
        if not (self.directory / name).exists():
            return {}
        with open(self.directory / name, encoding="utf-8") as handle:
            return yaml.safe_load(handle) or {}

    def load(self) -> int:
        self.source = Locale.get_default()
        self.locale, _ = Locale.objects.get_or_create(language_code=self.language_code)
        organisaties_file = self.read("organisaties.yaml")
        situaties_file = self.read("situaties.yaml")
        self.vragen = self.translate_questions(situaties_file.get("vragen", {}))
        self.situaties = self.translate_taxonomy(Situatie, situaties_file.get("situaties", {}))
        self.diensten = self.translate_taxonomy(Dienst, organisaties_file.get("services", {}))
        self.doelgroepen = self.translate_taxonomy(Doelgroep, organisaties_file.get("audiences", {}))
        self.organisatie_fallbacks = organisaties_file.get("fallbacks", {})
        self.organisaties = self.translate_organisaties(organisaties_file.get("organisaties", {}))
        regelingen_file = self.read("regelingen.yaml")
        self.regeling_fallbacks = regelingen_file.get("fallbacks", {})
        self.regelingen = self.translate_regelingen(regelingen_file.get("regelingen", {}))
        fases_file = self.read("fases.yaml")
        self.step_fallbacks = fases_file.get("fallbacks", {})
        self.translate_pages(fases_file, self.read("paginas.yaml").get("paginas", {}))
        settings_file = self.read("instellingen.yaml")
        self.translate_helplines(settings_file.get("helplines", {}), settings_file.get("opening_hours", {}))
        return self.created

    def placeholders(self) -> set[str]:
        """The lines of this language that say a text is not translated yet (never a translation of the Dutch)."""
        regelingen = self.read("regelingen.yaml").get("fallbacks", {})
        steps = self.read("fases.yaml").get("fallbacks", {})
        organisaties = self.read("organisaties.yaml").get("fallbacks", {})
        texts = [*regelingen.values(), *steps.values(), *organisaties.values()]
        return {text.strip() for text in texts if isinstance(text, str)}

    def translate_helplines(self, descriptions: dict, opening_hours: dict):
        """Helplines keyed by their (Dutch) name; the description and opening hours are translated, the sources and
        check dates are those of the Dutch original."""
        for original in Hulplijn.objects.filter(locale=self.source):
            if self._existing(original) is None:
                Hulplijn(
                    translation_key=original.translation_key,
                    locale=self.locale,
                    name=original.name,
                    number=original.number,
                    description=descriptions.get(original.name, original.description),
                    opening_hours=opening_hours.get(original.name, original.opening_hours),
                    sort_order=original.sort_order,
                    bronnen=copied_sources(HulplijnBron, original),
                    **original_check_fields(original),
                ).save()
                self.created += 1

    # Snippets ------------------------------------------------------------------------------------------------

    def _existing(self, original):
        return (
            type(original)
            .objects.filter(translation_key=original.translation_key, locale=self.locale)
            .first()
        )

    def translate_questions(self, texts: dict) -> dict:
        """Dutch slug -> the question in this language (its label and explanation from the file, else Dutch)."""
        items = {}
        for original in Situatievraag.objects.filter(locale=self.source):
            item = self._existing(original)
            if item is None:
                text = texts.get(original.slug) or {}
                item = Situatievraag.objects.create(
                    translation_key=original.translation_key,
                    locale=self.locale,
                    slug=original.slug,
                    label=text.get("label") or original.label,
                    help_text=text.get("help_text", original.help_text),
                    sort_order=original.sort_order,
                )
                self.created += 1
            items[original.slug] = item
        return items

    def translate_taxonomy(self, model, names: dict) -> dict:
        """Dutch slug -> translated item."""
        items = {}
        for original in model.objects.filter(locale=self.source):
            item = self._existing(original)
            if item is None:
                item = model(
                    translation_key=original.translation_key,
                    locale=self.locale,
                    slug=original.slug,
                    name=names.get(original.slug, original.name),
                    sort_order=original.sort_order,
                )
                if model is Situatie:
                    item.vraag = self.vragen[original.vraag.slug]
                item.save()
                self.created += 1
            items[original.slug] = item
        return items

    def _map(self, items, originals):
        return [items[original.slug] for original in originals if original.slug in items]

    def _publish(self, item):
        item.live = False
        item.save()
        item.save_revision().publish()
        self.created += 1

    def translate_organisaties(self, texts: dict) -> dict:
        items = {}
        for original in Organisatie.objects.filter(locale=self.source).prefetch_related(
            "services", "audiences", "situations"
        ):
            item = self._existing(original)
            if item is None:
                text = texts.get(original.slug, {})
                item = Organisatie(translation_key=original.translation_key, locale=self.locale)
                for field in COPIED_ORGANISATION_FIELDS:
                    setattr(item, field, getattr(original, field))
                item.name = text.get("name", original.name)
                item.discreet_name = text.get("discreet_name", original.discreet_name)
                item.summary = text.get("summary", original.summary).strip()
                # Like regulations: a language with only the short description says where the long one is.
                item.what_it_does = (
                    rich_text_from_paragraphs(text["what_it_does"])
                    if "what_it_does" in text
                    else (
                        rich_text_from_paragraphs(self.organisatie_fallbacks["what_it_does"])
                        if text and "what_it_does" in self.organisatie_fallbacks
                        else original.what_it_does
                    )
                )
                item.opening_hours = (
                    text.get("opening_hours", original.opening_hours) if original.opening_hours else ""
                )
                item.region = text.get("region", original.region) if original.region else ""
                item.reachability = (text.get("bereikbaarheid") or original.reachability).strip()
                self._set_facts(item, text, original, OrganisatieBron)
                item.services = self._map(self.diensten, original.services.all())
                item.audiences = self._map(self.doelgroepen, original.audiences.all())
                item.situations = self._map(self.situaties, original.situations.all())
                self._publish(item)
            items[original.slug] = item
        return items

    def translate_regelingen(self, texts: dict) -> dict:
        items = {}
        for original in Regeling.objects.filter(locale=self.source).prefetch_related("situations"):
            item = self._existing(original)
            if item is None:
                text = texts.get(original.slug, {})
                item = Regeling(translation_key=original.translation_key, locale=self.locale)
                for field in COPIED_REGULATION_FIELDS:
                    setattr(item, field, getattr(original, field))
                item.title = text.get("title", original.title)
                item.summary = text.get("summary", original.summary).strip()
                # A language with only the short explanation (summary) says, in that language, where the long one
                # is, rather than showing Dutch text in the middle of a translated page.
                fallbacks = self.regeling_fallbacks
                item.explanation = (
                    rich_text_from_paragraphs(text["explanation"])
                    if "explanation" in text
                    else (
                        rich_text_from_paragraphs(fallbacks["explanation"])
                        if "explanation" in fallbacks
                        else original.explanation
                    )
                )
                item.applies_to = text.get(
                    "applies_to", fallbacks.get("applies_to", original.applies_to)
                ).strip()
                item.source_title = (
                    text.get("source_title", original.source_title) if original.source_title else ""
                )
                self._set_facts(item, text, original, RegelingBron)
                item.time_limit = text.get("time_limit", original.time_limit) if original.time_limit else ""
                item.time_limit_source_title = (
                    text.get("time_limit_source_title", original.time_limit_source_title)
                    if original.time_limit_source_title
                    else ""
                )
                item.situations = self._map(self.situaties, original.situations.all())
                self._publish(item)
            items[original.slug] = item
        return items

    def _set_facts(self, item, text, original, source_model):
        """Sources and check date: the translation's own where its file has them (titles and what they confirm
        in its language), otherwise those of the Dutch original."""
        for field, value in check_fields(text, original_check_fields(original)).items():
            setattr(item, field, value)
        item.bronnen = (
            sources(source_model, text["bronnen"])
            if text.get("bronnen")
            else copied_sources(source_model, original)
        )

    # Pages ---------------------------------------------------------------------------------------------------

    def _body(self, blocks):
        return stream_data(blocks, self.organisaties, self.regelingen)

    def _add(self, parent, page, original, text=None, source_model=None):
        page.translation_key = original.translation_key
        page.locale = self.locale
        if source_model is not None:
            self._set_facts(page, text or {}, original, source_model)
        else:
            for field in ("last_checked", "review_before"):
                if hasattr(original, field):
                    setattr(page, field, getattr(original, field))
        page.show_in_menus = original.show_in_menus
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def translate_pages(self, data, information_pages):
        source_home = HomePage.objects.filter(locale=self.source).first()
        if source_home is None:
            return
        home = HomePage.objects.filter(locale=self.locale).first()
        if home is None:
            home = self._add(
                Page.get_first_root_node(),
                HomePage(
                    title=data["home"]["title"],
                    slug=f"{source_home.slug}-{self.language_code}",
                    intro=data["home"]["intro"].strip(),
                ),
                source_home,
            )
        for phase_original in FasePage.objects.child_of(source_home).order_by("path"):
            text = data["fases"].get(phase_original.slug)
            if text is None:
                continue
            phase = self._translation_of(phase_original)
            if phase is None:
                phase = self._add(
                    home,
                    FasePage(
                        title=text["title"],
                        slug=text["slug"],
                        intro=text["intro"].strip(),
                        body=self._body(text.get("body")),
                    ),
                    phase_original,
                    text,
                    FaseBron,
                )
            for step_original in StapPage.objects.child_of(phase_original).order_by("path"):
                step_text = text["steps"].get(step_original.slug)
                if step_text is not None and self._translation_of(step_original) is None:
                    self._add(
                        phase, self.build_step(step_original, step_text), step_original, step_text, StapBron
                    )
        for original in InformatiePagina.objects.child_of(source_home).order_by("path"):
            text = information_pages.get(original.slug)
            if text is not None and self._translation_of(original) is None:
                self._add(
                    home,
                    InformatiePagina(
                        title=text["title"],
                        slug=text["slug"],
                        intro=(text.get("intro") or "").strip(),
                        body=self._body(text.get("body")),
                        show_helplines=original.show_helplines,
                    ),
                    original,
                )
        self.translate_entry_points(source_home, home, data["home"].get("entry_points", []))

    def _translation_of(self, original):
        return (
            type(original)
            .objects.filter(translation_key=original.translation_key, locale=self.locale)
            .first()
        )

    def build_step(self, original, text) -> StapPage:
        regeling_notes = text.get("regelingen_notes", [])
        organisatie_notes = text.get("organisaties_notes", [])
        regeling_links = list(original.regeling_links.order_by("sort_order").select_related("regeling"))
        organisatie_links = list(
            original.organisatie_links.order_by("sort_order").select_related("organisatie")
        )
        step = StapPage(
            title=text["title"],
            slug=text["slug"],
            summary=text["summary"].strip(),
            handout_title=text.get("handout_title") or "",
            handout_text=(text.get("handout_text") or "").strip(),
            # A step with only its title and summaries says, in this language, where its full text is.
            body=self._body(
                text["body"]
                if "body" in text
                else ([{"paragraph": self.step_fallbacks["body"]}] if "body" in self.step_fallbacks else None)
            ),
            regionale_hulp=original.regionale_hulp,
            regeling_links=[
                StapRegeling(
                    regeling=self.regelingen[link.regeling.slug],
                    note=regeling_notes[index] if index < len(regeling_notes) else "",
                    sort_order=index,
                )
                for index, link in enumerate(regeling_links)
            ],
            organisatie_links=[
                StapOrganisatie(
                    organisatie=self.organisaties[link.organisatie.slug],
                    note=organisatie_notes[index] if index < len(organisatie_notes) else "",
                    sort_order=index,
                )
                for index, link in enumerate(organisatie_links)
            ],
        )
        step.situations = self._map(self.situaties, original.situations.all())
        return step

    def translate_entry_points(self, source_home, home, texts):
        if home.entry_points or not source_home.entry_points:
            return
        blocks = []
        for index, block in enumerate(source_home.entry_points):
            value = block.value
            text = texts[index] if index < len(texts) else {}
            target = value["page"]
            translated_target = target.specific.get_translation_or_none(self.locale) if target else None
            path = value["path"]
            if path and not translated_target:
                path = f"/{self.language_code}{path}"
            elif target and not translated_target:
                # Not translated into this language: its English (or Dutch) page, with the notice saying so.
                english = Locale.objects.filter(language_code="en").first()
                fallback = target.specific.get_translation_or_none(english) if english else None
                path = f"{(fallback or target.specific).url}?niet_vertaald={self.language_code}"
            blocks.append(
                {
                    "type": "entry_point",
                    "value": {
                        "title": text.get("title", value["title"]),
                        "text": text.get("text", value["text"]),
                        "page": translated_target.pk if translated_target else None,
                        "path": "" if translated_target else path,
                    },
                }
            )
        home.entry_points = blocks
        home.save_revision().publish()
        self.created += 1
