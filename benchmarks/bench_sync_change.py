#!/usr/bin/env python3
"""A nightly `lichsync sync` of 240 documents: nothing changed, then one document changed (issue 17).

    python benchmarks/bench_sync_change.py [--runs 5]

The five sample programs, each moved to 48 years (2024-2071, every "2023" of the text made the
new year): 240 documents in a local folder source, feeds written to a folder (the calendars'
side is bench_push.py's). Each run is `lichsync sync` as cron starts it: a new process, so wall
time includes start-up. "no change" finds every document as the last clean run left it;
"one document changed" edits one item's title of one document before each run (a new UID:
one event in and one out of its feeds). Target: one document changed <= parsing that document
+ 1.2x the no-change run, the floor measured in the same run. Offline; not a test: it prints.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from lichsync.read.pipeline import parse_data  # noqa: E402

YEARS = range(2024, 2072)
CHANGED = "so-ldtbxh-hatinh-2023-09"  # the document edited, in its 2030 copy
EDIT = ("Lễ khai giảng năm học mới", "Lễ khai giảng năm học mới (điều chỉnh)")
TARGET = 1.2


def documents(folder: Path) -> Path:
    """The 240 documents; the path of the one the change runs edit."""
    folder.mkdir()
    for sample in sorted((REPO / "samples").glob("*.txt")):
        year = re.search(r"-(\d{4})-\d\d$", sample.stem).group(1)
        text = sample.read_text(encoding="utf-8")
        for new in YEARS:
            (folder / f"{sample.stem}-{new}.txt").write_text(text.replace(year, str(new)), encoding="utf-8")
    return folder / f"{CHANGED}-2030.txt"


def config(tmp: Path, docs: Path) -> Path:
    """The example configuration with this run's folder source and feeds folder instead of its own."""
    text = (REPO / "config.example.toml").read_text(encoding="utf-8")
    start, end = text.index("\n[[sources]]"), text.index("\n[logging]")
    path = tmp / "lichsync.toml"
    path.write_text(text[:start] + f'\n[[sources]]\npath = "{docs}"\n\n[feeds]\ndir = "{tmp / "feeds"}"\n'
                    + text[end:], encoding="utf-8")
    return path


def sync(config_path: Path, state: Path) -> float:
    """Wall time of one `lichsync sync`, as cron runs it."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lichsync", "sync", "--config", str(config_path), "--state", str(state),
                    "--quiet"], check=True, cwd=REPO)
    return time.perf_counter() - t0


def parse_time(path: Path, runs: int) -> float:
    """Median time to parse the changed document, in this process (warm)."""
    data = path.read_bytes()
    parse_data(data, str(path))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_data(data, str(path))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="process runs per phase (median wall time)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        changed = documents(tmp / "docs")
        cfg, state = config(tmp, tmp / "docs"), tmp / "state.sqlite3"
        original = changed.read_text(encoding="utf-8")
        assert EDIT[0] in original
        first = sync(cfg, state)
        same, one = [], []
        for i in range(args.runs):  # interleaved, so a busy machine slows both alike
            same.append(sync(cfg, state))
            changed.write_text(original.replace(*EDIT, 1) if i % 2 == 0 else original, encoding="utf-8")
            one.append(sync(cfg, state))
        parse = parse_time(changed, max(10, args.runs))
    same_ms, one_ms = statistics.median(same) * 1000, statistics.median(one) * 1000
    floor = parse * 1000 + TARGET * same_ms
    print(f"{len(YEARS) * 5} documents, feeds only (config.example.toml's officials); {args.runs} runs, medians")
    print(f"  first run             {first * 1000:7.0f} ms")
    print(f"  no change             {same_ms:7.0f} ms")
    print(f"  parsing the document  {parse * 1000:7.0f} ms")
    print(f"  one document changed  {one_ms:7.0f} ms; floor = parse + {TARGET}x no change = {floor:.0f} ms: "
          f"{one_ms / floor:.2f}x ({'ok' if one_ms <= floor else 'OVER TARGET'})")


if __name__ == "__main__":
    main()
