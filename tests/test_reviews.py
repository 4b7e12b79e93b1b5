"""Facts are checked on a schedule: the report, the dashboard, the daily command and the one-click "checked"."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from fases.models import StapPage
from kern.review_dates import next_review, today
from organisaties.models import Organisatie, Regeling
from redactie.review_report import due_items

pytestmark = pytest.mark.django_db

ON = datetime.date(2020, 1, 1)


@pytest.fixture
def due_content():
    """Three items due around 1 January 2020 (two overdue, one within 30 days) and one that is not yet due."""
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    later = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    StapPage.objects.filter(pk=step.pk).update(review_before=datetime.date(2019, 12, 15))
    Organisatie.objects.filter(pk=organisatie.pk).update(review_before=datetime.date(2019, 11, 1))
    Regeling.objects.filter(pk=regeling.pk).update(review_before=datetime.date(2020, 1, 20))
    Organisatie.objects.filter(pk=later.pk).update(review_before=datetime.date(2020, 3, 1))
    return step, organisatie, regeling


def test_report_lists_exactly_the_items_due_on_a_date_earliest_first(due_content):
    step, organisatie, regeling = due_content
    items = [item for item in due_items(ON) if item.last_checked]  # never checked: see the test below
    assert [item.title for item in items] == [organisatie.name, step.title, regeling.title]
    assert [item.overdue for item in items] == [True, True, False]


def test_review_dates_default_to_six_months_after_the_check():
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="coa")
    assert organisatie.review_before == next_review(organisatie.last_checked)
    assert (organisatie.review_before - organisatie.last_checked).days == 182


def test_admin_report_shows_the_items_with_edit_links(admin_client, due_content, soup):
    step, organisatie, regeling = due_content
    response = admin_client.get(reverse("wegwijzer_review_report"), {"date": "2020-01-01"})
    assert response.status_code == 200
    rows = [
        row
        for row in soup(response).select("table.listing tbody tr")
        if "nooit gecontroleerd" not in row.get_text()
    ]
    assert [row.select_one("td a").get_text(strip=True) for row in rows] == [
        organisatie.name,
        step.title,
        regeling.title,
    ]
    assert rows[1].select_one("td a")["href"] == reverse("wagtailadmin_pages:edit", args=(step.pk,))


def test_marking_as_checked_records_who_and_when(admin_client, admin_user, due_content):
    step, _, _ = due_content
    url = reverse("wegwijzer_mark_checked", args=(ContentType.objects.get_for_model(StapPage).pk, step.pk))
    response = admin_client.post(url)
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.last_checked == today()
    assert step.review_before == next_review(today())
    assert step.checked_by == admin_user
    assert PageLogEntry.objects.filter(page=step, action="wegwijzer.mark_checked", user=admin_user).exists()
    assert step.title not in [item.title for item in due_items(ON)]


def test_marking_as_checked_needs_permission(client, django_user_model, due_content):
    step, _, _ = due_content
    visitor = django_user_model.objects.create_user("lezer", password="x" * 16)
    client.force_login(visitor)
    url = reverse("wegwijzer_mark_checked", args=(ContentType.objects.get_for_model(StapPage).pk, step.pk))
    assert client.post(url).status_code in (302, 403)
    step.refresh_from_db()
    assert step.review_before == datetime.date(2019, 12, 15)


def test_marking_as_checked_only_by_post(admin_client, due_content):
    step, _, _ = due_content
    url = reverse("wegwijzer_mark_checked", args=(ContentType.objects.get_for_model(StapPage).pk, step.pk))
    assert admin_client.get(url).status_code == 405


def test_dashboard_shows_how_many_items_need_checking(admin_client, soup):
    page = soup(admin_client.get(reverse("wagtailadmin_home")))
    panel = page.select_one("#te-controleren-titel")
    assert panel is not None
    expected = len(due_items())
    assert str(expected) in panel.find_parent("section").get_text()


def test_daily_command_prints_and_mails_the_list(due_content, capsys):
    step, organisatie, regeling = due_content
    call_command("review_due", "--date", "2020-01-01", "--mail-to", "redactie@example.nl")
    output = capsys.readouterr().out
    lines = [
        line for line in output.splitlines() if line.startswith("20")
    ]  # dated lines; unchecked ones have none
    assert len(lines) == 3
    assert organisatie.name in lines[0] and "TE LAAT" in lines[0]
    assert regeling.title in lines[2]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redactie@example.nl"]
    assert step.title in mail.outbox[0].body


def test_public_pages_show_when_they_were_last_checked(client, soup):
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    text = soup(client.get(step.url)).select_one(".last-checked").get_text(strip=True)
    assert text.startswith("Laatst gecontroleerd op")
