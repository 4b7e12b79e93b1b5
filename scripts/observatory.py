"""Grade the production server's security headers with Mozilla's HTTP Observatory: `make observatory`.

The scanner is the one behind developer.mozilla.org/observatory (npm package @mdn/mdn-http-observatory, locked in
scripts/observatory/), run here against this machine only:

* It checks http://localhost/ and https://localhost/ on the standard ports, so the production server (gunicorn with
  production settings, as the Dockerfile starts it, the demo content in a throw-away SQLite database) answers on
  127.0.0.1:443 over TLS with a throw-away certificate for "localhost", and on 127.0.0.1:80 over plain HTTP, where
  Django redirects to HTTPS as the load balancer would. The scanner trusts that certificate, and only that one,
  through NODE_EXTRA_CA_CERTS, so the HTTPS and HSTS rules are graded as for a real certificate.
* The package's install script downloads the HSTS preload list and the list of top-level domains from the internet;
  it is installed with --ignore-scripts and an empty preload list (localhost is on no such list anyway).

Prints every rule with its result and the score and grade; exits 1 below the target (A+, a score of 100 or more),
2 when the server or the scanner could not be set up. Needs root for ports 80 and 443 (CI runs as root).
"""

import contextlib
import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from scripts.bench import REPO, VENV_BIN, SetupError, app_environment, prepare, run_checked

TOOL = REPO / "scripts" / "observatory"
SCANNER = TOOL / "node_modules" / "@mdn" / "mdn-http-observatory"
HOSTNAME = "localhost"
TARGET_SCORE = 100  # A+
START_TIMEOUT = 60


def install_scanner() -> None:
    if not (SCANNER / "src" / "scan.js").exists():
        print("Installing the HTTP Observatory scanner (npm ci --ignore-scripts) ...", flush=True)
        npm_ci = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        run_checked(npm_ci, "npm ci failed", cwd=TOOL)
    # What the skipped install script would have downloaded: the HSTS preload list (empty is enough here).
    preload = SCANNER / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}\n")


def make_certificate(workdir: Path) -> tuple[Path, Path]:
    """A throw-away certificate for localhost, valid for a day."""
    certificate, key = workdir / "localhost.pem", workdir / "localhost-key.pem"
    command = [
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        f"/CN={HOSTNAME}",
    ]
    command += [
        "-addext",
        f"subjectAltName=DNS:{HOSTNAME},IP:127.0.0.1",
        "-keyout",
        str(key),
        "-out",
        str(certificate),
    ]
    run_checked(command, "openssl could not make a certificate")
    return certificate, key


def start_server(
    env: dict[str, str], bind: str, log: Path, tls: tuple[Path, Path] | None
) -> subprocess.Popen:
    command = [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--bind", bind, "--workers", "2"]
    if tls:
        command += ["--certfile", str(tls[0]), "--keyfile", str(tls[1])]
    with open(log, "ab") as output:
        return subprocess.Popen(
            command, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def wait_until_serving(url: str, certificate: Path, servers: list[subprocess.Popen], log: Path) -> None:
    context = ssl.create_default_context(cafile=str(certificate))
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if any(server.poll() is not None for server in servers):
            raise SetupError(f"gunicorn exited.\n{log.read_text(errors='replace')[-3000:]}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, context=context, timeout=5) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.5)
    raise SetupError(
        f"{url} did not answer within {START_TIMEOUT} s.\n{log.read_text(errors='replace')[-3000:]}"
    )


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        if server.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
    for server in servers:
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=30)
        if server.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)


def scan(certificate: Path) -> dict:
    env = {**os.environ, "NODE_EXTRA_CA_CERTS": str(certificate)}
    done = subprocess.run(
        ["node", str(SCANNER / "src" / "scan.js"), HOSTNAME],
        cwd=SCANNER,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    try:
        result = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise SetupError(f"The scanner printed no result:\n{done.stdout}{done.stderr}") from error
    if "error" in result:
        raise SetupError(f"The scanner failed: {result['error']}")
    return result


def report(result: dict) -> bool:
    summary = result["scan"]
    print(f"\n{'rule':30} {'result':70} {'score':>5}")
    for name, test in sorted(result["tests"].items()):
        mark = "pass" if test.get("pass") else "FAIL"
        print(f"{name:30} {mark + ': ' + str(test.get('result')):70} {test.get('scoreModifier', 0):>+5}")
    print(
        f"\nHTTP Observatory: grade {summary['grade']}, score {summary['score']}, "
        f"{summary['testsPassed']} of {summary['testsQuantity']} rules passed (target: A+, score >= {TARGET_SCORE})."
    )
    return summary["score"] >= TARGET_SCORE


def main() -> int:
    for tool in ("node", "npm", "openssl"):
        if shutil.which(tool) is None:
            print(f"make observatory needs {tool}.", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="wegwijzer-observatory-") as directory:
        workdir = Path(directory)
        servers: list[subprocess.Popen] = []
        log = workdir / "gunicorn.log"
        try:
            install_scanner()
            certificate, key = make_certificate(workdir)
            env = app_environment(workdir, 443)
            env.update(ALLOWED_HOSTS=HOSTNAME, CACHE_DIR=str(workdir / "cache"))
            prepare(env)
            servers.append(start_server(env, "127.0.0.1:443", log, (certificate, key)))
            servers.append(start_server(env, "127.0.0.1:80", log, None))
            wait_until_serving(f"https://{HOSTNAME}/", certificate, servers, log)
            print("Scanning http://localhost/ and https://localhost/ ...", flush=True)
            passed = report(scan(certificate))
        except SetupError as error:
            print(f"\n{error}", file=sys.stderr)
            return 2
        finally:
            stop(servers)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
