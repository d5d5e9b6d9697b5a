"""The imperative shell around parsing: read a file, normalise its text once, parse it."""
from __future__ import annotations

import calendar
from pathlib import Path

from lichsync import heading, parser
from lichsync.errors import InputError
from lichsync.model import Period, Program, Warning
from lichsync.readers import flow, tabbed
from lichsync.text import normalize


def decode(data: bytes, source: str) -> str:
    """Text of a document file; binary or empty input is an InputError."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    if b"\x00" in data[:4096]:
        raise InputError(source, "this is a binary file, not a program's text")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(source, "the text is not UTF-8")


def parse_file(path: Path, month: int | None = None, year: int | None = None) -> Program:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be read") from None
    return parse_text(decode(data, str(path)), source=str(path), month=month, year=year)


def parse_text(text: str, source: str, month: int | None = None, year: int | None = None) -> Program:
    """A program's schedule from its text (Word table text, HTML cells, or a PDF text layer)."""
    text = normalize(text)
    raw = text.split("\n")
    found = heading.find_period(text)
    if month is None or year is None:
        if found is None:
            raise InputError(source, "no month and year found in the heading (give --month and --year)")
        month, year = month or found[0], year or found[1]
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        raise InputError(source, f"{month}/{year} is not a month")
    period = Period(month=month, year=year)
    title_line = text[: found[2]].count("\n") if found else 0
    lines = [(no, line.rstrip(" ")) for no, line in enumerate(raw, 1)]
    table = tabbed.read(lines)
    if table is None:
        # In a text layer, empty lines are mere line spacing; lines of blanks are the layout's gaps.
        layer = [(no, line.strip()) for no, line in enumerate(raw, 1) if line]
        table = flow.read(layer, calendar.monthrange(year, month)[1], after=title_line)
    program = Program(
        source=source,
        period=period,
        organization=heading.find_organization(raw, title_line if found else None),
    )
    if table is None:
        program.warnings.append(Warning("no_table", "no schedule table (a header row with Ngày and Nội dung) was found", None))
        return program
    program.events, program.warnings = parser.parse_table(table, period, source)
    return program
