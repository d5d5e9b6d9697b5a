"""The program's period and issuing body, from the headings of the sample programs."""
from __future__ import annotations

import json

import pytest

from conftest import GOLD, REPO, SAMPLES
from lichsync.parse.heading import find_organization, find_period, find_week, proper_case
from lichsync.read.pipeline import parse_text
from lichsync.parse.text import normalize


def gold_of(sample):
    return json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_period_of_each_sample_is_the_gold_period(sample):
    period = gold_of(sample)["period"]
    found = find_period(sample.read_text(encoding="utf-8"))
    assert found is not None
    assert found[:2] == (period["month"], period["year"])


def test_period_comes_from_the_title_not_the_date_line():
    # so-ldtbxh-hatinh-2023-09.txt: "Hà Tĩnh, ngày 05 tháng 9 năm 2023" (line 8) above
    # "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023" (line 11)
    text = (REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt").read_text(encoding="utf-8")
    month, year, offset = find_period(text)
    assert (month, year) == (9, 2023)
    assert text[offset:].startswith("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023")


@pytest.mark.parametrize(
    "upper, expected",
    [
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),  # so-khcn-hatinh-2024-01.txt line 6
        ("TỈNH ỦY HÀ TĨNH", "Tỉnh ủy Hà Tĩnh"),  # tinhuy-hatinh-2024-01.txt line 663
        ("SỞ LAO ĐỘNG - TBXH", "Sở Lao động - TBXH"),  # so-ldtbxh-hatinh-2023-09.txt line 3
        # so-ldtbxh-hatinh-2021-11.txt line 65
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ],
)
def test_proper_case_of_a_body_name(upper, expected):
    assert proper_case(upper) == expected


def test_most_specific_body_above_the_title():
    # so-ldtbxh-hatinh-2023-09.txt lines 1-11: "UBND TỈNH HÀ TĨNH" then "SỞ LAO ĐỘNG - TBXH"
    lines = [
        "\tUBND TỈNH HÀ TĨNH", "", "SỞ LAO ĐỘNG - TBXH", "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "",
        "Độc lập - Tự do - Hạnh phúc", "", "          Hà Tĩnh, ngày 05 tháng 9 năm 2023", "", "",
        "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023",
    ]
    assert find_organization(lines, 10) == "Sở Lao động - TBXH"


def test_signature_names_the_body_when_nothing_is_above_the_title():
    # tinhuy-hatinh-2024-01.txt: the title is line 1; the body signs at line 663
    lines = [
        " CHƢƠNG TRÌNH CÔNG TÁC THÁNG 01 NĂM 2024 ",
        "Nơi nhận:                                           TỈNH ỦY HÀ TĨNH ",
        "- Văn phòng và các ban Trung ương Đảng, ",
    ]
    assert find_organization(lines, 0) == "Tỉnh ủy Hà Tĩnh"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_organization_of_each_sample_is_the_gold_organization(sample):
    program = parse_text(sample.read_text(encoding="utf-8"), source=sample.name)
    assert program.organization == gold_of(sample)["organization"]


def test_sample_without_a_named_body_has_no_organization():
    # dangbo-khoi-hatinh-2023-12.txt: no "SỞ …"/"ĐẢNG ỦY …" line above the title nor a signature
    sample = REPO / "samples" / "dangbo-khoi-hatinh-2023-12.txt"
    text = normalize(sample.read_text(encoding="utf-8"))
    assert parse_text(text, source=sample.name).organization is None


def test_a_week_whose_ends_name_their_weekdays():
    assert find_week("LỊCH CÔNG TÁC TUẦN\n(Từ thứ 2, ngày 12/5/2025 đến thứ 6, ngày 16/5/2025)") == ((12, 5, 2025), (16, 5, 2025))
    assert find_week("Tuần từ ngày 12/5 (thứ Hai) đến ngày 16/5/2025 (thứ Sáu)") == ((12, 5, 2025), (16, 5, 2025))


def test_a_month_titled_program_is_monthly_however_its_rows_write_their_days():
    """Rows dated "01/12", "03-05/12" under "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 12 NĂM 2025": the period is the month,
    not the first to the last day written, so a revised issue with a later day replaces the first."""
    text = "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCHƯƠNG TRÌNH CÔNG TÁC THÁNG 12 NĂM 2025\n" \
           "Thời gian\tNội dung\n01/12\tGiao ban tháng 12\n03-05/12\tKiểm tra công tác phòng chống thiên tai\n"
    program = parse_text(text, "month.txt")
    assert (program.period.month, program.period.year, program.period.start, program.period.end) == (12, 2025, None, None)
    assert [(e.date.isoformat(), e.end_date and e.end_date.isoformat()) for e in program.events] == [
        ("2025-12-01", None), ("2025-12-03", "2025-12-05")]
    week = "LỊCH CÔNG TÁC TUẦN 2 THÁNG 12 NĂM 2025\nThời gian\tNội dung\n08/12\tGiao ban\n10/12\tHọp Chi bộ\n"
    assert parse_text(week, "week.txt").period.start is not None  # a week of the month: its days
