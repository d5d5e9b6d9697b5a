"""PDF pages through pypdfium2: each page's words and ruled tables, one page open at a time.

pdfplumber interprets every page in Python (pdfminer): 13× slower than pdfium reading the same
characters, and its pages stay in memory until the file is closed. This reads only what
read/pdf.py uses — words with their boxes, grouped as pdfplumber's extract_words groups
characters, and the ruling lines — and closes each page before the next. The ruling lines go
through pdfplumber's own table finder (pure geometry, cheap), so cells are found as before.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.table import Table, TableSettings, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

X_TOLERANCE = 1.5  # a wider gap between two characters starts a new word (tight, for narrow columns)
Y_TOLERANCE = 2.0  # so does a baseline this much higher or lower
TABLES = TableSettings()  # pdfplumber's defaults for ruled tables, as page.find_tables() used
STRAIGHT = 0.01  # a segment this close to level or plumb is a ruling line


@dataclass
class Page:
    words: list[dict]  # text, x0, x1, top, bottom: pdfplumber's coordinates (top down from the page top)
    tables: list[Table]  # cells of the page's ruled tables (pdfplumber's Table)
    images: bool  # holds a picture: a page without words but with one is a scan


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The document; pypdfium2's PdfiumError names a damaged or encrypted file."""
    return pdfium.PdfDocument(data)


def pages(document: pdfium.PdfDocument) -> Iterator[Page]:
    """Each page's words and tables, closing the page before reading the next (flat memory)."""
    for index in range(len(document)):
        page = document[index]
        try:
            height = page.get_height()
            textpage = page.get_textpage()
            try:
                words = _words(textpage, height)
            finally:
                textpage.close()
            edges, images = _edges(page.raw, height)
            yield Page(words, _tables(edges), images)
        finally:
            page.close()


def _words(textpage: pdfium.PdfTextPage, height: float) -> list[dict]:
    """Characters into words in content order: a space, a gap wider than X_TOLERANCE or a
    character on another line (their boxes do not overlap in height) ends one."""
    tp = textpage.raw
    box = raw.FS_RECTF()
    get_char, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
    words: list[dict] = []
    chars: list[str] = []
    start = 0
    x0 = x1 = low = high = 0.0
    for i in range(raw.FPDFText_CountChars(tp)):
        code = get_char(tp, i)
        if code == 2:
            code = 45  # pdfium marks a hyphen that ends a line so; the text had "-"
        if code <= 32 or chr(code).isspace():
            if chars:
                words.append(_word(tp, start, "".join(chars), x0, x1, height))
                chars = []
            continue
        get_box(tp, i, box)
        if chars and (box.left > x1 + X_TOLERANCE or box.right < x0 - X_TOLERANCE
                      or box.bottom >= high or box.top <= low):
            words.append(_word(tp, start, "".join(chars), x0, x1, height))
            chars = []
        if not chars:
            start, x0, low, high = i, box.left, box.bottom, box.top
        chars.append(chr(code))
        x1 = box.right
    if chars:
        words.append(_word(tp, start, "".join(chars), x0, x1, height))
    return words


def _word(tp, start: int, text: str, x0: float, x1: float, height: float) -> dict:
    """A word placed as pdfminer places text: from its baseline up by the font size (a glyph's own
    box would make "Ỉ" taller than "I", and "p" lower than "o")."""
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(tp, start, x, y)
    bottom = height - y.value
    return {"text": text, "x0": x0, "x1": x1, "top": bottom - raw.FPDFText_GetFontSize(tp, start), "bottom": bottom}


def _edges(page, height: float) -> tuple[list[dict], bool]:
    """The page's level and plumb line segments as pdfplumber's edge dicts, and whether it holds
    an image; form XObjects are opened with their matrix."""
    edges: list[dict] = []
    images = False
    stack = [(raw.FPDFPage_GetObject(page, k), pdfium.PdfMatrix()) for k in range(raw.FPDFPage_CountObjects(page))]
    while stack:
        obj, outer = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        images |= kind == raw.FPDF_PAGEOBJ_IMAGE
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        m = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(obj, m)
        matrix = pdfium.PdfMatrix.from_raw(m).multiply(outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack += [(raw.FPDFFormObj_GetObject(obj, k), matrix) for k in range(raw.FPDFFormObj_CountObjects(obj))]
        else:
            edges += _path_edges(obj, matrix, height)
    return edges, images


def _path_edges(obj, matrix: pdfium.PdfMatrix, height: float) -> list[dict]:
    """Each straight segment of a path (a line, a rectangle's four sides) that runs level or plumb."""
    out = []
    x, y = ctypes.c_float(), ctypes.c_float()
    first = last = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = matrix.on_point(x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            first = point
        elif kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            out += _edge(last, point, height)
        if raw.FPDFPathSegment_GetClose(segment) and first is not None:
            out += _edge(point, first, height)
        last = point
    return out


def _edge(a: tuple[float, float], b: tuple[float, float], height: float) -> list[dict]:
    x0, x1 = sorted((a[0], b[0]))
    top, bottom = sorted((height - a[1], height - b[1]))
    if x1 - x0 <= STRAIGHT:
        orientation = "v"
    elif bottom - top <= STRAIGHT:
        orientation = "h"
    else:
        return []
    return [{"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
             "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top}]


def _tables(edges: list[dict]) -> list[Table]:
    """pdfplumber's TableFinder for the "lines" strategy, given the edges directly."""
    s = TABLES
    edges = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= s.edge_min_length_prefilter]
    edges = merge_edges(edges, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance)
    edges = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= s.edge_min_length]
    cells = intersections_to_cells(edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance))
    return [Table(None, group) for group in cells_to_tables(cells)]
