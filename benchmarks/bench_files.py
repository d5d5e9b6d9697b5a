#!/usr/bin/env python3
"""Time and memory of parse_file on the sample PDF and Word files, beside pdfplumber's own floor.

    python benchmarks/bench_files.py [--runs 10] [FILE ...]

Targets: <= 0.5 s median for a 4-page program, <= 200 MB peak. For each PDF, the "pdfplumber"
columns time opening the file and extracting every page's words (as the reader does) and nothing else: the part of
the cost no reader built on pdfplumber can go below. Not a test: it prints numbers.
"""
from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a checkout without installing

import pdfplumber  # noqa: E402

from bench_parse import max_rss_kib  # noqa: E402
from lichsync.read.pipeline import parse_file  # noqa: E402
from lichsync.read.pdf import WORDS  # noqa: E402

TARGET_S_PER_4_PAGES = 0.5
TARGET_PEAK_MB = 200.0


def pdfplumber_floor(path: Path) -> None:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            page.extract_words(**WORDS)


def measure(work, runs: int) -> tuple[float, float]:
    """Median wall time in ms over `runs`, and the tracemalloc peak in MB of one more run."""
    work()  # warm-up: imports, fonts, file cache
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()  # separately: tracing slows the work down
    work()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def pages_of(path: Path) -> int:
    if path.suffix != ".pdf":
        return 0
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="default: samples/*.pdf, samples/unruled/*.pdf, samples/*.docx")
    ap.add_argument("--runs", type=int, default=10, help="timed runs per file (default 10)")
    args = ap.parse_args(argv)
    samples = REPO / "samples"
    files = args.files or sorted(samples.glob("*.pdf")) + sorted((samples / "unruled").glob("*.pdf")) + sorted(samples.glob("*.docx"))
    print(f"targets: <= {TARGET_S_PER_4_PAGES * 1000:.0f} ms median per 4 pages, <= {TARGET_PEAK_MB:.0f} MB peak; {args.runs} runs each")
    print(f"{'file':<42} {'pages':>5} {'parse ms':>9} {'peak MB':>8} {'pdfplumber ms':>14} {'peak MB':>8}  target")
    all_ok = True
    for path in files:
        pages = pages_of(path)
        median, peak = measure(lambda: parse_file(path), max(1, args.runs))
        floor = measure(lambda: pdfplumber_floor(path), max(1, args.runs)) if pages else None
        budget = TARGET_S_PER_4_PAGES * 1000 * max(1, pages) / 4
        ok = median <= budget and peak <= TARGET_PEAK_MB
        all_ok &= ok
        name = f"{path.parent.name}/{path.name}" if path.parent != samples else path.name
        floor_text = f"{floor[0]:>14.1f} {floor[1]:>8.1f}" if floor else f"{'-':>14} {'-':>8}"
        print(f"{name:<42} {pages or '-':>5} {median:>9.1f} {peak:>8.1f} {floor_text}  {'ok' if ok else 'OVER'}")
    rss = max_rss_kib()
    if rss is not None:
        print(f"process max RSS: {rss / 1024:.0f} MB")
    print("all within target" if all_ok else "some files exceed the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
