#!/usr/bin/env python3
"""`lichsync export --all` of 240 programs beside the time to parse them (issue 17).

    python benchmarks/bench_export.py [--runs 3] [--config config.example.toml]

The five sample programs, each moved to every month of 2024-2027: 240 programs. The floor is
parsing them (parse_file on each sample text, 240 parses), timed in the same run. "first
export" is what `export --all -d DIR` costs into an empty folder — the parse, then directory,
mapping and every feed (cli.export.write_all) — and "re-export" the same again over the feeds
just written, as an hourly cron job does when nothing changed. Targets: first <= 2x parsing,
re-export <= 1.2x parsing. CPU times (this process's), so that waiting for a core on a busy
machine counts for neither side. Not a test: it prints numbers.
"""
from __future__ import annotations

import argparse
import calendar
import contextlib
import io
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
from lichsync.calendar.mapper import map_programs  # noqa: E402
from lichsync.cli.export import write_all  # noqa: E402
from lichsync.parse.model import Period, Program  # noqa: E402
from bench_files import cold_parse  # noqa: E402

YEARS = (2024, 2025, 2026, 2027)
TARGETS = {"first export": 2.0, "re-export": 1.2}


def samples() -> list[Path]:
    return sorted((REPO / "samples").glob("*.txt"))


def parse_all() -> list[Program]:
    """Every program parsed from its text, as the export command reads its files; each parse cold, as
    240 different documents would be (the same five texts would otherwise hit the text caches)."""
    return [move(cold_parse(path), year, month) for year in YEARS for month in range(1, 13) for path in samples()]


def move(p: Program, year: int, month: int) -> Program:
    last = calendar.monthrange(year, month)[1]

    def day(d: date) -> date:
        return date(year, month, min(d.day, last))

    events = [replace(e, date=day(e.date), end_date=day(e.end_date) if e.end_date else None)
              for e in p.events if e.date.day <= last]
    return replace(p, source=f"{p.source}-{year}-{month:02d}", period=Period(month, year), events=events)


def export(config, out: Path) -> int:
    """What `lichsync export --all -d OUT` does: parse, directory, mapping, feeds; the events mapped."""
    programs = [p for p in parse_all() if p.events]
    people = Directory(config, programs)
    events = map_programs(programs, config, people)
    with contextlib.redirect_stdout(io.StringIO()):  # a line per feed written
        write_all(out, events, people, config, programs)
    return len(events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--config", type=Path, default=REPO / "config.example.toml")
    args = ap.parse_args()
    config = config_mod.load(args.config)
    parse_all()  # warm-up
    times: dict[str, list[float]] = {"parse": [], "first export": [], "re-export": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.process_time()
            parse_all()
            times["parse"].append(time.process_time() - start)
            start = time.process_time()
            n_events = export(config, Path(tmp))
            times["first export"].append(time.process_time() - start)
            start = time.process_time()
            export(config, Path(tmp))
            times["re-export"].append(time.process_time() - start)
    floor = statistics.median(times["parse"])
    print(f"{len(YEARS) * 12 * len(samples())} programs ({len(samples())} samples × {len(YEARS) * 12} months), "
          f"{n_events} calendar events ({args.config.name}); {args.runs} runs, medians of CPU time")
    print(f"{'parse (floor)':>14}: {floor * 1000:8.0f} ms")
    for label, target in TARGETS.items():
        med = statistics.median(times[label])
        verdict = "ok" if med <= target * floor else "OVER TARGET"
        print(f"{label:>14}: {med * 1000:8.0f} ms = {med / floor:4.2f}x parsing (target <= {target}x: {verdict})")


if __name__ == "__main__":
    main()
