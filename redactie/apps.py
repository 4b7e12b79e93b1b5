from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactieConfig(AppConfig):
    """Editorial work: the review report ("Te controleren"), content checks in the editor, the link checker and
    the public change log."""

    name = "redactie"
    verbose_name = _("Editorial work")

    def ready(self):
        # As in kern: the models must be loaded before the module that uses them is imported.
        from . import change_log

        change_log.connect()
