#!/usr/bin/env python3
"""What a push costs lichsync itself: CalDAV client CPU per event, and the state's share of a Google push.

    python benchmarks/bench_push_cost.py [--caldav-events 500] [--google-events 5000]

CalDAV: a first push of the sample programs' events (repeated under new UIDs) to a real
Radicale on 127.0.0.1 (needs `radicale`; it runs in its own process, so this process's CPU time
is the client's alone: planning, rendering, HTTP, state). Target: <= 1.5 ms of client CPU per
event; beside it the floors measured in the same run: http.client (the HTTP library the target
writes with) alone PUTting the same bodies on one HTTPConnection, which Radicale's HTTP/1.0 server
makes a new TCP connection per request, and icalendar rendering each event's VEVENT once; and, for
comparison, python-caldav (niquests) alone PUTting them. Google: a first push of 5 000 events to the Calendar v3 emulator of
the tests (tests/google_emulator.py, a test double, in a thread of this process) through
google-api-python-client; the time spent writing the state (State.save, forget, commit and
save_listing) against the push's wall time. Target: <= 5 %. Offline; not a test: it prints.
"""
from __future__ import annotations

import argparse
import functools
import http.client
import sys
import tempfile
import time
from base64 import b64encode
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]  # the servers live with the tests

import httplib2  # noqa: E402
from bench_push import program_events  # noqa: E402
from caldav.davclient import DAVClient  # noqa: E402

from google_emulator import GoogleCalendarEmulator  # noqa: E402
from lichsync.publish.caldav import CalDAVTarget, render, resource_name  # noqa: E402
from lichsync.publish.google import GoogleTarget  # noqa: E402
from lichsync.publish.ics import event_component, revise, utc_now  # noqa: E402
from lichsync.sync.apply import execute  # noqa: E402
from lichsync.sync.plan import Action, plan  # noqa: E402
from lichsync.sync.state import State  # noqa: E402

CALDAV_MS = 1.5
STATE_SHARE = 0.05


def push(target, state: State, wanted, scopes) -> int:
    """One plan-and-apply, as `push` does; the writes made."""
    p = plan(wanted, state.records(target.kind, target.calendar), target.list(), scopes)
    execute(p, target, state)
    return len(p.writes)


def caldav(n: int, tmp: Path) -> None:
    from push_servers import PASSWORD, USER, Radicale

    wanted, scopes = program_events(n)
    radicale = Radicale(tmp)
    try:
        with State(tmp / "warm-up.db") as state:  # first requests load modules lazily: not part of either figure
            push(CalDAVTarget(radicale.new_calendar(), USER, PASSWORD), state, wanted[:10], scopes)
        target = CalDAVTarget(radicale.new_calendar(), USER, PASSWORD)
        with State(tmp / "caldav.db") as state:
            cpu, wall = time.process_time(), time.perf_counter()
            writes = push(target, state, wanted, scopes)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        bodies = [render(Action("create", d.uid, desired=d)) for d in wanted]
        wire = bare_puts(radicale.new_calendar(), wanted, bodies)
        library = caldav_puts(radicale.new_calendar(), wanted, bodies)
    finally:
        radicale.stop()
    now, floor = utc_now(), time.process_time()
    for d in wanted:
        event_component(d.event, revise(d.event, None, now)).to_ical()
    floor = time.process_time() - floor
    per_event = cpu / writes * 1000
    wire, library, floor = (t / len(wanted) * 1000 for t in (wire, library, floor))
    print(f"caldav: first push of {writes} events to Radicale, {wall:.1f} s wall")
    print(f"  client CPU {per_event:.2f} ms per event (target <= {CALDAV_MS} ms: "
          f"{'ok' if per_event <= CALDAV_MS else 'OVER TARGET'})")
    print(f"  floors: http.client alone PUTting the same bodies {wire:.2f} ms + icalendar rendering the VEVENT "
          f"{floor:.2f} ms = {wire + floor:.2f} ms; lichsync's own share {per_event - wire - floor:.2f} ms")
    print(f"  for comparison: python-caldav (niquests) alone PUTting the same bodies {library:.2f} ms")


def bare_puts(calendar: str, wanted, bodies) -> float:
    """Client CPU of PUTting each body on one http.client connection, nothing else: the HTTP floor."""
    from push_servers import PASSWORD, USER

    parts = urlsplit(calendar)
    connection = http.client.HTTPConnection(parts.netloc)
    headers = {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*",
               "Authorization": "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
    cpu = time.process_time()
    for d, body in zip(wanted, bodies, strict=True):
        connection.request("PUT", parts.path + resource_name(d.uid), body, headers)
        response = connection.getresponse()
        response.read()
        assert response.status == 201, response.status
    return time.process_time() - cpu


def caldav_puts(calendar: str, wanted, bodies) -> float:
    """Client CPU of PUTting each body through python-caldav's DAVClient.request."""
    from push_servers import PASSWORD, USER

    client = DAVClient(url=calendar, username=USER, password=PASSWORD, auth_type="basic",
                       require_tls=False, enable_rfc6764=False)
    cpu = time.process_time()
    for d, body in zip(wanted, bodies, strict=True):
        response = client.request(client.url.join(resource_name(d.uid)), "PUT", body,
                                  {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"})
        assert response.status == 201, response.status
    return time.process_time() - cpu


def timing(obj, names: tuple[str, ...], spent: list[float]) -> None:
    """Add the wall time of each call of obj.<name> to spent[0]."""
    for name in names:
        real = getattr(obj, name)

        @functools.wraps(real)
        def timed(*args, _real=real, **kwargs):
            t0 = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - t0

        setattr(obj, name, timed)


def google(n: int, tmp: Path) -> None:
    wanted, scopes = program_events(n)
    emulator = GoogleCalendarEmulator().start()
    try:
        with State(tmp / "google.db") as state:
            spent = [0.0]
            timing(state, ("save", "forget", "commit", "save_listing"), spent)
            target = GoogleTarget("bench@group.calendar.google.com", httplib2.Http(), root_url=emulator.url,
                                  listings=state)
            wall = time.perf_counter()
            writes = push(target, state, wanted, scopes)
            wall = time.perf_counter() - wall
    finally:
        emulator.stop()
    share = spent[0] / wall
    print(f"google: first push of {writes} events to the emulator, {wall:.1f} s wall")
    print(f"  state writes {spent[0] * 1000:.0f} ms = {share:.1%} of the push (target <= {STATE_SHARE:.0%}: "
          f"{'ok' if share <= STATE_SHARE else 'OVER TARGET'})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--caldav-events", type=int, default=500)
    ap.add_argument("--google-events", type=int, default=5000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        google(args.google_events, Path(tmp))
        try:
            import push_servers  # noqa: F401  (needs radicale)
        except ImportError as e:
            print(f"caldav: skipped ({e})")
            return
        caldav(args.caldav_events, Path(tmp))


if __name__ == "__main__":
    main()
