#!/usr/bin/env python3
"""OCR speed and memory: seconds per page and peak memory reading the visible scan
(samples/weekly/krongno-ubnd-2019w24.pdf, 2 pages), each beside its target, measured in this run.

    python benchmarks/bench_ocr.py
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lichsync.read.pipeline import parse_file  # noqa: E402

SCAN = ROOT / "samples" / "weekly" / "krongno-ubnd-2019w24.pdf"
PAGES = 2
TARGET_S_PER_PAGE = 10.0


def main() -> None:
    start = time.perf_counter()
    program = parse_file(SCAN)
    per_page = (time.perf_counter() - start) / PAGES
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{SCAN.name}: {len(program.events)} events")
    print(f"seconds per page   {per_page:6.2f}   target ≤ {TARGET_S_PER_PAGE:.0f}   {'ok' if per_page <= TARGET_S_PER_PAGE else 'OVER'}")
    print(f"peak memory (MB)   {peak_mb:6.0f}   (whole process: Python, OpenCV, Tesseract's model, two 300 dpi pages)")


if __name__ == "__main__":
    main()
