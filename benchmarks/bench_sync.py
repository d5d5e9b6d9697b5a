#!/usr/bin/env python3
"""What one nightly `lichsync sync` costs: first run, nothing changed, one item changed.

    python benchmarks/bench_sync.py [--runs 3]

The source is a real program (samples/so-ldtbxh-hatinh-2023-09.txt) on a local HTTP server that
answers conditional GETs (ETag, 304); the officials of config.example.toml each have a calendar
on a real Radicale (needs `radicale`) and a feed in a folder. Each phase runs `lichsync sync` as
cron would (a new process: wall time includes start-up) and once in-process to count the HTTP
requests to the source and to CalDAV. Not a test: it prints.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]  # run from a checkout; Radicale's runner lives with the tests

import caldav  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from lichsync.cli.app import app  # noqa: E402
from push_servers import PASSWORD, USER, Radicale  # noqa: E402

PROGRAM = (REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt").read_text(encoding="utf-8")
EDIT = ("Lễ khai giảng năm học mới", "Lễ khai giảng năm học mới 2023-2024")  # one item's title (a new UID)


class Source(BaseHTTPRequestHandler):
    text = PROGRAM
    answers: Counter = Counter()

    def do_GET(self) -> None:
        body = Source.text.encode("utf-8")
        etag = f'"{hashlib.sha1(body).hexdigest()}"'
        if self.headers.get("If-None-Match") == etag:
            Source.answers[304] += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        Source.answers[200] += 1
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def offline(example: Path) -> str:
    """The example configuration without its [[sources]] (an outside URL) and [feeds]: this run
    gives its own, on this machine."""
    text = example.read_text(encoding="utf-8")
    start, end = text.index("\n[[sources]]"), text.index("\n[logging]")
    return text[:start] + text[end:]


def startup_ratio(runs: int) -> tuple[float, float]:
    """Median wall time of `lichsync --help` and of importing typer and rich, each in a new process."""
    def median_of(args: list[str]) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, cwd=REPO, capture_output=True)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)
    return median_of(["-m", "lichsync", "--help"]), median_of(["-c", "import typer, rich.console"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="process runs per phase (median wall time)")
    args = ap.parse_args()
    caldav_requests: Counter = Counter()
    real = caldav.DAVClient.request

    def counted(self, url, method="GET", *a, **kw):
        caldav_requests[method] += 1
        return real(self, url, method, *a, **kw)

    caldav.DAVClient.request = counted
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = ThreadingHTTPServer(("127.0.0.1", 0), Source)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/ct-thang-9.txt"
        radicale = Radicale(tmp)
        try:
            config = tmp / "lichsync.toml"
            officials = ("lac", "cong", "dung", "hoa")
            calendars = "".join(f'\n[officials.{o}.calendars]\ncaldav = "{radicale.new_calendar()}"\n' for o in officials)
            config.write_text(offline(REPO / "config.example.toml") + calendars + f"""
[[sources]]
url = "{url}"

[feeds]
dir = "{tmp / 'feeds'}"
""", encoding="utf-8")
            os.environ.update(LICHSYNC_CALDAV_USERNAME=USER, LICHSYNC_CALDAV_PASSWORD=PASSWORD)
            base = ["sync", "--config", str(config), "--quiet"]

            def in_process(state: Path) -> tuple[float, Counter, Counter]:
                Source.answers.clear()
                caldav_requests.clear()
                t0 = time.perf_counter()
                result = CliRunner().invoke(app, [*base, "--state", str(state)])
                wall = time.perf_counter() - t0
                assert result.exit_code == 0, result.output
                return wall, Counter(Source.answers), Counter(caldav_requests)

            def as_cron(state_dir: Path) -> float:
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "lichsync", *base, "--state", str(state_dir / "state.sqlite3")],
                               check=True, cwd=REPO)
                return time.perf_counter() - t0

            print(f"program: {len(PROGRAM.encode())} bytes, 4 officials with a CalDAV calendar each, 5 feeds")
            state = tmp / "state.sqlite3"
            for phase, text in (("first run", PROGRAM), ("nothing changed (304)", PROGRAM),
                                ("one item changed", PROGRAM.replace(*EDIT, 1)),
                                ("nothing changed again", PROGRAM.replace(*EDIT, 1))):
                Source.text = text
                wall, source, dav = in_process(state)
                print(f"  {phase:<24} in-process {wall * 1000:7.0f} ms   source {dict(source)}   "
                      f"CalDAV {sum(dav.values())} {dict(sorted(dav.items()))}")
            # whole-command wall time, as cron runs it, for the two nightly cases
            for phase, text in (("nothing changed (304)", PROGRAM.replace(*EDIT, 1)),):
                Source.text = text
                times = [as_cron(tmp) for _ in range(args.runs)]
                print(f"  process, {phase:<15} median {statistics.median(times) * 1000:7.0f} ms over {args.runs} runs")
            times = []
            for i in range(args.runs):
                Source.text = PROGRAM if i % 2 == 0 else PROGRAM.replace(*EDIT, 1)
                times.append(as_cron(tmp))
            print(f"  process, one item changed       median {statistics.median(times) * 1000:7.0f} ms over {args.runs} runs")
        finally:
            radicale.stop()
            server.shutdown()
    helped, floor = startup_ratio(max(3, args.runs))
    print(f"start-up: `lichsync --help` {helped * 1000:.0f} ms, importing typer + rich {floor * 1000:.0f} ms: "
          f"{helped / floor:.2f}x (target <= 1.5x: {'ok' if helped <= 1.5 * floor else 'OVER'})")


if __name__ == "__main__":
    main()
