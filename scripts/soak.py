"""Load without loss: `make soak`.

The production server (gunicorn as the Dockerfile starts it, production settings, the demo content in a throw-away
SQLite database or in DATABASE_URL) gets 60 s of load at 32 connections on a mix of pages: cached pages, pages with
a situation chosen, searches and pages with an unknown parameter (which the page cache never stores, so they are
rendered every time). Meanwhile an editor signs in through the real login with two-factor authentication and keeps
saving drafts of an organisation and a regulation, as fast as the server answers.

Workers are not recycled during the run (GUNICORN_MAX_REQUESTS=0), so their memory shows what a leak would do.

It checks and prints: no request failed (every answer 2xx or a deliberate 503 of load shedding, counted apart; no
socket error or timeout); each worker's memory in the
last third of the run against the first third; every draft the editor saved is a revision in the database, and the
latest draft of each item is the last text saved. Exit status 0 when all holds, 1 when something failed, 2 when the
server could not be set up.
"""

import argparse
import contextlib
import json
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

from django_otp.oath import totp

from scripts.admin_forms import form_fields
from scripts.adversarial import COUNTING, parse_counts
from scripts.bench import (
    HOST,
    REPO,
    VENV_BIN,
    Server,
    SetupError,
    app_environment,
    free_port,
    prepare,
    run_checked,
)

# A mix of what visitors ask for; the counter makes every "?v=" and search unique, so those are always rendered.
MIXED_LOAD = (
    """
local paths = {
  "/", "/beschermen/", "/beschermen/opvang/", "/signaleren/melden/", "/compensatie/schadefonds/",
  "/beschermen/opvang/?leeftijd=minderjarig&herkomst=buiten-eu-zonder-verblijf",
  "/organisaties/", "/organisaties/comensha/", "/rechten-en-regelingen/", "/rechten-en-regelingen/bedenktijd/",
  "/en/", "/overzicht/?leeftijd=meerderjarig",
  "/strafrechtelijk-proces/aangifte-doen/?v=", "/organisaties/?dienst=opvang&v=", "/zoeken/?q=opvang+",
}
local counter = 0
function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if string.sub(path, -1) == "=" or string.sub(path, -1) == "+" then path = path .. counter end
  return wrk.format("GET", path)
end
"""
    + COUNTING
)  # and the adversarial runs' counting: answers that are not 2xx, deliberate 503s apart

EDITOR = "soak-redacteur"
DRAFTED = {"organisatie": "comensha", "regeling": "bedenktijd"}
# Creates the editor (a Redacteur with an authenticator app) and prints the app's secret.
CREATE_EDITOR = """
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from kern import roles
user, _ = User.objects.get_or_create(username="{username}", defaults={{"email": "soak@example.nl"}})
user.set_password("{password}")
user.save()
user.groups.add(Group.objects.get(name=roles.REDACTEUR))
TOTPDevice.objects.filter(user=user).delete()
device = TOTPDevice.objects.create(user=user, name="soak", confirmed=True)
print(device.key)
"""
# Prints, per drafted item, the summaries of all its revisions and of its latest one.
READ_REVISIONS = """
import json
from organisaties.models import Organisatie, Regeling
out = {{}}
for model, slug in ((Organisatie, "{organisatie}"), (Regeling, "{regeling}")):
    item = model.objects.get(locale__language_code="nl", slug=slug)
    out[model._meta.model_name] = {{
        "all": [revision.content.get("summary") for revision in item.revisions.all()],
        "latest": item.latest_revision.content.get("summary"),
    }}
print(json.dumps(out))
"""


def manage(env: dict[str, str], code: str) -> str:
    command = [str(VENV_BIN / "python"), "manage.py", "shell", "-c", code]
    return run_checked(command, "manage.py shell failed", cwd=REPO, env=env).stdout.strip().splitlines()[-1]


def csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def authenticator_code(key_hex: str) -> str:
    """The code the editor's authenticator app shows now (django-otp's own TOTP)."""
    return f"{totp(bytes.fromhex(key_hex)):06d}"


class Editor:
    """An editor's browser, as far as the server can tell: HTTPS behind the load balancer, cookies, CSRF."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: list | dict | None = None) -> tuple[int, str, str]:
        origin = f"https://{HOST}:{self.port}"
        headers = {"X-Forwarded-Proto": "https", "Referer": origin + path, "Origin": origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = HTTPConnection(HOST, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location") or "", text
        finally:
            connection.close()

    def sign_in(self, password: str, key_hex: str) -> None:
        _status, _location, page = self.request("GET", "/admin/login/")
        token = csrf_token(page)
        status, location, _ = self.request(
            "POST",
            "/admin/login/",
            [
                ("csrfmiddlewaretoken", token),
                ("username", EDITOR),
                ("password", password),
                ("next", "/admin/"),
            ],
        )
        if status != 302:
            raise SetupError(f"login answered {status}")
        _status, _location, page = self.request("GET", "/admin/2fa/auth")
        token = csrf_token(page)
        status, location, _ = self.request(
            "POST",
            "/admin/2fa/auth",
            [("csrfmiddlewaretoken", token), ("otp_token", authenticator_code(key_hex))],
        )
        if status != 302 or self.request("GET", "/admin/")[0] != 200:
            raise SetupError(f"two-factor login answered {status} ({location})")

    def save_draft(self, edit_path: str, summary: str) -> int:
        status, _location, page = self.request("GET", edit_path)
        if status != 200:
            return status
        fields = {**form_fields(page), "summary": summary}
        status, _location, _ = self.request("POST", edit_path, fields)
        return status


def edit_paths(env: dict[str, str]) -> dict[str, str]:
    code = (
        "import json\nfrom organisaties.models import Organisatie, Regeling\n"
        "print(json.dumps({m._meta.model_name: m.objects.get(locale__language_code='nl', slug=s).pk"
        f" for m, s in ((Organisatie, {DRAFTED['organisatie']!r}), (Regeling, {DRAFTED['regeling']!r}))}}))"
    )
    ids = json.loads(manage(env, code))
    return {model: f"/admin/snippets/organisaties/{model}/edit/{pk}/" for model, pk in ids.items()}


def keep_editing(editor: Editor, paths: dict[str, str], stop: threading.Event, saved: dict, failures: list):
    number = 0
    while not stop.is_set():
        for model, path in paths.items():
            number += 1
            summary = f"Concept {number} onder belasting: {secrets.token_hex(4)}."
            try:
                status = editor.save_draft(path, summary)
            except OSError as error:
                failures.append(f"{model} draft {number}: {error}")
                continue
            if status == 302:
                saved.setdefault(model, []).append(summary)
            else:
                failures.append(f"{model} draft {number}: answered {status}")


def run_load(port: int, seconds: int, connections: int, script: Path) -> subprocess.Popen:
    command = ["wrk", "--threads=2", f"--connections={connections}", "--timeout=10s"]
    command += [f"--duration={seconds}s", "--latency", f"--script={script}"]
    command += ["--header", "X-Forwarded-Proto: https", "--header", "Accept-Encoding: gzip, br"]
    return subprocess.Popen(
        [*command, f"http://{HOST}:{port}/"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def rss_kib(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        status = Path(f"/proc/{pid}/status").read_text()
        return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=20, help="seconds of the same load before measuring")
    parser.add_argument("--no-editor", action="store_true", help="load only, nobody saving drafts")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: `apt-get install wrk` (Debian/Ubuntu), or run `make soak` as root.")
        return 2
    with tempfile.TemporaryDirectory(prefix="wegwijzer-soak-") as directory:
        workdir = Path(directory)
        script = workdir / "mixed.lua"
        script.write_text(MIXED_LOAD)
        env = app_environment(workdir, free_port())
        env.update(GUNICORN_MAX_REQUESTS="0", CACHE_DIR=str(workdir / "cache"))
        password = secrets.token_urlsafe(18)
        try:
            prepare(env)
            key_hex = manage(env, CREATE_EDITOR.format(username=EDITOR, password=password))
            paths = edit_paths(env)
            with Server(env, workdir / "gunicorn.log") as server:
                editor = Editor(server.port)
                editor.sign_in(password, key_hex)
                workers = sorted(server.workers())
                print(
                    f"{len(workers)} workers; {args.warmup} s warm-up, then {args.duration} s of mixed load at"
                    f" {args.connections} connections"
                    + ("." if args.no_editor else ", an editor saving drafts all along ..."),
                    flush=True,
                )
                samples: dict[int, list[int]] = {pid: [] for pid in workers}
                stop, saved, failures = threading.Event(), {}, []
                drafting = threading.Thread(target=keep_editing, args=(editor, paths, stop, saved, failures))
                if not args.no_editor:
                    drafting.start()
                if args.warmup:  # every worker meets every kind of page and the admin before memory counts
                    run_load(server.port, args.warmup, args.connections, script).wait()
                wrk = run_load(server.port, args.duration, args.connections, script)
                while wrk.poll() is None:
                    for pid in workers:
                        samples[pid].append(rss_kib(pid))
                    time.sleep(1)
                stop.set()
                if drafting.is_alive():
                    drafting.join(timeout=120)
                load = parse_counts(wrk.stdout.read())
                restarted = sorted(server.workers()) != workers
            revisions = json.loads(manage(env, READ_REVISIONS.format(**DRAFTED)))
        except SetupError as error:
            print(f"\nSOAK TEST FAILED TO RUN: {error}")
            return 2
    return report(args, load, samples, restarted, saved, failures, revisions)


def report(args, load, samples, restarted, saved, failures, revisions) -> int:
    ok = True
    print(
        f"\nLoad: {load['requests']} requests, {load['requests_per_second']:.0f} req/s, p50 {load['p50_ms']:.1f} ms,"
        f" p99 {load['p99_ms']:.1f} ms, errors {load['errors']} {load['error_detail']}"
    )
    # A 503 with Retry-After is the server shedding load on purpose (wegwijzer/busy.py), not a failure; say how
    # many, so a soak that mostly shed is seen for what it is.
    shed = load.get("503", 0)
    print(
        f"  Shed on purpose (503 with Retry-After): {shed} ({shed / max(1, load['requests']):.1%} of requests)"
    )
    ok &= load["errors"] == 0
    print("\nMemory per worker (RSS), first third of the run -> last third:")
    for pid, values in samples.items():
        values = [value for value in values if value]
        third = max(1, len(values) // 3)
        first, last = sum(values[:third]) / third / 1024, sum(values[-third:]) / third / 1024
        growth = last - first
        flat = growth < max(5.0, 0.05 * first)  # MiB: a leak at this load grows far faster
        ok &= flat
        print(
            f"  worker {pid}: {first:6.1f} MiB -> {last:6.1f} MiB ({growth:+.1f} MiB) {'flat' if flat else 'GROWS'}"
        )
    if restarted:
        print("  A worker was replaced during the run (it crashed or timed out).")
        ok = False
    print("\nEditor's drafts:")
    for model, texts in saved.items():
        stored = revisions[model]
        lost = [text for text in texts if text not in stored["all"]]
        last_kept = stored["latest"] == texts[-1]
        ok &= not lost and last_kept
        print(
            f"  {model}: {len(texts)} drafts saved, {len(texts) - len(lost)} found as revisions,"
            f" latest draft {'is' if last_kept else 'IS NOT'} the last text saved"
        )
    for failure in failures:
        print(f"  FAILED: {failure}")
    ok &= not failures and (args.no_editor or all(saved.get(model) for model in DRAFTED))
    print("\nSoak test " + ("passed." if ok else "FAILED."))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
