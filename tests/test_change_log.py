"""The public change log "Wat is er veranderd": what editors note when they publish, as a page and an Atom feed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, WorkflowState

from kern import roles
from organisaties.models import Organisatie, Regeling
from redactie.models import Wijziging
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def publish_with_note(obj, note):
    obj.public_change_note = note
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


def editor_client(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client


def test_an_approved_change_with_a_note_is_listed_and_the_note_is_emptied(django_user_model):
    redacteur = editor_client(django_user_model, roles.REDACTEUR, "redacteur")
    eindredacteur = editor_client(django_user_model, roles.EINDREDACTEUR, "eindredacteur")
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
    data = form_data(redacteur.get(url))
    data["public_change_note"] = "De hulplijn is op werkdagen bereikbaar van 9.00 tot 17.00 uur."
    data["action-submit"] = "1"
    assert redacteur.post(url, data).status_code == 302
    assert not Wijziging.objects.exists(), "nothing is listed before an Eindredacteur approves"

    state = WorkflowState.objects.get(object_id=str(organisatie.pk), status="in_progress")
    task_url = reverse(
        "wagtailsnippets_organisaties_organisatie:workflow_action",
        args=(organisatie.pk, "approve", state.current_task_state.pk),
    )
    eindredacteur.post(task_url, {"comment": ""})

    entry = Wijziging.objects.get()
    assert (entry.kind, entry.title, entry.language) == ("organisatie", "CoMensha", "nl")
    assert entry.note == data["public_change_note"]
    assert entry.url == "/organisaties/comensha/"
    organisatie.refresh_from_db()
    assert organisatie.public_change_note == ""
    # The next edit starts with an empty note, so publishing a later correction does not repeat it.
    assert form_data(redacteur.get(url))["public_change_note"] == ""


def test_a_publish_without_a_note_is_not_listed():
    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    publish_with_note(regeling, "   ")
    assert not Wijziging.objects.exists()


def test_republishing_does_not_repeat_a_note():
    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    publish_with_note(regeling, "De bedenktijd duurt nu maximaal drie maanden.")
    regeling.summary = "Een kleine correctie."
    regeling.save_revision().publish()
    assert Wijziging.objects.count() == 1


def test_a_step_is_listed_with_its_address_in_its_own_language(step):
    step = step.get_translation(Locale.objects.get(language_code="en"))
    publish_with_note(step, "The reflection period now also covers EU citizens.")
    entry = Wijziging.objects.get()
    assert (entry.kind, entry.language) == ("stap", "en")
    assert entry.url == step.get_url()
    assert entry.url.startswith("/en/")


def test_a_scheduled_change_is_listed_when_it_goes_live_not_before():
    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    regeling.public_change_note = "Nieuwe regel vanaf morgen."
    regeling.go_live_at = timezone.now() + datetime.timedelta(days=1)
    regeling.save_revision().publish()
    assert not Wijziging.objects.exists()


@pytest.fixture
def entries():
    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    english = Organisatie.objects.get(locale__language_code="en", slug="comensha")
    publish_with_note(regeling, "Eerste wijziging.")
    publish_with_note(organisatie, "Tweede wijziging & <nieuw>.")
    publish_with_note(english, "An English change.")
    return regeling, organisatie


def test_the_page_lists_changes_newest_first_in_the_visitors_language(client, entries, soup):
    response = client.get("/wat-is-er-veranderd/")
    assert response.status_code == 200
    assert not response.cookies
    page = soup(response)
    notes = [p.get_text() for p in page.select(".change-log__note")]
    assert notes == ["Tweede wijziging & <nieuw>.", "Eerste wijziging."]
    assert page.select_one(".change-log__title a")["href"] == "/organisaties/comensha/"
    assert page.select_one("link[type='application/atom+xml']")["href"] == "/wat-is-er-veranderd/feed/"
    assert not page.select("script:not([src])"), "no inline scripts under the strict CSP"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    english = soup(client.get("/en/wat-is-er-veranderd/"))
    assert [p.get_text() for p in english.select(".change-log__note")] == ["An English change."]


def test_the_page_is_paginated_and_survives_a_bad_page_number(client, soup):
    now = timezone.now()
    Wijziging.objects.bulk_create(
        Wijziging(
            published_at=now - datetime.timedelta(days=number),
            kind="regeling",
            title=f"Regeling {number}",
            url="/rechten-en-regelingen/bedenktijd/",
            note=f"Wijziging {number}.",
            language="nl",
        )
        for number in range(25)
    )
    first = soup(client.get("/wat-is-er-veranderd/"))
    assert len(first.select(".change-log__entry")) == 20
    assert first.select_one(".change-log__note").get_text() == "Wijziging 0."
    second = soup(client.get("/wat-is-er-veranderd/", {"pagina": "2"}))
    assert len(second.select(".change-log__entry")) == 5
    assert client.get("/wat-is-er-veranderd/", {"pagina": "x' OR 1=1"}).status_code == 200


def test_the_footer_links_to_the_change_log(client, soup):
    page = soup(client.get("/"))
    assert page.select_one("footer a[href='/wat-is-er-veranderd/']")


def test_the_feed_is_valid_atom_with_unique_ids(client, entries):
    response = client.get("/wat-is-er-veranderd/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not response.cookies
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    items = feed.findall(f"{ATOM}entry")
    assert len(items) == 2
    for item in items:
        for required in ("id", "title", "updated"):
            assert item.find(f"{ATOM}{required}").text, required
        assert item.find(f"{ATOM}link").get("href").startswith("http://testserver/")
    ids = [item.find(f"{ATOM}id").text for item in items]
    assert len(set(ids)) == len(ids)
    assert all(entry_id.startswith("tag:") for entry_id in ids)
    assert items[0].find(f"{ATOM}summary").text == "Tweede wijziging & <nieuw>."


def test_an_empty_feed_is_still_valid_atom(client):
    feed = ET.fromstring(client.get("/en/wat-is-er-veranderd/feed/").content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.findall(f"{ATOM}entry") == []
