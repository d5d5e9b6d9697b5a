"""Flattened text layers of PDF tables: each row's cells follow one another as lines.

A row starts at its day ("02", "Sáu 01", "6-7 (Thứ bảy, Chủ nhật)) Đi kiểm tra cơ sở.");
the weekday and lunar note lines after it are kept aside; page furniture in between
(page numbers, "CHÚC MỪNG NĂM MỚI", repeated headers) is dropped. Lines holding only a
space are the gaps the layout left between entries: they are kept as empty pieces,
because they are the only trace of which entry sat beside which item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lichsync.parse import vocab
from lichsync.parse.header import HEADER_START_RE, is_header, roles_of
from lichsync.parse.rows import WRAP, Piece, Row, Table

ROW_START_RE = re.compile(
    rf"^(?:(?P<wd>{vocab.WEEKDAY_NAMES}|7)\s*,?\s+)?"
    r"(?P<day>\d{1,2})(?:\s*(?:[-–]|,)\s*(?P<day2>\d{1,2}))?(?=\s|$)(?P<rest>.*)$",
    re.IGNORECASE,
)

DAY_CUT_RE = re.compile(r"^\d{1,2}\s*[-–]$")
DAY_NUMBER_RE = re.compile(r"\d{1,2}\b")
ALL_DAY_LINE_RE = re.compile(r"^\(\s*(?:cả|trong)\s+ngày\s*\)\s*[.;,]?$", re.IGNORECASE)
LEADING_WEEKDAY_RE = re.compile(r"^((?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn))(?:[,.:]\s*|\s+|$)", re.IGNORECASE)


@dataclass
class _Start:
    day: int
    day_end: int
    weekday: str | None
    rest: str


def _row_start(text: str, last_day: int, month_days: int, last_start: int | None = None) -> _Start | None:
    """The row this line opens, if any. Rows follow in day order, but spans may overlap the rows
    around them ("4-5" then "5", "6" then "6-8" then "7"): a row may start on or after the
    previous row's first day (`last_start`) as long as it is not that same row again."""
    m = ROW_START_RE.match(text.strip())
    if not m:
        return None
    day = int(m.group("day"))
    day_end = int(m.group("day2") or day)
    rest = m.group("rest").strip()
    first = last_day if last_start is None else last_start
    if not (first <= day <= month_days and day <= day_end <= month_days):
        return None
    if day == first and (last_start is None or day_end <= last_day):
        return None
    # Text after the day number: only where it plainly starts the row's content, and the
    # day follows closely, so that a wrapped line starting with a number is not a new row.
    # A session word after the number opens a row at any later day ("4 Sáng: …" then "15 Sáng: …": a quiet
    # month); a bullet within a week of the last row ("18 - Họp …"); anything else within three days.
    session = bool(vocab.SESSION_RE.match(rest))
    opens = session or bool(vocab.BULLET_RE.match(rest))
    near = day <= last_day + 3 or session or (opens and (last_day == 0 or day <= last_day + 7))
    if rest and not (near and (rest[0].isupper() or rest[0] in "(-+")):
        return None
    return _Start(day, day_end, m.group("wd"), rest)


VOWEL_RE = re.compile(r"[AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]")


def _is_furniture(text: str) -> bool:
    """Page numbers, and a greeting in capitals ("CHÚC MỪNG NĂM MỚI"): words, each a syllable with its
    vowel, not a list of acronyms ("BTC, VP BTV ĐUK" is a unit and a leader)."""
    words = text.split()
    shouting = (len(words) >= 3 and all(w.isupper() for w in words) and not any(c.isdigit() for c in text)
                and all(VOWEL_RE.search(w) for w in words))
    return bool(vocab.FURNITURE_RE.match(text)) or shouting


def find_header(lines: list[tuple[int, str]], after: int = 0) -> int | None:
    for k, (no, text) in enumerate(lines):
        if no > after and HEADER_START_RE.match(text):
            window = " ".join(t for _, t in lines[k : k + 8])
            if re.search(r"nội\s+dung|công\s+việc", window, re.IGNORECASE):
                return k
    return None


def read(lines: list[tuple[int, str]], month_days: int, after: int = 0) -> Table | None:
    """Rows of a flattened table. `lines` are (line number, text) with the layer's empty lines
    removed and gap lines given as ""; `after` is the line of the program's title."""
    k = find_header(lines, after)
    if k is None:
        return None
    header_no = lines[k][0]
    header_text: list[str] = []
    rows: list[Row] = []
    last_day = 0
    last_start: int | None = None
    j = k
    while j < len(lines):
        no, text = lines[j]
        if DAY_CUT_RE.match(text) and j + 1 < len(lines) and DAY_NUMBER_RE.match(lines[j + 1][1]):
            text = f"{text}{lines[j + 1][1]}"  # "25-" / "26 Cả ngày: …": a day span the narrow cell wrapped
            j += 1
        if not rows:
            start = _row_start(text, 0, month_days)
            if start is None:
                header_text.append(text)
                j += 1
                continue
        if vocab.TRAILER_RE.match(text):
            break
        if text and is_header(text):  # the header row repeated on a new page
            j = _past_header(lines, j + 1, header_text)
            if rows and rows[-1].flow and rows[-1].flow[-1]:
                rows[-1].flow.append([])  # the page cut this row: its cells go on in a new segment
            continue
        start = _row_start(text, last_day, month_days, last_start) if text else None
        if start and not start.rest and not start.weekday and _page_number(lines, j, start.day_end, month_days):
            j += 1
            continue
        if start:
            row = Row(day=f"{start.day}-{start.day_end}" if start.day_end != start.day else str(start.day), line=no)
            row.weekday = start.weekday
            if rows and not row.weekday:
                row.weekday = _take_trailing_weekday(rows[-1])
            rest = start.rest
            m = LEADING_WEEKDAY_RE.match(rest)
            if m:  # "02 Thứ Ba Sáng: …"
                row.weekday, rest = m.group(1), rest[m.end():]
            if vocab.LUNAR_RE.match(rest):  # "15 (13/9 ÂL)" / "Thứ Ba": the day cell's lines
                row.lunar, rest = rest, ""
                following = next((k for k in range(j + 1, len(lines)) if lines[k][1]), None)
                if following is not None and not row.weekday and vocab.WEEKDAY_LINE_RE.match(lines[following][1]):
                    row.weekday = lines[following][1]
                    j = following
            rows.append(row)
            if rest:
                _add_line(row, no, rest)
            last_day, last_start = start.day_end, start.day
        elif rows:
            _add_line(rows[-1], no, text)
        j += 1
    roles = roles_of(" ".join(header_text))
    return Table(roles=roles, rows=rows, header_line=header_no)


def _past_header(lines: list[tuple[int, str]], j: int, header_text: list[str]) -> int:
    """The line after a repeated header's wrapped labels ("bị", "Người chủ trì"): the lines
    that repeat the first page's header lines are the header's, not the cut row's."""
    labels = {text for text in header_text if text}
    while j < len(lines) and (not lines[j][1] or lines[j][1] in labels):
        j += 1
    return j


def _page_number(lines: list[tuple[int, str]], j: int, day: int, month_days: int) -> bool:
    """A bare number followed by another row start is a page number, not a row."""
    for _, text in lines[j + 1 : j + 6]:
        if not text:
            continue
        start = ROW_START_RE.match(text)
        return _row_start(text, 0, month_days) is not None and start is not None and not start.group("rest")
    return False


def _take_trailing_weekday(row: Row) -> str | None:
    """ "7," / "CN" written above a day span belong to the next row, not to this one's content."""
    if not row.flow:
        return None
    pieces = row.flow[-1]
    taken = []
    while pieces and (not pieces[-1].text or vocab.WEEKDAY_LINE_RE.match(pieces[-1].text)):
        piece = pieces.pop()
        if piece.text:
            taken.append(piece.text)
    return " ".join(reversed(taken)) or None


NUMBER_AWAITED_RE = re.compile(r"\b(?:tháng|năm|số|lần|thứ|khóa|kỳ|quý|đợt|tầng|phòng)$", re.IGNORECASE)


def _awaits_number(pieces: list[Piece]) -> bool:
    """ "… định kỳ tháng" / "10": a bare number after a word that counts is the item's, not a page number."""
    last = next((p.text for p in reversed(pieces) if p.text), "")
    return bool(NUMBER_AWAITED_RE.search(last.rstrip()))


def _add_line(row: Row, no: int, text: str) -> None:
    if not row.flow:
        row.flow.append([])
    pieces = row.flow[-1]
    has_text = any(p.text for p in pieces)
    if text and not has_text:
        if vocab.WEEKDAY_LINE_RE.match(text) and row.lunar is None:
            row.weekday = f"{row.weekday} {text}".strip() if row.weekday else text
            return
        if vocab.LUNAR_RE.match(text):
            row.lunar = text
            return
    if text and (_is_furniture(text) or (re.fullmatch(r"\d{1,3}", text) and not _awaits_number(pieces))):
        return
    if not text and not has_text:
        return
    if pieces and pieces[-1].text and ALL_DAY_LINE_RE.match(text):
        # "(cả ngày)." wrapped onto a line of its own ends the item above, not a side column's entry.
        pieces[-1] = Piece(f"{pieces[-1].text} {text}", pieces[-1].line, pieces[-1].sep, pieces[-1].pos)
        return
    pieces.append(Piece(text, no, WRAP))
