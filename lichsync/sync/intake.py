"""From the configured sources to the current programs: what a nightly run starts with.

Fetch every source (conditional GET), and when the documents and the configuration are those
of the last run that finished cleanly, stop there: nothing is parsed, nothing needs writing.
Otherwise parse each document; one that is not a program (a parse error, no events — an error
page, a login page) becomes a warning and its last good copy stands in for it. Of several issues
of one organisation's period the newest is kept (revisions.py).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from lichsync.errors import InputError
from lichsync.parse.model import Program
from lichsync.read.pipeline import parse_data
from lichsync.sync.revisions import Issue, Replaced, current_issues
from lichsync.settings import Source
from lichsync.sync.sources import Document, DocumentState, Problem, collect, fallback, reader_version


@dataclass
class Intake:
    fingerprint: str  # of the documents and config; give it to DocumentState.clean_run once all went well
    unchanged: bool  # same as the last clean run: programs is empty, nothing was parsed
    documents: list[Document]
    problems: list[Problem]
    programs: list[Program] = field(default_factory=list)  # the current issue of each organisation and period
    replaced: list[Replaced] = field(default_factory=list)
    parsed: int = 0  # documents parsed by this run


def fingerprint(documents: Sequence[Document], config: bytes = b"") -> str:
    """What the run's result depends on: each document's bytes, the config, the reading code."""
    h = hashlib.sha256(f"lichsync {reader_version()}\n".encode() + config)
    for doc in sorted(documents, key=lambda d: d.origin):
        h.update(f"\n{doc.origin}\t{doc.sha256}".encode())
    return h.hexdigest()


def take_in(sources: Sequence[Source], state: DocumentState, client: httpx.Client | None = None,
            config: bytes = b"", force: bool = False, remember: bool = True,
            parse: Callable[[bytes, str], Program] = parse_data) -> Intake:
    """The current programs of the sources, or `unchanged` when there is nothing new to do.

    `remember=False` (a dry run) keeps no new copy: the next real run sees the same news."""
    documents, problems = collect(sources, state, client)
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
            if remember and not trouble:
                fresh.append((doc, program))
        if trouble:
            kept = fallback(doc, state)
            program = _read(kept, parse)[0] if kept else None
            intake.parsed += kept is not None
            note = "keeping the last good copy" if program else "no earlier copy to keep"
            problems.append(Problem(doc.source, doc.origin, f"{trouble} ({note})"))
            if program is None:
                continue
            doc = kept
        elif remember and doc.unchanged:
            _keep_new_validators(doc, state)
        elif remember:
            state.remember(doc)  # a new copy (one transaction each: a killed run keeps what it accepted)
        issues.append(Issue(program, doc.issued, doc.origin, doc.source.organization))
    state.keep_parsed(fresh)
    current, intake.replaced = current_issues(issues)
    intake.programs = [i.program for i in current]
    return intake


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
    if not program.events:
        return None, "not a program: no events found"
    return program, None
