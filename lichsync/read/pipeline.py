"""The imperative shell around parsing: read a file, normalise its text once, parse it."""
from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lichsync.errors import InputError, NoTextLayer
from lichsync.parse import program
from lichsync.parse.document import Document
from lichsync.parse.model import Program
from lichsync.parse.text import normalize
from lichsync.read import detect, html, pipes, tabtext

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32's BOMs begin like UTF-16's
CLEAR_GUESS = 0.05  # charset-normalizer's "chaos": 0 is clean text; its own cut-off for a match is 0.2
RESAVE = "save it as UTF-8 (Notepad: File › Save as › Encoding: UTF-8)"


def decode(data: bytes, source: str) -> str:
    """Text of a document file: a BOM or UTF-8 decide, else charset-normalizer when it tells the
    encoding apart without doubt (Windows-1258, TCVN pages saved by old Windows); binary or empty
    input is an InputError."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(source, f"the text starts as {encoding.upper()} but is damaged; {RESAVE}") from None
    if b"\x00" in data[:4096]:
        raise InputError(source, "this is a binary file, not a program's text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    guess = from_bytes(data[:1_000_000]).best()
    if guess is None or guess.chaos > CLEAR_GUESS:
        raise InputError(source, f"the text is not UTF-8 and its encoding cannot be told for sure; {RESAVE}")
    return data.decode(guess.encoding, errors="replace")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a file may cost to read; LICHSYNC_MAX_FILE_MB / LICHSYNC_MAX_PAGES override them."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200

    @classmethod
    def from_env(cls) -> Limits:
        try:
            mb = float(os.environ.get("LICHSYNC_MAX_FILE_MB", cls.max_bytes / 2**20))
            pages = int(os.environ.get("LICHSYNC_MAX_PAGES", cls.max_pages))
        except ValueError:
            return cls()
        return cls(int(mb * 2**20), pages)


def parse_file(path: Path, month: int | None = None, year: int | None = None, limits: Limits | None = None) -> Program:
    """A program from a file of any format lichsync reads, told apart by its content, not its name."""
    limits = limits or Limits.from_env()
    return parse_data(read_bounded(Path(path), limits.max_bytes), str(path), month, year, limits)


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, read no further than the limit: /dev/zero, a pipe or a growing file
    report no size (st_size 0), so the read itself is what is bounded."""
    source = str(path)
    too_big = f"over the limit of {_size(max_bytes)} (LICHSYNC_MAX_FILE_MB)"
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"the file is {_size(size)}, {too_big}")
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, exc.strerror or "cannot be read") from None
    if len(data) > max_bytes:
        raise InputError(source, f"the file is {too_big}")
    return data


def parse_data(data: bytes, source: str, month: int | None = None, year: int | None = None,
               limits: Limits | None = None) -> Program:
    """A program from a document's bytes (a file's, a download's), its format told by its content."""
    return program.read_program(extract(data, source, limits or Limits.from_env()), source, month, year)


def extract(data: bytes, source: str, limits: Limits) -> Document:
    """The document model of a file: what its reader extracts, nothing decided yet."""
    kind = detect.detect(data)
    if kind == detect.DOC:
        data, kind = _doc_to_docx(data, source), detect.DOCX
    if kind == detect.IMAGE:
        return _read_scan(kind, data, source, limits)
    if kind == detect.PDF:
        from lichsync.read import pdf  # the PDF stack loads only for PDFs

        scanned: dict = {}
        try:
            document = pdf.read(data, source, limits.max_pages, lambda pages: _ocr().scan_pages(data, source, pages, scanned))
        except NoTextLayer:
            return _read_scan(kind, data, source, limits)
        return _ocr().repaired(document, scanned) if scanned else document
    if kind == detect.DOCX:
        from lichsync.read import docx

        return docx.read(data, source)
    return text_document(decode(data, source))


def _ocr():
    """The OCR reader, loaded (with OpenCV and Tesseract) only for scans."""
    from lichsync.read import ocr

    return ocr


def _read_scan(kind: str, data: bytes, source: str, limits: Limits) -> Document:
    """A scan or photo through OCR: its table's cells and the text around it, each line knowing its page."""
    from lichsync.read import ocr

    pages = ocr.read_pdf(data, source, limits.max_pages) if kind == detect.PDF else ocr.read_photo(data, source)
    document = ocr.assemble(pages, source)
    if not document.grids and not document.text.strip():
        raise InputError(source, "no text layer, and OCR found no text in the scan")
    return document


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 / 10 else f"{n / 1024:.0f} KB"


def _doc_to_docx(data: bytes, source: str) -> bytes:
    """Legacy Word (.doc) through LibreOffice, the one converter that reads it faithfully."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise InputError(source, "a legacy Word (.doc) file: install LibreOffice, or save it as .docx or .pdf "
                                 "(soffice --headless --convert-to docx FILE)")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            doc = Path(tmp) / "document.doc"
            doc.write_bytes(data)
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            "docx", "--outdir", tmp, str(doc)], check=True, capture_output=True, timeout=120)
            return next(Path(tmp).glob("*.docx")).read_bytes()
        except (subprocess.SubprocessError, StopIteration, OSError):
            raise InputError(source, "LibreOffice could not convert this .doc file") from None


def parse_text(text: str, source: str, month: int | None = None, year: int | None = None) -> Program:
    """A program's schedule from its text (Word table text, HTML, a PDF text layer, a pasted week)."""
    return program.read_program(text_document(text), source, month, year)


def text_document(text: str) -> Document:
    """A text's document: a saved web page's, or its lines with the tab and pipe tables among them.
    Tab rows may carry HTML cells (portal exports): those are text, not a web page."""
    text = normalize(text)
    lines = text.split("\n")
    numbered = [(no, line.rstrip(" ")) for no, line in enumerate(lines, 1)]
    tables = tabtext.grids(numbered)
    if html.looks_like_html(text) and not tables:
        return html.read(text)
    return Document(lines, tables + pipes.grids(numbered), layout="text")
