from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZoekenConfig(AppConfig):
    """Search across pages, organisations and regulations."""

    name = "zoeken"
    # Everything this app stores can show on public pages (kern/invalidation.py).
    public_content = True
    verbose_name = _("Search")

    def ready(self):
        from . import signals

        signals.connect()
