"""A portable backup of everything editors made: the content as JSON (any database) plus the media files.

For PostgreSQL in production, pg_dump of the whole database is the primary backup (see README); this export is
the database-independent copy that can be restored into any fresh installation, and the one the tests restore.
Search index and reference index are rebuilt after a restore rather than copied.
"""

import io
import json
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import serializers
from django.core.management import call_command
from wagtail.models import ModelLogEntry, Page, PageLogEntry

CONTENT_FILE = "content.json"
MEDIA_DIR = "media"

# Derived or per-session data that is rebuilt or meaningless after a restore. The permissions are exported
# separately, by natural key (_permissions below).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "wagtailcore.pagesubscription",
    "wagtailcore.pagelogentry",  # the audit logs are exported separately below
    "wagtailcore.modellogentry",
]


def _audit_log(entries) -> list:
    """Audit log entries as records. The log outlives editors' accounts (it has no database constraint on its
    user): an entry of a deleted account is kept, without the account, as Wagtail itself shows it."""
    accounts = set(get_user_model().objects.values_list("pk", flat=True))
    entries = list(entries.order_by("pk"))
    for entry in entries:
        if entry.user_id is not None and entry.user_id not in accounts:
            entry.user_id = None
    return json.loads(serializers.serialize("json", entries, use_natural_foreign_keys=True))


def _permissions() -> list:
    """Every permission of a model that still exists, by natural key only (codename, app label, model).

    A fresh database recreates the permissions of the models' Meta after migrate and after flush, but not the ones
    a migration created, such as wagtail-localize's submit_translation: the groups hold those too. Loaded by natural
    key, a permission that exists is kept (with its own id) and a missing one is created."""
    permissions = [
        permission
        for permission in Permission.objects.select_related("content_type").order_by(
            "content_type__app_label", "codename"
        )
        if permission.content_type.model_class() is not None
    ]
    return json.loads(
        serializers.serialize(
            "json", permissions, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
    )


def export(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / CONTENT_FILE
    buffer = io.StringIO()
    # Natural keys for content types, permissions and pages, so the backup fits any fresh database.
    call_command("dumpdata", natural_foreign=True, exclude=EXCLUDED, stdout=buffer, verbosity=0)
    # The permissions first: the groups and the page and collection permissions refer to them.
    records = _permissions() + json.loads(buffer.getvalue())
    # The audit log keeps entries of deleted pages; those cannot point at a page any more and are left out.
    records += _audit_log(PageLogEntry.objects.filter(page_id__in=Page.objects.values("pk")))
    records += _audit_log(ModelLogEntry.objects.all())
    target.write_text(json.dumps(records, indent=1, ensure_ascii=False), encoding="utf-8")
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.copytree(media, directory / MEDIA_DIR, dirs_exist_ok=True)
    return target


def restore(directory: Path) -> None:
    """Into a migrated database: everything in it is replaced by the backup."""
    content = directory / CONTENT_FILE
    if not content.exists():
        raise FileNotFoundError(f"No {CONTENT_FILE} in {directory}")
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", str(content), verbosity=0)
    media = directory / MEDIA_DIR
    if media.exists():
        shutil.copytree(media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
