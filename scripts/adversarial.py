"""The adversarial part of `make bench`: load that tries to hurt, with the pages visitors need measured beside it.

* Cache-missing mix: random searches, filters with random values and unknown parameters (the page cache can
  store none of them) at 64 connections, while the cached home page is measured at the same time.
* Search flood: 12-word searches at 16 connections, with the cached home page and /health/ measured beside it.
* Memory: worker memory (RSS) before and after 20,000 unique URLs, on a server whose workers are not recycled.

Every request goes to 127.0.0.1 and every run is bounded in time. 503 answers (the server shedding load on
purpose, wegwijzer/busy.py) are counted apart from other errors.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts.wrk import HOST, REQUEST_HEADERS, WRK_TIMEOUT, SetupError, parse_wrk

MIX_SECONDS = 30
MIX_CONNECTIONS = 64
FLOOD_SECONDS = 30
FLOOD_CONNECTIONS = 16
BESIDE_CONNECTIONS = 4  # the visitors measured next to the attack
UNIQUE_URLS = 20_000
MEMORY_MAX_SECONDS = 180
MEMORY_CONNECTIONS = 4

# Counts per wrk thread, added up in done(): not 2xx, deliberate 503s, and other 5xx.
COUNTING = """
local threads = {}
local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end
function init(args)
  not_2xx = 0; busy = 0; failed = 0; answered = 0; counter = 0
  math.randomseed(os.time() * 1000 + id)
end
function response(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then not_2xx = not_2xx + 1 end
  if status == 503 then busy = busy + 1 elseif status >= 500 then failed = failed + 1 end
  if limit and answered >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local n, b, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    n = n + thread:get("not_2xx"); b = b + thread:get("busy"); f = f + thread:get("failed")
  end
  io.write(string.format("bench-not-2xx: %d\\nbench-503: %d\\nbench-5xx-other: %d\\n", n, b, f))
end
"""

WORDS = """
local words = {"opvang", "aangifte", "politie", "bedenktijd", "uitbuiting", "arbeid", "seksueel", "minderjarig",
  "advocaat", "schadefonds", "verblijf", "comensha", "hulp", "werk", "geld", "zorg", "veilig", "slachtoffer",
  "melden", "rechten", "tolk", "huis", "schulden", "paspoort", "loon", "baas", "angst", "familie"}
local function word() return words[math.random(#words)] end
"""

CACHE_MISSING = (
    WORDS
    + """
local filters = {"/organisaties/?dienst=", "/organisaties/?doelgroep=", "/organisaties/?werkgebied=",
  "/rechten-en-regelingen/?q=", "/beschermen/opvang/?leeftijd=", "/overzicht/?herkomst=", "/organisaties/?q="}
function request()
  counter = counter + 1
  local kind = counter % 3
  local path
  if kind == 0 then
    path = "/zoeken/?q=" .. word() .. "+" .. word() .. "+" .. math.random(1000000)
  elseif kind == 1 then
    path = filters[math.random(#filters)] .. word() .. math.random(1000)
  else
    path = "/beschermen/?utm_source=" .. math.random(100000000)
  end
  return wrk.format("GET", path)
end
"""
    + COUNTING
)

TWELVE_WORD_SEARCHES = (
    WORDS
    + """
function request()
  local q = {}
  for i = 1, 12 do q[i] = word() end
  return wrk.format("GET", "/zoeken/?q=" .. table.concat(q, "+"))
end
"""
    + COUNTING
)

# Each thread stops after its share of UNIQUE_URLS answers; every URL differs (thread id and counter).
UNIQUE = """
limit = {limit}
function request()
  counter = counter + 1
  if counter % 2 == 0 then
    return wrk.format("GET", "/zoeken/?q=woord" .. id .. "x" .. counter)
  end
  return wrk.format("GET", "/beschermen/?v=" .. id .. "-" .. counter)
end
"""

PLAIN = COUNTING  # a fixed URL: the cached home page, /health/


@dataclass
class Run:
    label: str
    path: str
    connections: int
    seconds: int
    lua: str


def _wrk_command(run: Run, port: int, script: Path) -> list[str]:
    command = ["wrk", f"--threads={min(2, run.connections)}", f"--connections={run.connections}"]
    command += [f"--duration={run.seconds}s", f"--timeout={WRK_TIMEOUT}", "--latency", f"--script={script}"]
    for name, value in REQUEST_HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    return [*command, f"http://{HOST}:{port}{run.path}"]


def parse_counts(output: str) -> dict:
    figures = parse_wrk(output)
    for name in ("503", "5xx-other"):
        for line in output.splitlines():
            if line.startswith(f"bench-{name}: "):
                figures[name] = int(line.split(": ", 1)[1])
    # Deliberate 503s are not errors; everything else that is not 2xx, and socket errors, are.
    figures["errors"] -= figures.get("503", 0)
    return figures


def run_together(runs: list[Run], port: int, workdir: Path) -> list[tuple[Run, dict]]:
    """Starts one wrk per run at the same moment and waits for all (each bounded by its duration)."""
    processes = []
    try:
        for number, run in enumerate(runs):
            script = workdir / f"adversarial-{number}.lua"
            script.write_text(run.lua)
            processes.append(
                subprocess.Popen(
                    _wrk_command(run, port, script), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
                )
            )
        results = []
        for run, process in zip(runs, processes, strict=True):
            stdout, stderr = process.communicate(timeout=run.seconds + 60)
            if process.returncode != 0:
                raise SetupError(f"wrk failed for {run.label} ({process.returncode}):\n{stdout}{stderr}")
            results.append((run, parse_counts(stdout)))
        return results
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def worker_rss_kib(pids: list[int]) -> dict[int, int]:
    """Resident memory of each worker in KiB (proc(5), VmRSS); workers that are gone are left out."""
    sizes = {}
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes[pid] = int(line.split()[1])
        except OSError:
            continue
    return sizes


def print_runs(title: str, results: list[tuple[Run, dict]]) -> None:
    print(f"\n{title}")
    print(f"  {'load':<34} {'conns':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'503s':>6}")
    for run, figures in results:
        print(
            f"  {run.label:<34} {run.connections:5d} {figures['requests_per_second']:8.1f} {figures['p50_ms']:8.1f}"
            f" {figures['p99_ms']:8.1f} {figures['errors']:6d} {figures.get('503', 0):6d}"
        )


def adversarial(server, workdir: Path) -> bool:
    """Runs the three adversarial checks against a running server with the page cache on; True without errors."""
    port = server.port
    mix = run_together(
        [
            Run("cache-missing mix (attack)", "/", MIX_CONNECTIONS, MIX_SECONDS, CACHE_MISSING),
            Run("cached home page, meanwhile", "/", BESIDE_CONNECTIONS, MIX_SECONDS, PLAIN),
        ],
        port,
        workdir,
    )
    print_runs(f"Adversarial: {MIX_SECONDS} s of cache-missing URLs at {MIX_CONNECTIONS} connections", mix)
    flood = run_together(
        [
            Run("12-word searches (attack)", "/", FLOOD_CONNECTIONS, FLOOD_SECONDS, TWELVE_WORD_SEARCHES),
            Run("cached home page, meanwhile", "/", BESIDE_CONNECTIONS, FLOOD_SECONDS, PLAIN),
            Run("/health/, meanwhile", "/health/", 1, FLOOD_SECONDS, PLAIN),
        ],
        port,
        workdir,
    )
    print_runs(
        f"Adversarial: {FLOOD_SECONDS} s of 12-word searches at {FLOOD_CONNECTIONS} connections", flood
    )

    workers = server.workers()
    before = worker_rss_kib(workers)
    per_thread = UNIQUE_URLS // 2
    unique = run_together(
        [
            Run(
                "unique URLs",
                "/",
                MEMORY_CONNECTIONS,
                MEMORY_MAX_SECONDS,
                UNIQUE.format(limit=per_thread) + COUNTING,
            )
        ],
        port,
        workdir,
    )
    after = worker_rss_kib(workers)
    answered = unique[0][1]["requests"]
    print(
        f"\nMemory: {answered} unique URLs (up to {UNIQUE_URLS}, at most {MEMORY_MAX_SECONDS} s), workers not recycled"
    )
    for pid in workers:
        if pid in before and pid in after:
            print(f"  worker {pid}: {before[pid] / 1024:6.1f} MiB before, {after[pid] / 1024:6.1f} MiB after")
    if before and after:
        total_before = sum(before[pid] for pid in after if pid in before) / 1024
        total_after = sum(after[pid] for pid in after if pid in before) / 1024
        print(f"  all workers: {total_before:.1f} MiB before, {total_after:.1f} MiB after")
    print_runs("Unique URLs (the memory run)", unique)
    return not any(figures["errors"] for _run, figures in mix + flood + unique)
