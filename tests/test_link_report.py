"""Every external link in published content is found, checked by ``check_links`` and broken ones reported."""

import socket
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from kern.models import SiteInstellingen
from organisaties.models import Organisatie, Regeling
from redactie import link_checker
from redactie.link_sources import collect_links
from redactie.models import LinkCheck
from tests.local_http_server import TIMEOUT, Handler, serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    with serve() as address:
        yield address


@pytest.fixture
def offline(monkeypatch, settings):
    """Only the local server exists: every other host name fails at once, so no test reaches the internet."""
    real_resolve = link_checker.resolve

    def resolve(host, port):
        if host == "127.0.0.1":
            return real_resolve(host, port)
        raise socket.gaierror("not resolved in tests")

    monkeypatch.setattr(link_checker, "resolve", resolve)
    settings.LINK_CHECK_ALLOW_LOOPBACK = True


@pytest.fixture
def comensha():
    return Organisatie.objects.get(locale__language_code="nl", slug="comensha")


def test_links_are_found_in_url_fields_rich_text_and_stream_fields(step, comensha):
    comensha.what_it_does = (
        '<p>Zie <a href="https://voorbeeld.example/rich">de folder</a>, <a href="mailto:x@example.org">mail</a>'
        ' en <a linktype="page" id="3">een pagina</a>.</p>'
    )
    comensha.save()
    step.body = [
        ("paragraph", RichText('<p><a href="https://voorbeeld.example/stream">meer</a></p>')),
        (
            "faq",
            {
                "question": "Waar?",
                "answer": RichText('<p><a href="http://voorbeeld.example/faq">hier</a></p>'),
            },
        ),
    ]
    step.save()
    uses = collect_links()
    assert [use.obj for use in uses["https://voorbeeld.example/rich"]] == [comensha]
    assert [use.obj for use in uses["https://voorbeeld.example/stream"]] == [step]
    assert [use.obj for use in uses["http://voorbeeld.example/faq"]] == [step]
    assert comensha in [use.obj for use in uses[comensha.website]]
    assert not [url for url in uses if not url.startswith(("http://", "https://"))]
    # Found without naming the field anywhere: the quick-exit address of the site settings.
    quick_exit = SiteInstellingen.objects.get().quick_exit_url
    assert quick_exit in uses


def test_drafts_and_unpublished_content_are_left_out(step, comensha):
    step.body = [("paragraph", RichText('<p><a href="https://concept.example/">concept</a></p>'))]
    step.save_revision()  # a draft: the live page is unchanged
    Organisatie.objects.filter(pk=comensha.pk).update(live=False, website="https://offline.example/")
    uses = collect_links()
    assert "https://concept.example/" not in uses
    assert "https://offline.example/" not in uses


def test_check_links_stores_each_result_and_reports_broken_links(server, offline, comensha):
    Organisatie.objects.filter(pk=comensha.pk).update(website=f"{server}/missing")
    regeling = Regeling.objects.get(locale__language_code="nl", slug="bedenktijd")
    Regeling.objects.filter(pk=regeling.pk).update(source_url=f"{server}/moved")
    LinkCheck.objects.create(url="https://niet-meer-gebruikt.example/", ok=False, checked_at=timezone.now())

    output = call_command_output("check_links", "--timeout", str(TIMEOUT))

    missing = LinkCheck.objects.get(url=f"{server}/missing")
    assert (missing.ok, missing.status_code) == (False, 404)
    moved = LinkCheck.objects.get(url=f"{server}/moved")
    assert (moved.ok, moved.status_code, moved.final_url, moved.redirects) == (True, 200, f"{server}/ok", 1)
    # Every other address in the demo content has a result too (here: host not found, as the test is offline).
    assert LinkCheck.objects.filter(url__in=collect_links()).count() == len(collect_links())
    assert not LinkCheck.objects.filter(url="https://niet-meer-gebruikt.example/").exists()
    assert f"KAPOT     {server}/missing" in output
    assert "CoMensha" in output
    assert f"DOORGEST. {server}/moved -> {server}/ok" in output
    # The site names itself to the servers it asks.
    assert all("WegwijzerMensenhandel-linkcheck" in agent for _method, _path, agent in Handler.seen)


def test_check_links_can_check_only_given_addresses(server, offline):
    call_command_output("check_links", f"{server}/failing", "--timeout", str(TIMEOUT))
    assert list(LinkCheck.objects.values_list("url", "ok", "status_code")) == [
        (f"{server}/failing", False, 500)
    ]


def test_check_links_refuses_other_schemes_and_bad_options():
    with pytest.raises(CommandError, match="http and https"):
        call_command("check_links", "file:///etc/passwd")
    with pytest.raises(CommandError, match="--workers"):
        call_command("check_links", "--workers", "0")


def test_report_lists_broken_links_with_edit_links_to_where_they_are_used(admin_client, comensha, soup):
    LinkCheck.objects.create(
        url=comensha.website, ok=False, status_code=404, error="404 van de server", checked_at=timezone.now()
    )
    working = Organisatie.objects.get(locale__language_code="nl", slug="fairwork")
    LinkCheck.objects.create(url=working.website, ok=True, status_code=200, checked_at=timezone.now())

    response = admin_client.get(reverse("wegwijzer_broken_links"))

    assert response.status_code == 200
    page = soup(response)
    rows = page.select("table tbody tr")
    assert len(rows) == 1
    assert comensha.website in rows[0].get_text()
    assert "404 van de server" in rows[0].get_text()
    edit_links = [a["href"] for a in rows[0].select("a")]
    assert reverse("wagtailsnippets_organisaties_organisatie:edit", args=(comensha.pk,)) in edit_links


def test_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("wegwijzer_broken_links") in response.content.decode()


def test_report_without_broken_links_says_so(admin_client, soup):
    response = admin_client.get(reverse("wegwijzer_broken_links"))
    assert response.status_code == 200
    page = soup(response)
    assert not page.select("table tbody tr")
    assert "Geen kapotte links" in page.get_text()  # the admin speaks the editors' language


def call_command_output(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
