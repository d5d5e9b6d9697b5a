"""What the last sync made of each document and feed, kept so that one changed document costs its own work.

A nightly run where one document of hundreds changed maps that document alone and renders only
the feeds it is in. Each document's calendar events are kept under a key of everything they follow
from: the bytes its program was read from, the code, the configuration and corrections, and what the
officials directory knows (one document can teach it a name that the others then resolve to). Each
feed is kept as the digest of what it is rendered from, with the size and time of the file written:
the same digest over the same file means the file is already right; and its header, whose
VTIMEZONE costs more to build than a one-event change. For one changed document spliced into
the feeds (sync/quick.py): each feed's entries (where each VEVENT sorts, its size), and a snapshot
of the last run that wrote every feed (each document's key, `Roster` and issue key). A cache:
losing it costs time, never a result.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zoneinfo
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory, Roster
from lichsync.calendar.mapper import map_program
from lichsync.config import Config
from lichsync.parse.model import Program
from lichsync.sync.sources import code_version, reader_version
from lichsync.sync.splice import Entries

SCHEMA = """
CREATE TABLE IF NOT EXISTS mapped_events (
    origin TEXT PRIMARY KEY,       -- one row per document: the events of its current program
    key TEXT NOT NULL,             -- mapping_key() of what they follow from
    events BLOB NOT NULL           -- pickled [CalendarEvent], content hashes computed, UIDs as map_program gives them
);
CREATE TABLE IF NOT EXISTS written_feeds (
    path TEXT PRIMARY KEY,
    digest TEXT NOT NULL,          -- feed_digest() of what the file was rendered from
    size INTEGER NOT NULL,         -- the file as written: another size or time, and it is rendered again
    mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_entries (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,         -- the file as written: another size or time, and it is not spliced
    mtime_ns INTEGER NOT NULL,
    events INTEGER NOT NULL,
    entries BLOB NOT NULL          -- pickled columns of splice.Entries: each VEVENT of the file, in order
);
CREATE TABLE IF NOT EXISTS snapshot (
    name TEXT PRIMARY KEY,         -- "feeds": the last run that wrote every feed from current programs alone
    inputs TEXT NOT NULL,          -- snapshot_inputs() of that run
    documents BLOB NOT NULL        -- pickled [Kept] of its programs, in order
);
CREATE TABLE IF NOT EXISTS feed_headers (
    path TEXT PRIMARY KEY,         -- one row per feed
    key TEXT NOT NULL,             -- header_key() of what the header is rendered from
    header BLOB NOT NULL           -- feed_header()'s bytes
);
"""


@dataclass(frozen=True)
class Kept:
    """What one changed document needs of each other document of the last run (sync/quick.py)."""
    origin: str
    key: str  # mapping_key() of its events, as Memo.mapped finds them
    roster: Roster  # what the directory reads of it
    issue: tuple | None  # revisions.issue_key(): the same key, and it is still the current issue
    events: int  # how many, and how many warnings, for the summary
    warnings: int


def snapshot_inputs(fingerprint: str, tzid: str) -> str:
    """All a snapshot's feeds follow from: the documents, configuration and corrections (`intake.fingerprint`),
    the code and the zone's data (a feed's header)."""
    return hashlib.sha256(f"{fingerprint}\n{_code()}\n{_zone_data(tzid)}".encode()).hexdigest()


def _code() -> str:
    """The code between a program and a feed's bytes: reading (`reader_version`, which the run has hashed
    already), mapping, configuration, the feed writer."""
    return f"{reader_version()}-{code_version('calendar', 'config.py', 'publish/ics.py')}"


def mapping_key(program: Program, sha256: str, context: bytes, people: Directory) -> str:
    """What a program's events follow from: the copy it was read from (`sha256`), the code, the run's
    configuration and corrections (`context`), and what the directory knows when mapping it."""
    h = hashlib.sha256(f"{_code()}\n{program.source}\t{sha256}\n{people.fingerprint(program)}\n".encode() + context)
    return h.hexdigest()


def map_with(programs: Sequence[Program], config: Config, people: Directory, keys: dict[str, str],
             kept: dict[str, list[CalendarEvent]]) -> tuple[list[list[CalendarEvent]], list[tuple[str, str, list[CalendarEvent]]]]:
    """Each program's events (`map_program`), taken from `kept` (by source) when there, else mapped;
    and the newly mapped ones as (source, key, events) rows to keep. A program without a key is mapped."""
    mapped, fresh = [], []
    for program in programs:
        events = kept.get(program.source)
        if events is None:
            events = map_program(program, config, people)
            for e in events:  # hash and place computed once, and kept with the events
                e.content_hash()
                _ = e.order
            if program.source in keys:
                fresh.append((program.source, keys[program.source], events))
        mapped.append(events)
    return mapped, fresh


def feed_digest(events: Iterable[CalendarEvent], *header: object) -> str:
    """What a feed is rendered from: the header's fields, each event's UID and content, the code.
    The previous file supplies the rest (revisions, unchanged VEVENTs), so the same digest over the
    same file renders the same bytes."""
    h = hashlib.sha256(f"{_code()}\n{header!r}".encode())
    h.update("".join(f"\n{e.uid}\t{e.content_hash()}" for e in events).encode())
    return h.hexdigest()


def header_key(tzid: str, *fields: object) -> str:
    """What a feed's header is rendered from: its fields, the code, and the zone's data as zoneinfo
    finds it (a tzdata update renders another VTIMEZONE)."""
    return hashlib.sha256(f"{_code()}\n{tzid}\n{fields!r}\n{_zone_data(tzid)}".encode()).hexdigest()


def _zone_data(tzid: str) -> str:
    """A hash of the zone's TZif file: the system's (zoneinfo.TZPATH) first, else the tzdata package's."""
    for base in zoneinfo.TZPATH:
        path = Path(base, tzid)
        if path.is_file():
            return hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        return hashlib.sha256(resources.files("tzdata.zoneinfo").joinpath(*tzid.split("/")).read_bytes()).hexdigest()
    except (ImportError, OSError):
        return ""


def _entries(blob: bytes) -> Entries | None:
    """Entries as `Memo.keep_entries` keeps them: their columns, arrays and lists (no class of lichsync's, whose
    layout may change); None when kept in another form (the full way then keeps them anew)."""
    try:
        days, clocks, uids, sizes = pickle.loads(blob)
    except Exception:
        return None
    if not (isinstance(days, array) and isinstance(sizes, array) and isinstance(clocks, list) and isinstance(uids, list)):
        return None
    return Entries(days, clocks, uids, sizes) if len(days) == len(clocks) == len(uids) == len(sizes) else None


class Memo:
    """The memo's tables of the state database (shared file, own tables)."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: a power cut may cost it a run's rows, never a result
        with self._db:
            self._db.executescript(SCHEMA)

    def mapped(self, keys: dict[str, str]) -> dict[str, list[CalendarEvent]]:
        """The events kept of each origin under its key in `keys` (origin → key); another key is a miss."""
        found = {}
        for origin, key in keys.items():
            row = self._db.execute("SELECT events FROM mapped_events WHERE origin = ? AND key = ?", (origin, key)).fetchone()
            if row is None:
                continue
            try:
                found[origin] = pickle.loads(row[0])
            except Exception:  # kept by a lichsync whose classes differ: map again
                continue
        return found

    def keep_mapped(self, rows: list[tuple[str, str, list[CalendarEvent]]], current: Iterable[str]) -> None:
        """Keep these (origin, key, events) and forget documents no longer current, in one transaction."""
        current = list(current)
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO mapped_events VALUES (?, ?, ?)",
                                 [(origin, key, pickle.dumps(events, pickle.HIGHEST_PROTOCOL)) for origin, key, events in rows])
            self._db.execute(f"DELETE FROM mapped_events WHERE origin NOT IN ({','.join('?' * len(current))})", current)

    def written(self, path: Path, digest: str) -> bool:
        """Whether the file at `path` is the one written last from `digest`."""
        row = self._db.execute("SELECT digest, size, mtime_ns FROM written_feeds WHERE path = ?", (str(path),)).fetchone()
        try:
            stat = path.stat()
        except OSError:
            return False
        return row == (digest, stat.st_size, stat.st_mtime_ns)

    def keep_written(self, feeds: list[tuple[Path, str]]) -> None:
        """Remember each (file, digest) as it now is on disk (a file gone since is left out)."""
        rows = []
        for path, digest in feeds:
            try:
                stat = path.stat()
            except OSError:
                continue
            rows.append((str(path), digest, stat.st_size, stat.st_mtime_ns))
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO written_feeds VALUES (?, ?, ?, ?)", rows)

    def feed_entries(self, path: Path) -> Entries | None:
        """The entries kept of the feed at `path`, if the file is still the one they describe."""
        row = self._db.execute("SELECT size, mtime_ns, entries FROM feed_entries WHERE path = ?", (str(path),)).fetchone()
        try:
            stat = path.stat()
        except OSError:
            return None
        return _entries(row[2]) if row and tuple(row[:2]) == (stat.st_size, stat.st_mtime_ns) else None

    def feed_events(self, path: Path) -> int | None:
        row = self._db.execute("SELECT events FROM feed_entries WHERE path = ?", (str(path),)).fetchone()
        return row[0] if row else None

    def keep_entries(self, feeds: list[tuple[Path, Entries]]) -> None:
        """Remember each feed's entries with the file as it now is (a file gone since is left out)."""
        rows = []
        for path, entries in feeds:
            try:
                stat = path.stat()
            except OSError:
                continue
            columns = (entries.days, entries.clocks, entries.uids, entries.sizes)
            rows.append((str(path), stat.st_size, stat.st_mtime_ns, len(entries), pickle.dumps(columns, pickle.HIGHEST_PROTOCOL)))
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO feed_entries VALUES (?, ?, ?, ?, ?)", rows)

    def snapshot(self, inputs: str) -> list[Kept] | None:
        """The documents of the last run that wrote every feed, if it was made from `inputs`."""
        row = self._db.execute("SELECT documents FROM snapshot WHERE name = 'feeds' AND inputs = ?", (inputs,)).fetchone()
        try:
            return pickle.loads(row[0]) if row else None
        except Exception:  # kept by a lichsync whose classes differ: the full way
            return None

    def keep_snapshot(self, inputs: str, documents: list[Kept]) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO snapshot VALUES ('feeds', ?, ?)",
                             (inputs, pickle.dumps(documents, pickle.HIGHEST_PROTOCOL)))

    def forget_snapshot(self) -> None:
        """Feeds are about to be written from something else: no change may be spliced into them."""
        with self._db:
            self._db.execute("DELETE FROM snapshot")

    def header(self, path: Path, key: str) -> bytes | None:
        """The header kept for the feed at `path` under `key`; another key is a miss."""
        row = self._db.execute("SELECT header FROM feed_headers WHERE path = ? AND key = ?", (str(path), key)).fetchone()
        return bytes(row[0]) if row else None

    def keep_header(self, path: Path, key: str, header: bytes) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO feed_headers VALUES (?, ?, ?)", (str(path), key, header))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Memo:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
