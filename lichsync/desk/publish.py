"""Publishing from the desk: the very steps of `lichsync sync`, first as its dry run (the plan), then for real.

It reads the same sources (the desk's uploads are one of them), applies the same corrections,
and writes through the same feed writer and push engine, under the same lock: what the clerk
saw planned is what a nightly sync would do, and that sync undoes nothing of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory
from lichsync.calendar.mapper import map_programs
from lichsync.cli.sync import Row, corrected, push_calendars, write_feeds
from lichsync.desk.store import corrections_digest
from lichsync.sync.intake import take_in
from lichsync.sync.runlock import Busy, exclusive
from lichsync.sync.sources import DocumentState


@dataclass
class Outcome:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "origin: message", sources that failed
    busy: str | None = None  # another sync held the lock

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.busy or any(r.error for r in self.rows))


def run(desk, dry_run: bool) -> Outcome:
    """The plan (dry_run) or the publication of every current program, corrected."""
    outcome = Outcome()
    try:
        with exclusive(desk.state_path, desk.settings.lock.timeout), DocumentState(desk.state_path) as documents:
            intake = take_in(desk.settings.sources, documents, config=desk.raw + corrections_digest(desk.state_path),
                             force=True, remember=not dry_run)
            outcome.problems = [f"{p.origin}: {p.message}" for p in intake.problems]
            programs = corrected(intake, desk.config, desk.state_path)
            if programs:
                people = Directory(desk.config, programs)
                events = map_programs(programs, desk.config, people)
                if desk.settings.feeds.dir:
                    outcome.rows += write_feeds(desk.settings.feeds.dir, events, people, desk.config, programs, dry_run)
                outcome.rows += push_calendars(events, people, desk.config, programs, desk.state_path, dry_run)
            if not dry_run and not outcome.failed:
                documents.clean_run(intake.fingerprint)
    except Busy as e:
        outcome.busy = str(e)
    return outcome


def current_events(desk) -> tuple[Directory, list[CalendarEvent]]:
    """Every official and their events as the next publication would have them (nothing written)."""
    with DocumentState(desk.state_path) as documents:
        intake = take_in(desk.settings.sources, documents, force=True, remember=False)
        programs = corrected(intake, desk.config, desk.state_path)
    people = Directory(desk.config, programs)
    events = sorted(map_programs(programs, desk.config, people), key=lambda e: str(e.start))
    return people, events
