"""The Vietnamese lunar calendar (âm lịch), 1900–2100, computed for Vietnam's time zone (UTC+7).

Hồ Ngọc Đức's algorithm: new moons and solar terms from Meeus's series, a month starts on the
local day of its new moon, month 11 holds the winter solstice, and in a 13-month year the first
month without a major solar term is the leap one. lunardate follows the Chinese calendar
(UTC+8), which starts a month a day later when the new moon falls between 23:00 and 24:00 in
Hà Nội: Tết Ất Sửu was 21/01/1985 in Vietnam, 20/02/1985 in China.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache

TIME_ZONE = 7.0  # hours east of UTC: the calendar of Vietnam
FIRST_YEAR, LAST_YEAR = 1900, 2100
SYNODIC_MONTH = 29.530588853
NEW_MOON_0 = 2415021.076998695  # Julian day of the new moon of 1900-01-01
JDN_OF_ORDINAL_0 = 1721425  # Julian day number of date.fromordinal(1) minus one

CAN = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
CHI = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


@dataclass(frozen=True, order=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False  # a leap month (tháng nhuận) repeats the number of the month before it

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}{' nhuận' if self.leap else ''}/{self.year}"


def year_name(lunar_year: int) -> str:
    """The can-chi name of a lunar year: 2023 → "Quý Mão", 2024 → "Giáp Thìn"."""
    return f"{CAN[(lunar_year + 6) % 10]} {CHI[(lunar_year + 8) % 12]}"


def _new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after the one of 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 += -0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _new_moon_day(k: int, tz: float) -> int:
    """Julian day number of the local day the k-th new moon falls on."""
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude_sector(jdn: int, tz: float) -> int:
    """Which twelfth of the ecliptic (0 = from the vernal equinox) the sun is in at local midnight."""
    t = (jdn - 0.5 - tz / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = ((l0 + dl) * dr) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


def _jdn(d: date) -> int:
    return d.toordinal() + JDN_OF_ORDINAL_0


def _date(jdn: int) -> date:
    return date.fromordinal(jdn - JDN_OF_ORDINAL_0)


@cache
def _month_11(year: int, tz: float) -> int:
    """Julian day number of the start of the lunar month holding the winter solstice of `year`."""
    k = math.floor((_jdn(date(year, 12, 31)) - 2415021) / SYNODIC_MONTH)
    start = _new_moon_day(k, tz)
    return _new_moon_day(k - 1, tz) if _sun_longitude_sector(start, tz) >= 9 else start


@cache
def _months(year: int, tz: float) -> tuple[list[int], list[LunarDate]]:
    """The months from month 11 of lunar year `year - 1` up to month 11 of `year`: their first
    days (Julian day numbers) and their numbers, as the 1st of each month."""
    a11, b11 = _month_11(year - 1, tz), _month_11(year, tz)
    k = math.floor((a11 - NEW_MOON_0) / SYNODIC_MONTH + 0.5)
    starts = [_new_moon_day(k + i, tz) for i in range(14)]
    starts = [s for s in starts if s < b11]
    leap_at = None
    if len(starts) == 13:
        # The first month (after month 11) in which no major solar term begins is the leap month.
        sectors = [_sun_longitude_sector(_new_moon_day(k + i, tz), tz) for i in range(15)]
        leap_at = next((i for i in range(1, 14) if sectors[i] == sectors[i + 1]), 13)
    labels = []
    for i in range(len(starts)):
        number = i + 11 if leap_at is None or i < leap_at else i + 10
        lunar_year = year if number > 12 else year - 1
        labels.append(LunarDate(lunar_year, (number - 1) % 12 + 1, 1, leap_at == i))
    return starts, labels


def _check_range(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"the lunar calendar is computed for {FIRST_YEAR}–{LAST_YEAR}, not {year}")


def to_lunar(d: date, tz: float = TIME_ZONE) -> LunarDate:
    """The Vietnamese lunar date of a solar date (tz=8 gives the Chinese calendar's, to compare)."""
    _check_range(d.year)
    jdn = _jdn(d)
    year = d.year if jdn < _month_11(d.year, tz) else d.year + 1
    starts, labels = _months(year, tz)
    i = bisect_right(starts, jdn) - 1
    first = labels[i]
    return LunarDate(first.year, first.month, jdn - starts[i] + 1, first.leap)


def to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date:
    """The solar date of a Vietnamese lunar date; ValueError when that day does not exist."""
    _check_range(lunar_year)
    segment = lunar_year + 1 if month >= 11 else lunar_year
    starts, labels = _months(segment, TIME_ZONE)
    for i, first in enumerate(labels):
        if (first.year, first.month, first.leap) == (lunar_year, month, leap):
            end = starts[i + 1] if i + 1 < len(starts) else _month_11(segment, TIME_ZONE)
            if not 1 <= day <= end - starts[i]:
                break
            return _date(starts[i] + day - 1)
    raise ValueError(f"{day:02d}/{month:02d}{' nhuận' if leap else ''}/{lunar_year} is not a day of the lunar calendar")


def tet(year: int) -> date:
    """The first day of the lunar year that begins in solar `year` (Tết Nguyên Đán)."""
    return to_solar(year, 1, 1)


def lunar_label(d: date) -> str:
    """ "Âm lịch: 01/12 Quý Mão" for 11/01/2024: the lunar day and month, and the year's can-chi name."""
    lunar = to_lunar(d)
    leap = " nhuận" if lunar.leap else ""
    return f"Âm lịch: {lunar.day:02d}/{lunar.month:02d}{leap} {year_name(lunar.year)}"

