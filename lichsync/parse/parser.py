"""From a reader's table to schedule events: items, dates, sessions, spans, officials, units.

Pure: a Table and a Period in, events and warnings out.
"""
from __future__ import annotations

import re

from lichsync.parse import align, checks, columns, days, items, notes, vocab
from lichsync.parse.model import Event, Period, Warning
from lichsync.parse.officials import is_personal_name, officials_in_text, parse_officials, same_person, subjects
from lichsync.parse.rows import CONTENT, LEADERS, LOCATION, PARTICIPANTS, TIME, UNITS, Row, Table
from lichsync.parse.text import collapse

SIDES = (UNITS, LEADERS, LOCATION, PARTICIPANTS)


def row_days(row: Row, period: Period) -> days.Days | days.DayProblem:
    """The first and (for "1-4", "Từ 24 đến 28/6/2019") last day of a row, read by the one day reader."""
    text = row.day if row.day.strip() else (row.weekday or "")
    found = days.read_day(text, days.Context(period.month, period.year, period.start))
    if found is None:
        why = "has no date and the title names no week" if not row.day.strip() else "cannot be read as a day"
        return days.DayProblem(f"the day {text!r} {why}")
    return found


def _width(table: Table) -> int:
    """The content column's width in characters: the long lines of the layer are its full lines."""
    lengths = sorted(len(p.text) for r in table.rows for seg in r.flow for p in seg if len(p.text) >= 20)
    return lengths[int(len(lengths) * 0.9)] if lengths else 60


UNIT_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s\+\s?|^\+\s*|\s*\+$")
BULLET_MARK_RE = re.compile(r"^[-–•]\s*")


def _split_units(text: str) -> list[str]:
    if vocab.REFERENCE_RE.match(text):  # "Theo Giấy mời số 107/GM-UBND": names a document, no unit
        return []
    if assigned := notes.assigned_unit(text):
        return [assigned]
    parts = UNIT_SPLIT_RE.split(text)
    return [p for p in (BULLET_MARK_RE.sub("", x).strip(" .") for x in parts) if p]


# A pattern opening with a look-ahead, "(?=[…])", lists the characters a match can start with: a search
# then turns most positions away at once (tests/test_regex_guards.py proves the matches unchanged).
TITLE_LEAD_RE = re.compile(r"^[\s:;,.\-–+•]+")
TITLE_TRAIL_RE = re.compile(r"(?=[\s:;,.\-–+])(?<!\.\.)(?<!\b[A-ZĐ])[\s:;,.\-–+]+$")


def _clean_title(text: str) -> str:
    text = collapse(text)
    text = TITLE_LEAD_RE.sub("", text)
    return TITLE_TRAIL_RE.sub("", text)


SESSION_WORD_RE = re.compile(r"\b(?:buổi\s+)?(?:sáng|chiều|tối|cả\s+ngày|trong\s+ngày)\b", re.IGNORECASE)


def _row_session(row: Row) -> str | None:
    """The session a weekly table writes in its own cell ("Sáng"), or at the head of its time cell ("Sáng 8h00");
    a narrow cell may wrap it ("Cả" / "ngày")."""
    said = [p.text for p in row.cells.get(TIME, [])]
    for text in [row.session or "", *said, " ".join(said)]:
        m = vocab.SESSION_RE.match(text.strip() + " ")
        if m:
            return vocab.SESSION_WORDS[collapse(m.group("word").lower())]
    for piece in row.cells.get(TIME, []):  # "08:30 (Sáng)", "7:30 (Cả ngày)": the session beside the time
        m = SESSION_WORD_RE.search(piece.text)
        if m:
            return vocab.SESSION_WORDS[collapse(m.group(0).lower())]
    return None


def parse_table(table: Table, period: Period) -> tuple[list[Event], list[Warning]]:
    events: list[Event] = []
    warnings = [Warning("unreadable_row", message, line) for line, message in table.problems]
    sides = [r for r in table.roles if r in SIDES]
    width = _width(table)
    overflow = columns.overflow_width([flow for row in table.rows for flow in row.flow])
    dated = []
    for row in table.rows:
        found = row_days(row, period)
        if isinstance(found, days.DayProblem):
            code = "day_beyond_month" if "beyond" in found.message else "unreadable_row"
            warnings.append(Warning(code, f"{found.message}; the row was skipped", row.line))
            continue
        start, row_end = found.start, found.end
        dated.append((row, start, row_end))
        if row.flow:
            segments = columns.join_page_cuts([columns.split_flow(flow, sides, width, overflow) for flow in row.flow])
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
        entries = align.segment(seg.sides.get(role, []), target=len(found), people=role == LEADERS, bodies=role == UNITS)
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
        if LEADERS not in sides:  # who the item itself says acts: "PGĐ Cao Văn Chóng dự …", else "(Đ/c Hải chủ trì)"
            actors = _actors(item, title, said.chairs)
            named = named + actors + ([] if said.chairs or actors else said.noted)
        event.officials += [c for c in [*named, *said.attendees] if c not in event.officials]
        for entry in assigned.get(UNITS, [[]] * len(found))[k]:
            event.units += [u for u in _split_units(entry.text) if u not in event.units]
        event.units = event.units or said.units
        places = [BULLET_MARK_RE.sub("", e.text).strip() for e in assigned.get(LOCATION, [[]] * len(found))[k]]
        event.location = "; ".join(p for p in places if p) or said.location
        event.participants = event.participants or [e.text for e in assigned.get(PARTICIPANTS, [[]] * len(found))[k]]
        out.append(event)
    return out


def _actors(item: items.Item, title: str, chairs: list[str]) -> list[str]:
    """Who the item's own words say acts. Beside a "Chủ trì:" label only a person the subject names
    by name adds to it ("PGĐ Cao Văn Chóng dự …"); a title or group there ("Chủ tịch UBND tỉnh tiếp
    công dân", "Thường trực Tỉnh ủy làm việc …") is who the meeting is of, and the label says who goes."""
    if not chairs:
        return item.actors or subjects(title) or officials_in_text(title)
    return [a for a in item.actors or subjects(title)
            if is_personal_name(a) and not any(same_person(a, c) for c in chairs)]


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
