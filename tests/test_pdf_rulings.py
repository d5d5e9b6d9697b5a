"""read/rulings.py finds the tables pdfplumber's own "lines" table finder finds, cell for cell."""
from __future__ import annotations

from pathlib import Path

import pytest
from pdfplumber.table import (
    Table,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)

from lichsync.read import pdfpage, rulings

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "samples").rglob("*.pdf")) + sorted((ROOT / "tests" / "data").glob("weekly-table*.pdf"))


def _pdfplumber_rows(plumb: list[rulings.Box], level: list[rulings.Box]) -> list[rulings.Rows]:
    """The same segments through pdfplumber's pipeline, as page.find_tables() runs it."""
    s = TableSettings()
    edges = [{"orientation": o, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
              "width": x1 - x0, "height": bottom - top}
             for o, boxes in (("v", plumb), ("h", level)) for x0, top, x1, bottom in boxes]
    edges = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= s.edge_min_length_prefilter]
    edges = merge_edges(edges, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance)
    edges = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= s.edge_min_length]
    cells = intersections_to_cells(edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance))
    tables = [Table(None, group) for group in cells_to_tables(cells)]  # type: ignore[arg-type]
    return [[row.cells for row in table.rows] for table in tables]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_tables_are_pdfplumbers(path: Path):
    document = pdfpage.open_pdf(path.read_bytes())
    try:
        for index in range(len(document)):
            page = document[index]
            plumb, level, _ = pdfpage._edges(page.raw, page.get_height())
            page.close()
            assert rulings.tables(plumb, level) == _pdfplumber_rows(plumb, level)
    finally:
        document.close()


def test_a_row_continued_without_its_top_ruling_is_closed_at_its_sides_top():
    # A browser continues a cut row on the next page: the cells' sides from y=28 down, a bottom line, no top line.
    sides = [(x, 28.0, x, 106.0) for x in (34.0, 78.0, 332.0, 578.0)]
    bottom = [(34.0, 106.0, 578.0, 106.0)]
    assert rulings.tables(sides, bottom) == []
    [table] = rulings.tables(sides, bottom + pdfpage._cut_top(sides, bottom))
    assert table == [[(34.0, 28.0, 78.0, 106.0), (78.0, 28.0, 332.0, 106.0), (332.0, 28.0, 578.0, 106.0)]]
    # A table with its top line gets nothing added.
    assert pdfpage._cut_top(sides, bottom + [(34.0, 28.0, 578.0, 28.0)]) == []
