"""`lichsync check FILE...`: the programs' own contradictions, one `file:line: level: code: message` each.

Exit status for scripts: 0 when nothing is at error level, 1 when something is, 2 when a file
cannot be read (the other files are still checked).
"""
from __future__ import annotations

from pathlib import Path

import typer

from lichsync.cli.console import fail, utf8_stdout
from lichsync.cli.inputs import read_program
from lichsync.errors import InputError
from lichsync.parse.model import Program, Warning


def findings(program: Program, notes: bool = False) -> list[tuple[str, Warning]]:
    """The program's warnings with their levels, by line; parser notes only when asked."""
    from lichsync.parse import checks  # the parser's vocabulary: loaded when a file is checked, not for --help

    found = [(checks.level(w.code), w) for w in program.warnings]
    found = [(lv, w) for lv, w in found if notes or lv in (checks.ERROR, checks.WARNING)]
    return sorted(found, key=lambda f: (f[1].line is None, f[1].line or 0))


def check(
    files: list[Path] = typer.Argument(..., help="Programs: PDF, Word, saved web pages or text."),
    notes: bool = typer.Option(False, "--notes", help="Also show notes on how unusual layouts were read."),
) -> None:
    """Check FILE... for contradictions: weekdays, lunar notes, days, spans, years."""
    from lichsync.parse import checks

    utf8_stdout()
    status = 0
    for file in files:
        try:
            program = read_program(file)
        except InputError as e:
            fail(file, e.problem)
            status = 2
            continue
        for lv, w in findings(program, notes):
            where = f"{file}:{w.line}" if w.line is not None else str(file)
            typer.echo(f"{where}: {lv}: {w.code}: {w.message}")
            if lv == checks.ERROR and status == 0:
                status = 1
    raise typer.Exit(status)
