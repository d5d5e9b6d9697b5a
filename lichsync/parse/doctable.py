"""A document's own table (Word, PDF) into the rows every reader produces.

Word and PDF readers see real cells; what they share is turning a grid of cells into day rows:
the header row gives the column roles (and is dropped where it repeats on a new page), a row
with a day in its day cell starts a day, and a row without one continues the day above — either
the next item of a day whose day cell is merged down its rows, or the rest of a row that broke
across a page. Item rows within a day are strong separations in every column; a side cell
merged down several item rows names the same entry for each of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lichsync.parse import vocab
from lichsync.parse.header import is_header, roles_of
from lichsync.parse.rows import BLOCK, CONTENT, DAY, TIME, WEEKDAY, WRAP, Piece, Row, Table
from lichsync.parse.tabbed import is_day_cell
from lichsync.parse.text import collapse, normalize


@dataclass
class Cell:
    pieces: list[Piece] = field(default_factory=list)  # paragraphs (Word) or wrapped-line paragraphs (PDF)
    merged: bool = False  # continues the cell above it (a vertical merge)

    @property
    def text(self) -> str:
        return collapse(" ".join(p.text for p in self.pieces))


@dataclass
class GridRow:
    cells: list[Cell]
    continues: bool = False  # the first row on a new page: its cells may continue the row above


def clean(pieces: list[Piece]) -> list[Piece]:
    """Normalise a cell's text once, at the edge; drop empty paragraphs."""
    out = []
    for p in pieces:
        text = collapse(normalize(p.text))
        if text:
            out.append(Piece(text, p.line, p.sep, p.pos))
    return out


def header_roles(row: GridRow) -> list[str | None] | None:
    """Roles of a header row's columns (None for a column lichsync does not use)."""
    texts = [c.text for c in row.cells]
    if len(texts) > 1 and texts[1] == "" and TIME in roles_of(texts[0]):
        # "Thời gian" over two columns, and no "Ngày": the day's column, then the time of day's.
        texts[0] = f"Ngày {texts[0]}"
    if not is_header(" ".join(t for t in texts if t)):
        return None
    roles: list[str | None] = []
    for text in texts:
        found = [r for r in roles_of(text) if r not in roles]
        roles.append(found[0] if found else None)
    if texts[0].startswith("Ngày ") and roles[1] is None:
        roles[1] = TIME
    return roles if CONTENT in roles and DAY in roles else None


def build(grid: list[GridRow]) -> Table | None:
    """Day rows of a document table; None when no header row names Ngày and Nội dung."""
    for k, grow in enumerate(grid):
        roles = header_roles(grow)
        if roles:
            break
    else:
        return None
    header_line = next((p.line for c in grid[k].cells for p in c.pieces), 1)
    table = Table(roles=[r for r in roles if r], rows=[], header_line=header_line)
    last: dict[str, list[Piece]] = {}
    per_item = TIME in roles
    for grow in grid[k + 1 :]:
        cells = {role: cell for role, cell in zip(roles, grow.cells) if role}
        if header_roles(grow):
            continue  # the header row repeated on a new page
        day = cells.get(DAY)
        day_pieces = clean(day.pieces) if day and not day.merged else []
        if day_pieces and not is_day_cell(day_pieces[0].text) and is_day_cell(" ".join(p.text for p in day_pieces[:2])):
            # "Thứ Hai" / "14/7": a weekly table's day cell names the weekday first.
            day_pieces = [Piece(f"{day_pieces[0].text} {day_pieces[1].text}", day_pieces[0].line)] + day_pieces[2:]
        if day_pieces and is_day_cell(day_pieces[0].text):
            row = Row(day=day_pieces[0].text, line=day_pieces[0].line, day_line=day_pieces[0].line)
            for p in day_pieces[1:]:
                if vocab.LUNAR_RE.match(p.text):
                    row.lunar = p.text
                else:
                    row.weekday = f"{row.weekday} {p.text}" if row.weekday else p.text
            table.rows.append(row)
            last = {}
            _add(row, cells, last, first=True, continues=False)
        elif table.rows and (not day_pieces or grow.continues):  # (the day cell's own rest, broken by the page)
            if per_item and not grow.continues and any(cells[r].text for r in (CONTENT, TIME) if r in cells):
                # A weekly table: each item row has its own time, so it is a row of its own under the day.
                above = table.rows[-1]
                table.rows.append(Row(day=above.day, line=above.line, weekday=above.weekday, lunar=above.lunar,
                                      day_line=above.day_line))
                _add(table.rows[-1], cells, last, first=True, continues=False)
            else:
                _add(table.rows[-1], cells, last, first=False, continues=grow.continues)
        elif any(c.text for c in cells.values()):
            line = next((p.line for c in cells.values() for p in c.pieces), table.header_line)
            first = day_pieces[0].text if day_pieces else next(c.text for c in cells.values() if c.text)
            table.problems.append((line, f"a row whose first cell is not a day ({first[:30]!r}) was skipped"))
    return table


def _add(row: Row, cells: dict[str, Cell], last: dict[str, list[Piece]], first: bool, continues: bool) -> None:
    """Add one table row's cells to a day row: a new item row, or the rest of a row broken by a page."""
    if WEEKDAY in cells and first:
        row.weekday = cells[WEEKDAY].text or row.weekday
    content = clean(cells[CONTENT].pieces) if CONTENT in cells else []
    top = content[0].pos if content else None
    for role, cell in cells.items():
        if role in (DAY, WEEKDAY):
            continue
        pieces = clean(cell.pieces)
        above = row.cells.setdefault(role, [])
        if cell.merged and not continues:
            # One entry serves every item row its cell spans: repeat it beside this one.
            pieces = [Piece(p.text, p.line, BLOCK, top if top is not None else p.pos) for p in last.get(role, [])]
        elif pieces and above and continues and pieces[0].sep == WRAP:
            # A paragraph broken by the page: its first line on the new page joins the one above.
            above[-1] = Piece(join_lines(above[-1].text, pieces[0].text), above[-1].line, above[-1].sep, above[-1].pos)
            pieces = pieces[1:]
        elif pieces and above and not continues:
            pieces[0] = Piece(pieces[0].text, pieces[0].line, BLOCK, pieces[0].pos)
        above.extend(pieces)
        if not cell.merged:
            last[role] = last.get(role, []) + pieces if continues else pieces


def join_lines(above: str, below: str) -> str:
    """Join a wrapped line to the one above: "QLCN-" + "CN" is one word, "Lạc -" + "GĐ" two."""
    if len(above) >= 2 and above[-1] in "-–" and above[-2].isalnum():
        return above + below
    return f"{above} {below}"
