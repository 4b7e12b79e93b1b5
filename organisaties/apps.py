from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisatiesConfig(AppConfig):
    name = "organisaties"
    # Everything this app stores can show on public pages (kern/invalidation.py).
    public_content = True
    verbose_name = _("Organisations and regulations")

    def ready(self):
        # The tags of synced translations follow their original (a signal receiver, connected here as usual).
        from . import translated_tags

        translated_tags.connect()
