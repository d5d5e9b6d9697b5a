"""What every command shares at the terminal: one-line errors, UTF-8 output, a console that fits the terminal."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import typer
from rich.console import Console

from lichsync.privacy import redact


def fail(file: Path | str, problem: str, code: int = 2) -> typer.Exit:
    """One line on stderr, no traceback: the user needs the file and the problem, nothing else."""
    problem = " ".join(str(problem).split())
    typer.echo(redact(f"lichsync: {file}: {problem}"), err=True)
    return typer.Exit(code)


def utf8_stdout() -> None:
    """JSON and iCalendar are UTF-8 whatever the locale says, so redirecting to a file never fails."""
    with contextlib.suppress(AttributeError, ValueError):  # not a text stream (tests, a closed pipe)
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def terminal_console() -> Console:
    """Tables as wide as the terminal (COLUMNS when piped, else rich's 80), wrapping long titles inside their cells."""
    return Console(highlight=False, soft_wrap=True)  # lines of text stay whole (grep, cron mail); tables fit
