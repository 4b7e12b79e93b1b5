"""Behind a load balancer, failed logins lock out one visitor for one user name, never every editor.

The load balancer connects from its own address (REMOTE_ADDR) and appends the visitor's address to
X-Forwarded-For, as one trusted proxy (PROXY_COUNT=1) does in production.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kern import roles
from wegwijzer.settings.proxies import visitor_address_settings

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-sterk-wachtwoord"
LOAD_BALANCER = "10.0.0.2"
ATTACKER = "198.51.100.7"
EDITOR_AT_WORK = "192.0.2.44"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = visitor_address_settings(1)


@pytest.fixture
def device(django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.nl", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REDACTEUR))
    return TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)


def visitor(address, sent_by_client=""):
    """A browser whose requests reach Django through the load balancer."""
    forwarded = f"{sent_by_client}, {address}" if sent_by_client else address
    return Client(REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=forwarded)


def log_in(client, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": "redacteur", "password": password})


def signs_in_with_two_factor(client, device):
    log_in(client)
    code = str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(device.digits)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": code})
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_failures_lock_out_that_visitor_but_the_editor_elsewhere_still_signs_in(device, settings):
    attacker = visitor(ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, password="fout")
    assert log_in(attacker).status_code == 429, (
        "the visitor who guessed is locked out, even with the password"
    )

    assert signs_in_with_two_factor(visitor(EDITOR_AT_WORK), device)


def test_a_forged_forwarded_address_does_not_lift_the_lockout(device, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(visitor(ATTACKER), password="fout")
    # The load balancer appends the real address after whatever the client sent.
    assert log_in(visitor(ATTACKER, sent_by_client="203.0.113.99")).status_code == 429


def test_a_forged_forwarded_address_cannot_lock_out_someone_else(device, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(visitor(ATTACKER, sent_by_client=EDITOR_AT_WORK), password="fout")
    assert signs_in_with_two_factor(visitor(EDITOR_AT_WORK), device)


def test_without_trusted_proxies_the_header_is_ignored(device, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = visitor_address_settings(0)
    direct = Client(REMOTE_ADDR=ATTACKER)
    for number in range(settings.AXES_FAILURE_LIMIT):
        # A client connecting directly cannot escape its lockout by sending a new X-Forwarded-For each time.
        log_in(Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}"), password="fout")
    assert log_in(direct).status_code == 429
