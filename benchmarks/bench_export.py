#!/usr/bin/env python3
"""Time to export twelve months of programs for every official; the target is <= 1 s.

    python benchmarks/bench_export.py [--runs 5] [--config config.example.toml]

The five sample programs are read once for each month of 2024 (the samples repeated across
months), then timed: officials directory, mapping, and writing a feed per official plus the
organisation's feed into a temporary directory. "first" writes new feeds; "again" rewrites
them over the previous files (reading their revisions), as a cron job does every hour.
Parsing is not included (bench_parse.py times it). Not a test: this prints numbers.
"""
from __future__ import annotations

import argparse
import calendar
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from lichsync import config as config_mod  # noqa: E402
from lichsync.calendar.directory import Directory  # noqa: E402
from lichsync.cli.export import feeds_for_all  # noqa: E402
from lichsync.calendar.mapper import map_programs  # noqa: E402
from lichsync.parse.model import Period, Program  # noqa: E402
from lichsync.read.pipeline import parse_file  # noqa: E402
from lichsync.publish.ics import write_feed  # noqa: E402

TARGET_S = 1.0


def year_of_programs() -> list[Program]:
    """Each sample moved to every month of 2024 (days a month lacks are dropped)."""
    samples = [parse_file(p) for p in sorted((REPO / "samples").glob("*.txt"))]
    return [moved for month in range(1, 13) for p in samples if (moved := move(p, 2024, month)).events]


def move(p: Program, year: int, month: int) -> Program:
    last = calendar.monthrange(year, month)[1]

    def day(d: date) -> date:
        return date(year, month, min(d.day, last))

    events = [replace(e, date=day(e.date), end_date=day(e.end_date) if e.end_date else None)
              for e in p.events if e.date.day <= last]
    return replace(p, source=f"{p.source}-{month:02d}", period=Period(month, year), events=events)


def export_all(programs: list[Program], config, out: Path) -> tuple[int, int]:
    """What `lichsync export --all -d OUT` does once the programs are read; (feeds, VEVENTs) written."""
    people = Directory(config, programs)
    events = map_programs(programs, config, people)
    feeds = feeds_for_all(events, people, config, programs)
    rendered: dict = {}
    for file_name, feed_events, name in feeds:
        write_feed(out / file_name, feed_events, name, config.timezone, config.export.refresh_minutes, rendered=rendered)
    return len(feeds), sum(len(f[1]) for f in feeds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--config", type=Path, default=REPO / "config.example.toml")
    args = ap.parse_args()
    config = config_mod.load(args.config)
    programs = year_of_programs()
    n_events = sum(len(p.events) for p in programs)
    first, again = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            feeds, vevents = export_all(programs, config, Path(tmp))
            first.append(time.perf_counter() - start)
            start = time.perf_counter()
            export_all(programs, config, Path(tmp))
            again.append(time.perf_counter() - start)
    print(f"{len(programs)} programs (5 samples × 12 months), {n_events} schedule events, "
          f"{feeds} feeds, {vevents} VEVENTs written per export ({args.config.name})")
    for label, times in (("first export", first), ("re-export", again)):
        med = statistics.median(times)
        verdict = "ok" if med <= TARGET_S else "OVER TARGET"
        print(f"{label:>12}: median {med * 1000:7.1f} ms  min {min(times) * 1000:7.1f} ms  "
              f"(target ≤ {TARGET_S * 1000:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
