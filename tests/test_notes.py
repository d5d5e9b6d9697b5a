"""What an item says about itself: clock times, places, preparing units, session notes (weekly pages)."""
from __future__ import annotations

import pytest

from datetime import date

from lichsync.parse.notes import clock, is_routine, part_session, read_notes, split_official_line
from lichsync.parse.document import Cell, Grid, GridRow
from lichsync.parse.program import dated_notes
from lichsync.parse.rows import Piece


@pytest.mark.parametrize("text, time, rest", [
    ("(8h30) Hội nghị Thường trực Tỉnh ủy", "08:30", "Hội nghị Thường trực Tỉnh ủy"),
    ("8 giờ, Phó Chủ tịch dự Hội thảo", "08:00", "Phó Chủ tịch dự Hội thảo"),
    ("7 giờ 30’ Chủ tịch thông qua góp ý", "07:30", "Chủ tịch thông qua góp ý"),
    ("7 giờ 30 phút, dự Hội nghị", "07:30", "dự Hội nghị"),
    ("13 giờ 30 tiếp công dân", "13:30", "tiếp công dân"),
    ("8h00. Họp giao ban", "08:00", "Họp giao ban"),
    ("7:30 Chào cờ", "07:30", "Chào cờ"),
    ("14h00 - 16h30: Họp", "14:00", "Họp"),
    ("Hội nghị tổng kết giai đoạn 2021 - 2025", None, "Hội nghị tổng kết giai đoạn 2021 - 2025"),
    ("2 Ban và Văn phòng họp", None, "2 Ban và Văn phòng họp"),
])
def test_leading_clock_time(text, time, rest):
    notes = read_notes(text)
    assert (notes.start_time, notes.text) == (time, rest)


def test_place_label_ends_the_item_and_drops_the_escort():
    notes = read_notes("Chủ tịch dự Hội nghị (Sở Giao thông vận tải chuẩn bị nội dung và hậu cần). "
                       "Điểm tại phòng họp số 5 Trung tâm Hội nghị tỉnh. Đ/c Dũng; NCTH")
    assert notes.location == "phòng họp số 5 Trung tâm Hội nghị tỉnh"
    assert notes.units == ["Sở Giao thông vận tải"]
    assert notes.text == "Chủ tịch dự Hội nghị (Sở Giao thông vận tải chuẩn bị nội dung và hậu cần)."


@pytest.mark.parametrize("text, place", [
    ("Họp. Điểm: tại P. họp số 2, TP. Vị Thanh. LĐVP: đ/c Lan", "P. họp số 2, TP. Vị Thanh"),
    ("Họp giao ban. Địa điểm: Hội trường UBND tỉnh.", "Hội trường UBND tỉnh"),
    ("Họp giao ban, địa điểm tại Nhà khách Tỉnh ủy", "Nhà khách Tỉnh ủy"),
])
def test_place_labels(text, place):
    assert read_notes(text).location == place


def test_a_word_ending_in_diem_inside_a_sentence_is_no_place_label():
    said = read_notes("Chủ tịch UBND tỉnh đi kiểm tra các dự án trọng điểm tại huyện Hải Lăng")
    assert (said.text, said.location) == ("Chủ tịch UBND tỉnh đi kiểm tra các dự án trọng điểm tại huyện Hải Lăng", None)


def test_office_escort_without_a_place_is_dropped():
    assert read_notes("Chủ tịch tiếp công dân. LĐVP: đ/c Lan, CVVP: đ/c Hà").text == "Chủ tịch tiếp công dân"


@pytest.mark.parametrize("text, session, attendees", [
    ("Thường trực HĐND tỉnh họp (sáng; dự: đ/c Triệu).", "morning", ["Triệu"]),
    ("Đi thăm (ngày; đ/c Triệu).", "all_day", ["Triệu"]),
    ("Ban Pháp chế giám sát (chiều).", "afternoon", []),
    ("Họp (sáng, chiều; dự: đ/c Triệu, đ/c Hiền)", "all_day", ["Triệu", "Hiền"]),
    ("Họp (tối)", "evening", []),
    ("Họp (Sở Nội vụ chuẩn bị)", None, []),
])
def test_trailing_session_and_attendance_note(text, session, attendees):
    notes = read_notes(text)
    assert (notes.session, notes.attendees) == (session, attendees)


@pytest.mark.parametrize("text, unit", [
    ("Họp (giao Văn phòng UBND tỉnh chuẩn bị)", "Văn phòng UBND tỉnh"),
    ("Họp (Sở Kế hoạch và Đầu tư chuẩn bị nội dung và thư mời)", "Sở Kế hoạch và Đầu tư"),
    ("Họp (do Sở Tài chính chủ trì, chuẩn bị)", "Sở Tài chính"),
])
def test_preparing_unit_notes(text, unit):
    assert read_notes(text).units == [unit]


@pytest.mark.parametrize("text, routine", [
    ("Chủ tịch, các Phó Chủ tịch làm việc tại cơ quan.", True),
    ("Phó Chủ tịch Thường trực Trương Cảnh Tuyên, Phó Chủ tịch Hồ Thu Ánh làm việc tại cơ quan.", True),
    ("Xử lý công việc tại cơ quan", True),
    ("7 giờ 30’, làm việc tại cơ quan.", True),
    ("Làm việc tại cơ quan Bộ Công an về dự án", False),
    ("Làm việc với Sở Tài chính tại cơ quan Sở", False),
])
def test_routine_presence_is_no_event(text, routine):
    assert is_routine(text) is routine


def test_line_written_per_official():
    head, parts = split_official_line("Chủ tịch: 7 giờ 30 phút, dự Hội nghị A. 14 giờ, họp B tại Hội trường.")
    assert head == "Chủ tịch"
    assert parts == ["7 giờ 30 phút, dự Hội nghị A.", "14 giờ, họp B tại Hội trường."]
    assert split_official_line("Hội nghị tổng kết năm 2023") is None


def test_clock():
    assert [clock(t) for t in ("7h", "7h30", "19 giờ 30", "8:05", "không")] == ["07:00", "07:30", "19:30", "08:05", None]


def test_chair_and_units_labels():
    notes = read_notes("Giao ban. Địa điểm: Phòng họp tầng 3. Chủ trì: Giám đốc Sở Phan Văn Thắng. Chuẩn bị: Văn phòng Sở; Phòng KHTC")
    assert notes.chairs == ["Phan Văn Thắng"]
    assert notes.units == ["Văn phòng Sở", "Phòng KHTC"]
    assert (notes.location, notes.text) == ("Phòng họp tầng 3", "Giao ban")


def test_per_official_line_parts_start_with_a_session():
    head, parts = split_official_line("Chủ tịch Trần Văn Hùng: Sáng, dự Lễ chào cờ. Chiều, họp Ban Chỉ đạo.")
    assert head == "Chủ tịch Trần Văn Hùng"
    assert [part_session(p) for p in parts] == [("morning", "dự Lễ chào cờ."), ("afternoon", "họp Ban Chỉ đạo.")]


def test_a_units_entry_handing_the_preparation_to_a_body_names_the_body():
    from lichsync.parse.notes import assigned_unit

    assert assigned_unit("- Giao Phòng Nội vụ chuẩn bị nội dung, đề xuất cách thức triển khai.") == "Phòng Nội vụ"
    assert assigned_unit("Giao cho Phòng Tài chính - Kế hoạch chủ trì, chuẩn bị tài liệu") == "Phòng Tài chính - Kế hoạch"
    assert assigned_unit("Phòng Nội vụ") is None


def test_dated_note_beside_a_table_is_an_event_and_undated_text_gives_none():
    """A note writing its own range and who takes part is an event of the period, also where the
    page broke the range over two lines; text without a range (a month's aims) gives none."""
    from datetime import date

    from lichsync.parse.model import Period
    from lichsync.parse.program import dated_notes

    week = Period(month=6, year=2019, start=date(2019, 6, 10), end=date(2019, 6, 16))
    note = ["* Đồng chí Nguyễn Văn An – Chủ tịch: Tham gia Lớp bồi dưỡng từ ngày 04/6/2019 đến",
            "ngày 05/7/2019 tại Hà Nội."]
    [event] = dated_notes(note, week)
    assert (event.date, event.end_date, event.officials) == (date(2019, 6, 4), date(2019, 7, 5), ["Nguyễn Văn An"])
    aims = ["Tuyên truyền kỷ niệm 79 năm ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944-22/12/2023).",
            "Đồng chí Trần Văn Bình – Bí thư: chỉ đạo tổng kết năm 2023."]
    assert dated_notes(aims, Period(month=12, year=2023)) == []


def test_who_a_note_in_parentheses_says_chairs_or_attends():
    """"(Đ/c Hải chủ trì)" names the chair and "(…, PCT Lan dự)" who attends, as the labels "Chủ trì:" and
    "Cùng dự:" do; the note stays in the title; a unit beside the chair is still the preparing unit."""
    said = read_notes("Làm việc với Phòng Tài chính - Kế hoạch (Đ/c Lan - PCT chủ trì; Phòng TC-KH chuẩn bị)")
    assert (said.noted, said.units) == (["Lan"], ["Phòng TC-KH"])
    assert said.text == "Làm việc với Phòng Tài chính - Kế hoạch (Đ/c Lan - PCT chủ trì; Phòng TC-KH chuẩn bị)"
    said = read_notes("Hội nghị báo cáo viên (Phòng Tuyên truyền chuẩn bị, đồng chí Trưởng ban chủ trì)")
    assert (said.noted, said.units) == (["Trưởng ban"], ["Phòng Tuyên truyền"])
    assert read_notes("Dự Hội nghị trực tuyến của UBND tỉnh (Đ/c Hải dự)").attendees == ["Hải"]
    assert read_notes("Họp Hội đồng (dự kiến)").noted == [] and read_notes("Họp (Văn phòng chủ trì)").noted == []
    # with no verb, a closing note of leaders only says who the item is down for
    assert read_notes("Kiểm tra công tác phòng chống dịch (Đ/c Lê Thị Hoa - PGĐ)").noted == ["Lê Thị Hoa"]
    assert read_notes("Họp giao ban (Đ/c Hải, đ/c Lan)").noted == ["Hải", "Lan"]
    assert read_notes("Tiếp công dân (Đ/c Hải)").text == "Tiếp công dân (Đ/c Hải)"
    assert read_notes("Họp (Đ/c Hải) tại Hội trường").noted == []  # not the item's close: a mention


def test_a_note_in_parentheses_names_the_chair_only_where_nothing_else_does():
    """Beside a "Chủ trì:" label (or a leader column) the note's chair is the same person by title: not another."""
    from lichsync.read.pipeline import parse_text

    week = ("LỊCH CÔNG TÁC TUẦN\n(Từ ngày 12/5/2025 đến ngày 16/5/2025)\nTHỨ HAI (12/5)\n"
            "- 7h30: Giao ban lãnh đạo UBND huyện (Đ/c Hải chủ trì).\n"
            "- 14h00: Hội nghị báo cáo viên (Văn phòng chuẩn bị, đồng chí Trưởng ban chủ trì). Chủ trì: Đ/c Thắng.\n")
    assert [e.officials for e in parse_text(week, "week.txt").events] == [["Hải"], ["Thắng"]]


def test_a_web_pages_table_text_is_no_note_beside_the_table():
    """A web page's text holds its table's cells too: a row that writes a range and a chair is no note."""
    from lichsync.parse.model import Period

    row = "Khảo sát tình hình tôn giáo tại huyện Hải Lăng (từ ngày 16/9/2027 đến ngày 18/9/2027) (Đ/c Hải chủ trì)"
    week = Period(month=9, year=2027, start=date(2027, 9, 13), end=date(2027, 9, 19))
    assert [e.officials for e in dated_notes([row], week)] == [["Hải"]]
    assert dated_notes([row], week, Grid([GridRow([Cell((Piece(row, 1),))])])) == []
