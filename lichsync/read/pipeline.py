"""The imperative shell around parsing: read a file, normalise its text once, parse it."""
from __future__ import annotations

import calendar
import codecs
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lichsync.parse import heading, parser, vocab
from lichsync.errors import InputError
from lichsync.parse.model import Period, Program, Warning
from lichsync.parse import dayblocks, flow, tabbed
from lichsync.read import detect, html, pipes
from lichsync.parse.rows import Table
from lichsync.parse.text import normalize


BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32's BOMs begin like UTF-16's
CLEAR_GUESS = 0.05  # charset-normalizer's "chaos": 0 is clean text; its own cut-off for a match is 0.2
RESAVE = "save it as UTF-8 (Notepad: File › Save as › Encoding: UTF-8)"


def decode(data: bytes, source: str) -> str:
    """Text of a document file: a BOM or UTF-8 decide, else charset-normalizer when it tells the
    encoding apart without doubt (Windows-1258, TCVN pages saved by old Windows); binary or empty
    input is an InputError."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(source, f"the text starts as {encoding.upper()} but is damaged; {RESAVE}") from None
    if b"\x00" in data[:4096]:
        raise InputError(source, "this is a binary file, not a program's text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    guess = from_bytes(data[:1_000_000]).best()
    if guess is None or guess.chaos > CLEAR_GUESS:
        raise InputError(source, f"the text is not UTF-8 and its encoding cannot be told for sure; {RESAVE}")
    return data.decode(guess.encoding, errors="replace")


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
    """A program from a file of any format lichsync reads, told apart by its content, not its name."""
    limits = limits or Limits.from_env()
    return parse_data(read_bounded(Path(path), limits.max_bytes), str(path), month, year, limits)


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, read no further than the limit: /dev/zero, a pipe or a growing file
    report no size (st_size 0), so the read itself is what is bounded."""
    source = str(path)
    too_big = f"over the limit of {_size(max_bytes)} (LICHSYNC_MAX_FILE_MB)"
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"the file is {_size(size)}, {too_big}")
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, exc.strerror or "cannot be read") from None
    if len(data) > max_bytes:
        raise InputError(source, f"the file is {too_big}")
    return data


def parse_data(data: bytes, source: str, month: int | None = None, year: int | None = None,
               limits: Limits | None = None) -> Program:
    """A program from a document's bytes (a file's, a download's), its format told by its content."""
    limits = limits or Limits.from_env()
    kind = detect.detect(data)
    if kind == detect.DOC:
        data, kind = _doc_to_docx(data, source), detect.DOCX
    if kind in (detect.PDF, detect.DOCX):
        around, table = _read_document(kind, data, source, limits)
        around = normalize(around)
        return build(around.split("\n"), table, source, month, year, heading_text=around)
    return parse_text(decode(data, source), source=source, month=month, year=year)


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 / 10 else f"{n / 1024:.0f} KB"


def _read_document(kind: str, data: bytes, source: str, limits: Limits) -> tuple[str, Table]:
    """A PDF's or Word file's table and the text around it; pdfplumber / python-docx load only here."""
    if kind == detect.PDF:
        from lichsync.read import pdf

        return pdf.read(data, source, limits.max_pages)
    from lichsync.read import docx

    return docx.read(data, source)


def _doc_to_docx(data: bytes, source: str) -> bytes:
    """Legacy Word (.doc) through LibreOffice, the one converter that reads it faithfully."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise InputError(source, "a legacy Word (.doc) file: install LibreOffice, or save it as .docx or .pdf "
                                 "(soffice --headless --convert-to docx FILE)")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            doc = Path(tmp) / "document.doc"
            doc.write_bytes(data)
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            "docx", "--outdir", tmp, str(doc)], check=True, capture_output=True, timeout=120)
            return next(Path(tmp).glob("*.docx")).read_bytes()
        except (subprocess.SubprocessError, StopIteration, OSError):
            raise InputError(source, "LibreOffice could not convert this .doc file") from None


def parse_text(text: str, source: str, month: int | None = None, year: int | None = None) -> Program:
    """A program's schedule from its text (Word table text, HTML, a PDF text layer, a pasted week)."""
    text = normalize(text)
    raw = text.split("\n")
    lines = _numbered(raw)
    tab_table = tabbed.read(lines)  # tab rows may carry HTML cells (seed 001): those are not a web page
    if tab_table is None and html.looks_like_html(text):
        page = html.read(text)
        if page.table is None:  # a page that writes its week as paragraphs or lists: read its text
            return parse_text(page.heading, source, month, year)
        return build(page.heading.split("\n"), page.table, source, month, year, heading_text=page.heading)
    piped = pipes.read(lines)
    if piped:
        return build(raw[: piped[0] - 1], piped[1], source, month, year, heading_text="\n".join(raw[: piped[0] - 1]))
    table = tab_table or dayblocks.read([(no, line) for no, line in enumerate(raw, 1)])
    return build(raw, table, source, month, year)


def _numbered(raw: list[str]) -> list[tuple[int, str]]:
    return [(no, line.rstrip(" ")) for no, line in enumerate(raw, 1)]


def build(
    raw: list[str], table: Table | None, source: str, month: int | None, year: int | None, heading_text: str | None = None
) -> Program:
    """The program from a reader's table and the document's lines: its period first, then its events.

    A table of weekly rows ("14/7") dates itself; monthly rows ("5") need the heading's month."""
    text = "\n".join(raw)
    heading_text = heading_text if heading_text is not None else "\n".join(raw[: _first_row_line(table)])
    warnings: list[Warning] = []
    found = heading.find_period(text)
    title_line = text[: found[2]].count("\n") if found else None
    organization = heading.find_organization(raw, title_line) or heading.whose_schedule(raw)
    if table is not None and table.rows and all("/" in row.day or not row.day for row in table.rows):
        period, warnings = _week_period(table, heading_text, text, source, month, year)
    else:
        if month is None or year is None:
            if found is None and table is None:
                raise InputError(source, "no schedule found: no table with Ngày and Nội dung, no day headings, no month and year")
            if found is None:
                raise InputError(source, "no month and year found in the heading (give --month and --year)")
            month, year = month or found[0], year or found[1]
        if not (1 <= month <= 12 and 1 <= year <= 9999):
            raise InputError(source, f"{month}/{year} is not a month")
        period = Period(month=month, year=year)
        if table is None:
            # In a text layer, empty lines are mere line spacing; lines of blanks are the layout's gaps.
            layer = [(no, line.strip()) for no, line in enumerate(raw, 1) if line]
            table = flow.read(layer, calendar.monthrange(year, month)[1], after=title_line or 0)
    program = Program(source=source, period=period, organization=organization)
    if table is None or not table.rows:
        if table is None and not found and not heading.find_week(text):
            raise InputError(source, "no schedule found: no table with Ngày and Nội dung, no day headings, no month")
        program.warnings = warnings + [Warning("no_table", "no schedule table (a header row with Ngày and Nội dung) was found", None)]
        return program
    program.events, found_warnings = parser.parse_table(table, period, source)
    program.warnings = warnings + found_warnings
    return program


def _first_row_line(table: Table | None) -> int:
    """Where the heading ends: the table's header, else its first row."""
    if table is None or not table.rows:
        return 40
    return max(1, (table.header_line or table.rows[0].line) - 1)


def _week_period(
    table: Table, heading_text: str, text: str, source: str, month: int | None, year: int | None
) -> tuple[Period, list[Warning]]:
    """A weekly schedule's period: the week its title names, else its rows' first and last days.

    Rows that write no year get the title's, else the year their weekday names fit, preferring
    years the text names (a warning says so); --year overrides."""
    warnings: list[Warning] = []
    week = heading.find_week(heading_text, title=True) or heading.find_week(text)
    years = [int(y) for row in table.rows for y in re.findall(r"/(\d{4})\b", row.day)]
    if year is None:
        year = (week and (week[1][2] or week[0][2])) or (years[0] if years else None)
    if year is None:
        pairs = []
        for row in table.rows:
            m = re.search(r"(\d{1,2})\s*/\s*(\d{1,2})", row.day)
            wd = vocab.weekday_of(row.weekday)
            if m and wd is not None:
                pairs.append((int(m.group(1)), int(m.group(2)), wd))
        year, fits = heading.infer_year(pairs, text, date.today().year)
        if fits:
            warnings.append(Warning("year_inferred", f"no year is written; {year} is the year whose weekdays match the dates", None))
        elif not pairs:
            warnings.append(Warning("year_inferred", f"no year is written and no weekday names to tell it; read as {year} (give --year)", None))
        else:
            warnings.append(Warning("year_inferred", f"no year is written and the weekdays match no nearby year; read as {year} (give --year)", None))
    if week:
        (d1, m1, y1), (d2, m2, y2) = week
        y2 = y2 or year
        y1 = y1 or (y2 - 1 if m1 > m2 else y2)
        try:
            start, end = date(y1, m1, d1), date(y2, m2, d2)
        except ValueError:
            raise InputError(source, f"the week {d1}/{m1}–{d2}/{m2} is not a date range") from None
    else:
        start = end = None
    anchor = Period(month=month or (start.month if start else 1), year=year, start=start, end=end)
    if start is None:  # the rows' own first and last days, read around the first row's month
        first = re.search(r"\d{1,2}\s*/\s*(\d{1,2})", table.rows[0].day)
        around = Period(month=month or (int(first.group(1)) if first else 1), year=year)
        days = [parser.row_days(row, around, source)[0] for row in table.rows]
        anchor.start, anchor.end = min(days), max(days)
    else:  # a page may list more than the week its title names ("Tuần 20 … và Tuần 21 …")
        last = max(parser.row_days(row, anchor, source)[0] for row in table.rows)
        anchor.end = max(anchor.end, last)
    if month is None:  # the period is the month of the first day: 30/12/2024–05/01/2025 is 12/2024
        anchor.month, anchor.year = anchor.start.month, anchor.start.year
    return anchor, warnings
