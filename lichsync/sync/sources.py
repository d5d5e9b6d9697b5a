"""The documents of the configured sources, fetched no more than needed, never lost to a bad download.

A URL is fetched with a conditional GET (If-None-Match / If-Modified-Since from what the last
good fetch answered), so an unchanged program costs one small request and is reported
`unchanged`: a sync that finds every document unchanged need not parse anything. A local file is
unchanged when its bytes hash the same. What lichsync remembers of each document — validators,
hash, and the bytes of the last copy that parsed — lives in its own table of the state database,
written only once the caller knows the copy is a program (`DocumentState.remember`). So a source
that is down, answers 404 or serves something that is not a program gives a warning and its last
good copy (`stale`): an official's calendar is never emptied because a download failed.
"""
from __future__ import annotations

import functools
import glob
import hashlib
import pickle
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lichsync import __version__
from lichsync.errors import InputError
from lichsync.parse.model import Program
from lichsync.privacy import private_file, redact
from lichsync.read.pipeline import Limits, read_bounded
from lichsync.settings import Source

if TYPE_CHECKING:
    import httpx

NO_SUCH_PATH = "no such file or folder"
USER_AGENT = f"lichsync/{__version__} (+conditional GET; nightly)"

SCHEMA = """
CREATE TABLE IF NOT EXISTS source_documents (
    origin TEXT PRIMARY KEY,       -- absolute path or URL
    source TEXT NOT NULL,          -- the source's name, for people reading the database
    etag TEXT,
    last_modified TEXT,            -- as the server wrote it, sent back verbatim
    sha256 TEXT NOT NULL,
    issued TEXT NOT NULL,          -- ISO time: Last-Modified, file mtime, or when first fetched
    body BLOB NOT NULL,            -- the last copy that parsed as a program
    checked_at TEXT NOT NULL,       -- when this copy (or its new validators) was stored
    events INTEGER                 -- how many events that copy held (NULL: remembered by an older lichsync)
);
CREATE TABLE IF NOT EXISTS parsed_programs (
    origin TEXT PRIMARY KEY,       -- one row per document: the program of its latest bytes
    sha256 TEXT NOT NULL,          -- of the bytes it was parsed from
    version TEXT NOT NULL,         -- reader_version() of the code that parsed it (another parser, another program)
    program BLOB NOT NULL          -- pickled Program
);
CREATE TABLE IF NOT EXISTS source_runs (
    name TEXT PRIMARY KEY,         -- "sync"
    fingerprint TEXT NOT NULL,     -- of the documents and config of the last run that finished cleanly
    finished_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Document:
    source: Source
    origin: str  # absolute path or URL
    data: bytes
    sha256: str
    issued: datetime  # aware: when this issue appeared (newest issue wins, see revisions.py)
    unchanged: bool  # the very bytes the last run accepted: nothing to parse if nothing else changed
    stale: bool = False  # the last good copy, because the source failed this time
    etag: str | None = None
    last_modified: str | None = None
    events: int | None = None  # of the last good copy, as remembered


@dataclass(frozen=True)
class Problem:
    """A warning for one source: the run goes on with the source's last good copy, if any."""
    source: Source
    origin: str
    message: str


class DocumentState:
    """The `source_documents` table of the state database (shared file, own table).

    Each write is its own committed transaction, so a run killed midway keeps every document
    it had accepted before."""

    def __init__(self, path: Path):
        self.path = Path(path)
        private_file(self.path)  # it keeps every document and what its server answered
        self._db = sqlite3.connect(self.path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        with self._db:
            self._db.executescript(SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(source_documents)")}
            if "events" not in columns:  # a state from before the shrink guard
                self._db.execute("ALTER TABLE source_documents ADD COLUMN events INTEGER")

    def previous(self, source: Source, origin: str) -> Document | None:
        """The last good copy of a document, marked unchanged (it is what the last run used)."""
        row = self._db.execute(
            "SELECT etag, last_modified, sha256, issued, body, events FROM source_documents WHERE origin = ?",
            (origin,)).fetchone()
        if row is None:
            return None
        etag, last_modified, sha256, issued, body, events = row
        return Document(source, origin, bytes(body), sha256, datetime.fromisoformat(issued), unchanged=True,
                        etag=etag, last_modified=last_modified, events=events)

    def remember(self, doc: Document, events: int | None = None) -> None:
        """Keep this copy as the document's last good one (call once it parsed as a program of `events`)."""
        if doc.stale:
            return
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO source_documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "COALESCE(?, (SELECT events FROM source_documents WHERE origin = ? AND sha256 = ?)))",
                (doc.origin, doc.source.name, doc.etag, doc.last_modified, doc.sha256, doc.issued.isoformat(),
                 doc.data, _now().isoformat(timespec="seconds"), events, doc.origin, doc.sha256))

    def origins(self, source: Source) -> list[str]:
        """Every document of this source that lichsync keeps a copy of."""
        rows = self._db.execute("SELECT origin FROM source_documents WHERE source = ? ORDER BY origin", (source.name,))
        return [row[0] for row in rows]

    def forget(self, origin: str) -> None:
        """A document gone for good (removed, and the removal confirmed)."""
        with self._db:
            self._db.execute("DELETE FROM source_documents WHERE origin = ?", (origin,))
            self._db.execute("DELETE FROM parsed_programs WHERE origin = ?", (origin,))

    def parsed(self, doc: Document) -> Program | None:
        """The program parsed before from these very bytes, by this very reading code: one changed
        document among hundreds re-parses that document alone."""
        row = self._db.execute("SELECT program FROM parsed_programs WHERE origin = ? AND sha256 = ? AND version = ?",
                               (doc.origin, doc.sha256, reader_version())).fetchone()
        try:
            return pickle.loads(row[0]) if row else None
        except Exception:  # written by a lichsync whose classes differ: parse again
            return None

    def keep_parsed(self, programs: list[tuple[Document, Program]]) -> None:
        """Remember what these documents parsed to, in one transaction (a cache: losing it costs a parse)."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO parsed_programs VALUES (?, ?, ?, ?)",
                                 [(doc.origin, doc.sha256, reader_version(), pickle.dumps(program))
                                  for doc, program in programs])

    def last_clean_run(self, name: str = "sync") -> str | None:
        row = self._db.execute("SELECT fingerprint FROM source_runs WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def clean_run(self, fingerprint: str, name: str = "sync") -> None:
        """Record a run that finished with no problem: the same inputs next time mean nothing to do."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO source_runs VALUES (?, ?, ?)",
                             (name, fingerprint, _now().isoformat(timespec="seconds")))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> DocumentState:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def reader_version() -> str:
    """A hash of the reading code (every source file of lichsync.read and lichsync.parse): a parse
    cached by another parser — a new release, a patched checkout — is never served."""
    return code_version("read", "parse")


@functools.cache
def code_version(*parts: str) -> str:
    """A hash of lichsync's source files under `parts` (packages or modules, as paths in lichsync/), once per process."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent  # lichsync/
    for path in sorted(p for name in parts for p in ((package / name).rglob("*.py") if (package / name).is_dir()
                                                       else [package / name])):
        h.update(f"\0{path.relative_to(package)}\0".encode() + path.read_bytes())
    return h.hexdigest()[:32]


def collect(sources: Sequence[Source], state: DocumentState,
            client: httpx.Client | None = None) -> tuple[list[Document], list[Problem]]:
    """Every source's documents, in config order, and the problems met on the way. The web client
    (and its import) is made only when a source is a URL: a nightly run over folders does without."""
    documents: list[Document] = []
    problems: list[Problem] = []
    own_client = client is None and any(s.url for s in sources)
    if own_client:
        import httpx

        client = httpx.Client(headers={"User-Agent": USER_AGENT}, follow_redirects=True)
    try:
        for source in sources:
            found, trouble = fetch_url(client, source, state) if source.url and client else read_files(source, state)
            documents += found
            problems += trouble
    finally:
        if own_client and client is not None:
            client.close()
    return documents, problems


def read_files(source: Source, state: DocumentState) -> tuple[list[Document], list[Problem]]:
    """The files a path names: itself, a folder's visible files, or a glob's matches, sorted."""
    assert source.path is not None
    pattern = str(source.path)
    if source.path.is_dir():
        paths = [p for p in source.path.iterdir() if p.is_file() and not p.name.startswith(".")]
    else:
        paths = [Path(p) for p in glob.glob(pattern) if Path(p).is_file()] if glob.has_magic(pattern) else (
            [source.path] if source.path.is_file() else [])
    if not paths:  # an empty inbox is no problem; a folder that is not there is a wrong path
        folder = source.path if source.path.is_dir() or not glob.has_magic(pattern) else source.path.parent
        missing = not folder.is_dir() or glob.has_magic(str(folder))
        return [], [Problem(source, pattern, NO_SUCH_PATH)] if missing else []
    documents, problems = [], []
    limit = Limits.from_env().max_bytes
    for path in sorted(p.resolve() for p in paths):
        origin = str(path)
        try:
            data = read_bounded(path, limit)
            mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except (InputError, OSError) as e:  # too big, unreadable: its last good copy stands in
            problem = e.problem if isinstance(e, InputError) else f"cannot read: {e.strerror or e}"
            problems.append(Problem(source, origin, problem))
            previous = state.previous(source, origin)
            documents += [stale(previous)] if previous else []
            continue
        sha = _sha256(data)
        previous = state.previous(source, origin)
        documents.append(Document(source, origin, data, sha, mtime, unchanged=bool(previous and previous.sha256 == sha)))
    return documents, problems


def fetch_url(client: httpx.Client, source: Source, state: DocumentState) -> tuple[list[Document], list[Problem]]:
    """One conditional GET: 304 → the stored copy, unchanged; 200 → the new copy; else a problem."""
    import httpx

    assert source.url is not None
    url = redact(source.url)  # the document's name in problems, logs and the state: no password
    previous = state.previous(source, url)
    headers = {}
    if previous and previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous and previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified

    def failed(message: str) -> tuple[list[Document], list[Problem]]:
        kept = " (keeping the last good copy)" if previous else " (no earlier copy to keep)"
        return ([stale(previous)] if previous else []), [Problem(source, url, message + kept)]

    limit = Limits.from_env().max_bytes
    deadline = time.monotonic() + source.timeout  # httpx's timeout is per read: a trickle never trips it
    try:
        with client.stream("GET", source.url, headers=headers, timeout=source.timeout) as response:
            if response.status_code == 304 and previous:
                return [previous], []
            if response.status_code != 200:
                return failed(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    return failed(f"the document is over the limit of {limit // 2**20} MB (LICHSYNC_MAX_FILE_MB)")
                if time.monotonic() > deadline:
                    return failed(f"the download took longer than {source.timeout:g} s")
                chunks.append(chunk)
    except httpx.TimeoutException:
        return failed(f"no answer within {source.timeout:g} s")
    except httpx.HTTPError as e:
        return failed(f"cannot download: {redact(str(e))}")
    data = b"".join(chunks)
    sha = _sha256(data)
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    if previous and previous.sha256 == sha:  # a server without validators, or new validators, same bytes
        return [Document(source, url, data, sha, previous.issued, unchanged=True, etag=etag,
                         last_modified=last_modified)], []
    return [Document(source, url, data, sha, _issued(last_modified), unchanged=False, etag=etag,
                     last_modified=last_modified)], []


def fallback(doc: Document, state: DocumentState) -> Document | None:
    """For a copy that turned out not to be a program: the last good copy of the same document."""
    previous = state.previous(doc.source, doc.origin)
    return stale(previous) if previous and previous.sha256 != doc.sha256 else None


def stale(doc: Document) -> Document:
    """The last good copy, standing in for a document this run cannot use."""
    return Document(doc.source, doc.origin, doc.data, doc.sha256, doc.issued, unchanged=True, stale=True,
                    etag=doc.etag, last_modified=doc.last_modified, events=doc.events)


def _issued(last_modified: str | None) -> datetime:
    """When the server says the document last changed, else now (the first time we saw it)."""
    if last_modified:
        try:
            when = parsedate_to_datetime(last_modified)
            return when if when.tzinfo else when.replace(tzinfo=UTC)
        except (TypeError, ValueError):
            pass
    return _now()


def _now() -> datetime:
    return datetime.now(UTC)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
