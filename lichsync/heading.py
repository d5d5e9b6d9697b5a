"""The program's period and issuing body, read from its heading (or its signature)."""
from __future__ import annotations

import re

from lichsync.text import collapse

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
    m = DATED_RE.search(text)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1)), int(m.group(2)), m.start()
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
    for head, written, place in ORG_TYPES:
        if upper == head or upper.startswith(head + " "):
            rest = upper[len(head):].strip()
            break
    else:
        head, written, place, rest = "", "", False, upper
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
