"""What the commands read: the configuration, the programs named on the command line, the official asked for.

Shell code: each failure ends the command with one line naming the file and the problem (exit 2).
"""
from __future__ import annotations

from pathlib import Path

import typer

from lichsync import config as config_mod
from lichsync.config import Config, ConfigError, Official
from lichsync.cli.console import fail
from lichsync.calendar.directory import AmbiguousName, Directory, UnknownName, describe
from lichsync.errors import InputError
from lichsync.parse.model import Program
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
        return config_mod.load(path)
    except ConfigError as e:
        raise fail(path, str(e))
    except OSError as e:
        raise fail(path, e.strerror or str(e))


def read_programs(files: list[Path]) -> list[Program]:
    from lichsync.read.pipeline import parse_file

    programs = []
    for file in files:
        try:
            programs.append(parse_file(file))
        except InputError as e:
            raise fail(file, e.problem)
    for p in programs:
        if p.warnings:
            n = len(p.warnings)
            typer.echo(f"lichsync: {p.source}: {n} warning{'s' if n > 1 else ''} (`lichsync parse` lists them)", err=True)
    kept = latest_given(programs)
    for p in programs:
        if p not in kept:
            typer.echo(f"lichsync: {p.source}: replaced by a later file of the same program", err=True)
    return kept


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
