"""What the review page shows beside each event: its source line (or page) and why it stands out (pure)."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from lichsync.parse.corrections import Corrected, Origin
from lichsync.parse.document import Document
from lichsync.parse.model import Event

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True)
class Row:
    index: int
    event: Event
    origin: Origin
    source: str  # the line's text, or "trang 3" for a PDF
    warnings: tuple[str, ...]
    ocr: bool
    corrected: bool


def source_lines(doc: Document) -> dict[int, str]:
    """Line number → what the clerk sees of it: a text's line, or the table row a cell's paragraph is in."""
    out = {no: text for no, text in enumerate(doc.lines, 1)} if doc.layout == "text" else {}
    for grid in doc.grids:
        for row in grid.rows:
            text = " | ".join(dict.fromkeys(c.text for c in row.cells if c.text))
            for cell in row.cells:
                for piece in cell.pieces:
                    out.setdefault(piece.line, text)
    return out


def rows(doc: Document, corrected: Corrected) -> list[Row]:
    lines = source_lines(doc)
    paged = doc.layout == "PDF"
    warned: dict[int, list[str]] = {}
    for w in corrected.program.warnings:
        if w.line is not None:
            warned.setdefault(w.line, []).append(w.message)
    out = []
    for i, (event, origin) in enumerate(zip(corrected.program.events, corrected.origins, strict=True)):
        line = event.line
        if line is None:
            source = ""
        elif paged:
            source = f"trang {line}"
        elif doc.scanned and line in doc.scanned:
            source = f"trang {doc.scanned[line]}: {lines.get(line, '')}"
        else:
            source = f"dòng {line}: {lines.get(line, '')}"
        out.append(Row(i, event, origin, source, tuple(warned.get(line, ())) if line else (), doc.scanned is not None,
                       origin.correction is not None or origin.anchor is None))
    return out


def weeks(first: date, last: date) -> list[list[date]]:
    """The Monday-to-Sunday weeks covering first..last: the grid's rows."""
    start = first - timedelta(days=first.weekday())
    out = []
    while start <= last:
        out.append([start + timedelta(days=k) for k in range(7)])
        start += timedelta(days=7)
    return out


def grid_days(events: list[Event], month: int, year: int, view: str) -> list[list[date]]:
    """The month's weeks, or the weeks the events fall in."""
    if view == "month" or not events:
        return weeks(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    days = [e.date for e in events]
    return weeks(min(days), max(days))
