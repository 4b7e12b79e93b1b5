"""Checks one external web address the way a careful visitor's browser would, and survives hostile servers.

Rules, each for a reason:

* Only http and https: other schemes in content (mailto, tel, javascript, file) are never fetched.
* The host is resolved first and every address must be public: a link (or a redirect) to a private, loopback or
  link-local range could make the server probe its own network. The connection then goes to the address that was
  checked, so a second DNS answer cannot swap in another one. Loopback is allowed only when the setting
  ``LINK_CHECK_ALLOW_LOOPBACK`` is on (the tests' local server).
* HEAD first (no body at all); GET when the server refuses HEAD or answers it with an error. The body of a GET is
  never read: the status line and headers say whether the link works, and a huge body cannot fill memory.
* Redirects are followed by hand, at most ``LINK_CHECK_MAX_REDIRECTS``, each target checked again.
* Every request has a socket timeout and a watchdog that closes the connection when the whole request takes more
  than twice as long, so a server that trickles its answer byte by byte cannot hold a worker.
* An invalid TLS certificate counts as broken: visitors' browsers would refuse it too.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

WEB_SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class CheckOptions:
    timeout: float = 10.0
    max_redirects: int = 5
    allow_loopback: bool = False
    user_agent: str = "WegwijzerMensenhandel-linkcheck/1.0"

    @classmethod
    def from_settings(cls, user_agent: str, **overrides):
        values = {
            "timeout": settings.LINK_CHECK_TIMEOUT,
            "max_redirects": settings.LINK_CHECK_MAX_REDIRECTS,
            "allow_loopback": settings.LINK_CHECK_ALLOW_LOOPBACK,
            "user_agent": user_agent,
        }
        values.update({key: value for key, value in overrides.items() if value is not None})
        return cls(**values)


@dataclass(frozen=True)
class CheckResult:
    url: str
    ok: bool
    status_code: int | None = None
    final_url: str = ""
    redirects: int = 0
    error: str = ""


class LinkError(Exception):
    """A reason the address could not be checked, worded for editors."""


def is_web_address(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def resolve(host: str, port: int) -> list[str]:
    """All addresses the host name resolves to (a module function, so tests can answer without DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]


def public_address(host: str, port: int, allow_loopback: bool) -> str:
    """The address to connect to; refuses a host when any of its addresses is not on the public internet."""
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError) as error:
        raise LinkError(_("The host name %(host)s does not exist.") % {"host": host}) from error
    if not addresses:
        raise LinkError(_("The host name %(host)s does not exist.") % {"host": host})
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if ip.is_loopback and allow_loopback:
            continue
        if not ip.is_global or ip.is_multicast:
            raise LinkError(
                _("Not checked: %(host)s points to a private or local network address.") % {"host": host}
            )
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, while sending the host name in the Host header."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.checked_address = address

    def connect(self):
        self.sock = socket.create_connection((self.checked_address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As above, with TLS verified against the host name (certificate and SNI)."""

    def __init__(self, host, port, *, address, timeout, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self.checked_address = address
        self.tls_context = context

    def connect(self):
        sock = socket.create_connection((self.checked_address, self.port), self.timeout)
        try:
            self.sock = self.tls_context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


# The whole request (connect, send, headers) may take this many times the socket timeout.
WHOLE_REQUEST_FACTOR = 2


def _abort(connection, aborted):
    """Ends a request that took too long: shutting the socket down wakes a thread blocked in recv()."""
    aborted.set()
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def request_once(method: str, url: str, options: CheckOptions) -> tuple[int, str | None]:
    """One request without following redirects: (status code, Location header). The body is never read."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES or not parts.hostname:
        raise LinkError(_("Not checked: only web addresses (http or https) are checked."))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:
        raise LinkError(_("The address has an invalid port number.")) from error
    address = public_address(parts.hostname, port, options.allow_loopback)
    if scheme == "https":
        connection = _PinnedHTTPSConnection(
            parts.hostname,
            port,
            address=address,
            timeout=options.timeout,
            context=ssl.create_default_context(),
        )
    else:
        connection = _PinnedHTTPConnection(parts.hostname, port, address=address, timeout=options.timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    aborted = threading.Event()
    watchdog = threading.Timer(options.timeout * WHOLE_REQUEST_FACTOR, _abort, (connection, aborted))
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request(
            method,
            target,
            headers={
                "User-Agent": options.user_agent,
                "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    except (OSError, http.client.HTTPException) as error:
        if aborted.is_set():
            raise TimeoutError from error
        raise
    finally:
        watchdog.cancel()
        connection.close()


def _describe(error: Exception, options: CheckOptions) -> str:
    if isinstance(error, LinkError):
        return str(error)
    if isinstance(error, ssl.SSLCertVerificationError):
        return _("The security certificate is not valid: %(reason)s") % {
            "reason": error.verify_message or error.reason
        }
    if isinstance(error, ssl.SSLError):
        return _("No secure connection could be made: %(reason)s") % {"reason": error.reason or error}
    if isinstance(error, TimeoutError):
        return _("No answer within %(seconds)s seconds.") % {"seconds": f"{options.timeout:g}"}
    if isinstance(error, ConnectionRefusedError):
        return _("The server refused the connection.")
    if isinstance(error, http.client.HTTPException | ConnectionResetError | BrokenPipeError):
        return _("The server did not give a valid answer.")
    return _("The connection failed: %(reason)s") % {"reason": error}


def _fetch(url: str, options: CheckOptions) -> tuple[int, str | None]:
    """HEAD, then GET when HEAD is refused, answered with an error or not understood."""
    try:
        status, location = request_once("HEAD", url, options)
    except (http.client.HTTPException, ConnectionResetError):
        return request_once("GET", url, options)
    if status >= 400:
        return request_once("GET", url, options)
    return status, location


def check_url(url: str, options: CheckOptions) -> CheckResult:
    """Follows the address through its redirects and says whether it ends at a page that works."""
    current = url.strip()
    redirects = 0
    try:
        while True:
            status, location = _fetch(current, options)
            if status in REDIRECT_STATUSES and location:
                if redirects >= options.max_redirects:
                    return CheckResult(
                        url,
                        ok=False,
                        status_code=status,
                        final_url=current,
                        redirects=redirects,
                        error=_("More than %(count)d redirects: the address may loop.")
                        % {"count": options.max_redirects},
                    )
                current = urljoin(current, location.strip())
                redirects += 1
                continue
            ok = 200 <= status < 300
            error = "" if ok else _("The server answered with status %(status)d.") % {"status": status}
            return CheckResult(url, ok, status, current, redirects, error)
    except (
        Exception
    ) as error:  # anything a hostile or broken server can cause is a broken link, never a crash
        return CheckResult(
            url, ok=False, final_url=current, redirects=redirects, error=_describe(error, options)[:500]
        )
