"""Load benchmark of the production configuration: `make bench`.

* The stack a visitor meets: gunicorn started as the Dockerfile starts it (`gunicorn -c gunicorn.conf.py`),
  production settings, whitenoise for static files, PostgreSQL when DATABASE_URL is set (a throw-away
  database: the demo content is loaded into it), else a fresh SQLite file in a temporary directory. The cache
  is the production one: Redis when REDIS_URL is set, else a file-based cache in the temporary directory.
  Every request carries ``X-Forwarded-Proto: https`` as the TLS-terminating load balancer sends it, so the
  HTTPS redirect stays on.
* Two server runs: "cached" (the full-page cache on, as in production) and "uncached"
  (PAGE_CACHE_SECONDS=0). Each page's throughput is also given as a ratio to the static stylesheet served by
  the same server in the same run: the static file is the ceiling of the stack, and a ratio carries over
  between machines better than requests/s.
* Load comes from wrk; a small Lua script counts every response that is not 2xx (wrk itself lets 3xx pass),
  so a redirect or an error page never passes for a fast page. Socket errors and timeouts are errors too.
* Then the adversarial runs (scripts/adversarial.py): cache-missing URLs at 64 connections and 12-word searches at
  16 connections, each with the cached home page (and /health/) measured at the same time, and worker memory
  over 20,000 unique URLs. Deliberate 503s (load shedding) are counted apart from errors.

Exit status: 0 when every request succeeded, even if a throughput target was missed (machines differ; the
report says so loudly); 1 when a request errored; 2 when the server could not be set up or started; 130 on
Ctrl-C. Everything started here is stopped again, also on Ctrl-C, and traffic goes to 127.0.0.1 only.
"""

import argparse
import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.adversarial import adversarial
from scripts.wrk import HOST, REQUEST_HEADERS, WRK_SCRIPT, WRK_TIMEOUT, SetupError, parse_wrk

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"

STATIC_LABEL = "static CSS (ceiling)"
STEP_LABEL = "step"
PAGES = [
    ("home", "/"),
    ("phase", "/beschermen/"),
    (STEP_LABEL, "/beschermen/opvang/"),
    ("filtered step", "/beschermen/opvang/?leeftijd=minderjarig&herkomst=buiten-eu-zonder-verblijf"),
    ("organisations", "/organisaties/"),
    ("search", "/zoeken/?q=opvang"),
]
# The stylesheet's name carries its hash; it is read from the home page once the server runs.
STYLESHEET_PATTERN = re.compile(r"/static/css/site\.[0-9a-f]+\.css")

# Targets for the 2-core reference machine (see the README).
CACHED_RATIO_TARGET = 0.5
UNCACHED_STEP_RATIO_TARGET = 0.06
CACHED_P99_TARGET_MS = 100.0

SERVER_START_TIMEOUT = 60  # seconds for the first page to answer
SERVER_STOP_TIMEOUT = 30  # gunicorn's own graceful_timeout is 20 s


@dataclass
class Result:
    label: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    error_detail: str
    server_cpu_ms: float = 0.0  # gunicorn's CPU time per request, master and workers together
    other_cpus: float = 0.0  # CPUs that other processes kept busy meanwhile; they lower every figure
    recycled: int = 0  # workers gunicorn replaced meanwhile (max_requests); each costs a fresh process
    ratio: float = 0.0


def env_number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        sys.exit(f"{name} must be a whole number, not {value!r}.")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Load benchmark of the production configuration.")
    options = [
        ("duration", "BENCH_DURATION", 10, "seconds of measured load per page"),
        ("warmup", "BENCH_WARMUP", 3, "seconds of unmeasured load per page before measuring"),
        ("connections", "BENCH_CONNECTIONS", 32, "open connections"),
        ("threads", "BENCH_THREADS", 2, "wrk threads"),
        ("port", "BENCH_PORT", 0, "port on 127.0.0.1 for the server (0: a free one)"),
    ]
    for name, variable, default, text in options:
        parser.add_argument(
            f"--{name}",
            type=int,
            default=env_number(variable, default),
            help=f"{text} (env {variable}, {default})",
        )
    args = parser.parse_args()
    if args.duration < 1 or args.warmup < 0 or args.connections < 1 or args.threads < 1:
        parser.error("duration, connections and threads must be at least 1, warm-up at least 0")
    args.threads = min(args.threads, args.connections)  # wrk refuses more threads than connections
    return args


# --- The server ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def app_environment(workdir: Path, port: int) -> dict[str, str]:
    """The environment the Docker image would get, with throw-away storage in ``workdir``."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="wegwijzer.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        HOST=HOST,
        PORT=str(port),
    )
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return env


def describe_database(url: str) -> str:
    if url.startswith("sqlite"):
        return "SQLite, a fresh file in a temporary directory"
    # The engine and the database name, never the password.
    return f"{url.split(':', 1)[0]} database {url.rsplit('/', 1)[-1].split('?', 1)[0]!r} from DATABASE_URL"


def run_checked(command: list[str], failure: str, **options) -> subprocess.CompletedProcess:
    """Runs a set-up command; if it fails, the script stops with ``failure`` and the command's output."""
    done = subprocess.run(command, capture_output=True, text=True, check=False, **options)
    if done.returncode != 0:
        raise SetupError(f"{failure}:\n{done.stdout}{done.stderr}")
    return done


def prepare(env: dict[str, str]) -> None:
    """What a deployment does before it serves: migrate, content (the demo here), static files."""
    print("Preparing: migrate, load_demo_content, collectstatic ...", flush=True)
    for arguments in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo_content"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        command = [str(VENV_BIN / "python"), "manage.py", *arguments]
        run_checked(command, f"`manage.py {' '.join(arguments)}` failed", cwd=REPO, env=env)


def fetch(port: int, path: str) -> tuple[int, dict[str, str], str]:
    """One request, without following redirects: status, headers (lower-case names), body."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        return response.status, {name.lower(): value for name, value in response.getheaders()}, body
    finally:
        connection.close()


class Server:
    """gunicorn as the Dockerfile starts it, in a process group of its own so it can be stopped as a whole."""

    def __init__(self, env: dict[str, str], log_path: Path):
        self.env = env
        self.port = int(env["PORT"])
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
                cwd=REPO,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Ctrl-C then reaches only this script, which stops gunicorn in order.
                start_new_session=True,
            )
        try:
            self._wait_until_ready()
        except BaseException:  # also Ctrl-C: __exit__ does not run when __enter__ fails
            self.stop()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        problem = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SetupError(f"gunicorn exited with status {self.process.returncode}.\n{self.log_tail()}")
            try:
                status, _headers, _body = fetch(self.port, "/")
            except OSError as error:
                problem = str(error)
            else:
                if status == 200:
                    return
                problem = f"the home page answered {status}"
            time.sleep(0.25)
        raise SetupError(
            f"gunicorn did not serve within {SERVER_START_TIMEOUT} s ({problem}).\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # SIGTERM is gunicorn's graceful shutdown; whatever is left after the timeout is killed.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=SERVER_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def workers(self) -> list[int]:
        """The process ids of the workers (gunicorn's children); empty without /proc."""
        return child_processes(self.process.pid)

    def cpu_seconds(self) -> float:
        """CPU time of the master and its workers so far, including workers recycled since (max_requests)."""
        total = process_cpu_seconds(self.process.pid, with_reaped_children=True)
        return total + sum(process_cpu_seconds(pid) for pid in self.workers())

    def log_size(self) -> int:
        with contextlib.suppress(OSError):
            return self.log_path.stat().st_size
        return 0

    def recycled_since(self, offset: int) -> int:
        """Workers restarted after their max_requests since ``offset`` in the log."""
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().count(b"Autorestarting worker")

    def log_tail(self, lines: int = 40) -> str:
        with contextlib.suppress(OSError):
            text = self.log_path.read_text(errors="replace").splitlines()
            return "--- gunicorn log, last lines ---\n" + "\n".join(text[-lines:])
        return ""


# --- CPU accounting -----------------------------------------------------------------------------------------
# The load generator shares the machine with the server, and so does anything else that runs. CPU time shows
# what a request cost the server, and whether other processes took CPU away during a measurement. Linux
# (/proc) only; elsewhere both read as 0.

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds all CPUs together were busy since boot, including time stolen by a hypervisor."""
    with contextlib.suppress(OSError, ValueError):
        ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
        user, nice, system, _idle, _iowait, irq, softirq, steal = ticks
        return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS
    return 0.0


def child_processes(parent: int) -> list[int]:
    """Process ids whose parent is ``parent`` (proc(5): the parent is the second field after the name)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == parent:
                children.append(int(stat.parent.name))
    return children


def process_cpu_seconds(pid: int, with_reaped_children: bool = False) -> float:
    """User and system time of one process (proc(5)); 0 when it is gone."""
    with contextlib.suppress(OSError, ValueError):
        # The fields after the command name, which may contain spaces: utime is field 14, so index 11.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
        return (utime + stime + (cutime + cstime if with_reaped_children else 0)) / CLOCK_TICKS
    return 0.0


class CpuMeter:
    """Over a span: the server's CPU time, and the CPUs kept busy by anyone but the server and this script."""

    def __init__(self, server: Server):
        self.server = server

    def _snapshot(self) -> tuple[float, float, float, float]:
        own = sum(os.times()[:4])  # this script and its finished children: wrk
        return time.monotonic(), machine_busy_seconds(), self.server.cpu_seconds(), own

    def __enter__(self) -> "CpuMeter":
        self.start = self._snapshot()
        return self

    def __exit__(self, *_exc) -> None:
        wall, busy, server, own = (
            end - start for end, start in zip(self._snapshot(), self.start, strict=True)
        )
        self.server_seconds = server
        self.other_cpus = max(0.0, busy - server - own) / wall if wall > 0 else 0.0


# --- Load ---------------------------------------------------------------------------------------------------


def run_wrk(url: str, seconds: int, args: argparse.Namespace, script: Path) -> str:
    command = [
        "wrk",
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={seconds}s",
    ]
    command += [f"--timeout={WRK_TIMEOUT}", "--latency", f"--script={script}"]
    for name, value in REQUEST_HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    # Bounded: wrk stops itself after `seconds`; the margin covers its start and the last slow responses.
    done = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 60, check=False)
    if done.returncode != 0:
        raise SetupError(f"wrk failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def wait_until_idle(server: Server, limit: float = 30) -> None:
    """Let gunicorn finish the requests queued when the warm-up stopped, so the measurement starts clean."""
    deadline = time.monotonic() + limit
    previous = server.cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        current = server.cpu_seconds()
        if current - previous < 0.02:  # under a tenth of a CPU: the workers are idle
            return
        previous = current


def measure(server: Server, label: str, path: str, args: argparse.Namespace, script: Path) -> Result:
    # One plain request first: a page that does not answer 200 is an error, whatever wrk makes of it.
    status, _headers, _body = fetch(server.port, path)
    url = f"http://{HOST}:{server.port}{path}"
    if args.warmup:
        run_wrk(url, args.warmup, args, script)
        wait_until_idle(server)
    log_offset = server.log_size()
    with CpuMeter(server) as meter:
        result = Result(label, path, **parse_wrk(run_wrk(url, args.duration, args, script)))
    result.recycled = server.recycled_since(log_offset)
    if status != 200:
        result.errors += 1
        result.error_detail = f"a single request answered {status}; {result.error_detail}"
    result.server_cpu_ms = 1000 * meter.server_seconds / result.requests if result.requests else float("nan")
    result.other_cpus = meter.other_cpus
    print(
        f"  {label:<21} {result.requests_per_second:8.1f} req/s  p50 {result.p50_ms:6.1f} ms  p99"
        f" {result.p99_ms:6.1f} ms  errors {result.errors}  CPU {result.server_cpu_ms:5.2f} ms/req"
        f"  other load {result.other_cpus:.2f} CPUs  recycled {result.recycled}",
        flush=True,
    )
    return result


def measure_all(server: Server, mode: str, args: argparse.Namespace, script: Path) -> list[Result]:
    """The stylesheet first (the ceiling), then every page, each with its ratio to the stylesheet."""
    status, _headers, home = fetch(server.port, "/")
    stylesheet = STYLESHEET_PATTERN.search(home)
    if status != 200 or not stylesheet:
        raise SetupError(f"The home page (status {status}) names no hashed stylesheet.\n{server.log_tail()}")
    results = [measure(server, STATIC_LABEL, stylesheet.group(0), args, script)]
    results += [measure(server, label, path, args, script) for label, path in PAGES]
    if mode == "cached":
        # Otherwise the "cached" figures would measure rendering.
        for result in results[1:]:
            cache_header = fetch(server.port, result.path)[1].get("x-cache")
            if cache_header != "HIT":
                print(f"  WARNING: the page cache does not serve {result.path} (X-Cache: {cache_header})")
    ceiling = results[0].requests_per_second or float("inf")  # nothing served: every ratio is 0
    for result in results:
        result.ratio = result.requests_per_second / ceiling
    return results


def run_mode(mode: str, env: dict[str, str], workdir: Path, args: argparse.Namespace, script: Path) -> list:
    """Start a server, measure, stop it. ``env`` decides whether the page cache is on."""
    # A cache directory of its own per run, so the uncached run never meets pages the cached run stored.
    env = {**env, "CACHE_DIR": str(workdir / f"cache-{mode}")}
    setting = (
        f"PAGE_CACHE_SECONDS={env['PAGE_CACHE_SECONDS']}" if "PAGE_CACHE_SECONDS" in env else "page cache on"
    )
    print(f"\n{mode.capitalize()} ({setting}): starting gunicorn ...", flush=True)
    with Server(env, workdir / f"gunicorn-{mode}.log") as server:
        print(f"  {len(server.workers())} workers; {args.warmup} s warm-up, then {args.duration} s per page")
        try:
            return measure_all(server, mode, args, script)
        except OSError as error:
            raise SetupError(f"The server stopped answering ({error}).\n{server.log_tail()}") from error


def uncached_env(env: dict[str, str]) -> dict[str, str]:
    """No page cache, and renders queue for their turn instead of being shed with a 503 (wegwijzer/busy.py):
    this run measures what rendering costs, the adversarial runs measure the shedding."""
    return {
        **env,
        "PAGE_CACHE_SECONDS": "0",
        "EXPENSIVE_REQUESTS_WAITING": "3",
        "EXPENSIVE_REQUEST_WAIT_SECONDS": "10",
    }


def run_adversarial(env: dict[str, str], workdir: Path) -> bool:
    """The attack runs (scripts/adversarial.py) on a server with the page cache on and workers never recycled."""
    env = {**env, "CACHE_DIR": str(workdir / "cache-adversarial"), "GUNICORN_MAX_REQUESTS": "0"}
    print("\nAdversarial (page cache on, workers not recycled): starting gunicorn ...", flush=True)
    with Server(env, workdir / "gunicorn-adversarial.log") as server:
        try:
            clean = adversarial(server, workdir)
        except OSError as error:
            raise SetupError(f"The server stopped answering ({error}).\n{server.log_tail()}") from error
    if not clean:
        print(
            "ERRORS in the adversarial runs (answers other than 2xx and deliberate 503s, or socket errors)."
        )
    return clean


# --- Report -------------------------------------------------------------------------------------------------


def print_table(runs: dict[str, list[Result]]) -> None:
    print(
        f"\n{'mode':<9} {'page':<21} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} {'ratio':>6}"
        f" {'CPU ms/req':>10} {'other load':>10} {'recycled':>8}"
    )
    for mode, results in runs.items():
        for r in results:
            print(
                f"{mode:<9} {r.label:<21} {r.requests_per_second:8.1f} {r.p50_ms:7.1f} {r.p99_ms:7.1f}"
                f" {r.errors:6d} {r.ratio:6.3f} {r.server_cpu_ms:10.2f} {r.other_cpus:10.2f} {r.recycled:8d}"
            )
    print(
        "ratio: requests/s over the static stylesheet's, same server, same run.\n"
        "CPU ms/req: gunicorn's CPU time per request (master and workers).\n"
        "other load: CPUs that other processes kept busy while measuring, a PostgreSQL or Redis server\n"
        "included; above ~0.1 of someone else's load every figure suffers.\n"
        "recycled: workers gunicorn replaced while measuring (max_requests in gunicorn.conf.py)."
    )
    for mode, results in runs.items():
        for result in results:
            if result.errors:
                print(f"ERRORS, {mode} {result.label} ({result.path}): {result.error_detail}")


def check_targets(cached: list[Result], uncached: list[Result]) -> bool:
    """Print one line per target; True when all are met."""
    pages = cached[1:]
    step = next(result for result in uncached if result.label == STEP_LABEL)
    errors = sum(result.errors for result in cached + uncached)
    weakest = min(pages, key=lambda result: result.ratio)
    slowest = max(pages, key=lambda result: result.p99_ms)
    targets = [
        (
            weakest.ratio >= CACHED_RATIO_TARGET,
            f"cached pages >= {CACHED_RATIO_TARGET} x the static file:"
            f" lowest {weakest.ratio:.3f} ({weakest.label})",
        ),
        (
            step.ratio >= UNCACHED_STEP_RATIO_TARGET,
            f"uncached step page >= {UNCACHED_STEP_RATIO_TARGET} x the static file: {step.ratio:.3f}",
        ),
        (errors == 0, f"no errors: {errors}"),
        (
            slowest.p99_ms < CACHED_P99_TARGET_MS,
            f"cached pages p99 < {CACHED_P99_TARGET_MS:.0f} ms:"
            f" highest {slowest.p99_ms:.1f} ms ({slowest.label})",
        ),
    ]
    print("\nTargets (set for a 2-core machine):")
    for met, text in targets:
        print(f"  [{'met' if met else 'MISSED'}] {text}")
    busiest = max(cached + uncached, key=lambda result: result.other_cpus)
    if busiest.other_cpus > 0.2:
        print(
            f"  Other processes were busy during the run (up to {busiest.other_cpus:.1f} CPUs, while"
            f" measuring {busiest.label}): run again on a quiet machine for figures to compare."
        )
    return all(met for met, _text in targets)


def stop_on_sigterm(_signum, _frame) -> None:
    raise KeyboardInterrupt  # the same clean-up as for Ctrl-C


def main() -> int:
    args = parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: `apt-get install wrk` (Debian/Ubuntu), or run `make bench` as root.")
        return 2
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as tmp:
        workdir = Path(tmp)
        script = workdir / "count-not-2xx.lua"
        script.write_text(WRK_SCRIPT)
        env = app_environment(workdir, args.port or free_port())
        cache = "Redis from REDIS_URL" if env.get("REDIS_URL") else "file-based, in a temporary directory"
        print(f"Database: {describe_database(env['DATABASE_URL'])}. Cache: {cache}.")
        print(
            f"Load: wrk, {args.threads} threads, {args.connections} connections, to"
            f" http://{HOST}:{env['PORT']}/ on {os.cpu_count()} CPUs."
        )
        try:
            prepare(env)
            cached_env = {name: value for name, value in env.items() if name != "PAGE_CACHE_SECONDS"}
            runs = {
                "cached": run_mode("cached", cached_env, workdir, args, script),
                "uncached": run_mode("uncached", uncached_env(env), workdir, args, script),
            }
            adversarial_clean = run_adversarial(cached_env, workdir)
        except SetupError as error:
            print(f"\nBENCHMARK FAILED: {error}")
            return 2
        except KeyboardInterrupt:
            print("\nInterrupted; everything the benchmark started has been stopped.")
            return 130
    print_table(runs)
    if not check_targets(runs["cached"], runs["uncached"]):
        print(
            "\n!!! NOT EVERY TARGET IS MET ON THIS MACHINE (see above). The exit status fails only on errors,"
        )
        print("!!! since machines differ, but a missed target deserves a look before the next release.")
    errored = any(result.errors for results in runs.values() for result in results) or not adversarial_clean
    if errored:
        print("\nBENCHMARK FAILED: requests errored (see ERRORS above).")
    return 1 if errored else 0


if __name__ == "__main__":
    sys.exit(main())
