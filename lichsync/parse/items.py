"""The items of a content cell: one per bullet or session line, with the session each belongs to.

Pure functions over paragraphs (a Word cell's lines, HTML blocks, a PDF layer's joined lines).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from lichsync.parse import vocab
from lichsync.parse.text import collapse


@dataclass
class Item:
    text: str
    line: int
    pos: int | None
    session: str | None
    actors: list[str] = field(default_factory=list)  # the official a per-official line names at its head


def strip_rest_marker(text: str) -> str:
    """ "(Thứ bảy) Hội nghị …" → "Hội nghị …"; the marker alone → ""."""
    m = vocab.REST_MARKER_RE.match(text)
    if m and (text.lstrip()[:1] == "(" or text.lstrip().lower().startswith("nghỉ") or m.end() == len(text)):
        return text[m.end():].strip()
    return text


def is_rest_only(texts: list[str]) -> bool:
    """A row that only marks a weekend or rest day: "(Thứ Bảy, Chủ nhật)", "Nghỉ"."""
    rest = [t for t in (strip_rest_marker(x.strip()) for x in texts) if t and not vocab.REST_ONLY_RE.match(t)]
    return not rest


def split_head(text: str) -> tuple[str, str | None, str, str]:
    """(outer bullet, session, inner bullet, body) of a paragraph."""
    text = strip_rest_marker(text.strip())
    outer = ""
    m = vocab.BULLET_RE.match(text)
    if m:
        outer, text = m.group("mark"), text[m.end():]
    session = None
    m = vocab.SESSION_RE.match(text)
    if m:
        session = vocab.SESSION_WORDS[collapse(m.group("word").lower())]
        text = text[m.end():]
        if m.group("clock") and text.strip():
            text = f"({m.group('clock')}) {text}"  # the item's own clock time, read with the item
    inner = ""
    m = vocab.BULLET_RE.match(text) if session else None
    if m:
        inner, text = m.group("mark"), text[m.end():]
    return outer, session, inner, text.strip()


@dataclass
class Context:
    """The session in force, carried from one part of a row to the next (a row broken across pages)."""

    session: str | None = None
    scope: str = ""  # the bullet of the line that named the session


LABEL_RE = re.compile(
    r"^\s*(?P<label>thời\s+gian|nội\s+dung(?:\s+công\s+việc)?|địa\s+điểm|chủ\s+trì(?:\s+và\s+dự)?|lãnh\s+đạo\s+(?:chủ\s+trì|dự)|"
    r"(?:đơn\s+vị\s+|cơ\s+quan\s+)?chuẩn\s+bị|thành\s+phần(?:\s+(?:mời|dự|tham\s+dự))?|mời|lđvp|cvvp|ghi\s+chú)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
DROPPED_LABELS = ("thành phần", "mời", "lđvp", "cvvp", "ghi chú")  # invitees, the office's escort, remarks


def merge_labelled(paragraphs: list[tuple[str, int, int | None]]) -> list[tuple[str, int, int | None]]:
    """Labelled lines belong to the item above them: "Thời gian: 08h00" / "Nội dung: …" / "Địa điểm: …"
    / "Chủ trì: …" is one item, and so is an item followed by its "Chuẩn bị: …" or "Thành phần: …" lines.
    Invitees, the office's escort and remarks are left out; the rest joins the item as "Label: value"."""
    out: list[list] = []
    open_time = False  # the item so far is only its "Thời gian:"
    for text, line, pos in paragraphs:
        m = LABEL_RE.match(text)
        if not m:
            out.append([text, line, pos])
            open_time = False
            continue
        label, value = " ".join(m.group("label").lower().split()), m.group("value").strip()
        if label == "thời gian":
            out.append([value, line, pos])
            open_time = True
        elif label.startswith("nội dung"):
            if open_time:
                out[-1][0] = f"{out[-1][0]}: {value}"
            else:
                out.append([value, line, pos])
            open_time = False
        elif not out:
            out.append([text, line, pos])
        elif not label.startswith(DROPPED_LABELS):
            out[-1][0] = f"{out[-1][0].rstrip(' .;')}. {m.group('label')}: {value}"
    return [(text, line, pos) for text, line, pos in out]


def parse_items(paragraphs: list[tuple[str, int, int | None]], context: Context | None = None) -> list[Item]:
    """Items of a content cell from its paragraphs (text, line, vertical position).

    Bullets under a session word belong to it: "Sáng: - A / - B" is two morning items,
    "- Sáng: + A / + B" too; a sibling bullet after "- Sáng: X" ("- Y") starts afresh.
    """
    items: list[Item] = []
    ctx = context or Context()
    for text, line, pos in merge_labelled(paragraphs):
        outer, named, inner, body = split_head(text)
        if named:
            ctx.session, ctx.scope = named, outer
        elif ctx.session and outer and outer == ctx.scope:
            ctx.session = None
        if not body:
            continue
        bodies = [body]
        if inner == "+" or outer == "+":
            bodies = [b for b in re.split(r"\s\+\s", body) if b.strip()]
        for b in bodies:
            own = ctx.session
            if vocab.INLINE_ALL_DAY_RE.search(b):
                own = "all_day"
                b = vocab.INLINE_ALL_DAY_RE.sub(" ", b)
            items.append(Item(collapse(b), line, pos, own))
    return items


# "Từ ngày 14 đến ngày 18:", "(từ ngày 28 đến ngày 30)", "Từ ngày 15 - 17:": days of the row's month.
DAY_RANGE_RE = re.compile(
    r"\(?\s*từ\s+ngày\s+(?P<d1>\d{1,2})\s*(?:-|–|đến(?:\s+hết)?(?:\s+ngày)?)\s*(?P<d2>\d{1,2})(?![\d/])\s*\)?\s*:?",
    re.IGNORECASE,
)
DURATION_RE = re.compile(r"\(\s*(?P<n>\d+(?:[,.]\d+)?)\s*ngày\s*\)", re.IGNORECASE)
TIME_RE = re.compile(
    r"(?<![\d/.,])(?P<h>[01]?\d|2[0-3])\s*(?:h(?=\d|\b)|giờ\b|g(?=\d)|:(?=\d{2}))\s*(?P<m>[0-5]\d)?(?:\s*(?:phút|’|'|p\b))?(?![\d/])",
    re.IGNORECASE,
)


@dataclass
class Span:
    end: date | None
    text: str  # the item text without the note the span came from
    repaired: bool = False  # the note's month contradicted the row and was read in the row's month


def find_span(text: str, day: date) -> Span:
    """The end date an item's range or duration note gives, relative to the row's date."""
    for m in vocab.DATE_RANGE_RE.finditer(text):
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        m2 = int(m.group("m2"))
        # "từ ngày 30 - 02/10": a start day above the end day lies in the month before.
        m1 = int(m.group("m1") or (day.month if d1 > d2 else m2))
        given_year = m.group("y2") or m.group("y1")
        if d1 != day.day:
            continue  # a reference to another period, not this item's span
        repaired = m1 != day.month
        month = day.month if repaired else m2
        year = day.year if repaired else int(given_year or (day.year + 1 if m2 < m1 else day.year))
        try:
            end = date(year, month, d2)
        except ValueError:
            continue
        if end < day:
            continue
        return Span(end if end != day else None, _cut(text, m), repaired)
    for m in DAY_RANGE_RE.finditer(text):
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if d1 == day.day and d2 > d1:
            try:
                return Span(day.replace(day=d2), _cut(text, m))
            except ValueError:
                continue
    m = DURATION_RE.search(text)
    if m:
        days = math.ceil(float(m.group("n").replace(",", ".")))
        end = day + timedelta(days=max(days, 1) - 1)
        return Span(end if end != day else None, _cut(text, m))
    return Span(None, text)


def _cut(text: str, m: re.Match) -> str:
    return collapse(f"{text[: m.start()]} {text[m.end():]}").replace(" .", ".").replace(" ,", ",")


def find_time(text: str) -> str | None:
    m = TIME_RE.search(text)
    if not m:
        return None
    return f"{int(m.group('h')):02d}:{int(m.group('m') or 0):02d}"
