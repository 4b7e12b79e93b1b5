"""Editors' accounts are protected: two-factor login with recovery codes, lockout, strong passwords, idle expiry."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from beveiliging.recovery_codes import make_recovery_codes
from kern import roles

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-sterk-wachtwoord"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.nl", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REDACTEUR))
    return user


@pytest.fixture
def two_factor_required(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


def current_code(device):
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(device.digits)


def log_in(client, username="redacteur", password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_staff_without_a_device_must_set_one_up_first(client, editor, two_factor_required):
    log_in(client)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtail_2fa_device_new") in response["Location"]


def test_staff_with_a_device_must_enter_the_code(client, editor, two_factor_required):
    device = TOTPDevice.objects.create(user=editor, name="telefoon", confirmed=True)
    log_in(client)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtail_2fa_auth") in response["Location"]

    assert client.post(reverse("wagtail_2fa_auth"), {"otp_token": "000000"}).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a wrong code; the editor waits a moment

    client.post(reverse("wagtail_2fa_auth"), {"otp_token": current_code(device)})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_recovery_code_works_once_instead_of_the_app(client, editor, two_factor_required):
    TOTPDevice.objects.create(user=editor, name="telefoon", confirmed=True)
    codes = make_recovery_codes(editor)
    assert len(codes) == 10 and len(set(codes)) == 10
    log_in(client)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": codes[0]})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    client.logout()
    log_in(client)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": codes[0]})
    assert client.get(reverse("wagtailadmin_home")).status_code == 302, "a recovery code must work only once"


def test_editors_can_make_new_recovery_codes_after_two_factor_login(client, editor, two_factor_required):
    device = TOTPDevice.objects.create(user=editor, name="telefoon", confirmed=True)
    log_in(client)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": current_code(device)})
    response = client.post(reverse("wegwijzer_recovery_codes"))
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10


def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="fout")
    response = log_in(client)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="redacteur").exists()


def test_administrators_see_and_lift_lockouts(client, admin_client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="fout")
    listing = admin_client.get(reverse("geblokkeerde-inlogpogingen:index"))
    assert listing.status_code == 200
    assert "redacteur" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="redacteur")
    admin_client.post(reverse("geblokkeerde-inlogpogingen:delete", args=(attempt.pk,)))
    assert not AccessAttempt.objects.filter(username="redacteur").exists()
    log_in(client)
    assert "_auth_user_id" in client.session


def test_weak_passwords_are_refused(editor):
    for weak in ["wachtwoord", "12345678901234", "redacteur1234"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user=editor)
    validate_password(PASSWORD, user=editor)


def test_editor_sessions_end_after_an_hour_of_inactivity(client, editor, settings):
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    log_in(client)
    assert client.session.get_expiry_age() <= 60 * 60


def test_the_admin_is_only_served_over_https_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/admin/login/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_admin_sends_nothing_about_editors_to_third_parties(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html.lower()
