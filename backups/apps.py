from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """Export and restore of the editors' content (backup_content, restore_content)."""

    name = "backups"
    verbose_name = _("Backups")
