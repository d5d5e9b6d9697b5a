"""Tables whose cells a reader can see one by one (HTML tables, pipe tables): grid → rows.

Each grid row is one row of the schedule. A day cell written once for several rows (a rowspan,
or left empty below its first row) dates the rows under it; a row with no day, no time and no
item of its own continues the row above (a cell wrapped onto the next table row).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lichsync.parse import vocab
from lichsync.parse.header import role_of
from lichsync.parse.rows import (
    BLOCK, CONTENT, DAY, IGNORED, LEADERS, LOCATION, TIME, UNITS, WEEKDAY, Piece, Row, Table, join_continuations,
)

DATE_RE = re.compile(r"\b\d{1,2}\s*/\s*\d{1,2}\b")
LEADER_CELL_RE = re.compile(vocab.LEADER_START_RE.pattern + r"|\bPCT\b|\bCT\b", re.IGNORECASE)
TIME_RE = re.compile(rf"^\(?\s*{vocab.CLOCK}|^(?:buổi\s+)?(?:sáng|chiều|tối|cả\s+ngày)\s*:?\s*$", re.IGNORECASE)


@dataclass
class Cell:
    lines: list[str]  # the cell's text, one entry per line it shows
    line: int  # where the cell starts in the source

    @property
    def text(self) -> str:
        return " ".join(self.lines)


# Wide tables: a column per session ("Thứ, ngày | Sáng | Chiều") or per official
# ("Thứ, ngày | Giám đốc Nguyễn Văn Tài | Phó Giám đốc Lê Minh Đức"): the column names what its cells share.
SESSION_COLUMN, OFFICIAL_COLUMN = "session column", "official column"


def header(rows: list[list[Cell | None]]) -> tuple[int, list[str | None]] | None:
    """The header row among the first rows and each column's role: it names Nội dung, and Ngày
    unless the days are rows of their own ("THỨ HAI, NGÀY 20/11/2023" across the table); or it
    names Ngày and gives each session or each official a column of its own."""
    for k, row in enumerate(rows[:6]):
        roles = [role_of(c.text) if c is not None else None for c in row]
        if CONTENT in roles and DAY not in roles and TIME in roles:
            # "Thời gian" cells holding the date too ("08:00 12/05/2025"): the day column as well.
            at = roles.index(TIME)
            below = [r[at].text for r in rows[k + 1 : k + 4] if at < len(r) and r[at] is not None]
            if below and all(DATE_RE.search(t) for t in below):
                roles[at] = DAY
        if CONTENT in roles and (DAY in roles or any(_day_row(r) for r in rows[k + 1 : k + 4])):
            return k, roles
        if DAY in roles and CONTENT not in roles:
            wide = [_column_of(c.text) if c is not None and r is None else r for c, r in zip(row, roles)]
            if sum(r in (SESSION_COLUMN, OFFICIAL_COLUMN) for r in wide) >= 2:
                return k, wide
    return None


def _column_of(text: str) -> str | None:
    if vocab.SESSION_ALONE_RE.match(text.strip()):
        return SESSION_COLUMN
    return OFFICIAL_COLUMN if vocab.LEADER_START_RE.match(text) or re.match(r"^(?:phó\s+)?(?:giám\s+đốc|chủ\s+tịch|bí\s+thư)\b", text, re.IGNORECASE) else None


def _spread(rows: list[list[Cell | None]], roles: list[str | None], names: list[str]) -> list[list[Cell | None]]:
    """A wide table's rows as one row per (day, column): the column's name becomes the row's
    session cell or leader cell."""
    day_col = roles.index(DAY)
    out: list[list[Cell | None]] = []
    for cells in rows:
        day = cells[day_col] if day_col < len(cells) else None
        for c, role in enumerate(roles):
            cell = cells[c] if c < len(cells) else None
            if role not in (SESSION_COLUMN, OFFICIAL_COLUMN) or cell is None or not cell.lines:
                continue
            named = Cell([names[c]], cell.line)
            out.append([day, named if role == SESSION_COLUMN else None, cell, named if role == OFFICIAL_COLUMN else None])
    return out


def _day_row(cells: list[Cell | None]) -> vocab.DayHead | None:
    """A row that is only a day heading, written across the table or in its first cell."""
    written = {id(c): c for c in cells if c is not None and c.lines}
    if len(written) != 1:
        return None
    head = vocab.day_head(next(iter(written.values())).text)
    return head if head and not head.rest else None


def guess_roles(rows: list[list[Cell | None]]) -> list[str | None] | None:
    """Column roles of a table without a header, from what its cells hold: dates, clock times,
    the longest text (the items), then leaders and places after it."""
    width = max((len(r) for r in rows), default=0)
    if width < 2:
        return None
    columns = [[r[c].text for r in rows if c < len(r) and r[c] is not None and r[c].text] for c in range(width)]
    roles: list[str | None] = [None] * width
    day = max(range(width), key=lambda c: share(columns[c], DATE_RE))
    if share(columns[day], DATE_RE) < 0.3:
        return None
    roles[day] = DAY
    rest = [c for c in range(width) if c != day]
    content = max(rest, key=lambda c: sum(map(len, columns[c])) / (len(columns[c]) or 1))
    roles[content] = CONTENT
    for c in rest:
        if c == content:
            continue
        if share(columns[c], TIME_RE) > 0.5:
            roles[c] = TIME
        elif c > content and share(columns[c], LEADER_CELL_RE) > 0.3:
            roles[c] = LEADERS if LEADERS not in roles else IGNORED
        elif c > content and share(columns[c], vocab.UNIT_HEAD_RE) > 0.3:
            roles[c] = LOCATION if LOCATION not in roles else IGNORED
        else:
            roles[c] = IGNORED
    return roles


def share(texts: list[str], rx: re.Pattern) -> float:
    """The part of a column's cells that match."""
    return sum(bool(rx.search(t)) for t in texts) / len(texts) if texts else 0.0


def _written(cells: list[Cell | None], roles: list[str | None], role: str) -> Cell | None:
    """The row's cell of that role, if anything is written in it."""
    return next((c for c, r in zip(cells, roles) if r == role and c is not None and c.lines), None)


def to_table(rows: list[list[Cell | None]], roles: list[str | None], header_line: int, names: list[str] | None = None) -> Table:
    """Rows of a table given its header's roles (and, for a wide table, its header cells' text)."""
    if SESSION_COLUMN in roles or OFFICIAL_COLUMN in roles:
        rows, roles = _spread(rows, roles, names or []), [DAY, TIME, CONTENT, LEADERS]
    out: list[Row] = []
    day_col = roles.index(DAY) if DAY in roles else None
    day = None
    for cells in rows:
        if day_col is None:  # days are rows across the table
            head = _day_row(cells)
            if head:
                written = next(c for c in cells if c is not None and c.lines)
                day = Cell([f"{head.weekday or ''} {head.date}".strip()], written.line)
                continue
            day_cell = None
        else:
            day_cell = cells[day_col] if day_col < len(cells) else None
            if day_cell is not None and day_cell.text:
                day = day_cell
        if day is None:
            continue
        content, time = _written(cells, roles, CONTENT), _written(cells, roles, TIME)
        clock = vocab.LEADING_TIME_RE.match(day.text)
        if time is None and clock:
            time = Cell([clock.group("clock")], day.line)  # "08h00 ngày 12/5/2025"
        if content and len(content.text) < 40 and role_of(content.text) == CONTENT:
            continue  # the header row repeated (a new page of the saved document)
        own = bool(day_cell and day_cell.text) or bool(time and time.text)
        if out and not own and content and not _starts_item(content.lines[0]):
            _continue(out[-1], cells, roles)  # a cell wrapped onto the next table row
            continue
        if all(c is day_cell for c in cells if c is not None) and len(cells) > 1:
            continue  # a row spanning the whole table: a separator or a title
        row = Row(day=day.text, line=day.line, day_line=day.line)
        named = vocab.day_head(day.text)
        row.weekday = named.weekday if named else None
        for col, role in enumerate(roles):
            if role in (None, DAY, IGNORED) or col >= len(cells) or cells[col] is None:
                continue
            if role == WEEKDAY:
                row.weekday = cells[col].text or None
                continue
            row.cells.setdefault(role, []).extend(Piece(t, cells[col].line, BLOCK) for t in cells[col].lines)
        if time is not None and TIME not in row.cells:
            row.cells[TIME] = [Piece(time.text, time.line, BLOCK)]
        if row.cells.get(CONTENT):
            row.cells[CONTENT] = join_continuations(row.cells[CONTENT])
            row.line = row.cells[CONTENT][0].line
            out.append(row)
    return Table(roles=[r for r in roles if r and r != IGNORED], rows=out, header_line=header_line)


def _starts_item(text: str) -> bool:
    return bool(vocab.BULLET_RE.match(text) or vocab.SESSION_RE.match(text) or vocab.LEADING_TIME_RE.match(text))


def _continue(row: Row, cells: list[Cell | None], roles: list[str | None]) -> None:
    for col, role in enumerate(roles):
        if role in (CONTENT, LEADERS, LOCATION, UNITS) and col < len(cells) and cells[col] is not None and cells[col].text:
            pieces = row.cells.setdefault(role, [])
            if role == CONTENT and pieces:
                pieces[-1] = Piece(f"{pieces[-1].text} {cells[col].text}", pieces[-1].line, pieces[-1].sep)
            else:
                pieces.extend(Piece(t, cells[col].line, BLOCK) for t in cells[col].lines)
