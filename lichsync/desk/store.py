"""The desk's SQLite tables, beside the sync state: the clerk's corrections and the desk's session key.

One file with the sync state (its own tables), so `sync --state X` and `serve` with the same
state read the same corrections: a nightly sync applies them exactly as the desk showed them.
"""
from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from lichsync.parse.corrections import Corrected, Correction, Review, apply, document_key
from lichsync.parse.model import Program

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,        -- organisation + period (corrections.document_key): every issue of it
    body TEXT NOT NULL,            -- Correction.to_json()
    made_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_document ON corrections (document);
CREATE TABLE IF NOT EXISTS desk_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class CorrectionStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        with self._db:
            self._db.executescript(SCHEMA)

    def of(self, document: str) -> list[Correction]:
        rows = self._db.execute("SELECT id, body FROM corrections WHERE document = ? ORDER BY id", (document,))
        return [Correction.from_json(body, id) for id, body in rows]

    def add(self, document: str, correction: Correction) -> int:
        with self._db:
            cur = self._db.execute("INSERT INTO corrections (document, body, made_at) VALUES (?, ?, ?)",
                                   (document, correction.to_json(), _now()))
        assert cur.lastrowid is not None  # an INSERT's row always has one
        return cur.lastrowid

    def replace(self, id: int, correction: Correction) -> None:
        with self._db:
            self._db.execute("UPDATE corrections SET body = ?, made_at = ? WHERE id = ?", (correction.to_json(), _now(), id))

    def discard(self, id: int) -> None:
        with self._db:
            self._db.execute("DELETE FROM corrections WHERE id = ?", (id,))

    def digest(self) -> str:
        """Of every correction: a sync whose documents did not change still runs when this did."""
        h = hashlib.sha256()
        for row in self._db.execute("SELECT id, body FROM corrections ORDER BY id"):
            h.update(f"{row[0]}\t{row[1]}\n".encode())
        return h.hexdigest()

    def secret(self) -> str:
        """The key that signs the desk's session cookies: made once, kept with the state."""
        with self._db:
            self._db.execute("INSERT OR IGNORE INTO desk_keys VALUES ('session', ?)", (secrets.token_urlsafe(32),))
        return self._db.execute("SELECT value FROM desk_keys WHERE name = 'session'").fetchone()[0]

    def newest_fetched(self) -> tuple[str, bytes] | None:
        """The newest document the configured sources fetched (sync's `source_documents`), if any."""
        try:
            row = self._db.execute("SELECT origin, body FROM source_documents ORDER BY issued DESC LIMIT 1").fetchone()
        except sqlite3.OperationalError:  # no sync has run with this state yet
            return None
        return (row[0], bytes(row[1])) if row else None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CorrectionStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def correct(program: Program, store: CorrectionStore, organization: str | None = None) -> Corrected:
    return apply(program, store.of(document_key(program, organization)))


def correct_all(programs: Sequence[Program], state_path: Path, organizations: dict[str, str | None],
                default_org: str | None) -> tuple[list[Program], list[tuple[str, Review]]]:
    """Every program with its stored corrections; `organizations` gives each source's body by program source."""
    corrected, reviews = [], []
    with CorrectionStore(state_path) as store:
        for program in programs:
            corrections = store.of(document_key(program, organizations.get(program.source) or default_org))
            if not corrections:  # the usual case: `apply` would read every event to change none
                corrected.append(program)
                continue
            done = apply(program, corrections)
            corrected.append(done.program)
            reviews += [(program.source, r) for r in done.reviews]
    return corrected, reviews


def corrections_digest(state_path: Path) -> bytes:
    with CorrectionStore(state_path) as store:
        return f"\ncorrections {store.digest()}".encode()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
