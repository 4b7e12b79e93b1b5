"""What the load scripts share: the address they load, the headers they send, and reading wrk's output."""

import re

HOST = "127.0.0.1"

# What a browser behind the load balancer sends: the original scheme, and compression support (so whitenoise
# serves its pre-compressed stylesheet, as it does for real visitors).
REQUEST_HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"}

WRK_TIMEOUT = (
    "10s"  # slower counts as an error; wrk's default of 2 s is too tight for uncached pages under load
)

# Counts the responses that are not 2xx in every wrk thread and prints the total for parse_wrk().
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then not_2xx = not_2xx + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not_2xx") end
  io.write(string.format("bench-not-2xx: %d\\n", total))
end
"""


class SetupError(Exception):
    """The server could not be prepared, started or kept running: there is nothing to measure."""


def to_milliseconds(value: str) -> float:
    """wrk's latency notation (``812.00us``, ``12.34ms``, ``1.20s``, ``1.00m``) in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if not match:
        raise ValueError(f"unexpected latency {value!r} in wrk's output")
    return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[match.group(2)]


def parse_wrk(output: str) -> dict:
    """Requests/s, p50, p99, requests and errors from the output of ``wrk --latency`` with WRK_SCRIPT."""

    def find(pattern: str) -> str:
        match = re.search(pattern, output, re.MULTILINE)
        if not match:
            raise SetupError(f"wrk's output lacks {pattern!r}:\n{output}")
        return match.group(1)

    counts = {"not 2xx": int(find(r"^bench-not-2xx: (\d+)"))}
    # wrk prints this line only when a socket error occurred.
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if sockets:
        counts.update(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()), strict=True))
    return {
        "requests_per_second": float(find(r"^Requests/sec:\s+([\d.]+)")),
        "p50_ms": to_milliseconds(find(r"^\s+50%\s+(\S+)")),
        "p99_ms": to_milliseconds(find(r"^\s+99%\s+(\S+)")),
        "requests": int(find(r"^\s+(\d+) requests in")),
        "errors": sum(counts.values()),
        "error_detail": ", ".join(f"{count} {kind}" for kind, count in counts.items() if count),
    }
