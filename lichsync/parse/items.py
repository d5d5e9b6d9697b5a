"""The items of a content cell: one per bullet or session line, with the session each belongs to.

Pure functions over paragraphs (a Word cell's lines, HTML blocks, a PDF layer's joined lines).
"""
from __future__ import annotations

import math
import re
from collections import Counter
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
    fields: list[tuple[str, str]] = field(default_factory=list)  # labelled fields: ("place", "Hội trường B")


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
        clock = m.group("clock") or m.group("at")
        if clock and text.strip():
            text = f"({clock}) {text}"  # the item's own clock time, read with the item
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
    row_session: str | None = field(default=None, init=False)  # the row's own ("Sáng" column): where a sibling bullet returns

    def __post_init__(self) -> None:
        self.row_session = self.session


def split_fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before its first label, and the labelled fields after it, in order:
    "Họp X. Thành phần: Lãnh đạo Sở. Địa điểm: Phòng họp 2" → ("Họp X.", [("participants", …), ("place", …)]).

    A label counts at the start, after punctuation, or capitalised; "… họp bàn địa điểm: …" in a
    sentence is not one."""
    found = [m for m in vocab.FIELD_LABEL_RE.finditer(text) if _stands_as_label(text, m)] if ":" in text else []
    if not found:
        return text, []
    fields = []
    for m, after in zip(found, found[1:] + [None], strict=True):
        assert m.lastgroup is not None  # every label of FIELD_LABEL_RE is a named group
        value = text[m.end(): after.start() if after else len(text)]
        fields.append((m.lastgroup, value.strip(" ;,-–").strip()))
    return text[: found[0].start()].rstrip(" .;,"), fields


def _stands_as_label(text: str, m: re.Match) -> bool:
    before = text[: m.start()].rstrip()
    return not before or before[-1] in ".;,)–-+•*:" or before.endswith("...") or text[m.start()].isupper()


NUMBER_MARK_RE = re.compile(r"^\d{1,2}[.)-]")
BARE_MARK_RE = re.compile(r"^\s*(?:[-–+•*·●▪]|\d{1,2}\s*[.)-]|[a-zđ]\))\s*$")
SENTENCE_END_RE = re.compile(r"(?:[.!?…]|\)|\.\))[\"”]?$")


def starts_item(text: str) -> bool:
    """A line that opens an item or a field of its own: a bullet or number, a session word, a clock
    time, a label."""
    body = vocab.BULLET_RE.sub("", text.strip(), count=1)
    return bool(
        vocab.BULLET_RE.match(text.strip()) or BARE_MARK_RE.match(text) or vocab.SESSION_RE.match(body)
        or vocab.LEADING_TIME_RE.match(body) or _label_first(body)
    )


def _label_first(text: str) -> bool:
    return bool(vocab.FIELD_LABEL_RE.match(text))


RANGE_END_RE = re.compile(r"^[-–]\s*\d")


def range_goes_on(above: str, text: str) -> bool:
    """ "giai đoạn 2021" / "- 2025", "năm học 2026" / "- 2027. Địa điểm: …": a range broken at its dash,
    no bullet (a clock time after the dash opens an item: "- 8h00 …")."""
    return above[-1:].isdigit() and bool(RANGE_END_RE.match(text)) and not vocab.LEADING_TIME_RE.match(text.lstrip("-– "))


def number_goes_on(text: str) -> bool:
    """A line opening with a number that belongs to the line above: a number alone ("Nhà văn hóa thôn" /
    "5"), or one before a field only an item's later lines have ("P. họp 1 tầng" / "3. Chủ trì: …")."""
    if not text[:1].isdigit():
        return False  # most lines: no pattern tried
    number = NUMBER_MARK_RE.match(text)
    return bool(BARE_NUMBER_RE.match(text) or number and _field_of_item(text[number.end():].lstrip()))


BARE_NUMBER_RE = re.compile(r"^\d{1,3}[,;]?$")


def _field_of_item(text: str) -> bool:
    """A line opening with a label that only an item's later fields have ("Chủ trì:", "Địa điểm:"), not
    one that may open an item ("Nội dung:", "Thời gian:")."""
    label = vocab.FIELD_LABEL_RE.match(text)
    return bool(label and not (label.group("content") or label.group("time")))


@dataclass
class _Page:
    """What a prose block shows about its own breaks: the width it wraps at, the marks its items open
    with, the number of the last numbered item."""

    width: int | None
    marks: Counter
    number: int = 0


def join_wrapped(lines: list[tuple[str, int]], width: int | None = None) -> list[tuple[str, int]]:
    """Lines (text, line number) of a prose block whose breaks are the page's, not the writer's,
    joined into paragraphs.

    A break can fall anywhere ("- Thành / phần: …", "1- / 08h30: …", "Thời gian: / 14h00."): a line
    continues the one above unless it opens an item of its own. Where blank lines part the paragraphs
    and some paragraphs still run over several lines, that is what a break without a blank line is.
    Otherwise an item opened by a bullet, number, time or label goes on until the next one; an
    unmarked paragraph goes on past a connector or an open parenthesis, and past a capital only when
    the line above fills the block's width (a wrap, not a paragraph's end)."""
    numbers = [no for _, no in lines]
    gaps = sum(b - a > 1 for a, b in zip(numbers, numbers[1:], strict=False))
    spaced = 0 < gaps < len(lines) - 1
    # The marks items open with: a dash heading a line after a finished sentence (or the block's first
    # line); a dash heading a line mid-sentence is where the page broke a phrase ("… Bắc" / "– Nam …").
    page = _Page(width, Counter(m.group("mark") for k, (t, _) in enumerate(lines)
                                if (m := DASH_MARK_RE.match(t)) and (k == 0 or SENTENCE_END_RE.search(lines[k - 1][0]))))
    out: list[list] = []  # [text, first line, last line, marked]
    for text, no in lines:
        blank = no - out[-1][2] > 1 if out and spaced else None
        if out and _continues(out[-1][0], text, out[-1][3], page, blank):
            bare = BARE_MARK_RE.match(out[-1][0])
            # "… Kế hoạch 108/KH-" / "VPĐP …": a code broken at its own hyphen joins without a space.
            space = "" if not bare and CODE_HYPHEN_END_RE.search(out[-1][0]) and CODE_START_RE.match(text) else " "
            out[-1][0], out[-1][2] = f"{out[-1][0]}{space}{text}", no
            if bare:  # "1-" alone: the item is what follows
                out[-1][3] = starts_item(out[-1][0])
            continue
        out.append([text, no, no, starts_item(text)])
        number = NUMBER_MARK_RE.match(text.strip())
        page.number = int(number.group(0)[:-1]) if number else 0
    return [(text, first) for text, first, _, _ in out]


CODE_HYPHEN_END_RE = re.compile(r"(?<![^\s/])[A-ZĐ0-9/]*[A-ZĐ0-9]-$")
CODE_START_RE = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9/]*(?:[\s.,;:)]|$)")
DASH_MARK_RE = re.compile(r"^\s*(?P<mark>[-–+•*·●▪])\s")


def _continues(above: str, text: str, marked: bool, page: _Page, blank: bool | None) -> bool:
    if BARE_MARK_RE.match(above):
        return True
    if vocab.BULLET_RE.match(text) or BARE_MARK_RE.match(text):
        return _dash_wrap(above, text, page)
    if text[:1].islower():
        return True
    if not blank and (awaits_value(above) or (above.endswith(",") and vocab.LEADING_TIME_RE.match(text))):
        return True  # "… Thời gian:" / "14h00. Địa điểm: …", "… Buổi sáng," / "8h00. …": the value goes on
    if blank is not None:
        return not blank and not starts_item(text)
    if starts_item(text):
        return False
    if marked or vocab.ends_with_connector(above) or above.count("(") > above.count(")"):
        return True
    return not SENTENCE_END_RE.search(above) and _full(above, page)


def awaits_value(text: str) -> bool:
    """A line ending with a field label ("… Thời gian:", "Chủ trì:") before its value, or with a place
    named by its head noun alone ("Địa điểm: Trung tâm" / "Công báo tỉnh")."""
    found = list(vocab.FIELD_LABEL_RE.finditer(text))
    if not found or not _stands_as_label(text, found[-1]):
        return False
    value = text[found[-1].end():]
    return not value or bool(found[-1].group("place") and vocab.PLACE_HEAD_ONLY_RE.match(value.strip()))


def _full(above: str, page: _Page) -> bool:
    return bool(page.width and len(above) >= 0.85 * page.width)


DASH_WRAP_RE = re.compile(r"^[-–]\s+(?P<rest>\S)")


def _dash_wrap(above: str, text: str, page: _Page) -> bool:
    """A dash or number the break put at the head of a line, not a bullet: "… giai đoạn 2021" / "– 2025, …",
    "… Nghị quyết" / "05-NQ/TU …", "… đường bộ cao tốc Bắc" / "– Nam phía Đông …" (a dash no item of the
    block opens with, after a full line), "… Địa điểm: HT tầng" / "1. Chủ trì: …" (a number out of the
    items' sequence, or before a label no item opens with: "… Địa điểm: Cơ sở" / "2. Chủ trì: …"). A
    bullet opens a capitalised item or a clock time; a number marker stands apart from its item. Inside
    an open parenthesis no item opens: "… (Ban Quản lý dự án, Phòng Tài chính" / "- Kế hoạch chuẩn bị)"."""
    if SENTENCE_END_RE.search(above):
        return False
    if above.count("(") > above.count(")"):
        return True
    number = NUMBER_MARK_RE.match(text)
    if number:
        if page.number and int(number.group(0)[:-1]) <= page.number or number_goes_on(text):
            return True
        return not text[number.end():][:1].isspace()
    m = DASH_WRAP_RE.match(text)
    rest = text[m.start("rest"):] if m else ""
    if rest[:1].islower() or (rest[:1].isdigit() and not vocab.LEADING_TIME_RE.match(rest)):
        return True
    dash = DASH_MARK_RE.match(text)
    return bool(dash and not page.marks[dash.group("mark")] and _full(above, page) and not starts_item(rest))


@dataclass
class _Draft:
    text: str
    line: int
    pos: int | None
    fields: list[tuple[str, str]] = field(default_factory=list)

    def has(self, kind: str) -> bool:
        return any(k == kind for k, _ in self.fields)


def _drafts(paragraphs: list[tuple[str, int, int | None]]) -> list[_Draft]:
    """Paragraphs into items with their labelled fields. A line opening with a label is a field of
    the item above ("- Địa điểm: …", "Chủ trì: …", "Thành phần: …"), except "Thời gian:" and "Nội dung:",
    which open an item unless they complete the one above ("Thời gian: 08h00" / "Nội dung: …")."""
    drafts: list[_Draft] = []
    for text, line, pos in paragraphs:
        stripped = text.strip()
        mark = vocab.BULLET_RE.match(stripped)
        body = stripped[mark.end():] if mark else stripped
        if not _label_first(body):
            head, fields = split_fields(text)
            drafts.append(_Draft(head, line, pos, fields))
            continue
        _, fields = split_fields(body)
        kinds = {k for k, _ in fields}
        current = drafts[-1] if drafts else None
        opens = "time" in kinds or "content" in kinds
        absorbed = current is not None and not (mark and NUMBER_MARK_RE.match(stripped)) and not (
            ("content" in kinds and (current.text or current.has("content")))
            or ("time" in kinds and current.has("time"))
        )
        if opens and not absorbed or current is None:
            current = _Draft("", line, pos)
            drafts.append(current)
        current.fields += fields
    for draft in drafts:
        draft.text, draft.fields = with_content(draft.text, draft.fields)
    return drafts


def with_content(text: str, fields: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The item's text with what its "Nội dung:" labels say, and the other fields."""
    content = [v for k, v in fields if k == "content"]
    if content:
        text = ". ".join([text.rstrip(" .")] + content) if text.strip() else "; ".join(content)
    return text, [(k, v) for k, v in fields if k != "content"]


DIGITS_RE = re.compile(r"\d+")


def _scope(mark: str) -> str:
    """Numbered items ("1-", "2.", "3)") are siblings of each other as bullets of one kind are."""
    return DIGITS_RE.sub("#", mark)


def parse_items(paragraphs: list[tuple[str, int, int | None]], context: Context | None = None) -> list[Item]:
    """Items of a content cell from its paragraphs (text, line, vertical position).

    Bullets under a session word belong to it: "Sáng: - A / - B" is two morning items,
    "- Sáng: + A / + B" too; a sibling bullet after "- Sáng: X" ("- Y") starts afresh.
    """
    items: list[Item] = []
    ctx = context or Context()
    for draft in _drafts(paragraphs):
        outer, named, inner, body = split_head(draft.text)
        if named:
            ctx.session, ctx.scope = named, _scope(outer)
        elif ctx.session and outer and _scope(outer) == ctx.scope:
            ctx.session = ctx.row_session
        if not body and not draft.fields:
            continue
        bodies = [body]
        if inner == "+" or outer == "+":
            bodies = [b for b in re.split(r"\s\+\s", body) if b.strip()]
        for b in bodies:
            own = ctx.session
            if vocab.INLINE_ALL_DAY_RE.search(b):
                own = "all_day"
                b = vocab.INLINE_ALL_DAY_RE.sub(" ", b)
            items.append(Item(collapse(b), draft.line, draft.pos, own, fields=list(draft.fields)))
    return items


# "Từ ngày 14 đến ngày 18:", "(từ ngày 28 đến ngày 30)", "Từ ngày 15 - 17:": days of the row's month.
# A pattern opening with a look-ahead, "(?=[…])", lists the characters a match can start with: a search
# then turns most positions away at once (tests/test_regex_guards.py proves the matches unchanged).
DAY_RANGE_RE = re.compile(
    r"(?=[(\st])\(?\s*từ\s+ngày\s+(?P<d1>\d{1,2})\s*(?:-|–|đến(?:\s+hết)?(?:\s+ngày)?)\s*(?P<d2>\d{1,2})(?![\d/])\s*\)?\s*:?",
    re.IGNORECASE,
)
DURATION_RE = re.compile(r"\(\s*(?P<n>\d+(?:[,.]\d+)?)\s*ngày\s*\)", re.IGNORECASE)
TIME_RE = re.compile(
    r"(?=\d)(?<![\d/.,])(?P<h>[01]?\d|2[0-3])\s*(?:h(?=\d|\b)|giờ\b|g(?=\d)|:(?=\d{2}))\s*(?P<m>[0-5]\d)?(?:\s*(?:phút|’|'|p\b))?(?![\d/])",
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
    duration = DURATION_RE.search(text)
    if duration:
        days = math.ceil(float(duration.group("n").replace(",", ".")))
        end = day + timedelta(days=max(days, 1) - 1)
        return Span(end if end != day else None, _cut(text, duration))
    return Span(None, text)


def _cut(text: str, m: re.Match) -> str:
    return collapse(f"{text[: m.start()]} {text[m.end():]}").replace(" .", ".").replace(" ,", ",")


def find_time(text: str) -> str | None:
    m = TIME_RE.search(text)
    if not m:
        return None
    return f"{int(m.group('h')):02d}:{int(m.group('m') or 0):02d}"
