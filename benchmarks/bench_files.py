#!/usr/bin/env python3
"""Time and memory of parse_file on the sample PDF and Word files, beside pypdfium2's own floor.

    python benchmarks/bench_files.py [--runs 10] [FILE ...]

Targets (issue 17): a PDF parsed in <= 3x the time pypdfium2 takes to read the same pages'
characters with their boxes (open the file, each page's text in one call and every character's
box: what any reader of words needs, and nothing else); peak RSS <= 150 MB for a 60-page PDF and
flat beyond it (120 pages). The floor runs interleaved with the parse, so a busy machine slows
both alike; each parse starts with lichsync's text caches empty. Word files have no floor. Not a test: it prints numbers.
"""
from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a checkout without installing

import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_raw  # noqa: E402

from lichsync.parse import days, officials, table, text  # noqa: E402
from lichsync.parse.document import Document  # noqa: E402
from lichsync.parse.model import Program  # noqa: E402
from lichsync.read.pipeline import Limits, extract, parse_file  # noqa: E402

TARGET_RATIO = 3.0
TARGET_RSS_MB = 150.0
RSS_PAGES = (60, 120)

RSS_CHILD = """
import resource, sys
sys.path.insert(0, sys.argv[1])
from lichsync.read.pipeline import parse_data
data = open(sys.argv[2], "rb").read()
if sys.argv[3] == "parse":
    parse_data(data, "many-pages.pdf")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def empty_caches() -> None:
    """The caches keyed on a document's text: each timed parse costs what the first parse of a new
    document costs, not a re-parse of strings already seen."""
    days.without_lunar.cache_clear()
    text.collapse.cache_clear()
    days.names_days.cache_clear()
    table._header_roles.cache_clear()
    table._label.cache_clear()
    table._column_kind.cache_clear()
    officials._officials.cache_clear()


def cold_parse(path: Path) -> Program:
    empty_caches()
    return parse_file(path)


def cold_read(path: Path) -> Document:
    """The reader alone (the parse's first part): the file into the document model, no rules applied."""
    empty_caches()
    return extract(path.read_bytes(), str(path), Limits.from_env())


def pdfium_floor(path: Path) -> None:
    """Every character of every page with its box, as cheaply as pypdfium2 gives them."""
    pdf = pdfium.PdfDocument(path.read_bytes())
    box = pdfium_raw.FS_RECTF()
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
        text.get_text_range()
        for k in range(pdfium_raw.FPDFText_CountChars(text.raw)):
            pdfium_raw.FPDFText_GetLooseCharBox(text.raw, k, box)
        text.close()
        page.close()
    pdf.close()


def interleaved(works: list, runs: int) -> list[float]:
    """Median CPU time in ms of each work, run in turn `runs` times (after a warm-up). CPU time
    rather than wall time: on a busy machine the time spent waiting for a core counts for neither."""
    for work in works:
        work()  # imports, fonts, file cache
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for k, work in enumerate(works):
            start = time.process_time()
            work()
            times[k].append((time.process_time() - start) * 1000)
    return [statistics.median(t) for t in times]


def pages_of(path: Path) -> int:
    if path.suffix != ".pdf":
        return 0
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return len(pdf)
    finally:
        pdf.close()


def many_pages(source: Path, pages: int) -> bytes:
    """A PDF of `pages` pages: the sample's pages over and over."""
    src = pdfium.PdfDocument(source.read_bytes())
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(src, list(range(min(len(src), pages - len(out)))))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def peak_rss_mb(pdf: Path, what: str) -> float:
    """Peak RSS of a new process that parses the PDF ("parse") or only loads lichsync and the bytes ("floor")."""
    out = subprocess.run([sys.executable, "-c", RSS_CHILD, str(REPO), str(pdf), what],
                         check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="default: samples/*.pdf, samples/unruled/*.pdf, samples/*.docx")
    ap.add_argument("--runs", type=int, default=10, help="timed runs per file (default 10)")
    args = ap.parse_args(argv)
    samples = REPO / "samples"
    files = args.files or sorted(samples.glob("*.pdf")) + sorted((samples / "unruled").glob("*.pdf")) + sorted(samples.glob("*.docx"))
    print(f"target: parse <= {TARGET_RATIO:.0f}x pypdfium2 reading the characters with their boxes; {args.runs} runs each")
    print("(read ms: the reader's part of the parse, bytes into the document model; the rest is parse/'s rules)")
    print(f"{'file':<42} {'pages':>5} {'parse ms':>9} {'read ms':>8} {'floor ms':>9} {'ratio':>6}  target")
    all_ok = True
    for path in files:
        pages = pages_of(path)
        name = f"{path.parent.name}/{path.name}" if path.parent != samples else path.name
        if not pages:
            (median,) = interleaved([lambda p=path: cold_parse(p)], max(1, args.runs))
            print(f"{name:<42} {'-':>5} {median:>9.1f} {'-':>8} {'-':>9} {'-':>6}")
            continue
        median, read, floor = interleaved([lambda p=path: cold_parse(p), lambda p=path: cold_read(p), lambda p=path: pdfium_floor(p)], max(1, args.runs))
        ok = median <= TARGET_RATIO * floor
        all_ok &= ok
        print(f"{name:<42} {pages:>5} {median:>9.1f} {read:>8.1f} {floor:>9.1f} {median / floor:>5.2f}x  {'ok' if ok else 'OVER'}")
    source = next((f for f in files if f.suffix == ".pdf" and f.parent == samples), None)
    if source:
        floor_rss = None
        with tempfile.TemporaryDirectory() as tmp:
            for pages in RSS_PAGES:
                pdf = Path(tmp) / f"{pages}.pdf"
                pdf.write_bytes(many_pages(source, pages))
                floor_rss = floor_rss or peak_rss_mb(pdf, "floor")
                rss = peak_rss_mb(pdf, "parse")
                ok = rss <= TARGET_RSS_MB
                all_ok &= ok
                print(f"peak RSS, {pages:>3} pages of {source.name}: {rss:6.0f} MB (target <= {TARGET_RSS_MB:.0f} MB; "
                      f"the process with lichsync loaded and the file read: {floor_rss:.0f} MB)  {'ok' if ok else 'OVER'}")
    print("all within target" if all_ok else "some files exceed the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
