"""Schedules written day by day: a day heading, then that day's paragraphs.

Two layouts share this shape. Prose lists put each day on a heading line ("THỨ HAI 14/3",
"Thứ Hai, ngày 12/5/2025", "* THỨ BẢY 11/01/2025 (nhằm 12/12 ÂL)", "T. Ba 03/9") with the
items under it. A portal table saved as text gives one cell per paragraph ("Thứ 2" / "14/7" /
"Sáng" / content / place / leader), where the day and session cells are written on the first
row of their block only and the other rows' empty cells are lines holding a blank. The header
row, when there is one, says which cells follow the content; the blank cells say where a row
ends; what each cell's paragraphs look like settles the rest.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from lichsync.parse import items, vocab
from lichsync.parse.header import roles_in
from lichsync.parse.heading import find_week
from lichsync.parse.rows import (
    CONTENT,
    DAY,
    IGNORED,
    LEADERS,
    LINE,
    LOCATION,
    TIME,
    UNITS,
    WRAP,
    Piece,
    Row,
    Table,
    join_continuations,
)

HEADER_RE = re.compile(r"^\s*(?:thứ\s*[,/-]?\s*)?ngày(?:\s*,?\s*tháng)?(?:\s*$|\s+(?=.*nội\s+dung))", re.IGNORECASE)
# Lines of a portal page that are not schedule: update stamps, navigation.
CHROME_RE = re.compile(
    r"^\(?\s*(?:cập\s+nhật(?:\s+lần\s+cuối)?|ngày\s+đăng(?:\s+bài)?|tuần\s+(?:trước|sau|hiện\s+tại)|"
    r"xem\s+lịch|in\s+lịch|tải\s+về|lượt\s+xem|lịch\s+(?:này\s+)?có\s+thể\s+(?:thay\s+đổi|điều\s+chỉnh))\b"
    # A paragraph wholly in parentheses is a remark on the schedule ("(Lịch có thể thay đổi …)").
    r"|^\((?!\s*nghỉ)[^()]*\)\s*\.?$",
    re.IGNORECASE,
)
OFFICIAL_CELL_RE = re.compile(
    rf"{vocab.LEADER_START_RE.pattern}|^(?:các\s+)?(?:phó\s+)?(?:chủ\s+tịch|bí\s+thư|giám\s+đốc)\b|"
    r"^(?:PCTTT|PCT|CT|PBT|BT|GĐ|PGĐ|TT|UV)\b|^tập\s+thể\b",
    re.IGNORECASE,
)
PLACE_CELL_RE = re.compile(rf"{vocab.UNIT_HEAD_RE.pattern}|^p\.\s*họp|^ht\b|\btầng\s+\d", re.IGNORECASE)

BLANK = ""  # a cell with nothing in it, as a token


@dataclass
class _Head:
    index: int  # index of the heading's first paragraph
    end: int  # index after its last paragraph
    date: str
    weekday: str | None
    lunar: str | None
    rest: str  # content written on the heading line itself
    line: int = 0  # the heading's line; headings of one day ("Sáng thứ Hai", "Chiều thứ Hai") share the first's
    session: str | None = None


def _paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Non-empty lines; a line holding only blanks is an empty cell (BLANK)."""
    out = []
    for no, text in lines:
        if text == "":
            continue
        out.append((no, BLANK if not text.strip() else text.strip()))
    return out


def _split_head(text: str, below: str) -> vocab.DayHead | None:
    """A day heading broken over two lines ("* Thứ" / "Ba: 25/3", "Thứ Ba: 25/" / "3"): the first line is
    a short start of it with no date, the second alone is no heading, the two together are one."""
    if not text or not below or len(text) > 24 or vocab.day_head(below):
        return None
    if vocab.WEEKDAY_ALONE_RE.match(text):
        return None  # "Thứ Ba" / "25/3": a weekday line above a date, read as such
    head = vocab.day_head(f"{text} {below}")
    return head if head and head.weekday_given else None


TRAILING_NGAY_RE = re.compile(r"\s*,?\s*ngày\s*$", re.IGNORECASE)


def _weekday_above(paras: list[tuple[int, str]], k: int, free: int) -> tuple[str, int] | None:
    """The weekday a narrow day cell wrote on the lines above its date ("Thứ Ba" / "16/6", "Thứ Hai," /
    "ngày" / "15/6/2026"): the weekday and the line the heading starts at."""
    for back in (1, 2):
        if k - back < free:
            break
        above = [t for _, t in paras[k - back : k]]
        if (alone := vocab.WEEKDAY_ALONE_RE.match(above[0])) and back == 1:
            return alone.group("wd"), k - 1
        joined = vocab.day_head(" ".join([*above, paras[k][1]]))
        if joined and joined.weekday_given and len(" ".join(above)) <= 24 and vocab.WEEKDAY_ALONE_RE.match(
                TRAILING_NGAY_RE.sub("", " ".join(above))):
            return joined.weekday or "", k - back
    return None


BARE_SPAN_RE = re.compile(r"(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})(?![\d/.,])\s*(?P<rest>.*)$")
HEAD_DATE_RE = re.compile(r"(?P<d>\d{1,2})(?:-\d{1,2})?/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?")  # a heading's (first) day
AWAITS_DAYS_RE = re.compile(r"(?:ngày|từ|đến|và|[,–-])\s*$", re.IGNORECASE)


def _bare_span(text: str, above: str, previous: _Head) -> vocab.DayHead | None:
    """A row of several days written with their numbers alone ("18-19 - Đi công tác …") among a week's
    dated headings: days from the first of the heading above it, within a week of it, in its month. The line
    above must be complete ("… vào ngày" / "18-19" is a date inside an item), and what follows must
    open an item ("- Đi …", "Đi …"), not go on with a quantity ("8-10 giờ", "15-20 người")."""
    m = BARE_SPAN_RE.match(text)
    date = HEAD_DATE_RE.search(previous.date)
    if not m or not date or AWAITS_DAYS_RE.search(above):
        return None
    first, last, day, rest = int(m.group("d1")), int(m.group("d2")), int(date.group("d")), m.group("rest")
    if not day <= first < last <= day + 7 or rest and not (rest[0] in "-–•+" or rest[0].isupper()):
        return None
    year = date.group("y")
    when = f"{first}-{last}/{date.group('m')}" + (f"/{year}" if year else "")
    return vocab.DayHead(when, None, False, None, None, rest, bool(year))


RANGE_CELL_RE = re.compile(  # "Từ 08/4 đến 14/4/2019", "Từ thứ Ba đến thứ Tư (09-10/3/2027):"
    r"^từ\s+(?:ngày\s+)?(?:\d{1,2}(?:/\d{1,2}(?:/\d{4})?)?|thứ\s*\w+)\s*(?:đến|[-–])\s*(?:ngày\s+)?"
    r"(?:\d{1,2}/\d{1,2}(?:/\d{4})?|thứ\s*\w+)(?:\s*\((?:ngày\s+)?[\d/\s,–-]+(?:(?:đến|và)\s+[\d/\s]+)?\))?\s*:?$",
    re.IGNORECASE)


# "- Ngày 15/12: Đ/c Bí thư dự …": a date its line labels as the day (the word, then a colon) heads it, weekday or not.
LABELLED_DAY_RE = re.compile(r"^[\s*•·\-–+]*ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*(?:\([^()]*\))?\s*:", re.IGNORECASE)


def _range_lead(text: str) -> tuple[str, str] | None:
    """A line opening with the days it spans and a colon ("- Từ ngày 08/12 đến ngày 10/12: Kiểm tra …"): the
    days, as a day cell writes them, and the item after them. A title's range has no item after a colon."""
    line = text.lstrip(" *•·-–+")
    m = vocab.DATE_RANGE_RE.match(line)
    if not m or not m.group(0).rstrip().endswith(":") or not m.group(0).lstrip(" (")[:1].isupper():
        return None
    rest = line[m.end():].strip()
    first = f"{int(m.group('d1'))}/{int(m.group('m1') or m.group('m2'))}" + (f"/{m.group('y1')}" if m.group("y1") else "")
    last = f"{int(m.group('d2'))}/{int(m.group('m2'))}" + (f"/{m.group('y2')}" if m.group("y2") else "")
    return (f"{first} - {last}", rest) if rest else None


def _range_cell(paras: list[tuple[int, str]], k: int) -> tuple[str, int] | None:
    """A day cell naming a range of days ("Từ 08/4 đến 14/4/2019", "Từ thứ 2 đến thứ 4"), alone in
    its paragraph or wrapped once ("Từ 4/6 đến" / "5/7/2019"): its text and the index after it. The
    row reader dates it against the week; a range with an item after it on its line is the item's."""
    text = paras[k][1]
    if RANGE_CELL_RE.match(text):
        return text, k + 1
    if len(text) <= 24 and text[:2].lower() == "từ" and k + 1 < len(paras) and RANGE_CELL_RE.match(f"{text} {paras[k + 1][1]}"):
        return f"{text} {paras[k + 1][1]}", k + 2
    return None


def find_heads(paras: list[tuple[int, str]]) -> list[_Head]:
    """Day headings with their dates; failing any, weekday headings ("THỨ HAI:") that the week's dates will date."""
    heads: list[_Head] = []
    header = next((k for k, (_, text) in enumerate(paras) if HEADER_RE.match(text)), len(paras))
    for k, (_, text) in enumerate(paras):
        # A range is a day cell only in the table: above it, the title's range names the week.
        if text and (k >= heads[-1].end if heads else k > header) and (cell := _range_cell(paras, k)):
            heads.append(_Head(k, cell[1], cell[0].rstrip(" :"), None, None, "", paras[k][0]))
            continue
        # Among lines that open with their days and items, one opening with a range heads its days; under a day's
        # heading alone on its line, it is an item of that day with its own span.
        if text and (not heads or heads[-1].rest) and (lead := _range_lead(text)):
            heads.append(_Head(k, k + 1, lead[0], None, None, lead[1], paras[k][0]))
            continue
        head = vocab.day_head(text) if text else None
        if not head and heads and k and (span := _bare_span(text, paras[k - 1][1], heads[-1])):
            heads.append(_Head(k, k + 1, span.date, None, None, span.rest, paras[k][0]))
            continue
        start = k
        if not head and k + 1 < len(paras) and _split_head(text, paras[k + 1][1]):
            head, start = _split_head(text, paras[k + 1][1]), k  # "* Thứ" / "Ba: 25/3": a heading wrapped
            k += 1
        if not head or text.count(")") > text.count("("):
            continue  # "ngày 28/5/2018)": the end of a wrapped title, not a day
        weekday, rest = head.weekday, head.rest
        if not weekday:
            weekday, start = _weekday_above(paras, k, heads[-1].end if heads else 0) or (None, start)
        # A bare date heads a day only when it stands alone, and ends no sentence ("… Quốc tế Lao động" / "1/5.");
        # with a weekday it may lead content.
        if not head.weekday_given and (rest or text.endswith(".")) and not LABELLED_DAY_RE.match(text):
            continue
        if not weekday and not head.year_given and rest == "" and len(text) > 12:
            continue
        if heads and start < heads[-1].end:
            continue
        line = heads[-1].line if heads and heads[-1].date == head.date else paras[start][0]
        heads.append(_Head(start, k + 1, head.date, weekday, head.lunar, rest, line, head.session))
    if len(heads) >= 2 or any(h.weekday for h in heads):
        return heads
    undated = [_Head(k, k + 1, "", alone.group("wd"), None, "", no)
               for k, (no, t) in enumerate(paras) if t and (alone := vocab.WEEKDAY_ALONE_RE.match(t))]
    # Only a title naming the week ("từ ngày 14/3 đến ngày 18/3/2022") makes weekday lines day headings:
    # monthly text layers have weekday lines too, beside their day numbers.
    titled = undated and any(find_week(t) for _, t in paras[: undated[0].index])
    return undated if len(undated) >= 2 and titled else []


def _header_roles(paras: list[tuple[int, str]], first_head: int) -> tuple[int | None, list[str]]:
    """The header's column roles, one per cell, when a "Ngày … Nội dung" header row stands before the days."""
    for k in range(max(0, first_head - 14), first_head):
        if paras[k][1] and HEADER_RE.match(paras[k][1]):
            roles: list[str] = []
            # One text: a layer wraps a cell's label over lines ("Đơn vị chuẩn" / "bị").
            for role in roles_in(" ".join(text for _, text in paras[k:first_head] if text and text != BLANK)):
                if not roles or roles[-1] != role or role == IGNORED:
                    roles.append(role)
            if CONTENT in roles:
                return paras[k][0], roles
    return None, [DAY, CONTENT]


WEEKDAY_LEAD_RE = re.compile(rf"^(?P<wd>{vocab.WEEKDAY})\s*,?\s*(?P<rest>.*)$", re.IGNORECASE)
DATE_LEAD_RE = re.compile(r"^(?:ngày\s+)?(?P<date>\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)(?![\d/])\s*(?P<rest>.*)$", re.IGNORECASE)
CUT_REACH = 16  # the paragraphs a row's part above a page's foot can hold


def _rejoin_cut_days(paras: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Day cells a page cut: the weekday above the page's foot ("Thứ Sáu," / "ngày", or "Thứ Bảy, Sáng: …"
    with the row's first line), the date after the header the next page repeats ("19/3/2027 “Cố ý …”",
    "ngày" / "16/10/2027"). The date goes back to its weekday, so the row starts where the page wrote it."""
    first = next((k for k, (_, t) in enumerate(paras) if HEADER_RE.match(t) and re.search(r"nội\s+dung", t, re.I)), None)
    if first is None:
        return paras
    out = list(paras)
    header = _header_texts(paras, paras[first][0])
    for k in range(len(out) - 1, first, -1):
        if out[k][1] == paras[first][1] and (cut := _cut_day(out, k, header)):
            out = cut
    return out


def _cut_day(paras: list[tuple[int, str]], repeat: int, header: frozenset[str]) -> list[tuple[int, str]] | None:
    """The paragraphs with the day cell cut at the header repeated at `repeat` made whole, or None."""
    after = repeat
    while after < len(paras) and paras[after][1] in header:
        after += 1
    ngay_after = after < len(paras) and paras[after][1].lower() == "ngày"
    at = after + ngay_after
    date = DATE_LEAD_RE.match(paras[at][1]) if at < len(paras) else None
    if date is None:
        return None
    for w in range(repeat - 1, max(repeat - CUT_REACH, 0) - 1, -1):
        text = paras[w][1]
        if vocab.day_head(text) or DATE_LEAD_RE.match(text):
            return None  # a dated row above: the date below is no cut day's
        lead = WEEKDAY_LEAD_RE.match(text)
        if lead and not vocab.day_head(f"{text} {paras[w + 1][1]}"):
            ngay_above = w + 1 < repeat and paras[w + 1][1].lower() == "ngày"
            no = paras[w][0]
            head = [(no, f"{lead.group('wd')}, ngày {date.group('date')}")] + ([(no, lead.group("rest"))] if lead.group("rest") else [])
            rest = [(paras[at][0], date.group("rest"))] if date.group("rest") else []
            return paras[:w] + head + paras[w + 1 + ngay_above : after] + rest + paras[at + 1 :]
    return None


def read(lines: list[tuple[int, str]]) -> Table | None:
    """Rows of a day-by-day schedule, or None when the text has no day headings."""
    paras = _rejoin_cut_days(_paragraphs(lines))
    heads = find_heads(paras)
    if not heads:
        return None
    header_line, roles = _header_roles(paras, heads[0].index)
    width = _wrap_width([t for _, t in paras])
    lead = roles.index(CONTENT) if CONTENT in roles else 1
    after = roles[roles.index(CONTENT) + 1 :] if CONTENT in roles else []
    columns = [r for r in roles if r in (CONTENT, LEADERS, LOCATION, UNITS, TIME)]
    body = paras[heads[0].index :]
    shape = _Flattening(_glued(body), _header_texts(paras[: heads[0].index], header_line), _wrapped_layer(body))
    rows: list[Row] = []
    for k, head in enumerate(heads):
        stop = heads[k + 1].index if k + 1 < len(heads) else len(paras)
        block = []
        for no, text in paras[head.end : stop]:
            if text and (vocab.TRAILER_RE.match(text) or vocab.PAGE_END_RE.match(text)):
                stop = -1
                break
            block.append((no, text))
        if head.rest:
            block.insert(0, (paras[head.end - 1][0], head.rest))
        if after or TIME in roles[:lead]:
            new = _block_rows([(no, t) for no, t in block if not (t and CHROME_RE.match(t))], head, lead, after, shape)
        else:
            new = _one_row(block, head, width)
        rows += new
        if stop == -1:
            break
    return Table(roles=columns, rows=rows, header_line=header_line or 0)


@dataclass(frozen=True)
class _Flattening:
    """What the whole table's text says of how it was flattened."""

    glued: bool  # see _glued
    header_texts: frozenset[str]  # the header row's lines, repeated where a page starts
    wrapped: bool  # see _wrapped_layer


def _wrapped_layer(paras: list[tuple[int, str]]) -> bool:
    """A PDF text layer: a fifth or more of the table's lines go on in lower case, wrapped mid-sentence,
    where a table copied one cell a paragraph starts its cells in capitals (under a twentieth on the
    layouts tried, against a quarter to two thirds for layers). "đ/c …" opens a cell in either."""
    lines = [t for _, t in paras if t[:1].isalpha() and not vocab.LEADER_START_RE.match(t)]
    return len(lines) >= 10 and sum(t[0].islower() for t in lines) >= 0.2 * len(lines)


def _glued(paras: list[tuple[int, str]]) -> bool:
    """Whether the layer parts its cells with blank lines and writes a cell's own paragraphs on adjacent
    lines ("Thường trực HĐND tỉnh," / "Đ/c Triệu"): then adjacent lines are one cell and each cell is
    a paragraph group of its own. A layer that parts every paragraph alike does not say."""
    gaps = [b - a for (a, _), (b, _) in zip(paras, paras[1:], strict=False)]
    adjacent = sum(g == 1 for g in gaps)
    return adjacent > 0 and len(gaps) - adjacent >= 0.7 * len(gaps)


def _wrap_width(texts: list[str]) -> int | None:
    """The width a text layer wraps its lines at, when it is one: many long lines of nearly one length
    that end mid-sentence. Typed paragraphs (a portal page) vary in length and end their sentences."""
    lengths = sorted(len(t) for t in texts if len(t) >= 20)
    if len(lengths) < 4:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    full = [t for t in texts if width * 0.85 <= len(t) <= width * 1.1]
    open_ended = [t for t in full if not items.SENTENCE_END_RE.search(t)]
    return width if width <= 150 and len(full) >= 3 and len(open_ended) >= 0.6 * len(full) else None


def _row(head: _Head, line: int) -> Row:
    return Row(day=head.date, line=line, weekday=head.weekday, lunar=head.lunar, day_line=head.line, session=head.session)


def _one_row(block: list[tuple[int, str]], head: _Head, width: int | None) -> list[Row]:
    """A prose day: all its paragraphs are the content cell, its hard-wrapped lines joined."""
    lines = [(text, no) for no, text in block if text and not _section_heading(text)]
    # A remark in parentheses is chrome once it stands alone: "(chiều)." on a line of its own may be a wrap.
    pieces = [Piece(text, no, LINE) for text, no in items.join_wrapped(lines, width) if not CHROME_RE.match(text)]
    if not pieces:
        return []
    row = _row(head, pieces[0].line)
    row.cells[CONTENT] = pieces
    return [row]


def _section_heading(text: str) -> bool:
    """ "TUẦN 21", "ĐIỀU CHỈNH, BỔ SUNG:", "LỊCH TRỰC LÃNH ĐẠO": a heading of the page, not an item.
    An acronym alone that ends a sentence ("HĐND.") is the end of a wrapped item."""
    letters = [c for c in text if c.isalpha()]
    if len(text.split()) == 1 and text.rstrip().endswith((".", ",", ";")):
        return False
    return (len(letters) >= 4 and all(c.isupper() for c in letters) and len(text.split()) <= 8
            and not vocab.BULLET_RE.match(text) and not vocab.LEADING_TIME_RE.match(text))


def _is_lead(text: str) -> bool:
    return text == BLANK or bool(vocab.SESSION_ALONE_RE.match(text) or vocab.TIME_ALONE_RE.match(text))


def _block_rows(block: list[tuple[int, str]], head: _Head, lead: int, after: list[str], shape: _Flattening) -> list[Row]:
    """Rows of one day of a flattened table. Each row starts with its lead cells (day, session or
    time: blank on all but a block's first row, or a session word, or a clock time); a run of
    blanks as long as the lead cells therefore ends a row, a shorter one is an empty cell in it.
    Where the layer glues a cell's paragraphs (`shape.glued`), the cells can be counted: a row ends after
    its content and the cells after it."""
    glued = shape.glued
    rows: list[Row] = []
    session: str | None = None
    expected = lead - 1  # the first row's day cell is the heading itself
    k = 0
    while k < len(block):
        j = k
        while j < len(block) and _is_lead(block[j][1]):
            j += 1
        run = block[k:j]
        words = [t for _, t in run if t]
        if rows and len(run) > expected:  # blanks beyond the lead cells: the row above ended with empty cells
            _add_empty_cells(rows[-1], len(run) - len(words) - max(expected - len(words), 0))
        time = None
        for t in words:
            if vocab.SESSION_ALONE_RE.match(t):
                session = t.rstrip(": ")
            else:
                time = t
        end = _counted_end(block, j, 1 + len(after)) if glued else j
        while not glued and end < len(block) and block[end][1] != BLANK and not _is_lead(block[end][1]):
            end += 1
            if end < len(block) and vocab.LEADING_TIME_RE.match(block[end][1]):
                break  # "14h00: …" starts the next row (text layers keep no blank cells to say so)
            while end < len(block) and block[end][1] == BLANK:
                blanks = end
                while blanks < len(block) and block[blanks][1] == BLANK:
                    blanks += 1
                if blanks - end >= lead or blanks == len(block) or _is_lead(block[blanks][1]):
                    break
                end = blanks  # a short run of blanks: empty cells within this row
        tokens = block[j:end]
        k = end
        expected = lead
        if not any(t for _, t in tokens):
            continue
        row = _row(head, next(no for no, t in tokens if t))
        row.session = session or head.session
        if time:
            row.cells[TIME] = [Piece(time, run[-1][0])]
        row.cells["_tokens"] = [Piece(t, no) for no, t in tokens]
        rows.append(row)
    for row in rows:
        _split_cells(row, after, shape)
    return rows


def _counted_end(block: list[tuple[int, str]], start: int, cells: int) -> int:
    """Where a row of `cells` cells that starts at `start` ends: each blank is an empty cell, each run of
    adjacent lines one cell."""
    k, count = start, 0
    while k < len(block) and count < cells:
        k += 1
        if block[k - 1][1] != BLANK:
            while k < len(block) and block[k][1] != BLANK and block[k][0] - block[k - 1][0] == 1:
                k += 1
        count += 1
    return k


def _add_empty_cells(row: Row, n: int) -> None:
    row.cells.setdefault("_tokens", []).extend(Piece(BLANK, row.line) for _ in range(max(n, 0)))


def _score(role: str, texts: list[str]) -> float:
    if not texts:
        return 0.0
    if role == LEADERS:
        return sum(1.0 if OFFICIAL_CELL_RE.search(t) else -2.0 for t in texts) - _breaks(texts)
    if role in (LOCATION, UNITS):
        return sum(1.0 if PLACE_CELL_RE.search(t) else -0.5 for t in texts) - 0.5 * (len(texts) - 1)
    if role == CONTENT:
        return -2.0 if OFFICIAL_CELL_RE.search(texts[-1]) and len(texts[-1]) < 40 else 0.0
    return 0.0


def _breaks(texts: list[str]) -> float:
    """The cost of a cell holding several paragraphs: one paragraph per cell is the rule, unless a
    paragraph says it goes on ("Chủ tịch," / "Các Phó Chủ tịch liên quan")."""
    return sum(1.5 for above, below in zip(texts, texts[1:], strict=False) if not (above.endswith((",", ";")) or below[:1].islower()))


SIDE_ROLES = (UNITS, LEADERS, LOCATION)


RUN_ON_LEADER_RE = re.compile(r"\S\s+Đ/c\s+\S")


def _header_texts(paras: list[tuple[int, str]], header_line: int | None) -> frozenset[str]:
    """The header row's lines as the first page wrote them ("Ngày Nội dung công việc Đơn vị chuẩn" /
    "bị" / "Người chủ trì"): up to four lines from the header's first, none with a digit."""
    if header_line is None:
        return frozenset()
    texts = [t for no, t in paras if t and no >= header_line][:4]
    return frozenset(itertools.takewhile(lambda t: not any(c.isdigit() for c in t), texts))


def _page_segments(pieces: list[Piece], header_texts: frozenset[str]) -> list[list[Piece]]:
    """A layer's row as segments, one a page: the header repeated on a new page (its lines as the
    first page wrote them) ends the part of the row above it."""
    segments: list[list[Piece]] = [[]]
    for p in pieces:
        if p.text in header_texts:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(Piece(p.text, p.line, WRAP))
    return [seg for seg in segments if seg]


def _wrapped(pieces: list[Piece]) -> bool:
    """Lines that go on in lower case: wrapped lines of a layer, not one paragraph a cell (a row whose
    item wrapped once and has only a leader beside it wraps once); an item's line left open ("… Bệnh
    viện Chợ Rẫy," / "Thành phố Hồ Chí Minh", "… Địa điểm: Phòng họp số 3," / "VP HĐND tỉnh": an item's
    cell does not end on a comma, while a list of officials or units may, one a paragraph); or a line
    where the layer ran the leader's cell onto the item's ("- Trực lãnh đạo Đ/c Ngô Đức" / "Hải - CT")."""
    return (sum(p.text[:1].islower() for p in pieces[1:]) >= 1
            or any(p.text.endswith(",") and (vocab.FIELD_LABEL_RE.search(p.text)
                                             or not (OFFICIAL_CELL_RE.match(p.text) or PLACE_CELL_RE.match(p.text)))
                   for p in pieces[:-1])
            or any(RUN_ON_LEADER_RE.search(p.text) for p in pieces))


def _split_cells(row: Row, roles: list[str], shape: _Flattening) -> None:
    """The row's paragraphs into its cells (content, then `roles`): blank tokens are empty
    cells; among the splits left open, the one whose cells look most like their columns wins.
    In a glued layer each run of adjacent lines is a cell of its own."""
    tokens = row.cells.pop("_tokens", [])
    cells = [CONTENT] + roles
    glued = shape.glued
    groups = _groups(tokens, glued)
    if glued and len(groups) > len(cells):
        groups, glued = _groups(tokens, False), False
    flowing = shape.wrapped or _wrapped(groups[0] or []) if len(groups) == 1 else False
    if glued is False and any(r in SIDE_ROLES for r in roles) and flowing:
        # A PDF text layer: the row's wrapped lines run from its content into its side cells with
        # nothing between them; where one ends and the next begins is the flattened layers' question.
        row.flow = _page_segments(groups[0] or [], shape.header_texts)
        return
    best: tuple[float, list[list[Piece]]] | None = None
    for assignment in _assignments(groups, len(cells), whole=glued):
        score = sum(_score(role, [p.text for p in cell]) for role, cell in zip(cells, assignment, strict=True))
        score -= _unwritten(groups, assignment)
        if best is None or score > best[0]:
            best = (score, assignment)
    if best is None:  # more cells than the header names: keep them all as content
        row.cells[CONTENT] = [p for g in groups if g for p in g]
        return
    for role, cell in zip(cells, best[1], strict=True):
        if cell and role != IGNORED:
            row.cells.setdefault(role, []).extend(join_continuations(cell) if role == CONTENT else cell)


def _unwritten(groups: list[list[Piece] | None], assignment: list[list[Piece]]) -> float:
    """The cost of reading a row as ending early: one for each cell left empty, with no blank written
    for it, while paragraphs that could have filled it were put together in another cell."""
    could = min(len(assignment), sum(len(g) if g else 1 for g in groups))
    used = sum(1 for cell in assignment if cell) + sum(1 for g in groups if g is None)
    return float(could - used)


def _groups(tokens: list[Piece], glued: bool) -> list[list[Piece] | None]:
    """Runs of paragraphs between empty cells (None); glued, each run of adjacent lines, which is one cell."""
    groups: list[list[Piece] | None] = []
    for k, piece in enumerate(tokens):
        if piece.text == BLANK:
            groups.append(None)
        elif groups and groups[-1] is not None and (not glued or piece.line - tokens[k - 1].line == 1):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _assignments(groups: list[list[Piece] | None], n: int, whole: bool = False):
    """Ways to lay the groups into n cells in order: an empty cell (None) is one empty cell, a run of
    p paragraphs fills 1 to p cells (one cell when `whole`); the last cells may be left empty when
    the row ends early."""
    if not groups:
        yield [[] for _ in range(n)]
        return
    head, rest = groups[0], groups[1:]
    if n <= 0:
        return
    if head is None:
        for others in _assignments(rest, n - 1, whole):
            yield [[]] + others
        return
    for width in range(1, 1 + (1 if whole else min(n, len(head)))):
        cuts: Iterable[tuple[int, ...]]
        if len(head) <= 12:
            cuts = combinations(range(1, len(head)), width - 1)
        else:  # beyond any real cell: only the last paragraphs can be side cells
            cuts = [tuple(range(len(head) - width + 1, len(head)))]
        for cut in cuts:
            bounds = (0, *cut, len(head))
            first = [head[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            for others in _assignments(rest, n - width, whole):
                yield first + others
