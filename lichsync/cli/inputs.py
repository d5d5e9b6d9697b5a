"""What the commands read: the configuration, the programs named on the command line, the official asked for.

Shell code: each failure ends the command with one line naming the file and the problem (exit 2).
"""
from __future__ import annotations

from pathlib import Path

import typer

from lichsync import config as config_mod
from lichsync.calendar.directory import AmbiguousName, Directory, UnknownName, describe
from lichsync.cli.console import fail
from lichsync.config import Config, ConfigError, Official
from lichsync.errors import InputError, unexpected
from lichsync.parse.model import Program
from lichsync.privacy import readable_by_others, redact
from lichsync.sync.revisions import latest_given


def verbose_option():
    return typer.Option(False, "--verbose", "-v", help="Say which configuration file is used.")


def default_config_path() -> Path:
    """The platform's config file, as gcalcli and khal look for theirs (XDG_CONFIG_HOME honoured)."""
    import platformdirs
    return platformdirs.user_config_path("lichsync") / "lichsync.toml"


def config_file(path: Path | None, verbose: bool = False) -> Path | None:
    """--config / LICHSYNC_CONFIG, else the platform's config file when it exists; `verbose` says which."""
    source = "--config / LICHSYNC_CONFIG"
    if path is None:
        default = default_config_path()
        path, source = (default, "the user config dir") if default.is_file() else (None, "")
    if verbose:
        typer.echo(f"lichsync: config: {path} (from {source})" if path else
                   f"lichsync: config: none ({default_config_path()} does not exist); the defaults apply", err=True)
    return path


def load_config(path: Path | None, verbose: bool = False) -> Config:
    """The configuration at `path`, else the user's config file, else the defaults; bad config exits 2."""
    path = config_file(path, verbose)
    if path is None:
        return Config()
    try:
        config = config_mod.load(path)
    except ConfigError as e:
        raise fail(path, str(e)) from None
    except OSError as e:
        raise fail(path, e.strerror or str(e)) from None
    warn_if_exposed(path, config)
    return config


def warn_if_exposed(path: Path, config: Config) -> None:
    """A config holding a password (or a URL with one) should be its owner's alone: say so, go on."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    if (config.targets.caldav.password or redact(text) != text) and readable_by_others(path):
        typer.echo(f"lichsync: {path}: holds a password and others can read it: chmod 600 {path}", err=True)


def read_program(file: Path) -> Program:
    """The program in `file`, or an InputError: whatever goes wrong reading one document is its one line."""
    from lichsync.read.pipeline import parse_file  # the readers load with the command that reads

    try:
        return parse_file(file)
    except InputError:
        raise
    except OSError as e:  # a directory, no permission
        raise InputError(str(file), e.strerror or str(e)) from None
    except Exception as e:  # a bug met by this document must not cost the others
        raise InputError(str(file), unexpected(e)) from None


def read_programs(files: list[Path]) -> tuple[list[Program], bool]:
    """The programs of the files that could be read, and whether one could not (each said in one line).

    None readable ends the command (exit 2): there is nothing to go on with."""
    programs = []
    failed = False
    for file in files:
        try:
            programs.append(read_program(file))
        except InputError as e:
            fail(file, e.problem)
            failed = True
    if not programs:
        raise typer.Exit(2)
    for p in programs:
        if p.warnings:
            n = len(p.warnings)
            typer.echo(f"lichsync: {p.source}: {n} warning{'s' if n > 1 else ''} (`lichsync parse` lists them)", err=True)
    kept = latest_given(programs)
    for p in programs:
        if p not in kept:
            typer.echo(f"lichsync: {p.source}: replaced by a later file of the same program", err=True)
    return kept, failed


def with_corrections(programs: list[Program], config: Config, state_path: Path | None = None) -> list[Program]:
    """The programs with the corrections the office made at the desk (kept in the state database), so that
    `export` and `push` never undo them either; nothing is created when there is no state yet."""
    import os
    import sqlite3

    from lichsync.desk.store import correct_all
    from lichsync.sync.state import default_path

    path = state_path or Path(os.environ.get("LICHSYNC_STATE") or default_path())
    if not path.is_file():
        return programs
    try:
        corrected, reviews = correct_all(programs, path, {}, config.organization.name)
    except sqlite3.Error as e:
        raise fail(path, f"cannot open the sync state: {e}")
    for source, review in reviews:
        typer.echo(f"lichsync: {source}: a correction {'applied, to confirm' if review.applied else 'held'}: "
                   f"{review.message} (see the desk)", err=True)
    return corrected


def choose(directory: Directory, name: str) -> Official:
    try:
        return directory.find(name)
    except AmbiguousName as e:
        raise fail("--official", f'"{name}" could be {", ".join(describe(o) for o in e.matches)}: give one of their names')
    except UnknownName as e:
        hint = f"; close matches: {', '.join(e.close)}" if e.close else ""
        known = ", ".join(o.short_name for o in directory.officials) or "none"
        raise fail("--official", f'no official "{name}"{hint} (officials: {known})')
