from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisatiesConfig(AppConfig):
    name = "organisaties"
    # Everything this app stores can show on public pages (kern/invalidation.py).
    public_content = True
    verbose_name = _("Organisations and regulations")
