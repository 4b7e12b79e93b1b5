"""Nothing a client sends can change the links on a page, for that client or for the visitors after it.

Prefix headers (SCRIPT_NAME, X-Forwarded-Prefix), X-Forwarded-Host and a Host with a port used to go into
links, and through the page cache into the pages of everyone who came later.
"""

import re
import runpy
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from gunicorn.config import Config
from gunicorn.http import wsgi
from gunicorn.http.parser import RequestParser

pytestmark = pytest.mark.django_db

GUNICORN_CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"

PATHS = [
    "/",
    "/beschermen/opvang/",
    "/en/",
    "/organisaties/comensha/",
    "/overzicht/?leeftijd=meerderjarig",
    "/zoeken/?q=opvang",
    "/bestaat-niet/",
    "/sitemap.xml",
    "/robots.txt",
    "/.well-known/security.txt",
]
HOSTILE = {
    # As gunicorn passes a SCRIPT_NAME header from a proxy it trusts (its default) or an environment variable.
    "script-name": {"SCRIPT_NAME": "/evil"},
    "protocol-relative-script-name": {"SCRIPT_NAME": "//evil.example"},
    "forwarded-host": {"HTTP_X_FORWARDED_HOST": "evil.example", "HTTP_X_FORWARDED_PORT": "8443"},
    "forwarded-prefix": {"HTTP_X_FORWARDED_PREFIX": "/evil"},
    "host-with-port": {"HTTP_HOST": "testserver:8443"},
}
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")


@pytest.fixture(autouse=True)
def page_cache_and_security_txt(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.SECURITY_TXT = {"CONTACT": ["mailto:security@example.nl"], "POLICY": "", "EXPIRES": None}
    cache.clear()
    yield
    cache.clear()


def links(response) -> set[str]:
    """Every address in the response: links, sources, form targets, meta URLs, and URLs in text files."""
    body = response.content.decode()
    if not response["Content-Type"].startswith("text/html"):
        return set(URL_IN_TEXT.findall(body))
    page = BeautifulSoup(body, "html.parser")
    found = set()
    for attribute in ("href", "src", "action", "content"):
        for element in page.select(f"[{attribute}]"):
            value = element[attribute]
            if attribute != "content" or URL_IN_TEXT.match(value):
                found.add(value)
    return found


def assert_all_point_here(addresses):
    for address in addresses:
        assert "evil" not in address, address
        assert not address.startswith("//"), address
        parts = urlsplit(address)
        if parts.hostname == "testserver":
            assert parts.netloc == "testserver", f"{address} carries the request's port"


@pytest.mark.parametrize("headers", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("path", PATHS)
def test_hostile_headers_change_no_link_now_or_for_the_next_visitor(client, path, headers):
    hostile = client.get(path, **headers)
    after = client.get(path)
    cache.clear()
    reference = client.get(path)
    assert hostile.status_code == after.status_code == reference.status_code
    assert_all_point_here(links(hostile))
    assert links(hostile) == links(reference)
    assert links(after) == links(reference)


def gunicorn_environ(raw_request: bytes, with_project_config: bool) -> dict:
    """The WSGI environ gunicorn builds for a request from 127.0.0.1, a proxy address gunicorn trusts by default."""
    config = Config()
    if with_project_config:
        for name, value in runpy.run_path(str(GUNICORN_CONF)).items():
            if name in config.settings:
                config.set(name, value)
    peer = ("127.0.0.1", 50000)
    request = next(iter(RequestParser(config, iter([raw_request]), peer)))
    _response, environ = wsgi.create(request, None, peer, ("127.0.0.1", 8000), config)
    return environ


def test_gunicorn_takes_no_path_prefix_from_a_request_header():
    raw = (
        b"GET /evil/beschermen/ HTTP/1.1\r\nHost: testserver\r\n"
        b"SCRIPT_NAME: /evil\r\nPATH_INFO: /admin/\r\n\r\n"
    )
    # gunicorn's own defaults honour the header: the probe is real.
    assert gunicorn_environ(raw, with_project_config=False)["SCRIPT_NAME"] == "/evil"

    environ = gunicorn_environ(raw, with_project_config=True)
    assert environ["SCRIPT_NAME"] == ""
    assert environ["PATH_INFO"] == "/evil/beschermen/"
    assert "HTTP_SCRIPT_NAME" not in environ and "HTTP_PATH_INFO" not in environ
