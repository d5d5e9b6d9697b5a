"""The one day reader: what a day cell, a day heading or a span row says about dates (pure).

Every layout writes its days its own way — "5", "06-07", "Thứ Hai 14/7", "T. Ba 03/9",
"Thứ 2\\n(08/4/2019)", "THỨ BẢY, NGÀY 25/3/2023", "Thứ 5, 6 (15-16/5)", "Từ 08/4 đến 14/4/2019",
"Từ 24 đến 28/6/2019", "Từ ngày 16 đến ngày 20/4/2019", "Từ thứ 2 đến thứ 4", "THỨ HAI" under a
title naming the week — and all of them are read here. A day that cannot be a date is a
`DayProblem` for its row's warning, never an exception.
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from lichsync.parse import vocab

# A pattern opening with a look-ahead, "(?=[…])", lists the characters a match can start with: a search
# then turns most positions away at once (tests/test_regex_guards.py proves the matches unchanged).
SPLIT_LUNAR_RE = re.compile(r"(/\s*\d)\s+(\d\s*(?:ÂL|âm\s+lịch))", re.IGNORECASE)
NOT_A_WEEKDAY = r"(?<!thứ\s)(?<!thứ)(?<![^\W\d_])"  # the 2 of "Thứ 2", "T2" names a weekday, not a day
DAY_COUNT_RE = re.compile(rf"(?<![\d/]){NOT_A_WEEKDAY}0?(\d{{1,2}})\s*ngày\b", re.IGNORECASE)
# "Từ 08/4 đến 14/4/2019", "Từ 24 đến 28/6/2019", "Từ ngày 16 đến ngày 20/4/2019", "15-16/5", "15, 16/5"
RANGE_RE = re.compile(
    rf"(?=[tn\d])(?:từ\s+)?(?:ngày\s+)?{NOT_A_WEEKDAY}(?P<d1>\d{{1,2}})"
    r"(?:\s*/\s*(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?)?\s*"
    r"(?:-|–|,|đến(?:\s+hết)?|và)\s*(?:ngày\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})(?:\s*/\s*(?P<y2>\d{4}))?(?!\d)",
    re.IGNORECASE,
)
# "14/7", "14/7/2025"; "08/11/202" too, a year the page cut (its rest joins from the next page)
DATE_RE = re.compile(r"(?=\d)(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?:(?P<y>\d{4})|\d{0,3}))?(?![\d/])")
# A monthly program's bare day numbers: "5", "06-07", "1-4", "6, 7", "Từ ngày 14 đến ngày 18".
BARE_RE = re.compile(
    r"^\D{0,12}?(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2})(?:\s*(?:-|–|,|đến(?:\s+hết)?)\s*(?:ngày\s+)?(?P<d2>\d{1,2}))?(?!\s*(?:[/\d]|ngày))",
    re.IGNORECASE,
)
# A day cell of a monthly table once weekdays and lunar notes are out: "5", "06-07", "6, 7", "Từ ngày 14 đến ngày 18".
BARE_DAY_RE = re.compile(r"(?:từ\s+)?(?:ngày\s+)?\d{1,2}(?:\s*(?:-|–|,|đến)\s*(?:ngày\s+)?\d{1,2})?(?:\s*\([^)]*\))?", re.IGNORECASE)
WEEKDAY_RANGE_RE = re.compile(
    rf"(?=[tc])(?:từ\s+)?(?P<a>{vocab.WEEKDAY})\s*(?:-|–|đến(?:\s+hết)?)\s*(?P<b>{vocab.WEEKDAY})", re.IGNORECASE
)
# "Thứ Hai (12/5)", "thứ 2 ngày 12/5", "Thứ Hai, 12/5": a date named by its weekday, as a range's ends write it
NAMED_DATE_RE = re.compile(
    rf"(?=[tc])\b{vocab.WEEKDAY}\s*,?\s*(?:ngày\s+)?\(?\s*(?P<date>\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?)\s*\)?",
    re.IGNORECASE,
)
DOTTED_DATE_RE = re.compile(r"(?=\d)(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?(?![\d.])")
WEEKDAY_FIRST_RE = re.compile(rf"^\W*(?P<a>{vocab.WEEKDAY})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Days:
    start: date
    end: date | None = None  # inclusive; None for one day


@dataclass(frozen=True)
class DayProblem:
    message: str


@dataclass(frozen=True)
class Context:
    """What a day is read against: the program's month and year, and the week its title names."""

    month: int
    year: int
    week_start: date | None = None

    def year_of(self, month: int) -> int:
        """The year of a day written without one: the program's, or the next for January in a December program."""
        anchor = self.week_start or date(self.year, self.month, 1)
        if month < anchor.month and anchor.month - month > 6:
            return anchor.year + 1
        if month > anchor.month and month - anchor.month > 6:
            return anchor.year - 1
        return anchor.year


DIGIT_RE = re.compile(r"\d")


def normalise(text: str) -> str:
    """"ngày 14 tháng 3 năm 2022" → "14/3/2022", "12-5-2025" → "12/5/2025", "12.5" → "12/5", line breaks → spaces."""
    text = " ".join(text.split())
    if not DIGIT_RE.search(text):
        return text  # every date form holds a digit: most cells of a program hold none
    text = SPLIT_LUNAR_RE.sub(r"\1\2", text)  # "(01/1\n2 ÂL)": a lunar note wrapped inside its number
    text = vocab.DASHED_DATE_RE.sub(vocab._slashed, vocab.VI_DATE_RE.sub(vocab._slashed, text))
    return DOTTED_DATE_RE.sub(vocab._slashed, text)


def read_day(text: str, ctx: Context) -> Days | DayProblem | None:
    """The days a day cell or span row names; None when it names none; a DayProblem when it names an impossible one."""
    text = without_lunar(text)
    text = vocab.LEADING_TIME_RE.sub("", text.strip())  # "08h00 ngày 12/5/2025": the time is not the day
    found = _range(text, ctx) or _one_date(text, ctx) or _weekday_range(text, ctx) or _bare(text, ctx) or _weekday(text, ctx)
    if isinstance(found, Days) and found.end is None:
        count = DAY_COUNT_RE.search(text)
        if count and int(count.group(1)) > 1:
            return Days(found.start, working_days_end(found.start, int(count.group(1))))
    return found


def working_days_end(start: date, count: int) -> date:
    """The last of `count` working days from `start` (a day count alone: "03 ngày" from a Monday ends Wednesday)."""
    day, left = start, count - 1
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def _make(d: int, m: int, y: int | None, ctx: Context) -> date | DayProblem:
    if not 1 <= m <= 12:
        return DayProblem(f"{d}/{m} is not a date (there is no month {m})")
    year = y or ctx.year_of(m)
    if not 1 <= year <= 9999:
        return DayProblem(f"{d}/{m}/{year} is not a date")
    last = calendar.monthrange(year, m)[1]
    if not 1 <= d <= last:
        return DayProblem(f"day {d} is beyond the end of {m:02d}/{year} ({last} days)")
    return date(year, m, d)


def _range(text: str, ctx: Context) -> Days | DayProblem | None:
    """"Từ 08/4 đến 14/4/2019", and with each end named by its weekday ("Từ Thứ Hai (12/5) đến Thứ Tư (14/5)")."""
    m = RANGE_RE.search(text) or (text.count("/") > 1 and RANGE_RE.search(NAMED_DATE_RE.sub(r"\g<date>", text)))
    if not m:
        return None
    y2 = int(m.group("y2")) if m.group("y2") else None
    end = _make(int(m.group("d2")), int(m.group("m2")), y2, ctx)
    if isinstance(end, DayProblem):
        return end
    m1 = int(m.group("m1") or end.month)
    y1 = int(m.group("y1")) if m.group("y1") else (end.year - 1 if m1 > end.month else end.year)
    start = _make(int(m.group("d1")), m1, y1, ctx)
    if isinstance(start, DayProblem):
        return start
    if start > end:
        return DayProblem(f"the range {m.group(0).strip()} ends before it starts")
    return Days(start, end if end > start else None)


def _one_date(text: str, ctx: Context) -> Days | DayProblem | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    found = _make(int(m.group("d")), int(m.group("m")), int(m.group("y")) if m.group("y") else None, ctx)
    return found if isinstance(found, DayProblem) else Days(found)


def _weekday_range(text: str, ctx: Context) -> Days | None:
    m = WEEKDAY_RANGE_RE.search(text)
    if not m or ctx.week_start is None:
        return None
    a, b = vocab.weekday_of(m.group("a")), vocab.weekday_of(m.group("b"))
    if a is None or b is None or b < a:
        return None
    return Days(_in_week(a, ctx.week_start), _in_week(b, ctx.week_start))


DIGIT_RE = re.compile(r"\d")
WEEKDAY_NAMES_RE = re.compile(vocab.WEEKDAY_NAMES, re.IGNORECASE)


def _bare(text: str, ctx: Context) -> Days | DayProblem | None:
    """A monthly program's day numbers, in the program's month."""
    if ctx.week_start is not None and WEEKDAY_FIRST_RE.match(text) and not DIGIT_RE.search(text):
        return None
    m = BARE_RE.match(WEEKDAY_NAMES_RE.sub(" ", text))
    if not m:
        return None
    first = _make(int(m.group("d1")), ctx.month, ctx.year, ctx)
    if isinstance(first, DayProblem):
        return first
    if not m.group("d2") or int(m.group("d2")) <= first.day:
        return Days(first)
    last = _make(int(m.group("d2")), ctx.month, ctx.year, ctx)
    return last if isinstance(last, DayProblem) else Days(first, last)


def _weekday(text: str, ctx: Context) -> Days | None:
    """"THỨ HAI:" under a title naming the week."""
    m = WEEKDAY_FIRST_RE.match(text)
    if not m or ctx.week_start is None:
        return None
    named = vocab.weekday_of(m.group("a"))
    return None if named is None else Days(_in_week(named, ctx.week_start))


def _in_week(weekday: int, week_start: date) -> date:
    return week_start + timedelta(days=(weekday - week_start.weekday()) % 7)


LUNAR_NOTE_RE = re.compile(vocab.LUNAR_NOTE, re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def without_lunar(text: str) -> str:
    """Cached: every stage tests the same cells (header, roles, rows, choice), a sixth of a PDF's parse."""
    return LUNAR_NOTE_RE.sub(" ", normalise(text))


def has_date(text: str) -> bool:
    """Whether a day cell writes a day/month date (a week's), not just a day number (a month's)."""
    return bool(DATE_RE.search(without_lunar(text)))


WEEKDAYS_IN_DAY_RE = re.compile(rf"(?=[(\stc])(?:\(?\s*{vocab.WEEKDAY}(?:\s*,\s*{vocab.WEEKDAY})*\s*\)?|\b(?:thứ|chủ)$)",
                                re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def names_days(text: str) -> bool:
    """Whether a cell reads as a day cell at all: a date, a day number, a range, a weekday (not an item)."""
    plain = without_lunar(text).strip(" *_:.")
    if not plain or len(plain) > 60:
        return False
    if RANGE_RE.search(plain) or DATE_RE.search(plain) or WEEKDAY_RANGE_RE.search(plain):
        return len(plain) <= 45 or plain.lower().startswith("từ")
    if vocab.WEEKDAY_ALONE_RE.match(plain):
        return True
    # "11 Thứ": a weekday broken by the page still leaves a day cell
    bare = WEEKDAYS_IN_DAY_RE.sub(" ", plain)
    return bool(BARE_DAY_RE.fullmatch(bare.strip(" ,.:;-")))
