"""Command line: `lichsync parse FILE` prints a program as a table or as the JSON contract."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lichsync import __version__
from lichsync.cli.console import fail, terminal_console, utf8_stdout
from lichsync.errors import InputError, unexpected
from lichsync.parse.model import Event, Period, Program

app = typer.Typer(
    no_args_is_help=True,
    add_completion=True,  # `lichsync --install-completion` for bash, zsh, fish
    pretty_exceptions_show_locals=False,  # a bug report should not dump whole documents
    help="Read Vietnamese work programs (Chương trình công tác) into a schedule.",
)

SESSION_VI = {"morning": "Sáng", "afternoon": "Chiều", "evening": "Tối", "all_day": "Cả ngày"}


class Format(str, Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lichsync {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Read Vietnamese work programs (Chương trình công tác) into a schedule."""
    # A callback keeps `parse` a subcommand, so more commands can be added without breaking scripts.


@app.command()
def parse(
    file: Path = typer.Argument(..., help="The program: PDF, Word (.docx, .doc), a saved web page (.html) or text."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table for people, json for machines."),
    month: Optional[int] = typer.Option(None, "--month", min=1, max=12, help="Month, when the document does not say."),
    year: Optional[int] = typer.Option(None, "--year", min=1900, max=2200, help="Year, when the document does not say."),
) -> None:
    """Parse FILE and print its events."""
    from lichsync.read.pipeline import parse_file  # each command loads its own readers, targets and servers

    try:
        program = parse_file(file, month=month, year=year)
    except InputError as e:
        raise fail(file, e.problem) from None
    except OSError as e:  # missing file, a directory, no permission
        raise fail(file, e.strerror or str(e)) from None
    except Exception as e:  # a bug met by this document: one line, not a traceback
        raise fail(file, unexpected(e)) from None
    if format is Format.json:
        utf8_stdout()
        typer.echo(program.to_json())
    else:
        print_table(program, terminal_console())


def fmt_date(e: Event) -> str:
    """"05/09", or "06–09/09" for a range in one month, "30/09–02/10" across months."""
    if not e.end_date or e.end_date == e.date:
        return f"{e.date:%d/%m}"
    if (e.end_date.year, e.end_date.month) == (e.date.year, e.date.month):
        return f"{e.date:%d}–{e.end_date:%d/%m}"
    return f"{e.date:%d/%m}–{e.end_date:%d/%m}"


def fmt_session(e: Event) -> str:
    return " ".join(s for s in (SESSION_VI.get(e.session or "", ""), e.start_time or "") if s)


def fmt_period(p: Period) -> str:
    if p.start and p.end:
        return f"{p.start:%d/%m/%Y}–{p.end:%d/%m/%Y}"
    return f"{p.month:02d}/{p.year}"


def print_table(program: Program, console: Console) -> None:
    """Events, then warnings, then a one-line summary."""
    table = Table(show_lines=False, header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Session", no_wrap=True)
    table.add_column("Title", ratio=5)
    table.add_column("Officials", ratio=2)
    table.add_column("Units / location", ratio=2)
    for e in program.events:
        title = Text(e.title)  # Text, not markup: titles may contain "[...]"
        if e.kind == "holiday":
            title = Text.assemble(("[holiday] ", "bold red"), e.title)
        place = ", ".join(e.units)
        if e.location:
            place = f"{place}\n@ {e.location}" if place else f"@ {e.location}"
        table.add_row(fmt_date(e), fmt_session(e), title, Text(", ".join(e.officials)), Text(place))
    console.print(table)
    if program.warnings:
        console.print(Text("Warnings:", style="bold yellow"))
        for w in program.warnings:
            line = f"line {w.line}" if w.line is not None else "line -"
            console.print(Text(f"  {line}  {w.code}  {w.message}"))
    org = program.organization or "(organization not stated)"
    n = len(program.events)
    console.print(Text(f"Read as: {program.layout or 'text'}", style="dim"))
    console.print(
        Text(f"{org} · {fmt_period(program.period)} · {n} event{'s' if n != 1 else ''}"
             f" · {len(program.warnings)} warning{'s' if len(program.warnings) != 1 else ''}")
    )


from lichsync.cli import auth, check, export, push, serve, sync  # noqa: E402  (commands register after the app exists)

app.command("check")(check.check)
app.command("export")(export.export)
app.command("push")(push.push)
app.command("sync")(sync.sync)
app.command("serve")(serve.serve)
app.add_typer(auth.app, name="auth")
