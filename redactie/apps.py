from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactieConfig(AppConfig):
    """Editorial work: the review report ("Te controleren"), content checks in the editor."""

    name = "redactie"
    verbose_name = _("Editorial work")
