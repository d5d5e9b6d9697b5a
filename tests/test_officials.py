"""Who a leader entry names (README "Officials"), on entries written in the sample programs."""
from __future__ import annotations

import pytest

from lichsync.parse.officials import officials_in_text, parse_officials, subjects


def names(entry: str) -> list[str]:
    return [name for name, _ in parse_officials(entry)]


# --- a person after "Đ/c": the name, titles dropped -------------------------------------------


def test_person_with_dashed_titles_keeps_the_titles_aside():
    # so-ldtbxh-hatinh-2023-09.txt line 42: "Đ/c Lạc - TUV,BTĐU,GĐ"
    [(name, titles)] = parse_officials("Đ/c Lạc - TUV,BTĐU,GĐ")
    assert name == "Lạc"
    assert titles.replace(" ", "") == "TUV,BTĐU,GĐ"


def test_person_with_titles_after_a_space():
    # so-khcn-hatinh-2024-01.txt line 72: "Đ/c Hoàn GĐ Sở"
    assert parse_officials("Đ/c Hoàn GĐ Sở") == [("Hoàn", "GĐ Sở")]


def test_person_with_titles_after_a_comma_and_a_trailing_semicolon():
    # so-khcn-hatinh-2024-01.txt line 749: "Đ/c Hoàn, GĐ Sở;"
    assert names("Đ/c Hoàn, GĐ Sở;") == ["Hoàn"]


def test_person_with_acronym_titles():
    # so-khcn-hatinh-2024-01.txt line 523: "Đ/c Hùng CT CĐ"
    assert names("Đ/c Hùng CT CĐ") == ["Hùng"]


def test_lowercase_dc_marks_a_person_too():
    # so-ldtbxh-hatinh-2021-11.txt line 28: "…; đ/c Dũng - PGĐ"
    assert names("đ/c Dũng - PGĐ") == ["Dũng"]


def test_full_name_after_dong_chi():
    # README: a full name such as "Lê Anh Xuân"
    assert names("Đồng chí Lê Anh Xuân") == ["Lê Anh Xuân"]


# --- a title and no name: the title is the name ---------------------------------------------


def test_title_without_a_name_is_the_name():
    # dangbo-khoi-hatinh-2023-12.txt line 83: "Đ/c Bí thư"
    assert names("Đ/c Bí thư") == ["Bí thư"]


def test_long_title_without_a_name_is_kept_whole():
    # tinhuy-hatinh-2024-01.txt line 135: "Đ/c Phó Bí thư Thường trực Tỉnh ủy dự Hội …"
    assert names("Đ/c Phó Bí thư Thường trực Tỉnh ủy") == ["Phó Bí thư Thường trực Tỉnh ủy"]


def test_full_name_after_a_title_acronym():
    # README: "PCT Nguyễn Văn Thi" → the name
    assert names("PCT Nguyễn Văn Thi") == ["Nguyễn Văn Thi"]


# --- several people or groups in one entry -------------------------------------------------


def test_two_people_split_at_the_semicolon():
    # so-ldtbxh-hatinh-2021-11.txt line 38: "<p>Đ/c Công - PBT ĐU, PGĐ; đ/c Dũng - PGĐ</p>"
    assert names("Đ/c Công - PBT ĐU, PGĐ; đ/c Dũng - PGĐ") == ["Công", "Dũng"]


def test_two_groups_split_at_the_comma():
    # so-ldtbxh-hatinh-2021-11.txt line 29: "BTV Đảng ủy, Lãnh đạo Sở"
    assert names("BTV Đảng ủy, Lãnh đạo Sở") == ["BTV Đảng ủy", "Lãnh đạo Sở"]


def test_wrapped_group_entry_splits_at_the_comma():
    # dangbo-khoi-hatinh-2023-12.txt lines 77/79: "Thường trực," / "CBCC CQ" (one entry)
    assert names("Thường trực, CBCC CQ") == ["Thường trực", "CBCC CQ"]


def test_commas_inside_one_persons_titles_do_not_split():
    # so-ldtbxh-hatinh-2021-11.txt line 35: "<p>Đ/c Lạc - TUV, BTĐU, GĐ</p>"
    [(name, titles)] = parse_officials("Đ/c Lạc - TUV, BTĐU, GĐ")
    assert name == "Lạc"
    assert titles == "TUV, BTĐU, GĐ"


def test_group_after_a_persons_titles_is_a_second_official():
    # so-khcn-hatinh-2024-01.txt lines 409/411: "Đ/c Hoàn GĐ Sở," / "PGĐ phụ trách"
    assert names("Đ/c Hoàn GĐ Sở, PGĐ phụ trách") == ["Hoàn", "PGĐ phụ trách"]


def test_titles_after_comma_stay_with_the_person():
    # so-khcn-hatinh-2024-01.txt lines 751/753: "Đ/c Trọng, PGĐ" / "Sở, CT CĐ"
    [(name, titles)] = parse_officials("Đ/c Trọng, PGĐ Sở, CT CĐ")
    assert name == "Trọng"
    assert titles == "PGĐ Sở, CT CĐ"


def test_repeated_person_is_named_once():
    # so-ldtbxh-hatinh-2021-11.txt line 26: "Đ/c Lạc - TUV, BTĐU, GD Đ/c Lạc - TUV, BTĐU, GD"
    assert names("Đ/c Lạc - TUV, BTĐU, GD Đ/c Lạc - TUV, BTĐU, GD") == ["Lạc"]


def test_repeated_person_across_a_semicolon_is_named_once():
    # so-ldtbxh-hatinh-2023-09.txt lines 184/185 merged into one entry: "Đ/c Dũng - PGĐ" twice
    assert names("Đ/c Dũng - PGĐ; Đ/c Dũng - PGĐ") == ["Dũng"]


@pytest.mark.parametrize(
    "entry",
    [
        "Lãnh đạo Sở",  # so-ldtbxh-hatinh-2023-09.txt line 129
        "Theo TP mời",  # dangbo-khoi-hatinh-2023-12.txt line 116
        "BTV ĐUK",  # dangbo-khoi-hatinh-2023-12.txt line 174
        "Đại diện LĐ Sở",  # so-khcn-hatinh-2024-01.txt line 594
        "Thường trực",  # dangbo-khoi-hatinh-2023-12.txt line 99
    ],
)
def test_group_without_a_person_is_kept_as_written(entry):
    assert parse_officials(entry) == [(entry, "")]


# --- officials named in the item text (seed 003, no leader column) -------------------------


@pytest.mark.parametrize(
    "title, expected",
    [
        # tinhuy-hatinh-2024-01.txt line 58: "- Chiều: Thường trực Tỉnh ủy giao ban tuần."
        ("Thường trực Tỉnh ủy giao ban tuần.", ["Thường trực Tỉnh ủy"]),
        # line 199/201
        ("Đ/c Bí thư Tỉnh ủy dự Hội nghị Ban Chấp hành Đảng bộ Quân khu 4 khóa XI.", ["Bí thư Tỉnh ủy"]),
        # lines 445-449
        (
            "Đồng chí Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh dự Kỳ họp bất thường Quốc hội khóa XV.",
            ["Bí thư Tỉnh ủy"],
        ),
        # line 225: "- Chiều:  Họp Ban Thường vụ Tỉnh ủy."
        ("Họp Ban Thường vụ Tỉnh ủy.", ["Ban Thường vụ Tỉnh ủy"]),
        ("Hội nghị Ban Thường vụ Tỉnh ủy (các đồng chí Ủy viên dự).", ["Ban Thường vụ Tỉnh ủy"]),
        # line 361: "- Sáng: Lãnh đạo tỉnh tiếp công dân định kỳ."
        ("Lãnh đạo tỉnh tiếp công dân định kỳ.", ["Lãnh đạo tỉnh"]),
        # lines 135/137
        (
            "Đ/c Phó Bí thư Thường trực Tỉnh ủy dự Hội nghị tổng kết công tác Mặt trận Tổ quốc năm 2023.",
            ["Phó Bí thư Thường trực Tỉnh ủy"],
        ),
    ],
)
def test_leaders_named_as_the_items_actors(title, expected):
    assert officials_in_text(title) == expected


def test_leader_mentioned_as_a_topic_is_not_an_official():
    assert officials_in_text("Ngày sinh đồng chí Trần Phú") == []
    # tinhuy-hatinh-2024-01.txt lines 249-253
    assert officials_in_text(
        "Họp Ban Tổ chức các hoạt động Kỷ niệm 120 năm Ngày sinh đồng chí Trần Phú - Tổng Bí thư đầu tiên của Đảng."
    ) == []


@pytest.mark.parametrize(
    "title",
    [
        "Các cơ quan, đơn vị tổ chức Lễ chào cờ.",  # tinhuy-hatinh-2024-01.txt line 54
        "Hội nghị tổng kết công tác Tòa án năm 2023.",  # line 139
        "Đi kiểm tra cơ sở.",  # line 355
    ],
)
def test_item_naming_no_leader_has_no_officials(title):
    assert officials_in_text(title) == []


@pytest.mark.parametrize("entry", ["Đ/c Chủ tịch UBND tỉnh", "Đ/c Phó Chủ tịch UBND tỉnh", "Đ/c Trưởng ban", "Đ/c Chánh Văn phòng"])
def test_a_title_without_a_name_is_the_name_whole(entry):
    assert parse_officials(entry) == [(entry[4:], "")]


def test_a_full_name_with_a_title_word_in_it_stays_whole():
    assert [n for n, _ in parse_officials("Đ/c Nguyễn Văn Thành - PGĐ")] == ["Nguyễn Văn Thành"]


@pytest.mark.parametrize("text, expected", [
    ("Phó Chủ tịch Hồ Thu Ánh dự Hội thảo Khoa học", ["Hồ Thu Ánh"]),
    ("Chủ tịch họp Thường trực Tỉnh ủy", ["Chủ tịch"]),
    ("Thường trực HĐND tỉnh đi thăm, chúc mừng các tổ chức tôn giáo", ["Thường trực HĐND tỉnh"]),
    ("Ban Pháp chế giám sát Sở Tài nguyên và Môi trường", ["Ban Pháp chế"]),
    ("Phó Chủ tịch Thường trực Trương Cảnh Tuyên, Phó Chủ tịch Hồ Thu Ánh dự họp", ["Trương Cảnh Tuyên", "Hồ Thu Ánh"]),
    ("đồng chí Bí thư Thành ủy và đồng chí Phó Bí thư Thành ủy dự họp", ["Bí thư Thành ủy", "Phó Bí thư Thành ủy"]),
    ("Đồng chí Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh dự lễ", ["Bí thư Tỉnh ủy"]),
    # One comrade holding two posts; a comma then a named leader is a second person.
    ("Đồng chí Phó Bí thư, Chủ tịch UBND tỉnh dự Hội nghị trực tuyến", ["Phó Bí thư"]),
    ("Đồng chí Chủ tịch UBND tỉnh, Phó Chủ tịch Lê Văn Dũng dự họp", ["Chủ tịch UBND tỉnh", "Lê Văn Dũng"]),
    ("Chủ tịch, các Phó Chủ tịch làm việc tại cơ quan", ["Chủ tịch", "các Phó Chủ tịch"]),
    ("Đ/c Lan dự họp", ["Lan"]),
    ("PGĐ Cao Văn Chóng dự Hội nghị", ["Cao Văn Chóng"]),
    ("PCT Âu Văn Hải chủ trì họp", ["Âu Văn Hải"]),  # a name opening with a capital that has a diacritic
    ("Đ/c Nguyễn Văn An - Chủ tịch UBND huyện chủ trì họp giao ban", ["Nguyễn Văn An"]),
    # People the item is about come after its verb; an item without a leader subject names none.
    ("Thường trực HĐND tỉnh tham dự Đoàn giám sát đối với BTV và đ/c Bí thư Thành ủy", ["Thường trực HĐND tỉnh"]),
    ("Hội nghị tổng kết công tác năm 2023", []),
    ("Tiếp đoàn công tác của Bộ", []),
])
def test_subjects_of_an_item(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize("entry, expected", [
    ("Ủy quyền Phòng Tài nguyên và Môi trường tham dự", ["Phòng Tài nguyên và Môi trường"]),
    ("Uỷ quyền cho Văn phòng HĐND&UBND huyện dự", ["Văn phòng HĐND&UBND huyện"]),
    ("- Giao Phòng Nội vụ chủ trì", ["Phòng Nội vụ"]),
])
def test_a_delegation_names_the_body_the_leader_hands_the_item_to(entry, expected):
    assert names(entry) == expected


@pytest.mark.parametrize("entry, expected", [
    ("Chủ tịch các Phó Chủ tịch", ["Chủ tịch", "các Phó Chủ tịch"]),  # a PDF cell's line break took the comma
    ("Giám đốc, các Phó Giám đốc", ["Giám đốc", "các Phó Giám đốc"]),
    ("Lãnh đạo các phòng", ["Lãnh đạo các phòng"]),
    ("Các Phó Chủ tịch", ["Các Phó Chủ tịch"]),
])
def test_a_group_entry_naming_a_second_group(entry, expected):
    assert [name for name, _ in parse_officials(entry)] == expected


def test_a_body_whose_name_holds_a_verb_is_the_subject_not_cut_at_the_verb():
    assert subjects("Ban Tổ chức Huyện ủy dự") == ["Ban Tổ chức Huyện ủy"]
    assert subjects("Ban Chỉ đạo 35 tỉnh họp") == ["Ban Chỉ đạo 35 tỉnh"]
    assert subjects("Ban Thường vụ tổ chức hội nghị") == ["Ban Thường vụ"]  # the verb in lower case acts


def test_two_titles_a_cell_ran_together_are_two_leaders():
    assert parse_officials("Bí thư Huyện ủy Phó Bí thư Thường trực Huyện ủy") == [
        ("Bí thư Huyện ủy", ""), ("Phó Bí thư Thường trực Huyện ủy", "")]
    assert parse_officials("Phó Bí thư Thường trực Huyện ủy") == [("Phó Bí thư Thường trực Huyện ủy", "")]
