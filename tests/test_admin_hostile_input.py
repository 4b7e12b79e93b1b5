"""Hostile input in the admin: a signed-in editor (a Redacteur, two-factor login) never gets a 500.

Unknown or out-of-range ids give a 404, bad dates a form message, NUL bytes a page or a form error. CI runs this
file on SQLite and on PostgreSQL, which refuses NUL bytes in a query with an exception.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kern import roles
from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-sterk-wachtwoord"
HUGE = "99999999999999999999999"
UNKNOWN = "424242"


@pytest.fixture
def editor(django_user_model, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    user = django_user_model.objects.create_user("redacteur", "r@example.nl", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REDACTEUR))
    device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    client = Client(raise_request_exception=False)
    client.post(reverse("wagtailadmin_login"), {"username": "redacteur", "password": PASSWORD})
    code = str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(device.digits)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": code})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200, "signed in with two-factor login"
    client.device = device
    return client


def asks_for_a_date(response) -> bool:
    """The report's message about the date format (the admin speaks Dutch: JJJJ-MM-DD)."""
    return any("-MM-DD" in str(message) for message in response.context["messages"])


@pytest.mark.parametrize(
    "date",
    ["9999-12-31", "2026-02-30", "morgen", "2026-13-01", "\x00", "2026-01-01\x00", "9" * 400],
)
def test_review_report_with_a_bad_date_gives_a_message(editor, date):
    response = editor.get(reverse("wegwijzer_review_report"), {"date": date})
    assert response.status_code == 200
    assert asks_for_a_date(response)


def test_review_report_far_ahead_is_refused_with_a_message_and_near_ahead_works(editor):
    far = editor.get(reverse("wegwijzer_review_report"), {"date": "2999-01-01"})
    assert far.status_code == 200 and asks_for_a_date(far)
    near = editor.get(reverse("wegwijzer_review_report"), {"date": "2027-06-01"})
    assert near.status_code == 200 and not asks_for_a_date(near)
    assert editor.get(reverse("wegwijzer_review_report"), {"date": "0001-01-01"}).status_code == 200


@pytest.mark.parametrize("pk", [HUGE, UNKNOWN])
def test_mark_as_checked_with_unknown_ids_is_not_found(editor, pk):
    organisatie_type = ContentType.objects.get_for_model(Organisatie).pk
    for content_type, object_id in ((organisatie_type, pk), (pk, 1), (HUGE, HUGE)):
        url = f"/admin/te-controleren/{content_type}/{object_id}/gecontroleerd/"
        assert editor.post(url).status_code == 404, url


@pytest.mark.parametrize("pk", [HUGE, UNKNOWN])
@pytest.mark.parametrize("action", ["update", "remove"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_two_factor_device_views_with_unknown_ids_are_not_found(editor, pk, action, method):
    response = getattr(editor, method)(f"/admin/2fa/devices/{pk}/{action}", {"name": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize("user_id", [HUGE, UNKNOWN])
def test_the_device_list_of_an_unknown_user_is_refused(editor, user_id):
    # Wagtail answers a refused admin page with a redirect to the dashboard and a message.
    assert editor.get(f"/admin/2fa/devices/{user_id}").status_code in (302, 403, 404)


def test_removing_a_device_with_a_garbage_return_user_goes_to_the_own_device_list(editor):
    other = TOTPDevice.objects.create(user=editor.device.user, name="reserve", confirmed=True)
    response = editor.post(f"/admin/2fa/devices/{other.pk}/remove", {"user_id": "x\x00"})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtail_2fa_device_list", kwargs={"user_id": editor.device.user_id}
    )
    assert not TOTPDevice.objects.filter(pk=other.pk).exists()


def test_another_editors_device_cannot_be_removed(editor, django_user_model):
    someone = django_user_model.objects.create_user("ander", "a@example.nl", PASSWORD)
    device = TOTPDevice.objects.create(user=someone, name="telefoon", confirmed=True)
    assert editor.post(f"/admin/2fa/devices/{device.pk}/remove").status_code in (302, 403, 404)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


@pytest.mark.parametrize("query", [{"x": "\x00"}, {"q": "a\x00b"}, {"x": "9" * 4000}])
def test_recovery_codes_view_ignores_odd_parameters(editor, query):
    assert editor.get(reverse("wegwijzer_recovery_codes"), query).status_code == 200
    response = editor.post(f"{reverse('wegwijzer_recovery_codes')}?x=%00", query)
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10


NUL_SEARCHES = ["\x00", "opvang\x00", "a\x00b", "%00", "\x00" * 50]


@pytest.mark.parametrize("q", NUL_SEARCHES)
@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/",
        "/admin/pages/2/",
        "/admin/snippets/organisaties/organisatie/",
        "/admin/snippets/organisaties/regeling/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/te-controleren/",
        "/admin/snippets/organisaties/organisatie/?locale=",
        "/admin/pages/search/?ordering=",
    ],
)
def test_nul_bytes_in_an_admin_search_give_a_page(editor, url, q):
    response = editor.get(f"{url}{quote(q)}") if url.endswith("=") else editor.get(url, {"q": q})
    assert response.status_code in (200, 302, 404), response.status_code
    assert response.status_code != 503, "a bad search is not a database outage"
