"""Saved web pages: the schedule table of a portal page, read with a real HTML parser.

A portal's table writes a day once, in a cell spanning all its rows (rowspan); each grid
row is then one row of the schedule. `<p>`, `<li>`, `<div>` and `<br>` end a line in a cell.
"""
from __future__ import annotations

import copy
import re

import lxml.etree
import lxml.html

from lichsync.parse.document import Cell, Document, Grid, GridRow
from lichsync.parse.rows import BLOCK, Piece
from lichsync.parse.text import collapse

MARKUP_RE = re.compile(r"<(?:table|tr|td|th|html|body|div|p)\b", re.IGNORECASE)
MAX_COLUMNS = 64  # a schedule has a handful of columns; no span reaches past this
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}


def looks_like_html(text: str) -> bool:
    return len(MARKUP_RE.findall(text[:200_000])) >= 3


def lines_of(element: lxml.html.HtmlElement) -> list[str]:
    """The text of an element, one entry per line it shows (block elements and <br> end lines)."""
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in BLOCK_TAGS or el.tag == "br"
        if block:
            parts.append("\n")
        if el.text and el.tag not in ("script", "style"):
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        elif el.tag in ("td", "th"):
            parts.append(" ")  # the cells of a row, one line of words apart, not glued into each other
        if el.tail:
            parts.append(el.tail)

    parts.append(element.text or "")
    for child in element:
        walk(child)
    # The page's text was normalised once where it entered (pipeline.text_document); entities lxml
    # decodes are spaces (&nbsp;, which collapse() folds) or precomposed letters.
    return [line for line in (collapse(x) for x in "".join(parts).split("\n")) if line]


def grid(table: lxml.html.HtmlElement) -> list[list[lxml.html.HtmlElement | None]]:
    """The table's cells by row and column, a spanning cell repeated in every slot it covers.

    Spans stop at the table's edges (its widest row, at most MAX_COLUMNS; its last row), as
    browsers draw them: a page of colspan/rowspan="500" cells costs what its cells cost."""
    trs = [tr for tr in table.iter("tr") if _owner(tr) is table]  # not a nested table's rows
    rows_of = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in trs]
    width = min(MAX_COLUMNS, max((len(cells) for cells in rows_of), default=0))
    rows: list[list] = []
    pending: dict[int, tuple[lxml.html.HtmlElement, int]] = {}  # column → (cell, rows still covered)
    for index, cells in enumerate(rows_of):
        out: list = []
        col = 0
        for cell in cells:
            while col in pending:
                out.append(_take(pending, col))
                col += 1
            if col >= MAX_COLUMNS:  # rows pushed right by rowspans: what lies past the edge is dropped
                break
            span = min(_int(cell.get("colspan")), max(1, width - col))
            down = min(_int(cell.get("rowspan")), len(rows_of) - index)
            for _ in range(span):
                out.append(cell)
                if down > 1:
                    pending[col] = (cell, down - 1)
                col += 1
        while col in pending:
            out.append(_take(pending, col))
            col += 1
        rows.append(out)
    return rows


def _owner(tr) -> lxml.html.HtmlElement | None:
    el = tr.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el


def _take(pending: dict, col: int):
    cell, left = pending[col]
    if left <= 1:
        del pending[col]
    else:
        pending[col] = (cell, left - 1)
    return cell


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 500))
    except ValueError:
        return 1


MAX_TABLES = 200  # a page's tables are read up to this many: portals nest layout tables deep


def read(text: str) -> Document:
    """The page's text, one entry per line it shows, and every table on it with the text above it."""
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return Document([], layout="web page")
    grids = []
    for table in list(root.iter("table"))[:MAX_TABLES]:
        rows = _cells(grid(table))
        if len(rows) >= 2:
            grids.append(Grid([GridRow(r) for r in rows], above=_text_before(root, table), kind="web page table"))
    return Document(lines_of(root), grids, layout="web page")


def _cells(rows: list[list[lxml.html.HtmlElement]]) -> list[list[Cell]]:
    """Each element once as a Cell, the same object in every slot it spans; its lines are its paragraphs."""
    seen: dict[int, Cell] = {}
    out: list[list[Cell]] = []
    for row in rows:
        out.append([])
        for el in row:
            if id(el) not in seen:
                line = el.sourceline or 0
                seen[id(el)] = Cell(tuple(Piece(t, line, BLOCK) for t in lines_of(el)))
            out[-1].append(seen[id(el)])
    return out


def _text_before(root, table) -> str:
    """Lines of the page up to the schedule table: where the title and the week are written."""
    page = copy.deepcopy(root)
    position = next(k for k, el in enumerate(root.iter()) if el is table)
    cut = next(el for k, el in enumerate(page.iter()) if k == position)
    node = cut
    while node is not None and node is not page:
        parent = node.getparent()
        for later in list(node.itersiblings()):
            parent.remove(later)
        node = parent
    cut.getparent().remove(cut)
    return "\n".join(lines_of(page))
