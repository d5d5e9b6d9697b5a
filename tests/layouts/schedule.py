"""A gold schedule as the renderers see it: days of items, and how offices write each field.

The writing helpers here follow the real documents (samples/, samples/weekly/): a day is written
"5", "Thứ Hai 14/7", "THỨ HAI, NGÀY 14/7/2025", "Thứ 2\\n(14/7/2025)", "T. Ba 03/9" or date first;
a session "Sáng", "Buổi sáng", "SÁNG"; a clock time "7h30", "7 giờ 30", "07:30", "(7h30)";
a person "Đ/c Lạc", "Đ/c Lạc - PGĐ", a group as written ("Lãnh đạo Sở").
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
WEEKDAY_DIGITS = ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật"]
WEEKDAY_SHORT = ["T. Hai", "T. Ba", "T. Tư", "T. Năm", "T. Sáu", "T. Bảy", "CN"]
SESSIONS = {
    "plain": {"morning": "Sáng", "afternoon": "Chiều", "evening": "Tối", "all_day": "Cả ngày"},
    "buoi": {"morning": "Buổi sáng", "afternoon": "Buổi chiều", "evening": "Buổi tối", "all_day": "Cả ngày"},
    "upper": {"morning": "SÁNG", "afternoon": "CHIỀU", "evening": "TỐI", "all_day": "CẢ NGÀY"},
}
# Titles an office writes after a person's name; a careful clerk drops them.
ROLE_SUFFIXES = ["PGĐ", "GĐ Sở", "PCT", "CT", "TUV, PBT"]


@dataclass
class Item:
    """One gold event, with the text its layout writes and the gold that text stands for."""

    gold: dict
    day: date
    end: date | None
    session: str | None
    time: str | None  # "HH:MM"
    title: str
    officials: list[str]
    units: list[str]
    location: str | None
    participants: list[str] = field(default_factory=list)

    def expected(self, title: str | None = None) -> dict:
        """The gold event this item reads back as (its title changed where the layout adds to it)."""
        event = copy.deepcopy(self.gold)
        event.pop("why", None)
        event.pop("line", None)
        if title is not None:
            event["title"] = title
        return event


@dataclass
class Schedule:
    name: str
    organization: str | None
    month: int
    year: int
    start: date | None  # a week's (or range's) first and last day; None for a month's program
    stop: date | None
    days: list[tuple[date, list[Item]]]

    @property
    def weekly(self) -> bool:
        return self.start is not None

    @property
    def items(self) -> list[Item]:
        return [item for _, items in self.days for item in items]

    def one_month(self) -> bool:
        return all(d.month == self.month and d.year == self.year for d, _ in self.days)


def load(name: str, gold: dict) -> Schedule:
    """The gold document as days of items, in date order, each day's items in gold order."""
    period = gold["period"]
    by_day: dict[date, list[Item]] = {}
    for e in gold["events"]:
        item = Item(
            gold=e, day=date.fromisoformat(e["date"]),
            end=date.fromisoformat(e["end_date"]) if e.get("end_date") and e["end_date"] != e["date"] else None,
            session=e.get("session"), time=e.get("start_time"), title=e["title"],
            officials=list(e.get("officials") or []), units=list(e.get("units") or []),
            location=e.get("location"), participants=list(e.get("participants") or []),
        )
        by_day.setdefault(item.day, []).append(item)
    start = date.fromisoformat(period["from"]) if period.get("from") else None
    stop = date.fromisoformat(period["to"]) if period.get("to") else None
    return Schedule(name, gold.get("organization"), period["month"], period["year"], start, stop,
                    sorted(by_day.items()))


# --- days -----------------------------------------------------------------------------------

def dm(d: date, year: bool = False, pad: bool = False) -> str:
    day = f"{d.day:02d}" if pad else str(d.day)
    month = f"{d.month:02d}" if pad else str(d.month)
    return f"{day}/{month}/{d.year}" if year else f"{day}/{month}"


def day_label(d: date, style: str, monthly: bool) -> str:
    """A day as offices head it; "day" (the bare day number) only in a month's program."""
    wd = d.weekday()
    if style == "day" and monthly:
        return str(d.day)
    if style == "weekday_dm":
        return f"{WEEKDAYS[wd]} {dm(d)}"
    if style == "upper_full":
        return f"{WEEKDAYS[wd].upper()}, NGÀY {dm(d, year=True)}"
    if style == "digit_paren":
        return f"{WEEKDAY_DIGITS[wd]}\n({dm(d, year=True, pad=True)})"
    if style == "digit_lines":
        return f"{WEEKDAY_DIGITS[wd]}\n{dm(d)}"
    if style == "short":
        return f"{WEEKDAY_SHORT[wd]} {dm(d, pad=True)}"
    if style == "date_first":
        return f"{dm(d, pad=True)}\n{WEEKDAYS[wd]}"
    if style == "colon":
        return f"{WEEKDAYS[wd]}: {dm(d)}"
    return f"{WEEKDAYS[wd]}, ngày {dm(d, year=True)}"


def span_label(a: date, b: date, style: int) -> str:
    """A day-span row's cell: "1-4" in a month, "Từ 08/4 đến 14/4/2019" and kin in a week."""
    if style == 0:
        return f"{a.day}-{b.day}" if a.month == b.month else f"Từ {dm(a)} đến {dm(b, year=True)}"
    if style == 1 and a.month == b.month:
        return f"Từ {a.day} đến {dm(b, year=True)}"
    if style == 2 and a.month == b.month:
        return f"Từ ngày {a.day} đến ngày {dm(b, year=True)}"
    return f"Từ {dm(a)} đến {dm(b, year=True)}"


def range_note(item: Item, style: int) -> str:
    """The item's own span note ("(từ ngày 06/9 - 09/9)"), which gold leaves out of the title."""
    a, b = item.day, item.end
    if b is None:
        return ""
    if style == 1 and a.month == b.month:
        return f" (Từ ngày {a.day:02d} - {dm(b, year=True, pad=True)})"
    if style == 2 and a.month == b.month:
        return f" (từ ngày {a.day:02d}-{dm(b, year=True, pad=True)})"
    return f" (từ ngày {dm(a)} - {dm(b)})"


# --- session and time ------------------------------------------------------------------------

def session_word(session: str | None, style: str = "plain") -> str:
    return SESSIONS[style][session] if session else ""


def clock(time: str | None, style: str) -> str:
    """A clock time as offices write it; "" for none."""
    if not time:
        return ""
    h, m = (int(x) for x in time.split(":"))
    if style == "giờ":
        return f"{h} giờ" if m == 0 else f"{h} giờ {m:02d}"
    if style == "colon":
        return f"{h:02d}:{m:02d}"
    if style == "paren":
        return f"({h}h{m:02d})" if m else f"({h}h)"
    return f"{h}h{m:02d}"


def lead(item: Item, session_style: str | None, time_style: str) -> str:
    """What an item's line opens with: "Sáng: ", "7h30: ", "Sáng, 7h30: ", "(8h30) ", or ""."""
    session = session_word(item.session, session_style) if session_style and item.session else ""
    if not item.time:
        return f"{session}: " if session else ""
    t = clock(item.time, time_style)
    if time_style == "paren":
        return f"{session}: {t} " if session else f"{t} "
    return f"{session}, {t}: " if session else f"{t}{', ' if time_style == 'giờ' else ': '}"


# --- people, units, places -------------------------------------------------------------------

def is_person(name: str) -> bool:
    """A person's name ("Lạc", "Cao Văn Chóng") as against a group or title ("Lãnh đạo Sở", "TT HĐND")."""
    return all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in name.split())


def official(name: str, style: str) -> str:
    """One official as a leader column writes it: "Đ/c Lạc", "Đ/c Lạc - PGĐ" (the same title for the
    same person throughout); a group as written."""
    if not is_person(name):
        return name
    if style == "role":
        return f"Đ/c {name} - {ROLE_SUFFIXES[sum(map(ord, name)) % len(ROLE_SUFFIXES)]}"
    if style == "dong_chi":
        return f"Đồng chí {name}"
    return f"Đ/c {name}"


def officials_text(names: list[str], style: str = "dc", sep: str = "; ") -> str:
    return sep.join(official(n, style) for n in names)


def units_text(units: list[str]) -> str:
    return ", ".join(units)


def mentions_all(text: str, values: list[str]) -> bool:
    low = text.lower()
    return all(v.lower() in low for v in values)


def units_note(item: Item) -> str:
    """Units carried in the item text, "(Văn phòng chuẩn bị)", unless the title already says who prepares."""
    if not item.units or ("chuẩn bị" in item.title.lower() and mentions_all(item.title, item.units)):
        return ""
    return f" ({units_text(item.units)} chuẩn bị)"
