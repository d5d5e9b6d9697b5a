"""Weekly schedules: the four real portal pages against their gold, and the layouts the issue names.

Thresholds of the weekly issue: event F1 ≥ 0.95, officials ≥ 0.92, start_time ≥ 0.95 on each page.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import GOLD, REPO, run_cli
from lichsync.errors import InputError
from lichsync.read.pipeline import parse_file, parse_text
from scoring import score

# Every weekly sample but the scan (read through OCR: tests/test_ocr.py).
WEEKLY = sorted(p for p in (REPO / "samples" / "weekly").iterdir() if p.suffix in (".txt", ".html", ".docx"))


def test_every_weekly_sample_has_gold():
    assert len(WEEKLY) == 8
    for page in WEEKLY:
        assert (GOLD / "weekly" / f"{page.stem}.json").is_file(), page.name


@pytest.mark.parametrize("page", WEEKLY, ids=lambda p: p.stem)
def test_weekly_accuracy_from_the_command_line(page):
    proc = run_cli("parse", page, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    parsed = json.loads(proc.stdout)
    gold = json.loads((GOLD / "weekly" / f"{page.stem}.json").read_text(encoding="utf-8"))
    result = score(gold, parsed)
    assert result.f1 >= 0.95 and result.fields["officials"] >= 0.92 and result.fields["start_time"] >= 0.95, result.report()
    assert parsed["period"] == gold["period"]


def parse(text: str, **kw):
    return parse_text(text, source="week.txt", **kw)


PROSE = """Lịch làm việc của Chủ tịch, các Phó Chủ tịch UBND tỉnh từ ngày 12/5 đến ngày 16/5/2025

Thứ Hai, ngày 12/5/2025
- 7 giờ 30’ Chủ tịch, các Phó Chủ tịch làm việc tại cơ quan.
- 8h00. Phó Chủ tịch Thường trực Đỗ Văn Lô dự Hội nghị trực tuyến. Điểm: tại phòng họp số 2 UBND tỉnh. LĐVP: đ/c Lan
- 14 giờ, Chủ tịch chủ trì họp Ban chỉ đạo (giao Văn phòng UBND tỉnh chuẩn bị). Địa điểm: Hội trường UBND tỉnh.

Thứ Ba, ngày 13/5/2025
Chủ tịch: 7 giờ 30 phút, dự Hội nghị sơ kết công tác phòng chống thiên tai. 14 giờ, làm việc với Sở Xây dựng.
"""


def test_prose_list_with_clock_times_places_units_and_escort():
    program = parse(PROSE)
    assert program.period.start == date(2025, 5, 12) and program.period.end == date(2025, 5, 16)
    got = [(e.date.day, e.start_time, e.title, e.officials, e.location, e.units) for e in program.events]
    assert got == [
        (12, "08:00", "Phó Chủ tịch Thường trực Đỗ Văn Lô dự Hội nghị trực tuyến", ["Đỗ Văn Lô"], "phòng họp số 2 UBND tỉnh", []),
        (12, "14:00", "Chủ tịch chủ trì họp Ban chỉ đạo (giao Văn phòng UBND tỉnh chuẩn bị)", ["Chủ tịch"], "Hội trường UBND tỉnh", ["Văn phòng UBND tỉnh"]),
        (13, "07:30", "dự Hội nghị sơ kết công tác phòng chống thiên tai", ["Chủ tịch"], None, []),
        (13, "14:00", "làm việc với Sở Xây dựng", ["Chủ tịch"], None, []),
    ]
    assert all(e.session is None for e in program.events)  # no session word written


def test_heading_forms_and_lunar_notes():
    text = """LỊCH CÔNG TÁC TUẦN
* THỨ BẢY 11/01/2025 (nhằm 12/12 ÂL)
- Sáng: Thường trực Tỉnh ủy làm việc với Đảng ủy Khối.
T. Hai 13/01
- (8h30) Đồng chí Bí thư Tỉnh ủy và đồng chí Phó Bí thư Thường trực Tỉnh ủy dự lễ ra quân.
"""
    program = parse(text)
    first, second = program.events
    assert (first.date, first.session, first.officials) == (date(2025, 1, 11), "morning", ["Thường trực Tỉnh ủy"])
    assert (second.date, second.start_time) == (date(2025, 1, 13), "08:30")
    assert second.officials == ["Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy"]


def test_year_inferred_from_weekdays_with_warning_and_year_option():
    text = "Lịch công tác tuần\nThứ Hai 02/9\n- Họp giao ban\nThứ Ba 03/9\n- 8h: Tiếp công dân\n"
    program = parse(text)
    # 2 Sept is a Monday in 2024 (and in 2019, 2030): the nearest such year to today's is taken.
    assert date(program.events[0].date.year, 9, 2).weekday() == 0
    assert [w.code for w in program.warnings] == ["year_inferred"]
    forced = parse(text, year=2019)
    assert forced.events[0].date == date(2019, 9, 2) and not forced.warnings


def test_year_named_in_the_text_is_preferred_and_contradiction_warns():
    text = "Lịch làm việc năm 2019\nThứ Hai 11/11\n- Họp\nThứ Ba 12/11\n- Họp\n"
    assert parse(text).events[0].date == date(2019, 11, 11)
    wrong = "Lịch làm việc\nThứ Hai 11/11\n- Họp\nThứ Hai 12/11\n- Họp\n"  # two Mondays on consecutive days
    program = parse(wrong)
    assert program.events and "match no nearby year" in program.warnings[0].message


def test_session_cell_and_all_day_notes():
    text = """Lịch công tác tuần từ ngày 21/5/2018 đến ngày 25/5/2018
Thứ hai
21/5
+ Ban Pháp chế giám sát Sở Nội vụ (ngày).
+ Thường trực HĐND tỉnh dự họp (chiều; dự: đ/c Triệu).
+ (Cả ngày) Hội nghị tập huấn
"""
    got = [(e.session, e.title, e.officials) for e in parse(text).events]
    assert got == [
        ("all_day", "Ban Pháp chế giám sát Sở Nội vụ", ["Ban Pháp chế"]),
        ("afternoon", "Thường trực HĐND tỉnh dự họp", ["Thường trực HĐND tỉnh", "Triệu"]),
        ("all_day", "Hội nghị tập huấn", []),
    ]


def test_flattened_table_with_empty_cells():
    # One cell per paragraph: Ngày / Thời gian / Nội dung / Địa điểm / Chủ trì; a blank line is an empty cell.
    text = "\n".join([
        "Lịch công tác từ ngày 14/07/2025 đến ngày 20/07/2025", "", "Ngày", "", "Thời gian", "", "Nội dung", "",
        "Địa điểm", "", "Chủ trì", "", "Thứ 2", "", "14/7", "", "Sáng", "", "(8h) Họp Ban chỉ đạo", "", " ", "",
        "PCT Mai Xuân Liêm", "", " ", "", " ", "", "(10h) Tiếp đoàn công tác", "", "P. họp 5 tầng 2", "", " ", "",
        " ", "", "Chiều", "", "Giao ban", "", "P. họp TV", "", "Chủ tịch,", "", "Các Phó Chủ tịch",
    ])
    got = [(e.session, e.start_time, e.title, e.location, e.officials) for e in parse(text).events]
    assert got == [
        ("morning", "08:00", "Họp Ban chỉ đạo", None, ["Mai Xuân Liêm"]),
        ("morning", "10:00", "Tiếp đoàn công tác", "P. họp 5 tầng 2", []),
        ("afternoon", None, "Giao ban", "P. họp TV", ["Chủ tịch", "Các Phó Chủ tịch"]),
    ]


def test_flattened_table_that_glues_a_cells_paragraphs():
    """Cells parted by blank lines, a cell's own paragraphs on adjacent lines: each run of adjacent lines is
    one cell, and a row is as many cells as the header names, empty ones written as a blank."""
    cells = ["Ngày", "Thời gian", "Nội dung", "Địa điểm", "Đơn vị chuẩn bị", "Lãnh đạo chủ trì",
             "Thứ 3\n22/5", "Sáng", "Ban KTNS giám sát việc thực hiện Nghị quyết số 28", "UBND huyện Mỏ Cày Bắc", " ",
             "Ban KTNS",
             " ", " ", "Thường trực HĐND tỉnh dự họp Đoàn giám sát 501", " ", "Văn phòng", "Thường trực HĐND tỉnh,\nĐ/c Triệu",
             " ", "Chiều", "Dự Hội nghị kiểm điểm cơ sở", " ", " ", "Theo TP mời"]
    text = "\n\n".join(["Lịch làm việc từ ngày 21/05/2018 đến ngày 27/05/2018"] + cells)
    got = [(e.session, e.title, e.location, e.units, e.officials) for e in parse(text).events]
    assert got == [
        ("morning", "Ban KTNS giám sát việc thực hiện Nghị quyết số 28", "UBND huyện Mỏ Cày Bắc", [], ["Ban KTNS"]),
        ("morning", "Thường trực HĐND tỉnh dự họp Đoàn giám sát 501", None, ["Văn phòng"], ["Thường trực HĐND tỉnh", "Triệu"]),
        ("afternoon", "Dự Hội nghị kiểm điểm cơ sở", None, [], ["Theo TP mời"]),
    ]


def test_html_table_with_rowspan_and_ignored_columns():
    page = """<html><body><p>LỊCH CÔNG TÁC TỪ NGÀY 11/11/2019 ĐẾN NGÀY 17/11/2019</p>
<table><tr><th>Ngày</th><th>Thời gian</th><th>Nội dung</th><th>Lãnh đạo chủ trì</th><th>Địa điểm</th><th>Thành phần</th></tr>
<tr><td rowspan="2">Thứ 2 (11/11/2019)</td><td>10h00</td><td>Giao ban<br>Thường trực HĐND</td><td>Đ/c: Thanh - CT UBND</td><td>HT tầng 2</td><td>Đ/c Hùng</td></tr>
<tr><td>&nbsp;</td><td>Xử lý công việc tại cơ quan</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>Thứ 3 (12/11/2019)</td><td>14h00</td><td><p>Họp thẩm định</p></td><td>&nbsp;</td><td>UBND tỉnh</td><td>Mời các sở</td></tr>
</table></body></html>"""
    program = parse(page)
    got = [(e.date, e.start_time, e.title, e.officials, e.location) for e in program.events]
    assert got == [
        (date(2019, 11, 11), "10:00", "Giao ban Thường trực HĐND", ["Thanh"], "HT tầng 2"),
        (date(2019, 11, 12), "14:00", "Họp thẩm định", [], "UBND tỉnh"),
    ]


def test_weekday_only_rows_are_not_mistaken_for_a_monthly_program():
    with pytest.raises(InputError, match="no schedule found"):
        parse("Tin tức\nTuần trước\nTuần sau\nChủ tịch tỉnh tiếp đoàn công tác của Bộ.\n")


def test_page_without_schedule_is_one_line_error(tmp_path):
    page = tmp_path / "front.html"
    page.write_text("<html><body><div><p>Cổng thông tin điện tử</p><p>Tin tức</p><p>Liên hệ</p></div></body></html>", encoding="utf-8")
    proc = run_cli("parse", page)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and str(page) in proc.stderr and "Traceback" not in proc.stderr


PIPES = """Lịch công tác tuần từ ngày 14/7 đến ngày 18/7/2025

| Ngày | Thời gian | Nội dung | Chủ trì | Địa điểm |
|---|---|---|---|---|
| Thứ Hai 14/7 | 8h00 | Họp giao ban về công tác | Chủ tịch | P. họp 1 |
| | | phòng chống dịch | | |
| | 14h00 | Tiếp công dân | PCT Nguyễn Văn A | Trụ sở TCD |
| Thứ Ba 15/7 | Sáng | Làm việc với Sở Y tế | Đ/c Bình | Sở Y tế |
"""
PIPES_EXPECTED = [
    (date(2025, 7, 14), None, "08:00", "Họp giao ban về công tác phòng chống dịch", ["Chủ tịch"], "P. họp 1"),
    (date(2025, 7, 14), None, "14:00", "Tiếp công dân", ["Nguyễn Văn A"], "Trụ sở TCD"),
    (date(2025, 7, 15), "morning", None, "Làm việc với Sở Y tế", ["Bình"], "Sở Y tế"),
]


@pytest.mark.parametrize("with_header", [True, False])
def test_pipe_table_with_and_without_header(with_header):
    text = PIPES if with_header else "\n".join(line for line in PIPES.split("\n") if "| Ngày |" not in line)
    got = [(e.date, e.session, e.start_time, e.title, e.officials, e.location) for e in parse(text).events]
    assert got == PIPES_EXPECTED


def test_weekday_headings_dated_by_the_week_in_the_title():
    text = "LỊCH LÀM VIỆC TUẦN TỪ NGÀY 14/3/2022 ĐẾN NGÀY 18/3/2022\nTHỨ HAI:\n- 8h00: Họp giao ban\nTHỨ TƯ:\n- Sáng: Tiếp công dân\n"
    got = [(e.date, e.session, e.start_time, e.title) for e in parse(text).events]
    assert got == [(date(2022, 3, 14), None, "08:00", "Họp giao ban"), (date(2022, 3, 16), "morning", None, "Tiếp công dân")]


def test_dates_written_in_words():
    text = "Lịch công tác\nThứ Hai, ngày 14 tháng 3 năm 2022\n- 8h00: Họp giao ban\nThứ Ba, ngày 15 tháng 3 năm 2022\n- Chiều: Tiếp dân\n"
    assert [(e.date, e.session) for e in parse(text).events] == [(date(2022, 3, 14), None), (date(2022, 3, 15), "afternoon")]


def test_a_week_with_no_dates_is_one_clear_error(tmp_path):
    page = tmp_path / "week.txt"
    page.write_text("Lịch công tác tuần\nTHỨ HAI:\n- Họp giao ban\nTHỨ BA:\n- Tiếp công dân\n", encoding="utf-8")
    proc = run_cli("parse", page)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"lichsync: {page}: no schedule found") and proc.stderr.count("\n") == 1


def test_truncated_page_keeps_what_it_has():
    text = (REPO / "samples" / "weekly" / "daksong-lich-tuan-2019w46.html").read_text(encoding="utf-8")
    program = parse(text[: len(text) // 2])  # cut mid-table, as an interrupted download is
    assert 5 <= len(program.events) < 24
    assert program.period.start == date(2019, 11, 11)


# Layouts seen on other portals, written here in their shape (the samples above are the real pages).
SESSION_LINES = """UBND TỈNH QUẢNG NAM
LỊCH CÔNG TÁC TUẦN 46
(Từ ngày 13/11/2023 đến ngày 17/11/2023)

THỨ HAI (13/11)
Sáng:
- 7h30: Chủ tịch UBND tỉnh Lê Trí Thanh dự Lễ chào cờ. Địa điểm: Hội trường UBND tỉnh.
- 8h00: Phó Chủ tịch Thường trực Hồ Quang Bửu họp Ban chỉ đạo phòng chống thiên tai (Sở Nông nghiệp và PTNT chuẩn bị). Địa điểm: Phòng họp số 1.
Chiều:
- 14h00: Chủ tịch UBND tỉnh làm việc với Sở Tài chính về dự toán ngân sách năm 2024.
- 15h00: Phó Chủ tịch Trần Anh Tuấn tiếp và làm việc với Đoàn công tác của Bộ Y tế.

THỨ BA (14/11)
- Cả ngày: Chủ tịch UBND tỉnh đi kiểm tra tình hình sản xuất tại huyện Đại Lộc.
- 8h00: Các Phó Chủ tịch UBND tỉnh dự Kỳ họp thứ 15 HĐND tỉnh khóa X (từ ngày 14/11 - 16/11).
"""
DAY_ROWS_HTML = """<html><head><title>Lịch công tác</title></head><body>
<h3>LỊCH LÀM VIỆC CỦA BAN GIÁM ĐỐC SỞ TỪ NGÀY 20/11/2023 ĐẾN NGÀY 24/11/2023</h3>
<table border="1">
<tr><th>Thời gian</th><th>Nội dung công việc</th><th>Lãnh đạo chủ trì</th><th>Đơn vị chuẩn bị</th><th>Địa điểm</th></tr>
<tr><td colspan="5"><b>THỨ HAI, NGÀY 20/11/2023</b></td></tr>
<tr><td>7h30</td><td>Chào cờ đầu tuần</td><td>Ban Giám đốc</td><td>Văn phòng</td><td>Hội trường Sở</td></tr>
<tr><td>14h00</td><td>Họp giao ban Ban Giám đốc</td><td>Giám đốc Sở</td><td>Văn phòng</td><td>Phòng họp số 1</td></tr>
<tr><td colspan="5"><b>THỨ BA, NGÀY 21/11/2023</b></td></tr>
<tr><td>Sáng</td><td>Dự Hội nghị tổng kết ngành Giáo dục</td><td>Đ/c Hùng - PGĐ</td><td></td><td>UBND tỉnh</td></tr>
</table></body></html>
"""
TAB_ROWS = """LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC HUYỆN ỦY
(Từ ngày 04/3/2024 đến ngày 08/3/2024)
Thứ/ngày\tBuổi\tNội dung\tChủ trì\tĐịa điểm
Thứ Hai
04/3\tSáng\tGiao ban Thường trực Huyện ủy\tĐ/c Bí thư\tPhòng họp Huyện ủy
\tChiều\tLàm việc với Đảng ủy xã Tân Hòa\tĐ/c Phó Bí thư\tUBND xã Tân Hòa
Thứ Ba
05/3\tSáng\tDự Hội nghị Ban Chấp hành Đảng bộ tỉnh\tĐ/c Bí thư\tTỉnh ủy
"""
TEXT_LAYER = """LỊCH CÔNG TÁC TUẦN
Từ ngày 11/3/2024 đến ngày 15/3/2024
Ngày Buổi Nội dung Lãnh đạo Địa điểm
Thứ Hai
11/3
Sáng
08h00: Họp Ban Thường vụ
Huyện ủy mở rộng
Đ/c Bí thư
Hội trường Huyện ủy
14h00: Làm việc với Phòng
Tài chính - Kế hoạch
Đ/c Chủ tịch
Phòng họp UBND
Thứ Ba
12/3
Sáng
07h30: Tiếp công dân định kỳ
Đ/c Phó Chủ tịch
Trụ sở Tiếp công dân
"""


def test_prose_with_session_lines_and_a_span():
    got = [(e.date.day, e.end_date and e.end_date.day, e.session, e.start_time, e.officials, e.location, e.units)
           for e in parse(SESSION_LINES).events]
    assert got == [
        (13, None, "morning", "07:30", ["Lê Trí Thanh"], "Hội trường UBND tỉnh", []),
        (13, None, "morning", "08:00", ["Hồ Quang Bửu"], "Phòng họp số 1", ["Sở Nông nghiệp và PTNT"]),
        (13, None, "afternoon", "14:00", ["Chủ tịch UBND tỉnh"], None, []),
        (13, None, "afternoon", "15:00", ["Trần Anh Tuấn"], None, []),
        (14, None, "all_day", None, ["Chủ tịch UBND tỉnh"], None, []),
        (14, 16, None, "08:00", ["Các Phó Chủ tịch UBND tỉnh"], None, []),
    ]


def test_html_table_whose_days_are_rows_across_it():
    got = [(e.date, e.session, e.start_time, e.title, e.officials, e.units, e.location) for e in parse(DAY_ROWS_HTML).events]
    assert got == [
        (date(2023, 11, 20), None, "07:30", "Chào cờ đầu tuần", ["Ban Giám đốc"], ["Văn phòng"], "Hội trường Sở"),
        (date(2023, 11, 20), None, "14:00", "Họp giao ban Ban Giám đốc", ["Giám đốc Sở"], ["Văn phòng"], "Phòng họp số 1"),
        (date(2023, 11, 21), "morning", None, "Dự Hội nghị tổng kết ngành Giáo dục", ["Hùng"], [], "UBND tỉnh"),
    ]


def test_tab_rows_with_a_day_written_once():
    got = [(e.date.day, e.session, e.title, e.officials, e.location) for e in parse(TAB_ROWS).events]
    assert got == [
        (4, "morning", "Giao ban Thường trực Huyện ủy", ["Bí thư"], "Phòng họp Huyện ủy"),
        (4, "afternoon", "Làm việc với Đảng ủy xã Tân Hòa", ["Phó Bí thư"], "UBND xã Tân Hòa"),
        (5, "morning", "Dự Hội nghị Ban Chấp hành Đảng bộ tỉnh", ["Bí thư"], "Tỉnh ủy"),
    ]


def test_text_layer_of_a_weekly_table_without_blank_cells():
    got = [(e.date.day, e.session, e.start_time, e.title, e.officials, e.location) for e in parse(TEXT_LAYER).events]
    assert got == [
        (11, "morning", "08:00", "Họp Ban Thường vụ Huyện ủy mở rộng", ["Bí thư"], "Hội trường Huyện ủy"),
        (11, "morning", "14:00", "Làm việc với Phòng Tài chính - Kế hoạch", ["Chủ tịch"], "Phòng họp UBND"),
        (12, "morning", "07:30", "Tiếp công dân định kỳ", ["Phó Chủ tịch"], "Trụ sở Tiếp công dân"),
    ]


BUOI_LINES = """VĂN PHÒNG UBND TỈNH
LỊCH LÀM VIỆC CỦA LÃNH ĐẠO UBND TỈNH
Tuần 47 (từ ngày 20/11 đến ngày 26/11/2023)

NGÀY 20/11/2023 (THỨ HAI)
* Buổi sáng:
- 07 giờ 30: Chủ tịch UBND tỉnh chủ trì họp UBND tỉnh thường kỳ tháng 11. Thành phần: các thành viên UBND tỉnh. Địa điểm: Phòng họp A.
- 09 giờ 00: Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình làm việc với Sở Giáo dục và Đào tạo về chuẩn bị Kỳ thi. (Giao Sở Giáo dục và Đào tạo chuẩn bị nội dung)
* Buổi chiều:
- 14 giờ 00: Đồng chí Chủ tịch UBND tỉnh tiếp công dân định kỳ tại Trụ sở Tiếp công dân tỉnh.

NGÀY 21/11/2023 (THỨ BA)
- Cả ngày: Phó Chủ tịch UBND tỉnh Lê Văn Cường đi kiểm tra công trình giao thông tại huyện A.
- 19 giờ 30: Chủ tịch UBND tỉnh dự Chương trình nghệ thuật chào mừng Ngày Nhà giáo Việt Nam 20/11. Địa điểm: Nhà hát tỉnh.

(Lịch có thể thay đổi, đề nghị theo dõi thường xuyên)
"""
WORD_HTML = """<html><body>
<p class=MsoNormal align=center><b><span style='font-size:13.0pt'>LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO SỞ<o:p></o:p></span></b></p>
<p class=MsoNormal align=center><i>(Từ ngày 04/12/2023 đến ngày 08/12/2023)</i></p>
<table class=MsoTableGrid border=1>
<tr><td><p><b>Thứ/Ngày</b></p></td><td><p><b>Buổi</b></p></td><td><p><b>Nội dung</b></p></td><td><p><b>Lãnh đạo</b></p></td><td><p><b>Địa điểm</b></p></td></tr>
<tr><td rowspan=2><p class=MsoNormal>Thứ Hai<o:p></o:p></p><p>04/12</p></td><td><p>Sáng</p></td><td><p>- 7h30: Chào cờ</p><p>- 8h00: Giao ban Lãnh đạo Sở</p></td><td><p>Giám đốc</p><p>Giám đốc</p></td><td><p>Hội trường</p><p>Phòng họp 1</p></td></tr>
<tr><td><p>Chiều</p></td><td><p>&nbsp;Làm việc tại cơ quan</p></td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td><p>Thứ Ba<br>05/12</p></td><td><p>Cả ngày</p></td><td><p>Đi kiểm tra cơ sở tại huyện Krông Pắc</p></td><td><p>Đ/c Hòa - PGĐ</p></td><td><p>Huyện Krông Pắc</p></td></tr>
</table></body></html>
"""


def test_buoi_sang_sections_and_remarks_after_the_days():
    program = parse(BUOI_LINES)
    got = [(e.date.day, e.session, e.start_time, e.officials, e.location, e.units) for e in program.events]
    assert got == [
        (20, "morning", "07:30", ["Chủ tịch UBND tỉnh"], "Phòng họp A", []),
        (20, "morning", "09:00", ["Nguyễn Văn Bình"], None, ["Sở Giáo dục và Đào tạo"]),
        (20, "afternoon", "14:00", ["Chủ tịch UBND tỉnh"], None, []),
        (21, "all_day", None, ["Lê Văn Cường"], None, []),
        (21, None, "19:30", ["Chủ tịch UBND tỉnh"], "Nhà hát tỉnh", []),
    ]  # "(Lịch có thể thay đổi …)" is a remark, not an event
    assert (program.period.start, program.period.end) == (date(2023, 11, 20), date(2023, 11, 26))


def test_word_saved_html_with_thu_ngay_header():
    program = parse(WORD_HTML)
    got = [(e.date, e.session, e.start_time, e.title, e.officials, e.location) for e in program.events]
    assert got == [
        (date(2023, 12, 4), "morning", "07:30", "Chào cờ", ["Giám đốc"], "Hội trường"),
        (date(2023, 12, 4), "morning", "08:00", "Giao ban Lãnh đạo Sở", ["Giám đốc"], "Phòng họp 1"),
        (date(2023, 12, 5), "all_day", None, "Đi kiểm tra cơ sở tại huyện Krông Pắc", ["Hòa"], "Huyện Krông Pắc"),
    ]  # "Làm việc tại cơ quan" is where the leaders are, not an event
    assert not program.warnings  # the year is in the title above the table


def test_header_row_repeated_inside_an_html_table_is_skipped():
    page = DAY_ROWS_HTML.replace("</table>", "<tr><th>Thời gian</th><th>Nội dung công việc</th><th>Lãnh đạo chủ trì</th>"
                                 "<th>Đơn vị chuẩn bị</th><th>Địa điểm</th></tr></table>")
    daily = parse(DAILY_WITH_REPEAT)
    assert [e.title for e in daily.events] == ["Họp giao ban", "Tiếp công dân"]
    assert len(parse(page).events) == 3


DAILY_WITH_REPEAT = """<html><body><p>Lịch công tác tuần từ ngày 13/11/2023 đến ngày 17/11/2023</p><table>
<tr><th>Ngày</th><th>Nội dung</th></tr>
<tr><td>Thứ Hai 13/11</td><td>Họp giao ban</td></tr>
<tr><td>Ngày</td><td>Nội dung</td></tr>
<tr><td>Thứ Ba 14/11</td><td>Tiếp công dân</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("name", ["weekly-table.docx", "weekly-table.pdf", "weekly-table-unruled.pdf"])
def test_weekly_table_as_word_and_pdf_files(name):
    # Made by tests/data/make_weekly_table.py (python-docx, then LibreOffice): a day cell merged
    # down its item rows, "Thứ Hai" and "14/7" on two lines of it, a time column.
    program = parse_file(REPO / "tests" / "data" / name)
    got = [(e.date, e.session, e.start_time, e.title, e.officials, e.location) for e in program.events]
    assert got == [
        (date(2025, 7, 14), None, "08:00", "Họp giao ban", ["Chủ tịch"], "P. họp 1"),
        (date(2025, 7, 14), None, "14:00", "Tiếp công dân", ["Nguyễn Văn A"], "Trụ sở TCD"),
        (date(2025, 7, 15), "morning", None, "Dự Hội nghị tổng kết", ["Bình"], "Hội trường 25B"),
    ]
    assert (program.period.start, program.period.end) == (date(2025, 7, 14), date(2025, 7, 18))
    assert not program.warnings


@pytest.mark.parametrize("name", ["haugiang-ubnd-2022w11", "binhduong-sovhttdl-2025w13"])
def test_a_prose_week_printed_to_pdf_by_a_browser(tmp_path, name):
    """The page as a browser prints it: the portal's menu, an update stamp and news around the week,
    the date and time at the top of each page and the address with a page count at the bottom."""
    import html
    import shutil
    import subprocess

    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed")
    text = (REPO / "samples" / "weekly" / f"{name}.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = tmp_path / f"{name}.html"
    page.write_text("<html><head><meta charset='utf-8'></head><body><div>Trang chủ | Tin tức | Lịch làm việc</div>"
                    f"<div>Cập nhật lúc 10:20</div>{body}<div>Tin liên quan</div><ul><li>Hội nghị tổng kết (10/03/2022)"
                    "</li></ul><div>Cổng thông tin điện tử tỉnh. Điện thoại: 0293 xxx</div></body></html>", encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", str(page)],
                   capture_output=True, timeout=60)
    gold = json.loads((GOLD / "weekly" / f"{name}.json").read_text(encoding="utf-8"))
    result = score(gold, parse_file(pdf).to_dict())
    assert result.exact == 1.0, result.report()


def test_a_monthly_list_whose_lines_open_with_their_days():
    """"- Ngày 15/12: …" heads its day without a weekday (the word and the colon say it is the day), and
    "- Từ ngày 08/12 đến ngày 10/12: …" spans its days; the title's own range is no such line."""
    text = ("ĐẢNG ỦY KHỐI CƠ QUAN TỈNH\nCHƯƠNG TRÌNH CÔNG TÁC THÁNG 12 NĂM 2025\n"
            "- Ngày 01/12 (thứ Hai): Giao ban Thường trực Đảng ủy Khối.\n"
            "- Từ ngày 08/12 đến ngày 10/12: Kiểm tra công tác đảng viên tại các chi bộ cơ sở.\n"
            "- Ngày 15/12: Đ/c Bí thư Đảng ủy Khối dự Hội nghị Tỉnh ủy.\n")
    got = [(e.date.day, e.end_date and e.end_date.day, e.title, e.officials) for e in parse_text(text, "month.txt").events]
    assert got == [
        (1, None, "Giao ban Thường trực Đảng ủy Khối", []),
        (8, 10, "Kiểm tra công tác đảng viên tại các chi bộ cơ sở", []),
        (15, None, "Đ/c Bí thư Đảng ủy Khối dự Hội nghị Tỉnh ủy", ["Bí thư Đảng ủy Khối"]),
    ]
