"""PDF pages through pypdfium2: each page's words and ruled tables, one page open at a time.

pdfplumber interprets every page in Python (pdfminer): 13× slower than pdfium reading the same
characters, and its pages stay in memory until the file is closed. This reads only what
read/pdf.py uses — words with their boxes, grouped as pdfplumber's extract_words groups
characters, and the ruling lines — and closes each page before the next. The ruling lines go
through pdfplumber's table finder, written again on tuples (read/rulings.py), so cells are found as before.
"""
from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from lichsync.parse.text import normalize
from lichsync.read import rulings

X_TOLERANCE = 1.5  # a wider gap between two characters starts a new word (tight, for narrow columns)
Y_TOLERANCE = 2.0  # so does a baseline this much higher or lower
TOKEN_RE = re.compile(r"[^\s\x00-\x20]+")  # between spaces and the line breaks pdfium puts in
STRAIGHT = 0.01  # a segment this close to level or plumb is a ruling line


@dataclass(slots=True, eq=False)
class Word:  # eq=False: hashed by identity, for the sets of words a cell already holds
    text: str
    x0: float
    x1: float
    top: float  # pdfplumber's coordinates: top down from the page top
    bottom: float


@dataclass
class Page:
    words: list[Word]
    tables: list[rulings.Rows]  # the page's ruled tables, top down: rows of cell boxes
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
            plumb, level, images = _edges(page.raw, height)
            yield Page(words, rulings.tables(plumb, level + _cut_top(plumb, level)), images)
        finally:
            page.close()


GLUE = "\u200b"  # stands for a line break pdfium made up between two glyphs of one word
BREAK_RE = re.compile(r"\r\n(?<=\S\r\n)(?=\S)")  # a line break between two glyphs, with no space on either side
# (the break first: a pattern opening with a look-behind is tried at every character, 7x slower)


def _untyped(function, restype: type = ctypes.c_int):
    """A pdfium function that ctypes calls without converting each argument to its declared type:
    twice as fast a call, which counts where a page makes one per character. The arguments must
    then be ctypes values already (a pointer, byref) or ints."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address  # a function pypdfium2 bound
    return ctypes.CFUNCTYPE(restype)(address)


GET_BOX = _untyped(raw.FPDFText_GetLooseCharBox)
GET_ORIGIN = _untyped(raw.FPDFText_GetCharOrigin)
GET_SIZE = _untyped(raw.FPDFText_GetFontSize, ctypes.c_double)
IS_GENERATED = _untyped(raw.FPDFText_IsGenerated)
GET_OBJECT = _untyped(raw.FPDFPage_GetObject, raw.FPDFPage_GetObject.restype)  # one call per object a page draws
OBJECT_TYPE = _untyped(raw.FPDFPageObj_GetType)
GET_MATRIX = _untyped(raw.FPDFPageObj_GetMatrix)
COUNT_SEGMENTS = _untyped(raw.FPDFPath_CountSegments)
GET_SEGMENT = _untyped(raw.FPDFPath_GetPathSegment, raw.FPDFPath_GetPathSegment.restype)
GET_POINT = _untyped(raw.FPDFPathSegment_GetPoint)
SEGMENT_TYPE = _untyped(raw.FPDFPathSegment_GetType)
SEGMENT_CLOSES = _untyped(raw.FPDFPathSegment_GetClose)


def _join_glyph_runs(tp, text: str) -> str:
    """Some writers place every glyph with its own text matrix (Chromium's letter-spaced text), and
    pdfium then puts a made-up line break after each: where the glyphs on both sides share a
    baseline and touch, the break is no break."""
    chars: list[str] | None = None  # a copy, made once a break is glued
    box = raw.FS_RECTF()
    ref = ctypes.byref(box)
    for found in BREAK_RE.finditer(text):
        i = found.start()
        if IS_GENERATED(tp, i) == 1:
            GET_BOX(tp, i - 1, ref)
            right, low, high = box.right, box.bottom, box.top
            GET_BOX(tp, i + 2, ref)
            if abs(box.left - right) < 1.0 and box.bottom < high and box.top > low:
                chars = chars or list(text)
                chars[i] = chars[i + 1] = GLUE
    return "".join(chars) if chars else text


def _words(textpage: pdfium.PdfTextPage, height: float) -> list[Word]:
    """Characters into words in content order: a space, a gap wider than X_TOLERANCE or a
    character on another line (their boxes do not overlap in height) ends one. A word is placed
    as pdfminer places text: from its baseline up by the font size (a glyph's own box would make
    "Ỉ" taller than "I", and "p" lower than "o")."""
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = textpage.get_text_range()  # one call
    if len(text) != count:  # a character beyond 16 bits took two places
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
    text = text.replace("\ufffe", "-").replace("\x02", "-")  # how pdfium marks a hyphen ending a line
    text = _join_glyph_runs(tp, text)
    spans = _spans(tp, text)
    if not spans:
        return []  # a scanned page: no text to place
    texts = normalize("\n".join(text[start:end] for start, end, _, _ in spans)).split("\n")  # one call a page
    if GLUE in text:
        texts = [t.replace(GLUE, "") for t in texts]
    y = ctypes.c_double()
    x_ref, y_ref = ctypes.byref(ctypes.c_double()), ctypes.byref(y)
    get_origin, get_size, words = GET_ORIGIN, GET_SIZE, []
    for (start, _, x0, x1), word in zip(spans, texts, strict=True):
        get_origin(tp, start, x_ref, y_ref)
        bottom = height - y.value
        words.append(Word(word, x0, x1, bottom - get_size(tp, start), bottom))
    return words


def _spans(tp, text: str) -> list[tuple[int, int, float, float]]:
    """(start, end, left, right) of each word, from one box per character. The box is read through
    a memoryview of floats: unpacking it costs less than four ctypes field reads, once per character."""
    glued = GLUE if GLUE in text else None  # most pages have no glued breaks to step over
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    floats = memoryview(box).cast("B").cast("f")
    ref, get_box, gap = ctypes.byref(box), GET_BOX, X_TOLERANCE  # locals: looked up once per character
    spans = []
    for token in TOKEN_RE.finditer(text):
        start, end = token.span()
        get_box(tp, start, ref)
        x0, high, x1, low = floats
        for i in range(start + 1, end) if glued is None else (i for i in range(start + 1, end) if text[i] != GLUE):
            get_box(tp, i, ref)
            left, top, right, bottom = floats
            if left > x1 + gap or left < x0 - gap or bottom >= high or top <= low:
                spans.append((start, i, x0, x1))
                start, x0, low, high = i, left, bottom, top
            x1 = right
        spans.append((start, end, x0, x1))
    return spans


def _cut_top(plumb: list[rulings.Box], level: list[rulings.Box]) -> list[rulings.Box]:
    """The top ruling a page cut off: a browser continues a row on the next page with its cells' sides
    but no top border. Where the page's highest plumb lines start together and no level line runs
    there, one is drawn across them, so the row is a table as on the page before."""
    long = [e for e in plumb if e[3] - e[1] >= rulings.MIN_LENGTH]
    if len(long) < 2:
        return []
    top = min(e[1] for e in long)
    sides = [e[0] for e in long if e[1] - top <= rulings.SNAP]
    if len(sides) < 2 or any(abs(e[1] - top) <= rulings.SNAP and e[2] - e[0] >= rulings.MIN_LENGTH for e in level):
        return []
    return [(min(sides), top, max(sides), top)]


def _edges(page, height: float) -> tuple[list[rulings.Box], list[rulings.Box], bool]:
    """The page's plumb and level line segments, and whether it holds an image; form XObjects are
    opened with their matrix."""
    plumb: list[rulings.Box] = []
    level: list[rulings.Box] = []
    images = False
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = [(GET_OBJECT(page, k), identity) for k in range(raw.FPDFPage_CountObjects(page))]
    m = raw.FS_MATRIX()
    m_ref = ctypes.byref(m)
    drawn = (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM)
    while stack:
        obj, outer = stack.pop()
        kind = OBJECT_TYPE(obj)
        images |= kind == raw.FPDF_PAGEOBJ_IMAGE
        if kind not in drawn:
            continue
        GET_MATRIX(obj, m_ref)
        matrix = _times((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack += [(raw.FPDFFormObj_GetObject(obj, k), matrix) for k in range(raw.FPDFFormObj_CountObjects(obj))]
        else:
            for a, b in _path_segments(obj, matrix):
                _add_edge(a, b, height, plumb, level)
    return plumb, level, images


def _times(m: tuple, n: tuple) -> tuple:
    """The PDF matrix m then n (a b c d e f, row vectors)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _path_segments(obj, matrix: tuple) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Each straight segment of a path (a line, a rectangle's four sides), in page space."""
    a, b, c, d, e, f = matrix
    out = []
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    first = last = None
    for k in range(COUNT_SEGMENTS(obj)):
        segment = GET_SEGMENT(obj, k)
        GET_POINT(segment, x_ref, y_ref)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = SEGMENT_TYPE(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            first = point
        elif kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            out.append((last, point))
        if SEGMENT_CLOSES(segment) and first is not None:
            out.append((point, first))
        last = point
    return out


def _add_edge(a: tuple[float, float], b: tuple[float, float], height: float,
              plumb: list[rulings.Box], level: list[rulings.Box]) -> None:
    """A segment that runs plumb or level, top down from the page top, to its list."""
    x0, x1 = sorted((a[0], b[0]))
    top, bottom = sorted((height - a[1], height - b[1]))
    if x1 - x0 <= STRAIGHT:
        plumb.append((x0, top, x1, bottom))
    elif bottom - top <= STRAIGHT:
        level.append((x0, top, x1, bottom))
