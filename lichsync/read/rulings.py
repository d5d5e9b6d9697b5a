"""Ruled tables from a page's level and plumb line segments: pdfplumber's "lines" table finder
(snap, join, intersections, cells, tables, rows) with its default tolerances, on tuples.

Written again because pdfplumber's pipeline works on dicts it copies at every step and tests
every plumb segment against every level one: it cost a fifth of a page's read. Each step here
keeps pdfplumber's arithmetic and order, so the cells are the same to the last bit.
"""
from __future__ import annotations

from itertools import groupby, islice
from operator import itemgetter

Box = tuple[float, float, float, float]  # x0, top, x1, bottom: pdfplumber's coordinates
Rows = list[list[Box | None]]  # a table's rows of cells; None where the row has no cell in that column

SNAP = JOIN = MEET = 3.0  # pdfplumber's snap, join and intersection tolerances
MIN_LENGTH, MIN_LENGTH_PREFILTER = 3.0, 1.0  # pdfplumber's edge_min_length and its prefilter


def tables(plumb: list[Box], level: list[Box]) -> list[Rows]:
    """The page's tables of two cells or more, top down, each as pdfplumber's Table.rows."""
    plumb = _merged([e for e in plumb if e[3] - e[1] >= MIN_LENGTH_PREFILTER], 0)
    level = _merged([e for e in level if e[2] - e[0] >= MIN_LENGTH_PREFILTER], 1)
    return [_rows(cells) for cells in _groups(_cells(_intersections(plumb, level)))]


def _merged(edges: list[Box], at: int) -> list[Box]:
    """Segments along one line (x0 of plumb ones, at=0; top of level ones, at=1) snapped to their
    cluster's mean, then joined where they meet; those MIN_LENGTH long or more, sorted along the line."""
    if at == 0:
        snapped = [(e[0] + by, e[1], e[2] + by, e[3], e[3] - e[1]) for e, by in _snaps(edges, 0)]
        lines = groupby(sorted(snapped, key=itemgetter(0)), itemgetter(0))
        joined = [e for _, line in lines for e in _joined(sorted(line, key=itemgetter(1)), 1, 3)]
    else:
        snapped = [(e[0], e[1] + by, e[2], e[3] + by, e[2] - e[0]) for e, by in _snaps(edges, 1)]
        lines = groupby(sorted(snapped, key=itemgetter(1)), itemgetter(1))
        joined = [e for _, line in lines for e in _joined(sorted(line, key=itemgetter(0)), 0, 2)]
    return [e[:4] for e in joined if e[4] >= MIN_LENGTH]


def _snaps(edges: list[Box], at: int) -> list[tuple[Box, float]]:
    """Each edge with how far it moves to its cluster's mean position (a cluster: positions no
    further than SNAP from the next), clusters in order of position and edges in their order within each."""
    cluster: dict[float, int] = {}
    last = None
    for value in sorted({e[at] for e in edges}):
        cluster[value] = len(cluster) if last is None else cluster[last] + (value > last + SNAP)
        last = value
    out = []
    for _, group in groupby(sorted(edges, key=lambda e: cluster[e[at]]), key=lambda e: cluster[e[at]]):
        members = list(group)
        mean = sum(e[at] for e in members) / len(members)
        out += [(e, mean - e[at]) for e in members]
    return out


def _joined(line: list[tuple], start: int, end: int) -> list[tuple]:
    """Segments along one line, sorted by where they start, joined where the next starts no
    further than JOIN beyond where the last ends. The length is carried as pdfplumber carries it."""
    out = [line[0]]
    for e in line[1:]:
        last = out[-1]
        if e[start] <= last[end] + JOIN:
            if e[end] > last[end]:
                length = e[end] - last[start] if start == 0 else last[4] + (e[end] - last[end])
                out[-1] = (*last[:end], e[end], *last[end + 1 : 4], length)
        else:
            out.append(e)
    return out


def _intersections(plumb: list[Box], level: list[Box]) -> dict[tuple[float, float], tuple[set[Box], set[Box]]]:
    """Where a plumb segment meets a level one (within MEET): the point, and the segments through it."""
    points: dict[tuple[float, float], tuple[set[Box], set[Box]]] = {}
    for v in plumb:
        x, top, bottom = v[0], v[1], v[3]
        for h in level:
            if top <= h[1] + MEET and bottom >= h[1] - MEET and h[0] - MEET <= x <= h[2] + MEET:
                through = points.get((x, h[1]))
                if through is None:  # not setdefault: it would build two sets for every pair
                    through = points[x, h[1]] = (set(), set())
                through[0].add(v)
                through[1].add(h)
    return points


def _cells(points: dict[tuple[float, float], tuple[set[Box], set[Box]]]) -> list[Box]:
    """pdfplumber's intersections_to_cells: from each point, the smallest cell whose four corners
    are points joined by common segments. The points below and right of one are the rest of its
    column and row, so only those are tried; a point last in its row or column opens no cell."""
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    ordered = sorted(points)
    for p in ordered:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    at_column = {p: k for column in columns.values() for k, p in enumerate(column, 1)}
    at_row = {p: k for row in rows.values() for k, p in enumerate(row, 1)}
    cells = []
    for p in ordered:
        column, row = columns[p[0]], rows[p[1]]
        below, right = at_column[p], at_row[p]  # where the points below and right of p start
        if below < len(column) and right < len(row) and (cell := _smallest_cell(p, column, below, row, right, points)):
            cells.append(cell)
    return cells


def _smallest_cell(p: tuple[float, float], column: list, below: int, row: list, right: int,
                   points: dict[tuple[float, float], tuple[set[Box], set[Box]]]) -> Box | None:
    """The first point below joined to p, then the first point right joined to p, whose corner
    closes the cell: pdfplumber's order of trying them (the column's points from `below`, the row's from `right`)."""
    plumb, level = points[p]
    for b in islice(column, below, None):
        down, across = points[b]
        if plumb.isdisjoint(down):
            continue
        for r in islice(row, right, None):
            r_down, r_across = points[r]
            if level.isdisjoint(r_across):
                continue
            corner = points.get((r[0], b[1]))
            if corner is not None and not corner[0].isdisjoint(r_down) and not corner[1].isdisjoint(across):
                return (p[0], p[1], r[0], b[1])
    return None


def _groups(cells: list[Box]) -> list[list[Box]]:
    """pdfplumber's cells_to_tables: cells that share a corner, directly or through others, are one
    table; tables of two cells or more, ordered by their top-left cell. A union-find whose links point
    from earlier cells to later ones (each cell takes over the tables its corners touch), so a cell's
    table is known once every later cell's is."""
    parent = list(range(len(cells)))
    owner: dict[tuple[float, float], int] = {}
    for k, (x0, top, x1, bottom) in enumerate(cells):  # k is still its own root here: it owns no corner yet
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            other = owner.setdefault(corner, k)
            while parent[other] != other:  # to its root, halving the path
                parent[other] = other = parent[parent[other]]
            parent[other] = k
    table = parent[:]
    for k in reversed(range(len(cells))):
        table[k] = table[parent[k]]  # parent[k] >= k: already final
    groups: dict[int, list[Box]] = {}
    for k, cell in enumerate(cells):
        groups.setdefault(table[k], []).append(cell)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: min((c[1], c[0]) for c in g))


def _rows(cells: list[Box]) -> Rows:
    """pdfplumber's Table.rows: cells by their top, each row holding a place for every x0 of the table."""
    xs = sorted({c[0] for c in cells})
    return [[row.get(x) for x in xs] for row in
            ({c[0]: c for c in line} for _, line in groupby(sorted(cells, key=itemgetter(1, 0)), itemgetter(1)))]
