"""The link checker against a real local HTTP server: working, moved, missing, failing, silent and hostile links."""

import shutil
import socket
import ssl
import subprocess
import time

import pytest
from django.utils import translation

from redactie import link_checker
from redactie.link_checker import CheckOptions, check_url
from tests.local_http_server import TIMEOUT, Handler, serve


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def server():
    with serve() as address:
        yield address


@pytest.fixture
def options():
    return CheckOptions(
        timeout=TIMEOUT, max_redirects=5, allow_loopback=True, user_agent="WW-test (+http://w/)"
    )


def test_a_working_link_is_ok_and_asked_with_head_and_a_polite_user_agent(server, options):
    result = check_url(f"{server}/ok", options)
    assert result.ok
    assert result.status_code == 200
    assert result.redirects == 0
    assert Handler.seen == [("HEAD", "/ok", "WW-test (+http://w/)")]


def test_a_moved_link_is_followed_and_reported(server, options):
    result = check_url(f"{server}/moved", options)
    assert result.ok
    assert result.redirects == 1
    assert result.final_url == f"{server}/ok"


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/failing", 500)])
def test_missing_and_failing_pages_are_broken_with_their_status(server, options, path, status):
    result = check_url(f"{server}{path}", options)
    assert not result.ok
    assert result.status_code == status
    assert str(status) in result.error
    # HEAD answered with an error, so GET was tried before calling it broken.
    assert [method for method, *_ in Handler.seen] == ["HEAD", "GET"]


def test_a_server_that_refuses_head_is_asked_with_get(server, options):
    result = check_url(f"{server}/no-head", options)
    assert result.ok
    assert [method for method, *_ in Handler.seen] == ["HEAD", "GET"]


def test_a_server_that_never_answers_times_out(server, options):
    started = time.monotonic()
    result = check_url(f"{server}/never", options)
    assert not result.ok
    assert result.status_code is None
    assert "0.5" in result.error
    assert time.monotonic() - started < 4 * TIMEOUT


def test_an_endless_redirect_loop_stops(server, options):
    result = check_url(f"{server}/loop/1", options)
    assert not result.ok
    assert result.redirects == 5
    assert "5" in result.error
    assert len(Handler.seen) == 6


def test_a_huge_body_is_never_read(server, options):
    started = time.monotonic()
    result = check_url(f"{server}/huge", options)
    assert result.ok
    assert time.monotonic() - started < 2


def test_loopback_is_refused_unless_the_setting_allows_it(server, options):
    result = check_url(f"{server}/ok", CheckOptions(timeout=TIMEOUT, allow_loopback=False))
    assert not result.ok
    assert "private or local" in result.error
    assert Handler.seen == []


@pytest.mark.parametrize("path", ["/to-metadata", "/to-private"])
def test_a_redirect_into_a_private_range_is_not_followed(server, options, path, monkeypatch):
    connected = []
    real_create_connection = socket.create_connection

    def record(address, *args, **kwargs):
        connected.append(address[0])
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", record)
    result = check_url(f"{server}{path}", options)
    assert not result.ok
    assert "private or local" in result.error
    assert connected == ["127.0.0.1"]  # only the first, allowed request went out


def test_a_host_name_that_resolves_to_a_private_address_is_refused(options, monkeypatch):
    monkeypatch.setattr(link_checker, "resolve", lambda host, port: ["93.184.215.14", "192.168.1.10"])
    result = check_url("https://example.org/", options)
    assert not result.ok
    assert "private or local" in result.error


def test_a_redirect_to_another_scheme_is_not_followed(server, options):
    result = check_url(f"{server}/to-file", options)
    assert not result.ok
    assert "http or https" in result.error


def test_other_schemes_are_never_fetched(options):
    for url in (
        "ftp://example.org/file",
        "javascript:alert(1)",
        "mailto:info@example.org",
        "file:///etc/passwd",
    ):
        result = check_url(url, options)
        assert not result.ok
        assert "http or https" in result.error


def test_an_unknown_host_is_broken(options, monkeypatch):
    def no_such_host(host, port):
        raise socket.gaierror("Name or service not known")

    monkeypatch.setattr(link_checker, "resolve", no_such_host)
    result = check_url("https://bestaat-niet.example/", options)
    assert not result.ok
    assert "bestaat-niet.example" in result.error


def test_https_to_a_server_without_tls_is_broken(server, options):
    result = check_url(server.replace("http://", "https://") + "/ok", options)
    assert not result.ok
    assert result.error


@pytest.fixture
def self_signed_server(tmp_path):
    """The same server behind TLS with a certificate no browser trusts."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serve(wrap_socket=lambda sock: context.wrap_socket(sock, server_side=True)) as address:
        yield address


def test_an_invalid_certificate_is_broken(self_signed_server, options):
    result = check_url(f"{self_signed_server}/ok", options)
    assert not result.ok
    assert "certificate" in result.error
