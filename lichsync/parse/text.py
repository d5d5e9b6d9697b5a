"""Vietnamese text normalisation, applied once where text enters lichsync."""
from __future__ import annotations

import functools
import re
import unicodedata

# PDF text layers of Vietnamese fonts often map "Ư/ư" to the Latin "Ƣ/ƣ" (U+01A2/U+01A3).
_REPAIRS = str.maketrans({"Ƣ": "Ư", "ƣ": "ư", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": None})
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TO_REPAIR = re.compile("[" + "".join(map(chr, _REPAIRS)) + "]")


def normalize(text: str) -> str:
    """NFC, "Ƣ/ƣ" → "Ư/ư", no-break spaces → spaces, Unix line ends, no control characters."""
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _TO_REPAIR.search(text):  # translating through a dict costs a look-up per character: most lines need none
        text = text.translate(_REPAIRS)
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=8192)
def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and trim. Cached: a cell's text is asked for at every stage."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Accent- and case-insensitive key: "Lạc" → "lac", "Đ/c" → "d/c"."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()
