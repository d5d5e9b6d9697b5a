"""PDF files through pdfplumber: the program's table from its ruling lines, or from its words' columns.

Cells come from the table's ruling lines; a table drawn without rulings falls back to columns
found from the gutters no word crosses. Inside a cell, words become lines by their height on
the page and lines become paragraphs where a gap opens (paragraph spacing) or where the
first word of a line would have fitted on the line above (so the line above ended its
paragraph rather than wrapped). Each paragraph keeps its vertical position on the page, which
is how side entries find their items when the counts alone do not settle it.
"""
from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

import pdfplumber

from lichsync import vocab
from lichsync.errors import InputError
from lichsync.readers.doctable import Cell, GridRow, build, header_roles, join_lines
from lichsync.readers.rows import BLOCK, LINE, WRAP, Piece, Table

PAGE_SPAN = 10_000  # positions of page n start at n * PAGE_SPAN, so they grow down the document


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_width: float  # width of its first word: would it have fitted on the line above?
    space: float


def _lines(words: list[dict]) -> list[Line]:
    """Words into lines by their height on the page."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 0.4 * (w["bottom"] - w["top"]):
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w["x0"])
        size = ws[0]["bottom"] - ws[0]["top"]
        out.append(Line(" ".join(w["text"] for w in ws), ws[0]["x0"], ws[-1]["x1"], min(w["top"] for w in ws),
                        max(w["bottom"] for w in ws), ws[0]["x1"] - ws[0]["x0"], 0.3 * size))
    return out


def _sep(above: Line | None, line: Line, right: float) -> float:
    """How the document separates `line` from the line above it in the same cell."""
    if above is None:
        return LINE
    size = max(1.0, above.bottom - above.top)
    gap = line.top - above.bottom
    if gap > 1.0 * size:
        return BLOCK  # an empty paragraph between them
    if gap > 0.3 * size or above.x1 + above.space + line.first_width < right - 1:
        return LINE
    if vocab.BULLET_RE.match(line.text) or vocab.SESSION_RE.match(line.text):
        return LINE
    return WRAP


def _paragraphs(lines: list[Line], right: float, page: int, first_sep: float | None = None) -> list[Piece]:
    """A cell's lines into paragraphs; wrapped lines join the paragraph they continue."""
    pieces: list[Piece] = []
    above = None
    for line in lines:
        sep = _sep(above, line, right) if above or first_sep is None else first_sep
        if sep == WRAP and pieces:
            last = pieces[-1]
            pieces[-1] = Piece(join_lines(last.text, line.text), last.line, last.sep, last.pos)
        else:
            pieces.append(Piece(line.text, 0, sep, page * PAGE_SPAN + int(line.top)))
        above = line
    return pieces


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


class _Reader:
    """Pages into one grid of rows, remembering how each column's last line on a page ended."""

    def __init__(self) -> None:
        self.grid: list[GridRow] = []
        self.outside: list[str] = []  # heading, signature: text outside the table
        self.ends: dict[int, tuple[Line, float]] = {}  # column → (last line, right edge) on the page before

    def add_rows(self, page: int, rows: list[list[tuple[list[Line], float] | None]]) -> None:
        first_data = True
        for cells in rows:
            row_is_header = False
            grid_cells = []
            for col, cell in enumerate(cells):
                if cell is None:
                    grid_cells.append(Cell(merged=True))
                    continue
                lines, right = cell
                first_sep = None
                if first_data and page and col in self.ends and lines:
                    last, last_right = self.ends[col]
                    # Widow and orphan control moves lines to the next page early, so a lowercase
                    # start continues the paragraph even where its first word would have fitted.
                    fits = last.x1 + last.space + lines[0].first_width < last_right - 1
                    opens = vocab.BULLET_RE.match(lines[0].text) or vocab.SESSION_RE.match(lines[0].text)
                    first_sep = WRAP if lines[0].text[:1].islower() or not (fits or opens) else LINE
                grid_cells.append(Cell(_paragraphs(lines, right, page, first_sep)))
            grow = GridRow(grid_cells)
            row_is_header = header_roles(grow) is not None
            if not row_is_header:
                grow.continues = first_data and page > 0
                first_data = False
            self.grid.append(grow)
            for col, cell in enumerate(cells):
                if cell and cell[0] and not row_is_header:
                    self.ends[col] = (cell[0][-1], cell[1])


def _ruled_rows(page, words: list[dict]) -> tuple[list, list[dict]] | None:
    """Rows of the page's ruled tables as (lines, right edge) per cell; the words left outside."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]
    if not tables:
        return None
    rows, used = [], set()
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        columns: dict[int, list[dict]] = {}
        for row in table.rows:
            for col, box in enumerate(row.cells):
                if box:
                    columns.setdefault(col, []).extend(w for w in words if _inside(w, box))
        right = {col: max((w["x1"] for w in ws), default=0) for col, ws in columns.items()}
        for row in table.rows:
            cells = []
            for col, box in enumerate(row.cells):
                if box is None:
                    cells.append(None)
                    continue
                inside = [w for w in words if _inside(w, box)]
                used.update(id(w) for w in inside)
                cells.append((_lines(inside), min(right.get(col, box[2]), box[2])))
            rows.append(cells)
    return rows, [w for w in words if id(w) not in used]


def _gutter_columns(words: list[dict], width: float) -> list[tuple[float, float]]:
    """Column extents of a table drawn without rulings: x ranges that no word crosses cut it."""
    covered = [0] * (int(width) + 2)
    for w in words:
        for x in range(int(w["x0"]), int(w["x1"]) + 1):
            covered[x] += 1
    columns, start = [], None
    for x, n in enumerate(covered):
        if n and start is None:
            start = x
        elif not n and start is not None:
            if columns and x - start < 0 and False:
                pass
            columns.append((start, x))
            start = None
    # Gaps narrower than a few spaces are between words, not columns.
    merged: list[list[float]] = []
    for a, b in columns:
        if merged and a - merged[-1][1] < 8:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


DAY_START_RE = re.compile(r"^\d{1,2}(?:\s*[-–]\s*\d{1,2})?$")


def _unruled_rows(page, words: list[dict]) -> tuple[list, list[dict]] | None:
    """Rows of a table without rulings: columns from gutters below the header, a row per day."""
    lines = _lines(words)
    header = next((k for k, ln in enumerate(lines) if re.match(r"^\s*(?:(?:thứ|tt|stt)\s*[,/]?\s*)?ngày\b", ln.text, re.I)
                   and re.search(r"nội\s+dung|công\s+việc", " ".join(x.text for x in lines[k : k + 3]), re.I)), None)
    top = lines[header].top - 1 if header is not None else 0
    body = [w for w in words if w["top"] >= top]
    if not body:
        return None
    columns = _gutter_columns(body, float(page.width))
    if len(columns) < 2:
        return None
    bands: list[list[dict]] = []
    by_line = _lines(body)
    starts = [ln.top for k, ln in enumerate(by_line) if k == 0 or (
        ln.x0 < columns[0][1] and DAY_START_RE.match(ln.text.split()[0]) and ln.x0 <= columns[0][1])]
    if header is not None:
        # The header band ends where the first day starts.
        starts = [starts[0]] + [s for s in starts[1:]]
    edges = starts + [float(page.height) + 1]
    rows = []
    for a, b in zip(edges, edges[1:]):
        band = [w for w in body if a - 0.5 <= w["top"] < b - 0.5]
        bands.append(band)
        cells = []
        for x0, x1 in columns:
            inside = [w for w in band if x0 - 0.5 <= (w["x0"] + w["x1"]) / 2 <= x1 + 0.5]
            cells.append((_lines(inside), x1))
        rows.append(cells)
    return rows, [w for w in words if w["top"] < top]


def read(data: bytes, source: str, max_pages: int = 200) -> tuple[str, Table]:
    """(text outside the table, table) of a PDF program."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises many types for damaged or locked files
        raise InputError(source, _open_problem(exc)) from None
    with pdf:
        if len(pages) > max_pages:
            raise InputError(source, f"the PDF has {len(pages)} pages, over the limit of {max_pages} (LICHSYNC_MAX_PAGES)")
        try:
            reader = _read_pages(pages, source)
        except InputError:
            raise
        except Exception as exc:
            raise InputError(source, f"{_open_problem(exc)}: {type(exc).__name__}") from None
    _number(reader.grid, len(reader.outside))
    table = build(reader.grid)
    if table is None:
        raise InputError(source, "no schedule table in the PDF (no header row with Ngày and Nội dung)")
    return "\n".join(reader.outside), table


def _read_pages(pages, source: str) -> _Reader:
    pages_words = [page.extract_words(x_tolerance=1.5, y_tolerance=2) for page in pages]
    if not any(pages_words):
        if any(page.images for page in pages):
            raise InputError(source, "no text layer — looks like a scan (run OCR first, e.g. ocrmypdf)")
        raise InputError(source, "the PDF has no text")
    ruled = [_ruled_rows(page, words) for page, words in zip(pages, pages_words)]
    reader = _Reader()
    for k, (page, words) in enumerate(zip(pages, pages_words)):
        found = ruled[k] if any(ruled) else _unruled_rows(page, words)
        rows, outside = found if found else ([], words)
        reader.outside += [ln.text for ln in _lines(outside)]
        reader.add_rows(k, rows)
    return reader


def _number(grid: list[GridRow], start: int) -> None:
    """Line numbers for warnings: the cells' paragraphs counted in reading order after the heading."""
    no = start
    for row in grid:
        for cell in row.cells:
            for k, p in enumerate(cell.pieces):
                no += 1
                cell.pieces[k] = Piece(p.text, no, p.sep, p.pos)


def _open_problem(exc: Exception) -> str:
    text = f"{type(exc).__name__} {exc}".lower()
    if "password" in text or "encrypt" in text:
        return "the PDF is encrypted (password protected); save an unprotected copy"
    return "not a readable PDF (truncated or damaged)"
