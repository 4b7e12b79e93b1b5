"""Real outages, not simulated ones: `make outage`.

The tests simulate a failing database or cache inside Django (tests/test_outages.py). This script stops real
servers: it starts a private PostgreSQL cluster (initdb in a temporary directory, as the postgres user, on a free
port) and a private Redis, the production server on them (gunicorn as the Dockerfile starts it, production
settings, the demo content), and then:

1. fills the page cache with a few pages, stops PostgreSQL, and checks that those pages are still served (200, from
   the cache), that a page not in the cache gets the 503 outage page with the emergency numbers and no stack
   trace, and that /health/ answers 503 naming the database;
2. starts PostgreSQL again and checks that the site recovers by itself (no restart of the app) within 30 s;
3. stops Redis and checks that pages are still served (rendered without the cache) and /health/ answers 200
   "degraded" naming the cache; starts Redis again and checks /health/ is "ok" again.

The machine's own PostgreSQL and Redis are not touched. Needs root (to run initdb as the postgres user) and the
PostgreSQL and Redis server binaries (Debian's postgresql and redis-server). Exit status 0 when every check held,
1 when one failed, 2 when the servers could not be set up.
"""

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.bench import Server, SetupError, app_environment, fetch, free_port, prepare, run_checked

CACHED_PAGES = ["/", "/beschermen/opvang/", "/organisaties/comensha/"]
NOT_CACHED = "/zoeken/?q=opvang&onbekend=1"  # an unknown parameter: the page cache never stores it
RECOVERY_SECONDS = 30


def postgres_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SetupError(f"PostgreSQL's {name} is not installed (Debian package postgresql).")
    return found[-1]


class PrivatePostgres:
    """A throw-away PostgreSQL cluster owned by the postgres user, trusting local connections."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()

    @staticmethod
    def _as_postgres(*command: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command]

    def create(self) -> None:
        self.directory.mkdir()
        shutil.chown(self.directory, "postgres", "postgres")
        initdb = [
            postgres_binary("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
        ]
        run_checked(self._as_postgres(*initdb), "initdb failed")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        pg_ctl = [
            postgres_binary("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.directory / "log"),
        ]
        run_checked(self._as_postgres(*pg_ctl, "-w", "start"), "PostgreSQL did not start")

    def stop(self) -> None:
        stop = self._as_postgres(postgres_binary("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        subprocess.run(stop, capture_output=True, check=False)  # stopping what is already stopped is fine

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection,
            ):
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return
            time.sleep(0.1)
        raise SetupError("Redis did not start.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, what: str, ok: bool, detail: str = "") -> None:
        self.failed += not ok
        print(f"  [{'ok' if ok else 'FAILED'}] {what}{f' ({detail})' if detail else ''}", flush=True)


def health(port: int) -> tuple[int, dict]:
    status, _headers, body = fetch(port, "/health/")
    with contextlib.suppress(ValueError):
        return status, json.loads(body)
    return status, {}


def wait_for(condition, seconds: float) -> float | None:
    """Seconds until ``condition()`` held, or None if it did not within ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        with contextlib.suppress(OSError):
            if condition():
                return time.monotonic() - start
        time.sleep(0.5)
    return None


def run(port: int, postgres: PrivatePostgres, redis: PrivateRedis) -> Checks:
    checks = Checks()
    for path in CACHED_PAGES:  # twice: the first answer is stored, the second comes from the cache
        fetch(port, path)
    checks.check(
        "pages are in the page cache", all(fetch(port, p)[1].get("x-cache") == "HIT" for p in CACHED_PAGES)
    )

    print("PostgreSQL stopped:", flush=True)
    postgres.stop()
    for path in CACHED_PAGES:
        status, headers, _body = fetch(port, path)
        checks.check(
            f"{path} still served from the cache",
            status == 200,
            f"{status}, X-Cache {headers.get('x-cache')}",
        )
    status, headers, body = fetch(port, NOT_CACHED)
    checks.check("a page not in the cache gets the 503 outage page", status == 503, str(status))
    checks.check("the outage page shows the emergency number", "112" in body)
    checks.check("no stack trace", "Traceback" not in body and "OperationalError" not in body)
    checks.check("it asks to try again later", headers.get("retry-after") is not None, "Retry-After header")
    status, answer = health(port)
    checks.check(
        "/health/ says the database is down",
        status == 503 and answer.get("database") == "error",
        f"{status} {answer}",
    )

    print("PostgreSQL started again:", flush=True)
    postgres.start()
    took = wait_for(lambda: fetch(port, NOT_CACHED)[0] == 200 and health(port)[0] == 200, RECOVERY_SECONDS)
    checks.check(
        "the site recovers by itself",
        took is not None,
        f"after {took:.1f} s" if took is not None else "not within 30 s",
    )

    print("Redis stopped:", flush=True)
    redis.stop()
    for path in [*CACHED_PAGES, NOT_CACHED]:
        status, _headers, _body = fetch(port, path)
        checks.check(f"{path} served without the cache", status == 200, str(status))
    status, answer = health(port)
    checks.check(
        "/health/ says the cache is down, 200 degraded",
        status == 200 and answer == {"status": "degraded", "database": "ok", "cache": "error"},
        f"{status} {answer}",
    )

    print("Redis started again:", flush=True)
    redis.start()
    took = wait_for(lambda: health(port)[1].get("status") == "ok", RECOVERY_SECONDS)
    checks.check(
        "/health/ is ok again",
        took is not None,
        f"after {took:.1f} s" if took is not None else "not within 30 s",
    )
    return checks


def main() -> int:
    for binary in ("runuser", "redis-server"):
        if shutil.which(binary) is None:
            print(f"make outage needs {binary}.", file=sys.stderr)
            return 2
    if os.geteuid() != 0:
        print("make outage needs root (it runs a private PostgreSQL as the postgres user).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="wegwijzer-outage-") as directory:
        workdir = Path(directory)
        shutil.chown(workdir, "postgres", "postgres")  # the cluster lives below it
        postgres, redis = PrivatePostgres(workdir / "postgres"), PrivateRedis()
        try:
            postgres.create()
            postgres.start()
            redis.start()
            env = app_environment(workdir, free_port())
            # A short database timeout, as a deployment would set, so a vanished server fails fast.
            env.update(
                DATABASE_URL=f"{postgres.url}?connect_timeout=2", REDIS_URL=redis.url, WEB_CONCURRENCY="2"
            )
            print(f"Private PostgreSQL on port {postgres.port}, Redis on port {redis.port}.", flush=True)
            prepare(env)
            with Server(env, workdir / "gunicorn.log") as server:
                checks = run(server.port, postgres, redis)
        except SetupError as error:
            print(f"\nOUTAGE CHECK FAILED TO RUN: {error}")
            return 2
        finally:
            redis.stop()
            postgres.stop()
    print("\nOutage checks " + ("passed." if not checks.failed else f"FAILED: {checks.failed} check(s)."))
    return 0 if not checks.failed else 1


if __name__ == "__main__":
    sys.exit(main())
