"""The imperative shell around parsing: read a file, normalise its text once, parse it."""
from __future__ import annotations

import calendar
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lichsync import heading, parser
from lichsync.errors import InputError
from lichsync.model import Period, Program, Warning
from lichsync.readers import detect, flow, tabbed
from lichsync.readers.rows import Table
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


@dataclass(frozen=True)
class Limits:
    """Bounds on what a file may cost to read; LICHSYNC_MAX_FILE_MB / LICHSYNC_MAX_PAGES override them."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200

    @classmethod
    def from_env(cls) -> Limits:
        try:
            mb = float(os.environ.get("LICHSYNC_MAX_FILE_MB", cls.max_bytes / 2**20))
            pages = int(os.environ.get("LICHSYNC_MAX_PAGES", cls.max_pages))
        except ValueError:
            return cls()
        return cls(int(mb * 2**20), pages)


def parse_file(path: Path, month: int | None = None, year: int | None = None, limits: Limits | None = None) -> Program:
    """A program from a file of any format lichsync reads, told apart by its content."""
    limits = limits or Limits.from_env()
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > limits.max_bytes:
            raise InputError(source, f"the file is {size / 2**20:.1f} MB, over the limit of {limits.max_bytes / 2**20:g} MB")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(source, exc.strerror or "cannot be read") from None
    kind = detect.detect(data)
    if kind == detect.DOC:
        data, kind = _doc_to_docx(Path(path)), detect.DOCX
    if kind == detect.PDF:
        from lichsync.readers import pdf  # pdfplumber's import cost only for PDFs

        heading_text, table = pdf.read(data, source, limits.max_pages)
        return parse_text(heading_text, source, month, year, table=table)
    if kind == detect.DOCX:
        from lichsync.readers import docx

        heading_text, table = docx.read(data, source)
        return parse_text(heading_text, source, month, year, table=table)
    return parse_text(decode(data, source), source=source, month=month, year=year)


def _doc_to_docx(path: Path) -> bytes:
    """Legacy Word (.doc) through LibreOffice, the one converter that reads it faithfully."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise InputError(str(path), "a legacy Word (.doc) file: install LibreOffice, or save it as .docx or .pdf "
                                    "(soffice --headless --convert-to docx FILE)")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            "docx", "--outdir", tmp, str(path.resolve())], check=True, capture_output=True, timeout=120)
            return next(Path(tmp).glob("*.docx")).read_bytes()
        except (subprocess.SubprocessError, StopIteration, OSError):
            raise InputError(str(path), "LibreOffice could not convert this .doc file") from None


def parse_text(text: str, source: str, month: int | None = None, year: int | None = None,
               table: Table | None = None) -> Program:
    """A program's schedule from its text (Word table text, HTML cells, or a PDF text layer).

    A file reader that found the table itself passes it as `table`; `text` is then its heading."""
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
    table = table or tabbed.read(lines)
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
