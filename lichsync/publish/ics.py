"""iCalendar output (icalendar): a subscribed feed per official, and one event for CalDAV.

A feed must look unchanged to a polling phone when nothing changed: re-exporting the same
input gives the same bytes. Each VEVENT carries the hash of what a calendar shows of it
(X-LICHSYNC-HASH); the previous file at the same path supplies each UID's SEQUENCE, DTSTAMP,
LAST-MODIFIED and CREATED, which move only when that hash changes, and an unchanged event's
VEVENT is kept as it was written.

A feed's VEVENTs are written by `vevent`, by hand, as icalendar writes them: icalendar is imported
only for what needs it (a header, CalDAV, a dry run's old fields), as importing it costs a nightly
sync that splices one changed document (sync/quick.py) about as much as the rest of its writing.
"""
from __future__ import annotations

import functools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lichsync.calendar.calendar_event import CalendarEvent

if TYPE_CHECKING:
    import icalendar

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
    """One CalendarEvent as a VEVENT: what CalDAV sends, and the reference `vevent` is tested against."""
    import icalendar

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
              refresh_minutes: int | None = None, description: str | None = None,
              method: str | None = "PUBLISH") -> icalendar.Calendar:
    """A feed is PUBLISHed; a CalDAV resource carries no METHOD (RFC 4791 §4.1), so `method=None` for it."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("name", name)
    if description:  # whose calendar: the role the subscribe page shows
        cal.add("x-wr-caldesc", description)
    if tzid:
        cal.add("x-wr-timezone", tzid)
    if refresh_minutes:
        refresh = timedelta(minutes=refresh_minutes)
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(refresh))
    if tzid:
        cal.add_component(_vtimezone(tzid))
    for ve in events:
        cal.add_component(ve)
    return cal


@functools.lru_cache(maxsize=8)
def _vtimezone(tzid: str) -> icalendar.Timezone:
    """Built from zoneinfo once per zone: its transitions take longer to compute than a feed's events."""
    import icalendar

    return icalendar.Timezone.from_tzid(tzid)


def _tzid(event: CalendarEvent) -> str | None:
    return getattr(event.start.tzinfo, "key", None) if isinstance(event.start, datetime) else None


def event_to_ical(event: CalendarEvent, revision: Revision | None = None, now: datetime | None = None,
                  extra: dict[str, str] | None = None) -> bytes:
    """One CalendarEvent as a whole VCALENDAR (with its VTIMEZONE, without METHOD), as a CalDAV PUT sends it;
    `extra` properties (a target's markers) go on the VEVENT."""
    now = now or utc_now()
    ve = event_component(event, revision or revise(event, None, now))
    for name, value in (extra or {}).items():
        ve.add(name, value)
    return _around(_wrapper(_tzid(event)), _to_ical(ve))


@functools.lru_cache(maxsize=8)
def _wrapper(tzid: str | None) -> bytes:
    """The VCALENDAR of one event without it, rendered once per zone: its VTIMEZONE costs more than the event."""
    return _calendar(tzid, [], method=None).to_ical()


def _around(calendar: bytes, blocks: bytes) -> bytes:
    """VEVENT bytes put inside a rendered VCALENDAR, before its end."""
    end = b"END:VCALENDAR\r\n"
    return calendar[: -len(end)] + blocks + end


@dataclass
class FeedRun:
    """What the feeds of one export share. One time stamps every new revision, so an event in
    several feeds is the same revision in each and is rendered once (`rendered`, by UID and
    revision); a VEVENT read back from the previous feeds is parsed once (`known`, by its bytes)."""
    now: datetime = field(default_factory=lambda: utc_now())
    rendered: dict[tuple[str, Revision], bytes] = field(default_factory=dict)
    known: dict[bytes, Stored | None] = field(default_factory=dict)


def feed_header(tzid: str, name: str, refresh_minutes: int, description: str | None = None) -> bytes:
    """A feed's VCALENDAR without its events: worth keeping, as its VTIMEZONE takes longer to build than a change."""
    return _calendar(tzid, [], name, refresh_minutes, description).to_ical()


def render_feed(events: Iterable[CalendarEvent], name: str, tzid: str, refresh_minutes: int,
                previous: dict[str, Stored] | None = None, run: FeedRun | None = None,
                description: str | None = None, header: bytes | None = None) -> bytes:
    """A whole feed. An unchanged event keeps its previous VEVENT (from `read_previous`) byte for byte;
    `header` is `feed_header` of the same arguments, when kept from an earlier run."""
    blocks = b"".join(render_blocks(sorted(events, key=attrgetter("order")), previous or {}, run or FeedRun()))
    return _around(header or feed_header(tzid, name, refresh_minutes, description), blocks)


def render_blocks(events: Iterable[CalendarEvent], previous: dict[str, Stored], run: FeedRun) -> list[bytes]:
    """Each event's VEVENT, in the order given: the previous one when the event did not change."""
    blocks = []
    for event in events:
        old = previous.get(event.uid)
        if old and old.content_hash == event.content_hash():
            blocks.append(old.block)
            continue
        revision = revise(event, old.revision if old else None, run.now)
        if (event.uid, revision) not in run.rendered:
            run.rendered[event.uid, revision] = vevent(event, revision)
        blocks.append(run.rendered[event.uid, revision])
    return blocks


def vevent(event: CalendarEvent, revision: Revision) -> bytes:
    """`_to_ical(event_component(event, revision))`, written by hand for what feeds hold (dates, and times
    in a zoneinfo zone; anything else goes through icalendar): a nightly sync that splices one document
    need not import icalendar (this module's docstring). The properties in icalendar's order (its
    canonical ones, then the rest by name); tests/test_ics_vevent.py proves it byte for byte."""
    start, end = _when(event.start), _when(event.end)
    if start is None or end is None:
        return _to_ical(event_component(event, revision))
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_text(event.summary)}", f"DTSTART{start}", f"DTEND{end}",
             f"DTSTAMP:{_stamp(revision.stamp)}", f"UID:{_text(event.uid)}", f"SEQUENCE:{revision.sequence}"]
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(map(_text, event.categories)))
    lines.append(f"CREATED:{_stamp(revision.created)}")
    if event.description:
        lines.append(f"DESCRIPTION:{_text(event.description)}")
    lines.append(f"LAST-MODIFIED:{_stamp(revision.stamp)}")
    if event.location:
        lines.append(f"LOCATION:{_text(event.location)}")
    lines += [f"TRANSP:{'TRANSPARENT' if event.transparent else 'OPAQUE'}", f"{HASH_PROP}:{_text(revision.content_hash)}",
              "END:VEVENT"]
    return b"".join(_fold(line.encode()) + b"\r\n" for line in lines)


# Zones icalendar writes as UTC ("...Z", no TZID): those its table of equivalent zones finds UTC in.
_UTC_ZONES = frozenset({
    "Africa/Abidjan", "Africa/Accra", "Africa/Bamako", "Africa/Banjul", "Africa/Conakry", "Africa/Dakar",
    "Africa/Freetown", "Africa/Lome", "Africa/Nouakchott", "Africa/Ouagadougou", "Africa/Timbuktu",
    "Atlantic/Reykjavik", "Atlantic/St_Helena", "Etc/GMT", "Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0", "Etc/Greenwich",
    "Etc/UCT", "Etc/UTC", "Etc/Universal", "Etc/Zulu", "GMT", "GMT+0", "GMT-0", "GMT0", "Greenwich", "Iceland",
    "UCT", "UTC", "Universal", "Zulu"})


def _when(value: date | datetime) -> str | None:
    """DTSTART's or DTEND's parameters and value (";VALUE=DATE:20240102"); None when not a date, nor a time
    without a zone or in a named zoneinfo zone."""
    if not isinstance(value, datetime):
        return f";VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    zone = value.tzinfo
    if zone is None:
        return f":{_clock(value)}"
    if type(zone) is not ZoneInfo or not zone.key:
        return None
    return f":{_clock(value)}Z" if zone.key in _UTC_ZONES else f";TZID={zone.key}:{_clock(value)}"


def _stamp(value: datetime) -> str:
    """DTSTAMP, CREATED, LAST-MODIFIED: in UTC, as icalendar converts them (a time without a zone is UTC)."""
    return _clock(value if value.tzinfo is None else value.astimezone(UTC)) + "Z"


def _clock(value: datetime) -> str:
    return f"{value.year:04}{value.month:02}{value.day:02}T{value.hour:02}{value.minute:02}{value.second:02}"


def _text(value: str) -> str:
    """icalendar's TEXT escape, in its order: a written "\\N" is a line break too, and so is a lone CR."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _to_ical(component: icalendar.Component) -> bytes:
    """`component.to_ical()`: icalendar's content lines, folded by `_fold` (icalendar folds character by
    character, a third of the time of rendering a feed)."""
    return b"".join(_fold(line.encode()) + b"\r\n" for line in component.content_lines() if line)


def _fold(line: bytes) -> bytes:
    """icalendar's fold, on the encoded line: pieces of at most 74 octets, never inside a character,
    and never ending in the backslash or caret of an escape."""
    pieces, start = [], 0
    while len(line) - start > 74:
        cut = start + 74
        while line[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: the character began before
            cut -= 1
        if line[cut - 1] in b"\\^":
            cut -= 1
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)


@dataclass(frozen=True)
class Stored:
    """An event of a feed written before: its UID, the hash it was written with and its VEVENT as written."""
    uid: str
    content_hash: str
    block: bytes

    @functools.cached_property
    def revision(self) -> Revision | None:
        """SEQUENCE and stamps, read only for an event that changed; None when the VEVENT lacks them."""
        props = _props(self.block)
        try:
            stamp = _utc(props[b"LAST-MODIFIED"])
            created = _utc(props[b"CREATED"]) if b"CREATED" in props else stamp
            return Revision(self.content_hash, int(props.get(b"SEQUENCE", b"0")), stamp, created)
        except (KeyError, ValueError):
            return None


_HASH = HASH_PROP.encode()
_KEPT = re.compile(rb"^(UID|LAST-MODIFIED|CREATED|SEQUENCE|X-LICHSYNC-HASH)(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)


def read_previous(data: bytes, known: dict[bytes, Stored | None] | None = None) -> dict[str, Stored]:
    """UID → stored event, for each VEVENT that lichsync wrote (it has X-LICHSYNC-HASH).

    A narrow scan of lichsync's own output rather than a full parse: re-exporting an hourly feed
    must stay cheap, and only five properties are needed. Anything else is skipped (treated as new).
    `known` (VEVENT bytes → what they hold) is shared by the feeds of one run: an event is in several.
    """
    known = {} if known is None else known
    out: dict[str, Stored] = {}
    for block in _vevents(data):
        if block not in known:
            known[block] = _stored(block)
        stored = known[block]
        if stored is not None:
            out[stored.uid] = stored
    return out


def _vevents(data: bytes) -> Iterator[bytes]:
    """Each VEVENT's lines as written (bytes.find: several times faster than a lazy regex over a feed)."""
    begin, end = b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n"
    start = data.find(begin)
    while start >= 0:
        stop = data.find(end, start)
        if stop < 0:
            return
        yield data[start:stop + len(end)]
        start = data.find(begin, stop)


def _stored(block: bytes) -> Stored | None:
    """One VEVENT as lichsync wrote it (UID and X-LICHSYNC-HASH), or None."""
    uid, digest = _plain(block, b"UID"), _plain(block, _HASH)
    if uid is None or digest is None:  # written another way (folded, with parameters, in lower case)
        props = _props(block)
        uid, digest = props.get(b"UID"), props.get(_HASH)
    try:
        return Stored(uid.decode("utf-8"), digest.decode("ascii"), block) if uid and digest else None
    except UnicodeDecodeError:
        return None


def _plain(block: bytes, name: bytes) -> bytes | None:
    """A property's value as lichsync writes it (one unfolded line, no parameters), else None."""
    start = block.find(b"\r\n" + name + b":")
    if start < 0:
        return None
    start += len(name) + 3
    stop = block.find(b"\r\n", start)
    return None if block[stop + 2:stop + 3] in (b" ", b"\t") else block[start:stop]


def _props(block: bytes) -> dict[bytes, bytes]:
    """The properties a revision needs, the first of each name; folded lines unfolded."""
    props: dict[bytes, bytes] = {}
    for name, value in _KEPT.findall(re.sub(rb"\r\n[ \t]", b"", block)):
        props.setdefault(name.upper(), value)
    return props


def shown_fields(ve: icalendar.Component) -> dict:
    """What a calendar shows of a VEVENT, keyed as `CalendarEvent.shown()`: the old side of a dry run's changes."""
    start, end = ve.get("DTSTART"), ve.get("DTEND")
    categories = ve.get("CATEGORIES")
    cats = [str(c) for c in categories.cats] if categories is not None and hasattr(categories, "cats") else []
    return {"summary": str(ve.get("SUMMARY", "")), "start": start.dt if start else None, "end": end.dt if end else None,
            "description": str(ve.get("DESCRIPTION", "")), "location": str(ve.get("LOCATION", "")),
            "categories": cats, "transparent": str(ve.get("TRANSP", "")).upper() == "TRANSPARENT"}


def stored_fields(stored: Stored) -> dict:
    """`shown_fields` of an event a feed holds."""
    import icalendar

    return shown_fields(icalendar.Event.from_ical(stored.block.decode("utf-8")))


@functools.lru_cache(maxsize=4096)
def _utc(value: bytes) -> datetime:
    """Cached: the events written in one run share their stamps, in every feed they are in."""
    return datetime.strptime(value.decode("ascii"), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def write_feed(path: Path, events: Iterable[CalendarEvent], name: str, tzid: str, refresh_minutes: int,
               run: FeedRun | None = None, description: str | None = None) -> int:
    """Write a feed to `path` atomically, carrying revisions from the file already there; events written.
    A feed whose bytes would not change is left alone: its mtime stays, so subscribers get a 304."""
    events = list(events)
    run = run or FeedRun()
    try:
        old = Path(path).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        old = b""
    new = render_feed(events, name, tzid, refresh_minutes, read_previous(old, run.known), run, description)
    if new != old:
        write_atomic(Path(path), new)
    return len(events)


def write_atomic(path: Path, data: bytes | Iterable[bytes | memoryview]) -> None:
    """Temp file in the same directory, fsync, rename: readers see the old file or the new one, never half.
    `data` may come in pieces (a spliced feed: views of the old file, not copied into a new one)."""
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.writelines([data] if isinstance(data, bytes) else data)
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
    return datetime.now(UTC).replace(microsecond=0)

