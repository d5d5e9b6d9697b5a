"""iCalendar output (icalendar): a subscribed feed per official, and one event for CalDAV.

A feed must look unchanged to a polling phone when nothing changed: re-exporting the same
input gives the same bytes. Each VEVENT carries the hash of what a calendar shows of it
(X-LICHSYNC-HASH); the previous file at the same path supplies each UID's SEQUENCE, DTSTAMP,
LAST-MODIFIED and CREATED, which move only when that hash changes.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import icalendar

from lichsync.calendar_event import CalendarEvent

PRODID = "-//lichsync//lichsync//VI"  # no version: an upgrade alone must not change every feed's bytes
HASH_PROP = "X-LICHSYNC-HASH"


@dataclass(frozen=True)
class Revision:
    """What a calendar remembers of an event between exports."""
    content_hash: str
    sequence: int
    stamp: datetime  # DTSTAMP and LAST-MODIFIED: when this version of the event was first written
    created: datetime


def revise(event: CalendarEvent, previous: Revision | None, now: datetime) -> Revision:
    """The same revision if the event did not change, else the next one stamped `now`."""
    digest = event.content_hash()
    if previous is None:
        return Revision(digest, 0, now, now)
    if previous.content_hash == digest:
        return previous
    return Revision(digest, previous.sequence + 1, now, previous.created)


def event_component(event: CalendarEvent, revision: Revision) -> icalendar.Event:
    """One CalendarEvent as a VEVENT."""
    ve = icalendar.Event()
    ve.add("uid", event.uid)
    ve.add("dtstamp", revision.stamp)
    ve.add("created", revision.created)
    ve.add("last-modified", revision.stamp)
    ve.add("sequence", revision.sequence)
    ve.add("dtstart", event.start)
    ve.add("dtend", event.end)
    ve.add("summary", event.summary)
    if event.location:
        ve.add("location", event.location)
    if event.description:
        ve.add("description", event.description)
    if event.categories:
        ve.add("categories", list(event.categories))
    ve.add("transp", "TRANSPARENT" if event.transparent else "OPAQUE")
    ve.add(HASH_PROP, revision.content_hash)
    return ve


def _calendar(tzid: str | None, events: Iterable[icalendar.Event], name: str | None = None,
              refresh_minutes: int | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("name", name)
    if tzid:
        cal.add("x-wr-timezone", tzid)
    if refresh_minutes:
        refresh = timedelta(minutes=refresh_minutes)
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(refresh))
    if tzid:
        cal.add_component(icalendar.Timezone.from_tzid(tzid))
    for ve in events:
        cal.add_component(ve)
    return cal


def _tzid(event: CalendarEvent) -> str | None:
    return getattr(event.start.tzinfo, "key", None) if isinstance(event.start, datetime) else None


def event_to_ical(event: CalendarEvent, revision: Revision | None = None, now: datetime | None = None) -> bytes:
    """One CalendarEvent as a whole VCALENDAR (with its VTIMEZONE), as a CalDAV PUT sends it."""
    now = now or utc_now()
    return _calendar(_tzid(event), [event_component(event, revision or revise(event, None, now))]).to_ical()


def render_feed(events: Iterable[CalendarEvent], name: str, tzid: str, refresh_minutes: int,
                previous: dict[str, Revision] | None = None, now: datetime | None = None) -> bytes:
    """A whole feed; `previous` (from `read_revisions`) keeps unchanged events byte-identical."""
    now = now or utc_now()
    previous = previous or {}
    ordered = sorted(events, key=_order)
    components = [event_component(e, revise(e, previous.get(e.uid), now)) for e in ordered]
    return _calendar(tzid, components, name, refresh_minutes).to_ical()


def _order(e: CalendarEvent) -> tuple:
    day = e.start.date() if isinstance(e.start, datetime) else e.start
    clock = e.start.isoformat() if isinstance(e.start, datetime) else ""
    return day, clock, e.uid


def read_revisions(data: bytes) -> dict[str, Revision]:
    """UID → revision of each event of a feed lichsync wrote before; {} for anything unreadable."""
    try:
        cal = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError):
        return {}
    out: dict[str, Revision] = {}
    for ve in cal.walk("VEVENT"):
        try:
            stamp = ve.decoded("last-modified")
            out[str(ve["uid"])] = Revision(
                content_hash=str(ve[HASH_PROP]),
                sequence=int(ve.get("sequence", 0)),
                stamp=stamp,
                created=ve.decoded("created") if "created" in ve else stamp,
            )
        except (KeyError, ValueError, TypeError):
            continue  # an event written by someone else: treat it as new
    return out


def write_feed(path: Path, events: Iterable[CalendarEvent], name: str, tzid: str, refresh_minutes: int,
               now: datetime | None = None) -> int:
    """Write a feed to `path` atomically, carrying revisions from the file already there; events written."""
    events = list(events)
    try:
        previous = read_revisions(Path(path).read_bytes())
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        previous = {}
    write_atomic(Path(path), render_feed(events, name, tzid, refresh_minutes, previous, now))
    return len(events)


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same directory, fsync, rename: readers see the old file or the new one, never half."""
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep the old file's permissions; a new file gets the usual 0666 less the umask (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)

