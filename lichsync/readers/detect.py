"""What a file is, from its first bytes: a file's name may lie (a .pdf saved as .doc, a page as .xls)."""
from __future__ import annotations

PDF, DOCX, DOC, HTML, TEXT = "pdf", "docx", "doc", "html", "text"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (Word 97-2003 .doc)


def detect(data: bytes) -> str:
    """PDF, DOCX (a zip), legacy DOC (OLE), HTML or plain text."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head:
        return PDF
    if head.startswith(OLE_MAGIC):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        return DOCX  # a zip: the Word reader says so when it is another kind (.xlsx, .odt)
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sniff.startswith((b"<!doctype html", b"<html")) or (sniff.startswith(b"<") and b"<table" in data[:200_000].lower()):
        return HTML
    return TEXT
