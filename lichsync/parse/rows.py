"""What every reader produces: a table of rows whose cells are lists of pieces.

A piece is a line or paragraph of a cell. Between two pieces the reader records how
strongly the document itself separates them (a `<p>` boundary, a run of spaces, a
blank gap in a PDF text layer, a mere line wrap); `lichsync.parse.align` turns pieces into
entries with that, and the parser lines entries up with the items of the content cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lichsync.parse import vocab

# Separation strengths a reader can record before a piece.
WRAP = 0.0  # a wrapped line of one paragraph (PDF text layers)
INNER = 1.0  # a second "Đ/c …" within one line
LINE = 2.0  # a line break between paragraphs (Word cells)
BLOCK = 3.0  # a <p>/<li> element, a run of two or more spaces
GAP = 2.0  # added when blank gap lines stand between two pieces of a PDF text layer

# Column roles a header can name.
DAY, WEEKDAY, CONTENT, UNITS, LEADERS, LOCATION, TIME = (
    "day", "weekday", "content", "units", "leaders", "location", "time",
)
# Who else takes part ("Thành phần"): the calendar's description, as written.
PARTICIPANTS = "participants"
# Columns read past: the office's escort ("Lãnh đạo VP … theo dõi"), drivers, notes.
IGNORED = "ignored"


@dataclass
class Piece:
    text: str
    line: int  # 1-based line number in the source text
    sep: float = LINE  # separation from the previous piece of the same cell
    pos: int | None = None  # vertical position within its column (PDF text layers), if known


@dataclass
class Row:
    day: str  # the day cell as written: "5", "06-07", "16 -17", "<b>13-14</b>"
    line: int
    cells: dict[str, list[Piece]] = field(default_factory=dict)
    weekday: str | None = None
    lunar: str | None = None  # "(01/12 ÂL)" as written
    session: str | None = None  # a session cell ("Sáng") of a weekly table, as written
    day_line: int | None = None  # where the day is written, when one day cell heads several rows
    # A flattened text layer cannot tell cells apart: its content and side columns come as one
    # run of pieces per page part, split by the parser once it knows how many items there are.
    flow: list[list[Piece]] = field(default_factory=list)


@dataclass
class Table:
    roles: list[str]  # column roles in order, from the header row
    rows: list[Row]
    header_line: int
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message) a reader noticed


def join_continuations(pieces: list[Piece]) -> list[Piece]:
    """A weekly table's cell holds one item: its lines join, unless a line starts an item of its own
    (a bullet, a session word, a clock time)."""
    out: list[Piece] = []
    for piece in pieces:
        text = piece.text
        own = vocab.BULLET_RE.match(text) or vocab.SESSION_RE.match(text) or vocab.LEADING_TIME_RE.match(text)
        if out and not own:
            out[-1] = Piece(f"{out[-1].text} {text}", out[-1].line, out[-1].sep, out[-1].pos)
        else:
            out.append(Piece(text, piece.line, piece.sep, piece.pos))
    return out
