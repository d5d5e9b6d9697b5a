"""Pipe tables, as pasted from a wiki, a chat or a Markdown file: "| Thứ Hai 14/3 | 8h00 | Họp … |".

A line starting with "|" is a table row (a rule line "|---|---|" is not); a row whose day cell
is empty belongs to the day above, and continues the row above when it starts no item of its own.
"""
from __future__ import annotations

import re

from lichsync.parse.grid import Cell, guess_roles, header, to_table
from lichsync.parse.rows import Table

RULE_RE = re.compile(r"^\|?[\s:|-]+\|?$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip().strip("*_").strip() for c in inner.split("|")]  # "**THỨ HAI, 12/5**": Markdown bold


def read(lines: list[tuple[int, str]]) -> tuple[int, Table] | None:
    """(line of the table's first row, rows) of the first pipe table with a day column, or None."""
    rows: list[list[Cell | None]] = []
    first = None
    for no, text in lines:
        stripped = text.strip()
        if not stripped.startswith("|") or stripped.count("|") < 3:
            if len(rows) >= 2:
                break
            rows, first = [], None
            continue
        if RULE_RE.match(stripped):
            continue
        first = first or no
        rows.append([Cell([c] if c else [], no) for c in _cells(stripped)])
    if len(rows) < 2:
        return None
    found = header(rows)
    if found:
        k, roles = found
        return first, to_table(rows[k + 1 :], roles, rows[k][0].line, [c.text for c in rows[k]])
    roles = guess_roles(rows)
    return (first, to_table(rows, roles, first)) if roles else None
