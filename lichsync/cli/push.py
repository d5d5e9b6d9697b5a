"""`lichsync push`: make an official's Google or CalDAV calendar hold exactly the program's events.

The shell around the pure planner: read programs, map them, list the calendar, plan, then write
with a progress bar, recording each accepted write in the state as it happens.
"""
from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.table import Table
from rich.text import Text

from lichsync.calendar.calendar_event import changed_fields
from lichsync.calendar.directory import Directory
from lichsync.calendar.mapper import for_official, map_programs, organization_key
from lichsync.cli.console import fail, terminal_console, utf8_stdout
from lichsync.cli.inputs import choose, load_config, read_programs, verbose_option, with_corrections
from lichsync.config import Config, Official
from lichsync.parse.model import Program
from lichsync.publish.base import Backoff, Target, TargetError
from lichsync.sync.plan import Desired, Plan, plan

if TYPE_CHECKING:  # loaded by the command that writes, not by `--help`
    from lichsync.sync.state import State

NOTES = {"edited": "edited in the calendar; the program changed it", "foreign": "a person's event has this UID; left alone"}
OP_STYLE = {"create": "green", "update": "yellow", "delete": "red", "foreign": "magenta"}


class To(str, Enum):
    google = "google"
    caldav = "caldav"
    all = "all"


def scope(program: Program, config: Config) -> str:
    """The program a pushed event belongs to: its body and period. Deletions never leave it."""
    p = program.period
    period = f"{p.start}..{p.end}" if p.start and p.end else f"{p.year}-{p.month:02d}"
    return f"{organization_key(program, config)}|{period}"


def desired_events(programs: list[Program], config: Config, people: Directory,
                   official_key: str) -> tuple[list[Desired], set[str]]:
    """The official's events with their scopes, and every scope pushed (a program may now have none of theirs)."""
    scopes = {p.source: scope(p, config) for p in programs}
    events = for_official(map_programs(programs, config, people), official_key)
    return [Desired(e, scopes[e.source]) for e in events], set(scopes.values())


def caldav_password(config: Config, label: str) -> str | None:
    settings = config.targets.caldav
    if os.environ.get(settings.password_env):
        return os.environ[settings.password_env]
    if settings.password_command:
        try:
            out = subprocess.run(shlex.split(settings.password_command), capture_output=True, text=True,
                                 timeout=60, check=True).stdout
        except (OSError, subprocess.SubprocessError) as e:
            raise TargetError(label, f"targets.caldav.password_command failed: {e}") from None
        if not out.strip():
            raise TargetError(label, "targets.caldav.password_command printed no password")
        return out.splitlines()[0]
    return settings.password


def open_target(kind: str, calendar: str, config: Config, listings=None) -> Target:
    """The target of one calendar; what keeps it from opening (credentials) is a TargetError naming it.
    `listings` (the state, not in a dry run) lets a Google target list only what changed since last time."""
    label = f"{kind} {calendar}"
    if kind == "caldav":
        from lichsync.publish.caldav import CalDAVTarget
        dav = config.targets.caldav
        username = os.environ.get("LICHSYNC_CALDAV_USERNAME") or dav.username
        password = caldav_password(config, label)
        if username and password is None and "@" not in calendar:  # cron passes no environment
            raise TargetError(label, f"user {username} has no password: set {dav.password_env} "
                                     "or targets.caldav.password_command")
        return CalDAVTarget(calendar, username, password, backoff=Backoff(retries=dav.retries))
    from lichsync.publish.google import GoogleTarget, authorized_http, token_path
    settings = config.targets.google
    backoff = Backoff(retries=settings.retries)
    if settings.endpoint and not settings.credentials:
        import httplib2
        return GoogleTarget(calendar, httplib2.Http(timeout=60), root_url=settings.endpoint, backoff=backoff,
                            listings=listings)
    creds = Path(settings.credentials).expanduser() if settings.credentials else token_path()
    try:
        http = authorized_http(creds)
    except (OSError, ValueError, KeyError) as e:
        raise TargetError(label, f"cannot use the Google credentials {creds} ({getattr(e, 'strerror', None) or e}); "
                                 "run `lichsync auth google` or set targets.google.credentials "
                                 "to a service-account key") from None
    return GoogleTarget(calendar, http, root_url=settings.endpoint, backoff=backoff, listings=listings)


def choose_targets(person: Official, to: To, calendar: str | None) -> list[tuple[str, str]]:
    if calendar:
        if to is To.all:
            raise fail("--calendar", "says which calendar of one target: add --to caldav or --to google")
        return [(to.value, calendar)]
    kinds = ["caldav", "google"] if to is To.all else [to.value]
    chosen = [(k, person.calendars[k]) for k in kinds if person.calendars.get(k)]
    if not chosen:
        where = " or ".join(kinds)
        raise fail("--official", f"{person.short_name} has no {where} calendar in the configuration "
                                 f"([officials.{person.key}.calendars]); give --to and --calendar")
    return chosen


def push(
    files: list[Path] = typer.Argument(..., help="Programs (PDF, Word, saved web pages or text); a later file of the same month replaces an earlier one."),
    official: str = typer.Option(..., "--official", help='Whose calendar: a name, alias or title ("Lạc", "Giám đốc").'),
    to: To = typer.Option(To.all, "--to", help="Which target; all = every calendar the official has in the config."),
    calendar: Optional[str] = typer.Option(None, "--calendar", help="CalDAV calendar URL or Google calendar id (with --to)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Show the plan; write nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print the plan (and outcome) as JSON."),
    state_path: Optional[Path] = typer.Option(None, "--state", envvar="LICHSYNC_STATE",
                                              help="State database (default: the user state dir)."),
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG",
                                               help="Configuration TOML (default: lichsync.toml in the user config dir, when it exists)."),
    verbose: bool = verbose_option(),
) -> None:
    """Make an official's calendar match the programs: create, update and delete only lichsync's own events."""
    from lichsync.sync.state import State

    config = load_config(config_path, verbose)
    programs, failed = read_programs(files)  # a bad file is its own line; the others are pushed
    programs = with_corrections(programs, config, state_path)
    people = Directory(config, programs)
    person = choose(people, official)
    desired, scopes = desired_events(programs, config, people, person.key)
    chosen = choose_targets(person, to, calendar)
    try:
        state = State(state_path)
    except (sqlite3.Error, OSError) as e:  # not a database, no permission
        raise fail(state_path or "state", f"cannot open the sync state: {e}")
    console = terminal_console()
    report = []
    with state:
        for kind, cal in chosen:  # a target that fails is one line; the others still run
            writing = False
            try:
                target = open_target(kind, cal, config, listings=None if dry_run else state)
                the_plan = plan(desired, state.records(target.kind, target.calendar), target.list(), scopes)
                if not dry_run:
                    writing = bool(the_plan.writes)
                    _write(the_plan, target, state, console, quiet=as_json)
            except TargetError as e:
                after = " (every write the server accepted is in the state; run again to finish)" if writing else ""
                fail(e.target, e.problem + after, 1)
                failed = True
                continue
            report.append((target, the_plan))
            if not as_json:
                print_plan(target, the_plan, console, dry_run)
    if as_json:
        utf8_stdout()
        typer.echo(json.dumps({"dry_run": dry_run, "targets": [plan_json(t, p) for t, p in report]},
                              ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


def _write(the_plan: Plan, target: Target, state: State, console, quiet: bool) -> None:
    """Apply the plan (with no write, it still records what a lost state forgot) under a progress bar."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from lichsync.sync.apply import execute
    shown = not quiet and console.is_terminal and bool(the_plan.writes)
    with Progress(TextColumn(f"{target.kind}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  console=console, transient=True, disable=not shown) as bar:
        task = bar.add_task("writing", total=len(the_plan.writes))
        execute(the_plan, target, state, progress=lambda a: bar.advance(task))


def when(t: datetime | date | None) -> tuple[str, str]:
    if t is None:
        return "", ""
    if isinstance(t, datetime):
        return f"{t:%d/%m/%Y}", f"{t:%H:%M}"
    return f"{t:%d/%m/%Y}", "cả ngày"


def _chronological(a) -> tuple[str, str]:
    t = a.start
    if t is None:
        return "", ""
    return (t.date() if isinstance(t, datetime) else t).isoformat(), f"{t:%H:%M}" if isinstance(t, datetime) else ""


def action_note(a) -> str:
    """The Note column: which fields an update changes, and who edited what."""
    parts = []
    if a.op == "update" and a.desired and a.remote:
        parts.append(", ".join(changed_fields(a.remote.shown, a.desired.event)))
    if a.op == "foreign":
        parts.append(NOTES["foreign"])
    elif a.edited:
        parts.append(NOTES["edited"])
    return "; ".join(p for p in parts if p)


def print_actions(actions, console, title: str | None = None) -> None:
    """The per-event plan, by date: action, date, time, title, and what changes."""
    table = Table(header_style="bold", title=title, title_justify="left")
    for name in ("Action", "Date", "Time", "Title", "Changes"):
        table.add_column(name, no_wrap=name not in ("Title", "Changes"))
    for a in sorted(actions, key=_chronological):
        day, time = when(a.start)
        table.add_row(Text(a.op, style=OP_STYLE.get(a.op, "")), day, time, Text(a.summary), Text(action_note(a)))
    console.print(table)


def print_plan(target: Target, the_plan: Plan, console, dry_run: bool) -> None:
    shown = [a for a in the_plan.actions if a.op != "unchanged"]
    if shown:
        print_actions(shown, console)
    c = the_plan.counts()
    verb = "would " if dry_run else ""
    line = (f"{target.label}: {verb}create {c['create']}, {verb}update {c['update']}, {verb}delete {c['delete']}, "
            f"unchanged {c['unchanged']}")
    if c["foreign"]:
        line += f", left alone {c['foreign']}"
    console.print(Text(line + (" (dry run: nothing written)" if dry_run else "")))
    if the_plan.edited_overwritten:
        console.print(Text(f"  {len(the_plan.edited_overwritten)} event(s) a person edited in the calendar "
                           f"{'would be' if dry_run else 'were'} overwritten because the program changed them", style="yellow"))
    if the_plan.edited_kept:
        console.print(Text(f"  {len(the_plan.edited_kept)} event(s) a person edited in the calendar kept "
                           "(the program did not change them)"))


def plan_json(target: Target, the_plan: Plan) -> dict:
    def item(a):
        event = a.desired.event if a.desired else None
        return {"op": a.op, "uid": a.uid, "summary": a.summary,
                "start": a.start.isoformat() if a.start else None,
                "end": event.end.isoformat() if event else None, "edited": a.edited,
                "changes": changed_fields(a.remote.shown, event) if a.op == "update" and a.remote and event else []}
    return {"target": target.kind, "calendar": target.calendar, "counts": the_plan.counts(),
            "actions": [item(a) for a in the_plan.actions if a.op != "unchanged"]}
