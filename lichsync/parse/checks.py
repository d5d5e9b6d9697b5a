"""Self-checks: where a program contradicts itself, as a clerk reading it would notice.

Pure functions over the rows' own facts (weekday names, lunar notes, day numbers) and the
events read from them; each finding is a `Warning` with the line to look at. How serious a
finding is lives here (`LEVELS`), outside the JSON contract, which has no level.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from lichsync.parse import lunar, vocab
from lichsync.parse.model import Event, Period, Warning
from lichsync.parse.rows import CONTENT, Row
from lichsync.parse.text import collapse

ERROR, WARNING, NOTE = "error", "warning", "note"
# error: a date of the program is wrong or a row was lost; warning: lichsync repaired or doubts
# something; note: how the parser read an unusual layout.
LEVELS = {
    "weekday_mismatch": ERROR,
    "lunar_mismatch": ERROR,
    "day_order": ERROR,
    "day_duplicate": ERROR,
    "day_beyond_month": ERROR,
    "unreadable_row": ERROR,
    "span_month": WARNING,
    "year_mismatch": WARNING,
    "alignment": NOTE,
}

WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
LUNAR_NOTE_RE = re.compile(r"(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s*/\s*(\d{1,2})\s*ÂL", re.IGNORECASE)
# A full date, or "tháng 9/2023", "tháng 9 năm 2023", in an item's text.
# A pattern opening with a look-ahead, "(?=[…])", lists the characters a match can start with: a search
# then turns most positions away at once (tests/test_regex_guards.py proves the matches unchanged).
FULL_DATE_RE = re.compile(r"(?=\d)(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
MONTH_YEAR_RE = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})(?!\d)", re.IGNORECASE)


def level(code: str) -> str:
    """How serious a finding is; codes not listed are warnings."""
    return LEVELS.get(code, WARNING)


def _days(first: date, last: date | None) -> list[date]:
    return [first + timedelta(n) for n in range(((last or first) - first).days + 1)]


def _dmy(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def _first_text(row: Row) -> str:
    pieces = [p for seg in row.flow for p in seg] if row.flow else row.cells.get(CONTENT, [])
    return next((p.text for p in pieces if p.text.strip()), "")


def check_weekday(row: Row, first: date, last: date | None) -> Warning | None:
    """The weekday names written in the row against its dates: its weekday or day cell ("7, CN"
    over a weekend span), and a rest marker opening its content ("(Thứ bảy, Chủ nhật)")."""
    days = _days(first, last)
    named = vocab.weekdays_named(row.weekday or "") + vocab.weekdays_named(row.day, bare_digits=False)
    # One name per day, or a name for the first (and the last) day of a span.
    expected = days if len(named) == len(days) else [days[0], days[-1]][: len(named)]
    wrong = next((day for name, day in zip(named, expected, strict=False) if name != day.weekday()), None)
    written = (row.weekday or row.day).strip()
    if wrong is None:
        marker = vocab.REST_MARKER_RE.match(_first_text(row))
        rest_days = vocab.weekdays_named(marker.group(0), bare_digits=False) if marker else []
        if marker and any(name not in {d.weekday() for d in days} for name in rest_days):
            wrong, written = days[0], collapse(marker.group(0))
    if wrong is None:
        return None
    if len(days) > 1:
        actual = f"{first:%d}–{_dmy(days[-1])} are {', '.join(WEEKDAY_VI[d.weekday()] for d in days)}"
    else:
        actual = f"{_dmy(first)} is {WEEKDAY_VI[first.weekday()]}"
    return Warning("weekday_mismatch", f"the row says {written!r} but {actual}", row.line)


def check_lunar(row: Row, first: date, last: date | None) -> Warning | None:
    """A lunar note "(01/12 ÂL)", "(10-11/12 ÂL)" against the row's dates."""
    m = LUNAR_NOTE_RE.search(row.lunar or "")
    if not m:
        return None
    d1, d2, month = int(m.group(1)), m.group(2), int(m.group(3))
    notes = [(first, d1)]
    if d2:
        notes.append((last or first + timedelta(int(d2) - d1), int(d2)))
    for day, written in notes:
        try:
            actual = lunar.to_lunar(day)
        except ValueError:
            return None  # outside the years the calendar is computed for
        if (actual.day, actual.month) != (written, month):
            return Warning(
                "lunar_mismatch",
                f"the lunar note {collapse(row.lunar or '')!r} does not match {_dmy(day)}, which is "
                f"{actual.day:02d}/{actual.month:02d}{' nhuận' if actual.leap else ''} ÂL "
                f"({lunar.year_name(actual.year)})",
                row.line,
            )
    return None


SPAN_ROW_RE = re.compile(r"^\W*từ\b", re.IGNORECASE)


def check_day_sequence(dated: list[tuple[Row, date, date | None]]) -> list[Warning]:
    """Rows whose day breaks the order of the days around it, or repeats an earlier row's.

    The rows out of order are those outside the longest run of non-decreasing days, so that
    one mistyped day ("21" between 11 and 13) is the one reported, not its neighbours.
    """
    in_order = _longest_non_decreasing([first for _, first, _ in dated])
    warnings = []
    seen: dict[date, int] = {}
    for k, (row, first, last) in enumerate(dated):
        if k not in in_order:
            before = next((dated[j][1] for j in range(k - 1, -1, -1) if j in in_order), None)
            after = next((dated[j][1] for j in range(k + 1, len(dated)) if j in in_order), None)
            around = " and ".join(f"{d:%d/%m}" for d in (before, after) if d)
            warnings.append(Warning("day_order", f"day {first:%d/%m} is out of order (written between {around})", row.line))
            continue
        if SPAN_ROW_RE.match(row.day):
            continue  # "Từ 08/4 đến 14/4/2019": an activity spanning the week, beside its days, not a day of its own
        again = next((d for d in _days(first, last) if d in seen), None)
        # Weekly tables give each item its own row under one day cell: consecutive rows of one day.
        same_block = k > 0 and row.day_line is not None and dated[k - 1][0].day_line == row.day_line
        same_block = same_block or bool(vocab.LEADING_TIME_RE.match(row.day))  # "08:00 12/05/2025": one row per event
        if again and not same_block:
            warnings.append(Warning("day_duplicate", f"day {again:%d/%m} is already given by the row at line {seen[again]}", row.line))
        seen.update((d, row.line) for d in _days(first, last) if d not in seen)
    return sorted(warnings, key=lambda w: w.line or 0)  # each carries its row's line


def _longest_non_decreasing(values: list[date]) -> set[int]:
    """Indexes of one longest non-decreasing subsequence (the rows in their right place)."""
    best: list[list[int]] = []
    for i, v in enumerate(values):
        chains = [c for c in best if values[c[-1]] <= v]
        best.append(max(chains, key=len, default=[]) + [i])
    longest: list[int] = max(best, key=len, default=[])
    return set(longest)


def check_years(events: Iterable[Event], period: Period) -> list[Warning]:
    """Dates in the items that name the program's month in a neighbouring year: "09/01/2023"
    in a January 2024 program is most likely a year not updated. Older references (decrees,
    anniversaries "22/12/1944") are years away and pass."""
    warnings = []
    seen = set()
    for e in events:
        found = [(m.group(0), int(m.group(2)), int(m.group(3))) for m in FULL_DATE_RE.finditer(e.title)]
        found += [(m.group(0), int(m.group(1)), int(m.group(2))) for m in MONTH_YEAR_RE.finditer(e.title)]
        for written, month, year in found:
            if month == period.month and abs(year - period.year) == 1 and (e.line, written) not in seen:
                seen.add((e.line, written))
                warnings.append(Warning(
                    "year_mismatch",
                    f"{collapse(written)!r} names {month:02d}/{year} in the program of {period.month:02d}/{period.year}",
                    e.line,
                ))
    return warnings


def repaired_span(text: str, start: date, end: date | None, line: int) -> Warning:
    """The warning for a span whose month contradicts its row, read in the row's month instead."""
    m = vocab.DATE_RANGE_RE.search(text)
    what = f"{collapse(m.group(0)).strip(' :()')!r} names month {int(m.group('m1') or m.group('m2'))}" if m else repr(text)
    read_as = f"{start:%d}–{end:%d/%m/%Y}" if end else _dmy(start)
    return Warning(
        "span_month",
        f"{what} in the row of {_dmy(start)}; read as {read_as}",
        line,
    )


def check_rows(dated: list[tuple[Row, date, date | None]], events: list[Event], period: Period) -> list[Warning]:
    """All the self-checks of a parsed table: each row's weekday and lunar note, the order of
    the days, the years named in the items."""
    warnings = [w for row, first, last in dated for w in (check_weekday(row, first, last), check_lunar(row, first, last)) if w]
    return warnings + check_day_sequence(dated) + check_years(events, period)
