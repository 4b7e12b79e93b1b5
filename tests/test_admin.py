"""Editors keep the content in the Wagtail admin: creating steps, linking snippets, form errors."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from fases.models import FasePage, StapPage
from organisaties.models import Organisatie, Regeling

pytestmark = pytest.mark.django_db


def step_form(title, slug, summary, organisaties=(), regelingen=(), action=None):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "last_checked": "2026-11-01",
            "body": streamfield([("paragraph", rich_text("<p>Tekst van de stap.</p>"))]),
            "regeling_links": inline_formset([{"regeling": r.pk, "note": ""} for r in regelingen]),
            "bronnen": inline_formset([]),
            "organisatie_links": inline_formset(
                [{"organisatie": o.pk, "note": f"Notitie bij {o.name}"} for o in organisaties]
            ),
        }
    )
    if action:
        data[action] = "1"
    return data


def add_step_url(phase):
    return reverse("wagtailadmin_pages:add", args=("fases", "stappage", phase.pk))


def test_editor_creates_a_step_and_attaches_organisations(admin_client, client):
    phase = FasePage.objects.get(locale__language_code="nl", slug="compensatie")
    fairwork = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    slachtofferhulp = Organisatie.objects.get(locale__language_code="nl", slug="slachtofferhulp-nederland")
    schadefonds = Regeling.objects.get(locale__language_code="nl", slug="schadefonds-tegemoetkoming")

    response = admin_client.post(
        add_step_url(phase),
        step_form(
            "Hulp bij loonvordering",
            "hulp-bij-loonvordering",
            "Hoe u achterstallig loon terugvraagt.",
            organisaties=[fairwork, slachtofferhulp],
            regelingen=[schadefonds],
            action="action-publish",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    step = StapPage.objects.get(locale__language_code="nl", slug="hulp-bij-loonvordering")
    assert step.live
    assert step.get_parent().pk == phase.pk
    assert [link.organisatie for link in step.organisatie_links.order_by("sort_order")] == [
        fairwork,
        slachtofferhulp,
    ]
    page = client.get(step.url).content.decode()
    assert page.index("FairWork") < page.index(slachtofferhulp.name)
    assert "Notitie bij FairWork" in page


def test_a_step_without_summary_cannot_be_published(admin_client):
    phase = FasePage.objects.get(locale__language_code="nl", slug="compensatie")
    response = admin_client.post(
        add_step_url(phase),
        step_form("Zonder samenvatting", "zonder-samenvatting", "", action="action-publish"),
    )
    assert response.status_code == 200
    assert "summary" in response.context["form"].errors
    assert not StapPage.objects.filter(slug="zonder-samenvatting").exists()


def test_a_step_cannot_be_added_under_the_home_page(admin_client):
    home = FasePage.objects.filter(locale__language_code="nl").first().get_parent()
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("fases", "stappage", home.pk)))
    # Wagtail refuses and sends the editor back to the dashboard instead of showing the form.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_organisation_listing_and_edit_form_in_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_organisaties_organisatie:list"), {"q": "CoMensha"})
    assert response.status_code == 200
    assert "CoMensha" in response.content.decode()
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    response = admin_client.get(
        reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
    )
    assert response.status_code == 200


def test_organisation_without_name_gives_a_form_error(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_organisaties_organisatie:add"),
        {
            "name": "",
            "slug": "",
            "summary": "",
            "what_it_does": rich_text(""),
            "coverage": "national",
            "action-publish": "1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Organisatie.objects.filter(slug="").exists()
