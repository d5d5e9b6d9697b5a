"""From a reader's table to schedule events: items, dates, sessions, spans, officials, units.

Pure: a Table and a Period in, events and warnings out.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from lichsync.parse import align, checks, columns, items, notes, vocab
from lichsync.errors import InputError
from lichsync.parse.model import Event, Period, Warning
from lichsync.parse.officials import officials_in_text, parse_officials, subjects
from lichsync.parse.rows import CONTENT, LEADERS, LOCATION, TIME, UNITS, Row, Table
from lichsync.parse.text import collapse

SIDES = (UNITS, LEADERS, LOCATION)
DAY_RE = re.compile(r"(\d{1,2})(?:\s*/\s*(\d{1,2}))?(?:\s*/\s*(\d{4}))?(?:\s*[-–,]\s*(\d{1,2}))?")
# "15-16/5", "15/5", "12/5/2025": the day (and last day) with its month, in DAY_RE's groups.
SPAN_DATE_RE = re.compile(r"(\d{1,2})(?:\s*[-–,]\s*(?P<last>\d{1,2}))?\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?")


def _year_near(month: int, period: Period) -> int:
    """The year of a day written without one: the program's, or the next for January in a December program."""
    anchor = period.start or date(period.year, period.month, 1)
    if month < anchor.month and anchor.month - month > 6:
        return anchor.year + 1
    if month > anchor.month and month - anchor.month > 6:
        return anchor.year - 1
    return anchor.year


class DayOutsideMonth(InputError):
    """A row's day the month does not have: the row is skipped with a warning, not the whole file."""


def row_days(row: Row, period: Period, source: str) -> tuple[date, date | None]:
    """The first and (for "1-4", "06-07") last day of a row: "5" in the program's month, "14/7" or
    "11/11/2019" as written."""
    if not row.day.strip() and row.weekday and period.start:  # "THỨ HAI:" in the week the title names
        named = vocab.weekday_of(row.weekday)
        if named is not None:
            return period.start + timedelta(days=(named - period.start.weekday()) % 7), None
    text = re.sub(vocab.WEEKDAY_NAMES, " ", row.day, flags=re.IGNORECASE)  # "Thứ 2, 05/9"
    text = vocab.LEADING_TIME_RE.sub("", text.strip())  # "08h00 ngày 12/5/2025": the time is not the day
    # A written date wins over bare numbers: "Thứ 5, 6 (15-16/5)" is 15–16 May, not the 6th.
    m = SPAN_DATE_RE.search(text) or DAY_RE.search(re.sub(r"từ\s+ngày|đến\s+(?:hết\s+)?ngày|đến", "-", text, flags=re.IGNORECASE))
    if not m and not row.day.strip():
        raise InputError(source, f"line {row.line}: the day {row.weekday!r} has no date and the title names no week")
    if not m:
        raise InputError(source, f"line {row.line}: cannot read the day {row.day!r}")
    if m.re is SPAN_DATE_RE:
        first, last, month, year = int(m.group(1)), m.group("last"), int(m.group(3)), m.group(4)
    else:
        first, month, last, year = int(m.group(1)), int(m.group(2) or period.month), m.group(4), m.group(3)
    year = int(year) if year else _year_near(month, period)
    days = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
    for d in (first, int(last or first)):
        if not 1 <= d <= days:
            raise DayOutsideMonth(source, f"day {d} is beyond the end of {month:02d}/{year} ({days} days)")
    start = date(year, month, first)
    end = date(year, month, int(last)) if last and int(last) > first else None
    return start, end


def _width(table: Table) -> int:
    """The content column's width in characters: the long lines of the layer are its full lines."""
    lengths = sorted(len(p.text) for r in table.rows for seg in r.flow for p in seg if len(p.text) >= 20)
    return lengths[int(len(lengths) * 0.9)] if lengths else 60


def _split_units(text: str) -> list[str]:
    parts = re.split(r"\s*[,;]\s*|\s\+\s?|^\+\s*|\s*\+$", text)
    return [p for p in (re.sub(r"^[-–•]\s*", "", x).strip(" .") for x in parts) if p]


def _clean_title(text: str) -> str:
    text = collapse(text)
    text = re.sub(r"^[\s:;,.\-–+•]+", "", text)
    return re.sub(r"(?<!\.\.)(?<!\b[A-ZĐ])[\s:;,.\-–+]+$", "", text)


def _row_session(row: Row) -> str | None:
    """The session a weekly table writes in its own cell ("Sáng"), or at the head of its time cell ("Sáng 8h00")."""
    for text in [row.session or ""] + [p.text for p in row.cells.get(TIME, [])]:
        m = vocab.SESSION_RE.match(text.strip() + " ")
        if m:
            return vocab.SESSION_WORDS[collapse(m.group("word").lower())]
    return None


def parse_table(table: Table, period: Period, source: str) -> tuple[list[Event], list[Warning]]:
    events: list[Event] = []
    warnings = [Warning("unreadable_row", message, line) for line, message in table.problems]
    sides = [r for r in table.roles if r in SIDES]
    width = _width(table)
    dated = []
    for row in table.rows:
        try:
            start, row_end = row_days(row, period, source)
        except DayOutsideMonth as e:
            warnings.append(Warning("day_beyond_month", f"{e.problem}; the row was skipped", row.line))
            continue
        dated.append((row, start, row_end))
        if row.flow:
            segments = [s for flow in row.flow for s in columns.split_flow(flow, sides, width)]
        else:
            paragraphs = [(p.text, p.line, p.pos) for p in row.cells.get(CONTENT, [])]
            segments = [columns.Segment(paragraphs, {r: row.cells.get(r, []) for r in sides})]
        context = items.Context(session=_row_session(row))
        for seg in segments:
            events += _segment_events(seg, row, start, row_end, sides, context, warnings)
    return events, warnings + checks.check_rows(dated, events, period)


def _segment_events(seg, row, start, row_end, sides, context, warnings) -> list[Event]:
    if items.is_rest_only([p[0] for p in seg.paragraphs]):
        return []
    found = _per_official(items.parse_items(seg.paragraphs, context))
    if not found:
        return []
    assigned = {}
    for role in sides:
        entries = align.segment(seg.sides.get(role, []), target=len(found))
        groups, settled = align.assign(entries, [it.pos for it in found])
        assigned[role] = groups
        if not settled:
            warnings.append(Warning(
                "alignment",
                f"{len(entries)} {role} entries for {len(found)} items; lined up by "
                f"{'position' if any(e.pos is not None for e in entries) else 'order'}",
                row.line,
            ))
    row_time = notes.clock(" ".join(p.text for p in row.cells.get(TIME, [])))
    out = []
    for k, item in enumerate(found):
        if notes.is_routine(item.text) or notes.is_postponed(item.text):
            continue
        span = items.find_span(item.text, start)
        if span.end is None:  # "Thời gian: từ ngày 25 - 27/3"
            timed = items.find_span(" ".join(v for kind, v in item.fields if kind == "time"), start)
            span = items.Span(timed.end, span.text, timed.repaired)
        if span.repaired:
            warnings.append(checks.repaired_span(item.text, start, span.end, item.line))
        said = notes.read_notes(span.text, item.fields)
        title = _clean_title(said.text)
        if not title:
            continue
        holiday = bool(vocab.HOLIDAY_RE.match(title))
        event = Event(
            date=start,
            title=title,
            end_date=span.end or row_end,
            session=None if holiday else item.session or said.session,
            start_time=said.start_time or row_time or items.find_time(title),
            kind="holiday" if holiday else "work",
            line=item.line,
            repaired=span.repaired,
            participants=said.participants,
        )
        for entry in assigned.get(LEADERS, [[]] * len(found))[k]:
            for name, titles in parse_officials(entry.text):
                if name not in event.officials:
                    event.officials.append(name)
                    if titles:
                        event.titles[name] = titles
        named = said.chairs
        if LEADERS not in sides:  # who the item itself says acts: "PGĐ Cao Văn Chóng dự …", "Chủ tịch: 8 giờ, …"
            named = named + (item.actors or subjects(title) or ([] if said.chairs else officials_in_text(title)))
        event.officials += [c for c in [*named, *said.attendees] if c not in event.officials]
        for entry in assigned.get(UNITS, [[]] * len(found))[k]:
            event.units += [u for u in _split_units(entry.text) if u not in event.units]
        event.units = event.units or said.units
        places = [re.sub(r"^[-–•]\s*", "", e.text).strip() for e in assigned.get(LOCATION, [[]] * len(found))[k]]
        event.location = "; ".join(p for p in places if p) or said.location
        out.append(event)
    return out


def _per_official(found: list[items.Item]) -> list[items.Item]:
    """A line written per official ("Chủ tịch: 7 giờ 30 phút, … . 14 giờ, …") is one item per clock time."""
    out = []
    for item in found:
        split = notes.split_official_line(item.text)
        if not split or len(split[1]) < 1:
            out.append(item)
            continue
        head, parts = split
        actors = subjects(f"{head} dự")  # the head names who: "Chủ tịch", "Phó Chủ tịch Đỗ Văn Lô"
        if not actors:
            out.append(item)
            continue
        for part in parts:
            session, part = notes.part_session(part)
            out.append(items.Item(part, item.line, item.pos, session or item.session, actors, item.fields))
    return out
