"""Who gets which Content-Security-Policy: visitors a strict one, editors one that lets the admin and previews work."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kern import roles
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def redacteur(client, django_user_model):
    """A Redacteur: may use the admin through the group, but is not Django "staff"."""
    user = django_user_model.objects.create_user(username="redacteur", password="x" * 16)
    user.groups.add(Group.objects.get(name=roles.REDACTEUR))
    assert not user.is_staff
    client.force_login(user)
    return client


def test_visitors_get_a_policy_without_inline_code_frames_or_other_sites(client, step):
    policy = directives(client.get(step.url))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert client.get(step.url)["X-Frame-Options"] == "DENY"


def test_a_redacteurs_preview_can_be_framed_by_the_admin_and_run_its_checks(redacteur, step):
    """Wagtail renders the preview with a copy of the editor's request for the page's own address."""
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(step.pk,))
    data = form_data(redacteur.get(reverse("wagtailadmin_pages:edit", args=(step.pk,))))
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Nieuwe tekst.</p>"))])}))
    assert redacteur.post(preview_url, data).json()["is_valid"]
    response = redacteur.get(preview_url + "?in_preview_panel=true")
    assert response.status_code == 200
    assert b'data-step-links="organisaties"' in response.content
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]


def test_a_signed_in_redacteur_sees_the_public_page_with_a_working_userbar(redacteur, step):
    response = redacteur.get(step.url)
    assert b"wagtail-userbar" in response.content
    assert "'unsafe-inline'" in directives(response)["script-src"]


def test_the_permissions_policy_names_only_features_browsers_know(client, step):
    """An unknown feature makes Chromium log an error on every page; this list is what it recognises."""
    known = {
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
        "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    }  # fmt: skip
    header = client.get(step.url)["Permissions-Policy"]
    features = {part.split("=")[0].strip() for part in header.split(",")}
    assert features and features <= known
    assert all(part.strip().endswith("=()") for part in header.split(","))
