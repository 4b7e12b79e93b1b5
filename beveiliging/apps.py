from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeveiligingConfig(AppConfig):
    """Admin security: two-factor login, recovery codes, login lockouts and the security headers."""

    name = "beveiliging"
    verbose_name = _("Security")
