"""The sync lock across processes: a second run waits, then gives up with Busy."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from lichsync.sync.runlock import BUSY_EXIT, Busy, exclusive, lock_path

HOLD = """
import sys, time
from lichsync.sync.runlock import exclusive
with exclusive(sys.argv[1], 5):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold(state, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(state), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_run_waits_then_gives_up(tmp_path):
    state = tmp_path / "state" / "state.sqlite3"
    holder = hold(state, 3)
    try:
        started = time.monotonic()
        with pytest.raises(Busy) as e:
            with exclusive(state, timeout=0.5):
                pytest.fail("the lock was held by another process")
        assert 0.4 < time.monotonic() - started < 2.5
        assert e.value.path == lock_path(state) == tmp_path / "state" / "sync.lock"
        assert "another lichsync sync is running" in str(e.value) and BUSY_EXIT == 75
    finally:
        holder.kill()
        holder.wait()


def test_a_second_run_that_waits_long_enough_gets_the_lock(tmp_path):
    state = tmp_path / "state.sqlite3"
    holder = hold(state, 0.3)
    try:
        with exclusive(state, timeout=5):
            assert holder.poll() is not None or holder.wait(5) == 0  # the first run had finished
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_run_leaves_no_stale_lock(tmp_path):
    state = tmp_path / "state.sqlite3"
    holder = hold(state, 30)
    holder.kill()  # kill -9 in the middle of a run: the OS drops its lock
    holder.wait()
    with exclusive(state, timeout=1):
        pass
