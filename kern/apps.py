from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    """The bottom layer: what every page shares (site settings, helplines, information pages, blocks, review
    dates, the page cache). It imports no other app of the project.

    The label stays "wegwijzer", the name these models were created under: their tables, content types, page
    revisions and migration history keep working on every existing installation, without a data migration.
    """

    name = "kern"
    # Everything this app stores can show on public pages (kern/invalidation.py).
    public_content = True
    label = "wegwijzer"
    verbose_name = _("Site-wide content")

    def ready(self):
        # Importing workflow registers its signal receiver (Django's usual place for it).
        from . import invalidation, workflow  # noqa: F401

        invalidation.connect()
