"""Two roles: a Redacteur writes and submits, an Eindredacteur reviews and publishes. Pages and snippets alike."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from fases.models import StapPage
from kern import roles
from organisaties.models import Organisatie
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, password="x" * 16, email=f"{username}@example.nl"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def redacteur(client, django_user_model):
    client.force_login(user_in(django_user_model, roles.REDACTEUR, "redacteur"))
    return client


@pytest.fixture
def eindredacteur(django_user_model):
    from django.test import Client

    other = Client()
    other.force_login(user_in(django_user_model, roles.EINDREDACTEUR, "eindredacteur"))
    return other


def edit_page(editor, page, action, **changes):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = form_data(editor.get(url))
    # The body is a StreamField that the admin's JavaScript turns into form fields; give it as a browser would.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Nieuwe tekst.</p>"))])}))
    data.update(changes)
    data[action] = "1"
    return editor.post(url, data)


def approve(reviewer, workflow_state, url_name, object_id):
    task_state = workflow_state.current_task_state
    url = reverse(url_name, args=(object_id, "approve", task_state.pk))
    return reviewer.post(url, {"comment": ""})


def test_the_roles_exist_with_the_right_permissions():
    redacteur = Group.objects.get(name=roles.REDACTEUR)
    eindredacteur = Group.objects.get(name=roles.EINDREDACTEUR)

    def page_permissions(group):
        return set(group.page_permissions.values_list("permission__codename", flat=True))

    assert "publish_page" not in page_permissions(redacteur)
    assert {"add_page", "change_page"} <= page_permissions(redacteur)
    assert "publish_page" in page_permissions(eindredacteur)
    codenames = lambda group: set(group.permissions.values_list("codename", flat=True))  # noqa: E731
    assert "publish_organisatie" not in codenames(redacteur)
    assert {"publish_organisatie", "publish_regeling"} <= codenames(eindredacteur)


def test_a_redacteur_cannot_publish_a_page(redacteur, client):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    edit_page(redacteur, step, "action-publish", title="Door redacteur gepubliceerd?")
    step.refresh_from_db()
    assert step.title == "Opvang en huisvesting"


def test_a_redacteur_submits_and_an_eindredacteur_approves_and_publishes(redacteur, eindredacteur, client):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    response = edit_page(redacteur, step, "action-submit", title="Opvang, huisvesting en veiligheid")
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.title == "Opvang en huisvesting", "submitting must not publish"
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(step.pk), status="in_progress"
    )
    assert "Opvang, huisvesting en veiligheid" not in client.get(step.url).content.decode()

    response = approve(eindredacteur, state, "wagtailadmin_pages:workflow_action", step.pk)
    assert response.status_code in (200, 302)
    step.refresh_from_db()
    assert step.title == "Opvang, huisvesting en veiligheid"
    assert "Opvang, huisvesting en veiligheid" in client.get(step.url).content.decode()


def test_a_redacteur_cannot_approve(redacteur):
    step = StapPage.objects.get(locale__language_code="nl", slug="veiligheid")
    edit_page(redacteur, step, "action-submit", title="Veiligheid eerst")
    state = WorkflowState.objects.get(object_id=str(step.pk), status="in_progress")
    approve(redacteur, state, "wagtailadmin_pages:workflow_action", step.pk)
    step.refresh_from_db()
    assert step.title != "Veiligheid eerst"


def test_snippet_changes_go_through_the_workflow(redacteur, eindredacteur, client):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
    data = form_data(redacteur.get(url))
    data["summary"] = "FairWork helpt werknemers die worden uitgebuit, ook met een loonvordering."
    data["action-submit"] = "1"
    assert redacteur.post(url, data).status_code == 302
    organisatie.refresh_from_db()
    assert organisatie.summary != data["summary"], "a submitted snippet must not go live before approval"
    state = WorkflowState.objects.get(object_id=str(organisatie.pk), status="in_progress")

    approve(eindredacteur, state, "wagtailsnippets_organisaties_organisatie:workflow_action", organisatie.pk)
    organisatie.refresh_from_db()
    assert organisatie.summary == data["summary"]
    assert data["summary"] in client.get("/organisaties/fairwork/").content.decode()


def test_an_eindredacteur_who_edits_and_approves_publishes_at_once(redacteur, eindredacteur, client):
    """A small edit by the reviewer in the same action as the approval is part of the review: it goes live, and no
    second approval is silently waiting (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT would otherwise ask for one)."""
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    edit_page(redacteur, step, "action-submit", title="Opvang en huisvesting voor slachtoffers")
    response = edit_page(
        eindredacteur,
        step,
        "action-workflow-action",
        title="Opvang en huisvesting voor slachtoffers van mensenhandel",
        **{"workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.title == "Opvang en huisvesting voor slachtoffers van mensenhandel"
    assert not step.has_unpublished_changes
    assert not WorkflowState.objects.filter(object_id=str(step.pk), status="in_progress").exists()
    assert "voor slachtoffers van mensenhandel" in client.get(step.url).content.decode()


def test_an_edit_by_a_redacteur_after_approval_still_needs_a_new_review(redacteur, eindredacteur):
    """Only the reviewer's own edit counts as reviewed: the re-approval rule stays for everyone else's edits."""
    step = StapPage.objects.get(locale__language_code="nl", slug="veiligheid")
    edit_page(redacteur, step, "action-submit", title="Veiligheid voor alles")
    edit_page(redacteur, step, "action-draft", title="Veiligheid voor alles, ook online")
    state = WorkflowState.objects.get(object_id=str(step.pk), status="in_progress")
    approve(eindredacteur, state, "wagtailadmin_pages:workflow_action", step.pk)
    step.refresh_from_db()
    assert step.title != "Veiligheid voor alles, ook online", (
        "a redacteur's later edit needs its own approval"
    )


def messages_after(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def test_a_redacteur_who_submits_a_page_reads_that_it_waits_for_an_eindredacteur_and_is_not_public(redacteur):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    response = edit_page(redacteur, step, "action-submit", title="Opvang en een veilige plek")
    shown = messages_after(redacteur.get(response["Location"]))
    assert "Nog niet openbaar" in shown
    assert "wacht op goedkeuring door een eindredacteur" in shown
    assert "zien bezoekers de versie die het laatst is gepubliceerd" in shown


def test_a_redacteur_who_submits_a_snippet_reads_the_same(redacteur):
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    url = reverse("wagtailsnippets_organisaties_organisatie:edit", args=(organisatie.pk,))
    data = form_data(redacteur.get(url))
    data["summary"] = "FairWork helpt werknemers die worden uitgebuit."
    data["action-submit"] = "1"
    response = redacteur.post(url, data, follow=True)
    assert "wacht op goedkeuring door een eindredacteur" in messages_after(response)


def test_saving_a_draft_does_not_claim_a_review_is_waiting(redacteur):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    response = edit_page(redacteur, step, "action-save", title="Opvang (concept)")
    assert "Nog niet openbaar" not in messages_after(redacteur.get(response["Location"]))
