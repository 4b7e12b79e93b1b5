"""A limit shared by every worker process of one server: at most N holders at once, whichever process they run in.

gunicorn runs several worker processes, each with threads; a per-process limit still lets every process run an
expensive request at once, and on a small machine that fills every core. Searches are the one kind of request a
visitor can make as expensive as they like and as often as they like, so the server lets only a few run at a
time (SEARCHES_PER_SERVER, by default one fewer than the machine's cores): a flood of them then keeps to its share
of the machine and cached pages and /health/ keep their core.

Each slot is a lock file; holding the slot is holding an exclusive ``flock`` on its file. The kernel releases the
lock when the holder closes it or its process dies, so a crashed worker can never leak a slot.
"""

import fcntl
import os
import time
from pathlib import Path

POLL_SECONDS = 0.005


class ServerSlots:
    def __init__(self, directory: Path, name: str, slots: int):
        directory.mkdir(parents=True, exist_ok=True)
        self._paths = [directory / f"{name}-{number}.lock" for number in range(max(1, slots))]

    def acquire(self, wait_seconds: float):
        """A held slot (pass it to ``release``), or None when none came free within ``wait_seconds``."""
        deadline = time.monotonic() + wait_seconds
        while True:
            for path in self._paths:
                handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(handle)
                    continue
                return handle
            if time.monotonic() >= deadline:
                return None
            time.sleep(POLL_SECONDS)

    @staticmethod
    def release(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def limited_per_server(view):
    """Marks a view whose requests share the server-wide slots (wegwijzer/busy.py takes one before it runs)."""
    view.limited_per_server = True
    return view
