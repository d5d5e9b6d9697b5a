"""PDF files (read by pdfpage, on pypdfium2): the program's table from its ruling lines, or from its words' columns.

Cells come from the table's ruling lines; a table drawn without rulings falls back to columns
found from the gutters no word crosses. Inside a cell, words become lines by their height on
the page and lines become paragraphs where a gap opens (paragraph spacing) or where the
first word of a line would have fitted on the line above (so the line above ended its
paragraph rather than wrapped). Each paragraph keeps its vertical position on the page, which
is how side entries find their items when the counts alone do not settle it.
"""
from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import NamedTuple

from lichsync.errors import InputError, NoTextLayer
from lichsync.parse import items, vocab
from lichsync.parse.document import Cell, Document, Grid, GridRow
from lichsync.parse.header import HEADER_START_RE
from lichsync.parse.rows import BLOCK, LINE, WRAP, Piece
from lichsync.parse.table import NUMBER_TAIL_RE, is_header_row, join_lines, joined_rows
from lichsync.parse.text import collapse
from lichsync.read import pdfpage, rulings
from lichsync.read.pdfpage import Word

MAX_CHARS = 1_500_000  # some 400 pages of a dense program; 200 pages of 24 000 words would cost minutes
PAGE_SPAN = 10_000  # positions of page n start at n * PAGE_SPAN, so they grow down the document
TEXT, X0, X1, TOP, BOTTOM = attrgetter("text"), attrgetter("x0"), attrgetter("x1"), attrgetter("top"), attrgetter("bottom")
DASH_LOWER_RE = re.compile(rf"[-–]\s*[{vocab.LOWER}]")  # "kinh tế" / "- xã hội": a dash before a lower-case word is no bullet


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_width: float  # width of its first word: would it have fitted on the line above?
    space: float


Rows = list[list[tuple[list[Line], float] | None]]  # cells of (lines, right edge); None under a vertical merge
Scan = Callable[[list[int]], dict[int, tuple[Rows, list[Line]]]]  # page numbers → each page's rows, other lines


def _lines(words: list[Word]) -> list[Line]:
    """Words into lines by their height on the page: in order of rounded top, a word joins the
    line whose first word's top is within 0.4 of the word's height of its own."""
    groups: list[list[Word]] = []
    top = 0.0
    for w in sorted(words, key=_top_then_left):
        if groups and abs(w.top - top) <= 0.4 * (w.bottom - w.top):
            groups[-1].append(w)
        else:
            groups.append([w])
            top = w.top
    lines = []
    for ws in groups:
        first = ws[0]
        if len(ws) > 1:
            ws.sort(key=X0)
            first = ws[0]
            text = " ".join([w.text for w in ws])
            lines.append(Line(text, first.x0, ws[-1].x1, min(map(TOP, ws)), max(map(BOTTOM, ws)), first.x1 - first.x0,
                              0.3 * (first.bottom - first.top)))
        else:  # a line of one word, the commonest in a narrow cell
            lines.append(Line(first.text, first.x0, first.x1, first.top, first.bottom, first.x1 - first.x0,
                              0.3 * (first.bottom - first.top)))
    return _normal(lines)


def _top_then_left(w: Word) -> tuple[int, float]:
    return round(w.top), w.x0


def _normal(lines: list[Line]) -> list[Line]:
    """Lines of words normalised on their page (read/pdfpage.py): words hold no space, so only a
    word normalize emptied leaves a run of spaces to collapse."""
    for line in lines:
        t = line.text
        if "  " in t or t[:1] == " " or t[-1:] == " ":
            line.text = collapse(t)
    return lines


def _sep(above: Line | None, line: Line, right: float, wrap_gap: float = 0.0) -> float:
    """How the document separates `line` from the line above it in the same cell, given the
    gap the page leaves between wrapped lines (line spacing differs from one document to another)."""
    if above is None:
        return LINE
    size = max(1.0, above.bottom - above.top)
    gap = line.top - above.bottom - wrap_gap
    if gap > 1.0 * size:
        return BLOCK  # an empty paragraph between them
    if gap > 0.25 * size:
        return LINE
    if items.range_goes_on(above.text, line.text) or DASH_LOWER_RE.match(line.text) or NUMBER_TAIL_RE.match(line.text):
        return WRAP  # "giai đoạn 2021" / "- 2025", "23/2021/QĐ" / "-TTg", "kinh tế" / "- xã hội": no bullet
    if items.number_goes_on(line.text) and not items.SENTENCE_END_RE.search(above.text):
        return WRAP  # "Nhà văn hóa thôn" / "5", "P. họp 1 tầng" / "3. Chủ trì: …"
    if vocab.ends_with_connector(above.text) and not (vocab.BULLET_RE.match(line.text) or vocab.SESSION_RE.match(line.text)):
        return WRAP  # "nhiệm kỳ 2023 -" / "2028": a line ending mid-phrase goes on, however short the next
    if above.x1 + above.space + line.first_width < right - 1:
        return LINE
    if vocab.BULLET_RE.match(line.text) or vocab.SESSION_RE.match(line.text):
        return LINE
    return WRAP


def _wrap_gap(cells: list[list[Line]]) -> float:
    """The gap between wrapped lines on a page: the common small one among lines in cells."""
    gaps = sorted(b.top - a.bottom for lines in cells for a, b in zip(lines, lines[1:], strict=False) if b.top > a.bottom - 1)
    return max(0.0, gaps[len(gaps) // 5]) if gaps else 0.0


def _paragraphs(lines: list[Line], right: float, page: int, first_sep: float | None, wrap_gap: float,
                carried: str = "") -> list[Piece]:
    """A cell's lines into paragraphs; wrapped lines join the paragraph they continue. `carried`: the
    text the first paragraph goes on from, at the foot of the page before."""
    pieces: list[Piece] = []
    above = None
    for line in lines:
        sep = _sep(above, line, right, wrap_gap) if above or first_sep is None else first_sep
        if pieces and sep == LINE and _open_bracket((carried if len(pieces) == 1 else "") + pieces[-1].text):
            sep = WRAP  # "(Ban Quản lý dự án, Phòng Tài chính" / "- Kế hoạch chuẩn bị)": no paragraph ends inside brackets
        if sep == WRAP and pieces:
            last = pieces[-1]
            pieces[-1] = Piece(join_lines(last.text, line.text), last.line, last.sep, last.pos)
        else:
            pieces.append(Piece(line.text, 0, sep, page * PAGE_SPAN + int(line.top)))
        above = line
    return pieces


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


def _in_cells(words: list[Word], boxes: list[tuple[float, float, float, float]]) -> list[list[Word]]:
    """The words whose centre lies in each box, in order down the page: each box looks only at the
    words whose centre is within its height (its row's), found by bisection, not at every word of the page."""
    centres = sorted([((w.top + w.bottom) / 2, (w.x0 + w.x1) / 2, w) for w in words], key=itemgetter(0))
    ys = [c[0] for c in centres]
    return [[w for _, x, w in centres[bisect_left(ys, top) : bisect_right(ys, bottom)] if left <= x <= right]
            for left, top, right, bottom in boxes]


class _Reader:
    """Pages into one grid of rows, remembering how each column's last line on a page ended and where text
    parts one table from the next."""

    def __init__(self) -> None:
        self.grid: list[GridRow] = []
        self.outside: list[str] = []  # heading, signature: text outside the table
        self.ends: dict[int, tuple[Line, float, str]] = {}  # column → (last line, right edge, last paragraph) on the page before
        self.tables: list[tuple[int, str]] = []  # (first row, text above) of each table with text between it and the one before
        self.text_after = False  # text follows the last table read: the next table, on this page or the next, is another

    def add_page(self, page: int, ruled: Ruled, lines: list[Line]) -> None:
        """A page's ruled rows and the text outside them. A table that text parts from the table before it
        (a day's heading between a table per day) starts a table of its own, whose text above it is kept
        as Word and web pages keep theirs; a table going on from the page before, with nothing between, does not."""
        outside, start, bottom = list(self.outside), len(self.grid), -math.inf
        self.add_rows(page, ruled.rows)
        joined = start + len(ruled.rows) - len(self.grid)  # a header's rest the first row was: no row of its own
        middle = [((ln.top + ln.bottom) / 2, ln.text) for ln in lines]
        for k, (count, top, low) in enumerate(ruled.tables):
            if self.text_after or any(bottom <= y < top for y, _ in middle):
                self.tables.append((start, "\n".join([*outside, *(text for y, text in middle if y < top)])))
            start, bottom, self.text_after = start + count - (joined if k == 0 else 0), low, False
        self.text_after = any(y >= bottom for y, _ in middle) if ruled.tables else self.text_after or bool(lines)
        self.outside += [ln.text for ln in lines]

    def grids(self) -> list[Grid]:
        """The pages' one grid of rows; where text parts its tables, each table too, with the text above it."""
        if len(self.tables) < 2:  # one table: the text above it is where it starts
            above = self.tables[0][1] if self.tables and self.tables[0][0] == 0 else ""
            return [Grid(self.grid, above=above, kind="PDF table")] if self.grid else []
        whole = [Grid(self.grid, kind="PDF table")]
        ends = [start for start, _ in self.tables[1:]] + [len(self.grid)]
        return whole + [Grid(_opening(self.grid[start:end]), above=above, kind="PDF table")
                        for (start, above), end in zip(self.tables, ends, strict=True)]

    def add_rows(self, page: int, rows: list[list[tuple[list[Line], float] | None]]) -> None:
        """A page's rows. Whether a row is a header matters only until the first row that is not and,
        for the lines a column ends with, from the bottom up: only those rows are asked."""
        wrap_gap = _wrap_gap([cell[0] for cells in rows for cell in cells if cell])
        grid: list[GridRow] = []
        is_header = functools.cache(lambda k: is_header_row(grid[k]))
        first_data = True
        for cells in rows:
            grid.append(GridRow([self._cell(page, col, cell, first_data, wrap_gap) for col, cell in enumerate(cells)]))
            if first_data and not is_header(len(grid) - 1):
                grid[-1].continues = page > 0
                first_data = False
        for col in range(max(map(len, rows), default=0)):
            for k in reversed(range(len(rows))):
                cell = rows[k][col] if col < len(rows[k]) else None
                if cell and cell[0] and not is_header(k):
                    pieces = grid[k].cells[col].pieces
                    self.ends[col] = (cell[0][-1], cell[1], pieces[-1].text if pieces else "")
                    break
        if (grid and self.grid and grid[0].continues and len(grid[0].cells) == len(self.grid[-1].cells) and _fragments(grid[0])
                and not is_header(0) and is_header_row(self.grid[-1])):
            self.grid[-1] = joined_rows(self.grid[-1], grid[0])
            grid = grid[1:]  # the header the page cut ("Đơn vị chuẩn" / "bị"): its rest is no row's
        self.grid += grid

    def _cell(self, page: int, col: int, cell: tuple[list[Line], float] | None, first_data: bool, wrap_gap: float) -> Cell:
        """A cell's paragraphs: on a page's first data row, the first may go on with the column's last one on the page before."""
        if cell is None:
            return Cell(merged=True)
        lines, right = cell
        first_sep = None
        if first_data and page and col in self.ends and lines:
            last, last_right, paragraph = self.ends[col]
            # Widow and orphan control moves lines to the next page early, so a lowercase
            # start continues the paragraph even where its first word would have fitted.
            fits = last.x1 + last.space + lines[0].first_width < last_right - 1
            opens = (vocab.BULLET_RE.match(lines[0].text) or vocab.SESSION_RE.match(lines[0].text)
                     or vocab.LEADING_TIME_RE.match(lines[0].text))
            first_sep = WRAP if lines[0].text[:1].islower() or not (fits or opens) else LINE
            carried = paragraph if first_sep == WRAP else ""
            return Cell(tuple(_paragraphs(lines, right, page, first_sep, wrap_gap, carried)))
        return Cell(tuple(_paragraphs(lines, right, page, first_sep, wrap_gap)))


class Ruled(NamedTuple):
    """A page's ruled tables read: their rows, the words outside them, and where each table lies."""

    rows: Rows
    outside: list[Word]  # the words no cell holds
    tables: list[tuple[int, float, float]]  # each table's rows (how many of `rows`), top and bottom on the page


def _fragments(row: GridRow) -> bool:
    """A row of a word or two in some of its cells: a wrapped header's last line, not a row of items."""
    written = [c.text for c in row.cells if c.text]
    return bool(written) and len(written) < len(row.cells) and all(len(t.split()) <= 2 for t in written)


def _opening(rows: list[GridRow]) -> list[GridRow]:
    """A table's rows, its first below the header going on with nothing above it (the page before ended another table)."""
    first = next((k for k, row in enumerate(rows) if not is_header_row(row)), len(rows))
    return [GridRow(row.cells, row.continues and k > first) for k, row in enumerate(rows)]


def _ruled_rows(tables: list[rulings.Rows], words: list[Word], continued: bool, goes_on: bool = False) -> Ruled | None:
    """Rows of the page's ruled tables as (lines, right edge) per cell; the words left outside.
    On a page that continues the table of the page before, its first row may lack a top ruling."""
    # One row is a table only where it goes on with the page before (the week's last row alone on a page) or
    # on the next page (a header the page's foot kept apart from the first row it had no room for).
    grids = [list(grid) for k, grid in enumerate(tables)
             if (len(grid) >= 2 or continued or goes_on and k == len(tables) - 1) and max(map(len, grid)) >= 2]  # copies: rows are added
    if not grids:
        return None
    boxes = [box for grid in grids for cells in grid for box in cells if box]
    held = _in_cells(words, boxes)
    inside = iter(held)
    rows, used = [], set[Word]()
    assigned = {w for ws in held for w in ws}
    loose = [w for w in words if w not in assigned]
    spans = []
    for k, grid in enumerate(grids):
        found = [[next(inside) if box else None for box in cells] for cells in grid]
        grid = _adopt_orphans(grid, found, loose)
        _add_cut_rows(grid, found, loose, continued and k == 0, k == len(grids) - 1)
        spans.append((len(grid), min(b[1] for cells in grid for b in cells if b), max(b[3] for cells in grid for b in cells if b)))
        right: dict[int, float] = {}
        for cells in found:
            for col, ws in enumerate(cells):
                if ws:
                    right[col] = max(right.get(col, 0), max(map(X1, ws)))
                elif ws is not None:
                    right.setdefault(col, 0)
        for cells, boxes_of_row in zip(found, grid, strict=True):
            row: list[tuple[list[Line], float] | None] = []
            for col, (ws, box) in enumerate(zip(cells, boxes_of_row, strict=True)):
                if box is None:
                    row.append(None)
                    continue
                assert ws is not None  # a cell box holds its words
                used.update(ws)
                row.append((_lines(ws), min(right.get(col, box[2]), box[2])))
            rows.append(row)
    return Ruled(rows, [w for w in words if w not in used], spans)


def _add_cut_rows(grid: list[list], found: list[list], loose: list[Word], first: bool, last: bool) -> None:
    """Rows the page break cut: the last row's bottom ruling is on the next page and the next page's
    first row has no top ruling, so no cell box holds them. Words right under (or above) the table,
    within its columns, in two or more of them, form that row's cells."""
    width = max((len(cells) for cells in grid), default=0)
    spans = [next(((b[0], b[2]) for cells in grid if c < len(cells) and (b := cells[c])), None) for c in range(width)]
    if not grid or None in spans:
        return
    columns: list[tuple[float, float]] = spans  # type: ignore[assignment]
    inside = [w for w in loose if columns[0][0] <= (w.x0 + w.x1) / 2 <= columns[-1][1]]
    if last:
        bottom = max(box[3] for cells in grid for box in cells if box)
        row = _adjacent(sorted((w for w in inside if w.top >= bottom - 1), key=lambda w: w.top), bottom, 1)
        _append_row(grid, found, row, columns, len(grid))
    if first and not _header(found[0]):  # above a header row is no row's rest: a day's heading over its own table
        top = min(box[1] for cells in grid for box in cells if box)
        row = _adjacent(sorted((w for w in inside if w.bottom <= top + 1), key=lambda w: -w.bottom), top, -1)
        _append_row(grid, found, row, columns, 0)


def _runs_across(row: list[Word], columns: list[tuple[float, float]]) -> bool:
    """A line that runs on over a column's edge ("Thứ Sáu, ngày 16/10/2026" under a table per day): a word lies
    across the edge, or the words either side of it are a space apart, no wider than the line's other spaces.
    Cells a page cut keep their words inside their columns, padded apart."""
    edges = [b for _, b in columns[:-1]]
    if any(w.x0 + 1 < e < w.x1 - 1 for w in row for e in edges):
        return True
    line = sorted(row, key=lambda w: (round(w.top), w.x0))
    pairs = [(a, b) for a, b in zip(line, line[1:], strict=False) if abs(a.top - b.top) < 1]
    split = [any(a.x0 + a.x1 < 2 * e < b.x0 + b.x1 for e in edges) for a, b in pairs]  # an edge between their middles
    across = [b.x0 - a.x1 for (a, b), cut in zip(pairs, split, strict=True) if cut]
    spaces = sorted(b.x0 - a.x1 for (a, b), cut in zip(pairs, split, strict=True) if not cut)
    return bool(across and spaces) and min(across) <= 1.3 * spaces[len(spaces) // 2]


def _header(cells: list[list[Word] | None]) -> bool:
    """Whether a row's words, cell by cell, read as a header row."""
    return is_header_row(GridRow([Cell((Piece(" ".join(w.text for w in ws), 0, BLOCK),)) for ws in cells if ws]))


def _adjacent(words: list[Word], edge: float, direction: int) -> list[Word]:
    """The words of a block starting at `edge` (downwards or upwards), up to the first gap wider than a line."""
    row: list[Word] = []
    for w in words:
        size = w.bottom - w.top
        near = (w.top - (row[-1].bottom if row else edge)) if direction > 0 else ((row[-1].top if row else edge) - w.bottom)
        if near > 1.5 * size:
            break
        row.append(w)
    return row


def _cell_rest(cells: list[list[Word]]) -> bool:
    """One cell's last lines carried over the page ("Đ/c Nguyễn" / "Hoàng Giang - GĐ Sở" above the
    table's first ruling): words in a column after the first, not a running title in capitals."""
    text = " ".join(w.text for ws in cells for w in ws)
    return not cells[0] and sum(map(bool, cells)) == 1 and not text.isupper()


def _append_row(grid: list[list], found: list[list], row: list[Word], columns: list[tuple[float, float]], at: int) -> None:
    if row:
        first = min(w.top for w in row)
        opening = " ".join(w.text for w in sorted((w for w in row if w.top <= first + 2), key=lambda w: w.x0))
        if vocab.TRAILER_RE.match(opening.lstrip("*_ ")):
            return  # "Nơi nhận:" / "KT. GIÁM ĐỐC" under the table: the signature, not a row
    cells = [[w for w in row if a - 1 <= (w.x0 + w.x1) / 2 <= b + 1] for a, b in columns]
    if sum(map(bool, cells)) < 2 and not (at == 0 and _cell_rest(cells)) or _runs_across(row, columns):
        return
    top, low = min(w.top for w in row), max(w.bottom for w in row)
    grid.insert(at, [(a, top, b, low) for a, b in columns])
    found.insert(at, cells)


def _adopt_orphans(grid: list[list], found: list[list], loose: list[Word]) -> list[list]:
    """Words inside a table that no cell box holds: the text of a cell spanning rows whose box the
    rulings did not close (a day written once, centred in its rowspan). They become that cell, at
    the first row of the gap under the column's last box. Returns the grid with the boxes added."""
    if not grid or not loose:
        return grid
    grid = [list(cells) for cells in grid]
    columns = {c: (box[0], box[2]) for cells in grid for c, box in enumerate(cells) if box}
    bands = [min(((box[1], box[3]) for box in cells if box), key=lambda b: b[1] - b[0], default=None) for cells in grid]
    top, bottom = min(b[0] for b in bands if b), max(b[1] for b in bands if b)
    for w in sorted(loose, key=lambda w: (w.top, w.x0)):
        x, y = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if not top <= y <= bottom:
            continue  # the heading above the table, the signature below it: most loose words
        col = next((c for c, (a, b) in columns.items() if a <= x <= b), None)
        if col is None:
            continue
        above = max((box[3] for cells in grid for c, box in enumerate(cells) if c == col and box and box[3] <= y + 1),
                    default=top)
        start = next((r for r, b in enumerate(bands) if b and b[0] >= above - 1), None)
        if start is None:
            continue
        if found[start][col] is None:
            found[start][col] = []
            a, b = columns[col]
            band = bands[start]
            assert band is not None  # start is a row with a band
            grid[start][col] = (a, band[0], b, band[1])
        found[start][col].append(w)
    return grid


def _gutters(words: list[Word]) -> list[list[float]]:
    """x ranges of a table drawn without rulings that words fill, between gutters no word crosses."""
    spans: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if spans and w.x0 <= spans[-1][1] + 4:  # closer than a wide space: the same column
            spans[-1][1] = max(spans[-1][1], w.x1)
        else:
            spans.append([w.x0, w.x1])
    return spans


def _unruled_rows(words: list[Word], columns: list[list[float]] | None) -> tuple[list, list[Word], list[list[float]] | None]:
    """Rows of a table without rulings: columns from the gutters below the header (or the page
    before), a row wherever the day column starts a day. Also returns the columns for the next page."""
    lines = _lines(words)
    k = next((k for k, ln in enumerate(lines) if HEADER_START_RE.match(ln.text)
              and re.search(r"nội\s+dung|công\s+việc", " ".join(x.text for x in lines[k : k + 3]), re.I)), None)
    top = lines[k].top - 1 if k is not None else (0 if columns else None)
    if top is None:
        return [], words, columns
    end = next((ln.top - 1 for ln in lines if ln.top > top and vocab.TRAILER_RE.match(ln.text)), math.inf)
    body = [w for w in words if top <= w.top < end]
    if k is not None:
        spans = _gutters(body)
        band = lines[k].bottom + 2 * (lines[k].bottom - lines[k].top)  # the header row, roughly
        heads = [[w for w in body if w.top <= band and a <= (w.x0 + w.x1) / 2 <= b] for a, b in spans]
        columns = []
        for span, head in zip(spans, heads, strict=True):
            if head or not columns:
                columns.append(list(span))
            else:
                columns[-1][1] = span[1]  # no header word above it: part of the column on its left
    if not columns or len(columns) < 2:
        return [], words, columns
    starts = _row_starts(body, columns, heads if k is not None else None)
    edges = [top] + ([_header_bottom(lines[k:], columns)] if k is not None else [])
    edges += [s - 0.5 for s in starts if s > edges[-1]] + [min(end, max(w.bottom for w in body) + 1)]
    rows = []
    for a, b in zip(edges, edges[1:], strict=False):
        in_band = [w for w in body if a <= w.top < b]
        rows.append([(_lines([w for w in in_band if x0 - 2 <= (w.x0 + w.x1) / 2 <= x1 + 2]), x1) for x0, x1 in columns])
    return rows, [w for w in words if not (top <= w.top < end)], columns


def _header_bottom(lines: list[Line], columns: list[list[float]]) -> float:
    """Where a header row without rulings ends: its wrapped names ("Đơn vị chuẩn / bị") follow
    closely and stay out of the content column, the widest one; the row below does not."""
    content = max(columns, key=lambda c: c[1] - c[0])
    bottom = lines[0].bottom
    for above, line in zip(lines, lines[1:], strict=False):
        in_content = line.x0 < content[1] and line.x1 > content[0]
        if in_content or line.top - above.bottom > 0.5 * (above.bottom - above.top):
            break
        bottom = line.bottom
    return bottom + 0.5


DAY_START_RE = re.compile(r"^\d{1,2}(?:\s*[-–]\s*\d{1,2})?\b")
WEEKDAY_START_RE = re.compile(rf"^{vocab.WEEKDAY}\b", re.IGNORECASE)
TIME_START_RE = re.compile(rf"^\(?{vocab.CLOCK}|^(?:buổi\s+)?(?:sáng|chiều|tối|cả\s+ngày)\b", re.IGNORECASE)


def _row_starts(body: list[Word], columns: list[list[float]], heads: list[list[Word]] | None) -> list[float]:
    """Where rows of a table without rulings start: at a day in the day column ("05", "Thứ Hai"
    with its date on the next line), and, in a weekly table, at a time in the time column."""
    first = columns[0]
    day_lines = _lines([w for w in body if w.x1 <= first[1] + 1])
    starts: list[float] = []
    for above, line in zip([None, *day_lines], day_lines, strict=False):
        if not (DAY_START_RE.match(line.text) or WEEKDAY_START_RE.match(line.text)):
            continue
        follows_weekday = above is not None and WEEKDAY_START_RE.match(above.text) and not DAY_START_RE.search(above.text)
        if above is not None and above.text.rstrip().endswith(("-", "–")) and line.top - above.bottom < (above.bottom - above.top):
            continue  # "16 -" / "17": one day span on two lines
        if follows_weekday and above is not None and line.top - above.bottom < (above.bottom - above.top):
            continue  # "Thứ Hai" / "14/7": one day cell on two lines
        starts.append(line.top)
    time_col = next((c for c, head in zip(columns, heads or [], strict=False) if re.search(r"thời\s+gian|giờ|buổi", " ".join(w.text for w in head), re.I)), None)
    if time_col is not None:
        starts += [ln.top for ln in _lines([w for w in body if time_col[0] - 2 <= (w.x0 + w.x1) / 2 <= time_col[1] + 2])
                   if TIME_START_RE.match(ln.text)]
    starts.sort()
    return [s for n, s in enumerate(starts) if n == 0 or s - starts[n - 1] > 1]


def read(data: bytes, source: str, max_pages: int = 200, scan: Scan | None = None) -> Document:
    """The text outside a PDF program's table, and the table's grid of cells; `scan` reads the pages
    without a text layer among pages with one (read.ocr)."""
    try:
        pdf = pdfpage.open_pdf(data)
    except Exception as exc:  # pdfium's PdfiumError names damaged and locked files alike
        raise InputError(source, _open_problem(exc)) from None
    try:
        if len(pdf) > max_pages:
            raise InputError(source, f"the PDF has {len(pdf)} pages, over the limit of {max_pages} (LICHSYNC_MAX_PAGES)")
        try:
            reader = _read_pages(list(pdfpage.pages(pdf, MAX_CHARS)), source, scan)
        except pdfpage.TooMuchText:
            raise InputError(source, f"the PDF holds more text than a work program (over {MAX_CHARS:,} characters)") from None
        except InputError:
            raise
        except Exception as exc:
            raise InputError(source, f"{_open_problem(exc)}: {type(exc).__name__}") from None
    finally:
        pdf.close()
    _number(reader.grid, len(reader.outside))
    return Document(reader.outside, reader.grids(), layout="PDF")


def _read_pages(pages: list[pdfpage.Page], source: str, scan: Scan | None = None) -> _Reader:
    pages_words = [page.words for page in pages]
    if not any(pages_words):
        if any(page.images for page in pages):
            raise NoTextLayer(source, "no text layer — looks like a scan")
        raise InputError(source, "the PDF has no text")
    blank = [k for k, page in enumerate(pages) if not page.words and page.images]
    scans = scan(blank) if scan and blank else {}
    ruled = [_ruled_rows(page.tables, page.words, continued=k > 0, goes_on=k + 1 < len(pages) and bool(pages[k + 1].tables))
             for k, page in enumerate(pages)]
    reader = _Reader()
    columns = None
    for k, words in enumerate(pages_words):
        if k in scans:  # a scanned page among text pages
            rows, lines = scans[k]
        else:
            if any(ruled):
                page_ruled = ruled[k] or Ruled([], words, [])
                reader.add_page(k, page_ruled, [ln for ln in _lines(page_ruled.outside) if not vocab.PRINT_MARGIN_RE.match(ln.text)])
                continue
            rows, outside, columns = _unruled_rows(words, columns)
            lines = _lines(outside)
        reader.outside += [ln.text for ln in lines if not vocab.PRINT_MARGIN_RE.match(ln.text)]
        reader.add_rows(k, rows)
    return reader


def _number(grid: list[GridRow], start: int) -> None:
    """Line numbers for warnings: the cells' paragraphs counted in reading order after the heading."""
    no = start
    for row in grid:
        for cell in row.cells:  # a merged cell is numbered again where it appears again
            cell.pieces = tuple(Piece(p.text, no + k, p.sep, p.pos) for k, p in enumerate(cell.pieces, 1))
            no += len(cell.pieces)


def _open_problem(exc: Exception) -> str:
    text = f"{type(exc).__name__} {exc}".lower()
    if "password" in text or "encrypt" in text:
        return "the PDF is encrypted (password protected); save an unprotected copy"
    return "not a readable PDF (truncated or damaged)"
