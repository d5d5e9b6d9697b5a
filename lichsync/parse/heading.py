"""The program's period and issuing body, read from its heading (or its signature)."""
from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

from lichsync.parse import vocab
from lichsync.parse.text import collapse

TITLE_RE = re.compile(
    r"(?:chương\s+trình|lịch)\s+(?:công\s+tác|làm\s+việc)[^\n]{0,40}?tháng\s+(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})",
    re.IGNORECASE,
)
MONTH_RE = re.compile(r"(?<!ngày\s)(?<!\d)tháng\s+(\d{1,2})\s*(?:năm|/)\s*(\d{4})", re.IGNORECASE)
DATED_RE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)

ORG_HEAD_RE = re.compile(
    r"^(?:SỞ|UBND|ỦY BAN|UỶ BAN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ|"
    r"VĂN PHÒNG|BAN|HĐND|HỘI ĐỒNG|CÔNG AN|BỘ|CỤC|CHI CỤC|TRUNG TÂM|TRƯỜNG|BỆNH VIỆN|ĐOÀN|"
    r"LIÊN ĐOÀN|MẶT TRẬN|THANH TRA|KHO BẠC|BẢO HIỂM)\b"
)
NOT_ORG_RE = re.compile(r"CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|ĐỘC LẬP|CHƯƠNG TRÌNH|LỊCH")
# Where the type of body ends and its own name begins: "SỞ | KHOA HỌC VÀ CÔNG NGHỆ", "TỈNH ỦY | HÀ TĨNH".
ORG_TYPES = [
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", True),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân", True),
    ("TỈNH ỦY", "Tỉnh ủy", True), ("TỈNH UỶ", "Tỉnh ủy", True),
    ("THÀNH ỦY", "Thành ủy", True), ("THÀNH UỶ", "Thành ủy", True),
    ("HUYỆN ỦY", "Huyện ủy", True), ("HUYỆN UỶ", "Huyện ủy", True),
    ("UBND", "UBND", True), ("HĐND", "HĐND", True),
    ("VĂN PHÒNG", "Văn phòng", False), ("ĐẢNG ỦY", "Đảng ủy", False), ("SỞ", "Sở", False),
    ("BAN", "Ban", False), ("CỤC", "Cục", False), ("CHI CỤC", "Chi cục", False),
]
PLACE_WORDS = {"TỈNH": "tỉnh", "HUYỆN": "huyện", "THÀNH PHỐ": "thành phố", "THỊ XÃ": "thị xã", "XÃ": "xã"}


def find_period(text: str) -> tuple[int, int, int] | None:
    """(month, year, offset) of the program's own month: its title first, any "tháng M năm Y" next."""
    for rx in (TITLE_RE, MONTH_RE):
        for m in rx.finditer(text):
            month, year = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12 and 1900 <= year <= 2100:
                return month, year, m.start()
    dated = DATED_RE.search(text)
    if dated and 1 <= int(dated.group(1)) <= 12:
        return int(dated.group(1)), int(dated.group(2)), dated.start()
    return None


SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]+"
    r"(?:ng|nh|ch|[cmnptk])?$"
)


def _is_acronym(word: str) -> bool:
    """ "TBXH", "UBND" are acronyms; "KHOA", "SONG" are Vietnamese syllables."""
    return word.isupper() and not SYLLABLE_RE.match(word.lower())


def proper_case(upper: str) -> str:
    """ "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ"; "TỈNH ỦY HÀ TĨNH" → "Tỉnh ủy Hà Tĩnh"."""
    upper = collapse(upper)
    head, written, place = next((t for t in ORG_TYPES if upper == t[0] or upper.startswith(t[0] + " ")), ("", "", False))
    rest = upper[len(head):].strip()
    if place:
        for word, low in PLACE_WORDS.items():
            if rest.startswith(word + " "):
                written, rest = f"{written} {low}", rest[len(word) + 1:]
                break
        name = " ".join(w if _is_acronym(w) else w.capitalize() for w in rest.split())
    else:
        parts = re.split(r"(\s+-\s+|\s+VÀ\s+)", rest)
        name = ""
        for part in parts:
            if part.strip() == "VÀ":
                name += " và "
            elif part.strip() == "-":
                name += " - "
            else:
                words = part.split()
                name += " ".join(
                    w if _is_acronym(w) else (w.capitalize() if i == 0 else w.lower()) for i, w in enumerate(words)
                )
    return collapse(f"{written} {name}") if written else name


def find_organization(lines: list[str], title_index: int | None) -> str | None:
    """The issuing body: the most specific body named above the title, else the signature's."""
    candidates = []
    for i, line in enumerate(lines):
        for part in re.split(r"\s{3,}|\t", line):
            part = collapse(part).strip("*#_ ")
            if part and part.upper() == part and ORG_HEAD_RE.match(part) and not NOT_ORG_RE.search(part):
                candidates.append((i, part))
    above = [c for c in candidates if title_index is None or c[0] < title_index]
    chosen = above[-1] if above else (candidates[-1] if candidates else None)
    return proper_case(chosen[1]) if chosen else None


OF_WHOM_RE = re.compile(
    r"^\W*lịch\s+(?:công\s+tác|làm\s+việc)(?:\s+tuần(?:\s+\d+)?)?\s+của\s+(?P<who>.+?)\s*(?:\(|\bt[ừu]\s+ngày\b|$)",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|21\d\d)(?!\d)")


# In a title only: "Tuần 20: 12/05/2025 - 18/05/2025" (no "từ ngày", so the last date must carry its year).
TITLE_WEEK_RE = re.compile(
    r"(?<![\d/])(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?\s*(?:-|–|đến)\s*"
    r"(?:ngày\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})",
    re.IGNORECASE,
)


def month_titled(text: str) -> bool:
    """A title naming a month and no week ("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 12 NĂM 2025"): a monthly program, however
    its rows write their days ("01/12", "03-05/12"). Its period is the month, so a revised issue that adds a day
    later in the month replaces the first rather than standing beside it."""
    m = TITLE_RE.search(text)
    return m is not None and "tuần" not in m.group(0).lower() and find_week(text, title=True) is None


def find_week(text: str, title: bool = False) -> tuple[tuple[int, int, int | None], tuple[int, int, int | None]] | None:
    """The dates a weekly schedule's title gives: ((day, month, year or None), (day, month, year or None)).
    `title`: the text is the title, where a bare "12/05/2025 - 18/05/2025" names the week too."""
    found = []
    ranges = [m for m in vocab.DATE_RANGE_RE.finditer(text) if m.group("m1")]  # "từ ngày 14/3 đến ngày 18/3/2022"
    for m in [*ranges, *(TITLE_WEEK_RE.finditer(text) if title else [])]:
        d1, m1, d2, m2 = (int(m.group(k)) for k in ("d1", "m1", "d2", "m2"))
        if 1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31:
            y2 = int(m.group("y2")) if m.group("y2") else None
            y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if y2 and m1 > m2 else y2)
            found.append((m.start(), (d1, m1, y1), (d2, m2, y2)))
            if not title:
                break
    if not found:
        return None
    found.sort()
    # A title naming two weeks ("Tuần 20 (từ 12/5 …) và Tuần 21 (… đến 25/5/2025)") covers both.
    return found[0][1], found[-1][2]


def whose_schedule(lines: list[str]) -> str | None:
    """ "Lịch công tác của thường trực UBND tỉnh" → "Thường trực UBND tỉnh" (weekly pages name no issuer above)."""
    for line in lines[:15]:
        m = OF_WHOM_RE.match(collapse(line))
        if m:
            who = m.group("who").strip(" ,.:")
            if who.isupper():
                who = proper_case(who)
            return who[:1].upper() + who[1:] if who else None
    return None


def infer_year(pairs: list[tuple[int, int, int]], text: str, fallback: int) -> tuple[int, bool]:
    """The year that makes the (day, month, weekday) pairs true, preferring years the text names.

    Returns (year, True) when some year fits every pair; else the best-fitting year and False."""
    named = sorted(set(int(y) for y in YEAR_RE.findall(text)), key=lambda y: -y)
    if not pairs:
        return (named[0] if named else fallback), False
    nearby = [fallback + k for k in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)]
    best: tuple[int, int] | None = None
    for year in named + [y for y in nearby if y not in named]:
        fits = 0
        for day, month, weekday in pairs:
            with suppress(ValueError):
                fits += date(year, month, day).weekday() == weekday
        if fits == len(pairs) and pairs:
            return year, True
        if best is None or fits > best[1]:
            best = (year, fits)
    return (best[0] if best else fallback), False
