"""The matrix: every gold document × every layout, rendered, read by lichsync in-process, scored.

Each cell is the share of expected events read right in every counted field ("exact", as the
shared scorer prints it), against the gold the layout says it carries (layouts.Rendered.events).
"""
from __future__ import annotations

import json
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
for p in (str(REPO), str(TESTS), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

from convert import convert_all, tool_path  # noqa: E402
from layouts import LAYOUTS, render  # noqa: E402
from schedule import Schedule, load  # noqa: E402
from scoring import Score, score  # noqa: E402

GOLD_DIRS = [TESTS / "gold", TESTS / "gold" / "weekly"]
TIMEOUT_S = 30


def gold_documents() -> list[tuple[str, dict]]:
    """Every gold document of the repository, by file stem."""
    return [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for d in GOLD_DIRS for p in sorted(d.glob("*.json"))]


@dataclass
class Cell:
    document: str
    layout: str
    score: Score | None
    error: str | None
    path: Path | None

    @property
    def exact(self) -> float:
        return self.score.exact if self.score else 0.0


class ParseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: int):
    """SIGALRM in the main thread (pytest's, report.py's); no guard elsewhere."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def fire(*_):
        raise ParseTimeout(f"no answer in {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def read(path: Path) -> tuple[dict | None, str | None]:
    """lichsync's reading of a file, or the one-line reason it gave none."""
    from lichsync.read.pipeline import parse_file

    try:
        with time_limit(TIMEOUT_S):
            return parse_file(path).to_dict(), None
    except ParseTimeout as exc:
        return None, str(exc)
    except Exception as exc:  # a refusal or a crash is a cell of 0, with its reason
        return None, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:160]


def skipped_layouts() -> dict[str, str]:
    """Layouts whose converter is not installed, with the reason."""
    out = {}
    for name, layout in LAYOUTS.items():
        probe = getattr(layout, "tool", None)
        if probe and not tool_path(probe):
            out[name] = f"{probe} not installed"
    return out


def text_layer(pdf: Path) -> str:
    """The PDF's text in the order its pages draw it (pdfium, as a viewer's select-all and copy gives
    it), in the seeds' form: every line followed by a space and a blank line."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return "".join(f"{line.rstrip()} \n\n" for line in text.replace("\r", "").replace("\ufffe", "-").split("\n"))


def run(work: Path, cache: Path, layouts: list[str] | None = None, documents: list[str] | None = None) -> list[Cell]:
    """Render, convert (cached), read and score every cell; files are left under `work` to look at."""
    skipped = skipped_layouts()
    names = [n for n in (layouts or list(LAYOUTS)) if n not in skipped]
    docs = [(n, g) for n, g in gold_documents() if not documents or n in documents]
    rendered = []
    for doc, gold in docs:
        schedule: Schedule = load(doc, gold)
        for name in names:
            rendered.append((doc, name, render(name, schedule)))
    jobs = [(r.convert, r.data) for _, _, r in rendered if r.convert]
    pdfs = iter(convert_all(jobs, cache))
    cells = []
    for doc, name, r in rendered:
        folder = work / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{doc}{r.suffix}"
        path.write_bytes(r.data)
        if r.convert:
            pdf = next(pdfs)
            if pdf is None:
                cells.append(Cell(doc, name, None, f"{r.convert} made no PDF", None))
                continue
            path = folder / f"{doc}.pdf"
            path.write_bytes(pdf.read_bytes())
            if r.layer:
                path = folder / f"{doc}.txt"
                path.write_text(text_layer(pdf), encoding="utf-8")
        (folder / f"{doc}.expected.json").write_text(
            json.dumps({"events": r.events}, ensure_ascii=False, indent=1), encoding="utf-8")
        parsed, error = read(path)
        cells.append(Cell(doc, name, score({"events": r.events}, parsed) if parsed else None, error, path))
    return cells
