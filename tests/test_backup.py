"""A backup of everything editors made restores into an empty database with the same pages, snippets, links,
permissions and search synonyms, and the restored site serves the same pages."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=False)

SNAPSHOT = """
import json
from django.contrib.auth.models import Group
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page, Revision
from fases.models import StapOrganisatie, StapRegeling
from organisaties.models import Organisatie, Regeling
from zoeken.models import Synoniem
served = []
for page in Page.objects.live().filter(depth__gt=1, locale__language_code="nl").order_by("path"):
    response = Client().get(page.url)
    served.append([page.url, response.status_code, escape(page.title) in response.content.decode()])
print(json.dumps({
    "pages": sorted([p, t, l] for p, t, l in Page.objects.values_list("url_path", "title", "live")),
    "organisaties": sorted(list(o) for o in Organisatie.objects.values_list("locale__language_code", "slug", "phone", "live")),
    "regelingen": sorted(list(r) for r in Regeling.objects.values_list("locale__language_code", "slug", "live")),
    "links": sorted(
        [list(l) for l in StapOrganisatie.objects.values_list("stap__url_path", "organisatie__slug", "sort_order", "note")]
        + [list(l) for l in StapRegeling.objects.values_list("stap__url_path", "regeling__slug", "sort_order", "note")]
    ),
    "revisions": Revision.objects.count(),
    "groups": sorted(Group.objects.values_list("name", flat=True)),
    "group_permissions": sorted(
        [g, a or "", c or ""] for g, a, c in Group.objects.values_list(
            "name", "permissions__content_type__app_label", "permissions__codename"
        )
    ),
    "synonyms": sorted(list(s) for s in Synoniem.objects.values_list("locale__language_code", "term", "synonyms")),
    "served": served,
}, default=str))
"""


def snapshot_here():
    namespace = {}
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        exec(SNAPSHOT, namespace)
    return json.loads(out.getvalue())


def manage(*args, database_url):
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="wegwijzer.settings.test")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def work_of_a_deleted_account():
    """An editor published a page and an organisation, and their account was deleted later: the audit log keeps
    their entries (Wagtail's log has no database constraint on the user)."""
    from django.contrib.auth.models import User

    from fases.models import StapPage
    from organisaties.models import Organisatie

    editor = User.objects.create_superuser(username="oud-eindredacteur", password="x" * 16)
    step = StapPage.objects.get(locale__language_code="nl", slug="opvang")
    step.save_revision(user=editor, log_action=True).publish(user=editor)
    organisatie = Organisatie.objects.get(locale__language_code="nl", slug="comensha")
    organisatie.save_revision(user=editor, log_action=True).publish(user=editor)
    editor.delete()


def test_backup_restores_into_an_empty_database(tmp_path):
    work_of_a_deleted_account()
    backup = tmp_path / "backup"
    call_command("backup_content", str(backup))
    before = snapshot_here()
    assert before["links"] and before["revisions"] and before["synonyms"]
    assert ["Redacteur", "wagtail_localize", "submit_translation"] in before["group_permissions"]
    assert before["served"] and all(status == 200 and titled for _, status, titled in before["served"])

    database_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    migrated = manage("migrate", "--noinput", "-v0", database_url=database_url)
    assert migrated.returncode == 0, migrated.stderr
    restored = manage("restore_content", str(backup), "--yes", database_url=database_url)
    assert restored.returncode == 0, restored.stderr
    after = manage("shell", "-c", SNAPSHOT, database_url=database_url)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout.strip().splitlines()[-1]) == before
