"""One sync at a time: a file lock beside the state database.

Two overlapping cron runs (a slow source, a manual run at night) must not interleave writes to
the same calendars and state. The second waits a little for the first to finish, then gives up
with exit status 75 (EX_TEMPFAIL from sysexits.h: "try again later"), which tells cron mail and
systemd apart from a real failure (status 1).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

BUSY_EXIT = 75


class Busy(Exception):
    """Another run holds the lock; `path` is the lock file."""

    def __init__(self, path: Path, waited: float):
        super().__init__(f"another lichsync sync is running (waited {waited:g} s for its lock); this run did nothing")
        self.path = path
        self.waited = waited


def lock_path(state_path: Path) -> Path:
    return Path(state_path).with_name("sync.lock")


@contextmanager
def exclusive(state_path: Path, timeout: float = 10.0) -> Iterator[Path]:
    """Hold the sync lock for the block; Busy after `timeout` seconds of waiting."""
    path = lock_path(state_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(path, timeout) from None
    try:
        yield path
    finally:
        lock.release()
