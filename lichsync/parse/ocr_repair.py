"""Repairs and warnings for what OCR reads, where a schedule makes them checkable. Pure functions.

Tesseract misreads a few things in the same ways on every scanned program: the Icelandic "Ð" for
"Đ", "Đíc" / "Đ/e" / "Đc" for "Đ/c", ". " for ", " mid-sentence, "l" for "1" after "số". Beyond
the text, a schedule can check itself: a clock time must fall in its session, and a name the
document writes intact once is the same name where OCR dropped its marks.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from lichsync.parse.model import Event, Warning
from lichsync.parse.vocab import LOWER, UNIT_NAMES, UPPER

TEXT_FIXES = [
    (re.compile("Ð"), "Đ"),  # U+00D0 looks the same as U+0110 and is no Vietnamese letter
    (re.compile(rf"\b([Đđ])\s*(?:[íìil1|/(]\s*[ceé]|[/|(]\s*[eé]|c)(?=\s*[:.]?\s+[{UPPER}])"), r"\1/c"),
    (re.compile(r"\s*[—―]+-?\s*"), " – "),  # a long dash (or "—-") between a name and a title
    (re.compile(rf"(?<=\w)\. (?=[{LOWER}])(?<!\b[A-ZĐ]\. )"), ", "),  # "tháng 5. nhiệm vụ": a comma
    (re.compile(r"\b([Ss]ố) [lI|ÌÍ](?=\s|$|[.,;])"), r"\1 1"),
    (re.compile(r"^['‘’`]+\s*(?=\S)"), ""),  # a speck before a line's first letter: no line opens with an apostrophe
    (re.compile(r"^[~≈]\s*(?=\S)"), "- "),  # a bullet's dash read as a tilde
]
SESSION_HOURS = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 24)}


def repair_text(text: str) -> str:
    """One OCR line with its recurring misreadings put right."""
    for pattern, fix in TEXT_FIXES:
        text = pattern.sub(fix, text)
    return text


def bare(text: str) -> str:
    """Text without its marks: what survives when OCR drops them."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


def repair_names(names: list[str]) -> dict[str, str]:
    """A name read without some of its marks → the same name as the document writes it intact
    most often ("Trân Đăng Anh" → "Trần Đăng Ánh"); names are compared without their marks."""
    counts = Counter(names)
    by_bare: dict[str, list[str]] = {}
    for name in counts:
        by_bare.setdefault(bare(name).lower(), []).append(name)
    fixes = {}
    for variants in by_bare.values():
        best = max(variants, key=lambda n: (counts[n], len(unicodedata.normalize("NFD", n))))
        fixes.update({n: best for n in variants if n != best})
    return fixes


NAME_RUN_RE = re.compile(rf"(?:\b[{UPPER}]\w*(?:\s+|$)){{2,}}")


def name_words(texts: list[str]) -> dict[str, str]:
    """Words of names (runs of capitalised words: "Đăk Drô", "Thị Trấn Đắk Mâm") read without a
    mark → the same word as the document writes it, with the mark, more often ("Đăk" → "Đắk")."""
    counts = Counter(w for t in texts for run in NAME_RUN_RE.finditer(t) for w in run.group().split())
    fixes = {}
    for word, n in counts.items():
        marks = len(unicodedata.normalize("NFD", word))
        better = [w for w, m in counts.items() if w != word and bare(w) == bare(word) and m > n
                  and len(unicodedata.normalize("NFD", w)) > marks]
        if better:
            fixes[word] = max(better, key=lambda w: counts[w])
    return fixes


WORD_RE = re.compile(r"[\wÀ-ỹ]+")


def phrase_words(texts: list[str]) -> dict[tuple[str, str], str]:
    """A lowercase word whose marks differ, within the same phrase, from how the document writes it
    elsewhere ("liên quan đên" beside "liên quan đến") → the document's other spelling, where that one
    is written at least as often in the shared phrase and more often in the whole document.
    Keyed by (neighbour word, word): only the occurrences in the shared phrase change, so
    "Ban Tuyên giáo" is no evidence about "trực tuyên"."""
    words = [[w.lower() if w[:1].isupper() else w for w in WORD_RE.findall(t)] for t in texts]
    counts = Counter(w for ws in words for w in ws)
    beside: Counter = Counter()
    for ws in words:
        for a, b in zip(ws, ws[1:], strict=False):
            beside[("<", a, b)] += 1  # b with a before it
            beside[(">", b, a)] += 1  # a with b after it
    by_bare: dict[str, set[str]] = {}
    for w in counts:
        if w.islower():
            by_bare.setdefault(bare(w), set()).add(w)
    fixes = {}
    for (side, near, word), n in beside.items():
        for other in by_bare.get(bare(word), set()) - {word} if word.islower() else ():
            if beside[(side, near, other)] >= n and counts[other] > counts[word]:
                fixes[(side + near, word)] = other
    return fixes


def apply_phrases(text: str, fixes: dict[tuple[str, str], str]) -> str:
    """The words phrase_words corrects, where they stand beside the shared neighbour."""
    if not fixes:
        return text
    found = list(WORD_RE.finditer(text))
    low = [f.group().lower() for f in found]
    out, at = [], 0
    for k, m in enumerate(found):
        fix = (k and fixes.get(("<" + low[k - 1], m.group()))) or (
            k + 1 < len(found) and fixes.get((">" + low[k + 1], m.group())))
        out += [text[at : m.start()], fix or m.group()]
        at = m.end()
    return "".join(out) + text[at:]


def apply_words(text: str, fixes: dict[str, str]) -> str:
    return re.sub(r"[\wÀ-ỹ]+", lambda m: fixes.get(m.group(), m.group()), text) if fixes else text


UNIT_MARKS = 2  # a reading this many marks from a standing body's name is that name
OPTIONAL = {"và"}


def _marks_apart(read: str, name: str) -> int | None:
    """How many letters differ only in their marks; None where the letters themselves differ."""
    if bare(read).lower() != bare(name).lower():
        return None
    return sum(a != b for a, b in zip(read.lower(), name.lower(), strict=True)) if len(read) == len(name) else None


def snap_units(text: str) -> str:
    """Words of a standing body's name (vocab.UNIT_NAMES) read a mark or two off take the name's marks,
    in their own case ("Phòng Tài Nguyễn Môi trường" → "Phòng Tài Nguyên Môi trường")."""
    found = list(WORD_RE.finditer(text))
    fixes: dict[int, str] = {}
    for name in UNIT_NAMES:
        words = WORD_RE.findall(name)
        for start in range(len(found)):
            matched = _match(found, start, words)
            if matched and 0 < sum(d for _, _, d in matched) <= UNIT_MARKS:
                fixes.update({k: w for k, w, d in matched if d})
    out, at = [], 0
    for k, m in enumerate(found):
        word = fixes.get(k)
        if word:
            word = word[0].upper() + word[1:] if m.group()[0].isupper() else word[0].lower() + word[1:]
        out += [text[at : m.start()], word or m.group()]
        at = m.end()
    return "".join(out) + text[at:]


def _match(found: list[re.Match], start: int, words: list[str]) -> list[tuple[int, str, int]] | None:
    """The text's words from `start` read as the name's (an optional "và" may be missing): (index, name's
    word, marks apart) each, or None."""
    out, k = [], start
    for word in words:
        apart = _marks_apart(found[k].group(), word) if k < len(found) else None
        if apart is None:
            if word.lower() in OPTIONAL:
                continue
            return None
        out.append((k, word, apart))
        k += 1
    return out


def session_conflict(event: Event) -> bool:
    """A clock time outside its session: "18h30" in a morning block."""
    if not event.start_time or event.session not in SESSION_HOURS:
        return False
    low, high = SESSION_HOURS[event.session]
    return not low <= int(event.start_time[:2]) < high


def review(events: list[Event], scanned: dict[int, int]) -> tuple[list[Event], list[Warning]]:
    """Events read from a scan: names made consistent, clock times checked against sessions
    (a 12-hour reading is repaired; any other conflict is warned), each event marked with its page."""
    fixes = repair_names([n for e in events for n in e.officials])
    out, warnings = [], []
    for e in events:
        e = replace(e, officials=[fixes.get(n, n) for n in e.officials])
        if session_conflict(e):
            assert e.start_time is not None  # a conflict needs a clock time
            hour = (int(e.start_time[:2]) + 12) % 24
            fixed = replace(e, start_time=f"{hour:02d}{e.start_time[2:]}")
            if not session_conflict(fixed):
                warnings.append(Warning("ocr_time", f"{e.start_time} in the {e.session} read as {fixed.start_time}", e.line))
                e = fixed
            else:
                warnings.append(Warning("ocr_time", f"{e.start_time} does not fall in the {e.session}; check the scan", e.line))
        if e.line in scanned:
            warnings.append(Warning("ocr", f"read through OCR from page {scanned[e.line]}: glance at it", e.line))
        out.append(e)
    return out, warnings
