"""Lining up a side column (units, leaders, location) with the items of the content cell.

Pure functions. A column is a list of pieces with the separation the document shows
between them; entries are the runs of pieces between strong separations. When the
natural entries are as many as the items, the k-th entry belongs to the k-th item; when
not, the weakest separations are merged (or the strongest weak ones split) until they
are, and only what no reading settles falls back to a rule and a warning.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from lichsync.parse import vocab
from lichsync.parse.officials import is_personal_name
from lichsync.parse.rows import BLOCK, LINE, Piece

# A line of titles only ("GĐ", "TUV, PGĐ"): the end of the person on the line above.
TITLES_ALONE_RE = re.compile(rf"^{vocab.TITLE_ACRONYMS}(?:\s*,\s*{vocab.TITLE_ACRONYMS})*[.;,]?$")
TITLE_START_RE = re.compile(rf"^{vocab.TITLE_ACRONYMS}\b")
BARE_BODY_RE = re.compile(r"^(?:văn\s+phòng|phòng|ban|trung\s+tâm|chi\s+cục|cục)$", re.IGNORECASE)
STANDING_TITLE_RE = re.compile(r"\bphó\s+(?:bí\s+thư|chủ\s+tịch)$", re.IGNORECASE)
GROUP_ALONE_RE = re.compile(r"^(?:thường\s+trực|lãnh\s+đạo|ban\s+thường\s+vụ|tập\s+thể\s+(?:lãnh\s+đạo|lđ))$", re.IGNORECASE)
GROUP_BODY_RE = re.compile(r"^(?:HĐND|UBND|Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy|Sở)\b")
ACRONYM_START_RE = re.compile(r"^[A-ZĐ]{2,}(?:&[A-ZĐ]+)?\b")
PARTY_BODY_RE = re.compile(r"^(?:Tỉnh|Huyện|Thành|Đảng) ủy\b|^(?:Sở|Ban)$")  # names an office without an acronym
PARTY_ORGAN_RE = re.compile(r"^(?:Ban|Ủy ban|Uỷ ban|Văn phòng)\s")  # a Party committee's organs
PARTY_NAMED_RE = re.compile(r"\b(?:Tỉnh|Huyện|Thành|Đảng) ủy\b|UBND|HĐND")  # … with their committee named
PARTY_ALONE_RE = re.compile(r"^(?:Tỉnh|Huyện|Thành|Đảng) ủy$")
NATURAL = 2.0  # separations at least this strong delimit entries by themselves
JOIN = -math.inf


@dataclass
class Entry:
    text: str
    line: int
    pos: int | None


COMRADE_RE = re.compile(r"(?:đ/c|đồng chí)\b")
NAME_SO_FAR_RE = re.compile(r"^(?:Đ/c|đ/c|Đồng chí|đồng chí)(?:\s+[^\W\d_][^\s,;–-]*){1,3}$")  # a name, no title yet
NAME_END_RE = re.compile(rf"^[^\W\d_][^\s,;–-]*(?:\s+[^\W\d_][^\s,;–-]*)?\s*[-–]\s*{vocab.TITLE_ACRONYMS}\b")  # "Tuấn - GĐ"
AWAITS_NAME_RE = re.compile(r"(?<!\w)(?:đ/c|đồng chí|phó)$", re.IGNORECASE)  # awaiting a name or a title
DASH_START_RE = re.compile(r"^[-–•]\s")


def separation(prev: str, cur: str, sep: float) -> float:
    """How strongly `cur` starts a new entry after `prev`, from the text and the reader's mark."""
    prev, cur = prev.rstrip(), cur.lstrip()
    if not prev or not cur or sep >= BLOCK:
        return sep
    if vocab.ends_with_connector(prev) and not prev.endswith(("-", "–")):
        return JOIN
    if prev.endswith((" -", " –")) and not (DASH_START_RE.match(cur) or vocab.LEADER_START_RE.match(cur)):
        return JOIN  # "Văn phòng -" / "Thống kê", "Đ/c Lạc -" / "GĐ Sở": a name or title goes on after its dash
    if sep < LINE and _standing(prev, cur):
        return JOIN
    if _title_wrapped(prev, cur) or AWAITS_NAME_RE.search(prev):
        return JOIN  # and "…, Đ/c" / "Thân - TUV, PBT", "các Phó" / "Chủ tịch": the name or title the cell wrapped
    if cur[0] in "+&,;" or (cur[0].islower() and sep < LINE and not COMRADE_RE.match(cur)):
        return JOIN  # a wrapped line goes on; a new line of its own may start in lower case ("phòng họp số 3")
    if DASH_START_RE.match(cur):
        return JOIN if sep < LINE and _name_goes_on(cur) else sep + 3
    if vocab.LEADER_START_RE.match(cur):
        return sep + (2.5 if vocab.LEADER_ADDON_RE.match(cur) else 3)
    if vocab.INCOMPLETE_HEAD_RE.match(prev):
        return sep + 1
    if sep < LINE and BARE_BODY_RE.match(prev) and (ACRONYM_START_RE.match(cur) or PARTY_BODY_RE.match(cur)):
        return JOIN  # "Văn phòng" / "HĐND và UBND", "Văn phòng" / "Huyện ủy", "Văn phòng" / "Ban": a body's type wrapped before its name
    if sep < LINE and PARTY_ORGAN_RE.match(prev) and not PARTY_NAMED_RE.search(prev) and PARTY_ALONE_RE.match(cur):
        return JOIN  # "Ủy ban Kiểm tra" / "Huyện ủy", "Ban Tổ chức" / "Tỉnh ủy": a Party organ wrapped before its committee
    if sep < LINE and GROUP_ALONE_RE.match(prev) and GROUP_BODY_RE.match(cur):
        return JOIN  # "Thường trực" / "HĐND tỉnh, Đ/c …": a leading group wrapped before the body it leads
    if vocab.UNIT_HEAD_RE.match(cur):
        return sep + 2
    if cur[0].isupper():
        return sep + 1
    return sep


def _name_goes_on(cur: str) -> bool:
    """ "Phòng Giáo dục Mầm non" / "- Tiểu học": a body's name wrapped before the dash inside it goes on with
    a word or two that open no body, leader or title (a list of bodies names each from its head)."""
    rest = cur[1:].strip()
    words = rest.split()
    return (0 < len(words) <= 3 and words[0][:1].isupper() and not words[0].isupper()
            and not (vocab.UNIT_HEAD_RE.match(rest) or vocab.LEADER_START_RE.match(rest) or TITLE_START_RE.match(rest)))


def _standing(prev: str, cur: str) -> bool:
    """ "Phó Bí thư" / "Thường trực": one title, the standing deputy's."""
    return bool(STANDING_TITLE_RE.search(prev)) and cur.lower().startswith("thường trực")


def _title_wrapped(prev: str, cur: str) -> bool:
    """ "Đ/c Hưng -" / "GĐ", "Đ/c Võ Phiên -" / "GĐ Sở", "Đ/c Lạc - TUV," / "BTĐU, GĐ", "Đ/c Hồ Thu Ánh" /
    "- TUV, PBT" (or "…, Đ/c" / "Hoàng Minh Sơn" / "- PGĐ"): the title the cell wrapped; "Đ/c Trần Quốc" /
    "Tuấn - GĐ Sở": the name's last words."""
    return bool((prev.endswith(("-", "–", ",")) and TITLES_ALONE_RE.match(cur))
                or (prev.endswith(("-", "–")) and TITLE_START_RE.match(cur))
                or ((COMRADE_RE.match(prev.lower()) or _bare_name(prev)) and cur[:1] in "-–" and TITLES_ALONE_RE.match(cur[1:].lstrip()))
                or (bool(NAME_SO_FAR_RE.match(prev)) and bool(NAME_END_RE.match(cur))))


def _bare_name(text: str) -> bool:
    """A person's name alone, two to four capitalised words ("Hoàng Minh Sơn"): no body, no acronym."""
    return 2 <= len(text.split()) <= 4 and is_personal_name(text) and not vocab.UNIT_HEAD_RE.match(text)


def boundaries(pieces: list[Piece]) -> list[float]:
    """Separation strength before each piece after the first."""
    return [separation(a.text, b.text, b.sep) for a, b in zip(pieces, pieces[1:], strict=False)]


def _glued_units(text: str) -> list[int]:
    """Word indexes where a second body starts inside a line that joined two ("Văn phòng Sở Phòng Kế
    hoạch - Tài chính"): a capitalised body head with a name after it, after a body named beyond its head."""
    words = text.split()
    out = []
    for k in range(2, len(words) - 1):
        left, rest = " ".join(words[:k]), " ".join(words[k:])
        head = vocab.UNIT_HEAD_RE.match(left)
        if (words[k][0].isupper() and vocab.UNIT_HEAD_RE.match(rest) and head and head.end() < len(left)
                and not vocab.INCOMPLETE_HEAD_RE.match(left)
                and not vocab.ends_with_connector(words[k - 1]) and words[k - 1] not in "-–&,;"):
            out.append(k)
    return out


def _unglue(pieces: list[Piece]) -> list[Piece]:
    out = []
    for p in pieces:
        words, cuts = p.text.split(), _glued_units(p.text)
        for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True):
            out.append(Piece(" ".join(words[a:b]), p.line, p.sep if a == 0 else 0.0, p.pos))
    return out


def segment(pieces: list[Piece], target: int | None = None, people: bool = False, bodies: bool = False) -> list[Entry]:
    """Entries of a column; with a target count, the reading closest to that many entries. In a
    leaders column (`people`), a name merged into one entry with another stays a name of its own.
    In a column of preparing bodies, two a reader joined into one line are parted when the items need
    more entries than the column gives."""
    pieces = [p for p in pieces if p.text.strip()]
    if not pieces:
        return []
    entries = _segment(pieces, target, people, bodies)
    if target and len(entries) < target and bodies:
        unglued = _unglue(pieces)
        if len(unglued) > len(pieces):
            return _segment(unglued, target, people, bodies)
    return entries


def _segment(pieces: list[Piece], target: int | None, people: bool, bodies: bool = False) -> list[Entry]:
    seps = boundaries(pieces)
    cuts = {i for i, s in enumerate(seps) if s >= NATURAL}
    if target:
        order = sorted(range(len(seps)), key=lambda i: (seps[i], -i))
        # Too many entries: merge across the weakest separations, later ones first on ties.
        for i in order:
            if len(cuts) + 1 <= target:
                break
            cuts.discard(i)
        # Too few: split at the strongest separations that are not joins.
        for i in reversed(order):
            if len(cuts) + 1 >= target:
                break
            if seps[i] > 0 and i not in cuts:
                cuts.add(i)
    entries, start = [], 0
    for i in sorted(cuts) + [len(pieces) - 1]:
        group = pieces[start : i + 1]
        text = group[0].text.strip()
        for piece in group[1:]:
            # A second leader merged into one entry stays a separate name: "Đ/c An PGĐ; Đại diện CĐ".
            own = (vocab.LEADER_START_RE.match(piece.text.strip()) and not _title_wrapped(text, piece.text.strip())
                   and not _standing(text, piece.text.strip())) or (
                people and piece.sep >= LINE and vocab.UNIT_HEAD_RE.match(piece.text.strip()))
            awaits = ((vocab.ends_with_connector(text) and not text.endswith(("-", "–")))
                      or AWAITS_NAME_RE.search(text))  # "Chủ tịch, các" / "Phó …", "các Phó" / "Chủ tịch"
            # Bodies a blank line or a column apart ("Văn phòng Sở" | "Các phòng, đơn vị") stay apart too, where
            # the second opens with a body's head ("Văn phòng" / "Tỉnh ủy" the page broke is one body).
            apart = own or (bodies and piece.sep >= BLOCK and vocab.UNIT_HEAD_RE.match(piece.text.strip()))
            joiner = "; " if apart and not awaits else " "
            text += joiner + piece.text.strip()
        entries.append(Entry(text=" ".join(text.split()), line=group[0].line, pos=group[0].pos))  # runs of spaces as one
        start = i + 1
    return entries


def assign(entries: list[Entry], item_pos: list[int | None]) -> tuple[list[list[Entry]], bool]:
    """Which entries belong to each item, and whether the counts settled it.

    As many entries as items: one each. One entry: it covers every item. More entries than
    items: the last items take the last entries and the first item the rest (a leader cell
    that lists extra people beside the first item). Fewer: by vertical position when the
    reader knows it, else in order with the last entry covering the items left over.
    """
    n, m = len(item_pos), len(entries)
    if n == 0:
        return [], True
    if m == 0:
        return [[] for _ in range(n)], True
    if m == n:
        return [[e] for e in entries], True
    if m == 1:
        return [[entries[0]] for _ in range(n)], True
    if m > n:
        surplus = m - n
        return [entries[: surplus + 1]] + [[e] for e in entries[surplus + 1 :]], False
    starts = [p for p in item_pos if p is not None]
    placed = [(e, e.pos) for e in entries if e.pos is not None]
    if len(starts) == n and len(placed) == m:
        out: list[list[Entry]] = [[] for _ in range(n)]
        for e, pos in placed:
            nearest = min(range(n), key=lambda k: (abs(starts[k] - pos), k))
            out[nearest].append(e)
        return out, False
    return [[entries[min(k, m - 1)]] for k in range(n)], False
