"""What a file is, from its first bytes: a file's name may lie (a .pdf saved as .doc, a page as .xls)."""
from __future__ import annotations

PDF, DOCX, DOC, IMAGE, TEXT = "pdf", "docx", "doc", "image", "text"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (Word 97-2003 .doc)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF: photos and scans


def detect(data: bytes) -> str:
    """PDF, DOCX (a zip), legacy DOC (OLE), IMAGE (a photo or scan), or TEXT: plain text or a saved page, which the text
    path tells apart itself."""
    head = data[:1024]
    if b"%PDF-" in head:  # some writers put a few bytes of junk before the signature
        return PDF
    if head.startswith(IMAGE_MAGIC):
        return IMAGE
    if head.startswith(OLE_MAGIC):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        return DOCX  # a zip: the Word reader says so when it is another kind (.xlsx, .odt)
    return TEXT
