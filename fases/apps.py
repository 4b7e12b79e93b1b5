from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FasesConfig(AppConfig):
    name = "fases"
    verbose_name = _("Phases and steps")
