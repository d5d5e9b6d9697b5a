"""Saved web pages: the schedule table of a portal page, read with a real HTML parser.

A portal's table writes a day once, in a cell spanning all its rows (rowspan); each grid
row is then one row of the schedule. `<p>`, `<li>`, `<div>` and `<br>` end a line in a cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from lichsync.readers.header import role_of
from lichsync.readers.rows import BLOCK, CONTENT, DAY, IGNORED, TIME, WEEKDAY, Piece, Row, Table, join_continuations
from lichsync.text import collapse, normalize

MARKUP_RE = re.compile(r"<(?:table|tr|td|th|html|body|div|p)\b", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}


@dataclass
class Page:
    heading: str  # the page's text before the schedule table (title, week, issuing body)
    table: Table | None


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
        if el.tag in ("script", "style"):
            pass
        elif el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return [line for line in (collapse(normalize(x)) for x in "".join(parts).split("\n")) if line]


def grid(table: lxml.html.HtmlElement) -> list[list[lxml.html.HtmlElement | None]]:
    """The table's cells by row and column, a spanning cell repeated in every slot it covers."""
    rows: list[list] = []
    pending: dict[int, tuple[lxml.html.HtmlElement, int]] = {}  # column → (cell, rows still covered)
    for tr in table.iter("tr"):
        if tr.getparent() is not None and _owner(tr) is not table:
            continue  # a nested table's row
        out: list = []
        col = 0
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for cell in cells:
            while col in pending:
                out.append(_take(pending, col))
                col += 1
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
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


def _header(rows: list[list]) -> tuple[int, list[str | None]] | None:
    """The index of the header row and each column's role, if the table has a schedule header."""
    for k, row in enumerate(rows[:6]):
        roles = [role_of(" ".join(lines_of(c))) if c is not None else None for c in row]
        if DAY in roles and CONTENT in roles:
            return k, roles
    return None


def read(text: str) -> Page:
    """The schedule table of a page (the first table with a Ngày … Nội dung header)."""
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return Page("", None)
    for table in root.iter("table"):
        rows = grid(table)
        found = _header(rows)
        if not found:
            continue
        k, roles = found
        heading = _text_before(root, table)
        return Page(heading, Table(roles=[r for r in roles if r and r != IGNORED], rows=_rows(rows[k + 1 :], roles), header_line=table.sourceline or 0))
    return Page("\n".join(lines_of(root)), None)


def _text_before(root, table) -> str:
    """Lines of the page up to the schedule table: where the title and the week are written."""
    lines: list[str] = []
    for el in root.iter():
        if el is table:
            break
        if isinstance(el.tag, str) and el.tag in BLOCK_TAGS | {"th", "td", "title", "span", "strong", "b"}:
            if not any(anc is table for anc in el.iterancestors()) and len(el) == 0:
                lines += lines_of(el)
    return "\n".join(lines)


def _rows(rows: list[list], roles: list[str | None]) -> list[Row]:
    out: list[Row] = []
    day_col = roles.index(DAY)
    for cells in rows:
        if len(cells) <= day_col or cells[day_col] is None:
            continue
        day_lines = lines_of(cells[day_col])
        if not day_lines or all(c is cells[day_col] for c in cells):
            continue  # a separator row, or a row spanning the whole table
        row = Row(day=" ".join(day_lines), line=cells[day_col].sourceline or 0)
        for col, role in enumerate(roles):
            if role in (None, DAY, IGNORED) or col >= len(cells) or cells[col] is None:
                continue
            if role == WEEKDAY:
                row.weekday = " ".join(lines_of(cells[col])) or None
                continue
            line = cells[col].sourceline or row.line
            pieces = [Piece(t, line, BLOCK) for t in lines_of(cells[col])]
            row.cells.setdefault(role, []).extend(pieces)
        content = row.cells.get(CONTENT)
        if content:
            content[:] = join_continuations(content)
            row.line = content[0].line
        if content or row.cells.get(TIME):
            out.append(row)
    return out
