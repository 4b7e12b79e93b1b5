"""Editors in a real browser: the content check on a step, and a change going from a Redacteur through an
Eindredacteur to the live site.

The accounts and the one step changed here are written outside any test transaction (the live server thread must
see them) and put back afterwards, so the other tests find the demo content as it was.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "browser-test-wachtwoord-7341"
CHANGED_STEP = "opsporing"


@pytest.fixture(scope="module")
def editors(django_db_blocker):
    from django.contrib.auth.models import Group, User

    from kern import roles

    with django_db_blocker.unblock():
        accounts = {}
        for username, group in (
            ("redacteur-browser", roles.REDACTEUR),
            ("eindredacteur-browser", roles.EINDREDACTEUR),
        ):
            user = User.objects.create_user(
                username=username, password=PASSWORD, email=f"{username}@example.nl"
            )
            user.groups.add(Group.objects.get(name=group))
            accounts[group] = username
        try:
            yield accounts
        finally:
            User.objects.filter(username__in=accounts.values()).delete()


@pytest.fixture(scope="module")
def step_to_change(django_db_blocker):
    """The step the workflow test changes; its published content and workflow history are restored afterwards.

    What the test needs of it is read here: a read inside the test's own transaction would hold SQLite's lock on
    the page table and block the live server from saving the editors' changes.
    """
    from wagtail.models import WorkflowState

    from fases.models import StapPage

    with django_db_blocker.unblock():
        step = StapPage.objects.get(locale__language_code="nl", slug=CHANGED_STEP)
        original = step.live_revision
        try:
            yield {"pk": step.pk, "title": step.title, "url": step.url}
        finally:
            WorkflowState.objects.filter(object_id=str(step.pk), base_content_type__model="page").delete()
            original.publish()


def sign_in(chromium, site_server, username):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_server + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site_server + "/admin/")
    return page


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


def test_removing_every_organisation_from_a_step_shows_a_warning_in_the_checks_panel(
    chromium, site_server, editors
):
    from fases.models import StapPage
    from kern import roles

    step = StapPage.objects.get(locale__language_code="nl", slug="terugkeer")
    page = sign_in(chromium, site_server, editors[roles.REDACTEUR])
    page.goto(f"{site_server}/admin/pages/{step.pk}/edit/")
    checks = page.locator("[data-side-panel='checks']")
    page.locator("[data-side-panel-toggle='checks']").click()
    page.get_by_text("Problemen gevonden").wait_for()
    assert "Stap zonder organisaties" not in checks.inner_text()

    # Remove the organisations in the form, without saving: the check runs on the preview of the unsaved page.
    organisations = page.locator("#id_organisatie_links-FORMS")
    for delete in organisations.locator("button[id$='-DELETE-button']").all():
        delete.click()
    page.locator("#id_summary").press("End")
    page.locator("#id_summary").type(" ")
    warning = checks.get_by_text("Stap zonder organisaties")
    warning.wait_for()
    assert checks.get_by_text("Koppel minstens één organisatie die kan helpen").is_visible()
    assert "Stap zonder rechten of regelingen" not in checks.inner_text()
    page.context.close()
    assert StapPage.objects.get(pk=step.pk).organisatie_links.count() > 0, "nothing was saved"


def test_a_redacteur_submits_a_change_and_it_is_live_once_an_eindredacteur_approves_it(
    chromium, site_server, editors, step_to_change
):
    from kern import roles

    new_summary = "Samenvatting gewijzigd in de browser en goedgekeurd door de eindredactie."
    public_url = site_server + step_to_change["url"]

    redacteur = sign_in(chromium, site_server, editors[roles.REDACTEUR])
    redacteur.goto(f"{site_server}/admin/pages/{step_to_change['pk']}/edit/")
    redacteur.locator("#id_summary").fill(new_summary)
    open_action_menu(redacteur)
    assert redacteur.get_by_role("button", name="Publiceren").count() == 0, "a Redacteur cannot publish"
    redacteur.get_by_role("button", name="Stuur door naar Eindredactie").click()
    redacteur.get_by_text("is ter goedkeuring ingediend").wait_for()
    redacteur.context.close()

    visitor = chromium.new_page()
    visitor.goto(public_url)
    assert new_summary not in visitor.content(), "a submitted change is not live before approval"

    eindredacteur = sign_in(chromium, site_server, editors[roles.EINDREDACTEUR])
    assert eindredacteur.get_by_text(step_to_change["title"]).count() > 0, (
        "the dashboard lists what awaits review"
    )
    eindredacteur.goto(f"{site_server}/admin/pages/{step_to_change['pk']}/edit/")
    open_action_menu(eindredacteur)
    approve = eindredacteur.get_by_role("button", name="Goedkeuren", exact=True)
    approve.wait_for()
    eindredacteur.wait_for_timeout(500)  # the menu fades in; a click during the fade can miss
    approve.click()
    eindredacteur.wait_for_load_state("networkidle")
    eindredacteur.context.close()

    visitor.goto(public_url)
    assert new_summary in visitor.content(), "approval by the Eindredacteur publishes the change"
    visitor.context.close()
