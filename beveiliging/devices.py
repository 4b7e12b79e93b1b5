"""wagtail-2fa's device views, answering 404 for a device id that does not exist instead of a server error.

wagtail-2fa looks the device up with ``TOTPDevice.objects.get()`` before any check, so an unknown or out-of-range
id in the address raised an exception, and after removing a device it sends the editor to a list named by a
posted ``user_id`` that anyone can change. These views keep its behaviour otherwise; beveiliging/wagtail_hooks.py
mounts them at the same addresses and names.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import views


class DeviceDeleteView(views.DeviceDeleteView):
    def dispatch(self, request, *args, **kwargs):
        get_object_or_404(TOTPDevice, pk=self.kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("wagtail_2fa_device_list", kwargs={"user_id": self.object.user_id})
