"""The demo loader builds the whole site from the data files, and running it again changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from demo.loader import DemoLoader, read
from fases.models import FasePage, HomePage, StapPage
from kern.models import InformatiePagina
from organisaties.models import Organisatie, Regeling

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "steps": StapPage.objects.count(),
        "organisaties": Organisatie.objects.count(),
        "regelingen": Regeling.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_demo_site_has_the_promised_shape():
    assert [p.title for p in FasePage.objects.filter(locale__language_code="nl").order_by("path")] == [
        "Signaleren",
        "Beschermen",
        "Strafrechtelijk proces",
        "Compensatie",
    ]
    for phase in FasePage.objects.filter(locale__language_code="nl"):
        # Beschermen has eight: youth protection is its own step, so a minor's route shows it (issue 11).
        assert 5 <= StapPage.objects.child_of(phase).count() <= 8, phase.title
    assert Organisatie.objects.filter(live=True, locale__language_code="nl").count() >= 25
    assert Regeling.objects.filter(live=True, locale__language_code="nl").count() >= 15
    assert InformatiePagina.objects.filter(locale__language_code="nl", slug="over-ons").exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage


def test_every_step_links_the_regulations_and_organisations_from_the_data_file():
    data = read("fases.yaml")
    for phase in data["fases"]:
        for step_data in phase["steps"]:
            step = StapPage.objects.get(locale__language_code="nl", slug=step_data["slug"])
            assert [link.regeling.slug for link in step.regeling_links.order_by("sort_order")] == [
                item["slug"] for item in step_data["regelingen"]
            ]
            assert [link.organisatie.slug for link in step.organisatie_links.order_by("sort_order")] == [
                item["slug"] for item in step_data["organisaties"]
            ]


def test_loading_twice_changes_nothing(capsys):
    before = counts()
    call_command("load_demo_content")
    assert counts() == before
    assert "nothing changed" in capsys.readouterr().out


def test_loader_leaves_an_editors_change_alone():
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    organisatie.summary = "Door een redacteur aangepast."
    organisatie.save()
    DemoLoader(log=lambda *a: None).load()
    organisatie.refresh_from_db()
    assert organisatie.summary == "Door een redacteur aangepast."


def test_reset_rebuilds_the_demo_site(client):
    before = counts()
    old_home = HomePage.objects.get(locale__language_code="nl").pk
    StapPage.objects.get(locale__language_code="nl", slug="opvang").delete()
    call_command("load_demo_content", "--reset", stdout=io.StringIO())
    after = counts()
    assert after["pages"] == before["pages"]
    assert after["steps"] == before["steps"]
    assert after["organisaties"] == before["organisaties"]
    assert HomePage.objects.get(locale__language_code="nl").pk != old_home
    assert client.get("/beschermen/opvang/").status_code == 200
