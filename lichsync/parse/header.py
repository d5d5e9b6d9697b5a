"""Column roles from a program's header row ("Ngày | Nội dung công việc | Đơn vị chuẩn bị | …")."""
from __future__ import annotations

import re

from lichsync.parse.rows import CONTENT, DAY, IGNORED, LEADERS, LOCATION, TIME, UNITS, WEEKDAY

# Longest phrases first, so "Lãnh đạo chủ trì, tham dự" is one leader column, not two.
ROLE_PHRASES = [
    (r"(?:lãnh\s+đạo\s+)?(?:vp|văn\s+phòng)\b[^|\t]{0,40}?theo\s+dõi|ghi\s+chú|^s?tt$|số\s+tt|lái\s+xe|biển\s+số|phương\s+tiện|thành\s+phần(?:\s+(?:tham\s+dự|mời))?", IGNORED),
    # The office's own leaders and staff ("Lãnh đạo Văn phòng; chuyên viên; các phòng, ban liên quan"):
    # who prepares, not who chairs.
    (r"lãnh\s+đạo\s+(?:vp|văn\s+phòng)\b", UNITS),
    (r"(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+(?:tham\s+mưu|thực\s+hiện|phối\s+hợp|tổ\s+chức|chủ\s+trì)", UNITS),
    (r"(?:đơn\s+vị|cơ\s+quan)\s*[/,]?\s*(?:(?:đơn\s+vị|cơ\s+quan)\s*)?(?:chủ\s+trì\s*,?\s*)?chuẩn\s+bị", UNITS),
    (r"(?:lãnh\s+đạo|người)\s+(?:chủ\s+trì|dự)(?:\s*,\s*tham\s+dự)?", LEADERS),
    (r"lãnh\s+đạo(?:\s+(?:sở|ubnd|tỉnh|ban|huyện))?(?:\s+chủ\s+trì)?", LEADERS),
    (r"chủ\s+trì|tham\s+dự|tham\s+gia|người\s+dự", LEADERS),
    # A weekly table's leader column is often headed by whose schedule it is: "Thường trực UBND tỉnh".
    (r"thường\s+trực|ban\s+giám\s+đốc", LEADERS),
    (r"nội\s+dung(?:\s+công\s+việc)?", CONTENT),
    (r"công\s+việc", CONTENT),
    (r"địa\s+điểm|nơi\s+(?:tổ\s+chức|họp|làm\s+việc|diễn\s+ra)", LOCATION),
    (r"thời\s+gian|giờ|buổi", TIME),
    (r"(?:thứ\s*[/,-]\s*)?ngày(?:\s*[/,-]\s*thứ)?(?:\s*,?\s*tháng)?", DAY),
    (r"thứ", WEEKDAY),
    (r"chuẩn\s+bị", UNITS),
    (r"(?:các\s+)?phòng\s*,\s*ban(?:\s+liên\s+quan)?", UNITS),  # "Lãnh đạo Văn phòng; chuyên viên; các phòng, ban liên quan"
]
ROLE_RE = re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(ROLE_PHRASES)), re.IGNORECASE)
HEADER_START_RE = re.compile(r"^\s*(?:\*\*)?\s*(?:(?:thứ|tt|stt)\s*[,/]?\s*)?ngày\b", re.IGNORECASE)


# One cell naming weekday and date together ("Thứ ngày", "Thứ/Ngày"): the day column. (In a flattened
# header line, "Thứ Ngày" may be two columns; `roles_in` keeps them apart.)
DAY_CELL_RE = re.compile(r"^\W*thứ\W*ngày\b", re.IGNORECASE)


def _role(m: re.Match[str]) -> str:
    """The role of the phrase ROLE_RE matched: its group r<k> is ROLE_PHRASES[k]."""
    assert m.lastgroup is not None  # every phrase of ROLE_RE is a named group
    return ROLE_PHRASES[int(m.lastgroup[1:])][1]


def role_of(cell: str) -> str | None:
    """The role of one header cell, when a reader sees cells one by one (tables)."""
    if DAY_CELL_RE.match(cell):
        return DAY
    m = ROLE_RE.search(cell)
    return _role(m) if m else None


def roles_in(text: str) -> list[str]:
    """Every role a header line names, in order (a line may hold several cells: "Ngày Buổi Nội dung …")."""
    return [_role(m) for m in ROLE_RE.finditer(text)]


def roles_of(header_text: str) -> list[str]:
    """Roles in the order the header names them; each role once."""
    roles: list[str] = []
    for m in ROLE_RE.finditer(header_text):
        role = _role(m)
        if role not in roles:
            roles.append(role)
    return roles


def is_header(text: str) -> bool:
    """A header row names the day and the content: "Ngày<TAB>Nội dung công việc…"."""
    return bool(HEADER_START_RE.match(text)) and bool(re.search(r"nội\s+dung|công\s+việc", text, re.IGNORECASE))
