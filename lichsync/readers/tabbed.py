"""Tables kept as tab-separated text: Word tables copied as text, and rows whose cells hold HTML.

Two shapes share this reader:
- one cell per tab-led line, a cell's further paragraphs on the lines below it (Word);
- one row per line, cells separated by tabs, each cell a fragment of HTML (portals, CMS exports).
"""
from __future__ import annotations

import html
import re

import lxml.etree
import lxml.html

from lichsync.readers import grid
from lichsync.readers.grid import Cell
from lichsync.readers.header import is_header, roles_of
from lichsync.readers.rows import BLOCK, CONTENT, DAY, INNER, LINE, WEEKDAY, Piece, Row, Table
from lichsync.text import collapse

HTML_RE = re.compile(r"<\s*/?\s*(?:p|li|ul|ol|b|strong|i|em|br|span|div|u|font|sup)\b[^>]*>", re.IGNORECASE)
BLOCK_TAG_RE = re.compile(r"(<\s*(?:p|li|br|div|tr)\b[^>]*>|<\s*/\s*(?:p|li|div|ul|ol)\s*>)", re.IGNORECASE)
WEEKDAY_ALONE_RE = re.compile(r"^\s*(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)\s*$", re.IGNORECASE)
DAY_CELL_RE = re.compile(
    r"^(?:(?:thứ\s*\S+|chủ\s*nhật|cn)\s*[,-]?\s*\(?\s*)?\d{1,2}(?:/\d{1,2}(?:/\d{4})?)?"
    r"(?:\s*[-–,]\s*\d{1,2}(?:/\d{1,2}(?:/\d{4})?)?)?\s*\)?(?:\s*\([^)]*\))?$",
    re.IGNORECASE,
)
PERSON_SPLIT_RE = re.compile(r"\s+(?=Đ/c\s)")


def html_blocks(fragment: str) -> list[str]:
    """The text of each block (<p>, <li>, <br>-separated line) of an HTML fragment."""
    if not HTML_RE.search(fragment):
        return [fragment]
    marked = BLOCK_TAG_RE.sub(lambda m: "\n" + m.group(1), fragment)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except (lxml.etree.ParserError, ValueError):
        text = html.unescape(re.sub(r"<[^>]*>", "", marked))  # markup too broken for a parser
    return [line for line in (ln.strip() for ln in text.split("\n")) if line]


def plain(cell: str) -> str:
    """A cell's text without markup: "<b>13-14</b>" → "13-14", "**Ngày**" → "Ngày"."""
    return collapse(" ".join(html_blocks(cell))).strip("*_ ")


def is_day_cell(cell: str) -> bool:
    return bool(DAY_CELL_RE.match(plain(cell)))


def content_pieces(cell_lines: list[tuple[int, str]]) -> list[Piece]:
    """Paragraphs of a content cell: each line, or each HTML block."""
    pieces = []
    for no, text in cell_lines:
        for block in html_blocks(text):
            if block.strip():
                pieces.append(Piece(collapse(block), no, LINE))
    return pieces


def side_pieces(cell_lines: list[tuple[int, str]]) -> list[Piece]:
    """Entries of a units/leaders/location cell as pieces: HTML blocks and runs of 2+ spaces are
    strong separations, line breaks ordinary ones, a second "Đ/c" within a line a weak one."""
    pieces = []
    for no, text in cell_lines:
        html = bool(HTML_RE.search(text))
        for block in html_blocks(text):
            for k, chunk in enumerate(re.split(r"\s{2,}", block.strip())):
                for j, person in enumerate(PERSON_SPLIT_RE.split(chunk.strip())):
                    if person.strip():
                        sep = INNER if j else (BLOCK if (html or k) else LINE)
                        pieces.append(Piece(collapse(person), no, sep))
    return pieces


def _cells_from_tab_lines(lines: list[tuple[int, str]]) -> list[tuple[int, list[tuple[int, str]]]]:
    """Cells of the Word shape: each tab starts a cell, untabbed lines continue the cell above."""
    cells: list[tuple[int, list[tuple[int, str]]]] = []
    for no, line in lines:
        if "\t" in line:
            head, *rest = line.split("\t")
            if head.strip() and cells:
                cells[-1][1].append((no, head))
            for part in rest:
                cells.append((no, [(no, part)]))
        elif cells:
            cells[-1][1].append((no, line))
    return cells


def read_word_cells(lines: list[tuple[int, str]]) -> Table | None:
    """Word-table text: "\\tNgày", "\\tNội dung công việc", … then "\\t5", "\\tSáng: …", …"""
    cells = _cells_from_tab_lines(lines)
    start = next((i for i, (_, c) in enumerate(cells) if re.match(r"^\s*(?:thứ\s*,?\s*)?ngày\s*$", plain(c[0][1]), re.I)), None)
    if start is None:
        return None
    roles, i = [], start
    while i < len(cells):
        text = plain(" ".join(t for _, t in cells[i][1]))
        found = roles_of(text) if len(text) < 60 else []
        if not text:
            i += 1
            continue
        if not found or is_day_cell(text):
            break
        roles += [r for r in found if r not in roles]
        i += 1
    if CONTENT not in roles:
        return None
    width = len(roles)
    rows: list[Row] = []
    current: list[tuple[int, list[tuple[int, str]]]] = []
    for no, cell in cells[i:]:
        first = plain(cell[0][1])
        if is_day_cell(first) and (not current or len(current) >= width):
            if current:
                rows.append(_row(current, roles))
            current = [(no, cell)]
        elif current and len(current) < width:
            current.append((no, cell))
        elif is_header(first) or roles_of(first) and len(first) < 40:
            continue  # a header row repeated on a new page
        else:
            break
    if current:
        rows.append(_row(current, roles))
    return Table(roles=roles, rows=rows, header_line=cells[start][0])


def read_tab_rows(lines: list[tuple[int, str]]) -> Table | None:
    """One row per line: "01<TAB><p>…</p><TAB>VP<TAB>Đ/c Lạc - GĐ"."""
    header = next((k for k, (_, t) in enumerate(lines) if "\t" in t and is_header(plain(t.replace("\t", " ")))), None)
    if header is None:
        return read_wide(lines)
    header_no, header_text = lines[header]
    roles = [r for cell in header_text.split("\t") for r in roles_of(plain(cell))[:1]]
    if CONTENT not in roles:
        return None
    table = Table(roles=roles, rows=[], header_line=header_no)
    for no, text in lines[header + 1 :]:
        if "\t" not in text or is_header(plain(text.replace("\t", " "))):
            continue
        fields = text.split("\t")
        if is_day_cell(fields[0]):
            table.rows.append(_row([(no, [(no, f)]) for f in fields], roles))
            pending_weekday = _weekday_line(lines, header, no)
            if pending_weekday and not table.rows[-1].weekday:
                table.rows[-1].weekday = pending_weekday
        elif not plain(fields[0]) and table.rows and any(plain(f) for f in fields[1:]):
            # A day written once for several rows (a merged cell): the rows below it are its own.
            row = _row([(no, [(no, f)]) for f in fields], roles)
            above = table.rows[-1]
            above.day_line = above.day_line or above.line
            row.day, row.weekday, row.day_line = above.day, above.weekday, above.day_line
            table.rows.append(row)
        elif any(plain(f) for f in fields):
            table.problems.append((no, f"a row whose first cell is not a day ({plain(fields[0])[:30]!r}) was skipped"))
    return table


def read_wide(lines: list[tuple[int, str]]) -> Table | None:
    """Tab rows of a table with a column per session or per official ("Thứ, ngày<TAB>Sáng<TAB>Chiều")."""
    rows = [[Cell([plain(f)] if plain(f) else [], no) for f in text.split("\t")] for no, text in lines if "\t" in text]
    found = grid.header(rows)
    if not found or not ({grid.SESSION_COLUMN, grid.OFFICIAL_COLUMN} & set(found[1])):
        return None
    k, roles = found
    return grid.to_table(rows[k + 1 :], roles, rows[k][0].line, [c.text for c in rows[k]])


def _weekday_line(lines: list[tuple[int, str]], header: int, no: int) -> str | None:
    """ "Thứ Hai" on its own line just above a row's day: the day cell's first line."""
    before = [t for n, t in lines[header + 1 :] if n < no]
    return before[-1].strip() if before and "\t" not in before[-1] and WEEKDAY_ALONE_RE.match(before[-1]) else None


def _row(cells: list[tuple[int, list[tuple[int, str]]]], roles: list[str]) -> Row:
    by_role = dict(zip(roles, cells))
    day_no, day_lines = by_role.get(DAY, cells[0])
    row = Row(day=plain(day_lines[0][1]), line=day_no)
    if WEEKDAY in by_role:
        row.weekday = plain(by_role[WEEKDAY][1][0][1]) or None
    for role, (_, cell_lines) in by_role.items():
        if role in (DAY, WEEKDAY):
            continue
        lines = [(no, t) for no, t in cell_lines if t.strip()]
        row.cells[role] = content_pieces(lines) if role == CONTENT else side_pieces(lines)
    return row


def read(lines: list[tuple[int, str]]) -> Table | None:
    """The table of a tab-separated text, in whichever of the two shapes it has."""
    led = sum(1 for _, t in lines if t.startswith("\t"))
    inner = sum(1 for _, t in lines if "\t" in t.strip("\t"))
    if not led and not inner:
        return None
    return read_word_cells(lines) if led >= inner else read_tab_rows(lines)
