"""Tables kept as tab-separated text: Word tables copied as text, and rows whose cells hold HTML.

Two shapes share this reader:
- one cell per tab-led line, a cell's further paragraphs on the lines below it (Word);
- one row per line, cells separated by tabs, each cell a fragment of HTML (portals, CMS exports).
"""
from __future__ import annotations

import csv
import html
import io
import re

import lxml.etree
import lxml.html

from lichsync.parse import grid
from lichsync.parse.grid import Cell
from lichsync.parse.header import is_header, roles_of
from lichsync.parse.rows import BLOCK, CONTENT, DAY, INNER, LINE, TIME, WEEKDAY, Piece, Row, Table, join_continuations
from lichsync.parse.text import collapse
from lichsync.parse.vocab import SESSION_RE, TRAILER_RE, WEEKDAY_ALONE_RE

HTML_RE = re.compile(r"<\s*/?\s*(?:p|li|ul|ol|b|strong|i|em|br|span|div|u|font|sup)\b[^>]*>", re.IGNORECASE)
BLOCK_TAG_RE = re.compile(r"(<\s*(?:p|li|br|div|tr)\b[^>]*>|<\s*/\s*(?:p|li|div|ul|ol)\s*>)", re.IGNORECASE)
DAY_CELL_RE = re.compile(
    r"^từ\s+ngày\s+\d{1,2}(?:/\d{1,2})?\s*(?:-|–|đến(?:\s+hết)?(?:\s+ngày)?)\s*\d{1,2}(?:/\d{1,2}(?:/\d{4})?)?$|"
    r"^(?:(?:thứ\s*\S+|chủ\s*nhật|cn)\s*[,-]?\s*\(?\s*)?(?:ngày\s+)?\d{1,2}(?:/\d{1,2}(?:/\d{4})?)?"
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
                people = [p for p in PERSON_SPLIT_RE.split(chunk.strip()) if p.strip(" -–+•")]  # "- Đ/c Hùng": no bare bullet
                for j, person in enumerate(people):
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
    roles = [(roles_of(plain(cell))[:1] or [None])[0] for cell in header_text.split("\t")]  # None: "TT", "Ghi chú"
    if CONTENT not in roles:
        return None
    day_at = roles.index(DAY) if DAY in roles else 0
    table = Table(roles=[r for r in roles if r], rows=[], header_line=header_no)
    for fields in _records(lines[header + 1 :], len(header_text.split("\t"))):
        no = fields[0][0][0]
        if is_header(plain(" ".join(t for field in fields for _, t in field))):
            continue
        cells = [(field[0][0], field) for field in fields]
        first = plain(" ".join(t for _, t in fields[day_at])) if day_at < len(fields) else ""
        if is_day_cell(first):
            table.rows.append(_row(cells, roles))
        elif not first and table.rows and any(plain(t) for field in fields[1:] for _, t in field):
            # A day written once for several rows (a merged cell): the rows below it are its own.
            row = _row(cells, roles)
            above = table.rows[-1]
            above.day_line = above.day_line or above.line
            row.day, row.weekday, row.day_line = above.day, above.weekday, above.day_line
            row.session = None if _session_cell(row) else _session_cell(above) or above.session  # a merged "Buổi" cell
            table.rows.append(row)
        elif any(plain(t) for field in fields for _, t in field):
            table.problems.append((no, f"a row whose first cell is not a day ({first[:30]!r}) was skipped"))
    return table


def _records(lines: list[tuple[int, str]], width: int) -> list[list[list[tuple[int, str]]]]:
    """The table's rows, each a list of cells, each cell its lines. Usually a line is a row; a Word
    table pasted as text breaks a cell's paragraphs onto lines of their own ("Thứ Hai" / "12/5<TAB>…"),
    and a spreadsheet copy quotes such cells: then a row runs until it has all its tabs."""
    if any(text.lstrip().startswith('"') for _, text in lines):
        return _quoted_records(lines)
    if not any(0 < text.count("\t") < width - 1 for _, text in lines):
        return [[[(no, f)] for f in text.split("\t")] for no, text in lines if "\t" in text]
    records, current, tabs = [], [], 0
    for no, text in lines:
        if TRAILER_RE.match(text):
            break
        starts = "\t" in text or is_day_cell(text) or WEEKDAY_ALONE_RE.match(text)
        if not current and not (text.strip() and starts):
            continue
        new_day = "\t" in text and is_day_cell(text.split("\t")[0])
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


def read_wide(lines: list[tuple[int, str]]) -> Table | None:
    """Tab rows of a table with a column per session or per official ("Thứ, ngày<TAB>Sáng<TAB>Chiều")."""
    rows = [[Cell([plain(f)] if plain(f) else [], no) for f in text.split("\t")] for no, text in lines if "\t" in text]
    found = grid.header(rows)
    if not found or not ({grid.SESSION_COLUMN, grid.OFFICIAL_COLUMN} & set(found[1])):
        return None
    k, roles = found
    return grid.to_table(rows[k + 1 :], roles, rows[k][0].line, [c.text for c in rows[k]])


def _row(cells: list[tuple[int, list[tuple[int, str]]]], roles: list[str]) -> Row:
    by_role: dict[str, tuple[int, list[tuple[int, str]]]] = {}
    for role, (no, cell_lines) in zip(roles, cells):
        if role:  # two columns of one role ("Buổi" and "Giờ"): one cell of both
            by_role[role] = (by_role[role][0], by_role[role][1] + cell_lines) if role in by_role else (no, cell_lines)
    day_no, day_lines = by_role.get(DAY, cells[0])
    day = plain(day_lines[0][1])
    if not is_day_cell(day):  # "Thứ Hai" / "12/5": the day cell's lines together
        day = plain(" ".join(t for _, t in day_lines))
    row = Row(day=day, line=day_no)
    if WEEKDAY in by_role:
        row.weekday = plain(by_role[WEEKDAY][1][0][1]) or None
    for role, (_, cell_lines) in by_role.items():
        if role in (DAY, WEEKDAY):
            continue
        lines = [(no, t) for no, t in cell_lines if t.strip()]
        pieces = content_pieces(lines) if role == CONTENT else side_pieces(lines)
        if len(lines) > 1:  # a cell broken over lines: a line goes on unless it starts an entry of its own
            pieces = join_continuations(pieces) if role == CONTENT else _join_side_lines(pieces)
        row.cells[role] = pieces
    return row


def _session_cell(row: Row) -> str | None:
    """The session word a row's time cells write ("Sáng" in a "Buổi" column), if any."""
    return next((p.text for p in row.cells.get(TIME, []) if SESSION_RE.match(p.text + " ")), None)


def _join_side_lines(pieces: list[Piece]) -> list[Piece]:
    """ "Đ/c Phạm Văn Đông," / "PCT UBND quận": a side entry whose line ends with a comma goes on."""
    out: list[Piece] = []
    for piece in pieces:
        if out and (out[-1].text.endswith(",") or piece.text[:1].islower()):
            out[-1] = Piece(f"{out[-1].text} {piece.text}", out[-1].line, out[-1].sep, out[-1].pos)
        else:
            out.append(piece)
    return out


def read(lines: list[tuple[int, str]]) -> Table | None:
    """The table of a tab-separated text, in whichever of the two shapes it has."""
    led = sum(1 for _, t in lines if t.startswith("\t"))
    inner = sum(1 for _, t in lines if "\t" in t.strip("\t"))
    if not led and not inner:
        return None
    return read_word_cells(lines) if led >= inner else read_tab_rows(lines)
