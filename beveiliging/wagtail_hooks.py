"""Admin security: the two-factor login form, recovery codes and the list of blocked logins."""

from axes.models import AccessAttempt
from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail_2fa.views import LoginView

from . import devices, recovery_codes
from .two_factor import DeviceChoosingTokenForm


@hooks.register("register_admin_urls")
def security_urls():
    return [
        # The same address and name as wagtail-2fa's own login step, with a form that names the device. This app
        # comes before wagtail_2fa in INSTALLED_APPS, so this pattern is found first.
        path("2fa/auth", LoginView.as_view(form_class=DeviceChoosingTokenForm), name="wagtail_2fa_auth"),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/remove$",
            devices.DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
        path("herstelcodes/", recovery_codes.recovery_codes_view, name="wegwijzer_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_account_item(request):
    return {
        "url": reverse("wegwijzer_recovery_codes"),
        "label": recovery_codes.ACCOUNT_MENU_LABEL,
        "help_text": _("Single-use codes for when you lose your authenticator app."),
    }


class LockoutViewSet(ModelViewSet):
    """Blocked logins (django-axes), visible to administrators; deleting one lifts the block."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Blocked logins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["username"]
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, "edit_url_name": None, **kwargs})


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("geblokkeerde-inlogpogingen")
