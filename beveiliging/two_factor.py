"""Two-factor login: which device a code belongs to.

django-otp 1.7.5 no longer tries a code against each of a user's devices (that throttled unrelated devices) and
asks the login form to name the device; wagtail-2fa's form (1.8) does not do that yet, so every code was refused.
The shape of the code tells the device: six digits come from the authenticator app (TOTP), anything else is a
recovery code (static token).
"""

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import TokenForm


class DeviceChoosingTokenForm(TokenForm):
    def _chosen_device(self, user):
        token = (self.cleaned_data.get("otp_token") or "").strip()
        device_model = TOTPDevice if token.isdigit() else StaticDevice
        return device_model.objects.filter(user=user, confirmed=True).first()
