"""Scanned programs through OCR: image-only PDF pages and photos (.png, .jpg, .tiff).

pypdfium2 renders a page (Pillow opens a photo); OpenCV finds the ruling lines of a table by
morphology on the binarised page and cuts its cells; Tesseract (tesserocr, Debian's
tesseract-ocr-vie) reads each cell as one block. The cells' lines go to the PDF reader's own
paragraph and page logic (read.pdf), so a scanned table becomes the same grid of rows as a
text PDF's. A page without a table is read as positioned lines in reading order, for the text path.

Only image handling lives here: no reading rule of a schedule does.
"""
from __future__ import annotations

import functools
import glob
import importlib.resources
import io
import itertools
import os
import re
import sys
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np

from lichsync.errors import InputError
from lichsync.parse.document import Document, Grid
from lichsync.parse.ocr_repair import apply_phrases, apply_words, name_words, phrase_words, repair_text, snap_units
from lichsync.parse.text import normalize
from lichsync.parse.vocab import SURNAMES
from lichsync.read.pdf import PAGE_SPAN, Line, Rows, _number, _Reader

RENDER_DPI = 300  # ruling lines and cells are found at the resolution OCR usually wants ...
OCR_DPI = 200  # ... but this scan's 200 dpi Times reads with fewer lost marks at 200 than at 300 (14 vs 25 errors)
MIN_CELL_PT = 5  # a region between rulings smaller than this (points) is a ruling's own gap, not a cell
INSTALL = ("OCR needs Tesseract with Vietnamese: apt-get install tesseract-ocr tesseract-ocr-vie "
           "(brew install tesseract-lang) and pip install 'lichsync[ocr]'")
TESSDATA_GLOBS = ["/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata",
                  "/opt/homebrew/share/tessdata", "/usr/local/share/tesseract-ocr/*/tessdata"]


@dataclass
class Page:
    """One scanned page: its table rows in read.pdf's form (cells of (lines, right edge), None
    under a vertical merge), or None; and its lines outside the table, in reading order."""

    rows: list[list[tuple[list[Line], float] | None]] | None
    outside: list[Line] = field(default_factory=list)


def tessdata() -> str | None:
    """Where Tesseract's Vietnamese model lies: TESSDATA_PREFIX, else the usual system folders."""
    candidates = [os.environ.get("TESSDATA_PREFIX", "")] + [d for g in TESSDATA_GLOBS for d in sorted(glob.glob(g))]
    return next((d for d in candidates if d and os.path.exists(os.path.join(d, "vie.traineddata"))), None)


class Engine:
    """One Tesseract instance (the model loads once) reading image blocks into lines of words."""

    def __init__(self, source: str):
        try:
            import tesserocr
        except ImportError:
            raise InputError(source, INSTALL) from None
        path = tessdata()
        if path is None:
            raise InputError(source, INSTALL)
        self.tesserocr = tesserocr
        self.api = tesserocr.PyTessBaseAPI(path=path + "/", lang="vie", psm=tesserocr.PSM.SINGLE_BLOCK)
        self.api.SetVariable("lstm_choice_mode", "2")  # each symbol's alternatives, for restore_marks

    def close(self) -> None:
        self.api.End()

    def lines(self, gray: np.ndarray, psm: int | None = None) -> list[tuple[str, tuple[int, int, int, int], int]]:
        """(text, (x0, y0, x1, y1) in the image's pixels, first word's width) of each text line; each
        word with its marks restored where Tesseract's own second choices make a real word (restore_marks)."""
        from PIL import Image

        tr = self.tesserocr
        self.api.SetPageSegMode(psm if psm is not None else tr.PSM.SINGLE_BLOCK)
        self.api.SetImage(Image.fromarray(gray))
        self.api.Recognize()
        found: list[tuple[tuple[int, int, int, int], int, list[list[tuple[str, list[tuple[str, float]]]]]]] = []
        it = self.api.GetIterator()
        while not it.Empty(tr.RIL.SYMBOL):
            if it.IsAtBeginningOf(tr.RIL.TEXTLINE) or not found:
                word = it.BoundingBox(tr.RIL.WORD)
                found.append((it.BoundingBox(tr.RIL.TEXTLINE), (word[2] - word[0]) if word else 0, []))
            if it.IsAtBeginningOf(tr.RIL.WORD) or not found[-1][2]:
                found[-1][2].append([])
            symbol = it.GetUTF8Text(tr.RIL.SYMBOL) or ""
            choices = [(c.GetUTF8Text(), c.Confidence()) for c in it.GetChoiceIterator()]
            found[-1][2][-1].append((symbol, choices))
            if not it.Next(tr.RIL.SYMBOL):
                break
        # A block is one cell: a word pair can wrap across its lines ("Phòng họp trực" / "tuyên").
        flat = [word for _, _, words in found for word in words]
        restored = iter(restore_compounds([restore_marks(word) for word in flat], flat))
        out = []
        for box, first, words in found:
            text = " ".join(w for w in (next(restored) for _ in words) if w.strip())
            if text and box:
                out.append((repair_text(text), box, first))
        return out


MARKED = "âêôăÂÊÔĂ"  # vowels whose tone mark stacks beside another mark: the one OCR drops most
TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"
EVIDENCE = 20.0  # an alternative Tesseract gives at least this confidence counts as seen on the page
LISTED = 10.0  # ... and one listed at least this high may make a known two-syllable word of a pair that is none


def _bare(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def _toneless(ch: str) -> str:
    """A letter without its tone mark, keeping its hat or horn: ầ → â."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in TONE_MARKS))


def _tones(ch: str) -> list[str]:
    """A stacked vowel with each tone mark: ê → ế, ề, ể, ễ, ệ."""
    return [unicodedata.normalize("NFC", ch + mark) for mark in TONE_MARKS]


STOP_TONES = {"\u0301", "\u0323"}  # a syllable ending in p, t, c or ch takes the sắc or nặng tone, no other


def _toneless_stop(word: str) -> bool:
    """No Vietnamese syllable: one closed by p, t, c or ch without sắc or nặng ("Hop" is "Họp" or "Hợp"),
    though wordfreq knows it from English."""
    low = unicodedata.normalize("NFD", word.lower())
    return low.endswith(("p", "t", "c", "ch")) and not STOP_TONES & set(low) and any(v in low for v in "aeiouy")


def restore_marks(word: list[tuple[str, list[tuple[str, float]]]]) -> str:
    """A word as Tesseract read it, or, where that is no Vietnamese word or a rarer one, the word its
    second choices for a letter's marks make ("triên" → "triển", "kiêm" → "kiểm" when "ể" was a close
    second; a word read as a real word changes only at a stacked vowel). A lost stacked mark with no second choice is restored only where the word read is no word
    at all ("tôt" → "tốt"). Word frequencies from wordfreq, not a hand-kept list."""
    from wordfreq import zipf_frequency

    read = "".join(s for s, _ in word)
    if not read.isalpha() or len(word) > 12:
        return read
    known = 0.0 if _toneless_stop(read) else zipf_frequency(read.lower(), "vi")
    options = []
    for symbol, choices in word:
        if known >= 3 and symbol not in MARKED:  # a real word: only a lost stacked mark is in doubt
            options.append([(symbol, True)])
            continue
        seen = [c for c, conf in choices if conf >= EVIDENCE and c != symbol and _bare(c).lower() == _bare(symbol).lower()]
        guessed = [t for t in (_tones(symbol) if symbol in MARKED else []) if t not in seen]
        options.append([(symbol, True)] + [(c, True) for c in seen] + [(c, False) for c in guessed])
    if sum(len(o) > 1 for o in options) > 3:
        return read
    best, best_freq = read, known
    for combo in itertools.product(*options):
        text = "".join(c for c, _ in combo)
        if text == read:
            continue
        freq = zipf_frequency(text.lower(), "vi")
        seen_only = all(ok for _, ok in combo)
        if (freq > known + 0.3 if seen_only else known == 0 and freq >= 3) and freq > best_freq:
            best, best_freq = text, freq
    return best


OLD_TONES = dict(zip(["oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ"], ["òa", "óa", "ỏa", "õa", "ọa", "òe", "óe", "ỏe", "õe", "ọe", "ùy", "úy", "ủy", "ũy", "ụy"], strict=False))
OLD_TONE_RE = re.compile(r"(?<!q)(" + "|".join(OLD_TONES) + r")(?!\w)")


@functools.cache
def compounds() -> frozenset[str]:
    """Two-syllable words of Vietnamese ("trực tuyến", "tài nguyên"), from pyvi's word list, tones
    placed the new way ("uỷ quyền" → "ủy quyền") as OCR reads them."""
    text = importlib.resources.files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    return frozenset(_new_tones(w.lower()) for w in text.splitlines() if w.count(" ") == 1)


def _new_tones(text: str) -> str:
    return OLD_TONE_RE.sub(lambda m: OLD_TONES[m.group(1)], text)


def _spellings(read: str, word: list[tuple[str, list[tuple[str, float]]]], least: float) -> set[str]:
    """A word as read and as its letters' alternatives (other marks, same letter) of at least `least` spell it."""
    if len(read) != len(word) or not read.isalpha():
        return {read}
    options = [{ch} | {c for c, conf in choices if conf >= least and len(c) == 1 and c != ch
                       and _bare(c).lower() == _bare(ch).lower() and c.isupper() == ch.isupper()}
               if least >= EVIDENCE or _toneless(ch) in MARKED else {ch}  # barely seen: only a stacked vowel's tone
               for ch, (_, choices) in zip(read, word, strict=False)]
    if sum(len(o) > 1 for o in options) > 3:
        return {read}
    return {"".join(p) for p in itertools.product(*options)}


def restore_compounds(read: list[str], words: list[list[tuple[str, list[tuple[str, float]]]]]) -> list[str]:
    """Words of a line, where two neighbours that make no word together make one with an alternative
    Tesseract saw for a letter's marks ("trực tuyên" → "trực tuyến" when "ế" was a close choice), else
    with one it only listed for a stacked vowel's tone ("Hạt Kiểm lầm" → "Kiểm lâm"). A word that makes a word with its other
    neighbour stays as read ("phòng họp số" is not "hộp số"), and so does a family name ("Nguyễn Văn"
    is no "nguyên văn")."""
    known = compounds()
    out = list(read)

    def pair(k: int) -> bool:
        return 0 <= k < len(out) - 1 and _new_tones(f"{out[k]} {out[k + 1]}".lower()) in known

    for k in range(len(out) - 1):
        if pair(k) or not (out[k].isalpha() and out[k + 1].isalpha()):
            continue
        for least in (EVIDENCE, LISTED):
            left = {out[k]} if pair(k - 1) or _surname(out[k], least) else _spellings(out[k], words[k], least)
            right = {out[k + 1]} if pair(k + 1) or _surname(out[k + 1], least) else _spellings(out[k + 1], words[k + 1], least)
            found = [(a, b) for a in left for b in right if _new_tones(f"{a} {b}".lower()) in known]
            if found:
                break
        if len(found) == 1:
            out[k], out[k + 1] = found[0]
    return out


def _surname(word: str, least: float) -> bool:
    """A family name, kept as read against an alternative Tesseract barely saw."""
    return least < EVIDENCE and word in SURNAMES


def render_pdf(data: bytes, pages: list[int]) -> dict[int, np.ndarray]:
    """Grey images of the given pages of a PDF, at RENDER_DPI."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(data)
    try:
        return {k: np.asarray(doc[k].render(scale=RENDER_DPI / 72, grayscale=True).to_pil().convert("L")) for k in pages}
    finally:
        doc.close()


def load_image(data: bytes, source: str) -> tuple[list[np.ndarray], float]:
    """Frames of a photo or TIFF as grey images, with their resolution (300 dpi when unstated)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        dpi = float((image.info.get("dpi") or (RENDER_DPI,))[0]) or RENDER_DPI
        frames = []
        for n in range(getattr(image, "n_frames", 1)):
            image.seek(n)
            frames.append(np.asarray(ImageOps.exif_transpose(image).convert("L")))
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InputError(source, f"not a readable image ({type(exc).__name__})") from None
    return frames, dpi


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0, by a local threshold: scans darken unevenly towards the fold and edges."""
    import cv2

    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


def rulings(ink: np.ndarray) -> np.ndarray:
    """The page's ruling lines: ink that runs straight for a long way, across or down."""
    import cv2

    h, w = ink.shape
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, w // 30), 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(8, h // 40))))
    grid = np.bitwise_or(across, down)
    ys, xs = np.nonzero(across)
    if len(xs):  # close the frame: a scan often loses the table's outer border at the page's edge
        cv2.rectangle(grid, (int(xs.min()), int(ys.min())), (int(xs.max()), int(ys.max())), 255, 2)
    return cv2.dilate(grid, np.ones((3, 3), np.uint8))


def skew_degrees(ink: np.ndarray) -> float:
    """The page's tilt, from its long horizontal rulings (0 where it has none: Tesseract levels
    text lines itself, a table's cells need it done first)."""
    import cv2

    h, w = ink.shape
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, w // 40), 1)))
    across = cv2.dilate(across, cv2.getStructuringElement(cv2.MORPH_RECT, (w // 40, 3)))  # rejoin a tilted line's steps
    n, labels, stats, _ = cv2.connectedComponentsWithStats(across, connectivity=8)
    angles = []
    for k in range(1, n):
        if stats[k][2] > w / 4:
            ys, xs = np.nonzero(labels[stats[k][1] : stats[k][1] + stats[k][3], stats[k][0] : stats[k][0] + stats[k][2]] == k)
            slope = np.polyfit(xs, ys, 1)[0]
            angles.append(np.degrees(np.arctan(slope)))
    return float(np.median(angles)) if angles else 0.0


def deskew(gray: np.ndarray) -> np.ndarray:
    """The page turned level: cells cut as rectangles then hold whole lines of text."""
    import cv2

    angle = skew_degrees(binarise(gray))
    if abs(angle) < 0.05:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def _edges(values: list[int], tolerance: int) -> list[int]:
    """Cell edges into the table's column (or row) boundaries: edges closer than a ruling's width are one."""
    out: list[int] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _index(edges: list[int], v: int) -> int:
    return min(range(len(edges)), key=lambda k: abs(edges[k] - v))


def cells(grid: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) enclosed by the rulings: the table's cells."""
    import cv2

    h, w = grid.shape
    n, _, stats, _ = cv2.connectedComponentsWithStats(255 - grid, connectivity=4)
    least = MIN_CELL_PT * dpi / 72
    out = []
    for x, y, cw, ch, area in stats[1:]:
        touches = x == 0 or y == 0 or x + cw >= w or y + ch >= h
        if not touches and cw > least and ch > least and area > 0.8 * cw * ch:  # rectangles, not the page around
            out.append((int(x), int(y), int(x + cw), int(y + ch)))
    return out


def table_layout(boxes: list[tuple[int, int, int, int]], dpi: float):
    """Cells into grid positions: (row, col, rows spanned, cols spanned, box) for each cell."""
    tol = int(4 * dpi / 72)
    xs = _edges([b[0] for b in boxes] + [b[2] for b in boxes], tol)
    ys = _edges([b[1] for b in boxes] + [b[3] for b in boxes], tol)
    out = []
    for b in boxes:
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        out.append((r0, c0, max(1, r1 - r0), max(1, c1 - c0), b))
    return out


def _has_ink(gray: np.ndarray, dpi: float) -> bool:
    """Whether a cell holds writing, not only specks and the ends of rulings."""
    import cv2

    ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1] if gray.min() < 128 else None
    if ink is None:
        return False
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    tall = dpi / 72 * 4  # a letter stands at least 4 points high
    return any(s[3] >= tall and s[2] < 10 * s[3] for s in stats[1:])


def _ocr_block(engine: Engine, gray: np.ndarray, dpi: float, psm: int | None = None) -> tuple[list, float]:
    """OCR one block at OCR_DPI, with the white margin Tesseract expects around text."""
    import cv2

    scale = min(1.0, OCR_DPI / dpi)
    if scale < 1:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
    pad = 10
    padded = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    found = engine.lines(padded, psm)
    return [(t, (b[0] - pad, b[1] - pad, b[2] - pad, b[3] - pad), f) for t, b, f in found], scale


def flatten(gray: np.ndarray) -> np.ndarray:
    """A photographed page as a scan: cut from the desk around it and squared (its outline's four corners
    to a rectangle), its light evened out (the page divided by its own blurred background)."""
    import cv2

    small = cv2.GaussianBlur(gray, (0, 0), 3)
    mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    h, w = gray.shape
    outline = max(contours, key=cv2.contourArea) if contours else None
    if outline is not None and 0.3 * h * w < cv2.contourArea(outline) < 0.95 * h * w:
        quad = cv2.approxPolyDP(outline, 0.02 * cv2.arcLength(outline, True), True)
        if len(quad) == 4:
            gray = _squared(gray, quad.reshape(4, 2).astype(np.float32))
    background = cv2.medianBlur(cv2.dilate(gray, np.ones((7, 7), np.uint8)), 51)
    return cv2.divide(gray, background, scale=255)


def _squared(gray: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The quadrilateral of a page seen at a slant as an upright rectangle of its own size."""
    import cv2

    s, d = quad.sum(axis=1), np.diff(quad, axis=1).ravel()
    corners = np.array([quad[s.argmin()], quad[d.argmin()], quad[s.argmax()], quad[d.argmax()]], np.float32)  # tl tr br bl
    width = int(max(np.linalg.norm(corners[0] - corners[1]), np.linalg.norm(corners[3] - corners[2])))
    height = int(max(np.linalg.norm(corners[0] - corners[3]), np.linalg.norm(corners[1] - corners[2])))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    return cv2.warpPerspective(gray, cv2.getPerspectiveTransform(corners, target), (width, height),
                               flags=cv2.INTER_CUBIC, borderValue=255)


def read_page(engine: Engine, gray: np.ndarray, dpi: float, page: int) -> Page:
    """One page: its table's cells read one by one, the rest of the page as lines."""
    gray = deskew(gray)
    grid = rulings(binarise(gray))
    boxes = cells(grid, dpi)
    clean = gray.copy()
    clean[grid > 0] = 255
    if len(boxes) < 4:
        found, scale = _ocr_block(engine, clean, dpi, engine.tesserocr.PSM.AUTO)
        return Page(None, _in_points(found, 0, 0, scale, dpi))
    layout = table_layout(boxes, dpi)
    n_rows = max(r + rs for r, _, rs, _, _ in layout)
    n_cols = max(c + cs for _, c, _, cs, _ in layout)
    rows: list[list] = [[([], 0.0) for _ in range(n_cols)] for _ in range(n_rows)]
    inset = int(dpi / 72 * 1)
    for r, c, rs, _, (x0, y0, x1, y1) in layout:
        crop = clean[y0 + inset : y1 - inset, x0 + inset : x1 - inset]
        lines = []
        if crop.size and _has_ink(crop, dpi):
            found, scale = _ocr_block(engine, crop, dpi)
            lines = _in_points(found, x0 + inset, y0 + inset, scale, dpi)
        rows[r][c] = (lines, x1 * 72 / dpi)
        for k in range(1, rs):
            rows[r + k][c] = None  # under a vertical merge
    # A column's right edge is where its longest line ends, as for a text layer: the cell's ruling
    # leaves a margin a wrapped line's next word would seem to fit in.
    ends: dict[int, float] = {}
    for r, c, *_ in layout:
        ends[c] = max([ends.get(c, 0.0)] + [ln.x1 for ln in rows[r][c][0]])
    for r, c, *_ in layout:
        lines, right = rows[r][c]
        rows[r][c] = (lines, min(right, ends[c] + 1) if ends[c] else right)
    top = min(b[1] for b in boxes)
    bottom = max(b[3] for b in boxes)
    outside = []
    for y0, y1 in ((0, top), (bottom, gray.shape[0])):
        if y1 - y0 > dpi / 4:
            band = clean[y0:y1]
            if _has_ink(band, dpi):
                found, scale = _ocr_block(engine, band, dpi, engine.tesserocr.PSM.AUTO)
                outside += _in_points(found, 0, y0, scale, dpi)
    return Page(rows, outside)


def _in_points(found, x: int, y: int, scale: float, dpi: float) -> list[Line]:
    """OCR lines at pixel boxes (of a block cut at (x, y) and scaled by `scale`) as read.pdf Lines in points."""
    k = 72 / dpi
    out = []
    for text, (x0, y0, x1, y1), first in found:
        top, bottom = (y0 / scale + y) * k, (y1 / scale + y) * k
        out.append(Line(text, (x0 / scale + x) * k, (x1 / scale + x) * k, top, bottom, first / scale * k,
                        0.3 * (bottom - top)))
    return out


@contextmanager
def progress(total: int, source: str):
    """Per-page progress on stderr when it is a terminal (OCR takes seconds a page); silent otherwise."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("OCR"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn(source),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("pages", total=total)
        yield lambda: bar.advance(task)


def read_images(images: dict[int, np.ndarray], dpi: float, source: str) -> dict[int, Page]:
    """Each page image read through OCR, keyed by its page number."""
    engine = Engine(source)
    try:
        out = {}
        with progress(len(images), source) as step:
            for k, gray in images.items():
                out[k] = read_page(engine, gray, dpi, k)
                step()
        return out
    finally:
        engine.close()


def read_pdf(data: bytes, source: str, max_pages: int) -> dict[int, Page]:
    """Every page of a scanned PDF through OCR."""
    import pypdfium2

    Engine(source).close()  # say what to install before rendering anything
    count = len(pypdfium2.PdfDocument(data))
    if count > max_pages:
        raise InputError(source, f"the PDF has {count} pages, over the limit of {max_pages} (LICHSYNC_MAX_PAGES)")
    return read_images(render_pdf(data, list(range(count))), RENDER_DPI, source)


def read_photo(data: bytes, source: str) -> dict[int, Page]:
    """A photo or a multi-page TIFF through OCR."""
    frames, dpi = load_image(data, source)
    return read_images({k: flatten(frame) for k, frame in enumerate(frames)}, dpi, source)


def page_of(pos: int | None) -> int | None:
    """The 1-based page a position on the grid lies on."""
    return None if pos is None else pos // PAGE_SPAN + 1


def assemble(pages: dict[int, Page], source: str) -> Document:
    """The document of scanned pages through read.pdf's reader, which joins rows and paragraphs
    across pages as it does for a text layer."""
    reader = _Reader()
    for k, page in sorted(pages.items()):
        reader.outside += [ln.text for ln in page.outside]
        reader.add_rows(k, page.rows or [])
    _number(reader.grid, len(reader.outside))
    document = Document(reader.outside, [Grid(reader.grid, kind="scanned table (OCR)")] if reader.grid else [],
                        layout="scan (OCR)")
    return repaired(document, pages)


def repaired(document: Document, pages: dict[int, Page]) -> Document:
    """A document whose given pages were read through OCR: their words put right from the spellings the whole
    document writes, each of their lines knowing its page (the warning that marks an event read by OCR)."""
    ocr_lines = iter((ln.text, k + 1) for k, page in sorted(pages.items()) for ln in page.outside)
    scanned, want = {}, next(ocr_lines, None)
    for no, text in enumerate(document.lines, 1):  # in order: the reader appends pages' lines as they come
        if want and text == want[0]:
            scanned[no], want = want[1], next(ocr_lines, None)
    pieces = [(c, k) for g in document.grids for row in g.rows for c in row.cells for k in range(len(c.pieces))]
    scanned.update({p.line: at for c, k in pieces if (p := c.pieces[k]).line is not None
                    and (at := page_of(p.pos)) is not None and at - 1 in pages})
    fixes = name_words([c.pieces[k].text for c, k in pieces])
    phrases = phrase_words([c.pieces[k].text for c, k in pieces] + document.lines)
    for c, k in pieces:
        p = c.pieces[k]
        if p.line in scanned:
            fixed = replace(p, text=snap_units(apply_phrases(apply_words(p.text, fixes), phrases)))
            c.pieces = (*c.pieces[:k], fixed, *c.pieces[k + 1:])
    lines = [normalize(snap_units(apply_phrases(t, phrases))) if no in scanned else t
             for no, t in enumerate(document.lines, 1)]
    return replace(document, lines=lines, scanned=scanned)


def scan_pages(data: bytes, source: str, pages: list[int], into: dict[int, Page]) -> dict[int, tuple[Rows, list[Line]]]:
    """Scanned pages of a PDF of text pages (read.pdf's `scan`), kept in `into`; none where Tesseract is
    missing, so the text pages still read."""
    if tessdata() is None:
        return {}
    try:
        into.update(read_images(render_pdf(data, pages), RENDER_DPI, source))
    except InputError:  # Tesseract's data without tesserocr
        return {}
    return {k: (page.rows or [], page.outside) for k, page in into.items()}
