"""Where external web addresses occur in published content, found without a list of fields to keep up to date.

Every model of the content apps is inspected through the app registry: each URLField, each rich text field (the
``<a href>`` of its HTML) and each StreamField (walked block by block: rich text, URL blocks, nested structs and
lists). A model added later, such as a source with a ``url`` field, is picked up without a change here. Only live
content counts: pages and snippets with drafts by their ``live`` flag, inline rows (e.g. a step's links, an
organisation's sources) by the ``live`` flag of the page or snippet they belong to, which is also the one an editor
opens to fix the link.
"""

from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser

from django.apps import apps
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .link_checker import is_web_address

# Django app labels of the content: kern ("wegwijzer"), the phase tree and the organisation guide.
CONTENT_APPS = ("wegwijzer", "fases", "organisaties")


@dataclass(frozen=True)
class LinkUse:
    """One place where an address is used: the page or snippet an editor opens, and the field."""

    obj: models.Model
    field: str

    @cached_property
    def title(self) -> str:
        return str(getattr(self.obj, "title", None) or self.obj)

    @property
    def kind(self) -> str:
        return str(self.obj._meta.verbose_name).capitalize()

    @property
    def language(self) -> str:
        locale = getattr(self.obj, "locale", None)
        return locale.language_code if locale is not None else ""

    def edit_url(self, user=None) -> str | None:
        return AdminURLFinder(user).get_edit_url(self.obj)


class _AnchorParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_in_html(html: str) -> list[str]:
    """The web addresses of the links in a piece of HTML (internal page links carry no href in Wagtail)."""
    parser = _AnchorParser()
    parser.feed(html or "")
    parser.close()
    return [href.strip() for href in parser.hrefs if is_web_address(href)]


def links_in_block(block, value) -> list[str]:
    """The web addresses in one StreamField value, walking nested streams, structs and lists."""
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return links_in_html(value.source)
    if isinstance(block, blocks.URLBlock):
        return [value.strip()] if is_web_address(value) else []
    if isinstance(block, blocks.StreamBlock):
        return [url for child in value for url in links_in_block(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            url
            for name, child_block in block.child_blocks.items()
            for url in links_in_block(child_block, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [url for item in value for url in links_in_block(block.child_block, item)]
    return []


def _link_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and isinstance(field, models.URLField | RichTextField | StreamField)
    ]


def _parent_key(model):
    return next((f for f in model._meta.get_fields() if isinstance(f, ParentalKey)), None)


def _live_objects(model):
    """(object, the page or snippet it belongs to) for the published content of one model."""
    queryset = model._default_manager.all()
    if issubclass(model, Page):
        return [(page, page) for page in queryset.filter(live=True)]
    if any(field.name == "live" for field in model._meta.concrete_fields):
        return [(obj, obj) for obj in queryset.filter(live=True)]
    parent_key = _parent_key(model)
    if parent_key is None:
        return [(obj, obj) for obj in queryset]
    parent_model = parent_key.related_model
    if any(field.name == "live" for field in parent_model._meta.concrete_fields):
        queryset = queryset.filter(**{f"{parent_key.name}__live": True})
    queryset = queryset.select_related(parent_key.name)
    return [(obj, getattr(obj, parent_key.name)) for obj in queryset]


def _field_links(obj, field) -> list[str]:
    value = getattr(obj, field.attname)
    if isinstance(field, StreamField):
        return links_in_block(field.stream_block, value)
    if isinstance(field, RichTextField):
        return links_in_html(value)
    return [value.strip()] if value and is_web_address(value) else []


def content_models():
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if _link_fields(model)
    ]


def collect_links() -> dict[str, list[LinkUse]]:
    """Every external address in live content, with the places that use it (each place once)."""
    uses = defaultdict(list)
    for model in content_models():
        fields = _link_fields(model)
        for obj, owner in _live_objects(model):
            owner = getattr(owner, "specific", owner)
            for field in fields:
                for url in _field_links(obj, field):
                    use = LinkUse(owner, str(field.verbose_name))
                    if use not in uses[url]:
                        uses[url].append(use)
    return dict(uses)
