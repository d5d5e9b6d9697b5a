#!/usr/bin/env python3
"""Requests and wall time of `push` on both targets, 1000 events from the sample programs.

    python benchmarks/bench_push.py [--events 1000]

Google: the Calendar v3 emulator of the tests (tests/google_emulator.py, a test double) over real
HTTP through google-api-python-client. CalDAV: a real Radicale on 127.0.0.1 (needs `radicale`).
Figures the issue asks for: first push to Google ≤ 25 HTTP requests; second push 0 writes and
1 list request per page per calendar; one changed item exactly 1 write. Not a test: it prints.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]  # run from a checkout; the servers live with the tests

import httplib2  # noqa: E402

from google_emulator import GoogleCalendarEmulator  # noqa: E402
from lichsync.calendar.directory import Directory  # noqa: E402
from lichsync.calendar.mapper import map_programs  # noqa: E402
from lichsync.cli.push import scope  # noqa: E402
from lichsync.config import Config  # noqa: E402
from lichsync.publish.caldav import CalDAVTarget  # noqa: E402
from lichsync.publish.google import GoogleTarget  # noqa: E402
from lichsync.read.pipeline import parse_file  # noqa: E402
from lichsync.sync.apply import execute  # noqa: E402
from lichsync.sync.plan import Desired, plan  # noqa: E402
from lichsync.sync.state import State  # noqa: E402


def program_events(n: int) -> tuple[list[Desired], set[str]]:
    """The samples' events for everyone, repeated under new UIDs until there are n."""
    programs = [parse_file(p) for p in sorted((REPO / "samples").glob("*.txt"))]
    scopes = {p.source: scope(p, Config()) for p in programs}
    events = map_programs(programs, Config(), Directory(Config(), programs))
    out = []
    for i in range(n):
        e = events[i % len(events)]
        out.append(Desired(replace(e, uid=f"r{i // len(events)}-{e.uid}"), scopes[e.source]))
    return out, set(scopes.values())


def run(name: str, target, state: State, wanted, scopes, count) -> None:
    """Plan and apply one push; print its writes, HTTP requests by kind and wall time."""
    before = Counter(count())
    t0 = time.perf_counter()
    p = plan(wanted, state.records(target.kind, target.calendar), target.list(), scopes)
    execute(p, target, state)
    wall = time.perf_counter() - t0
    requests = Counter(count()) - before
    c = p.counts()
    print(f"  {name:<22} writes {len(p.writes):>5} (create {c['create']}, update {c['update']}, delete {c['delete']})"
          f"  HTTP requests {sum(requests.values()):>5} {dict(sorted(requests.items()))}  {wall * 1000:8.0f} ms")


def phases(target, state, wanted, scopes, count) -> None:
    run("first push", target, state, wanted, scopes, count)
    run("second push, unchanged", target, state, wanted, scopes, count)
    changed = list(wanted)
    changed[len(changed) // 2] = replace(changed[len(changed) // 2], event=replace(
        changed[len(changed) // 2].event, summary=changed[len(changed) // 2].event.summary + " (đổi)"))
    run("one item changed", target, state, changed, scopes, count)


def counting(target) -> Counter:
    """Count CalDAV requests by method at the target's one way out (python-caldav or its wire)."""
    seen: Counter = Counter()
    real = target._send

    def send(method, *args, **kwargs):
        seen[method] += 1
        return real(method, *args, **kwargs)

    target._send = send
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000)
    args = ap.parse_args()
    wanted, scopes = program_events(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print(f"{len(wanted)} events")
        emulator = GoogleCalendarEmulator().start()
        try:
            print(f"google (emulator {emulator.url})")
            target = GoogleTarget("bench@group.calendar.google.com", httplib2.Http(), root_url=emulator.url)
            phases(target, State(tmp / "google.db"), wanted, scopes, lambda: emulator.requests)
        finally:
            emulator.stop()
        try:
            from push_servers import PASSWORD, USER, Radicale
        except ImportError as e:
            print(f"caldav: skipped ({e})")
            return
        radicale = Radicale(tmp)
        try:
            url = radicale.new_calendar()
            print(f"caldav (Radicale {url})")
            target = CalDAVTarget(url, USER, PASSWORD)
            seen = counting(target)
            phases(target, State(tmp / "caldav.db"), wanted, scopes, lambda: seen)
        finally:
            radicale.stop()


if __name__ == "__main__":
    main()
