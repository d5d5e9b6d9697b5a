"""The words programs are written with: sessions, weekdays, leaders, unit and place names.

Kept in one place so the readers and the parser recognise the same things the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

I = re.IGNORECASE  # noqa: E741 -- re.I's own name, in every pattern's flags


def _letters(case: str) -> str:
    """Vietnamese letters of one case, for a character class: a range such as "à-ỹ" holds the capitals
    between its ends too ("Đ", "Ấ"), since Unicode alternates capital and small letters there."""
    found = (chr(c) for c in [*range(0xC0, 0x1B1), *range(0x1EA0, 0x1EFA)])
    return "".join(c for c in found if getattr(c, f"is{case}")() and c.isalpha())


LOWER = "a-z" + _letters("lower")  # in a character class: "[{LOWER}]"
UPPER = "A-Z" + _letters("upper")

SESSION_WORDS = {
    "sáng": "morning",
    "buổi sáng": "morning",
    "chiều": "afternoon",
    "buổi chiều": "afternoon",
    "tối": "evening",
    "buổi tối": "evening",
    "cả ngày": "all_day",
    "trong ngày": "all_day",
}
CLOCK = r"(?:[01]?\d|2[0-3])\s*(?:h|giờ|g(?=\d)|:(?=\d{2}))\s*(?:[0-5]\d)?(?:\s*(?:phút|’|'|p\b))?"
# "Sáng:", "- Sáng:", "Chiều -", "Cả ngày: - …"; the word must end the line or be followed by ":"/"-".
# A clock time may stand between the word and its colon: "Sáng (8h00):", "Sáng, 8h00:", "Cả ngày (từ … đến …):".
SESSION_RE = re.compile(
    r"^(?P<word>buổi\s+sáng|buổi\s+chiều|buổi\s+tối|cả\s+ngày|trong\s+ngày|sáng|chiều|tối)"
    rf"\s*(?:\((?P<clock>[^()]{{1,50}})\)\s*|,\s*(?P<at>{CLOCK}(?:\s*(?:-|–|đến)\s*{CLOCK})?)\s*(?=:))?(?::|\s-\s|-\s|$)\s*",
    I,
)
INLINE_ALL_DAY_RE = re.compile(r"\(\s*(?:cả|trong)\s+ngày\s*\)", I)

# "- ", "+ ", "• ", numbered "1-", "2.", "3)", lettered "a)".
# "18-NQ/TW", "05-CT/TU" open with a document's number, not a numbered item.
BULLET_RE = re.compile(r"^(?P<mark>[-–+•*·●▪]|\d{1,2}[.)-](?!\d)(?![A-ZĐ]{1,6}/)|[a-zđ]\)(?=\s))\s*(?=\S)")

WEEKDAY_NAMES = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật|hai|ba|tư|năm|sáu|bảy|cn|t[2-7])"
WEEKDAY_LINE_RE = re.compile(rf"^\(?\s*{WEEKDAY_NAMES}\s*[,.)]?\s*$|^7\s*,\s*$", I)
# "(Thứ Bảy, Chủ nhật)", "Nghỉ Thứ Bảy, Chủ nhật", "(Chủ nhật)" "(Thứ bảy, Chủ nhật))"
REST_MARKER_RE = re.compile(
    r"^\s*(?:nghỉ\s*)?\(*\s*(?:thứ\s*bảy|chủ\s*nhật|t7|cn)(?:\s*[,;-]\s*(?:thứ\s*bảy|chủ\s*nhật|cn))*\s*\)*\s*[.:,]?\s*",
    I,
)
REST_ONLY_RE = re.compile(r"^\s*\(?\s*nghỉ\s*\)?\s*[.]?\s*$", I)
HOLIDAY_RE = re.compile(r"^\s*nghỉ\s+(?:lễ|tết|bù)\b", I)
LUNAR_RE = re.compile(r"^\(?\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*/\s*\d{1,2}\s*ÂL\s*\)?$", I)

# Who attends: the start of an entry of a leader column.
LEADER_START_RE = re.compile(
    r"^(?:đ/c|đ/\s*c|đồng\s+chí|các\s+đồng\s+chí|các\s+(?:phó\s+)?(?:chủ\s+tịch|giám\s+đốc|bí\s+thư|trưởng\s+ban)|lãnh\s+đạo|lđ\s|thường\s+trực|theo\s+.{0,25}?mời|"
    r"ban\s+giám\s+đốc|bgđ|giám\s+đốc|phó\s+giám\s+đốc|p?gđ\b|chủ\s+tịch|phó\s+chủ\s+tịch|p?ct\s|"
    r"ban\s+giám\s+hiệu|bgh\b|(?:phó\s+)?hiệu\s+trưởng|pht\b|"  # a school's leaders
    r"bí\s+thư|phó\s+bí\s+thư|btv\b|ban\s+thường\s+(?:vụ|trực)|đại\s+diện|tập\s+thể\s+lãnh\s+đạo|uvbtv|"
    r"trưởng\s+ban|phó\s+trưởng\s+ban|(?:phó\s+)?chủ\s+nhiệm|chánh\s+văn\s+phòng|cvp\b|pcvp\b)",
    I,
)
# A leader's title written on the same line after a unit: "Văn phòng Sở Bí thư Chi bộ", "Phòng Nội vụ Chủ tịch
# UBND" (columns.py says after which units).
TITLE_INLINE_RE = re.compile(r"\s(?=(?:Ban Giám (?:đốc|hiệu)|(?:Phó\s)?(?:Bí thư|Chủ tịch|Giám đốc|Hiệu trưởng))\b)")
# A leader label written on the same line after a unit: "Văn phòng Sở Lãnh đạo Sở", "Tỉnh ủy Theo TP mời".
LEADER_INLINE_RE = re.compile(r"(?<!\bBan)\s(?=(?:Đ/c|Lãnh đạo|Theo\s+\S+(?:\s+\S+)?\s+mời|BTV|Thường trực|Đại diện)\b)")  # not "Ban Thường trực"
# Weaker than a person: a label added to a person in the same cell.
LEADER_ADDON_RE = re.compile(r"^(?:đại\s+diện|pgđ\s+phụ\s+trách)", I)

# The head nouns unit and place names start with.
UNIT_HEAD_RE = re.compile(
    r"^(?:văn\s+phòng|vp|phòng|ban|sở|chi\s+cục|cục|trung\s+tâm|thanh\s+tra|đảng\s+ủy|đảng\s+uỷ|đảng\s+bộ|"
    r"chi\s+bộ|chi\s+ủy|công\s+đoàn|đoàn|hội|ủy\s+ban|uỷ\s+ban|ubnd|hđnd|ubkt|ubmttq|tỉnh\s+đoàn|tòa\s+án|"
    r"viện|bộ|công\s+an|bch|btc|các|trường|bệnh\s+viện|liên\s+đoàn|mặt\s+trận|tổ|nhóm|đơn\s+vị|cơ\s+quan|"
    r"vptu|vpub|vpđuk|đuk|hội\s+trường|phòng\s+họp|trụ\s+sở|nhà|điểm\s+cầu|xã|phường|huyện|thị\s+xã|"
    r"thành\s+phố|tp\s|tỉnh(?!\s+ủy|\s+uỷ)|quận|khu|kho\s+bạc|bảo\s+hiểm|ngân\s+hàng|báo|đài|tạp\s+chí)\b",
    I,
)
# Place heads that need a complement: "Hội trường / UBND tỉnh" is one place, not two.
INCOMPLETE_HEAD_RE = re.compile(
    r"^(?:-\s*)?(?:hội\s+trường|phòng\s+họp|trụ\s+sở|nhà|điểm\s+cầu|tầng\s+\d+,?|ủy\s+ban|uỷ\s+ban|ban|bộ\s+chỉ\s+huy)$", I
)

# A place named by its head noun alone, which never ends a place ("Địa điểm: Trung tâm" / "Chính trị huyện",
# "Nhà văn hóa" / "Khu phố 3");
# unlike INCOMPLETE_HEAD_RE's "Hội trường", "Phòng họp", which an office's own rooms are called by themselves.
PLACE_HEAD_ONLY_RE = re.compile(r"^(?:trung\s+tâm|trụ\s+sở|ủy\s+ban|uỷ\s+ban|bộ\s+chỉ\s+huy|nhà\s+văn\s+h(?:óa|oá))$", I)

# A line that is page furniture in a table: page numbers, greetings in capitals.
FURNITURE_RE = re.compile(r"^(?:CHÚC\s+MỪNG\s+NĂM\s+MỚI|Trang\s+\d+(?:\s*/\s*\d+)?|-\s*\d+\s*-)$", I)

# An entry that cites a document rather than naming anyone: "Theo Giấy mời số 107/GM-UBND".
REFERENCE_RE = re.compile(r"^\W*theo\s+(?:giấy\s+mời|công\s+văn|kế\s+hoạch|quyết\s+định|thông\s+báo|văn\s+bản)\b", I)

# What a browser prints in a page's margins: the date and time ("11/24/26, 1:59 PM", "24/11/2026, 13:59"),
# the page's address and the page count ("https://…/lich-cong-tac 1/2").
PRINT_MARGIN_RE = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)|^(?:https?|file)://\S+(?:\s+\d+\s*/\s*\d+)?$", I
)

# Ends of a program: recipients, signatures.
TRAILER_RE = re.compile(r"^\W*(?:nơi\s+nhận|kt\.\s|tl\.\s|tm\.\s|người\s+ký|ghi\s+chú\s*:)", I)

# A pattern opening with a look-ahead, "(?=[…])", lists the characters a match can start with: a search
# then turns most positions away at once (tests/test_regex_guards.py proves the matches unchanged).
# A line ending with a word that needs what follows ("… của", "… ngày"): "đầu năm", "cả ngày" are complete.
_WHOLE_NGAY = "".join(f"(?<!{w} ngày)" for w in ("đầu", "cuối", "giữa", "hằng", "hàng", "mỗi", "cả", "trong", "nửa"))
_WHOLE_NAM = _WHOLE_NGAY.replace("ngày", "năm")  # the look-behinds after the word: tried only where it ends
CONNECTOR_END_RE = re.compile(
    rf"(?=[,;:+&(“/–\-cdđlnstv])(?:[,;:+&(“/–-]|\b(?:và|của|về|với|các|tại|cho|trong|theo|do|đến|từ|ngày{_WHOLE_NGAY}|năm{_WHOLE_NAM}|số|là|những))$", I
)
CONNECTOR_REACH = 8  # the longest match ("những", "\n" after it) starts this close to the end


def ends_with_connector(text: str) -> bool:
    """A text ending with a word or mark that awaits more: CONNECTOR_END_RE, searched from the last
    characters only (the match is anchored at the end and its look-behinds still see the text before;
    tried from every position of an item it costs microseconds, asked of every line and entry), or a
    straight quote that opens one (an odd count: "… thi đua \"Phụ" awaits, "… hạnh phúc\"" does not)."""
    if text.rstrip().endswith('"'):
        return text.count('"') % 2 == 1
    return CONNECTOR_END_RE.search(text, max(0, len(text) - CONNECTOR_REACH)) is not None

# An item that starts with its clock time: "(8h30) …", "8 giờ, …", "7 giờ 30’ …", "8h00. …", "14h00 - 16h00: …"
LEADING_TIME_RE = re.compile(
    rf"^\(?\s*(?:(?:từ|lúc|vào\s+lúc)\s+)?(?P<clock>{CLOCK})(?:\s*(?:-|–|đến)\s*{CLOCK})?\s*\)?(?=[\s,.:;–-]|$)\s*[,.:;–-]?\s*",
    I,
)

WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|t\.\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|t\.?[2-7](?!\d)|chủ\s*nhật|cn)"
LUNAR_NOTE = r"\(\s*(?:nhằm\s+(?:ngày\s+)?)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*(?:ÂL|âm\s+lịch)\s*\)"
# A day heading: "THỨ HAI 14/3", "Thứ Hai, ngày 12/5/2025", "* THỨ BẢY 11/01/2025 (nhằm 12/12 ÂL)",
# "T. Ba 03/9", "Sáng thứ Hai (12/5):", "THỨ BẢY, CHỦ NHẬT (17, 18/5)", "12/5 (Thứ Hai)", and an item
# that opens with its day: "1. 8h00 sáng thứ Hai (12/5): …" (its clock time is left to the item).
DAY_HEAD_RE = re.compile(
    rf"^[\s*•·\-–+]*(?P<num>\d{{1,2}}[.)]\s+)?(?:(?P<clock>{CLOCK})\s+)?(?:(?P<session>sáng|chiều|tối|cả\s+ngày)\s+)?"
    rf"(?:(?P<wd>{WEEKDAY})(?:\s*(?:,|và|-|–)\s*{WEEKDAY})?\b\s*[,.:\-–]?\s*)?\(?\s*(?:ngày\s+)?"
    rf"(?P<d>\d{{1,2}})(?:\s*(?:,|và|-|–)\s*(?P<dd>\d{{1,2}})(?=\s*[/.]))?\s*[/.]\s*(?P<m>\d{{1,2}})(?:\s*[/.]\s*(?P<y>\d{{4}}))?\s*\)?"
    rf"(?:\s*[,(\-–]?\s*(?P<wd2>{WEEKDAY})\s*\)?)?\s*(?P<lunar>{LUNAR_NOTE})?\s*[:.,]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "… VÀ CHỦ NHẬT 18/5": the heading names a second day.
SECOND_DAY_RE = re.compile(
    rf"^(?:và|-|–|đến)\s*(?:{WEEKDAY})?\s*,?\s*(?:ngày\s+)?(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*\d{{4}})?\s*[:.,]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "(từ ngày 06/9 - 09/9)", "(Từ ngày 15 - 17/01/2024)", "(từ ngày 06-08/12/2023)", "Từ ngày 16/12 đến 18/12:", and
# with the ends' weekdays: "(Từ thứ 2, ngày 12/5/2025 đến thứ 6, ngày 16/5/2025)", "từ 12/5 (thứ Hai) đến 14/5 (thứ Tư)",
# "Từ Thứ Hai (12/5) đến Thứ Tư (14/5)"
_NAMED = rf"(?:{WEEKDAY}\s*,?\s*\(?\s*)?"  # "thứ 2, ngày 12/5", "Thứ Hai (12/5)"
_NAMED_AFTER = rf"(?:\s*\)|\s*\(\s*{WEEKDAY}\s*\))?"  # "(12/5)"'s bracket, "12/5 (thứ Hai)"
DATE_RANGE_RE = re.compile(
    rf"(?=[(\st])\(?\s*từ\s+{_NAMED}(?:ngày\s+)?(?P<d1>\d{{1,2}})(?:\s*/\s*(?P<m1>\d{{1,2}})(?:\s*/\s*(?P<y1>\d{{4}}))?)?{_NAMED_AFTER}\s*"
    rf"(?:-|–|đến(?:\s+hết)?)\s*{_NAMED}(?:ngày\s+)?(?P<d2>\d{{1,2}})\s*/\s*(?P<m2>\d{{1,2}})(?:\s*/\s*(?P<y2>\d{{4}}))?{_NAMED_AFTER}\s*\)?\s*:?",
    re.IGNORECASE,
)
# A line or cell that is only a weekday ("Thứ Hai", "- THỨ BA:", "CN"), a session ("Sáng", "Buổi chiều:")
# or a clock time ("8h30", "(14 giờ)"): the cells of a weekly table around its items.
WEEKDAY_ALONE_RE = re.compile(rf"^[\s*•·\-–+]*(?P<wd>{WEEKDAY})\s*[:.,]?\s*$", re.IGNORECASE)
TIME_ALONE_RE = re.compile(rf"^\(?\s*{CLOCK}\s*\)?\s*$", re.IGNORECASE)
SESSION_ALONE_RE = re.compile(r"^(?:buổi\s+)?(?:sáng|chiều|tối|cả\s+ngày)\s*:?\s*$", re.IGNORECASE)
# "ngày 14 tháng 3 năm 2022" and "12-5-2025" are read as "14/3/2022", "12/5/2025".
VI_DATE_RE = re.compile(r"(?=\d)(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|/)\s*(\d{4}))?", re.IGNORECASE)
DASHED_DATE_RE = re.compile(r"(?=\d)(?<![\d/])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)")


@dataclass(frozen=True)
class DayHead:
    date: str  # "14/3", "11/01/2025"; "17-18/5" when the heading names two days
    weekday: str | None
    weekday_given: bool  # the weekday is written on the heading line itself
    lunar: str | None
    session: str | None  # "Sáng thứ Hai (12/5):" heads the morning only
    rest: str  # text after the heading on its line
    year_given: bool


def day_head(text: str) -> DayHead | None:
    """The day heading a line starts with; None if it names no valid date."""
    text = DASHED_DATE_RE.sub(_slashed, VI_DATE_RE.sub(_slashed, text))
    m = DAY_HEAD_RE.match(text)
    if not m or not (1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12):
        return None
    last, rest = m.group("dd"), m.group("rest").strip()
    second = SECOND_DAY_RE.match(rest)
    if second and second.group("m") and int(second.group("m")) == int(m.group("m")):
        last, rest = second.group("d"), second.group("rest").strip()
    days = f"{int(m.group('d'))}-{int(last)}" if last and int(last) > int(m.group("d")) else str(int(m.group("d")))
    date = f"{days}/{int(m.group('m'))}" + (f"/{m.group('y')}" if m.group("y") else "")
    weekday = m.group("wd") or m.group("wd2")
    if (m.group("num") or m.group("clock")) and not (weekday or m.group("session")):
        return None  # "1. 10.5 tỷ …", "8h 12/5": a number, not a day opening an item
    if m.group("clock"):
        rest = f"{m.group('clock')} {rest}"
    return DayHead(date, weekday, bool(weekday), m.group("lunar"), m.group("session"), rest, bool(m.group("y")))


def _slashed(m: re.Match) -> str:
    return f"{m.group(1)}/{m.group(2)}" + (f"/{m.group(3)}" if m.group(3) else "")


WEEKDAY_NUMBERS = {
    "hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3,
    "sáu": 4, "6": 4, "bảy": 5, "bẩy": 5, "7": 5, "cn": 6, "chủ nhật": 6,
}
WEEKDAY_WORD_RE = re.compile(r"(?<!\w)(?:thứ\s*|t(?=[2-7]))?(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7]|cn|chủ\s*nhật)(?!\w)", I)


def weekdays_named(text: str, bare_digits: bool = True) -> list[int]:
    """Weekdays (0 = Monday) named in a text: "Thứ Hai", "Sáu", "7, CN", "T. Ba"; in a day cell
    ("Thứ 2, 05/9") a digit is a weekday only after "Thứ"/"T"."""
    return [
        WEEKDAY_NUMBERS[" ".join(m.group(1).lower().split())]
        for m in WEEKDAY_WORD_RE.finditer(text)
        if bare_digits or not m.group(1).isdigit() or m.group(0) != m.group(1)
    ]


def weekday_of(name: str | None) -> int | None:
    """The weekday a heading names ("THỨ HAI", "Thứ 2", "CN"), or None."""
    named = weekdays_named(name or "")
    return named[0] if named else None

# Where a saved portal page's schedule ends: related news, the portal's footer.
PAGE_END_RE = re.compile(
    r"^\W*(?:các\s+tin\s+khác|tin\s+(?:liên\s+quan|cùng\s+chuyên\s+mục|khác|mới)|bài\s+viết\s+(?:liên\s+quan|khác)|"
    r"xem\s+thêm|cổng\s+thông\s+tin\s+điện\s+tử|bản\s+quyền|©|copyright|trang\s+chủ\b|"
    r"địa\s+chỉ\s*:.*(?:điện\s+thoại|đt|email)|chịu\s+trách\s+nhiệm)",
    I,
)

# Labelled fields of an item, on a sub-line ("- Địa điểm: …") or inline ("Nội dung: … Thành phần: …"):
# the field each label fills. Longer labels first where one label starts another.
FIELD_LABELS = {
    "time": r"thời\s+gian",
    "content": r"nội\s+dung(?:\s+công\s+việc)?",
    "place": r"địa\s+điểm",
    "units": r"(?:đơn\s+vị\s+|cơ\s+quan\s+)?(?:chủ\s+trì\s*,?\s*)?chuẩn\s+bị|đơn\s+vị\s+(?:thực\s+hiện|phối\s+hợp)",
    "chair": r"(?:người\s+|lãnh\s+đạo\s+)?chủ\s+trì(?:\s*(?:và|/|,)\s*(?:tham\s+)?dự)?|lãnh\s+đạo\s+(?:tham\s+)?dự",
    "with": r"cùng\s+(?:tham\s+)?dự|cùng\s+đi|tham\s+dự",
    "participants": r"thành\s+phần(?:\s+(?:mời|dự|tham\s+dự|tham\s+gia))?|mời\s+(?:tham\s+)?dự|(?:khách|đại\s+biểu)\s+mời|mời",
    # The office's escort and desk, remarks, cars: not part of the event.
    "dropped": r"lđvp|lđ\s+vp|cvvp|cv\s+vp|chuyên\s+viên(?:\s+vp)?|phục\s+vụ|ghi\s+chú|lái\s+xe|phương\s+tiện",
}
FIELD_FIRST = "cđgklmnpt"  # every label's first letter: the look-ahead (see above) skips the other positions
FIELD_LABEL_RE = re.compile(
    rf"(?=[{FIELD_FIRST}])(?<![\w/])(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in FIELD_LABELS.items()) + r")\s*:\s*", I
)
# A personal honorific before a name ("Ông Đỗ Văn Toàn", "Bà Lê Thị Hoa"): a person, as "Đ/c" is.
HONORIFIC_RE = re.compile(r"(?<!\w)(?:Ông|Bà|ông|bà)\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])")
# Titles written as acronyms before a name or alone: "PGĐ Cao Văn Chóng dự …", "PCT Nguyễn Văn Thi".
TITLE_ACRONYMS = r"(?:PCTTT|PCT|CT|PGĐ|GĐ|BGĐ|PBT|BT|PCVP|CVP|TUV|UVBTV|TP|PTP|PHT)"
# An entry of a "Cùng dự:" list that names a group, not a leader: "đại diện các phòng", "cán bộ, công chức".
# "Các Phó Chủ tịch liên quan" names leaders, not a group invited.
GROUP_ENTRY_RE = re.compile(r"^(?:đại\s+diện|các\s(?!(?:phó\s+)?(?:chủ\s+tịch|giám\s+đốc|bí\s+thư|trưởng\s+ban|đồng\s+chí))|toàn\s+thể|cán\s+bộ|công\s+chức|viên\s+chức|người\s+lao\s+động)", I)

# The words a header row names its columns with.
# Longest phrases first, so "Lãnh đạo chủ trì, tham dự" is one leader column, not two.
ROLE_WORDS = [  # (phrase, column role): the roles are lichsync.parse.rows'
    (r"(?:lãnh\s+đạo\s+)?(?:vp|văn\s+phòng)\b[^|\t]{0,40}?theo\s+dõi|ghi\s+chú|^s?tt$|số\s+tt|lái\s+xe|biển\s+số|phương\s+tiện", "ignored"),
    (r"thành\s+phần(?:\s+(?:tham\s+dự|mời|dự))?|khách\s+mời|đại\s+biểu\s+mời", "participants"),
    # The office's own leaders and staff ("Lãnh đạo Văn phòng; chuyên viên; các phòng, ban liên quan"):
    # who prepares, not who chairs.
    (r"lãnh\s+đạo\s+(?:vp|văn\s+phòng)\b", "units"),
    (r"(?:đơn\s+vị|cơ\s+quan|bộ\s+phận)\s+(?:tham\s+mưu|thực\s+hiện|phối\s+hợp|tổ\s+chức|chủ\s+trì)", "units"),
    (r"(?:đơn\s+vị|cơ\s+quan)\s*[/,]?\s*(?:(?:đơn\s+vị|cơ\s+quan)\s*)?(?:chủ\s+trì\s*,?\s*)?chuẩn\s+bị", "units"),
    (r"(?:lãnh\s+đạo|người)\s+(?:chủ\s+trì|dự)(?:\s*,\s*tham\s+dự)?", "leaders"),
    (r"lãnh\s+đạo(?:\s+(?:sở|ubnd|tỉnh|ban|huyện))?(?:\s+chủ\s+trì)?", "leaders"),
    (r"chủ\s+trì|tham\s+dự|tham\s+gia|người\s+dự", "leaders"),
    # A weekly table's leader column is often headed by whose schedule it is: "Thường trực UBND tỉnh".
    (r"thường\s+trực|ban\s+giám\s+(?:đốc|hiệu)", "leaders"),
    (r"nội\s+dung(?:\s+công\s+việc)?", "content"),
    (r"công\s+việc", "content"),
    (r"địa\s+điểm|nơi\s+(?:tổ\s+chức|họp|làm\s+việc|diễn\s+ra)", "location"),
    (r"thời\s+gian|giờ|buổi", "time"),
    (r"(?:thứ\s*[/,-]\s*)?ngày(?:\s*[/,-]\s*thứ)?(?:\s*,?\s*tháng)?", "day"),
    (r"thứ", "weekday"),
    (r"chuẩn\s+bị", "units"),
    (r"(?:các\s+)?phòng\s*,\s*ban(?:\s+liên\s+quan)?", "units"),  # "Lãnh đạo Văn phòng; chuyên viên; các phòng, ban liên quan"
]

# A leaders cell: "Đ/c …", a title or its acronym ("PCT", "GĐ").
LEADER_CELL_RE = re.compile(
    LEADER_START_RE.pattern + r"|^(?:PCTTT|PCT|CT|PBT|BT|GĐ|PGĐ|TP|PTP)\b|\bđ/c\b", re.IGNORECASE
)
# A driver column's licence plates ("36A-012.34", "48A.00242").
PLATE_RE = re.compile(r"\b\d{2}\s*[A-ZĐ]{1,2}\d?\s*[-.]\s*\d{3}\.?\d{2}\b")
# What a place cell says ("Hội trường tầng 6", "P. họp 2", "Xã Yên Hồ") and what a unit cell says
# ("VP, các ban", "Phòng LĐVL", "BTC"): a column without a header is the one it reads as more.
PLACE_WORDS_RE = re.compile(
    r"hội\s+trường|phòng\s+họp|p\.\s*họp|^ph\s*\d|^ht\b|tầng\s*\d|trụ\s+sở|\bsân\b|nhà\s+(?:văn\s+hóa|khách|hát)|"
    r"trung\s+tâm\s+hội\s+nghị|điểm\s+cầu|trực\s+tuyến|quảng\s+trường|^tại\b|^(?:xã|phường|thị\s+trấn|huyện|thôn|bản)\b",
    re.IGNORECASE,
)
UNIT_WORDS_RE = re.compile(
    r"chuẩn\s+bị|^(?:vp|văn\s+phòng|phòng(?!\s+họp)|ban|sở|chi\s+(?:ủy|bộ|cục)|đoàn|các|cục|thanh\s+tra|đảng\s+ủy|"
    r"công\s+đoàn|hội|ubnd|hđnd|ubmttq|trung\s+tâm(?!\s+hội\s+nghị))\b|^(?!HT\b)[A-ZĐ]{2,}\b",
    re.IGNORECASE,
)
# A duty roster ("Lịch trực lãnh đạo …"): people on duty, the activity named above their table.
DUTY_RE = re.compile(r"\btrực\b", re.IGNORECASE)

# Vietnamese family names: a name starts with one ("Nguyễn Văn …"), so OCR's doubtful marks on it are no
# evidence of an ordinary word ("nguyên văn").
SURNAMES = frozenset([
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Đinh", "Đào", "Trịnh", "Mai", "Trương", "Lâm", "Tô", "Hà", "Tạ", "Cao", "Lưu", "Chu", "Quách", "Đoàn", "Lương", "Văn",
    "Thái", "Kiều", "Tăng", "Châu", "Mạc", "Triệu", "Hứa", "Thân", "Khổng", "Lại", "Từ", "La", "Giáp",
])

# The standing bodies of provinces and districts, named the same way in every program: a closed list that a
# reading a mark or two away (OCR's "Tài Nguyễn Môi trường", "Úy ban nhân dân") is put right against.
# "và" and "-" may be left out as written ("Phòng Tài nguyên Môi trường").
UNIT_NAMES = [
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Văn phòng HĐND và UBND", "Ủy ban Mặt trận Tổ quốc",
    "Tài nguyên và Môi trường", "Lao động - Thương binh và Xã hội", "Tài chính - Kế hoạch", "Kế hoạch và Đầu tư",
    "Nông nghiệp và Phát triển nông thôn", "Giáo dục và Đào tạo", "Văn hóa và Thông tin", "Văn hóa, Thể thao và Du lịch",
    "Kinh tế và Hạ tầng", "Quản lý đô thị", "Khoa học và Công nghệ", "Thông tin và Truyền thông", "Giao thông vận tải",
    "Xây dựng", "Nội vụ", "Tư pháp", "Tài chính", "Công Thương", "Ngoại vụ", "Y tế", "Dân tộc", "Thanh tra",
    "Tiếp công dân", "Chỉ huy Quân sự", "Kho bạc Nhà nước", "Chi cục Thuế", "Kiểm lâm", "Tuyên giáo", "Dân vận",
    "Tổ chức", "Kiểm tra", "Huyện ủy", "Tỉnh ủy", "Thành ủy",
]
