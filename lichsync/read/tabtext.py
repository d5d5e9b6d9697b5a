"""Tables kept as tab-separated text, as grids of cells: Word tables copied as text, spreadsheet
copies, and portal exports whose cells hold HTML.

Two shapes:
- one row per line, cells separated by tabs (a cell with line breaks quoted by a spreadsheet, or
  running over several lines until the row has all its tabs); each cell may be an HTML fragment;
- one cell per tab-led line, a cell's further paragraphs on the lines below it (Word's "copy as
  text"): the header's cells say how many make a row.
"""
from __future__ import annotations

import csv
import html
import io
import re

import lxml.etree
import lxml.html

from lichsync.parse import days, vocab
from lichsync.parse.document import Cell, Grid, GridRow
from lichsync.parse.header import role_of
from lichsync.parse.rows import BLOCK, LINE, Piece
from lichsync.parse.text import collapse

HTML_RE = re.compile(r"<\s*/?\s*(?:p|li|ul|ol|b|strong|i|em|br|span|div|u|font|sup)\b[^>]*>", re.IGNORECASE)
BLOCK_TAG_RE = re.compile(r"(<\s*(?:p|li|br|div|tr)\b[^>]*>|<\s*/\s*(?:p|li|div|ul|ol)\s*>)", re.IGNORECASE)


def grids(lines: list[tuple[int, str]]) -> list[Grid]:
    """The tab table of a text, in whichever shape it has, with the text above it."""
    led = sum(1 for _, t in lines if t.startswith("\t"))
    inner = sum(1 for _, t in lines if "\t" in t.strip("\t"))
    if led + inner < 2:
        return []
    rows = _word_cells(lines) if led >= inner else _tab_rows(lines)
    if len(rows) < 2:
        return []
    first = next((p.line for c in rows[0].cells for p in c.pieces), 1)
    return [Grid(rows, above="\n".join(t for n, t in lines if n < first), kind="tab-separated table")]


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


def _cell(cell_lines: list[tuple[int, str]]) -> Cell:
    """A cell's paragraphs: each line, or each HTML block (a stronger break)."""
    pieces = []
    for no, text in cell_lines:
        marked = bool(HTML_RE.search(text))
        for block in html_blocks(text):
            block = block.strip().strip("*_").strip() if not marked else block.strip()
            if block:
                pieces.append(Piece(block, no, BLOCK if marked else LINE))
    return Cell(tuple(pieces))


def _tab_rows(lines: list[tuple[int, str]]) -> list[GridRow]:
    """One row per line: "01<TAB><p>…</p><TAB>VP<TAB>Đ/c Lạc - GĐ"."""
    width = max((t.count("\t") + 1 for _, t in lines if "\t" in t), default=0)
    tabbed = [(no, t) for no, t in lines if "\t" in t or t.strip()]
    start = next((k for k, (_, t) in enumerate(tabbed) if "\t" in t), 0)
    return [GridRow([_cell(field) for field in record]) for record in _records(tabbed[start:], width)]


def _records(lines: list[tuple[int, str]], width: int) -> list[list[list[tuple[int, str]]]]:
    """The table's rows, each a list of cells, each cell its lines. Usually a line is a row; a Word
    table pasted as text breaks a cell's paragraphs onto lines of their own ("Thứ Hai" / "12/5<TAB>…"),
    and a spreadsheet copy quotes such cells: then a row runs until it has all its tabs."""
    if any(text.lstrip().startswith('"') for _, text in lines):
        return _quoted_records(lines)
    if not any(0 < text.count("\t") < width - 1 for _, text in lines):
        return [[[(no, f)] for f in text.split("\t")] for no, text in lines if "\t" in text]
    records: list[list[list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] = []  # the lines of the record being read
    tabs = 0
    for no, text in lines:
        if vocab.TRAILER_RE.match(text):
            break
        starts = "\t" in text or days.names_days(text) or vocab.WEEKDAY_ALONE_RE.match(text)
        if not current and not (text.strip() and starts):
            continue
        new_day = "\t" in text and days.names_days(plain(text.split("\t")[0]))
        if current and ((tabs >= width - 1 and starts) or (tabs and new_day)):
            records.append(_fields(current))  # the row is whole, or a new day begins before it is
            current, tabs = [], 0
        current.append((no, text))
        tabs += text.count("\t")
    if current:
        records.append(_fields(current))
    return records


def _fields(record: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    fields: list[list[tuple[int, str]]] = [[]]
    for no, text in record:
        first, *rest = text.split("\t")
        fields[-1].append((no, first))
        fields += [[(no, part)] for part in rest]
    return fields


def _quoted_records(body: list[tuple[int, str]]) -> list[list[list[tuple[int, str]]]]:
    """Tab rows as a spreadsheet copies them: a cell with line breaks is quoted."""
    if not body:
        return []
    base = body[0][0]
    reader = csv.reader(io.StringIO("\n".join(text for _, text in body)), delimiter="\t")
    records, start = [], base
    for row in reader:
        if any(cell.strip() for cell in row) and len(row) > 1:
            records.append([[(start, part) for part in cell.split("\n")] for cell in row])
        start = base + reader.line_num
    return records


def _word_cells(lines: list[tuple[int, str]]) -> list[GridRow]:
    """Word-table text: "\\tNgày", "\\tNội dung công việc", … then "\\t5", "\\tSáng: …", …: as many
    cells make a row as the header has; a row starts at a day."""
    cells = _tab_led_cells(lines)
    start = next((i for i, c in enumerate(cells) if role_of(plain(c[0][1])) and not re.search(r"\d", plain(c[0][1]))), None)
    if start is None:
        return []
    header, i = [], start
    while i < len(cells) and (text := plain(" ".join(t for _, t in cells[i]))) is not None:
        if text and (len(text) > 60 or re.search(r"\d", text) or not role_of(text)):
            break
        if text:
            header.append(cells[i])
        i += 1
    width = len(header)
    rows = [header]
    current: list[list[tuple[int, str]]] = []  # the cells of the row being read
    for cell in cells[i:]:
        first = plain(cell[0][1])
        if days.names_days(first) and (not current or len(current) >= width):
            if current:
                rows.append(current)
            current = [cell]
        elif current and len(current) < width:
            current.append(cell)
        elif role_of(first) and len(first) < 40:
            continue  # a header row repeated on a new page
        else:
            break
    if current:
        rows.append(current)
    return [GridRow([_cell(c) for c in row]) for row in rows if row]


def _tab_led_cells(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Each tab starts a cell; untabbed lines continue the cell above."""
    cells: list[list[tuple[int, str]]] = []
    for no, line in lines:
        if "\t" in line:
            head, *rest = line.split("\t")
            if head.strip() and cells:
                cells[-1].append((no, head))
            cells += [[(no, part)] for part in rest]
        elif cells:
            cells[-1].append((no, line))
    return cells
