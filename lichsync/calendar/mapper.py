"""Schedule events → calendar events, in local time, for the officials they concern (pure).

UIDs. A calendar keeps an event by its UID, so the UID must survive what a revised issue of a
program changes around an item, and change only when the item itself is a different one. It is
derived from the issuing body (the program's heading, else the configured organisation), the item's
first day and its title folded (accents, case, punctuation and spacing ignored). It does not
depend on the session, the clock time, the officials, units, location, line number or file name:
an item moved from morning to afternoon, handed to another leader or given a place is the same
event with a new SEQUENCE. A retitled or re-dated item is a new event (the old one disappears
from the feed). Identical items on the same day get "-2", "-3"… in the order they are written;
one event per day of a span gets the day in its UID.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory, key_of
from lichsync.config import Config, Hours
from lichsync.parse.lunar import FIRST_YEAR, LAST_YEAR, lunar_label
from lichsync.parse.model import Event, Program

SESSION_VI = {"morning": "Sáng", "afternoon": "Chiều", "evening": "Tối", "all_day": "Cả ngày"}
KIND_VI = {"work": "Lịch công tác", "holiday": "Nghỉ lễ"}


def organization_key(program: Program, config: Config) -> str:
    """The body a program's UIDs belong to: its heading, else the configured organisation."""
    return key_of(program.organization or config.organization.name or "")


def map_programs(programs: Iterable[Program], config: Config, directory: Directory) -> list[CalendarEvent]:
    """Every calendar event of the programs, with UIDs unique across them all."""
    return unique_uids(map_program(program, config, directory) for program in programs)


def unique_uids(mapped: Iterable[list[CalendarEvent]]) -> list[CalendarEvent]:
    """The events of each program (`map_program`) in turn, a UID met before given "-2", "-3"…"""
    seen: dict[str, int] = {}
    out: list[CalendarEvent] = []
    for events in mapped:
        for ce in events:
            n = seen[ce.uid] = seen.get(ce.uid, 0) + 1
            if n > 1:
                stem, _, domain = ce.uid.partition("@")
                ce = replace(ce, uid=f"{stem}-{n}@{domain}")
            out.append(ce)
    return out


def map_program(program: Program, config: Config, directory: Directory) -> list[CalendarEvent]:
    org = organization_key(program, config)
    source_line = f"Nguồn: {document_title(program, config)}"
    out: list[CalendarEvent] = []
    for event in program.events:
        groups = [label for label in event.officials if directory.is_leadership_group(label)]
        digest = hashlib.sha1(f"{org}|{event.date.isoformat()}|{key_of(event.title)}".encode()).hexdigest()[:16]
        common: dict[str, Any] = dict(
            summary=event.title,
            description=describe(event, source_line, groups),
            location=event.location or None,
            categories=tuple(c for c in (KIND_VI.get(event.kind), SESSION_VI.get(event.session or ""), *groups) if c),
            officials=directory.resolve(event.officials, event.titles, program),
            transparent=event.kind == "holiday",
            source=program.source,
        )
        for first, start, end in _occurrences(event, config):
            out.append(CalendarEvent(uid=f"{first:%Y%m%d}-{digest}@lichsync", start=start, end=end, **common))
    return out


def _occurrences(event: Event, config: Config) -> list[tuple[date, datetime | date, datetime | date]]:
    """(day for the UID, start, end) of each calendar event an item becomes."""
    last = event.end_date if event.end_date and event.end_date > event.date else event.date
    if last == event.date or config.events.spans == "single":
        start, _ = _span_of_day(event, event.date, config)
        _, end = _span_of_day(event, last, config)
        return [(event.date, start, end)]
    days = [event.date + timedelta(d) for d in range((last - event.date).days + 1)]
    working = [d for d in days if d.weekday() in config.events.working_days] or days
    return [(d, *_span_of_day(event, d, config)) for d in working]


def _span_of_day(event: Event, day: date, config: Config) -> tuple[datetime | date, datetime | date]:
    """Start and end of an item on one day: clock time, session hours, or the whole date."""
    if event.kind == "holiday":
        return day, day + timedelta(1)
    hours = config.hours_on(day)
    tz = config.tz
    if event.start_time:
        t = time.fromisoformat(event.start_time)
        start = datetime.combine(day, t, tz)
        within = _session_around(t, event.session, hours)
        if within and config.events.timed_end == "session":
            return start, datetime.combine(day, within.end, tz)
        return start, start + timedelta(minutes=config.events.default_duration)
    if event.session and not (event.session == "all_day" and config.events.all_day == "date"):
        h = hours[event.session]
        return datetime.combine(day, h.start, tz), datetime.combine(day, h.end, tz)
    return day, day + timedelta(1)


def _session_around(t: time, session: str | None, hours: dict[str, Hours]) -> Hours | None:
    """The item's own session if the time falls in it, else the session (not "all day") that holds the time."""
    if session in hours and hours[session].contains(t):
        return hours[session]
    return next((h for k, h in hours.items() if k != "all_day" and h.contains(t)), None)


def document_title(program: Program, config: Config) -> str:
    """"Chương trình công tác tháng 9/2023 – Sở Lao động - TBXH" (a week: "Lịch công tác 11/09–17/09/2023")."""
    p = program.period
    if p.start and p.end:
        doc = f"Lịch công tác {p.start:%d/%m}–{p.end:%d/%m/%Y}"
    else:
        doc = f"Chương trình công tác tháng {p.month}/{p.year}"
    org = program.organization or config.organization.name
    return f"{doc} – {org}" if org else doc


def describe(event: Event, source_line: str, groups: Iterable[str] = ()) -> str:
    """The DESCRIPTION: chủ trì, thành phần, chuẩn bị, địa điểm, lunar date, source document; in Vietnamese,
    one per line. Participants are not officials (no calendar of theirs), so the description is where they show.
    A leadership group read without a configuration says so: it is in each leader's calendar as a group event."""
    leaders = [f"{o} ({event.titles[o]})" if event.titles.get(o) else o for o in event.officials]
    lines = [
        f"Chủ trì: {'; '.join(leaders)}" if leaders else "",
        *(f"Sự kiện của nhóm: {g} (những người văn bản ghi chức danh lãnh đạo)" for g in groups),
        f"Thành phần: {'; '.join(event.participants)}" if event.participants else "",
        f"Chuẩn bị: {'; '.join(event.units)}" if event.units else "",
        f"Địa điểm: {event.location}" if event.location else "",
        lunar_label(event.date) if FIRST_YEAR < event.date.year < LAST_YEAR else "",
        source_line,
    ]
    return "\n".join(line for line in lines if line)


def for_official(events: Iterable[CalendarEvent], key: str) -> list[CalendarEvent]:
    return [e for e in events if key in e.officials]

