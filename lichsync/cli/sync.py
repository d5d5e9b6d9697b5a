"""`lichsync sync`: the nightly run — sources → parse → map → feeds folder → every official's calendars.

A thin composition: `intake` (sources, conditional GET, newest issue), the mapper, the feed
writer of `export --all`, and the push engine per configured calendar, under the sync lock.
Exit status: 0 all done, 1 a source or a target failed (everything else still synced), 2 a
configuration error, 75 another sync held the lock (this one did nothing).
"""
from __future__ import annotations

import gc
import logging
import sqlite3
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.table import Table
from rich.text import Text

from lichsync import config as config_mod
from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory
from lichsync.calendar.mapper import for_official, unique_uids
from lichsync.cli import logs
from lichsync.cli.console import fail, terminal_console
from lichsync.cli.export import feeds_for_all
from lichsync.cli.inputs import config_file, default_config_path, warn_if_exposed
from lichsync.cli.push import open_target, print_actions, scope
from lichsync.config import Config, ConfigError
from lichsync.errors import unexpected
from lichsync.parse.model import Program
from lichsync.privacy import redact
from lichsync.publish.base import TargetError
from lichsync.settings import SyncSettings, parse_sync_settings
from lichsync.sync.plan import Action, Desired, Op, RemoteEvent, plan

if TYPE_CHECKING:
    from lichsync.sync.intake import Intake
    from lichsync.sync.memo import Memo
    from lichsync.sync.splice import Entries

log = logging.getLogger("lichsync")


@dataclass
class Row:
    """One line of the summary: an official's feed or one of their calendars."""
    official: str
    where: str
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    error: str | None = None
    actions: list[Action] = field(default_factory=list)  # what changes, event by event (dry runs list it)

    def line(self, dry_run: bool) -> str:
        verb = "would " if dry_run else ""
        if self.error:
            return f"{self.official} {self.where}: FAILED: {self.error}"
        return (f"{self.official} {self.where}: {verb}create {self.created}, {verb}update {self.updated}, "
                f"{verb}delete {self.deleted}, unchanged {self.unchanged}")


def load(path: Path | None, verbose: bool = False) -> tuple[Config, SyncSettings, bytes]:
    """The configuration (--config, else the user's config file) and its sync sections; any mistake is one line and exit 2."""
    path = config_file(path, verbose)
    if path is None:
        raise fail("sync", f"no configuration: create {default_config_path()} (see config.example.toml), "
                           "or give --config FILE / LICHSYNC_CONFIG; the [[sources]] to sync are in it")
    try:
        raw = path.read_bytes()
        config = config_mod.load(path)
        settings = parse_sync_settings(tomllib.loads(raw.decode("utf-8")), path.resolve().parent)
    except ConfigError as e:
        raise fail(path, str(e))
    except OSError as e:
        raise fail(path, e.strerror or str(e))
    warn_if_exposed(path, config)
    if not settings.sources:
        raise fail(path, "sources: none configured ([[sources]] with path = … or url = …): nothing to sync")
    if not settings.feeds.dir and not any(o.calendars for o in config.officials):
        raise fail(path, "feeds.dir: not set, and no official has calendars: sync would write nowhere")
    return config, settings, raw


def sync(
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG",
                                               help="Configuration TOML with the sources to sync (default: lichsync.toml in the user config dir)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Fetch and plan; write no feed and no calendar."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary: only warnings and errors (for cron)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say which configuration file is used; log every step on stderr too."),
    force: bool = typer.Option(False, "--force", help="Parse and compare everything even when no document changed; accept what the guard held "
                                    "back (a document that lost most of its events, a file removed from its folder)."),
    state_path: Optional[Path] = typer.Option(None, "--state", envvar="LICHSYNC_STATE",
                                              help="State database (default: the user state dir)."),
) -> None:
    """Bring every feed and calendar to the current programs of the configured sources."""
    from lichsync.sync.runlock import BUSY_EXIT, Busy, exclusive
    from lichsync.sync.state import default_path

    config, settings, raw = load(config_path, verbose)
    logs.setup(settings.logging, verbose)
    gc.freeze()  # modules and configuration live as long as this process: the run's collections need not walk them
    state_path = state_path or default_path()
    try:
        with exclusive(state_path, settings.lock.timeout):
            status = run(config, settings, raw, state_path, dry_run, force, quiet)
    except Busy as e:
        raise fail(e.path, str(e), BUSY_EXIT)
    except (sqlite3.Error, OSError) as e:
        raise fail(state_path, f"cannot use the sync state: {e}")
    raise typer.Exit(status)


def run(config: Config, settings: SyncSettings, raw: bytes, state_path: Path, dry_run: bool, force: bool,
        quiet: bool) -> int:
    from lichsync.desk.store import corrections_digest
    from lichsync.sync.intake import take_in
    from lichsync.sync.memo import Memo
    from lichsync.sync.sources import DocumentState, collect

    started = time.perf_counter()
    context = raw + corrections_digest(state_path)  # what the run depends on besides the documents and the code
    with DocumentState(state_path) as documents:
        collected = collect(settings.sources, documents)
        one_changed = sum(not d.unchanged for d in collected[0]) == 1
        if one_changed and not (dry_run or force) and settings.feeds.dir and not any(o.calendars for o in config.officials):
            spliced = splice_one(collected, documents, config, settings, context, state_path)
            if spliced is not None:
                return report_spliced(spliced, documents, quiet, started)
        intake = take_in(settings.sources, documents, config=context, force=force, remember=not dry_run,
                         max_loss=settings.guard.max_loss, collected=collected)
        for doc in intake.documents:  # -v: each step as it happens (fetch, parse, plan, write)
            log.info("fetch %s: %s", doc.origin, "last good copy" if doc.stale else
                     "unchanged" if doc.unchanged else "new")
        for program in intake.programs:
            log.info("parse %s: %d events, %d warnings", program.source, len(program.events), len(program.warnings))
        for problem in intake.problems:
            log.warning("%s: %s", problem.origin, problem.message)
        if intake.unchanged:
            line = (f"no document changed since the last run ({len(intake.documents)} checked, {intake.parsed} parsed);"
                    f" nothing to write ({time.perf_counter() - started:.2f} s)")
            log.info("%s", line)
            if not quiet:
                typer.echo(line)
            return 1 if intake.problems else 0
        for r in intake.replaced:
            log.info("%s: replaced by the newer issue %s", r.old.origin, r.by.origin)
        programs = corrected(intake, config, state_path)
        rows: list[Row] = []
        if programs or intake.dropped:  # nothing read at all: leave every feed and calendar as it is
            people = Directory(config, programs)
            with Memo(state_path) as memo:
                mapped, keys = map_kept(programs, config, people, intake.read_from, context, memo, dry_run)
                events = unique_uids(mapped)
                if settings.feeds.dir:
                    if not dry_run:
                        memo.forget_snapshot()  # kept again below once every feed is written
                    rows += write_feeds(settings.feeds.dir, events, people, config, programs, dry_run, memo)
                    if not dry_run and not any(r.error for r in rows):
                        keep_snapshot(memo, intake, config, people, keys, mapped, programs)
            rows += push_calendars(events, people, config, programs, state_path, dry_run, intake.dropped)
        failed = bool(intake.problems) or any(r.error for r in rows)
        for row in rows:
            (log.error if row.error else log.info)("%s", row.line(dry_run))
        if not quiet:
            print_summary(rows, intake, dry_run)
        log.info("%d document%s, %d parsed, %d program%s current (%.2f s)%s", len(intake.documents),
                 "s" * (len(intake.documents) != 1), intake.parsed, len(programs), "s" * (len(programs) != 1),
                 time.perf_counter() - started, " (dry run: nothing written)" if dry_run else "")
        if not failed and not dry_run:
            documents.clean_run(intake.fingerprint)
        return 1 if failed else 0


def corrected(intake: Intake, config: Config, state_path: Path) -> list[Program]:
    """The current programs with the office's corrections (made at `serve`'s desk) applied again."""
    from lichsync.desk.store import correct_all

    bodies = {d.origin: d.source.organization for d in intake.documents}
    programs, reviews = correct_all(intake.programs, state_path, bodies, config.organization.name)
    for source, review in reviews:
        log.warning("%s: a correction %s: %s", source, "applied, to confirm" if review.applied else "held",
                    review.message)
    return programs


def map_kept(programs: list[Program], config: Config, people: Directory, read_from: dict[str, str], context: bytes,
             memo: Memo, dry_run: bool) -> tuple[list[list[CalendarEvent]], dict[str, str]]:
    """Each program's events (`map_program`), taken as the memo kept them when nothing they follow from
    changed; and the keys they are kept under."""
    from lichsync.sync.memo import map_with, mapping_key

    keys = {p.source: mapping_key(p, read_from[p.source], context, people) for p in programs if p.source in read_from}
    mapped, fresh = map_with(programs, config, people, keys, memo.mapped(keys))
    if not dry_run:
        memo.keep_mapped(fresh, keys)
    return mapped, keys


def keep_snapshot(memo: Memo, intake: Intake, config: Config, people: Directory, keys: dict[str, str],
                  mapped: list[list[CalendarEvent]], programs: list[Program]) -> None:
    """What one changed document of the next run needs of the others (sync/quick.py), when this run
    read every document as its current issue and no two documents share a UID."""
    from lichsync.sync.memo import Kept, snapshot_inputs
    from lichsync.sync.revisions import Issue, issue_key

    uids = [{e.uid for e in unique_uids([events])} for events in mapped]
    if intake.problems or intake.replaced or len(set().union(*uids)) != sum(map(len, uids)):
        return
    docs = {d.origin: d for d in intake.documents}
    issues = {p.source: issue_key(Issue(p, docs[p.source].issued, p.source, docs[p.source].source.organization))
              for p in intake.programs if p.source in docs}
    if len(issues) != len(programs) or any(p.source not in keys for p in programs):
        return
    memo.keep_snapshot(snapshot_inputs(intake.fingerprint, config.timezone),
                       [Kept(p.source, keys[p.source], roster, issues[p.source], len(p.events), len(p.warnings))
                        for p, roster in zip(programs, people.rosters, strict=True)])


def splice_one(collected, documents, config: Config, settings: SyncSettings, context: bytes, state_path: Path):
    """sync/quick.py's way for one changed document, with this command's feeds and corrections."""
    from lichsync.desk.store import correct_all
    from lichsync.sync.quick import sync_one

    def correct(program: Program, doc) -> Program | None:
        programs, reviews = correct_all([program], state_path, {doc.origin: doc.source.organization},
                                        config.organization.name)
        return None if reviews else programs[0]

    assert settings.feeds.dir is not None
    return sync_one(collected, documents, config, context, settings.feeds.dir,
                    lambda events, people, programs: feeds_for_all(events, people, config, programs), correct,
                    settings.guard.max_loss)


def report_spliced(spliced, documents, quiet: bool, started: float) -> int:
    """The spliced run's log and summary, as the full way gives them; the clean run recorded."""
    rows = [Row(c.name, "feed", c.created, c.updated, c.deleted, c.unchanged) for c in spliced.feeds]
    intake = spliced.intake
    for doc in intake.documents:
        log.info("fetch %s: %s", doc.origin, "unchanged" if doc.unchanged else "new")
    for program in intake.programs:
        log.info("parse %s: %d events, %d warnings", program.source, len(program.events), len(program.warnings))
    for row in rows:
        log.info("%s", row.line(False))
    if not quiet:
        print_summary(rows, intake, False, spliced.counts)
    log.info("%d document%s, 1 parsed, %d program%s current (%.2f s), spliced", len(intake.documents),
             "s" * (len(intake.documents) != 1), len(spliced.counts), "s" * (len(spliced.counts) != 1),
             time.perf_counter() - started)
    documents.clean_run(intake.fingerprint)
    return 0


def write_feeds(directory: Path, events: list[CalendarEvent], people: Directory, config: Config,
                programs: list[Program], dry_run: bool, memo: Memo | None = None) -> list[Row]:
    """The feeds of `export --all`; a feed whose bytes would not change is not rewritten (its
    Last-Modified stays, so subscribed calendars get a 304), and one the `memo` knows to be
    rendered from the same events is not even read."""
    from lichsync.publish.ics import FeedRun, read_previous, render_feed, write_atomic
    from lichsync.sync.memo import feed_digest

    if not dry_run:
        directory.mkdir(parents=True, exist_ok=True)
    run, rows, written, entries = FeedRun(), [], [], []
    feeds = feeds_for_all(events, people, config, programs)
    for file_name, feed_events, name, role in feeds:
        path = directory / file_name
        row = Row(file_name.removesuffix(".ics"), "feed")
        digest = feed_digest(feed_events, name, config.timezone, config.export.refresh_minutes, role)
        if memo and memo.written(path, digest):
            row.unchanged = len(feed_events)
            rows.append(row)
            if not dry_run and memo.feed_entries(path) is None:  # kept by an older lichsync, or lost
                entries.append((path, feed_entries(feed_events, path)))
            continue
        try:
            old = path.read_bytes() if path.is_file() else b""
            previous = read_previous(old, run.known)
            header = kept_header(memo, path, config, name, role, dry_run) if memo else None
            new = render_feed(feed_events, name, config.timezone, config.export.refresh_minutes, previous, run, role,
                              header)
            if new != old and not dry_run:
                write_atomic(path, new)
            written.append((path, digest))
            if memo and not dry_run:
                entries.append((path, feed_entries(feed_events, path, new)))
        except OSError as e:
            row.error = f"{path}: cannot write: {e.strerror or e}"
            rows.append(row)
            continue
        uids = {e.uid for e in feed_events}
        for event in feed_events:
            kept = previous.get(event.uid)
            op: Op
            if kept is None:
                row.created += 1
                op = "create"
            elif kept.content_hash == event.content_hash():
                row.unchanged += 1
                continue
            else:
                row.updated += 1
                op = "update"
            if dry_run:
                copy = _feed_copy(event.uid, kept) if kept else None
                row.actions.append(Action(op, event.uid, desired=Desired(event, ""), remote=copy))
        gone = set(previous) - uids
        row.deleted = len(gone)
        if dry_run:
            row.actions += [Action("delete", uid, remote=_feed_copy(uid, previous[uid])) for uid in sorted(gone)]
        rows.append(row)
    if memo and not dry_run:
        memo.keep_written(written)
        memo.keep_entries([(path, kept) for path, kept in entries if kept is not None])
    return rows


def feed_entries(events: list[CalendarEvent], path: Path, data: bytes | None = None) -> Entries | None:
    """What a splice needs of a feed (sync/splice.py): each block's key, from its events, and size, from the
    bytes written (`data`, else the file's); None when they do not agree."""
    from lichsync.sync.splice import Entries, key, sizes

    try:
        found = sizes(path.read_bytes() if data is None else data)
    except OSError:
        return None
    keys = sorted(map(key, events))
    return Entries.of(keys, found) if found is not None and len(found) == len(keys) else None


def kept_header(memo: Memo, path: Path, config: Config, name: str, role: str, dry_run: bool) -> bytes:
    """A feed's header as the memo keeps it, else rendered (and kept): its VTIMEZONE costs more than a change."""
    from lichsync.publish.ics import feed_header
    from lichsync.sync.memo import header_key

    key = header_key(config.timezone, name, config.export.refresh_minutes, role)
    header = memo.header(path, key)
    if header is None:
        header = feed_header(config.timezone, name, config.export.refresh_minutes, role)
        if not dry_run:
            memo.keep_header(path, key, header)
    return header


def _feed_copy(uid: str, stored) -> RemoteEvent:
    """An event as the feed file holds it, for the dry run's list (what an update changes, what goes)."""
    from lichsync.publish.ics import stored_fields

    shown = stored_fields(stored)
    return RemoteEvent(uid, uid, None, owned=True, summary=shown["summary"], start=shown["start"], shown=shown)


def push_calendars(events: list[CalendarEvent], people: Directory, config: Config, programs: list[Program],
                   state_path: Path, dry_run: bool, dropped: tuple[Program, ...] | list[Program] = ()) -> list[Row]:
    """Every configured calendar of every official; a target that fails is reported, the others go on."""
    from lichsync.sync.apply import execute
    from lichsync.sync.state import State

    scopes = {p.source: scope(p, config) for p in programs}
    cleared = {scope(p, config) for p in dropped}  # removed documents: their events leave the calendars too
    rows = []
    with State(state_path) as state:
        for official in (o for o in people.officials if o.calendars):  # a feed-only official costs nothing here
            desired = [Desired(e, scopes[e.source]) for e in for_official(events, official.key)]
            for kind, calendar in sorted(official.calendars.items()):
                row = Row(official.key, kind)
                try:
                    target = open_target(kind, calendar, config, listings=None if dry_run else state)
                    the_plan = plan(desired, state.records(target.kind, target.calendar), target.list(),
                                    set(scopes.values()) | cleared)
                    log.info("plan %s: %d writes", target.label, len(the_plan.writes))
                    if not dry_run:
                        execute(the_plan, target, state)
                    row.actions = [a for a in the_plan.actions if a.op in ("create", "update", "delete")]
                    counts = the_plan.counts()
                    row.created, row.updated = counts["create"], counts["update"]
                    row.deleted, row.unchanged = counts["delete"], counts["unchanged"]
                except TargetError as e:
                    row.error = f"{e.target}: {e.problem}"
                except Exception as e:  # a bug met by one calendar must not cost the others
                    log.debug("%s %s", kind, calendar, exc_info=True)
                    row.error = f"{kind} {calendar}: {unexpected(e)}"
                rows.append(row)
    return rows


def print_summary(rows: list[Row], intake: Intake, dry_run: bool, counts: dict[str, tuple[int, int]] | None = None) -> None:
    """The table of feeds and calendars, and of documents; `counts` (origin → events, warnings) when
    the programs were not all read."""
    console = terminal_console()
    if dry_run:  # the plan event by event, as `push --dry-run` shows it
        for r in rows:
            if r.actions:
                print_actions(r.actions, console, title=f"{r.official} {r.where}: would change")
    table = Table(header_style="bold", title="lichsync sync" + (" (dry run: nothing written)" if dry_run else ""))
    for name in ("Official", "Where", "Created", "Updated", "Deleted", "Unchanged", "Problem"):
        table.add_column(name, justify="right" if name in ("Created", "Updated", "Deleted", "Unchanged") else "left")
    for r in rows:
        table.add_row(r.official, r.where, *(str(n) for n in (r.created, r.updated, r.deleted, r.unchanged)),
                      Text(redact(r.error or "")))
    console.print(table)
    docs = Table(header_style="bold")
    for name in ("Document", "Events", "Warnings", "State"):
        docs.add_column(name)
    current = counts or {p.source: (len(p.events), len(p.warnings)) for p in intake.programs}
    replaced = {r.old.origin for r in intake.replaced}
    problems = {p.origin: p.message for p in intake.problems}
    for origin in dict.fromkeys([d.origin for d in intake.documents] + list(problems)):
        doc = next((d for d in intake.documents if d.origin == origin), None)
        program = current.get(origin)
        state = (problems.get(origin) or ("replaced by a newer issue" if origin in replaced else
                 "unchanged" if doc and doc.unchanged else "new"))
        docs.add_row(Text(origin), str(program[0]) if program else "", str(program[1]) if program else "", Text(state))
    console.print(docs)
