"""The one rows-from-grid stage: any table a reader extracted (Word, PDF, web page, pipe or tab
text) into the day rows the parser reads (pure).

Every rule about tables lives here once: the header in any wording, or none (roles then come
from what the cells hold); two header rows; a header repeated on each page; a day cell written
once for many rows (a merge, a rowspan, or left empty); a day cell written date-first or over two
lines; span rows ("Từ 24 đến 28/6/2019") outside the day's cell; rows broken by a page; days
written as rows across the table; wide tables with a column per session or per official; week grids
with the days across the top.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lichsync.parse import days, vocab
from lichsync.parse.document import Cell, Grid, GridRow
from lichsync.parse.header import ROLE_RE, role_of
from lichsync.parse.rows import (
    BLOCK,
    CONTENT,
    DAY,
    IGNORED,
    INNER,
    LEADERS,
    LINE,
    LOCATION,
    TIME,
    UNITS,
    WEEKDAY,
    WRAP,
    Piece,
    Row,
    Table,
    join_continuations,
)
from lichsync.parse.text import collapse

# A column named for a session ("Sáng") or an official ("Giám đốc Nguyễn Văn Tài"): a wide table.
SESSION_COLUMN, OFFICIAL_COLUMN = "session column", "official column"
CLOCK_CELL_RE = re.compile(rf"^\(?\s*{vocab.CLOCK}|^(?:buổi\s+)?(?:sáng|chiều|tối|cả\s+ngày|trong\s+ngày)\b", re.IGNORECASE)
DURATION_RE = re.compile(r"^\(?\s*0?\d{1,2}\s*ngày\s*\)?$", re.IGNORECASE)


def rows_from_grid(grid: Grid) -> Table | None:
    """Day rows of a table; None when nothing in it reads as days with items."""
    rows = _resolve_merges([r for r in grid.rows if any(c.text for c in r.cells) or r.continues])
    if len(rows) < 1:
        return None
    width = max(len(r.cells) for r in rows)
    rows = [GridRow(r.cells + [Cell()] * (width - len(r.cells)), r.continues) for r in rows]
    across = _days_as_columns(rows)
    if across is not None:
        table = _walk(*across)
        return table if table.rows else None
    at, roles = find_header(rows)
    body = rows[at + 1 :] if at is not None else rows
    if not body:
        return None
    names = [c.text for c in rows[at].cells] if at is not None else [""] * width
    roles = settle_roles(roles, body, names)
    if roles is None:
        return None
    header_line = next((c.line for c in rows[at].cells if c.line), 0) if at is not None else 0
    if SESSION_COLUMN in roles or OFFICIAL_COLUMN in roles:
        body, roles = _spread(body, roles, names)
    if CONTENT not in roles:
        activity = roster_activity(grid.above)
        if not activity or LEADERS not in roles:
            return None
        body = [GridRow([*r.cells, Cell((Piece(activity, next((c.line for c in r.cells if c.line), 0) or 0, BLOCK),))],
                        r.continues) for r in body]
        roles = [*roles, CONTENT]
    table = _walk(body, roles, header_line)
    return table if table.rows else None


def tables_under_days(grids: list[Grid]) -> Grid | None:
    """A page of one table per day, each under its day's heading ("THỨ HAI, NGÀY 12/5/2025" / a table
    of "Thời gian | Nội dung | …"), as one table whose days are rows across it. None where no table
    stands under a day heading."""
    headed = [(grid, heading) for grid in grids if (heading := _day_heading(grid.above))]
    if not headed:
        return None
    width = max(len(row.cells) for grid, _ in headed for row in grid.rows)
    rows = []
    for grid, heading in headed:
        line = next((c.line for row in grid.rows for c in row.cells if c.line), 1) or 1
        own = [GridRow(row.cells + [Cell()] * (width - len(row.cells)), row.continues) for row in grid.rows]
        head = 1 if own and is_header_row(own[0]) else 0  # the table's header stays above its day
        rows += [*own[:head], GridRow([Cell((Piece(heading, line - 1, BLOCK),))] * width), *own[head:]]
    return Grid(rows, above=headed[0][0].above, kind=f"{headed[0][0].kind}s under day headings")


def _day_heading(above: str) -> str | None:
    """The day heading right above a table, if the line just above it is one."""
    last = next((line.strip() for line in reversed(above.split("\n")) if line.strip()), "")
    return last if last and _only_day(last.strip(" *:-")) else None


def roster_activity(above: str) -> str | None:
    """What a duty roster's people do, from the sentence above its table ("Lịch trực lãnh đạo Sở
    dịp nghỉ Tết Nguyên đán như sau:")."""
    lines = [line.strip() for line in above.split("\n") if line.strip()]
    named = [line for line in lines[-4:] if vocab.DUTY_RE.search(line) and len(line) <= 200]
    if not named:
        return None
    # A title naming the duty ("Lịch trực lãnh đạo … dịp nghỉ lễ …") says it best; else the sentence nearest the table.
    titles = [line for line in named if vocab.DUTY_RE.search(" ".join(line.split()[:3]))]
    text = re.sub(r"\s*(?:như\s+sau|cụ\s+thể)?\s*[:.]*$", "", (titles or named)[-1], flags=re.IGNORECASE)
    duty = vocab.DUTY_RE.search(text)
    text = text[duty.start():] if duty else text  # "Văn phòng thông báo lịch trực …" → "Trực …"
    return text[:1].upper() + text[1:] if text else None


def _resolve_merges(rows: list[GridRow]) -> list[GridRow]:
    """A cell marked as merged with the one above is that cell: the same object in each position."""
    last: dict[int, Cell] = {}  # per column, the last written cell: a header repeated by a page or the
    out = []                    # page's empty first cells do not interrupt a merge
    for row in rows:
        cells = [last.get(c, cell) if cell.merged else cell for c, cell in enumerate(row.cells)]
        out.append(GridRow(cells, row.continues))
        if _header_cells(row) is None:
            last.update((c, cell) for c, cell in enumerate(cells) if cell.text or not (row.continues or cell.merged))
    return out


def _header_cells(row: GridRow) -> list[str | None] | None:
    """The roles a header row's cells name, or None when the row is not a header. A cell too long
    for a header settles it before the cache is asked: most rows are body rows."""
    texts = tuple(c.text for c in row.cells)
    if any(len(t) > 70 for t in texts):
        return None
    roles = _header_roles(texts)
    return None if roles is None else list(roles)


@functools.lru_cache(maxsize=4096)
def _header_roles(texts: tuple[str, ...]) -> tuple[str | None, ...] | None:
    """Cached: every stage asks of every row (merges, header, walk, the PDF reader). A header naming
    the day and then sessions or officials ("Thứ, ngày | Sáng | Chiều") heads a wide table."""
    if any(days.DATE_RE.search(t) for t in texts):
        return None
    roles = tuple(_label(t) for t in texts)
    if DAY in roles and sum(_column_kind(t) is not None for t, r in zip(texts, roles, strict=True) if r != CONTENT) >= 2:
        return roles  # a wide table's header: the day, then a column per session or official
    named = {r for r in roles if r}
    # Every cell of a header is a label (or a short word lichsync does not use: "TT", "Ghi chú").
    if len(named - {IGNORED}) >= 2 and named & {CONTENT, DAY, TIME} and all(r or len(t) <= 20 for t, r in zip(texts, roles, strict=True)):
        return roles
    return None


DIGIT_RE = re.compile(r"\d")


@functools.lru_cache(maxsize=8192)
def _label(text: str) -> str | None:
    """The role a header cell names: a column's name holds no numbers, is no session word ("Cả ngày"),
    and is mostly its role's words ("Lãnh đạo UBND huyện chủ trì, tham dự", not "Tham dự Lễ khai giảng …")."""
    if not text or DIGIT_RE.search(text) or vocab.SESSION_ALONE_RE.match(text):
        return None
    phrases = list(ROLE_RE.finditer(text))  # one pass: role_of's search finds the first of them
    found = role_of(text, phrases[0] if phrases else None)
    if found is None:
        return None
    covered = sum(len(m.group(0)) for m in phrases)
    return found if covered >= 0.3 * len(text.replace(" ", "")) else None


def find_header(rows: list[GridRow]) -> tuple[int | None, list[str | None] | None]:
    """The header row among the first rows (two rows when the second names the first's parts)."""
    for k, row in enumerate(rows[:8]):
        roles = _header_cells(row)
        if roles is None:
            continue
        roles = _inherit_spans(row, roles)
        if k + 1 < len(rows):
            below = _header_cells(rows[k + 1]) or _sub_header(rows[k + 1])
            if below:
                return k + 1, [b or a for a, b in zip(roles, below, strict=False)]
        return k, roles
    return None, None


def _sub_header(row: GridRow) -> list[str | None] | None:
    """A second header row naming parts of the first ("Ngày | Giờ" under "THỜI GIAN")."""
    texts = [c.text for c in row.cells]
    if any(len(t) > 30 or DIGIT_RE.search(t) for t in texts):
        return None
    roles = [_label(t) for t in texts]
    written = [t for t in texts if t]
    return roles if written and all(r for t, r in zip(texts, roles, strict=True) if t) else None


def _inherit_spans(row: GridRow, roles: list[str | None]) -> list[str | None]:
    """A header cell spanning several columns ("THỜI GIAN" over two) names each of them."""
    out = list(roles)
    for c in range(1, len(out)):
        if out[c] is None and (row.cells[c] is row.cells[c - 1] or row.cells[c].merged and not row.cells[c].text):
            out[c] = out[c - 1]
    return out


OFFICIAL_NAME_RE = re.compile(r"^(?:phó\s+)?(?:giám\s+đốc|chủ\s+tịch|bí\s+thư)\b|^ban\s+\S", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _column_kind(text: str) -> str | None:
    if vocab.SESSION_ALONE_RE.match(text.strip()):
        return SESSION_COLUMN
    if vocab.LEADER_START_RE.match(text) or OFFICIAL_NAME_RE.match(text):
        return OFFICIAL_COLUMN
    return None


def _column_texts(body: list[GridRow], col: int) -> list[str]:
    """The distinct written cells of a column (a merged cell once)."""
    seen: set[int] = set()
    out = []
    for row in body:
        cell = row.cells[col]
        if id(cell) in seen or not cell.text:
            continue
        seen.add(id(cell))
        out.append(cell.text)
    return out


def share(texts: list[str], test: Callable[[str], object]) -> float:
    return sum(bool(test(t)) for t in texts) / len(texts) if texts else 0.0


def mostly(texts: list[str], test: Callable[[str], object], above: float) -> bool:
    """share(texts, test) > above, asking the test only until the answer is settled: an item column's
    long cells cost the most to test, and most columns settle within their first cells."""
    n, passed, failed = len(texts), 0, 0
    for t in texts:
        if test(t):
            passed += 1
            if passed / n > above:
                return True
        else:
            failed += 1
            if (n - failed) / n <= above:
                return False
    return False


def settle_roles(roles: list[str | None] | None, body: list[GridRow], names: list[str]) -> list[str | None] | None:
    """Column roles from the header where it names them, from what the cells hold where it does not:
    the column of dates is the day column whatever its header says; the longest text is the content;
    columns named for sessions or officials whose cells hold items make a wide table."""
    width = len(body[0].cells) if body else 0
    rows = [r for r in body if not _spans_table(r)]
    columns = [_column_texts(rows, c) for c in range(width)]
    named: list[str | None] = list(roles) if roles else [None] * width
    # Columns of dates lead columns of day numbers (a numbering column counts 1, 2, 3 too).
    day = _day_column(named, columns)
    if day is None:
        return _days_across(named, body)
    wide = _wide(named, names, columns, day)
    if wide:
        return wide
    named = [IGNORED if r == DAY and c != day else r for c, r in enumerate(named)]
    named[day] = DAY
    if CONTENT not in named or mostly(columns[named.index(CONTENT)], days.names_days, 0.6):
        rest = [c for c in range(width) if c != day and named[c] in (None, CONTENT, IGNORED, TIME) and columns[c]]
        rest = [c for c in rest if named[c] == CONTENT or not _names(columns[c])]
        if not rest:  # a duty roster: days and who is on duty, the activity named above the table
            return [LEADERS if c != day and _names(columns[c]) else r
                    for c, r in enumerate(named)] if any(columns[c] for c in range(width) if c != day) else None
        content = max(rest, key=lambda c: sum(map(len, columns[c])) / len(columns[c]))
        named = [None if r == CONTENT else r for r in named]
        named[content] = CONTENT
    for c in range(width):
        if named[c] in (LEADERS, LOCATION, UNITS) and columns[c] and mostly(columns[c], vocab.PLATE_RE.search, 0.5):
            named[c] = IGNORED  # licence plates under a leader-like header: the driver column
    return _guess_sides(named, columns, body)


def _cited(body: list[GridRow], col: int, content: int) -> float:
    """The share of rows whose item says it takes place at the column's cell ("… tại UBND huyện Mỏ Cày Bắc")."""
    pairs = [(r.cells[col].text.lower(), r.cells[content].text.lower()) for r in body if r.cells[col].text]
    return sum(f"tại {cell}" in item for cell, item in pairs) / len(pairs) if pairs else 0.0


def _names(texts: list[str]) -> bool:
    """A column of people ("Đ/c Nguyễn Văn An - Giám đốc Sở"), not of items that open with one."""
    return bool(texts) and share(texts, vocab.LEADER_CELL_RE.search) >= 0.6 and sum(map(len, texts)) / len(texts) <= 45


def _day_column(named: list[str | None], columns: list[list[str]]) -> int | None:
    """The day column: the header's, unless another column holds the dates. Only the columns that
    could be it are read (the content column's long cells are the costliest to search for dates)."""
    def day_share(c: int) -> float:
        return share(columns[c], days.names_days) + share(columns[c], days.has_date)

    if DAY in named and day_share(named.index(DAY)) >= 0.3:
        return named.index(DAY)
    shares = {c: day_share(c) for c in range(len(columns)) if named[c] in (None, TIME, WEEKDAY)}
    best = max(shares, key=lambda c: (shares[c], -c)) if shares else None
    return best if best is not None and shares[best] >= 0.3 else None


def _days_across(named: list[str | None], body: list[GridRow]) -> list[str | None] | None:
    """No day column: days written as rows across the table ("THỨ HAI, NGÀY 20/11/2023")."""
    if not any(_day_row(r) for r in body):
        return None
    columns = [_column_texts([r for r in body if not _day_row(r)], c) for c in range(len(named))]
    if CONTENT not in named:
        candidates = [c for c in range(len(named)) if columns[c] and named[c] in (None, IGNORED)]
        if not candidates:
            return None
        named[max(candidates, key=lambda c: sum(map(len, columns[c])) / len(columns[c]))] = CONTENT
    return _guess_sides(named, columns, body)


def _guess_sides(named: list[str | None], columns: list[list[str]], body: list[GridRow]) -> list[str | None]:
    """Columns without a header word, from what they hold: clock times, leaders, then, after the
    content, the column that reads most as places is the place and the others preparing units."""
    content = named.index(CONTENT)
    out = list(named)
    sides = []
    for c, texts in enumerate(columns):
        if out[c] is not None:
            continue
        if not texts or mostly(texts, vocab.PLATE_RE.search, 0.3):
            out[c] = IGNORED
        elif mostly(texts, lambda t: CLOCK_CELL_RE.match(t) or DURATION_RE.match(t), 0.5):
            out[c] = TIME
        elif mostly(texts, vocab.LEADER_CELL_RE.search, 0.4):
            out[c] = LEADERS
        elif c > content:
            sides.append(c)
        else:
            out[c] = IGNORED
    # Offices put the preparing units before the leaders and the place last: position counts too.
    leaders = [c for c, r in enumerate(out) if r == LEADERS]
    placeness = {c: share(columns[c], vocab.PLACE_WORDS_RE.search) - share(columns[c], vocab.UNIT_WORDS_RE.search) + _cited(body, c, content)
                 + (0.5 if leaders and c > max(leaders) else -0.2 if leaders else 0.0) for c in sides}
    place = max(sides, key=lambda c: placeness[c], default=None)
    for c in sides:
        if c == place and placeness[c] > 0 and LOCATION not in out:
            out[c] = LOCATION
        elif UNITS not in out and mostly(columns[c], vocab.UNIT_WORDS_RE.search, 0.3):
            out[c] = UNITS
        else:
            out[c] = IGNORED
    return out


def _day_row(row: GridRow) -> vocab.DayHead | None:
    """A row that is only a day heading, written across the table or in one cell of it."""
    written = {id(c): c for c in row.cells if c.text}
    if len(written) != 1:
        return None
    head = vocab.day_head(next(iter(written.values())).text)
    return head if head and not head.rest else None


def _wide(named: list[str | None], names: list[str], columns: list[list[str]], day: int) -> list[str | None] | None:
    """A table with a column per session ("Sáng | Chiều") or per official ("Ban Pháp chế | Ban KTNS"):
    two or more such columns whose cells hold items, not names ("Phòng Tài nguyên" among the officials is
    one more; "Sáng | Chiều" side by side say so even where a week left one of them empty). Its other
    columns keep their roles."""
    kinds = [_column_kind(n) if c != day and n and named[c] in (None, TIME, LEADERS) else None
             for c, n in enumerate(names)]
    wide = [c for c, k in enumerate(kinds) if k and columns[c]]
    itemish = [c for c in wide if _items(columns[c])]
    enough = len(wide) >= 2 or (wide and kinds.count(SESSION_COLUMN) >= 2)
    if not enough or len(itemish) * 2 < len(wide):
        return None
    if all(kinds[c] == OFFICIAL_COLUMN for c in wide):  # a body's column among the officials' is whose column it is too
        wide += [c for c, n in enumerate(names) if c != day and c not in wide and n and named[c] is None and _items(columns[c])]
        kinds = [OFFICIAL_COLUMN if c in wide else k for c, k in enumerate(kinds)]
    out = [kinds[c] if c in wide else r for c, r in enumerate(named)]
    out[day] = DAY
    return [r if r in (DAY, TIME, CONTENT, SESSION_COLUMN, OFFICIAL_COLUMN) else IGNORED for r in out]


def _items(texts: list[str]) -> bool:
    """Cells that hold items, not names: long enough on average."""
    return bool(texts) and sum(map(len, texts)) / len(texts) >= 15


def _spread(body: list[GridRow], roles: list[str | None], names: list[str]) -> tuple[list[GridRow], list[str | None]]:
    """A wide table's rows as one row per (day, column): the column's name becomes the row's session
    or leader; a session column of its own ("Buổi") and a column of other work keep their meaning."""
    day_col = roles.index(DAY)
    time_col = roles.index(TIME) if TIME in roles else None
    out = []
    for row in _page_rests_joined(body, day_col):
        for c, role in enumerate(roles):
            cell = row.cells[c]
            if role not in (SESSION_COLUMN, OFFICIAL_COLUMN, CONTENT) or not cell.text:
                continue
            named = Cell((Piece(names[c] if c < len(names) else "", cell.line or 0, BLOCK),))
            time = named if role == SESSION_COLUMN else row.cells[time_col] if time_col is not None else Cell()
            out.append(GridRow([row.cells[day_col], time, cell, named if role == OFFICIAL_COLUMN else Cell()]))
    return _without_leaders(out) if OFFICIAL_COLUMN not in roles else (out, [DAY, TIME, CONTENT, LEADERS])


def _page_rests_joined(body: list[GridRow], day_col: int) -> list[GridRow]:
    """A row the page cut, its rest on the next page under no day of its own (or under its day cell's date,
    "Thứ 5" / "9/9"), is one row again before it is spread: spread, its cells would sit under another column's row."""
    out: list[GridRow] = []
    for row in body:
        day, above = row.cells[day_col], out[-1].cells[day_col] if out else None
        if above is not None and row.continues and (not day.text or day is above or _weekday_only(above.text) and _date_only(day.text)):
            out[-1] = joined_rows(out[-1], row)
        else:
            out.append(row)
    return out


def _without_leaders(rows: list[GridRow]) -> tuple[list[GridRow], list[str | None]]:
    """Spread rows that name no leader: no leader column, so the items' own words say who acts ("Đ/c An dự …")."""
    return [GridRow(r.cells[:3], r.continues) for r in rows], [DAY, TIME, CONTENT]


@dataclass
class _Week:
    """A block of a days-across table: its header, its days' columns, a session per column where a row
    under the header names them ("Sáng | Chiều" under each day), and its rows."""

    header: GridRow
    day_cols: list[int]
    body: list[GridRow] = field(default_factory=list)
    sessions: dict[int, Cell] = field(default_factory=dict)


def _days_as_columns(rows: list[GridRow]) -> tuple[list[GridRow], list[str | None], int] | None:
    """A table whose days run across its top ("Buổi | Thứ Hai 12/5 | Thứ Ba 13/5 …", "Lãnh đạo | Thứ 2 | …"),
    a header row per week, and whose rows are sessions or officials: read day by day, one row per (day,
    table row) as a wide table spreads, the row's labels its session and leader. A cell spanning several
    days spans them."""
    rows = _headers_made_whole(rows)
    if not any(_day_header(row) for row in rows[:3]):
        return None
    weeks = _week_blocks(rows)
    width = min(week.day_cols[0] for week in weeks)  # the label columns before every week's days
    corner = any(weeks[0].header.cells[c].text for c in range(width))
    if sum(len({id(week.header.cells[c]) for c in week.day_cols if week.header.cells[c].text}) for week in weeks) < 2 and not corner:
        return None  # one day under no label ("Buổi", "Lãnh đạo"): a day row of a table read down
    rows_below = [r for week in weeks for r in week.body]
    if any(days.names_days(r.cells[c].text) for r in rows_below for c in range(width) if not NUMBER_ONLY_RE.match(r.cells[c].text)):
        return None
    labels = {c: kind for c in range(width) if (kind := _label_kind([r.cells[c].text for r in rows_below]))}
    line = next((c.line for c in weeks[0].header.cells if c.line), 0) or 0
    spread = [grow for week in weeks for grow in _by_day(week, labels)]
    return (*_without_leaders(spread), line) if OFFICIAL_COLUMN not in labels.values() else (spread, [DAY, TIME, CONTENT, LEADERS], line)


def _week_blocks(rows: list[GridRow]) -> list[_Week]:
    """Each week's header, its days' columns and the rows below it. Across pages: a header the page
    repeated is no new week, the row the page cut goes on below it, and labels merged down the page
    (left empty on the new one) are those above."""
    weeks: list[_Week] = []
    repeated: GridRow | None = None  # the header a page repeated in this block
    page_top = False  # the row below may go on with the row the page cut
    carried: set[int] = set()  # label columns a page cut: left empty on the new page, their cell is the one above
    for row in rows:
        found = _day_header(row)
        if found is not None and weeks and row.continues and _texts(row) == _texts(weeks[-1].header):
            repeated, page_top, carried = row, True, set(range(weeks[-1].day_cols[0]))
            continue
        if found is not None:
            weeks.append(_Week(row, found))
            repeated, page_top, carried = None, False, set()
            continue
        if not weeks or len({id(c) for c in row.cells}) == 1:
            continue  # above the table, or one cell across it (a title)
        week = weeks[-1]
        if not week.body and _header_rest(week, row):
            continue  # "Thứ Hai" / "12/5", "Thứ 2 (18/09/202" / "3)", "Sáng | Chiều" under each day
        if row.continues:
            page_top, carried = True, set(range(week.day_cols[0]))
        if week.body and page_top and _goes_on(row, week.body[-1], week.day_cols[0]):
            week.body[-1] = joined_rows(week.body[-1], row)
        else:
            if week.body and carried:  # labels merged down the page: empty below it, or the repeated header's cell
                own = [c for c in range(week.day_cols[0]) if row.cells[c].text and not (repeated and row.cells[c] is repeated.cells[c])]
                carried = {c for c in carried if c < min(own, default=week.day_cols[0])}  # a label written ends those right of it
                row = GridRow([week.body[-1].cells[c] if c in carried else cell for c, cell in enumerate(row.cells)], row.continues)
            week.body.append(row)
        page_top = False
    return weeks


def _headers_made_whole(rows: list[GridRow]) -> list[GridRow]:
    """A header row the page cut ("Thứ 2 (18/09/202" / "3)" on the next page) joined with its rest."""
    out: list[GridRow] = []
    for row in rows:
        if out and row.continues and not _day_header(out[-1]):
            whole = joined_rows(out[-1], row)
            if _day_header(whole):
                out[-1] = whole
                continue
        out.append(row)
    return out


def _texts(row: GridRow) -> list[str]:
    return [c.text for c in row.cells]


def _goes_on(row: GridRow, above: GridRow, first_day: int) -> bool:
    """A row a page cut, on the next page: a cell whose first line wraps the line above, or a cell going
    on mid-item where the row's labels are none or the rest of those above ("Đ/c Lê Thị Minh Nguyệt," /
    "Đ/c Phan Đức Thắng")."""
    written = [c for c in row.cells[first_day:] if c.text]
    if any(c.pieces[0].sep == WRAP for c in written):
        return True
    labels_go_on = all(above.cells[c].text.endswith(",") or vocab.ends_with_connector(above.cells[c].text)
                       for c in range(first_day) if row.cells[c].text and row.cells[c] is not above.cells[c])
    return labels_go_on and any(not _starts_item(c.text) for c in written)


def joined_rows(above: GridRow, below: GridRow) -> GridRow:
    """A row with its rest from the next page, cell by cell."""
    return GridRow([_joined(a, b) for a, b in zip(above.cells, below.cells, strict=True)], above.continues)


def _joined(above: Cell, below: Cell) -> Cell:
    """A cell with its rest from the next page; the rest's first paragraph goes on with the last one
    above unless it opens an item."""
    if not below.text or below is above:
        return above
    if not above.text:
        return below
    first, *rest = below.pieces
    if first.sep == WRAP or not _starts_item(first.text):
        last = above.pieces[-1]
        return Cell((*above.pieces[:-1], Piece(join_lines(last.text, first.text), last.line, last.sep, last.pos), *rest))
    return Cell((*above.pieces, *below.pieces))


def _label_kind(texts: list[str]) -> str | None:
    """What a label column of a days-across table names: sessions or officials, by most of its cells
    (a row of "Phòng Tài nguyên" among the leaders is whose row it is too)."""
    kinds = [_column_kind(t) for t in texts if t and _label(t) != CONTENT]
    best = max(set(kinds) - {None}, key=kinds.count, default=None)
    return best if best is not None and kinds.count(best) * 2 >= len(kinds) else None


def _by_day(week: _Week, labels: dict[int, str]) -> list[GridRow]:
    """A days-across block's rows, day by day: (day, session, item cell, leader); a label cell that
    names a field ("Công việc khác") names no one. A day's column without its own header cell is the
    day before's (a day spanning its sessions' columns)."""
    out = []
    heads: list[Cell] = []
    for c in week.day_cols:
        heads.append(week.header.cells[c] if week.header.cells[c].text or not heads else heads[-1])
    named = [{kind: row.cells[c] for c, kind in labels.items() if row.cells[c].text and _label(row.cells[c].text) != CONTENT}
             for row in week.body]
    day_cells: dict[str, Cell] = {}  # the rows of a day share its cell, as the rows under a rowspan share theirs
    for at, d in enumerate(week.day_cols):
        for row, kinds in zip(week.body, named, strict=True):
            cell = row.cells[d]
            if not cell.text or (at and row.cells[week.day_cols[at - 1]] is cell):
                continue  # empty, or a cell spanning from the column before
            last = at
            while last + 1 < len(week.day_cols) and row.cells[week.day_cols[last + 1]] is cell:
                last += 1
            day = heads[at].text if heads[last] is heads[at] else f"{heads[at].text} - {heads[last].text}"
            if day not in day_cells:
                day_cells[day] = Cell((Piece(day, heads[at].line or 0, BLOCK),))
            session = kinds.get(SESSION_COLUMN) or week.sessions.get(d, Cell())
            out.append(GridRow([day_cells[day], session, cell, kinds.get(OFFICIAL_COLUMN, Cell())]))
    return out


NUMBER_ONLY_RE = re.compile(r"^\d{1,3}\.?$")


def _day_header(row: GridRow) -> list[int] | None:
    """The columns of a row's days, where it names days (one, in a month's first or last week) after
    header words or none, and before none or more header words; an empty cell among the days is the
    day before's, spanning its sessions' columns."""
    cells = row.cells
    if not cells or _only_day(cells[0].text):
        return None  # a day first: a day row of a table read down (the commonest row asked)
    named = [c for c, cell in enumerate(cells) if cell.text and _only_day(cell.text)]
    if not named or any(cells[c].text for c in range(named[0], named[-1]) if c not in named):
        return None
    end = named[-1] + 1
    while end < len(cells) and not cells[end].text:
        end += 1  # the last day's other columns
    labels = [cells[c].text for c in range(named[0]) if cells[c].text]
    after = [cells[c].text for c in range(end, len(cells)) if cells[c].text]
    if not all(_label(t) or _column_kind(t) for t in labels) or not all(_label(t) for t in after):
        return None  # "Buổi", "Lãnh đạo" before the days, "Ghi chú" after them: header words, not a row's cells
    return list(range(named[0], end))


def _only_day(text: str) -> bool:
    """A cell naming a day and nothing else: "Thứ Hai", "Thứ 3 (01/09/2026)", "12/5/2025" (short: most
    cells are items, turned away before a pattern is tried)."""
    if len(text) > 40:
        return False
    if vocab.WEEKDAY_ALONE_RE.match(text):
        return True
    head = vocab.day_head(text)
    return head is not None and not head.rest


def _header_rest(week: _Week, row: GridRow) -> bool:
    """Whether the row below a week's header is the header's rest, which it then takes: the dates under
    the weekdays, a date's end the page cut, or the sessions of each day's columns ("Sáng | Chiều")."""
    cols = week.day_cols
    if any(row.cells[c].text and row.cells[c] is not week.header.cells[c] for c in range(cols[0])) \
            or not any(row.cells[c].text for c in cols):
        return False  # labels of its own (a header cell merged down is the header's)
    if all(vocab.SESSION_ALONE_RE.match(row.cells[c].text) for c in cols if row.cells[c].text):
        week.sessions = {c: row.cells[c] for c in cols if row.cells[c].text}
        return True
    cells = list(week.header.cells)
    for c in cols:
        rest = row.cells[c].text
        whole = join_lines(cells[c].text, rest) if rest and cells[c].text else cells[c].text or rest
        if whole and not _only_day(whole):
            return False
        cells[c] = Cell((Piece(whole, cells[c].line or row.cells[c].line or 0, BLOCK),)) if rest else cells[c]
    week.header = GridRow(cells, week.header.continues)
    return True


def is_header_row(row: GridRow) -> bool:
    return _header_cells(row) is not None


def _walk(body: list[GridRow], roles: list[str | None], header_line: int) -> Table:
    """Day rows, one per table row that holds an item; rows continuing a row above join it."""
    table = Table(roles=[r for r in dict.fromkeys(roles) if r and r != IGNORED], rows=[], header_line=header_line)
    day_col = roles.index(DAY) if DAY in roles else None
    per_item = _one_item_per_row(roles)
    day: tuple[str, int, Cell | None] | None = None  # (day text, its line, its cell)
    above: GridRow | None = None
    for grow in body:
        if is_header_row(grow):
            continue
        if day_col is None:
            head = _day_row(grow)
            if head:
                cell = next(c for c in grow.cells if c.text)
                day = (f"{head.weekday or ''} {head.date}".strip(), cell.line or 0, cell)
                continue
            own_day = None
        else:
            own_day = _own(grow, day_col, above)
            if own_day is not None and vocab.TRAILER_RE.match(own_day.text.lstrip("*_ ")):
                break  # "Nơi nhận", "KT. GIÁM ĐỐC": the program has ended
            if own_day is not None and grow.continues and table.rows and day is not None and day[2] is not None \
                    and _date_only(day[2].text) and _weekday_only(own_day.text):
                own_day = None  # "11/10" / "Thứ Hai": the weekday of the day cell the page cut, not a day of its own
            if own_day is not None and not days.names_days(own_day.text):
                if grow.continues and table.rows:
                    own_day = None  # the rest of a day cell broken by the page
                elif _spans_table(grow):
                    above = grow
                    continue  # a title or separator across the table
                else:
                    table.problems.append((own_day.line or header_line, f"a row whose day cell is not a day ({own_day.text[:30]!r}) was skipped"))
                    above = grow
                    continue
            if own_day is not None:
                day = (_day_text(own_day), own_day.line or 0, own_day)
        if day is None:
            above = grow
            continue
        if own_day is None and above is not None:
            grow = _carry_sessions(grow, above, roles)
        if table.rows and _continues(grow, roles, day_col, above, per_item):
            _join(table.rows[-1], grow, roles, above)
        elif table.rows and own_day is None and not per_item:
            _extend(table.rows[-1], grow, roles, above)
        else:
            row = _row(grow, roles, day, above, per_item)
            if row is not None:
                table.rows.append(row)
        above = grow
    return table


DAY_PART_RE = re.compile(
    rf"(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?|{vocab.WEEKDAY}|\bthứ\b|(?<!cả\s)(?<!trong\s)\bngày\b|[(),;-]",
    re.IGNORECASE)


def _time_in_day(day: str) -> str | None:
    """The clock time or session a day cell writes beside its date ("08:00 12/05/2025", "14/3 8h00 (Sáng)")."""
    rest = " ".join(DAY_PART_RE.sub(" ", day).split())
    return rest if rest and CLOCK_CELL_RE.match(rest) else None


def _carry_sessions(grow: GridRow, above: GridRow, roles: list[str | None]) -> GridRow:
    """A session cell ("Sáng") written on the first row of its block and left empty below it, beside
    the rows' own hours, is merged down the block as a rowspan would: those hours are that session's."""
    cells = list(grow.cells)
    times = [c for c, role in enumerate(roles) if role == TIME]
    for c in times:
        clocked = any(cells[o].text and vocab.TIME_ALONE_RE.match(cells[o].text) for o in times if o != c)
        if (clocked or grow.continues) and not cells[c].text and vocab.SESSION_ALONE_RE.match(above.cells[c].text):
            cells[c] = above.cells[c]  # beside a "Giờ" column, or a merged cell the page break cut
    return GridRow(cells, grow.continues)


def _own(grow: GridRow, col: int, above: GridRow | None) -> Cell | None:
    """The row's own cell in a column: written, and not the cell above spanning down."""
    cell = grow.cells[col]
    if not cell.text or (above is not None and above.cells[col] is cell):
        return None
    return cell


def _spans_table(grow: GridRow) -> bool:
    return len({id(c) for c in grow.cells if c.text}) == 1 and len(grow.cells) > 1


def _one_item_per_row(roles: list[str | None]) -> bool:
    """Whether each table row is one item (weekly tables give each its time), so a cell's lines are
    one item's; else the rows under a day are more of that day's paragraphs (monthly tables)."""
    return TIME in roles


def _day_text(cell: Cell) -> str:
    """A day cell's text without its lunar note ("Thứ Hai" / "14/7" / "(01/12 ÂL)" → "Thứ Hai 14/7")."""
    return collapse(" ".join(p.text for p in cell.pieces if not vocab.LUNAR_RE.match(p.text)))


WEEKDAY_IN_DAY_RE = re.compile(rf"{vocab.WEEKDAY}|\b(?:hai|ba|tư|năm|sáu|bảy)\b", re.IGNORECASE)


DAY_NUMBERS_RE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|^\s*\d{1,2}(?:\s*[-–,]\s*\d{1,2})?\b")


def _weekday_in(day: str) -> str | None:
    """The weekday a day cell names beside its date or day number ("2 Thứ Ba", "Sáu 01", "Thứ 2 (08/4)")."""
    rest = DAY_NUMBERS_RE.sub(" ", day)
    found = WEEKDAY_IN_DAY_RE.findall(rest)
    return found[0] if len(found) == 1 else None  # "Từ thứ 2 đến thứ 3" names its own days


def _continues(grow: GridRow, roles: list[str | None], day_col: int | None, above: GridRow | None, per_item: bool) -> bool:
    """A row that goes on with the row above: broken by a page, or a cell wrapped onto the next
    table row (no day, no time and no item of its own)."""
    if above is None:
        return False
    own_day = _own(grow, day_col, above) if day_col is not None else None
    if own_day is not None and day_col is not None and grow.continues and _weekday_only(above.cells[day_col].text) and _date_only(own_day.text):
        return True  # "Thứ 2" / "(29/01/2024)": the page cut the day cell between its weekday and its date
    if own_day is not None and (days.names_days(own_day.text) or not grow.continues):
        return False  # the row's own day; "6)" on a new page is the rest of the day cell above
    content = next((grow.cells[c] for c, r in enumerate(roles) if r == CONTENT), None)
    times = [c for c, r in enumerate(roles) if r == TIME and _own(grow, c, above) is not None]
    if times:
        # Its own time opens a row, unless the page cut the time cell with the item ("16:00" / "(Chiều)"
        # beside "Họp giao" / "ban Văn phòng Sở"): a new page's row that opens mid-sentence, or whose time
        # is only the session that goes with the clock above, goes on.
        return bool(grow.continues and content is not None and above.cells[roles.index(CONTENT)] is not content and (
            content.text[:1].islower() or all(SESSION_NOTE_RE.match(grow.cells[c].text) for c in times)))
    if content is None or not content.text or (above.cells[roles.index(CONTENT)] is content):
        return grow.continues
    first = content.pieces[0]
    if grow.continues:
        return not _starts_item(first.text)  # "9h00: …" on the new page is an item of its own
    return first.text[:1].islower() and not _starts_item(first.text)


SESSION_NOTE_RE = re.compile(r"^\(\s*(?:sáng|chiều|tối|cả\s+ngày)\s*\)$", re.IGNORECASE)  # "(Chiều)" under its clock


def _weekday_only(text: str) -> bool:
    return bool(WEEKDAY_IN_DAY_RE.search(text)) and not days.has_date(text)


def _date_only(text: str) -> bool:
    return days.has_date(text) and not WEEKDAY_IN_DAY_RE.search(text)


def _starts_item(text: str) -> bool:
    return bool(vocab.BULLET_RE.match(text) or vocab.SESSION_RE.match(text) or vocab.LEADING_TIME_RE.match(text))


def _row(grow: GridRow, roles: list[str | None], day: tuple[str, int, Cell | None], above: GridRow | None,
         per_item: bool) -> Row | None:
    text, line, cell = day
    row = Row(day=text, line=line, day_line=line, weekday=_weekday_in(text))
    if cell is not None:
        row.lunar = next((p.text for p in cell.pieces if vocab.LUNAR_RE.match(p.text)), None)
    for c, role in enumerate(roles):
        piece_cell = grow.cells[c]
        if role in (None, DAY, IGNORED) or not piece_cell.text or _spans_left(grow, c):
            continue
        if role == WEEKDAY:
            row.weekday = piece_cell.text
            continue
        pieces = cell_pieces(piece_cell, role)
        if pieces:
            pieces[0] = Piece(pieces[0].text, pieces[0].line, BLOCK, pieces[0].pos)
        row.cells.setdefault(role, []).extend(pieces)
    when = _time_in_day(text)
    if TIME not in row.cells and when:  # "08:00 12/05/2025", "Thứ Hai 14/3 / 8h00 (Sáng)": the time too
        row.cells[TIME] = [Piece(when, line, BLOCK)]
    content = row.cells.get(CONTENT)
    if not content:
        return None
    if per_item:
        row.cells[CONTENT] = join_continuations(content)
    own_day = cell is not None and any(c is cell for c in grow.cells) and not (above and any(c is cell for c in above.cells))
    row.line = line if own_day and line else row.cells[CONTENT][0].line  # where the checks point: the day, or the item
    _align_spanning_sides(row, grow, roles, above)
    return row


PERSON_SPLIT_RE = re.compile(r"\s+(?=Đ/c\s)")


SPACES_RUN_RE = re.compile(r"\s{2,}")


def cell_pieces(cell: Cell, role: str) -> list[Piece]:
    """A cell's paragraphs as the parser reads them. In a side column (units, leaders, place) a run
    of two or more spaces separates entries as strongly as a paragraph, a second "Đ/c" within a
    line more weakly, and a line ending with a comma goes on ("Đ/c Phạm Văn Đông," / "PCT UBND quận")."""
    if role not in (UNITS, LEADERS, LOCATION):
        return [Piece(collapse(p.text), p.line, p.sep, p.pos) for p in cell.pieces if p.text.strip()]
    out: list[Piece] = []
    for p in cell.pieces:
        for k, chunk in enumerate(SPACES_RUN_RE.split(p.text.strip())):
            people = [x for x in PERSON_SPLIT_RE.split(chunk.strip()) if x.strip(" -–+•")]
            for j, person in enumerate(people):
                sep = INNER if j else (BLOCK if k else p.sep)
                if out and sep == LINE and out[-1].text.endswith(","):
                    last = out[-1]
                    out[-1] = Piece(f"{last.text} {collapse(person)}", last.line, last.sep, last.pos)
                else:
                    out.append(Piece(collapse(person), p.line, sep, p.pos))
    return out


def _spans_left(grow: GridRow, col: int) -> bool:
    """A cell spanning several columns belongs to its first: "Nghỉ Tết" across the row is content only."""
    return col > 0 and grow.cells[col] is grow.cells[col - 1]


def _align_spanning_sides(row: Row, grow: GridRow, roles: list[str | None], above: GridRow | None) -> None:
    """A side cell spanning several item rows names the same entry for each: place it beside this row's items."""
    top = row.cells[CONTENT][0].pos
    if top is None:
        return
    for c, role in enumerate(roles):
        if role in (UNITS, LEADERS, LOCATION) and above is not None and above.cells[c] is grow.cells[c]:
            row.cells[role] = [Piece(p.text, p.line, p.sep, top) for p in row.cells.get(role, [])]


def _extend(row: Row, grow: GridRow, roles: list[str | None], above: GridRow | None) -> None:
    """More items of the day above, in a row of their own: a side cell merged down beside them
    names the same entry for each."""
    content = next((grow.cells[c] for c, r in enumerate(roles) if r == CONTENT), None)
    top = content.pieces[0].pos if content is not None and content.pieces else None
    for c, role in enumerate(roles):
        cell = grow.cells[c]
        if role in (None, DAY, IGNORED, WEEKDAY) or not cell.text or _spans_left(grow, c):
            continue
        merged = above is not None and above.cells[c] is cell
        pieces = [Piece(p.text, p.line, BLOCK if k == 0 else p.sep, top if merged and top is not None else p.pos)
                  for k, p in enumerate(cell_pieces(cell, role))]
        row.cells.setdefault(role, []).extend(pieces)


def _join(row: Row, grow: GridRow, roles: list[str | None], above: GridRow | None) -> None:
    """The rest of a row broken by the page or wrapped onto the next table row."""
    for c, role in enumerate(roles):
        if role == DAY and grow.cells[c].text and not (above is not None and above.cells[c] is grow.cells[c]):
            row.day = join_lines(row.day, grow.cells[c].text)  # "Thứ 2 (08/11/202" + "1)"
        cell = grow.cells[c]
        if role in (None, DAY, IGNORED, WEEKDAY) or not cell.text or (above is not None and above.cells[c] is cell) \
                or _spans_left(grow, c):
            continue
        pieces = list(cell.pieces)
        have = row.cells.setdefault(role, [])
        at = _column_end(have, above.cells[c] if above is not None else None)
        if have and (pieces[0].sep == WRAP or role == CONTENT and not _starts_item(pieces[0].text)):
            last = have[at]
            have[at] = Piece(join_lines(last.text, pieces[0].text), last.line, last.sep, last.pos)
            pieces = pieces[1:]
        have[at + 1 : at + 1] = pieces


def _column_end(have: list[Piece], cell: Cell | None) -> int:
    """Where a column's text ends among the row's pieces of its role: two leader columns ("Chủ trì",
    "Tham dự") share one list, and the rest of each, on the next page, goes on with its own. The
    pieces keep the lines of the cell they came from; failing those, the list's end."""
    lines = {p.line for p in cell.pieces} if cell is not None else set()
    return max((k for k, p in enumerate(have) if p.line in lines), default=len(have) - 1)


# The issuer after a document number's dash, broken onto a line of its own ("23/2021/QĐ" / "-TTg"):
# two capitals in an acronym, where a bullet glued to its word opens one ("-Họp", "-Đi").
NUMBER_TAIL_RE = re.compile(r"[-–](?=[A-ZĐ][a-zđ]?[A-ZĐ])\w+")


def join_lines(above: str, below: str) -> str:
    """Join a wrapped line to the one above: "QLCN-" + "CN" is one word, "Lạc -" + "GĐ" two, and a
    narrow column breaks a document's number at its slash or dash ("số 126/" + "NQ-CP")."""
    if len(above) >= 2 and above[-1] in "-–/" and above[-2].isalnum() or NUMBER_TAIL_RE.match(below):
        return above + below  # "QLCN-" / "CN", "28/2017/" / "NQ-HĐND", "23/2021/QĐ" / "-TTg": one word
    if re.search(r"\d\s*/\s*\d{0,3}$", above) and re.match(r"\d{1,4}\b", below):
        return above + below  # "21/05/20" + "18)": a date broken by a narrow column
    if below[:1] in ")].,;:":
        return above + below  # "20/11/2027" + ")": no wrap opens a line with what closes one, only a forced break
    return f"{above} {below}"
