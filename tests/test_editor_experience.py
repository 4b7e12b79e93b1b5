"""What editors see in the admin: Dutch, a phase's steps with review dates, exports, block choices."""

import pytest
from django.urls import reverse

from fases.blocks import InhoudStreamBlock
from fases.models import FasePage, StapPage

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
