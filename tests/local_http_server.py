"""A local HTTP server for the link checker's tests: working, moved, missing, failing, silent and hostile answers."""

import contextlib
import http.server
import threading

TIMEOUT = 0.5  # the checker's timeout in these tests; "/never" answers long after it


class Handler(http.server.BaseHTTPRequestHandler):
    seen = []  # (method, path, user agent) of every request, to prove what was and was not fetched
    release = threading.Event()

    def log_message(self, *args):
        pass

    def _answer(self, status, headers=(), body=b""):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.seen.append((self.command, self.path, self.headers.get("User-Agent")))
        path = self.path
        if path == "/ok":
            self._answer(200, body=b"hello")
        elif path == "/moved":
            self._answer(301, [("Location", "/ok")])
        elif path == "/missing":
            self._answer(404)
        elif path == "/failing":
            self._answer(500)
        elif path == "/no-head":
            if self.command == "HEAD":
                self._answer(405)
            else:
                self._answer(200, body=b"only GET")
        elif path == "/never":
            self.release.wait(10 * TIMEOUT)  # answers long after the checker gave up
            self._answer(200)
        elif path.startswith("/loop/"):
            number = int(path.rsplit("/", 1)[1])
            self._answer(302, [("Location", f"/loop/{number + 1}")])
        elif path == "/to-metadata":
            self._answer(302, [("Location", "http://169.254.169.254/latest/meta-data/")])
        elif path == "/to-private":
            self._answer(301, [("Location", "http://10.1.2.3/intern")])
        elif path == "/to-file":
            self._answer(302, [("Location", "file:///etc/passwd")])
        elif path == "/huge":
            if self.command == "HEAD":
                self._answer(405)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(10**10))
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(200_000):  # about 13 GB unless the client hangs up
                    self.wfile.write(chunk)
            except OSError:
                pass
        else:
            self._answer(404)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@contextlib.contextmanager
def serve(wrap_socket=None):
    """Runs the server on a free port of 127.0.0.1 and yields its base address."""
    Handler.seen = []
    Handler.release.clear()
    httpd = Server(("127.0.0.1", 0), Handler)
    scheme = "http"
    if wrap_socket is not None:
        httpd.socket = wrap_socket(httpd.socket)
        scheme = "https"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{httpd.server_address[1]}"
    finally:
        Handler.release.set()
        httpd.shutdown()
        httpd.server_close()
