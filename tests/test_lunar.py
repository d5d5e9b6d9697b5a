"""The Vietnamese lunar calendar against independent sources.

Tết dates come from python-holidays (its Vietnam calendar keeps the Vietnamese exceptions to
the Chinese dates as data); lunardate (the Chinese calendar, tabulated from the Hong Kong
Observatory) checks every other day: the same algorithm run at UTC+8 must reproduce it.
"""
from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from lunardate import LunarDate as ChineseDate

from lichsync.parse import lunar
from lichsync.parse.lunar import LunarDate, lunar_label, tet, to_lunar, to_solar, year_name


def _vietnamese_tet_dates(years: range) -> dict[int, date]:
    vn = holidays.Vietnam(years=years, language="en_US")
    return {d.year: d for d, name in vn.items() if name == "Lunar New Year"}


TET_1990_2050 = _vietnamese_tet_dates(range(1990, 2051))


def test_the_independent_list_covers_every_year():
    assert sorted(TET_1990_2050) == list(range(1990, 2051))


@pytest.mark.parametrize("year", range(1990, 2051))
def test_every_tet_1990_2050(year):
    assert tet(year) == TET_1990_2050[year]
    assert to_lunar(TET_1990_2050[year]) == LunarDate(year, 1, 1)
    assert to_lunar(TET_1990_2050[year] - timedelta(1)).month == 12


@pytest.mark.parametrize(
    "vietnam, china, lunar_year",
    [(date(1985, 1, 21), date(1985, 2, 20), 1985), (date(2007, 2, 17), date(2007, 2, 18), 2007)],
)
def test_known_divergences_from_the_chinese_calendar(vietnam, china, lunar_year):
    assert to_lunar(vietnam) == LunarDate(lunar_year, 1, 1)
    assert ChineseDate(lunar_year, 1, 1).to_solar_date() == china
    assert to_lunar(china, tz=8) == LunarDate(lunar_year, 1, 1)
    assert to_lunar(vietnam, tz=8) != LunarDate(lunar_year, 1, 1)


def _local_hour_of_new_moon(first_day: date, tz: float) -> float:
    """Hours after local midnight of `first_day` at which its month's new moon falls."""
    jdn = first_day.toordinal() + lunar.JDN_OF_ORDINAL_0
    k = round((jdn - lunar.NEW_MOON_0) / lunar.SYNODIC_MONTH)
    return (lunar._new_moon(k) + 0.5 + tz / 24 - jdn) * 24


def test_at_utc8_the_algorithm_reproduces_lunardate_1968_2099():
    """Every day agrees except in months whose new moon lies minutes from Beijing midnight,
    where the series' error (and the tables' own ephemeris) can fall on either side."""
    disagree = {}
    day = date(1968, 1, 1)
    while day < date(2099, 12, 1):
        ours, theirs = to_lunar(day, tz=8), ChineseDate.from_solar_date(day.year, day.month, day.day)
        if (ours.year, ours.month, ours.day, ours.leap) != (theirs.year, theirs.month, theirs.day, bool(theirs.is_leap_month)):
            # The month start the two put on different days: ours or theirs.
            firsts = {day - timedelta(ours.day - 1), day - timedelta(theirs.day - 1)}
            disagree[day] = max(abs(_local_hour_of_new_moon(f, 8) % 24 - 12) for f in firsts)
        day += timedelta(1)
    assert len(disagree) <= 70, disagree  # two months: 1978 (7–8) and 2097 (6–7)
    for day, from_noon in disagree.items():
        assert from_noon > 11.75, (day, 12 - from_noon)


def test_where_the_two_time_zones_agree_vietnam_is_lunardate():
    """In the years whose months start on the same days and have the same leap month at UTC+7
    and UTC+8 (most of them), the Vietnamese date is the Chinese one, day for day."""
    same = [y for y in range(1969, 2099) if lunar._months(y, 7.0) == lunar._months(y, 8.0)]
    assert len(same) > 75
    checked = 0
    for year in same:
        day = date.fromordinal(lunar._month_11(year - 1, 7.0) - lunar.JDN_OF_ORDINAL_0)
        end = date.fromordinal(lunar._month_11(year, 7.0) - lunar.JDN_OF_ORDINAL_0)
        while day < end:
            ours, theirs = to_lunar(day), ChineseDate.from_solar_date(day.year, day.month, day.day)
            if abs(_local_hour_of_new_moon(day - timedelta(ours.day - 1), 8) % 24 - 12) < 11.75:
                assert (ours.year, ours.month, ours.day, ours.leap) == (
                    theirs.year, theirs.month, theirs.day, bool(theirs.is_leap_month)), day
                checked += 1
            day += timedelta(1)
    assert checked > 25000


def test_vietnam_starts_a_month_a_day_earlier_only_for_a_new_moon_in_hanois_last_hour():
    day = date(1968, 1, 1)
    while day < date(2099, 12, 1):
        ours, theirs = to_lunar(day), ChineseDate.from_solar_date(day.year, day.month, day.day)
        if ours.day == 1 and theirs.day != 1 and abs(_local_hour_of_new_moon(day, 8) % 24 - 12) < 11.75:
            assert 23 - 0.25 <= _local_hour_of_new_moon(day, 7) < 24, day
        day += timedelta(1)


@pytest.mark.parametrize(
    "solar, expected",
    [
        (date(2024, 1, 11), LunarDate(2023, 12, 1)),  # seed 002: "11 Thứ Năm (01/12 ÂL)"
        (date(2024, 1, 20), LunarDate(2023, 12, 10)),  # seed 003: "20-21 (10-11/12 ÂL)"
        (date(2023, 3, 25), LunarDate(2023, 2, 4, leap=True)),
        (date(2020, 5, 23), LunarDate(2020, 4, 1, leap=True)),
        (date(2025, 7, 25), LunarDate(2025, 6, 1, leap=True)),
        (date(2024, 2, 9), LunarDate(2023, 12, 30)),
    ],
)
def test_dates_and_leap_months(solar, expected):
    assert to_lunar(solar) == expected
    assert to_solar(expected.year, expected.month, expected.day, expected.leap) == solar


def test_round_trip_over_the_whole_range():
    day, end = date(1900, 1, 31), date(2100, 12, 31)
    while day <= end:
        lunar_day = to_lunar(day)
        assert to_solar(lunar_day.year, lunar_day.month, lunar_day.day, lunar_day.leap) == day
        day += timedelta(7)


def test_days_that_do_not_exist_and_years_out_of_range():
    with pytest.raises(ValueError):
        to_solar(2024, 4, 1, leap=True)  # 2024 has no leap month
    with pytest.raises(ValueError):
        to_solar(2023, 12, 31)
    with pytest.raises(ValueError):
        to_lunar(date(2101, 6, 1))


def test_year_names_and_the_label():
    assert [year_name(y) for y in (1984, 1985, 2007, 2023, 2024)] == ["Giáp Tý", "Ất Sửu", "Đinh Hợi", "Quý Mão", "Giáp Thìn"]
    assert lunar_label(date(2024, 1, 11)) == "Âm lịch: 01/12 Quý Mão"
    assert lunar_label(date(2024, 2, 10)) == "Âm lịch: 01/01 Giáp Thìn"
    assert lunar_label(date(2023, 3, 25)) == "Âm lịch: 04/02 nhuận Quý Mão"
    assert len({year_name(y) for y in range(1900, 1960)}) == 60
