"""The document model every reader extracts into, and the only thing the core reads (pure data).

A document is its text outside tables (the heading with its title and period, prose weeks,
signatures) and the grids of cells its tables hold. A reader decides nothing about dates or
column roles: it only says what is in which cell, where a cell spans several grid positions (the
same `Cell` object in each, as a rowspan or a vertical merge), and how strongly the document
separates a cell's paragraphs (`Piece.sep`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lichsync.parse.rows import Piece
from lichsync.parse.text import collapse


@dataclass(eq=False)
class Cell:
    """One table cell: its paragraphs, in order. Identity matters: a merged cell is one object."""

    pieces: tuple[Piece, ...] = ()  # a tuple: changing a cell's paragraphs replaces it, so `text` cannot go stale
    merged: bool = False  # continues the cell above it (a vertical merge the reader could not resolve)
    _text: str = field(default="", init=False, repr=False)
    _text_of: tuple[Piece, ...] | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        """Kept with the pieces it was made from: every stage asks for it, tens of thousands of times a file."""
        if self._text_of is not self.pieces:
            self._text, self._text_of = collapse(" ".join(p.text for p in self.pieces)), self.pieces
        return self._text

    @property
    def line(self) -> int | None:
        return self.pieces[0].line if self.pieces else None


@dataclass
class GridRow:
    cells: list[Cell]
    continues: bool = False  # the first row on a new page: its cells may continue the row above


@dataclass
class Grid:
    rows: list[GridRow]
    above: str = ""  # the text just above the table: a duty roster names its activity there
    kind: str = "table"  # what the reader saw, for `parse --format table`: "Word table", "pipe table" …


@dataclass
class Document:
    """What a reader extracted: the text outside its tables (numbered lines) and its tables."""

    lines: list[str]
    grids: list[Grid] = field(default_factory=list)
    layout: str = "text"  # how it was read, for `parse --format table`: "Word table", "web page table" …
    scanned: dict[int, int] | None = None  # line → page, for a document read through OCR

    @property
    def text(self) -> str:
        return "\n".join(self.lines)
