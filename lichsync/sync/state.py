"""What lichsync remembers of the events it wrote: SQLite, one transaction per remote request.

A push records each write right after the remote accepted it, and commits the records of one
request (a Google batch holds up to 50 writes) together before the next request goes out, so a
run killed at any point (kill -9) leaves a state that is a subset of the truth; the planner
re-finds anything missing by UID on the next run. WAL with synchronous=NORMAL: a commit reaches
the operating system at once (a killed process loses nothing) and the disk at the next
checkpoint, so a push does not wait for a disk flush per request (FULL cost 11% of a 5 000-event
Google push); what a power cut might drop is re-found by UID like any other missing record.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from lichsync.privacy import private_file
from lichsync.sync.plan import Record

SCHEMA = """
CREATE TABLE IF NOT EXISTS pushed (
    target TEXT NOT NULL,
    calendar TEXT NOT NULL,
    uid TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    etag TEXT,
    hash TEXT NOT NULL,
    pushed_at TEXT NOT NULL,
    PRIMARY KEY (target, calendar, uid)
);
CREATE TABLE IF NOT EXISTS listings (
    target TEXT NOT NULL,
    calendar TEXT NOT NULL,
    updated TEXT NOT NULL,
    items TEXT NOT NULL,
    PRIMARY KEY (target, calendar)
)
"""


def default_path() -> Path:
    return platformdirs.user_state_path("lichsync") / "state.sqlite3"


class State:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_path()
        private_file(self.path)  # SQLite gives its -wal and -shm files the database's mode
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._held = False  # inside `held()`: writes wait for `commit()`

    def records(self, target: str, calendar: str) -> dict[str, Record]:
        rows = self._db.execute(
            "SELECT uid, remote_id, etag, hash, pushed_at FROM pushed WHERE target=? AND calendar=?",
            (target, calendar))
        return {row[0]: Record(*row) for row in rows}

    def save(self, target: str, calendar: str, record: Record) -> Record:
        record = Record(record.uid, record.remote_id, record.etag, record.hash,
                        datetime.now(UTC).isoformat(timespec="seconds"))
        self._db.execute("INSERT OR REPLACE INTO pushed VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (target, calendar, record.uid, record.remote_id, record.etag, record.hash, record.pushed_at))
        self._commit_unless_held()
        return record

    def forget(self, target: str, calendar: str, uid: str) -> None:
        self._db.execute("DELETE FROM pushed WHERE target=? AND calendar=? AND uid=?", (target, calendar, uid))
        self._commit_unless_held()

    def _commit_unless_held(self) -> None:
        if not self._held:
            self._db.commit()

    def commit(self) -> None:
        self._db.commit()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Writes inside commit together at each `commit()` and at the end, even on an error:
        one transaction (one fsync) per remote request rather than per record."""
        self._held = True
        try:
            yield
        finally:
            self._held = False
            self._db.commit()

    def listing(self, target: str, calendar: str) -> tuple[str, dict[str, dict]] | None:
        """The calendar's last listing (its `updated` stamp, id → event), for an incremental one."""
        row = self._db.execute("SELECT updated, items FROM listings WHERE target=? AND calendar=?",
                               (target, calendar)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def save_listing(self, target: str, calendar: str, updated: str, items: dict[str, dict]) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO listings VALUES (?, ?, ?, ?)",
                             (target, calendar, updated, json.dumps(items, ensure_ascii=False)))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

