"""`lichsync export`: programs → one .ics feed for an official, or a feed per official and one for all."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory
from lichsync.calendar.mapper import for_official, map_programs
from lichsync.cli.console import fail
from lichsync.cli.inputs import choose, load_config, read_programs
from lichsync.config import Config
from lichsync.parse.model import Program
from lichsync.publish.ics import write_feed

ALL_FEED = "all.ics"


def feed_title(who: str) -> str:
    return f"Lịch công tác – {who}"


def feeds_for_all(events: list[CalendarEvent], people: Directory, config: Config,
                  programs: list[Program]) -> list[tuple[str, list[CalendarEvent], str]]:
    """(file name, events, calendar name) of every feed --all writes: one per official, then all.ics."""
    feeds = [(f"{o.key}.ics", for_official(events, o.key), feed_title(o.short_name)) for o in people.officials]
    org = config.organization.name or next((p.organization for p in programs if p.organization), None)
    return feeds + [(ALL_FEED, events, feed_title(org or "tất cả"))]


def write(path: Path, events: list[CalendarEvent], name: str, config: Config,
          rendered: dict | None = None) -> None:
    try:
        write_feed(path, events, name, config.timezone, config.export.refresh_minutes, rendered=rendered)
    except OSError as e:
        kept = "; the previous file is unchanged" if path.is_file() else ""
        raise fail(path, f"cannot write: {e.strerror or e}{kept}")
    typer.echo(f"{path}: {len(events)} event{'s' if len(events) != 1 else ''}")


def export(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="Programs (text) to export; a later file of the same month replaces an earlier one."),
    official: Optional[str] = typer.Option(None, "--official", help='Whose calendar: a name, alias or title ("Lạc", "Lac", "Giám đốc").'),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="The .ics file to write for --official."),
    all_: bool = typer.Option(False, "--all", help="A feed per official and one for the organisation (all.ics)."),
    directory: Optional[Path] = typer.Option(None, "--dir", "-d", help="Where --all writes its feeds."),
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG",
                                               help="Configuration TOML (see config.example.toml)."),
) -> None:
    """Export programs as iCalendar feeds that phones and calendar apps subscribe to."""
    if all_ == bool(official):
        raise fail("export", "give either --official NAME -o FILE.ics or --all -d DIR")
    if official and output is None:
        raise fail("export", "--official needs -o FILE.ics")
    if all_ and directory is None:
        raise fail("export", "--all needs -d DIR")
    config = load_config(config_path)
    programs, failed = read_programs(files)  # a bad file is its own line; the others are exported
    people = Directory(config, programs)
    events = map_programs(programs, config, people)
    if official and output is not None:  # both checked above
        person = choose(people, official)
        write(output, for_official(events, person.key), feed_title(person.short_name), config)
    elif directory is not None:
        try:
            os.makedirs(directory, exist_ok=True)
        except OSError as e:
            raise fail(directory, f"cannot create the directory: {e.strerror or e}") from None
        rendered: dict = {}  # an event in several feeds is rendered once
        for file_name, feed_events, name in feeds_for_all(events, people, config, programs):
            write(directory / file_name, feed_events, name, config, rendered)
    if failed:
        raise typer.Exit(1)
