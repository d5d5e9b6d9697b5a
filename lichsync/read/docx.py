"""Word files (.docx) through python-docx: the heading paragraphs and the program's table.

A cell's paragraphs are its lines (a line break between paragraphs, a stronger one after an
empty paragraph); a cell merged down from the row above (w:vMerge) is marked so the grid reads
it as the same entry; a cell spanning several grid columns (w:gridSpan) is its first column's.
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from lichsync.errors import InputError
from lichsync.parse.document import Cell, Document, Grid, GridRow
from lichsync.parse.rows import BLOCK, LINE, Piece
from lichsync.parse.text import normalize

LAYOUT_ROWS = 4  # a table this short is a heading or signature laid out in columns, not a schedule


class _Lines:
    """Numbers the document's paragraphs in reading order: the `line` of pieces and warnings."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count


def _cell(tc, table: DocxTable, lines: _Lines, row_index: int) -> Cell:
    pieces: list[Piece] = []
    blank = False
    for k, p in enumerate(tc.iterchildren(qn("w:p"))):
        text = Paragraph(p, table).text
        no = lines.next()
        if not text.strip():
            blank = bool(pieces)
            continue
        for j, part in enumerate(text.split("\n")):  # soft line breaks (w:br) inside a paragraph
            sep = (BLOCK if blank else LINE) if j == 0 else LINE
            pieces.append(Piece(normalize(part), no, sep, row_index * 1000 + k))
        blank = False
    return Cell(tuple(pieces), merged=tc.vMerge == "continue")


def _grid(table: DocxTable, lines: _Lines) -> list[GridRow]:
    rows = []
    for index, tr in enumerate(table._tbl.tr_lst):
        cells = []
        for tc in tr.tc_lst:
            # A cell spanning grid columns ("THỜI GIAN" over two) is the same cell in each of them.
            cell = _cell(tc, table, lines, index)
            cells += [cell] * tc.grid_span
        rows.append(GridRow(cells))
    return rows


MAX_XML_PART = 20 * 2**20  # a program's document.xml is well under 1 MB; lxml needs ~10× a part's size
MAX_UNPACKED = 200 * 2**20  # python-docx holds every part (images too) in memory


def check_unpacked_size(data: bytes, source: str) -> None:
    """Refuse a zip bomb before python-docx unpacks it: zipfile never yields more than a member's
    declared size, so the sizes in the directory are a real bound."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(source, f"not a readable Word file ({exc})") from None
    total = sum(m.file_size for m in members)
    big = max(((m.file_size, m.filename) for m in members if m.filename.endswith(".xml")), default=(0, ""))
    if big[0] > MAX_XML_PART or total > MAX_UNPACKED:
        what = f"its part {big[1]} unpacks to {big[0] / 2**20:.0f} MB" if big[0] > MAX_XML_PART else \
            f"it unpacks to {total / 2**20:.0f} MB"
        raise InputError(source, f"the Word file is too large to read: {what}")


def read(data: bytes, source: str) -> Document:
    """The paragraphs outside tables (heading, signature) and every table of a .docx, in order."""
    check_unpacked_size(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(source, f"not a readable Word file ({exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged document part
        raise InputError(source, f"the Word file is damaged ({type(exc).__name__})") from None
    lines = _Lines()
    around: list[str] = []
    grids: list[Grid] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.next()
            around.append(normalize(Paragraph(child, document).text))
        elif child.tag == qn("w:tbl"):
            grid = Grid(_grid(DocxTable(child, document), lines), above="\n".join(line for line in around if line), kind="Word table")
            grids.append(grid)
            if len(grid.rows) <= LAYOUT_ROWS:  # a layout table (heading or signature in two columns): text around
                around += ["\t".join(dict.fromkeys(c.text for c in row.cells if c.text)) for row in grid.rows]
    if not grids:
        raise InputError(source, "the Word file has no table (a program's schedule is a table of days and items)")
    return Document(around, grids, layout="Word")
