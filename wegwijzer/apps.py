from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WegwijzerConfig(AppConfig):
    name = "wegwijzer"
    verbose_name = _("Wegwijzer")

    def ready(self):
        from . import signals, two_factor

        signals.connect()
        two_factor.install()
