"""Lining up side columns with items (README "Lining up the columns with the items"), on the
units and leader cells of the sample programs.

Pieces carry the separation the reader recorded: LINE between a Word cell's lines (seed 000),
BLOCK between <p> elements (seed 001), WRAP for a PDF layer's next line and GAP after blank
gap lines (seeds 002-004, as lichsync.parse.columns records them).
"""
from __future__ import annotations

from lichsync.parse import vocab
from lichsync.parse.align import JOIN, Entry, assign, segment, separation
from lichsync.parse.rows import BLOCK, GAP, LINE, WRAP, Piece


def texts(entries: list[Entry]) -> list[str]:
    return [e.text for e in entries]


def group_texts(groups: list[list[Entry]]) -> list[list[str]]:
    return [texts(g) for g in groups]


def test_as_many_entries_as_items_gives_one_each():
    # so-khcn-hatinh-2024-01.txt row 3 leaders, lines 120/128/134, blank gaps between them;
    # items "Họp giao ban …" (pos 1), "- Hội nghị trực tuyến …" (pos 5), "- Họp tập thể …" (pos 8)
    entries = segment([
        Piece("Đ/c Hoàn GĐ Sở", 120, GAP, 0),
        Piece("Đ/c An PGĐ", 128, GAP, 4),
        Piece("Đ/c Hoàn GĐ Sở", 134, GAP, 7),
    ], target=3)
    groups, settled = assign(entries, [1, 5, 8])
    assert group_texts(groups) == [["Đ/c Hoàn GĐ Sở"], ["Đ/c An PGĐ"], ["Đ/c Hoàn GĐ Sở"]]
    assert settled


def test_one_entry_covers_every_item():
    # so-ldtbxh-hatinh-2023-09.txt row 29, units line 182: "Văn phòng, Phòng chuyên môn" for two items
    entries = segment([Piece("Văn phòng, Phòng chuyên môn", 182, LINE)], target=2)
    groups, settled = assign(entries, [None, None])
    assert group_texts(groups) == [["Văn phòng, Phòng chuyên môn"]] * 2
    assert settled


def test_word_cell_lines_are_entries_of_their_own():
    # so-ldtbxh-hatinh-2023-09.txt row 29, leaders lines 183-185
    pieces = [
        Piece("Đ/c Lạc - TUV,BTĐU,GĐ", 183, LINE),
        Piece("Đ/c Dũng - PGĐ", 184, LINE),
        Piece("Đ/c Dũng - PGĐ", 185, LINE),
    ]
    assert texts(segment(pieces)) == ["Đ/c Lạc - TUV,BTĐU,GĐ", "Đ/c Dũng - PGĐ", "Đ/c Dũng - PGĐ"]


def test_more_entries_than_items_gives_the_first_item_the_surplus():
    # so-ldtbxh-hatinh-2023-09.txt row 29: three leader lines (Lạc / Dũng / Dũng) for the items
    # "Sáng: Khai mạc Liên hoan …" and "Chiều: Họp Hội đồng …"
    entries = [
        Entry("Đ/c Lạc - TUV,BTĐU,GĐ", 183, None),
        Entry("Đ/c Dũng - PGĐ", 184, None),
        Entry("Đ/c Dũng - PGĐ", 185, None),
    ]
    groups, settled = assign(entries, [None, None])
    assert group_texts(groups) == [["Đ/c Lạc - TUV,BTĐU,GĐ", "Đ/c Dũng - PGĐ"], ["Đ/c Dũng - PGĐ"]]
    assert not settled


def test_gap_groups_give_the_target_number_of_entries():
    # so-khcn-hatinh-2024-01.txt row 12 leaders, lines 516-523:
    # "Đ/c Hoàn GĐ Sở" / "Đại diện Công Đoàn" / (gap) / "Đ/c Hoàn GĐ Sở" / "Đ/c Hùng CT CĐ"
    pieces = [
        Piece("Đ/c Hoàn GĐ Sở", 516, WRAP, 0),
        Piece("Đại diện Công Đoàn", 518, WRAP, 1),
        Piece("Đ/c Hoàn GĐ Sở", 521, GAP, 3),
        Piece("Đ/c Hùng CT CĐ", 523, WRAP, 4),
    ]
    entries = segment(pieces, target=2)
    assert texts(entries) == ["Đ/c Hoàn GĐ Sở; Đại diện Công Đoàn", "Đ/c Hoàn GĐ Sở; Đ/c Hùng CT CĐ"]
    assert [e.line for e in entries] == [516, 521]
    assert [e.pos for e in entries] == [0, 3]


def test_gap_is_a_stronger_separation_than_a_wrap():
    # the same leader after a gap (line 521) and after a mere wrap (line 523)
    assert separation("Đại diện Công Đoàn", "Đ/c Hoàn GĐ Sở", GAP) > separation("Đ/c Hoàn GĐ Sở", "Đ/c Hùng CT CĐ", WRAP)


def test_trailing_comma_joins_the_next_line():
    # so-khcn-hatinh-2024-01.txt row 3 units, lines 102-116: "Văn phòng Sở," / "Đảng ủy Sở" then two
    # more "Văn phòng Sở" after gaps
    pieces = [
        Piece("Văn phòng Sở,", 102, GAP, 0),
        Piece("Đảng ủy Sở", 104, WRAP, 1),
        Piece("Văn phòng Sở", 110, GAP, 4),
        Piece("Văn phòng Sở", 116, GAP, 7),
    ]
    assert separation("Văn phòng Sở,", "Đảng ủy Sở", WRAP) == JOIN
    assert texts(segment(pieces)) == ["Văn phòng Sở, Đảng ủy Sở", "Văn phòng Sở", "Văn phòng Sở"]
    assert texts(segment(pieces, target=3)) == ["Văn phòng Sở, Đảng ủy Sở", "Văn phòng Sở", "Văn phòng Sở"]


def test_trailing_comma_joins_across_a_word_cell_line():
    # so-ldtbxh-hatinh-2023-09.txt row 6 units, lines 54/55: "Văn phòng," / "Phòng chuyên môn"
    pieces = [Piece("Văn phòng,", 54, LINE), Piece("Phòng chuyên môn", 55, LINE)]
    assert texts(segment(pieces)) == ["Văn phòng, Phòng chuyên môn"]


def test_comma_inside_a_leader_entry_joins_its_continuation():
    # so-khcn-hatinh-2024-01.txt row 10 leaders, lines 409/411: "Đ/c Hoàn GĐ Sở," / "PGĐ phụ trách"
    pieces = [Piece("Đ/c Hoàn GĐ Sở,", 409, GAP, 0), Piece("PGĐ phụ trách", 411, WRAP, 1)]
    assert texts(segment(pieces)) == ["Đ/c Hoàn GĐ Sở, PGĐ phụ trách"]


def test_block_boundary_is_never_joined_even_after_a_semicolon():
    # so-ldtbxh-hatinh-2021-11.txt line 42: "<p>Đ/c Lạc - TUV, BTĐU, GĐ;</p> <p>Đ/c Hoa -PGĐ</p>"
    first, second = "Đ/c Lạc - TUV, BTĐU, GĐ;", "Đ/c Hoa -PGĐ"
    assert separation(first, second, BLOCK) == BLOCK
    pieces = [Piece(first, 42, LINE), Piece(second, 42, BLOCK)]
    assert texts(segment(pieces)) == [first, second]
    assert texts(segment(pieces, target=2)) == [first, second]


def test_same_semicolon_joins_across_a_mere_line_break():
    # the contrast to the <p> case: a line ending in ";" continues on the next line
    assert separation("Đ/c Lạc - TUV, BTĐU, GĐ;", "Đ/c Hoa -PGĐ", LINE) == JOIN


def test_fewer_entries_than_items_go_by_position():
    # dangbo-khoi-hatinh-2023-12.txt row 13: leaders "Theo TP mời" (line 263) and, after two gaps,
    # "Thường trực" (line 269), for items at positions 0 ("Sáng: - Dự Hội nghị Tổng kết công tác
    # Tuyên …"), 2 ("- Dự Hội nghị kiểm điểm cơ sở.") and 3 ("Chiều: Dự Hội nghị kiểm điểm cơ sở.")
    entries = segment([Piece("Theo TP mời", 263, WRAP, 0), Piece("Thường trực", 269, GAP, 3)], target=3)
    assert [(e.text, e.pos) for e in entries] == [("Theo TP mời", 0), ("Thường trực", 3)]
    groups, settled = assign(entries, [0, 2, 3])
    assert group_texts(groups) == [["Theo TP mời"], [], ["Thường trực"]]
    assert not settled


def test_fewer_entries_without_positions_go_in_order():
    # so-ldtbxh-hatinh-2023-09.txt row 5 units, lines 39/41, for its four items
    entries = segment([Piece("Văn phòng", 39, LINE), Piece("Phòng chuyên môn", 41, LINE)], target=4)
    groups, settled = assign(entries, [None] * 4)
    assert group_texts(groups) == [["Văn phòng"], ["Phòng chuyên môn"], ["Phòng chuyên môn"], ["Phòng chuyên môn"]]
    assert not settled


def test_no_side_entries_leaves_every_item_empty():
    # dangbo-khoi-hatinh-2023-12.txt line 178: "Sáu 08 Dự Hội nghị kiểm điểm cơ sở" has no side cells
    assert segment([]) == []
    assert assign([], [0]) == ([[]], True)


def test_two_bodies_a_reader_joined_are_parted_only_when_the_items_need_them():
    joined = [Piece("Văn phòng Sở Phòng Kế hoạch - Tài chính", 1, LINE)]
    assert [e.text for e in segment(joined, target=2, bodies=True)] == ["Văn phòng Sở", "Phòng Kế hoạch - Tài chính"]
    assert [e.text for e in segment(joined, target=1, bodies=True)] == ["Văn phòng Sở Phòng Kế hoạch - Tài chính"]
    place = [Piece("Hội trường UBND huyện", 1, LINE)]
    assert [e.text for e in segment(place, target=2, bodies=True)] == ["Hội trường UBND huyện"]


def test_bodies_a_column_apart_stay_apart_in_one_entry():
    """"Cơ quan chủ trì | Cơ quan phối hợp": one item, two bodies, each its own; a body the page broke is one."""
    two = [Piece("Văn phòng Sở", 1, BLOCK), Piece("Các phòng, đơn vị", 1, BLOCK)]
    assert [e.text for e in segment(two, target=1, bodies=True)] == ["Văn phòng Sở; Các phòng, đơn vị"]
    broken = [Piece("Văn phòng", 1, BLOCK), Piece("Tỉnh ủy", 2, BLOCK)]
    assert [e.text for e in segment(broken, target=1, bodies=True)] == ["Văn phòng Tỉnh ủy"]


def test_a_title_the_cell_wrapped_stays_with_its_person():
    # A layer's lines, split where a second "Đ/c" starts: "Đ/c Hưng -" / "GĐ; Đ/c Hà -" / "PGĐ".
    wrapped = [Piece("Đ/c Hưng -", 1, 0.0), Piece("GĐ;", 2, 0.0), Piece("Đ/c Hà -", 2, LINE), Piece("PGĐ", 3, 0.0)]
    assert [e.text for e in segment(wrapped, target=1, people=True)] == ["Đ/c Hưng - GĐ; Đ/c Hà - PGĐ"]


def test_a_body_type_wrapped_before_the_acronym_naming_it():
    wrapped = [Piece("Văn phòng", 1, WRAP), Piece("HĐND và", 2, WRAP), Piece("UBND", 3, WRAP),
               Piece("Phòng Tài", 4, WRAP), Piece("nguyên và Môi trường", 5, WRAP)]
    assert [e.text for e in segment(wrapped, target=2)] == ["Văn phòng HĐND và UBND", "Phòng Tài nguyên và Môi trường"]
    apart = [Piece("Văn phòng", 1, WRAP), Piece("Phòng chuyên môn", 2, WRAP)]
    assert [e.text for e in segment(apart)] == ["Văn phòng", "Phòng chuyên môn"]


def test_a_group_of_leaders_wrapped_after_its_article_is_one_entry():
    # "Chủ tịch, các" / "Phó Chủ tịch": the line awaits its noun, so the leader word after it is no second entry.
    wrapped = [Piece("Chủ tịch, các", 1, WRAP), Piece("Phó Chủ tịch", 2, WRAP),
               Piece("Đ/c Nguyễn Văn", 3, WRAP), Piece("Bình - GĐ Sở", 4, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == [
        "Chủ tịch, các Phó Chủ tịch", "Đ/c Nguyễn Văn Bình - GĐ Sở"]


def test_a_title_with_its_body_wrapped_after_the_dash_is_the_same_person():
    wrapped = [Piece("Đ/c Võ Phiên -", 1, WRAP), Piece("GĐ Sở", 2, WRAP),
               Piece("Đ/c Nguyễn", 3, WRAP), Piece("Hoàng Giang -", 4, WRAP), Piece("GĐ Sở", 5, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == [
        "Đ/c Võ Phiên - GĐ Sở", "Đ/c Nguyễn Hoàng Giang - GĐ Sở"]
    assert [e.text for e in segment(wrapped[:2], target=1, people=True)] == ["Đ/c Võ Phiên - GĐ Sở"]


def test_a_title_wrapped_with_its_dash_onto_the_next_line_is_the_same_person():
    wrapped = [Piece("Đ/c Hồ Thu Ánh", 1, WRAP), Piece("- TUV, PBT", 2, WRAP), Piece("Chủ tịch", 3, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == ["Đ/c Hồ Thu Ánh - TUV, PBT", "Chủ tịch"]
    # A bullet of titles under a unit is no person's title.
    assert len(segment([Piece("Văn phòng", 1, WRAP), Piece("- PGĐ", 2, WRAP)], target=2)) == 2


def test_a_line_ending_with_comrade_goes_on_with_the_name():
    wrapped = [Piece("Đ/c Thanh -", 1, WRAP), Piece("TUV, PBT, Đ/c", 2, WRAP), Piece("Thân - TUV, PBT", 3, WRAP),
               Piece("Đ/c Thân - TUV,", 4, WRAP), Piece("PBT", 5, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == [
        "Đ/c Thanh - TUV, PBT, Đ/c Thân - TUV, PBT", "Đ/c Thân - TUV, PBT"]


def test_a_leading_group_wrapped_before_its_body_is_one_entry():
    wrapped = [Piece("Thường trực", 1, WRAP), Piece("HĐND tỉnh, Đ/c", 2, WRAP), Piece("Triệu - TUV,", 3, WRAP),
               Piece("PBT", 4, WRAP), Piece("Ban KTNS", 5, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == [
        "Thường trực HĐND tỉnh, Đ/c Triệu - TUV, PBT", "Ban KTNS"]
    # On lines of their own (a Word cell's paragraphs), the group and the next body stay apart.
    apart = [Piece("Thường trực", 1, LINE), Piece("UBND tỉnh", 2, LINE)]
    assert len(segment(apart, target=2, people=True)) == 2


def test_the_standing_deputys_title_wrapped_is_one_person():
    wrapped = [Piece("Phó Bí thư", 1, WRAP), Piece("Thường trực", 2, WRAP), Piece("Tỉnh ủy", 3, WRAP),
               Piece("Bí thư Tỉnh ủy", 4, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == [
        "Phó Bí thư Thường trực Tỉnh ủy", "Bí thư Tỉnh ủy"]


def test_a_name_wrapped_before_its_last_word_is_one_person_even_when_items_want_two():
    # One leader written once for a day's two items: the narrow cell broke the name, not two people.
    wrapped = [Piece("Đ/c Trần Quốc", 1, WRAP), Piece("Tuấn - GĐ Sở", 2, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == ["Đ/c Trần Quốc Tuấn - GĐ Sở"]
    two = wrapped + [Piece("Đ/c Lê", 3, WRAP), Piece("Văn An - PCT", 4, WRAP)]
    assert [e.text for e in segment(two, target=2, people=True)] == ["Đ/c Trần Quốc Tuấn - GĐ Sở", "Đ/c Lê Văn An - PCT"]


def test_an_office_wrapped_before_its_partys_body_is_one_unit():
    wrapped = [Piece("Văn phòng", 1, WRAP), Piece("Huyện ủy", 2, WRAP), Piece("Ban Xây dựng", 3, WRAP), Piece("Đảng", 4, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, bodies=True)] == ["Văn phòng Huyện ủy", "Ban Xây dựng Đảng"]
    # Two offices on paragraphs of their own stay two.
    assert len(segment([Piece("Văn phòng", 1, LINE), Piece("Sở Y tế", 2, LINE)], target=2, bodies=True)) == 2


def test_a_body_named_across_its_dash_is_one_unit():
    wrapped = [Piece("Văn phòng -", 1, WRAP), Piece("Thống kê", 2, WRAP), Piece("Công chức Tư", 3, WRAP),
               Piece("pháp - Hộ tịch", 4, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, bodies=True)] == ["Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch"]


def test_the_standing_board_of_a_front_is_one_leader_group():
    assert vocab.LEADER_START_RE.match("Ban Thường trực Ủy ban MTTQ xã")
    assert vocab.LEADER_INLINE_RE.split("Hội Phụ nữ xã Ban Thường trực") == ["Hội Phụ nữ xã Ban Thường trực"]
    assert vocab.LEADER_INLINE_RE.split("Văn phòng Sở Thường trực") == ["Văn phòng Sở", "Thường trực"]


def test_a_title_wrapped_under_a_bare_name_stays_with_that_person():
    # "Đ/c Trần Quốc" / "Bảo - PGĐ, Đ/c" / "Hoàng Minh Sơn" / "- PGĐ": two people, the second's title wrapped.
    wrapped = [Piece("Đ/c Trần Quốc", 1, WRAP), Piece("Bảo - PGĐ, Đ/c", 2, WRAP), Piece("Hoàng Minh Sơn", 3, WRAP),
               Piece("- PGĐ", 4, WRAP), Piece("Đ/c Phan Đình", 5, WRAP), Piece("Khoa - TUV, PBT", 6, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, people=True)] == [
        "Đ/c Trần Quốc Bảo - PGĐ, Đ/c Hoàng Minh Sơn - PGĐ", "Đ/c Phan Đình Khoa - TUV, PBT"]
    # A unit's line is no name: "- PGĐ" under it opens an entry of its own.
    assert len(segment([Piece("Văn phòng Sở", 1, WRAP), Piece("- PGĐ", 2, WRAP)], target=2)) == 2


def test_the_office_of_a_board_wrapped_before_its_name_is_one_unit():
    wrapped = [Piece("Văn phòng", 1, WRAP), Piece("Ban", 2, WRAP), Piece("Phòng Tuyên", 3, WRAP),
               Piece("truyền - Báo chí", 4, WRAP)]
    assert [e.text for e in segment(wrapped, target=2, bodies=True)] == ["Văn phòng Ban", "Phòng Tuyên truyền - Báo chí"]
