#!/usr/bin/env python3
"""Time and memory of parse_file on each sample: <= 30 ms per monthly program, <= 20 ms per week.

    python benchmarks/bench_parse.py [--runs 30] [FILE ...]

Not a test: timings depend on the machine, so this prints numbers instead of failing a build.
"""
from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from lichsync.read.pipeline import parse_file  # noqa: E402

TARGET_MS = 30.0  # a monthly program
WEEK_TARGET_MS = 20.0  # a week's page (samples/weekly/)


def bench(path: Path, runs: int) -> tuple[float, float, float]:
    """Median and p90 wall time in ms, and the tracemalloc peak in KiB of one parse."""
    parse_file(path)  # warm-up: imports, regex compilation, file cache
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        parse_file(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p90 = times[max(0, math.ceil(0.9 * len(times)) - 1)]
    tracemalloc.start()  # separately: tracing slows the parse down
    parse_file(path)
    peak = tracemalloc.get_traced_memory()[1] / 1024
    tracemalloc.stop()
    return statistics.median(times), p90, peak


def max_rss_kib() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform == "darwin" else rss  # bytes on macOS, KiB on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="default: samples/*.txt and samples/weekly/*")
    ap.add_argument("--runs", type=int, default=30, help="timed runs per file (default 30)")
    args = ap.parse_args(argv)
    # The scan is read through OCR, whose time benchmarks/bench_ocr.py measures against its own target.
    weekly = [p for p in sorted((REPO / "samples" / "weekly").glob("*.*")) if p.suffix != ".pdf"]
    files = args.files or sorted((REPO / "samples").glob("*.txt")) + weekly
    print(f"target (median): <= {TARGET_MS:.0f} ms per monthly program, <= {WEEK_TARGET_MS:.0f} ms per week; {args.runs} runs each")
    print(f"{'file':<36} {'median ms':>10} {'p90 ms':>8} {'peak KiB':>9}  target")
    all_ok = True
    for path in files:
        median, p90, peak = bench(path, max(1, args.runs))
        ok = median <= (WEEK_TARGET_MS if path.parent.name == "weekly" else TARGET_MS)
        all_ok &= ok
        print(f"{path.name:<36} {median:>10.2f} {p90:>8.2f} {peak:>9.0f}  {'ok' if ok else 'SLOW'}")
    rss = max_rss_kib()
    if rss is not None:
        print(f"process max RSS: {rss:.0f} KiB")
    print("all within target" if all_ok else "some programs exceed the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
