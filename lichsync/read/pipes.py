"""Pipe tables, as pasted from a wiki, a chat, a Markdown file or a portal's text export:
"| Thứ Hai 14/3 | 8h00 | Họp … |", with or without the outer pipes.

A line with two or more "|" is a table row (a rule line "|---|---|" is not). Where the rows end
with "|", a row that does not goes on over the next lines (a line break inside a cell). A row
with fewer cells than the table lacks its first ones: the day or time written once above it.
"""
from __future__ import annotations

import re

from lichsync.parse import vocab
from lichsync.parse.document import Cell, Grid, GridRow
from lichsync.parse.rows import LINE, Piece

RULE_RE = re.compile(r"^\|?[\s:|-]+\|?$")


def grids(lines: list[tuple[int, str]]) -> list[Grid]:
    """Every pipe table of a text, each with the text above it."""
    out: list[Grid] = []
    block: list[tuple[int, str]] = []
    for k, (no, text) in enumerate([*lines, (0, "")]):
        if text.count("|") >= 2 or (block and text.strip() and not _closed(block[-1][1]) and _ends_rows(block)):
            block.append((no, text))
            continue
        if block and _page_break(lines[k:]):
            continue  # a page number or a blank line between two pages of one table

        if len([b for b in block if b[1].count("|") >= 2]) >= 2:
            first = block[0][0]
            out.append(Grid(_rows(block), above="\n".join(t for n, t in lines if n < first), kind="pipe table"))
        block = []
    return out


def _page_break(rest: list[tuple[int, str]]) -> bool:
    """Whether the lines from here are page furniture (blank lines, "- 2 -", "Trang 2") before more rows."""
    for _, text in rest[:4]:
        if text.count("|") >= 2:
            return True
        if text.strip() and not vocab.FURNITURE_RE.match(text.strip()):
            return False
    return False


def _closed(text: str) -> bool:
    return text.rstrip().endswith("|")


def _ends_rows(block: list[tuple[int, str]]) -> bool:
    """Whether the table closes its rows with "|" (so an open row goes on)."""
    return sum(_closed(t) for _, t in block) * 2 > len(block)


def _rows(block: list[tuple[int, str]]) -> list[GridRow]:
    records: list[list[tuple[int, str]]] = []
    closes = _ends_rows(block)
    for no, text in block:
        if RULE_RE.match(text.strip()):
            continue
        if records and closes and not _closed(records[-1][-1][1]):
            records[-1].append((no, text))
        else:
            records.append([(no, text)])
    rows = [_cells(record) for record in records]
    width = max((len(r) for r in rows), default=0)
    return [GridRow([Cell() for _ in range(width - len(r))] + r) for r in rows]


def _cells(record: list[tuple[int, str]]) -> list[Cell]:
    """A row's cells, each with its lines as paragraphs."""
    joined = "\n".join(text for _, text in record).strip()
    joined = joined[1:] if joined.startswith("|") else joined
    joined = joined[:-1] if joined.endswith("|") else joined
    cells, line = [], record[0][0]
    for part in joined.split("|"):
        pieces = []
        for k, text in enumerate(part.split("\n")):
            text = text.strip().strip("*_").strip()  # "**THỨ HAI, 12/5**": Markdown bold
            if text:
                pieces.append(Piece(text, line + k, LINE))
        line += part.count("\n")
        cells.append(Cell(tuple(pieces)))
    return cells
