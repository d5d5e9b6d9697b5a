"""From an extracted document to the program: every reading that applies, the one the evidence
favours, then its period and events (pure: a Document in, a Program out).

A document can often be read more than one way — a page's schedule table or the prose around
it, a tab text or its day headings. Each reading is a table of day rows; the best explains the
document: the most rows that are dated, hold an item, and fall in one period, with the fewest
problems. Readings that tie keep their order: a document's own tables first.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from lichsync.errors import InputError
from lichsync.parse import dayblocks, days, flow, heading, items, ocr_repair, parser, vocab
from lichsync.parse.document import Document, Grid
from lichsync.parse.model import Event, Period, Program, Warning
from lichsync.parse.rows import CONTENT, Piece, Row, Table
from lichsync.parse.table import rows_from_grid, tables_under_days

# A table is structure the document declares; day headings found in its text are inferred, and a page's
# date bar, news teasers or cited documents add a day or two to them: a table needs fewer days to win.
TABLE_WEIGHT = 1.5
WINDOW_DAYS = 40  # a week's or a month's days lie this close together; dates far off are cited, not scheduled


@dataclass
class Reading:
    layout: str
    table: Table
    heading: str  # the text above the table: where the title and the period are written
    grid: Grid | None = None


def read_program(doc: Document, source: str, month: int | None = None, year: int | None = None) -> Program:
    """The program a document holds, from the reading that explains it best."""
    readings = candidates(doc)
    best = choose(readings, doc.text)
    program = build(doc, best, source, month, year)
    if doc.scanned is not None:  # OCR: repair what the schedule makes checkable, mark every event
        program.events, warnings = ocr_repair.review(program.events, doc.scanned)
        program.warnings += warnings
    return program


def candidates(doc: Document) -> list[Reading]:
    """Every reading that applies: each table of the document (and its tables under day headings as one),
    then its text as tab rows or day blocks."""
    out = []
    joined = tables_under_days(doc.grids)
    for grid in doc.grids if joined is None else [*doc.grids, joined]:
        table = rows_from_grid(grid)
        if table is not None:
            out.append(Reading(grid.kind, table, grid.above or _title_rows(grid, table) or _heading(doc.lines), grid))
    table = dayblocks.read(list(enumerate(doc.lines, 1)))
    if table is not None and table.rows:
        out.append(Reading("day headings", table, "\n".join(doc.lines[: _first_row_line(table)])))
    return out


def _heading(lines: list[str]) -> str:
    """The text outside a table up to the week its title names: notes below the table may write dated
    ranges of their own ("từ ngày 04/6/2019 đến ngày 05/7/2019") that are not the program's period."""
    ranged = [k for k, line in enumerate(lines) if any(m.group("m1") for m in vocab.DATE_RANGE_RE.finditer(line))]
    if not ranged:
        return "\n".join(lines)
    end = ranged[0] + 1
    while end in ranged:  # "Tuần 20 (từ 12/5 …)" / "và Tuần 21 (… đến 25/5/2025)"
        end += 1
    return "\n".join(lines[:end])


def _title_rows(grid: Grid, table: Table) -> str:
    """The text of a grid's rows above its header: a scan's ruling can frame the title with the table."""
    cells = [c for row in grid.rows for c in dict.fromkeys(row.cells) if c.line is not None and c.line < table.header_line]
    return "".join(f"{c.text}\n" for c in cells)


def choose(readings: list[Reading], text: str) -> Reading | None:
    """The reading with the most dated item rows within one period, the fewest problems."""
    if not readings:
        return None
    found = heading.find_period(text)
    ctx = days.Context(found[0], found[1]) if found else days.Context(1, date.today().year)
    return max(readings, key=lambda r: (evidence(r.table, ctx) * (TABLE_WEIGHT if r.grid else 1), -readings.index(r)))


def evidence(table: Table, ctx: days.Context) -> int:
    """The days a reading dates and gives items, those far from the others' period left out, less
    its problems. Days, not rows: a table and its text flattened hold the same days, however
    differently they cut them into rows, and then the document's own table is the better reading."""
    dated: set = set()
    undated = set()
    for row in table.rows:
        if not row.cells.get(CONTENT):
            continue
        found = days.read_day(row.day or row.weekday or "", ctx)
        if isinstance(found, days.Days):
            dated.add(found.start)
        elif not row.day.strip() and row.weekday:
            undated.add(row.weekday.lower())
    known = sorted(dated)
    middle = known[len(known) // 2] if known else None
    inside = sum(1 for d in known if abs((d - middle).days) <= WINDOW_DAYS)
    return inside + len(undated) - len(table.problems)


def build(doc: Document, reading: Reading | None, source: str, month: int | None, year: int | None) -> Program:
    """The program from the chosen reading: its period first, then its events."""
    table = reading.table if reading else None
    heading_text = reading.heading if reading else doc.text
    raw = heading_text.split("\n") if reading and reading.grid else doc.lines
    text = "\n".join(raw)
    warnings: list[Warning] = []
    found = heading.find_period(text)
    title_line = text[: found[2]].count("\n") if found else None
    organization = heading.find_organization(raw, title_line) or heading.whose_schedule(raw)
    if organization is None and raw is not doc.lines:  # the signature below the table names the body too
        organization = heading.find_organization(doc.lines, None) or heading.whose_schedule(doc.lines)
    if table is not None and table.rows and _weekly(table) and not heading.month_titled(heading_text):
        period, warnings = week_period(table, heading_text, text, source, month, year)
    else:
        if month is None or year is None:
            if found is None and table is None:
                raise InputError(source, "no schedule found: no schedule table, no day headings, no month and year")
            if found is None:
                raise InputError(source, "no month and year found in the heading (give --month and --year)")
            month, year = month or found[0], year or found[1]
        if not (1 <= month <= 12 and 1 <= year <= 9999):
            raise InputError(source, f"{month}/{year} is not a month")
        period = Period(month=month, year=year)
        if table is None:
            # In a text layer, empty lines are mere line spacing; lines of blanks are the layout's gaps.
            layer = [(no, line.strip()) for no, line in enumerate(raw, 1) if line]
            table = flow.read(layer, calendar.monthrange(year, month)[1], after=title_line or 0)
            reading = Reading("text layer", table, text) if table is not None else None
    program = Program(source=source, period=period, organization=organization)
    program.layout = reading.layout if reading else None
    if table is None or not table.rows:
        raise InputError(source, "no schedule found: no schedule table, no day headings, no dated rows")
    program.events, found_warnings = parser.parse_table(table, period)
    program.warnings = warnings + found_warnings
    if reading is not None and reading.grid is not None:  # the text outside the table
        program.events += dated_notes(doc.lines, period, reading.grid)
    return program


MIN_CELL_TEXT = 20  # a cell's paragraph this long found in the page's text is the table's, not a note's


def dated_notes(lines: list[str], period: Period, grid: Grid | None = None) -> list[Event]:
    """Notes beside a schedule table that are events of the period: "* Đồng chí X – Chủ tịch: Tham gia
    Lớp … từ ngày 04/6/2019 đến ngày 05/7/2019." An item counts when it writes its own date range
    overlapping the period (not the period itself, which is the title's) and names who takes part;
    "Ghi chú: Lịch … có thể thay đổi", "Nơi nhận" and the heading do not, nor does the table's own text
    where a web page's text holds it (a paragraph holding a cell's paragraph of the `grid`)."""
    if not vocab.DATE_RANGE_RE.search(" ".join(lines)):
        return []  # no line writes a range, so no note does: the notes' reading is not needed
    table_text = {p.text for row in grid.rows for cell in row.cells for p in cell.pieces
                  if len(p.text) >= MIN_CELL_TEXT} if grid is not None else set()
    first = period.start or date(period.year, period.month, 1)
    last = period.end or date(period.year, period.month, calendar.monthrange(period.year, period.month)[1])
    paragraphs = items.join_wrapped([(line, no) for no, line in enumerate(lines, 1) if line.strip()])
    rows = []
    for item in items.parse_items([(text, no, None) for text, no in paragraphs if not any(t in text for t in table_text)]):
        span = _own_range(item.text, period.year)
        if span and span[0] <= last and span[1] >= first and span != (first, last):
            day = span[0]
            rows.append(Row(f"{day.day}/{day.month}/{day.year}", item.line, {CONTENT: [Piece(item.text, item.line)]}))
    events, _ = parser.parse_table(Table([CONTENT], rows, 0), period)
    return [e for e in events if e.officials]


def _own_range(text: str, year: int) -> tuple[date, date] | None:
    """The first and last day a "từ ngày 04/6/2019 đến ngày 05/7/2019" note writes in full (day and month each)."""
    for m in vocab.DATE_RANGE_RE.finditer(text):
        if not m.group("m1"):
            continue
        y2 = int(m.group("y2") or m.group("y1") or year)
        try:
            return date(int(m.group("y1") or y2), int(m.group("m1")), int(m.group("d1"))), date(y2, int(m.group("m2")), int(m.group("d2")))
        except ValueError:
            continue
    return None


def _weekly(table: Table) -> bool:
    """Rows dated day/month, or named by weekday alone: a week (monthly rows write the day's number only)."""
    dated = sum(days.has_date(row.day) for row in table.rows)
    return 2 * dated >= len(table.rows) or not any(re.search(r"\d", row.day) for row in table.rows)


def _first_row_line(table: Table) -> int:
    """Where the heading ends: the table's header, else its first row."""
    if not table.rows:
        return 40
    return max(1, (table.header_line or table.rows[0].line) - 1)


def week_period(
    table: Table, heading_text: str, text: str, source: str, month: int | None, year: int | None
) -> tuple[Period, list[Warning]]:
    """A weekly schedule's period: the week its title names, else its rows' first and last days.

    Rows that write no year get the title's, else the year their weekday names fit, preferring
    years the text names (a warning says so); --year overrides."""
    warnings: list[Warning] = []
    week = heading.find_week(heading_text, title=True) or heading.find_week(text)
    years = [int(y) for row in table.rows for y in re.findall(r"/(\d{4})\b", row.day)]
    if year is None:
        year = (week and (week[1][2] or week[0][2])) or (years[0] if years else None)
    if year is None and (titled := heading.find_period(heading_text)):
        year = titled[1]  # "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 12 NĂM 2023" over rows dated "01/12"
    if year is None:
        year = _infer_year(table, text, warnings)
    start = end = None
    if week:
        (d1, m1, y1), (d2, m2, y2) = week
        y2 = y2 or year
        y1 = y1 or (y2 - 1 if m1 > m2 else y2)
        try:
            start, end = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError:
            warnings.append(Warning("unreadable_row", f"the week {d1}/{m1}–{d2}/{m2} is not a date range; read from its rows", None))
    anchor = Period(month=month or (start.month if start else _first_month(table, heading_text)), year=year, start=start, end=end)
    dated = [found for row in table.rows if isinstance(found := parser.row_days(row, anchor), days.Days)]
    if not dated:
        raise InputError(source, "no day of the schedule can be read as a date")
    if start is None:  # the rows' own first and last days
        anchor.start, anchor.end = min(d.start for d in dated), max(d.end or d.start for d in dated)
    else:  # a page may list more than the week its title names ("Tuần 20 … và Tuần 21 …")
        assert anchor.start is not None  # the title's week
        anchor.end = max(anchor.end or anchor.start, max(d.start for d in dated))
    if month is None:  # the period is the month of the first day: 30/12/2024–05/01/2025 is 12/2024
        anchor.month, anchor.year = anchor.start.month, anchor.start.year
    return anchor, warnings


def _first_month(table: Table, heading_text: str) -> int:
    """The month rows without one are read in ("1-4" above "Thứ 3 (05/09/2023)"): the title's, else the first written."""
    titled = heading.find_period(heading_text)
    if titled:
        return titled[0]
    for row in table.rows:
        m = days.DATE_RE.search(days.without_lunar(row.day))
        if m and 1 <= int(m.group("m")) <= 12:
            return int(m.group("m"))
    return 1


def _infer_year(table: Table, text: str, warnings: list[Warning]) -> int:
    pairs = []
    for row in table.rows:
        m = re.search(r"(\d{1,2})\s*/\s*(\d{1,2})", row.day)
        wd = vocab.weekday_of(row.weekday)
        if m and wd is not None:
            pairs.append((int(m.group(1)), int(m.group(2)), wd))
    year, fits = heading.infer_year(pairs, text, date.today().year)
    if fits:
        warnings.append(Warning("year_inferred", f"no year is written; {year} is the year whose weekdays match the dates", None))
    elif not pairs:
        warnings.append(Warning("year_inferred", f"no year is written and no weekday names to tell it; read as {year} (give --year)", None))
    else:
        warnings.append(Warning("year_inferred", f"no year is written and the weekdays match no nearby year; read as {year} (give --year)", None))
    return year
