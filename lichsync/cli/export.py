"""`lichsync export`: programs → one .ics feed for an official, or a feed per official and one for all."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory, body_of, slug
from lichsync.calendar.mapper import for_official, map_programs
from lichsync.cli.console import fail
from lichsync.cli.inputs import choose, load_config, read_programs, verbose_option, with_corrections
from lichsync.config import Config
from lichsync.parse.model import Program

if TYPE_CHECKING:
    from lichsync.publish.ics import FeedRun

ALL_FEED = "all.ics"


def feed_title(who: str) -> str:
    return f"Lịch công tác – {who}"


def feeds_for_all(events: list[CalendarEvent], people: Directory, config: Config,
                  programs: list[Program]) -> list[tuple[str, list[CalendarEvent], str, str]]:
    """(file name, events, calendar name, role) of every feed --all writes: one per official, then all.ics;
    programs of several bodies also get one feed per body (all-<body>.ics), and all.ics is named for all of them."""
    feeds = [(f"{o.key}.ics", for_official(events, o.key), feed_title(o.short_name), people.role(o.key))
             for o in people.officials]
    if len(people.bodies) > 1:
        for body, name in sorted(people.bodies.items()):
            sources = {p.source for p in programs if body_of(p) == body}
            feeds.append((f"all-{slug(body) if body else 'khong-ro'}.ics", [e for e in events if e.source in sources],
                          feed_title(name or "cơ quan không ghi tên"), "Cả cơ quan"))
        return feeds + [(ALL_FEED, events, feed_title(f"tất cả {len(people.bodies)} cơ quan"), "Mọi cơ quan")]
    org = config.organization.name or next((p.organization for p in programs if p.organization), None)
    return feeds + [(ALL_FEED, events, feed_title(org or "tất cả"), "Cả cơ quan")]


def write(path: Path, events: list[CalendarEvent], name: str, config: Config,
          run: FeedRun | None = None, role: str | None = None) -> None:
    from lichsync.publish.ics import render_feed, write_feed

    if str(path) == "-":  # `-o -`: the feed on stdout, for pipes (curl, ssh, another tool)
        sys.stdout.buffer.write(render_feed(events, name, config.timezone, config.export.refresh_minutes,
                                            description=role))
        sys.stdout.flush()
        return
    try:
        write_feed(path, events, name, config.timezone, config.export.refresh_minutes, run, role)
    except OSError as e:
        kept = "; the previous file is unchanged" if path.is_file() else ""
        raise fail(path, f"cannot write: {e.strerror or e}{kept}") from None
    typer.echo(f"{path}: {len(events)} event{'s' if len(events) != 1 else ''}")


def export(
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="Programs (PDF, Word, saved web pages or text) to export; a later file of the same month replaces an earlier one."),
    official: Optional[str] = typer.Option(None, "--official", help='Whose calendar: a name, alias or title ("Lạc", "Lac", "Giám đốc").'),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="The .ics file to write for --official; - writes it to stdout."),
    all_: bool = typer.Option(False, "--all", help="A feed per official and one for the organisation (all.ics)."),
    directory: Optional[Path] = typer.Option(None, "--dir", "-d", help="Where --all writes its feeds."),
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG",
                                               help="Configuration TOML (default: lichsync.toml in the user config dir, when it exists)."),
    verbose: bool = verbose_option(),
) -> None:
    """Export programs as iCalendar feeds that phones and calendar apps subscribe to."""
    if all_ == bool(official):
        raise fail("export", "give either --official NAME -o FILE.ics or --all -d DIR")
    if official and output is None:
        raise fail("export", "--official needs -o FILE.ics")
    if all_ and directory is None:
        raise fail("export", "--all needs -d DIR")
    config = load_config(config_path, verbose)
    programs, failed = read_programs(files)  # a bad file is its own line; the others are exported
    programs = with_corrections(programs, config)
    people = Directory(config, programs)
    events = map_programs(programs, config, people)
    if official and output is not None:  # both checked above
        person = choose(people, official)
        write(output, for_official(events, person.key), feed_title(person.short_name), config,
              role=people.role(person.key))
    elif directory is not None:
        try:
            os.makedirs(directory, exist_ok=True)
        except OSError as e:
            raise fail(directory, f"cannot create the directory: {e.strerror or e}") from None
        write_all(directory, events, people, config, programs)
    if failed:
        raise typer.Exit(1)


def write_all(directory: Path, events: list[CalendarEvent], people: Directory, config: Config,
              programs: list[Program]) -> None:
    """Every feed of --all as one run (`FeedRun`): an event in several feeds is read and rendered once."""
    from lichsync.publish.ics import FeedRun

    run = FeedRun()
    for file_name, feed_events, name, role in feeds_for_all(events, people, config, programs):
        write(directory / file_name, feed_events, name, config, run, role)
