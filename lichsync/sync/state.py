"""What lichsync remembers of the events it wrote: SQLite, one transaction per remote write.

A push records each write right after the remote accepted it, in its own committed transaction,
so a run killed at any point (kill -9) leaves a state that is a subset of the truth; the planner
re-finds anything missing by UID on the next run.
"""
from __future__ import annotations

import sqlite3
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
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(SCHEMA)

    def records(self, target: str, calendar: str) -> dict[str, Record]:
        rows = self._db.execute(
            "SELECT uid, remote_id, etag, hash, pushed_at FROM pushed WHERE target=? AND calendar=?",
            (target, calendar))
        return {row[0]: Record(*row) for row in rows}

    def save(self, target: str, calendar: str, record: Record) -> Record:
        record = Record(record.uid, record.remote_id, record.etag, record.hash,
                        datetime.now(UTC).isoformat(timespec="seconds"))
        with self._db:  # one committed transaction
            self._db.execute("INSERT OR REPLACE INTO pushed VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (target, calendar, record.uid, record.remote_id, record.etag, record.hash,
                              record.pushed_at))
        return record

    def forget(self, target: str, calendar: str, uid: str) -> None:
        with self._db:  # one committed transaction
            self._db.execute("DELETE FROM pushed WHERE target=? AND calendar=? AND uid=?", (target, calendar, uid))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

