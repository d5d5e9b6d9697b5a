"""From the configured sources to the current programs: what a nightly run starts with.

Fetch every source (conditional GET), and when the documents and the configuration are those
of the last run that finished cleanly, stop there: nothing is parsed, nothing needs writing.
Otherwise parse each document; one that is not a program (a parse error, no events — an error
page, a login page) becomes a warning and its last good copy stands in for it. Of several issues
of one organisation's period the newest is kept (revisions.py).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from lichsync.errors import InputError, unexpected
from lichsync.parse.model import Program
from lichsync.read.pipeline import parse_data
from lichsync.settings import Source
from lichsync.sync.revisions import Issue, Replaced, current_issues
from lichsync.sync.sources import Document, DocumentState, Problem, collect, fallback, reader_version, stale

log = logging.getLogger("lichsync")


@dataclass
class Intake:
    fingerprint: str  # of the documents and config; give it to DocumentState.clean_run once all went well
    unchanged: bool  # same as the last clean run: programs is empty, nothing was parsed
    documents: list[Document]
    problems: list[Problem]
    programs: list[Program] = field(default_factory=list)  # the current issue of each organisation and period
    replaced: list[Replaced] = field(default_factory=list)
    parsed: int = 0  # documents parsed by this run
    dropped: list[Program] = field(default_factory=list)  # removed documents, removal confirmed (--force)
    read_from: dict[str, str] = field(default_factory=dict)  # origin → sha256 of the copy its program was read from


def fingerprint(documents: Sequence[Document], config: bytes = b"") -> str:
    """What the run's result depends on: each document's bytes, the config, the reading code."""
    h = hashlib.sha256(f"lichsync {reader_version()}\n".encode() + config)
    for doc in sorted(documents, key=lambda d: d.origin):
        h.update(f"\n{doc.origin}\t{doc.sha256}".encode())
    return h.hexdigest()


def take_in(sources: Sequence[Source], state: DocumentState, client: httpx.Client | None = None,
            config: bytes = b"", force: bool = False, remember: bool = True,
            parse: Callable[[bytes, str], Program] = parse_data, max_loss: float = 0.5,
            collected: tuple[list[Document], list[Problem]] | None = None) -> Intake:
    """The current programs of the sources (`collected` from them already, if given), or `unchanged`
    when there is nothing new to do.

    A copy that lost more than `max_loss` of its events, or a file removed from its folder, is held
    back (its last good copy stands in, with a problem) unless `force` confirms it.
    `remember=False` (a dry run) keeps no new copy: the next real run sees the same news."""
    documents, problems = collected or collect(sources, state, client)
    problems = list(problems)
    fp = fingerprint(documents, config)
    intake = Intake(fp, unchanged=not force and fp == state.last_clean_run(), documents=documents, problems=problems)
    if intake.unchanged:
        if remember:
            for doc in documents:
                _keep_new_validators(doc, state)
        return intake
    issues, fresh = [], []
    for doc in documents:
        program = state.parsed(doc)  # a document parsed before from the same bytes is not parsed again
        trouble = None
        if program is None:
            program, trouble = _read(doc, parse)
            intake.parsed += 1
            if remember and program is not None:
                fresh.append((doc, program))
        if program is not None and not force:
            trouble = _shrunk(doc, program, state, max_loss)
        if program is None or trouble:
            kept = fallback(doc, state)
            kept_program = _read(kept, parse)[0] if kept else None
            intake.parsed += kept is not None
            note = "keeping the last good copy" if kept_program else "no earlier copy to keep"
            problems.append(Problem(doc.source, doc.origin, f"{trouble} ({note})"))
            if kept is None or kept_program is None:
                continue
            doc, program = kept, kept_program
        elif remember and doc.unchanged:
            _keep_new_validators(doc, state)
        elif remember and not doc.stale:
            state.remember(doc, len(program.events))  # a new copy (one transaction each: a killed run keeps what it accepted)
        issues.append(Issue(program, doc.issued, doc.origin, doc.source.organization))
        intake.read_from[doc.origin] = doc.sha256
    removed: dict[str, Document] = {}  # origin → last good copy: documents gone from their folder, kept until the removal is confirmed
    for doc in _removed(sources, documents, problems, state):
        program = state.parsed(doc)
        if program is None:
            program = _read(doc, parse)[0]
            intake.parsed += 1
        if program is None:
            continue
        if force:  # confirmed: its events leave the feeds and, by its scope, the calendars
            intake.dropped.append(program)
            if remember:
                state.forget(doc.origin)
            continue
        removed[doc.origin] = doc
        issues.append(Issue(program, doc.issued, doc.origin, doc.source.organization))
        intake.read_from[doc.origin] = doc.sha256
    state.keep_parsed(fresh)
    current, intake.replaced = current_issues(issues)
    for r in intake.replaced:  # a removed issue a newer one replaces: nothing is lost, nothing to confirm
        if removed.pop(r.old.origin, None) and remember:
            state.forget(r.old.origin)
    problems += [Problem(doc.source, origin, "removed from its folder: its events stay until "
                                             "`lichsync sync --force` confirms the removal") for origin, doc in removed.items()]
    intake.programs = [i.program for i in current]
    return intake


def read_one(doc: Document, state: DocumentState, max_loss: float,
             parse: Callable[[bytes, str], Program] = parse_data) -> Program | None:
    """A changed document's program, kept parsed; None when it is not one or lost too many events
    (`take_in` then says why)."""
    program = state.parsed(doc)
    if program is None:
        program = _read(doc, parse)[0]
        if program is not None:
            state.keep_parsed([(doc, program)])
    return program if program is not None and not _shrunk(doc, program, state, max_loss) else None


def _shrunk(doc: Document, program: Program, state: DocumentState, max_loss: float) -> str | None:
    """Why a new copy is held back: it lost more of its events than `max_loss` (a cut file, a
    half-saved upload) — vdirsyncer likewise refuses a storage that suddenly became empty."""
    if doc.unchanged or doc.stale:
        return None
    before = state.previous(doc.source, doc.origin)
    if before is None or not before.events or len(program.events) >= before.events * (1 - max_loss):
        return None
    return (f"holds {len(program.events)} events where its last copy held {before.events}: held back, "
            f"as it lost more than {max_loss:.0%} (`lichsync sync --force` accepts it, or raise guard.max_loss)")


def _removed(sources: Sequence[Source], documents: list[Document], problems: list[Problem],
             state: DocumentState) -> list[Document]:
    """The last good copies of files lichsync had read from a folder or glob that are no longer there."""
    seen = {d.origin for d in documents} | {p.origin for p in problems}
    gone = []
    for source in sources:
        if source.path is None:
            continue
        for origin in state.origins(source):
            previous = state.previous(source, origin) if origin not in seen else None
            if previous is not None:
                gone.append(stale(previous))
    return gone


def keep_validators(documents: Sequence[Document], state: DocumentState) -> None:
    """`_keep_new_validators` of each unchanged web document (a file has none)."""
    for doc in documents:
        if doc.unchanged and doc.source.url:
            _keep_new_validators(doc, state)


def _keep_new_validators(doc: Document, state: DocumentState) -> None:
    """A server may answer 200 with the same bytes and new validators: keep them, so that the
    next night asks with them and gets a 304 instead of the whole document again."""
    if doc.stale:
        return
    before = state.previous(doc.source, doc.origin)
    if before is not None and (before.etag, before.last_modified) != (doc.etag, doc.last_modified):
        state.remember(doc)


def _read(doc: Document, parse: Callable[[bytes, str], Program]) -> tuple[Program | None, str | None]:
    """The program in a document, or why it is not one."""
    try:
        program = parse(doc.data, doc.origin)
    except InputError as e:
        return None, f"not a program: {e.problem}"
    except Exception as e:  # a bug met by one document must not cost the others
        log.debug("%s", doc.origin, exc_info=True)
        return None, unexpected(e)
    if not program.events:
        return None, "not a program: no events found"
    return program, None
