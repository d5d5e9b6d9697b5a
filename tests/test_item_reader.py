"""The item reader on prose weeks in layouts the samples do not show.

Each document is written by hand the way offices write their weeks (numbered items, labelled
sub-lines, inline labels, a leader named at the head of an item, lines broken by a page width),
and the expected events are read from it by hand with the rules of ../shared/gold/README.md.
"""
from __future__ import annotations

import textwrap
from datetime import date

import pytest

from lichsync.parse.items import join_wrapped, split_fields
from lichsync.parse.model import Event, Program
from lichsync.read.pipeline import parse_text


def parse(text: str) -> Program:
    return parse_text(text, source="week.txt")


def fields(e: Event) -> tuple:
    return (e.date.day, e.session, e.start_time, e.title, e.officials, e.location, e.units, e.participants)


NUMBERED = """LỊCH CÔNG TÁC TUẦN 20
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI, NGÀY 12/5/2025
1. Nội dung: Họp Ban chỉ đạo phòng, chống thiên tai
tỉnh năm 2025
- Thời gian: 14h00
- Chủ trì: PCT Nguyễn Văn An
- Mời dự: Lãnh đạo Sở Nông nghiệp và Môi trường; UBND
các huyện, thành phố
- Địa điểm: Phòng họp số 2, UBND tỉnh
2) Giám đốc Sở làm việc với Đoàn kiểm tra của Bộ Nội vụ.
Thời gian: 8h30. Địa điểm: Hội trường Sở. Thành phần: Lãnh đạo các phòng chuyên môn.

Thứ
Ba, ngày 13/5/2025
1- Phó Giám đốc Trần Thị Bình: 8 giờ, dự Hội nghị tổng kết công tác
dân số; 14 giờ, làm việc với UBND huyện Krông Nô.
"""


def test_numbered_items_with_labelled_sub_lines_and_a_heading_broken_over_two_lines():
    program = parse(NUMBERED)
    assert (program.period.start, program.period.end) == (date(2025, 5, 12), date(2025, 5, 16))
    assert [fields(e) for e in program.events] == [
        (12, None, "14:00", "Họp Ban chỉ đạo phòng, chống thiên tai tỉnh năm 2025", ["Nguyễn Văn An"],
         "Phòng họp số 2, UBND tỉnh", [], ["Lãnh đạo Sở Nông nghiệp và Môi trường", "UBND các huyện, thành phố"]),
        (12, None, "08:30", "Giám đốc Sở làm việc với Đoàn kiểm tra của Bộ Nội vụ", ["Giám đốc Sở"],
         "Hội trường Sở", [], ["Lãnh đạo các phòng chuyên môn"]),
        (13, None, "08:00", "dự Hội nghị tổng kết công tác dân số", ["Trần Thị Bình"], None, [], []),
        (13, None, "14:00", "làm việc với UBND huyện Krông Nô", ["Trần Thị Bình"], None, [], []),
    ]


SESSIONS_AND_INLINE = """LỊCH LÀM VIỆC CỦA BAN GIÁM ĐỐC SỞ
Tuần 24 (từ ngày 09/6/2025 đến ngày 13/6/2025)

Thứ Tư, 11/6/2025
Sáng:
- 7h30: Giám đốc Nguyễn Hữu Phước chủ trì giao ban
tuần. Thành phần: Trưởng các phòng, đơn vị. Địa điểm: Phòng họp
số 1.
- PGĐ Lê Văn Cường dự Hội nghị trực tuyến toàn quốc về chuyển đổi số
- Cùng dự: Bà Phạm Thị Mai – Chánh Văn phòng Sở
- Địa
điểm: Điểm cầu UBND tỉnh
Chiều:
- Giám đốc Sở: Tiếp và làm việc với Đoàn công tác tỉnh Lào Cai (Văn phòng Sở chuẩn bị nội dung).

Thứ Năm, 12/6/2025
Thời gian: Sáng 8h00; Nội dung: Kiểm tra tiến độ công trình Nhà văn hóa xã Tân Lập; Chủ trì: Đ/c Hùng, PGĐ; Mời dự: Phòng Kế hoạch - Tài chính.
"""


def test_sessions_inline_labels_a_named_companion_and_a_leader_prefix():
    assert [fields(e) for e in parse(SESSIONS_AND_INLINE).events] == [
        (11, "morning", "07:30", "Giám đốc Nguyễn Hữu Phước chủ trì giao ban tuần", ["Nguyễn Hữu Phước"],
         "Phòng họp số 1", [], ["Trưởng các phòng, đơn vị"]),
        (11, "morning", None, "PGĐ Lê Văn Cường dự Hội nghị trực tuyến toàn quốc về chuyển đổi số",
         ["Lê Văn Cường", "Phạm Thị Mai"], "Điểm cầu UBND tỉnh", [], []),
        (11, "afternoon", None, "Tiếp và làm việc với Đoàn công tác tỉnh Lào Cai (Văn phòng Sở chuẩn bị nội dung)",
         ["Giám đốc Sở"], None, ["Văn phòng Sở"], []),
        (12, "morning", "08:00", "Kiểm tra tiến độ công trình Nhà văn hóa xã Tân Lập", ["Hùng"], None, [],
         ["Phòng Kế hoạch - Tài chính"]),
    ]


# The same week as typed paragraphs; the test breaks its lines the way a PDF text layer does.
TYPED = [
    "Lịch công tác tuần của Lãnh đạo Sở Tư pháp (từ ngày 16/6/2025 đến ngày 20/6/2025)",
    "Thứ Hai, ngày 16/6/2025",
    "- 8h00: Giám đốc Sở chủ trì họp giao ban công tác tháng 6 năm 2025 với các phòng, đơn vị thuộc Sở. "
    "Địa điểm: Phòng họp tầng 2, trụ sở Sở Tư pháp.",
    "- 14h00: Phó Giám đốc Lê Minh Tâm dự Hội nghị triển khai công tác phổ biến, giáo dục pháp luật cho "
    "đồng bào dân tộc thiểu số vùng sâu, vùng xa. Thành phần: Trưởng phòng Phổ biến giáo dục pháp luật; "
    "chuyên viên phòng. Địa điểm: Hội trường UBND huyện Đắk Mil.",
    "Thứ Ba, ngày 17/6/2025",
    "1. Thời gian: 7 giờ 30. Nội dung: Kiểm tra công tác chứng thực, hộ tịch tại Ủy ban nhân dân các xã "
    "Nam Dong, Ea Pô, Đắk Wil thuộc huyện Cư Jút. Chủ trì: Phó Giám đốc Lê Minh Tâm. Mời dự: Phòng Tư pháp "
    "huyện Cư Jút.",
]


def typed_events(events: list[Event]) -> list[tuple]:
    return [(e.date.day, e.start_time, e.title, e.officials, e.location, e.participants) for e in events]


TYPED_EXPECTED = [
    (16, "08:00", "Giám đốc Sở chủ trì họp giao ban công tác tháng 6 năm 2025 với các phòng, đơn vị thuộc Sở",
     ["Giám đốc Sở"], "Phòng họp tầng 2, trụ sở Sở Tư pháp", []),
    (16, "14:00", "Phó Giám đốc Lê Minh Tâm dự Hội nghị triển khai công tác phổ biến, giáo dục pháp luật cho "
     "đồng bào dân tộc thiểu số vùng sâu, vùng xa", ["Lê Minh Tâm"], "Hội trường UBND huyện Đắk Mil",
     ["Trưởng phòng Phổ biến giáo dục pháp luật", "chuyên viên phòng"]),
    (17, "07:30", "Kiểm tra công tác chứng thực, hộ tịch tại Ủy ban nhân dân các xã Nam Dong, Ea Pô, Đắk Wil "
     "thuộc huyện Cư Jút", ["Lê Minh Tâm"], None, ["Phòng Tư pháp huyện Cư Jút"]),
]


@pytest.mark.parametrize("width", [None, 48, 61, 77, 95])
def test_the_same_week_reads_the_same_whatever_the_line_width(width):
    lines = TYPED if width is None else [
        line for paragraph in TYPED
        for line in textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
    ]
    assert typed_events(parse("\n".join(lines)).events) == TYPED_EXPECTED


PLAIN_WRAPPED = """Lịch làm việc của Thường trực HĐND tỉnh (từ ngày 23/6/2025 đến ngày 27/6/2025)
Thứ Hai 23/6/2025
Thường trực HĐND tỉnh làm việc với Ban Thường vụ Huyện ủy Ba Tri về tình hình phát triển kinh tế của
Ba Tri (sáng; dự: đ/c Triệu).
Ban Pháp chế giám sát việc thực hiện các chính sách hỗ trợ người có công với cách mạng tại huyện Chợ
Lách (chiều).
Ban Kinh tế - Ngân sách khảo sát tình hình thu ngân sách tại Cục Thuế tỉnh và Chi cục Thuế khu vực Mỏ
Cày (ngày).
Ban Văn hóa - Xã hội họp thẩm tra báo cáo công tác phòng, chống tội phạm và vi phạm pháp luật trong
sáu tháng đầu năm 2025 (sáng).
"""


def test_unmarked_paragraphs_broken_at_a_page_width_before_a_capital():
    got = [(e.session, e.title, e.officials) for e in parse(PLAIN_WRAPPED).events]
    assert got == [
        ("morning", "Thường trực HĐND tỉnh làm việc với Ban Thường vụ Huyện ủy Ba Tri về tình hình phát triển "
         "kinh tế của Ba Tri", ["Thường trực HĐND tỉnh", "Triệu"]),
        ("afternoon", "Ban Pháp chế giám sát việc thực hiện các chính sách hỗ trợ người có công với cách mạng "
         "tại huyện Chợ Lách", ["Ban Pháp chế"]),
        ("all_day", "Ban Kinh tế - Ngân sách khảo sát tình hình thu ngân sách tại Cục Thuế tỉnh và Chi cục Thuế "
         "khu vực Mỏ Cày", ["Ban Kinh tế - Ngân sách"]),
        ("morning", "Ban Văn hóa - Xã hội họp thẩm tra báo cáo công tác phòng, chống tội phạm và vi phạm pháp "
         "luật trong sáu tháng đầu năm 2025", ["Ban Văn hóa - Xã hội"]),
    ]


def test_typed_paragraphs_are_not_joined():
    """Lines of a Word cell or a portal page are paragraphs: short, unpunctuated, capitalised, yet separate."""
    lines = [("Họp giao ban Ban Giám đốc", 1), ("Kiểm tra cơ sở", 2), ("Tiếp công dân định kỳ", 3)]
    assert join_wrapped(lines) == lines


@pytest.mark.parametrize("lines, joined", [
    (["1-", "08h30: Khai mạc giải quần vợt"], ["1- 08h30: Khai mạc giải quần vợt"]),
    (["- Thành", "phần: Lãnh đạo Sở"], ["- Thành phần: Lãnh đạo Sở"]),
    (["- Cùng dự: Ông Đỗ Văn Toàn –", "Trưởng phòng QLDTTT"], ["- Cùng dự: Ông Đỗ Văn Toàn – Trưởng phòng QLDTTT"]),
    (["Hội nghị tổng kết (Văn phòng", "Sở chuẩn bị)."], ["Hội nghị tổng kết (Văn phòng Sở chuẩn bị)."]),
    (["2. Họp Hội đồng thi đua.", "Địa điểm: Phòng họp 3"], ["2. Họp Hội đồng thi đua.", "Địa điểm: Phòng họp 3"]),
    (["- Họp A", "- Họp B"], ["- Họp A", "- Họp B"]),
    (["Sáng:", "- Chào cờ"], ["Sáng:", "- Chào cờ"]),
    (["1. Nội dung: Hội nghị sơ kết. Thời gian:", "14h00. Địa điểm: Hội trường"],
     ["1. Nội dung: Hội nghị sơ kết. Thời gian: 14h00. Địa điểm: Hội trường"]),
    (["1. Họp X. Thời gian: Buổi sáng,", "8h00. Địa điểm: Phòng họp 2"], ["1. Họp X. Thời gian: Buổi sáng, 8h00. Địa điểm: Phòng họp 2"]),
    (["3. Họp A. Địa điểm: HT tầng", "1. Chủ trì: Đ/c Phò.", "4. Họp B."], ["3. Họp A. Địa điểm: HT tầng 1. Chủ trì: Đ/c Phò.", "4. Họp B."]),
    (["Tham gia đoàn kiểm tra theo Kế hoạch 108/KH-", "VPĐP của tỉnh."], ["Tham gia đoàn kiểm tra theo Kế hoạch 108/KH-VPĐP của tỉnh."]),
    (["- Họp thẩm định đập Đắk R Lon-", "Thị trấn Đức An."], ["- Họp thẩm định đập Đắk R Lon- Thị trấn Đức An."]),
])
def test_where_a_line_continues_the_one_above(lines, joined):
    assert [t for t, _ in join_wrapped([(t, k) for k, t in enumerate(lines)])] == joined


@pytest.mark.parametrize("text, head, found", [
    ("Nội dung: Họp X Thành phần: Lãnh đạo Sở Địa điểm: Phòng họp 1", "",
     [("content", "Họp X"), ("participants", "Lãnh đạo Sở"), ("place", "Phòng họp 1")]),
    ("Giao ban. Chủ trì: PCT Nguyễn Văn A; Cùng dự: Đ/c Bình", "Giao ban",
     [("chair", "PCT Nguyễn Văn A"), ("with", "Đ/c Bình")]),
    ("Hội thảo bàn về địa điểm: xây dựng trường", "Hội thảo bàn về địa điểm: xây dựng trường", []),
    ("Thăm hỏi (sáng; dự: đ/c Triệu)", "Thăm hỏi (sáng; dự: đ/c Triệu)", []),
])
def test_labels_inline(text, head, found):
    assert split_fields(text) == (head, found)


LETTERED = """Lịch công tác tuần (từ ngày 24/3/2025 đến ngày 28/3/2025)
* Thứ Ba: 25/
3/2025
- Nội dung: Hội nghị tập huấn nghiệp vụ thanh tra
- Thời gian: Từ ngày 25 - 27/3/2025
- Địa điểm: Hội trường Thanh tra tỉnh
* THỨ TƯ
(26/3/2025)
a) Chủ tịch UBND tỉnh: Chiều, tiếp công dân. Tối, dự Lễ kỷ niệm ngày thành lập Đoàn.
b) Các Phó Chủ tịch làm việc tại cơ quan.
"""


def test_lettered_items_a_span_in_the_time_label_and_a_date_broken_mid_way():
    got = [(e.date.day, e.end_date and e.end_date.day, e.session, e.title, e.officials, e.location)
           for e in parse(LETTERED).events]
    assert got == [
        (25, 27, None, "Hội nghị tập huấn nghiệp vụ thanh tra", [], "Hội trường Thanh tra tỉnh"),
        (26, None, "afternoon", "tiếp công dân", ["Chủ tịch UBND tỉnh"], None),
        (26, None, "evening", "dự Lễ kỷ niệm ngày thành lập Đoàn", ["Chủ tịch UBND tỉnh"], None),
    ]


def test_companions_are_officials_and_groups_are_participants():
    from lichsync.parse.notes import read_notes

    said = read_notes("Hội nghị sơ kết. Cùng dự: Đ/c Lan – PCVP; đại diện phòng Nội vụ. Mời dự: Sở Tài chính; "
                      "UBND các huyện (Sở Nội vụ chuẩn bị tài liệu)")
    assert (said.text, said.attendees) == ("Hội nghị sơ kết", ["Lan"])
    assert said.participants == ["đại diện phòng Nội vụ", "Sở Tài chính", "UBND các huyện"]
    assert said.units == ["Sở Nội vụ"]


@pytest.mark.parametrize("name", ["bentre-hdnd-2018w21", "haugiang-ubnd-2022w11"])
@pytest.mark.parametrize("width", [45, 60, 75, 90])
def test_real_prose_weeks_broken_at_a_page_width_read_as_typed(name, width):
    """A portal week printed to PDF: the same paragraphs, each broken at the page's width."""
    import json

    from conftest import GOLD, REPO
    from scoring import score

    typed = (REPO / "samples" / "weekly" / f"{name}.txt").read_text(encoding="utf-8")
    broken = "\n".join(line for paragraph in typed.split("\n") for line in (
        textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""]))
    gold = json.loads((GOLD / "weekly" / f"{name}.json").read_text(encoding="utf-8"))
    result = score(gold, parse(broken).to_dict())
    assert result.f1 == 1.0 and not result.misses, result.report()


def test_a_dash_no_item_opens_with_after_a_full_line_is_a_wrap():
    """ "… cao tốc Bắc" / "– Nam phía Đông …": the block's items open with "-", the line above fills the width."""
    lines = ["- 8 giờ, Họp giao ban đầu tuần các sở ngành tỉnh.",
             "- 9 giờ, Chủ tịch dự Hội nghị bàn giao cọc dự án cao tốc Bắc",
             "– Nam phía Đông giai đoạn 2021 – 2025.",
             "- 14 giờ, Tiếp công dân định kỳ tại trụ sở tiếp dân."]
    got = [t for t, _ in join_wrapped([(t, k) for k, t in enumerate(lines)], width=62)]
    assert got == [lines[0], f"{lines[1]} {lines[2]}", lines[3]]


SESSION_TIME = """LỊCH CÔNG TÁC (Từ ngày 14/07/2025 đến ngày 20/07/2025)

Thứ Hai 14/7
+ Sáng, 8h00: Hội nghị tổng kết công tác quy tập (VP chuẩn bị). Địa điểm: Trụ sở BCH Quân sự tỉnh; Xã Quảng Phú. Chủ trì: Đ/c Đầu Thanh Tùng.
+ Chiều, 13h30: Thường trực Tỉnh ủy làm việc với Công ty Hưng Nghiệp. Chủ trì: Đ/c Lạc.
+ Cả ngày, 7h30: Đồng chí Lê Anh Xuân, Tỉnh ủy viên, Chủ tịch UBND thành phố trực tại Khu tưởng niệm. Chủ trì: Đ/c Xuân.
+ Sáng: PGĐ Cao Văn Chóng dự Hội nghị tập huấn. Chủ trì: Đ/c Lạc.
"""


def test_a_session_then_a_clock_time_and_who_a_chair_label_leaves_to_the_subject():
    """ "Sáng, 8h00:" is the session and the time; beside a "Chủ trì:" label a title or group the item starts
    with is who the meeting is of, a person it names by name goes too, and the same person is not named twice."""
    got = [(e.session, e.start_time, e.title, e.officials, e.units, e.location) for e in parse(SESSION_TIME).events]
    assert got == [
        ("morning", "08:00", "Hội nghị tổng kết công tác quy tập (VP chuẩn bị)", ["Đầu Thanh Tùng"], ["VP"],
         "Trụ sở BCH Quân sự tỉnh; Xã Quảng Phú"),
        ("afternoon", "13:30", "Thường trực Tỉnh ủy làm việc với Công ty Hưng Nghiệp", ["Lạc"], [], None),
        ("all_day", "07:30", "Đồng chí Lê Anh Xuân, Tỉnh ủy viên, Chủ tịch UBND thành phố trực tại Khu tưởng niệm",
         ["Xuân"], [], None),
        ("morning", None, "PGĐ Cao Văn Chóng dự Hội nghị tập huấn", ["Lạc", "Cao Văn Chóng"], [], None),
    ]


def test_dashes_a_page_put_mid_phrase_are_wraps_however_many():
    """A browser's PDF of a prose week: items open with "-", and two of the page's breaks fall before an
    en dash inside a phrase ("… thời kỳ 2021" / "– 2030 …", "… cao tốc Bắc" / "– Nam phía Đông …")."""
    from lichsync.parse.items import join_wrapped

    lines = [
        "- 7 giờ 30’ Chủ tịch thông qua góp ý cho bản dự thảo báo cáo quy hoạch tỉnh thời kỳ 2021",
        "– 2030, tầm nhìn đến năm 2050. Điểm tại Hội trường UBND tỉnh.",
        "- 9 giờ, Chủ tịch dự Hội nghị bàn giao cắm cọc GPMB (đợt 1) dự án xây dựng đường bộ cao tốc Bắc",
        "– Nam phía Đông giai đoạn 2021 – 2025. Điểm tại phòng họp số 5 Trung tâm Hội nghị.",
    ]
    got = join_wrapped([(t, n) for n, t in enumerate(lines, 1)], width=96)  # the width the page wraps at
    assert [t for t, _ in got] == [f"{lines[0]} {lines[1]}", f"{lines[2]} {lines[3]}"]
