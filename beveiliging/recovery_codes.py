"""Recovery codes for two-factor login: ten single-use codes for when the authenticator app is lost.

They are django-otp static tokens, so the normal two-factor login form accepts them. Making new codes throws the
old ones away; codes are shown once and stored only as django-otp stores them.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from kern.admin_query import checks_its_own_query

DEVICE_NAME = "Herstelcodes"
NUMBER_OF_CODES = 10


def make_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user, name=DEVICE_NAME).delete()
    device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(NUMBER_OF_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=DEVICE_NAME).count()


@checks_its_own_query
def recovery_codes_view(request):
    user = request.user
    # Only someone who passed two-factor login may make codes that replace it (when two-factor login is on).

    if settings.WAGTAIL_2FA_REQUIRED and not user.is_verified():
        raise PermissionDenied
    codes = make_recovery_codes(user) if request.method == "POST" else None
    return TemplateResponse(
        request,
        "beveiliging/recovery_codes.html",
        {"codes": codes, "remaining": remaining_codes(user)},
    )


ACCOUNT_MENU_LABEL = _("Recovery codes for two-factor login")
