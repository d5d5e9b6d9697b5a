"""Items of a content cell, their sessions, spans and times (README "Which lines are events",
"Dates", "Session and time"), on content cells of the sample programs."""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import GOLD
from lichsync.parse.items import Context, find_span, find_time, is_rest_only, parse_items, strip_rest_marker
from lichsync.read.tabtext import html_blocks


def paragraphs(*texts: str, line: int = 1) -> list[tuple[str, int, int | None]]:
    return [(text, line + k, None) for k, text in enumerate(texts)]


def sessions(items) -> list[str | None]:
    return [item.session for item in items]


# --- sessions and their inheritance ------------------------------------------------------------


def test_bullets_under_a_session_word_belong_to_it():
    # so-ldtbxh-hatinh-2023-09.txt row 5, lines 32-38
    found = parse_items(paragraphs(
        "Sáng: Chào cờ đầu tháng",
        "- Lễ khai giảng năm học mới",
        "- Họp triển khai công tác phối hợp tổ chức Lễ phát động Tháng hành động và Hội thi tiếng hát người cao tuổi",
        "Chiều:",
        "- Thường trực Tỉnh ủy duyệt ĐH Liên đoàn Lao động tỉnh",
    ))
    assert sessions(found) == ["morning", "morning", "morning", "afternoon"]
    assert [item.text for item in found[:2]] == ["Chào cờ đầu tháng", "Lễ khai giảng năm học mới"]


def test_all_day_session_covers_its_bullets_until_the_next_session_word():
    # so-ldtbxh-hatinh-2023-09.txt row 6, lines 50-53
    found = parse_items(paragraphs(
        "Cả ngày: - Quyết toán kinh phí thực hiện chính sách ưu đãi NCC với CM năm 2022 (từ ngày 06/9 - 09/9)",
        "- Tham dự Lễ Khai giảng năm học tại Trường Trung cấp Tư thục Kỳ Anh",
        "Sáng: Dự HN trực tuyến họp BCĐ cải cách hành chính tỉnh",
        "Chiều: Họp UBND tỉnh về xử lý vướng mắc trong công tác BT, GPMB, tái định cư Dự án cấp nước KKT Vũng Áng",
    ))
    assert sessions(found) == ["all_day", "all_day", "morning", "afternoon"]


def test_plus_items_under_a_bulleted_session_word_belong_to_it():
    # tinhuy-hatinh-2024-01.txt row 5, lines 135-147 (wrapped lines joined)
    found = parse_items(paragraphs(
        "- Sáng: + Đ/c Phó Bí thư Thường trực Tỉnh ủy dự Hội nghị tổng kết công tác Mặt trận Tổ quốc năm 2023.",
        "+ Hội nghị tổng kết công tác Tòa án năm 2023.",
        "- Chiều: + Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2023.",
        "+ Hội nghị tổng kết công tác Kiểm sát năm 2023.",
    ))
    assert sessions(found) == ["morning", "morning", "afternoon", "afternoon"]
    assert found[1].text == "Hội nghị tổng kết công tác Tòa án năm 2023."


def test_plus_items_on_one_line_are_separate_items():
    # README: "- Sáng: + A + B" is two morning events
    found = parse_items(paragraphs("- Sáng: + A + B"))
    assert [(item.text, item.session) for item in found] == [("A", "morning"), ("B", "morning")]


def test_sibling_bullet_after_a_bulleted_session_line_has_no_session():
    # tinhuy-hatinh-2024-01.txt row 15, lines 361-369
    found = parse_items(paragraphs(
        "- Sáng: Lãnh đạo tỉnh tiếp công dân định kỳ.",
        "- Đoàn Đại biểu Quốc hội tham dự Kỳ họp bất thường lần thứ 5, Quốc hội khóa XV (Từ ngày 15 - 17/01/2024).",
    ))
    assert sessions(found) == ["morning", None]


def test_bullet_under_an_unbulleted_session_word_keeps_it():
    # dangbo-khoi-hatinh-2023-12.txt row 1, lines 51/55: "Sáng: - …" then "- …"
    found = parse_items(paragraphs(
        "Sáng: - Chào cờ; giao ban Cơ quan Đảng ủy Khối.",
        "- Sinh hoạt Chi bộ Cơ quan Đảng ủy Khối.",
    ))
    assert sessions(found) == ["morning", "morning"]


def test_items_joined_by_semicolon_stay_one_item():
    # dangbo-khoi-hatinh-2023-12.txt line 51
    found = parse_items(paragraphs("Sáng: - Chào cờ; giao ban Cơ quan Đảng ủy Khối."))
    assert [item.text for item in found] == ["Chào cờ; giao ban Cơ quan Đảng ủy Khối."]


def test_evening_session():
    # dangbo-khoi-hatinh-2023-12.txt line 150
    found = parse_items(paragraphs("Tối: Họp Cơ quan Đảng ủy Khối đánh giá xếp loại công chức; bình xét thi đua, khen thưởng."))
    assert sessions(found) == ["evening"]


def test_session_word_alone_gives_no_item():
    # so-khcn-hatinh-2024-01.txt row 2, lines 64/66: "Chiều:" with nothing under it
    found = parse_items(paragraphs("Sáng: Chào cờ, sinh hoạt chi bộ tháng 01 năm 2024", "Chiều:"))
    assert [(item.text, item.session) for item in found] == [
        ("Chào cờ, sinh hoạt chi bộ tháng 01 năm 2024", "morning")
    ]
    assert parse_items(paragraphs("Chiều:")) == []


def test_empty_session_word_followed_by_another_session():
    # so-khcn-hatinh-2024-01.txt row 17, lines 601-605: "Sáng:" empty, then "Chiều:" with an item
    found = parse_items(paragraphs(
        "Sáng:", "Chiều:", "Tham dự Lễ Ký kết hợp tác chuyển đổi số giai đoạn 2023 - 2028 với FPT",
    ))
    assert sessions(found) == ["afternoon"]


def test_inline_all_day_note_sets_the_session_and_is_removed():
    # so-khcn-hatinh-2024-01.txt line 630: "Kiểm tra cơ sở (cả ngày)"
    [item] = parse_items(paragraphs("Kiểm tra cơ sở (cả ngày)"))
    assert item.session == "all_day"
    assert item.text == "Kiểm tra cơ sở"


def test_inline_all_day_note_in_capitals():
    # tinhuy-hatinh-2024-01.txt line 131: "- Hội nghị trực tuyến Chính phủ (Cả ngày)."
    [item] = parse_items(paragraphs("- Hội nghị trực tuyến Chính phủ (Cả ngày)."))
    assert item.session == "all_day"
    assert "ngày" not in item.text
    assert item.text.rstrip(" .") == "Hội nghị trực tuyến Chính phủ"


def test_context_keeps_the_session_across_a_page_break():
    # so-khcn-hatinh-2024-01.txt row 4: "Sáng:" item on one page, "- Họp BCH Công đoàn Sở" (line 163)
    # after "CHÚC MỪNG NĂM MỚI" on the next page, then "Chiều:".
    context = Context()
    first = parse_items([
        ("Sáng:", 142, 0),
        ("- Hội nghị tổng kết công tác nội chính và cải cách tư pháp tỉnh năm 2023; triển khai nhiệm vụ năm 2024", 144, 1),
    ], context)
    second = parse_items([
        ("- Họp BCH Công đoàn Sở", 163, 0),
        ("Chiều:", 165, 1),
        ("Dự Hội nghị tổng kết hoạt động của Đảng bộ khối các cơ quan và doanh nghiệp tỉnh năm 2023, triển khai nhiệm vụ năm 2024", 167, 2),
    ], context)
    assert sessions(first) == ["morning"]
    assert sessions(second) == ["morning", "afternoon"]
    assert second[0].text == "Họp BCH Công đoàn Sở"


def test_leading_rest_marker_paragraph_is_not_an_item():
    # so-ldtbxh-hatinh-2023-09.txt row 23, lines 145/146
    found = parse_items(paragraphs(
        "(Thứ bảy)",
        "Hội nghị trao đổi kinh nghiệm công tác Ban Thường vụ Tỉnh ủy 3 tỉnh Hà Tĩnh - Nghệ An - Thanh Hóa",
    ))
    assert [item.text for item in found] == [
        "Hội nghị trao đổi kinh nghiệm công tác Ban Thường vụ Tỉnh ủy 3 tỉnh Hà Tĩnh - Nghệ An - Thanh Hóa"
    ]
    assert sessions(found) == [None]


# --- end dates from ranges and durations ------------------------------------------------------


def test_range_with_both_months():
    # so-ldtbxh-hatinh-2023-09.txt line 50
    span = find_span(
        "Quyết toán kinh phí thực hiện chính sách ưu đãi NCC với CM năm 2022 (từ ngày 06/9 - 09/9)", date(2023, 9, 6)
    )
    assert span.end == date(2023, 9, 9)
    assert span.text == "Quyết toán kinh phí thực hiện chính sách ưu đãi NCC với CM năm 2022"
    assert not span.repaired


@pytest.mark.parametrize("note", ["(từ thứ 3, ngày 13/5 đến thứ 5, ngày 15/5)", "(từ 13/5 (thứ Ba) đến 15/5 (thứ Năm))",
                                  "(Từ Thứ Ba (13/5) đến Thứ Năm (15/5))"])
def test_a_range_whose_ends_name_their_weekdays(note):
    span = find_span(f"Tập huấn công tác hộ tịch {note} tại Hội trường Sở", date(2025, 5, 13))
    assert (span.end, span.text) == (date(2025, 5, 15), "Tập huấn công tác hộ tịch tại Hội trường Sở")


def test_range_with_the_month_and_year_only_at_the_end():
    # tinhuy-hatinh-2024-01.txt lines 365-369
    span = find_span(
        "Đoàn Đại biểu Quốc hội tham dự Kỳ họp bất thường lần thứ 5, Quốc hội khóa XV (Từ ngày 15 - 17/01/2024).",
        date(2024, 1, 15),
    )
    assert span.end == date(2024, 1, 17)
    assert "Từ ngày" not in span.text and "17/01/2024" not in span.text
    assert span.text.startswith("Đoàn Đại biểu Quốc hội tham dự Kỳ họp bất thường lần thứ 5, Quốc hội khóa XV")


def test_range_of_day_numbers_with_a_hyphen():
    # dangbo-khoi-hatinh-2023-12.txt lines 142/144
    span = find_span(
        "Tham dự kỳ họp thứ 17 Hội đồng nhân dân tỉnh khóa XVIII (từ ngày 06-08/12/2023).", date(2023, 12, 6)
    )
    assert span.end == date(2023, 12, 8)
    assert "06-08/12/2023" not in span.text


def test_duration_of_one_and_a_half_days_ends_the_next_day():
    # dangbo-khoi-hatinh-2023-12.txt lines 108/110
    span = find_span(
        "Dự Hội nghị trực tuyến toàn quốc quán triệt Nghị quyết Trung ương 8 khóa XIII (1,5 ngày).", date(2023, 12, 4)
    )
    assert span.end == date(2023, 12, 5)
    assert "1,5 ngày" not in span.text


def test_range_in_another_month_is_repaired_to_the_rows_month():
    # so-khcn-hatinh-2024-01.txt line 572, in the row of 16 January 2024
    span = find_span("Từ ngày 16/12 đến 18/12: Đi công tác tại thành phố Hà Nội", date(2024, 1, 16))
    assert span.end == date(2024, 1, 18)
    assert span.repaired
    assert span.text == "Đi công tác tại thành phố Hà Nội"


def test_reference_date_of_a_plan_is_not_an_end_date():
    # so-khcn-hatinh-2024-01.txt lines 282-288
    text = (
        "Kiểm tra chuyên ngành về tiêu chuẩn, đo lường, chất lượng và sỡ hữu công nghiệp trong kinh doanh "
        "xăng dầu (theo kế hoạch BCĐ 389 tỉnh bắt đầu từ ngày 09/01/2023)"
    )
    span = find_span(text, date(2024, 1, 9))
    assert span.end is None
    assert span.text == text


def test_anniversary_range_is_not_an_end_date():
    # tinhuy-hatinh-2024-01.txt lines 570-578
    text = (
        "Thường trực Tỉnh ủy gặp mặt cán bộ cốt cán tỉnh qua các thời kỳ đã nghỉ hưu trên địa bàn nhân kỷ niệm "
        "94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024) và Mừng Xuân Giáp Thìn."
    )
    span = find_span(text, date(2024, 1, 26))
    assert span.end is None
    assert span.text == text


def test_item_without_a_note_has_no_end_date():
    # so-ldtbxh-hatinh-2023-09.txt line 32
    assert find_span("Chào cờ đầu tháng", date(2023, 9, 5)).end is None


# --- clock times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sáng: 14h00 Họp giao ban", "14:00"),
        ("7h30 Chào cờ", "07:30"),
        ("Hội nghị tổng kết (8h30)", "08:30"),
        ("8 giờ 30 Họp Ban Thường vụ", "08:30"),
        ("7 giờ 30’ Lễ chào cờ", "07:30"),
        ("14 giờ Họp", "14:00"),
        ("7:30 Giao ban", "07:30"),
    ],
)
def test_stated_clock_time(text, expected):
    assert find_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kỳ họp thứ 17 Hội đồng",
        "tháng 9/2023",
        # dangbo-khoi-hatinh-2023-12.txt lines 142/144 (span removed)
        "Tham dự kỳ họp thứ 17 Hội đồng nhân dân tỉnh khóa XVIII.",
        # so-ldtbxh-hatinh-2023-09.txt line 92
        "Họp BTV, Lãnh đạo Sở phiên tháng 9/2023",
        # so-ldtbxh-hatinh-2021-11.txt line 35
        "Họp trực tuyến toàn quốc triển khai Nghị quyết số 126/NQ-CP sửa đổi bổ sung Nghị quyết số 68/NQ-CP",
    ],
)
def test_numbers_that_are_not_clock_times(text):
    assert find_time(text) is None


def test_no_gold_title_states_a_clock_time():
    titles = [e["title"] for path in sorted(GOLD.glob("*.json")) for e in json.loads(path.read_text("utf-8"))["events"]]
    assert titles
    assert [t for t in titles if find_time(t) is not None] == []


# --- rest-day rows ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ["(Thứ Bảy, Chủ nhật)"],  # so-ldtbxh-hatinh-2023-09.txt line 82
        ["Nghỉ"],  # dangbo-khoi-hatinh-2023-12.txt line 297 ("16-17 Nghỉ")
        ["Nghỉ Thứ Bảy, Chủ nhật"],  # so-khcn-hatinh-2024-01.txt line 203 ("06, 07 Nghỉ Thứ Bảy, Chủ nhật")
        html_blocks("<b>Thứ bảy, Chủ nhật</b>"),  # so-ldtbxh-hatinh-2021-11.txt line 31
    ],
)
def test_row_that_only_marks_a_rest_day(texts):
    assert is_rest_only(texts)


def test_html_rest_marker_loses_its_markup():
    assert html_blocks("<b>Thứ bảy, Chủ nhật</b>") == ["Thứ bảy, Chủ nhật"]


def test_rest_day_row_with_content_is_not_rest_only():
    # tinhuy-hatinh-2024-01.txt line 355
    assert not is_rest_only(["(Chủ nhật) Đi kiểm tra cơ sở."])
    assert strip_rest_marker("(Chủ nhật) Đi kiểm tra cơ sở.") == "Đi kiểm tra cơ sở."


def test_rest_marker_then_content_on_the_next_line_is_not_rest_only():
    # so-ldtbxh-hatinh-2023-09.txt row 24, lines 151/153
    assert not is_rest_only(["(Chủ nhật)", "Lễ tưởng niệm 203 năm ngày mất Đại thi hào Nguyễn Du"])


@pytest.mark.parametrize(
    "text",
    [
        "Nghỉ Tết Dương lịch",  # so-khcn-hatinh-2024-01.txt line 56
        "Nghỉ lễ Quốc khánh 02/9",  # so-ldtbxh-hatinh-2023-09.txt line 27
    ],
)
def test_public_holiday_is_not_a_rest_only_row(text):
    assert not is_rest_only([text])


def test_labelled_lines_are_fields_of_the_item_they_follow():
    paragraphs = [(t, n, None) for n, t in enumerate([
        "Thời gian: 08h00", "Nội dung: Giao ban Ban Giám đốc Sở", "Địa điểm: Phòng họp tầng 3",
        "Thành phần: Lãnh đạo các phòng", "- 14h00: Kiểm tra công tác khám chữa bệnh", "Mời: Sở Tài chính",
    ], 1)]
    assert [(it.text, it.line, it.fields) for it in parse_items(paragraphs)] == [
        ("Giao ban Ban Giám đốc Sở", 1,
         [("time", "08h00"), ("place", "Phòng họp tầng 3"), ("participants", "Lãnh đạo các phòng")]),
        ("14h00: Kiểm tra công tác khám chữa bệnh", 5, [("participants", "Sở Tài chính")]),
    ]
