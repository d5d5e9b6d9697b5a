"""One changed document among hundreds: spliced into its feeds, the other programs and events never loaded.

The nightly run's usual case. When every other document, the configuration, the corrections, the
code and the zone's data are those of the last run that wrote every feed (the memo's snapshot), the
changed document keeps its issue key and changes nothing the directory tells the others (the same
`Roster`, else the same `Directory.digest`), and it shares no UID with another document, then no other document's events change: its old VEVENTs
leave each feed they were in and its new ones enter at their places (sync/splice.py), which is what
a full render writes (tests/test_sync_quick.py). Anything else goes the full way (`None`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory, Roster
from lichsync.calendar.mapper import unique_uids
from lichsync.config import Config
from lichsync.parse.model import Program
from lichsync.sync import splice
from lichsync.sync.intake import Intake, fingerprint, keep_validators, read_one
from lichsync.sync.memo import Kept, Memo, map_with, mapping_key, snapshot_inputs
from lichsync.sync.revisions import Issue, issue_key
from lichsync.sync.sources import Document, DocumentState, Problem

if TYPE_CHECKING:
    from lichsync.publish.ics import Stored

FeedList = list[tuple[str, list[CalendarEvent], str, str]]  # (file name, events, calendar name, role) of each feed
Feeds = Callable[[list[CalendarEvent], Directory, list[Program]], FeedList]


@dataclass
class FeedCount:
    """What a feed got, as a summary row counts it."""
    name: str  # the feed's file name without .ics, as the summary names it
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Change:
    """One feed the document is or was in: the file cut into blocks, where the leaving ones are, the events arriving."""
    path: Path
    cut: splice.Cut
    leaving: list[int]
    arriving: list[CalendarEvent]  # in feed order


@dataclass
class Spliced:
    intake: Intake  # every document; the changed one's program as the only one read
    feeds: list[FeedCount]
    counts: dict[str, tuple[int, int]]  # origin → events and warnings of every current program


def sync_one(collected: tuple[list[Document], list[Problem]], documents: DocumentState, config: Config,
             context: bytes, feeds_dir: Path, feeds_of: Feeds, correct: Callable[[Program, Document], Program | None],
             max_loss: float) -> Spliced | None:
    """Splice the one changed document into the feeds; None, having written no feed, when it is not that case.
    `correct` gives a program with its corrections, None when one needs a review (the full way logs it)."""
    docs, problems = collected
    changed = [d for d in docs if not d.unchanged]
    if problems or len(changed) != 1 or changed[0].stale:
        return None
    doc = changed[0]
    before = documents.previous(doc.source, doc.origin)
    with Memo(documents.path) as memo:
        kept = memo.snapshot(snapshot_inputs(fingerprint([replace(d, sha256=before.sha256) if d is doc else d for d in docs],
                                                         context), config.timezone)) if before else None
        old = next((k for k in kept or () if k.origin == doc.origin), None)
        read = read_one(doc, documents, max_loss) if old else None
        program = correct(read, doc) if read else None
        if read is None or program is None or old is None or kept is None or not _same_issue(old, read, doc):
            return None
        people = Directory(config, [program if k is old else k.roster for k in kept])
        if old.roster != Roster.of(program) and Directory(config, [k.roster for k in kept]).digest() != people.digest():
            return None  # it taught the directory something: every document maps anew
        key = mapping_key(program, doc.sha256, context, people)
        was = memo.mapped({doc.origin: old.key}).get(doc.origin)
        (now,), fresh = map_with([program], config, people, {doc.origin: key}, {})
        plan = _plan(feeds_dir, feeds_of(unique_uids([was]), people, [program]),  # UIDs as the feeds hold them
                     feeds_of(unique_uids([now]), people, [program]), memo) if was is not None else None
        if plan is None:
            return None
        documents.remember(doc, len(program.events))
        keep_validators(docs, documents)
        memo.forget_snapshot()  # until every feed is spliced
        counts, written = _write(plan[0])
        memo.keep_entries(written)
        memo.keep_mapped(fresh, [k.origin for k in kept])
        current = [replace(k, key=key, events=len(program.events), warnings=len(program.warnings)) if k is old else k
                   for k in kept]
        inputs = fingerprint(docs, context)
        memo.keep_snapshot(snapshot_inputs(inputs, config.timezone), current)
    intake = Intake(inputs, False, docs, [], [program], parsed=1, read_from={doc.origin: doc.sha256})
    return Spliced(intake, counts + plan[1], {k.origin: (k.events, k.warnings) for k in current})


def _same_issue(old: Kept, read: Program, doc: Document) -> bool:
    """Whether the document keeps its issue key, so it stays the current issue of it."""
    return old.issue == issue_key(Issue(read, doc.issued, doc.origin, doc.source.organization))


def _plan(feeds_dir: Path, old_feeds: FeedList, new_feeds: FeedList, memo: Memo) -> tuple[list[Change], list[FeedCount]] | None:
    """The feeds the document is or was in, cut, and the others' counts; None when a feed is not as kept, or
    a UID of the document is another document's too (mapping them all would number them apart)."""
    changes, untouched = [], []
    for (name, before, _, _), (_, after, _, _) in zip(old_feeds, new_feeds, strict=True):
        path = feeds_dir / name
        if not before and not after:
            events = memo.feed_events(path)
            if events is None:
                return None
            untouched.append(FeedCount(name.removesuffix(".ics"), unchanged=events))
            continue
        entries = memo.feed_entries(path)
        cut = splice.cut(path.read_bytes(), entries) if entries is not None else None
        leaving = cut.at([splice.key(e) for e in before]) if cut else None
        if cut is None or leaving is None or _taken(cut, leaving, after):
            return None
        changes.append(Change(path, cut, leaving, sorted(after, key=attrgetter("order"))))
    return changes, untouched


def _taken(cut: splice.Cut, leaving: list[int], arriving: list[CalendarEvent]) -> bool:
    """Whether a block that stays holds an arriving UID."""
    staying = set(cut.entries.uids).difference(cut.entries.uids[i] for i in leaving)
    return any(e.uid in staying for e in arriving)


def _write(changes: list[Change]) -> tuple[list[FeedCount], list[tuple[Path, splice.Entries]]]:
    """Each feed spliced and written when its bytes change (else left alone, its mtime kept for a 304);
    the counts, and the entries of the feeds written."""
    from lichsync.publish.ics import FeedRun, read_previous, render_blocks, write_atomic

    run, counts, written = FeedRun(), [], []
    for change in changes:
        previous = read_previous(change.cut.of(change.leaving), run.known)
        blocks = render_blocks(change.arriving, previous, run)
        arriving = list(zip(map(splice.key, change.arriving), blocks, strict=True))
        if not change.cut.holds(change.leaving, arriving):  # else the file and its kept entries stay as they are
            pieces, entries = change.cut.spliced(change.leaving, arriving)
            write_atomic(change.path, pieces)
            written.append((change.path, entries))
        counts.append(_count(change, previous))
    return counts, written


def _count(change: Change, previous: dict[str, Stored]) -> FeedCount:
    """As `write_feeds` counts a feed: each event against the VEVENT the file held of its UID."""
    count = FeedCount(change.path.name.removesuffix(".ics"), deleted=len(set(previous) - {e.uid for e in change.arriving}))
    for event in change.arriving:
        kept = previous.get(event.uid)
        if kept is None:
            count.created += 1
        elif kept.content_hash != event.content_hash():
            count.updated += 1
    count.unchanged = len(change.cut.entries) - len(change.leaving) + len(change.arriving) - count.created - count.updated
    return count
