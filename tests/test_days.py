"""The one day reader on every way offices write a day, a span or a weekday (pure, no files)."""
from __future__ import annotations

from datetime import date

import pytest

from lichsync.parse.days import Context, DayProblem, Days, names_days, read_day, working_days_end
from lichsync.parse.vocab import day_head

WEEK = Context(month=4, year=2019, week_start=date(2019, 4, 8))  # Monday 08/04/2019
MONTH = Context(month=9, year=2023)


@pytest.mark.parametrize("text, start, end", [
    ("Thứ Hai 14/7", date(2019, 7, 14), None),
    ("T. Ba 03/9", date(2019, 9, 3), None),
    ("Thứ 2\n(08/4/2019)", date(2019, 4, 8), None),
    ("THỨ BẢY, NGÀY 25/3/2023", date(2023, 3, 25), None),
    ("Thứ 5, 6 (15-16/5)", date(2019, 5, 15), date(2019, 5, 16)),
    ("03/5\nThứ Sáu", date(2019, 5, 3), None),
    ("Từ 08/4 đến 14/4/2019", date(2019, 4, 8), date(2019, 4, 14)),
    ("Từ 24 đến 28/6/2019", date(2019, 6, 24), date(2019, 6, 28)),
    ("Từ ngày 16 đến ngày 20/4/2019", date(2019, 4, 16), date(2019, 4, 20)),
    ("Từ thứ 2 đến thứ 4", date(2019, 4, 8), date(2019, 4, 10)),
    ("THỨ HAI", date(2019, 4, 8), None),
    ("ngày 14 tháng 3 năm 2022", date(2022, 3, 14), None),
    ("08h00 ngày 12/5/2025", date(2025, 5, 12), None),
    ("Thứ 6 (12/04/201", date(2019, 4, 12), None),  # a year the page cut
    # the 2 of "Thứ 2" is a weekday: no range "2, 12/4", no count "3 ngày"
    ("Thứ 2, ngày 08/4/2019", date(2019, 4, 8), None),
    ("Thứ 3 ngày 09 tháng 4 năm 2019", date(2019, 4, 9), None),
    ("T2, 08/4", date(2019, 4, 8), None),
])
def test_weekly_days(text, start, end):
    assert read_day(text, WEEK) == Days(start, end)


@pytest.mark.parametrize("text, start, end", [
    ("5", date(2023, 9, 5), None),
    ("1-4", date(2023, 9, 1), date(2023, 9, 4)),
    ("06-07", date(2023, 9, 6), date(2023, 9, 7)),
    ("Sáu 01", date(2023, 9, 1), None),
    ("2 Thứ Ba", date(2023, 9, 2), None),
    ("Từ ngày 14 đến ngày 18", date(2023, 9, 14), date(2023, 9, 18)),
])
def test_monthly_day_numbers(text, start, end):
    assert read_day(text, MONTH) == Days(start, end)


def test_a_written_range_wins_over_a_day_count_and_a_count_alone_counts_working_days():
    assert read_day("Từ 08/4 đến 14/4/2019 (18 ngày)", WEEK) == Days(date(2019, 4, 8), date(2019, 4, 14))
    assert read_day("Thứ 5 11/4 (03 ngày)", WEEK) == Days(date(2019, 4, 11), date(2019, 4, 15))  # Thu, Fri, Mon
    assert working_days_end(date(2019, 4, 8), 3) == date(2019, 4, 10)


@pytest.mark.parametrize("text", ["14/13", "0/5", "31/02/2024", "Từ 28 đến 24/6/2019"])
def test_an_impossible_day_is_a_problem_not_an_exception(text):
    assert isinstance(read_day(text, WEEK), DayProblem)


def test_a_weekday_alone_needs_the_week():
    assert read_day("THỨ HAI", MONTH) is None


@pytest.mark.parametrize("text, is_day", [
    ("Thứ Hai 14/7", True), ("1 Thứ Hai", True), ("16 -17", True), ("11 Thứ", True), ("Từ thứ 2 đến thứ 3", True),
    ("Năm (01/1\n2 ÂL)", False), ("Sáng: Họp giao ban", False), ("Ghi chú", False), ("03 ngày", False),
    ("Họp Ban Thường vụ Tỉnh ủy nghe báo cáo tình hình kinh tế xã hội 9 tháng đầu năm 2023", False),
])
def test_what_reads_as_a_day_cell(text, is_day):
    assert names_days(text) is is_day


@pytest.mark.parametrize("line, date, session, rest", [
    ("1. 8h00 sáng thứ Hai (12/5): Giao ban.", "12/5", "sáng", "8h00 Giao ban."),
    ("14h00 chiều thứ Hai (12/5): Làm việc với UBND phường.", "12/5", "chiều", "14h00 Làm việc với UBND phường."),
    ("3) Thứ Sáu (16/5): Tiếp công dân.", "16/5", None, "Tiếp công dân."),
])
def test_an_item_opening_with_its_day_heads_that_day(line, date, session, rest):
    head = day_head(line)
    assert head and (head.date, head.session, head.rest) == (date, session, rest)


@pytest.mark.parametrize("line", ["1. 10.5 tỷ đồng cho dự án", "2. 15/9 các đơn vị nộp báo cáo", "8h 12/5 họp"])
def test_a_number_before_a_date_is_no_day_heading_without_a_weekday_or_session(line):
    assert day_head(line) is None


@pytest.mark.parametrize("text", [
    "Từ Thứ Hai (12/5) đến Thứ Tư (14/5)",
    "Thứ Hai 12/5 - Thứ Tư 14/5",
    "Từ thứ 2 ngày 12/5 đến thứ 4 ngày 14/5/2025",
    "T2 12/5 – T4 14/5",
])
def test_a_range_whose_ends_name_their_weekdays_spans_them(text):
    assert read_day(text, Context(5, 2025)) == Days(date(2025, 5, 12), date(2025, 5, 14))


def test_two_days_each_with_its_own_item_are_no_range():
    assert read_day("Thứ Hai, 12/5: Họp giao ban. Thứ Tư, 14/5: Tiếp công dân", Context(5, 2025)) == Days(date(2025, 5, 12))
