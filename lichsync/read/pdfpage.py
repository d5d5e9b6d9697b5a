"""PDF pages through pypdfium2: each page's words and ruled tables, one page open at a time.

pdfplumber interprets every page in Python (pdfminer): 13× slower than pdfium reading the same
characters, and its pages stay in memory until the file is closed. This reads only what
read/pdf.py uses — words with their boxes, grouped as pdfplumber's extract_words groups
characters, and the ruling lines — and closes each page before the next. The ruling lines go
through pdfplumber's own table finder (pure geometry, cheap), so cells are found as before.
"""
from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.table import Table, TableSettings, cells_to_tables, edges_to_intersections, merge_edges

X_TOLERANCE = 1.5  # a wider gap between two characters starts a new word (tight, for narrow columns)
Y_TOLERANCE = 2.0  # so does a baseline this much higher or lower
TABLES = TableSettings()  # pdfplumber's defaults for ruled tables, as page.find_tables() used
TOKEN_RE = re.compile(r"[^\s\x00-\x20]+")  # between spaces and the line breaks pdfium puts in
STRAIGHT = 0.01  # a segment this close to level or plumb is a ruling line


@dataclass
class Page:
    words: list[dict]  # text, x0, x1, top, bottom: pdfplumber's coordinates (top down from the page top)
    tables: list[Table]  # cells of the page's ruled tables (pdfplumber's Table)
    images: bool  # holds a picture: a page without words but with one is a scan


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The document; pypdfium2's PdfiumError names a damaged or encrypted file."""
    return pdfium.PdfDocument(data)


class TooMuchText(ValueError):
    """More characters than any schedule holds: a document this dense is refused before it costs minutes."""


def pages(document: pdfium.PdfDocument, max_chars: int = 1_500_000) -> Iterator[Page]:
    """Each page's words and tables, closing the page before reading the next (flat memory)."""
    total = 0
    for index in range(len(document)):
        page = document[index]
        try:
            height = page.get_height()
            textpage = page.get_textpage()
            try:
                total += raw.FPDFText_CountChars(textpage.raw)
                if total > max_chars:
                    raise TooMuchText(total)
                words = _words(textpage, height)
            finally:
                textpage.close()
            edges, images = _edges(page.raw, height)
            yield Page(words, _tables(edges), images)
        finally:
            page.close()


GLUE = "\u200b"  # stands for a line break pdfium made up between two glyphs of one word
BREAK_RE = re.compile(r"(?<=\S)\r\n(?=\S)")  # a line break between two glyphs, with no space on either side


def _join_glyph_runs(tp, text: str) -> str:
    """Some writers place every glyph with its own text matrix (Chromium's letter-spaced text), and
    pdfium then puts a made-up line break after each: where the glyphs on both sides share a
    baseline and touch, the break is no break."""
    chars: list[str] | None = None  # a copy, made once a break is glued
    box = raw.FS_RECTF()
    for found in BREAK_RE.finditer(text):
        i = found.start()
        if raw.FPDFText_IsGenerated(tp, i) == 1:
            raw.FPDFText_GetLooseCharBox(tp, i - 1, box)
            right, low, high = box.right, box.bottom, box.top
            raw.FPDFText_GetLooseCharBox(tp, i + 2, box)
            if abs(box.left - right) < 1.0 and box.bottom < high and box.top > low:
                chars = chars or list(text)
                chars[i] = chars[i + 1] = GLUE
    return "".join(chars) if chars else text


def _words(textpage: pdfium.PdfTextPage, height: float) -> list[dict]:
    """Characters into words in content order: a space, a gap wider than X_TOLERANCE or a
    character on another line (their boxes do not overlap in height) ends one. A word is placed
    as pdfminer places text: from its baseline up by the font size (a glyph's own box would make
    "Ỉ" taller than "I", and "p" lower than "o")."""
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = textpage.get_text_range()  # one call; a character beyond 16 bits takes two places
    if len(text) != count:
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
    text = text.replace("\ufffe", "-").replace("\x02", "-")  # how pdfium marks a hyphen ending a line
    text = _join_glyph_runs(tp, text)
    spans = _spans(tp, text)
    glued = GLUE in text
    x, y = ctypes.c_double(), ctypes.c_double()
    get_origin, get_size = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize
    words: list[dict] = []
    for start, end, x0, x1 in spans:
        get_origin(tp, start, x, y)
        bottom = height - y.value
        word = text[start:end]
        words.append({"text": word.replace(GLUE, "") if glued else word, "x0": x0, "x1": x1,
                      "top": bottom - get_size(tp, start), "bottom": bottom})
    return words


def _spans(tp, text: str) -> list[tuple[int, int, float, float]]:
    """(start, end, left, right) of each word, from one box per character."""
    glued = GLUE if GLUE in text else None  # most pages have no glued breaks to step over
    box = raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    spans = []
    for token in TOKEN_RE.finditer(text):
        start, end = token.span()
        get_box(tp, start, box)
        x0, x1, low, high = box.left, box.right, box.bottom, box.top
        for i in range(start + 1, end) if glued is None else (i for i in range(start + 1, end) if text[i] != GLUE):
            get_box(tp, i, box)
            left = box.left
            if left > x1 + X_TOLERANCE or left < x0 - X_TOLERANCE or box.bottom >= high or box.top <= low:
                spans.append((start, i, x0, x1))
                start, x0, low, high = i, left, box.bottom, box.top
            x1 = box.right
        spans.append((start, end, x0, x1))
    return spans


def _edges(page, height: float) -> tuple[list[dict], bool]:
    """The page's level and plumb line segments as pdfplumber's edge dicts, and whether it holds
    an image; form XObjects are opened with their matrix."""
    edges: list[dict] = []
    images = False
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = [(raw.FPDFPage_GetObject(page, k), identity) for k in range(raw.FPDFPage_CountObjects(page))]
    m = raw.FS_MATRIX()
    while stack:
        obj, outer = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        images |= kind == raw.FPDF_PAGEOBJ_IMAGE
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        raw.FPDFPageObj_GetMatrix(obj, m)
        matrix = _times((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack += [(raw.FPDFFormObj_GetObject(obj, k), matrix) for k in range(raw.FPDFFormObj_CountObjects(obj))]
        else:
            edges += _path_edges(obj, matrix, height)
    return edges, images


def _times(m: tuple, n: tuple) -> tuple:
    """The PDF matrix m then n (a b c d e f, row vectors)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _path_edges(obj, matrix: tuple, height: float) -> list[dict]:
    """Each straight segment of a path (a line, a rectangle's four sides) that runs level or plumb."""
    a, b, c, d, e, f = matrix
    out = []
    x, y = ctypes.c_float(), ctypes.c_float()
    first = last = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
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
    cells = _cells(edges_to_intersections(edges, s.intersection_x_tolerance, s.intersection_y_tolerance))
    # pdfplumber annotates Table's page as required, but only Table.extract() reads it: these tables are never extracted.
    return [Table(None, group) for group in cells_to_tables(cells)]  # type: ignore[arg-type]


def _cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """pdfplumber's intersections_to_cells, written again because it costs a third of a page's
    parse: it rebuilds each point's edge sets for every pair it tests and scans all later points
    for those below and to the right. Here each point's edges are sets once, and the points below
    and right are the rest of its column and row: the same smallest cell from each point."""
    def box(e: dict) -> tuple:
        return e["x0"], e["top"], e["x1"], e["bottom"]

    plumb = {p: {box(e) for e in es["v"]} for p, es in intersections.items()}
    level = {p: {box(e) for e in es["h"]} for p, es in intersections.items()}
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    points = sorted(intersections)
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    at_column = {p: k for column in columns.values() for k, p in enumerate(column)}
    at_row = {p: k for row in rows.values() for k, p in enumerate(row)}
    cells = []
    for p in points:
        right = [r for r in rows[p[1]][at_row[p] + 1 :] if not level[p].isdisjoint(level[r])]
        cells += next(([(p[0], p[1], r[0], b[1])] for b in columns[p[0]][at_column[p] + 1 :] if not plumb[p].isdisjoint(plumb[b])
                       for r in right if (c := (r[0], b[1])) in intersections
                       and not plumb[c].isdisjoint(plumb[r]) and not level[c].isdisjoint(level[b])), [])
    return cells
