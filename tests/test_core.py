"""The pure core on fragments of the real programs: no files, no network."""
from datetime import date

import pytest

from lichsync.parse import align, columns, items
from lichsync.parse.heading import find_period, proper_case
from lichsync.parse.officials import parse_officials
from lichsync.parse.rows import BLOCK, LINE, WRAP, Piece
from lichsync.parse.text import normalize


def _items(lines):
    return [(it.text, it.session) for it in items.parse_items([(t, k, k) for k, t in enumerate(lines)])]


def test_bullets_under_a_session_word_belong_to_it():
    found = _items(["Sáng: Chào cờ đầu tháng", "- Lễ khai giảng năm học mới", "Chiều:", "- Duyệt ĐH"])
    assert found == [
        ("Chào cờ đầu tháng", "morning"),
        ("Lễ khai giảng năm học mới", "morning"),
        ("Duyệt ĐH", "afternoon"),
    ]


def test_plus_items_under_a_bulleted_session_and_a_sibling_bullet_starting_afresh():
    found = _items(["- Sáng: + Hội nghị A", "+ Hội nghị B", "- Sáng: Tiếp công dân.", "- Đoàn ĐBQH dự Kỳ họp"])
    assert [s for _, s in found] == ["morning", "morning", "morning", None]


def test_a_session_word_alone_gives_no_item_and_all_day_is_read_inline():
    assert _items(["Sáng:", "Chiều:"]) == []
    assert _items(["Kiểm tra cơ sở (cả ngày)"]) == [("Kiểm tra cơ sở", "all_day")]


def test_the_session_carries_over_a_page_break():
    context = items.Context()
    items.parse_items([("Sáng:", 1, 0), ("- Hội nghị tổng kết", 2, 1)], context)
    after_break = items.parse_items([("- Họp BCH Công đoàn Sở", 9, 0)], context)
    assert after_break[0].session == "morning"


@pytest.mark.parametrize(
    "text, day, end, title",
    [
        ("Quyết toán kinh phí (từ ngày 06/9 - 09/9)", date(2023, 9, 6), date(2023, 9, 9), "Quyết toán kinh phí"),
        ("Kỳ họp bất thường (Từ ngày 15 - 17/01/2024).", date(2024, 1, 15), date(2024, 1, 17), "Kỳ họp bất thường."),
        ("Tham dự kỳ họp (từ ngày 06-08/12/2023).", date(2023, 12, 6), date(2023, 12, 8), "Tham dự kỳ họp."),
        ("Dự Hội nghị trực tuyến (1,5 ngày).", date(2023, 12, 4), date(2023, 12, 5), "Dự Hội nghị trực tuyến."),
        ("Kiểm tra (theo kế hoạch bắt đầu từ ngày 09/01/2023)", date(2024, 1, 9), None, None),
        ("Kỷ niệm 94 năm (03/02/1930 - 03/02/2024)", date(2024, 1, 26), None, None),
    ],
)
def test_spans_and_references(text, day, end, title):
    span = items.find_span(text, day)
    assert span.end == end
    assert span.text == (title or text)


def test_a_span_in_the_wrong_month_is_repaired():
    span = items.find_span("Từ ngày 16/12 đến 18/12: Đi công tác tại thành phố Hà Nội", date(2024, 1, 16))
    assert (span.end, span.repaired, span.text) == (date(2024, 1, 18), True, "Đi công tác tại thành phố Hà Nội")


@pytest.mark.parametrize(
    "text, time",
    [("Họp lúc 14h00", "14:00"), ("(8h30) Họp", "08:30"), ("7 giờ 30’ dự", "07:30"), ("14 giờ, làm việc", "14:00"),
     ("Kỳ họp thứ 17 Hội đồng nhân dân", None), ("phiên tháng 9/2023", None)],
)
def test_clock_times(text, time):
    assert items.find_time(text) == time


def test_rest_rows():
    assert items.is_rest_only(["(Thứ Bảy, Chủ nhật)"])
    assert items.is_rest_only(["Nghỉ"])
    assert not items.is_rest_only(["(Chủ nhật) Đi kiểm tra cơ sở."])


def _pieces(lines, sep=LINE):
    return [Piece(t, k, sep, k) for k, t in enumerate(lines)]


def test_entries_split_and_joined_as_the_document_shows():
    assert [e.text for e in align.segment(_pieces(["Văn phòng Sở,", "Đảng ủy Sở"], WRAP))] == ["Văn phòng Sở, Đảng ủy Sở"]
    # A <p> boundary stands even after a trailing ";".
    assert len(align.segment(_pieces(["Đ/c Lạc - TUV, BTĐU, GĐ;", "Đ/c Hoa -PGĐ"], BLOCK))) == 2


def test_entries_merge_to_the_item_count_at_their_weakest_separations():
    pieces = _pieces(["Đ/c Hoàn GĐ Sở", "Đại diện Công Đoàn", "Đ/c Hoàn GĐ Sở", "Đ/c Hùng CT CĐ"], WRAP)
    pieces[2].sep = 2.0  # a gap line stood before it
    entries = align.segment(pieces, target=2)
    assert [[n for n, _ in parse_officials(e.text)] for e in entries] == [["Hoàn", "Đại diện Công Đoàn"], ["Hoàn", "Hùng"]]


def test_assignment_when_counts_differ():
    entries = [align.Entry(t, 1, p) for t, p in [("Lạc", None), ("Dũng", None), ("Dũng", None)]]
    groups, settled = align.assign(entries, [None, None])
    assert [[e.text for e in g] for g in groups] == [["Lạc", "Dũng"], ["Dũng"]] and not settled
    by_position = [align.Entry("Theo TP mời", 1, 0), align.Entry("Thường trực", 1, 3)]
    groups, _ = align.assign(by_position, [0, 2, 3])
    assert [[e.text for e in g] for g in groups] == [["Theo TP mời"], [], ["Thường trực"]]


def test_a_flattened_row_splits_into_content_units_and_leaders():
    lines = ["Kiểm tra cơ sở về tiêu chuẩn đo lường chất lượng,", "thông tin truyền thông về khoa học và công nghệ",
             "Phòng TT-TK KH,", "CN và ĐMST;", "Chi cục TĐC", "Lãnh đạo Sở"]
    (segment,) = columns.split_flow(_pieces(lines, WRAP), ["units", "leaders"], 49)
    assert [p[0] for p in segment.paragraphs] == [" ".join(lines[:2])]
    assert [p.text for p in segment.sides["units"]] == ["Phòng TT-TK KH,", "CN và ĐMST;", "Chi cục TĐC"]
    assert [p.text for p in segment.sides["leaders"]] == ["Lãnh đạo Sở"]


def test_a_side_column_run_into_the_content_line_is_split_off():
    lines = ["Chiều: Họp Thường trực Hội đồng nhân dân tỉnh. VP Đoàn", "ĐBQH và", "HĐND tỉnh", "Phòng họp", "HĐND tỉnh"]
    (segment,) = columns.split_flow(_pieces(lines, WRAP), ["units", "location"], 49)
    assert segment.paragraphs[0][0] == "Chiều: Họp Thường trực Hội đồng nhân dân tỉnh."
    assert [p.text for p in segment.sides["units"]][:1] == ["VP Đoàn"]


def test_a_row_broken_across_pages_gives_two_segments():
    lines = ["Sáng:", "- Hội nghị tổng kết công tác nội chính và cải cách", "Văn phòng Sở", "", "Đ/c Bình PGĐ Sở",
             "- Họp BCH Công đoàn Sở", "BCH Công đoàn", "Đ/c Trọng PGĐ Sở"]
    segments = columns.split_flow(_pieces(lines, WRAP), ["units", "leaders"], 49)
    assert [len(s.paragraphs) for s in segments] == [2, 1]


def test_heading_and_normalisation():
    assert find_period(normalize(" CHƢƠNG TRÌNH CÔNG TÁC THÁNG 01 NĂM 2024 "))[:2] == (1, 2024)
    assert find_period("Hà Tĩnh, ngày 05 tháng 9 năm 2023\nCHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2023")[:2] == (10, 2023)
    assert proper_case("SỞ KHOA HỌC VÀ CÔNG NGHỆ") == "Sở Khoa học và Công nghệ"
    assert proper_case("TỈNH ỦY HÀ TĨNH") == "Tỉnh ủy Hà Tĩnh"
    assert normalize("Ƣu tiên\x1f") == "Ưu tiên"


def test_a_range_crossing_into_the_next_month():
    span = items.find_span("Hội thảo (từ ngày 30 - 02/10/2023)", date(2023, 9, 30))
    assert (span.end, span.repaired) == (date(2023, 10, 2), False)
