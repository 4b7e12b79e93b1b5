"""What editors see in the admin: Dutch, a phase's steps with review dates, exports, block choices."""

import pytest
from django.forms import modelform_factory
from django.urls import reverse

from fases.models import FasePage, StapPage
from kern.blocks import InhoudStreamBlock

pytestmark = pytest.mark.django_db


def test_the_admin_speaks_dutch(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="nl"' in html
    assert "Pagina's" in html


def test_the_phase_explorer_shows_steps_with_their_review_dates(admin_client, soup):
    phase = FasePage.objects.get(locale__language_code="nl", slug="beschermen")
    page = soup(admin_client.get(reverse("wagtailadmin_explore", args=(phase.pk,))))
    headers = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    assert any("Laatst gecontroleerd" in header for header in headers), headers
    assert any("Controleren" in header for header in headers), headers
    rows = page.select("table tbody tr")
    assert len(rows) == StapPage.objects.child_of(phase).count()


def test_snippet_listings_export_to_csv(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_organisaties_organisatie:list"), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "CoMensha" in b"".join(response.streaming_content).decode()


def test_page_bodies_offer_the_blocks_the_content_needs():
    names = set(InhoudStreamBlock().child_blocks)
    assert {"paragraph", "heading", "list", "checklist", "callout", "contact", "regeling", "faq"} <= names
    heading_levels = [
        value
        for value, _label in InhoudStreamBlock().child_blocks["heading"].child_blocks["level"].field.choices
    ]
    assert heading_levels == ["h2", "h3", "h4"]


def test_every_field_tells_editors_what_visitors_see():
    from organisaties.models import Organisatie, Regeling

    for model in (Organisatie, Regeling, StapPage, FasePage):
        for field in model._meta.get_fields():
            if field.concrete and not field.auto_created and field.model is model and field.editable:
                if field.name in {
                    "id",
                    "translation_key",
                    "locale",
                    "live",
                    "has_unpublished_changes",
                    "first_published_at",
                    "last_published_at",
                    "live_revision",
                    "go_live_at",
                    "expire_at",
                    "expired",
                    "locked",
                    "locked_at",
                    "locked_by",
                    "latest_revision",
                    "page_ptr",
                }:
                    continue
                assert field.help_text or field.name in {"name", "title", "email", "website", "body"}, (
                    f"{model.__name__}.{field.name}"
                )


@pytest.mark.parametrize(
    "name", ["paragraph", "heading", "list", "checklist", "callout", "contact", "regeling", "faq"]
)
def test_every_block_shows_a_preview_in_the_block_picker_styled_like_the_site(admin_client, soup, name):
    """The picker's preview renders the block with real content: a contact card shows a real organisation."""
    block = StapPage.body.field.stream_block.child_blocks[name]
    assert block.is_previewable
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("link[rel=stylesheet][href*='site']"), "the preview uses the site's stylesheet"
    shown = page.select_one("main").get_text(" ", strip=True)
    assert shown
    if name == "contact":
        assert page.select_one(".contact-card a[href^='/organisaties/']")
    if name == "regeling":
        assert page.select_one(".regeling-link a[href^='/rechten-en-regelingen/']")


def test_an_untouched_review_date_is_not_a_change():
    """Otherwise approving from the edit view saves a new revision and starts the review again."""
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    form_class = modelform_factory(StapPage, fields=["last_checked"])
    assert not form_class({"last_checked": step.last_checked.isoformat()}, instance=step).has_changed()
    assert form_class({"last_checked": "2020-01-01"}, instance=step).has_changed()
