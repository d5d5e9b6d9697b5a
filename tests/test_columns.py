"""Splitting a flattened PDF row back into its content cell and side columns, on rows of
so-khcn-hatinh-2024-01.txt (seed 002: units, leaders) and tinhuy-hatinh-2024-01.txt
(seed 003: units, location). Pieces are the layer's lines as the flow reader gives them
(stripped; a line holding only a space is a gap, Piece("", line))."""
from __future__ import annotations

from lichsync.parse import align, columns
from lichsync.parse.columns import split_flow
from lichsync.parse.rows import GAP, WRAP, Piece

SEED_002 = ["units", "leaders"]
SEED_003 = ["units", "location"]
WIDTH = 49


def flow(*lines: tuple[int, str]) -> list[Piece]:
    return [Piece(text, no, WRAP) for no, text in lines]


def side_texts(segment, role: str) -> list[str]:
    return [p.text for p in segment.sides[role]]


def test_wrapped_item_then_units_and_a_leader():
    # so-khcn-hatinh-2024-01.txt row 26, lines 802-812
    [seg] = split_flow(flow(
        (802, "Kiểm tra cơ sở về tiêu chuẩn đo lường chất lượng,"),
        (804, "thông tin truyền thông về khoa học và công nghệ"),
        (806, "Phòng TT-TK KH,"),
        (808, "CN và ĐMST;"),
        (810, "Chi cục TĐC"),
        (812, "Lãnh đạo Sở"),
    ), SEED_002, WIDTH)
    assert seg.paragraphs == [
        ("Kiểm tra cơ sở về tiêu chuẩn đo lường chất lượng, thông tin truyền thông về khoa học và công nghệ", 802, 0)
    ]
    assert side_texts(seg, "units") == ["Phòng TT-TK KH,", "CN và ĐMST;", "Chi cục TĐC"]
    assert side_texts(seg, "leaders") == ["Lãnh đạo Sở"]


def test_side_column_run_into_the_content_line_is_split_off():
    # tinhuy-hatinh-2024-01.txt row 30, lines 642-650: "… nhân dân tỉnh. VP Đoàn" / "ĐBQH và" / …
    [seg] = split_flow(flow(
        (642, "Chiều: Họp Thường trực Hội đồng nhân dân tỉnh. VP Đoàn"),
        (644, "ĐBQH và"),
        (646, "HĐND tỉnh"),
        (648, "Phòng họp"),
        (650, "HĐND tỉnh"),
    ), SEED_003, WIDTH)
    assert seg.paragraphs == [("Chiều: Họp Thường trực Hội đồng nhân dân tỉnh.", 642, 0)]
    assert side_texts(seg, "units") == ["VP Đoàn", "ĐBQH và", "HĐND tỉnh"]
    assert side_texts(seg, "location") == ["Phòng họp", "HĐND tỉnh"]


def test_row_broken_across_a_page_gives_two_segments():
    # so-khcn-hatinh-2024-01.txt row 04, lines 142-186 ("CHÚC MỪNG NĂM MỚI" at line 162 already
    # dropped by the reader): the morning item and its sides, then the rest of the row on the next page
    segments = split_flow([
        Piece("Sáng:", 142),
        Piece("- Hội nghị tổng kết công tác nội chính và cải cách", 144),
        Piece("tư pháp tỉnh năm 2023; triển khai nhiệm vụ năm", 146),
        Piece("2024", 148),
        Piece("", 150),
        Piece("Văn phòng Sở", 152),
        Piece("", 154),
        Piece("", 156),
        Piece("Đ/c Bình PGĐ Sở", 158),
        Piece("", 160),
        Piece("- Họp BCH Công đoàn Sở", 163),
        Piece("Chiều:", 165),
        Piece("Dự Hội nghị tổng kết hoạt động của Đảng bộ khối", 167),
        Piece("các cơ quan và doanh nghiệp tỉnh năm 2023, triển", 169),
        Piece("khai nhiệm vụ năm 2024", 171),
        Piece("BCH Công đoàn", 173),
        Piece("", 175),
        Piece("Văn phòng Sở", 176),
        Piece("", 178),
        Piece("Đ/c Trọng PGĐ Sở", 180),
        Piece("", 182),
        Piece("", 184),
        Piece("Đ/c Hoàn GĐ Sở", 186),
    ], SEED_002, WIDTH)
    assert len(segments) == 2
    first, second = segments
    assert [text for text, _, _ in first.paragraphs] == [
        "Sáng:",
        "- Hội nghị tổng kết công tác nội chính và cải cách tư pháp tỉnh năm 2023; triển khai nhiệm vụ năm 2024",
    ]
    assert side_texts(first, "units") == ["Văn phòng Sở"]
    assert side_texts(first, "leaders") == ["Đ/c Bình PGĐ Sở"]
    assert [(text, line) for text, line, _ in second.paragraphs] == [
        ("- Họp BCH Công đoàn Sở", 163),
        ("Chiều:", 165),
        ("Dự Hội nghị tổng kết hoạt động của Đảng bộ khối các cơ quan và doanh nghiệp tỉnh năm 2023, "
         "triển khai nhiệm vụ năm 2024", 167),
    ]
    assert side_texts(second, "units") == ["BCH Công đoàn", "Văn phòng Sở"]
    assert side_texts(second, "leaders") == ["Đ/c Trọng PGĐ Sở", "Đ/c Hoàn GĐ Sở"]


def test_second_segment_counts_positions_from_its_own_top():
    # so-khcn-hatinh-2024-01.txt row 04 again: the page-2 part starts at position 0
    segments = split_flow(flow(
        (142, "Sáng:"), (144, "- Hội nghị tổng kết công tác nội chính và cải cách"),
        (146, "tư pháp tỉnh năm 2023; triển khai nhiệm vụ năm"), (148, "2024"), (150, ""),
        (152, "Văn phòng Sở"), (154, ""), (156, ""), (158, "Đ/c Bình PGĐ Sở"), (160, ""),
        (163, "- Họp BCH Công đoàn Sở"), (165, "Chiều:"),
        (167, "Dự Hội nghị tổng kết hoạt động của Đảng bộ khối"),
    ), SEED_002, WIDTH)
    assert segments[1].paragraphs[0] == ("- Họp BCH Công đoàn Sở", 163, 0)


def test_gap_lines_become_strong_separations_in_the_side_columns():
    # so-khcn-hatinh-2024-01.txt row 12, lines 499-523
    [seg] = split_flow(flow(
        (499, "Sáng: Hội nghị CB, CC Chi cục Tiêu chuẩn Đo"),
        (501, "lường Chất lượng"),
        (503, ""),
        (505, "Chiều: Hội nghị CB, CC Văn phòng Sở"),
        (507, "Chi cục TĐC"),
        (509, ""),
        (510, ""),
        (512, "Văn phòng Sở,"),
        (514, "Công đoàn VP"),
        (516, "Đ/c Hoàn GĐ Sở"),
        (518, "Đại diện Công Đoàn"),
        (519, ""),
        (521, "Đ/c Hoàn GĐ Sở"),
        (523, "Đ/c Hùng CT CĐ"),
    ), SEED_002, WIDTH)
    assert [text for text, _, _ in seg.paragraphs] == [
        "Sáng: Hội nghị CB, CC Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Chiều: Hội nghị CB, CC Văn phòng Sở",
    ]
    assert side_texts(seg, "units") == ["Chi cục TĐC", "Văn phòng Sở,", "Công đoàn VP"]
    leaders = seg.sides["leaders"]
    assert [p.text for p in leaders] == ["Đ/c Hoàn GĐ Sở", "Đại diện Công Đoàn", "Đ/c Hoàn GĐ Sở", "Đ/c Hùng CT CĐ"]
    assert [p.sep for p in leaders[1:]] == [WRAP, GAP, WRAP]
    assert [p.pos for p in leaders] == [0, 1, 3, 4]


def test_bulleted_side_columns_after_two_items():
    # tinhuy-hatinh-2024-01.txt row 3, lines 78-104
    [seg] = split_flow(flow(
        (78, "- Đoàn công tác Báo Tuổi trẻ kiểm tra, khảo sát một số"),
        (80, "“Điểm trường vượt lũ” trên địa bàn tỉnh."),
        (82, ""),
        (84, "- Sáng: Hội nghị trực tuyến toàn quốc tổng kết"),
        (86, "năm 2023 Ngành Văn hóa, Thể thao và Du lịch."),
        (88, "- VPTU, VP"),
        (90, "UBND tỉnh"),
        (92, ""),
        (94, "- UBND tỉnh"),
        (96, "- Huyện:"),
        (98, "Hương Khê,"),
        (100, "Đức Thọ"),
        (102, "- Trung tâm"),
        (104, "Công báo tỉnh"),
    ), SEED_003, WIDTH)
    assert [text for text, _, _ in seg.paragraphs] == [
        "- Đoàn công tác Báo Tuổi trẻ kiểm tra, khảo sát một số “Điểm trường vượt lũ” trên địa bàn tỉnh.",
        "- Sáng: Hội nghị trực tuyến toàn quốc tổng kết năm 2023 Ngành Văn hóa, Thể thao và Du lịch.",
    ]
    assert side_texts(seg, "units") == ["- VPTU, VP", "UBND tỉnh", "- UBND tỉnh"]
    assert side_texts(seg, "location") == ["- Huyện:", "Hương Khê,", "Đức Thọ", "- Trung tâm", "Công báo tỉnh"]


def test_empty_session_word_then_item_on_the_next_line():
    # so-khcn-hatinh-2024-01.txt row 16, lines 572-594
    [seg] = split_flow(flow(
        (572, "Từ ngày 16/12 đến 18/12: Đi công tác tại thành"),
        (574, "phố Hà Nội"),
        (576, "Chiều:"),
        (578, "- Hội nghị sơ kết 02 năm triển khai Đề án 06"),
        (580, "Phòng QLKH"),
        (582, ""),
        (584, ""),
        (586, "Văn phòng Sở"),
        (588, "Đ/c Hoàn GĐ Sở"),
        (590, ""),
        (592, ""),
        (594, "Đại diện LĐ Sở"),
    ), SEED_002, WIDTH)
    assert [text for text, _, _ in seg.paragraphs] == [
        "Từ ngày 16/12 đến 18/12: Đi công tác tại thành phố Hà Nội",
        "Chiều:",
        "- Hội nghị sơ kết 02 năm triển khai Đề án 06",
    ]
    assert side_texts(seg, "units") == ["Phòng QLKH", "Văn phòng Sở"]
    assert side_texts(seg, "leaders") == ["Đ/c Hoàn GĐ Sở", "Đại diện LĐ Sở"]


def test_a_name_the_page_cut_after_comrade_joins_the_item_above():
    above = columns.Segment([("Chiều: Họp Ban Tổ chức Kỷ niệm 120 năm Ngày sinh đồng chí", 1, 0)],
                            {"units": [Piece("Ban Tuyên giáo", 2, WRAP)]})
    below = columns.Segment([("Trần Phú - Tổng Bí thư đầu tiên của Đảng.", 5, 0)], {"units": []})
    [joined] = columns.join_page_cuts([[above], [below]])
    assert joined.paragraphs[0][0].endswith("đồng chí Trần Phú - Tổng Bí thư đầu tiên của Đảng.")
    other = columns.Segment([("Sáng: Họp Ban Thường vụ.", 5, 0)], {"units": []})
    assert len(columns.join_page_cuts([[above], [other]])) == 2


def test_a_side_cell_written_ahead_of_its_items_goes_on_with_the_items_of_the_next_page():
    # Page one holds the row's first item, and the units of its first two ("Văn phòng", "Văn phòng,");
    # page two the second and third items, the rest of the second's units and the third's.
    above = columns.Segment([("- Thăm, tặng quà nữ cán bộ hưu trí", 1, 0)],
                            {"units": [Piece("Văn phòng", 2, WRAP), Piece("Văn phòng,", 3, WRAP)]})
    below = columns.Segment([("Sáng: Mít tinh kỷ niệm", 5, 0), ("Chiều: Gặp mặt nữ lãnh đạo", 6, 0)],
                            {"units": [Piece("Ban Tuyên giáo", 7, WRAP), Piece("Văn phòng", 8, WRAP)]})
    [row] = columns.join_page_cuts([[above], [below]])
    assert [p[0] for p in row.paragraphs] == ["- Thăm, tặng quà nữ cán bộ hưu trí", "Sáng: Mít tinh kỷ niệm",
                                              "Chiều: Gặp mặt nữ lãnh đạo"]
    assert [e.text for e in align.segment(row.sides["units"], target=3, bodies=True)] == [
        "Văn phòng", "Văn phòng, Ban Tuyên giáo", "Văn phòng"]
    # A page whose cells above ended with their items starts rows of its own.
    whole = columns.Segment([("- Thăm, tặng quà", 1, 0)], {"units": [Piece("Văn phòng", 2, WRAP)]})
    assert len(columns.join_page_cuts([[whole], [below]])) == 2
