"""Readers of the sample programs' tables, and the text normalisation they rely on."""
from __future__ import annotations

import calendar
import re
import unicodedata

import pytest

from conftest import REPO
from lichsync.parse.heading import find_period
from lichsync.read.pipeline import parse_text
from lichsync.parse import flow
from lichsync.parse.rows import Piece
from lichsync.parse.table import cell_pieces, rows_from_grid
from lichsync.read import tabtext
from lichsync.parse.header import roles_of
from lichsync.parse.rows import BLOCK, INNER, LINE
from lichsync.parse.text import collapse, fold, normalize


def sample_text(name: str) -> str:
    return normalize((REPO / "samples" / f"{name}.txt").read_text(encoding="utf-8"))


def tabbed_table(name: str):
    """The table as the pipeline reads a tab-separated sample: its grid, then the rows-from-grid stage."""
    text = sample_text(name)
    grid = tabtext.grids([(no, line.rstrip(" ")) for no, line in enumerate(text.split("\n"), 1)])[0]
    return rows_from_grid(grid), text


def flow_table(name: str):
    """The table as the pipeline reads a PDF text layer: empty lines dropped, blank lines as gaps."""
    text = sample_text(name)
    month, year, offset = find_period(text)
    layer = [(no, line.strip()) for no, line in enumerate(text.split("\n"), 1) if line]
    return flow.read(layer, calendar.monthrange(year, month)[1], after=text[:offset].count("\n"))


# --- tab-separated tables (seeds 000, 001) ------------------------------------------------------


def test_word_table_roles_and_rows():
    # so-ldtbxh-hatinh-2023-09.txt: "\tNgày" / "\tNội dung công việc" / "\tĐơn vị chuẩn bị" / "\tNgười chủ trì"
    table, text = tabbed_table("so-ldtbxh-hatinh-2023-09")
    assert table.roles == ["day", "content", "units", "leaders"]
    day_lines = [line for line in text.split("\n") if re.fullmatch(r"\t\d{1,2}(?:\s*-\s*\d{1,2})?\s*", line)]
    assert len(day_lines) == 25
    assert len(table.rows) == 25
    assert [r.day for r in table.rows[:3]] == ["1-4", "5", "6"]
    assert "16 -17" in [r.day for r in table.rows]  # the day cell as written


def test_word_table_cell_keeps_its_paragraphs():
    # so-ldtbxh-hatinh-2023-09.txt row 5, lines 31-46
    table, _ = tabbed_table("so-ldtbxh-hatinh-2023-09")
    row = next(r for r in table.rows if r.day == "5")
    assert [p.text for p in row.cells["content"]] == [
        "Sáng: Chào cờ đầu tháng",
        "- Lễ khai giảng năm học mới",
        "- Họp triển khai công tác phối hợp tổ chức Lễ phát động Tháng hành động và Hội thi tiếng hát người cao tuổi",
        "Chiều:",
        "- Thường trực Tỉnh ủy duyệt ĐH Liên đoàn Lao động tỉnh",
    ]
    assert [p.text for p in row.cells["units"]] == ["Văn phòng", "Phòng chuyên môn"]
    assert [p.line for p in row.cells["leaders"]] == [42, 44, 45, 46]


def test_html_rows_roles_and_rows():
    # so-ldtbxh-hatinh-2021-11.txt: "Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tNgười chủ trì", one row a line
    table, text = tabbed_table("so-ldtbxh-hatinh-2021-11")
    assert table.roles == ["day", "content", "units", "leaders"]
    day_lines = [line for line in text.split("\n") if re.match(r"(?:<b>)?\d{1,2}(?:-\d{1,2})?(?:</b>)?\t", line)]
    assert len(day_lines) == 26
    assert len(table.rows) == 26
    assert "13-14" in [r.day for r in table.rows]  # "<b>13-14</b>"
    assert "Ngày" not in [r.day for r in table.rows]  # the header repeated at lines 34 and 44


def test_header_roles():
    assert roles_of("Ngày Nội dung công việc Cơ quan chuẩn bị Lãnh đạo Sở") == ["day", "content", "units", "leaders"]
    assert roles_of("Ngày Nội dung công việc Cơ quan chuẩn bị Địa điểm") == ["day", "content", "units", "location"]


def test_html_blocks_split_paragraphs_and_list_items():
    # so-ldtbxh-hatinh-2021-11.txt line 26, content cell
    cell = ('<p><b>Sáng:</b></p> <ul style="list-style-type: none"> <li>- Lễ chào cờ tháng 11/2021</li> '
            "<li>- Hội nghị BCH Đảng bộ Sở mở rộng</li> </ul>")
    assert tabtext.html_blocks(cell) == ["Sáng:", "- Lễ chào cờ tháng 11/2021", "- Hội nghị BCH Đảng bộ Sở mở rộng"]


def test_html_blocks_keep_inline_markup_inside_its_paragraph():
    # so-ldtbxh-hatinh-2021-11.txt line 29
    cell = ("<p><b>Sáng:</b> Hội nghị trực tuyến toàn quốc về phục hồi sản xuất</p> "
            "<p><b>Chiều:</b> Họp BTV Đảng ủy, Lãnh đạo Sở</p>")
    assert tabtext.html_blocks(cell) == [
        "Sáng: Hội nghị trực tuyến toàn quốc về phục hồi sản xuất",
        "Chiều: Họp BTV Đảng ủy, Lãnh đạo Sở",
    ]


def test_plain_cell_is_one_block():
    # so-ldtbxh-hatinh-2021-11.txt line 41
    assert tabtext.html_blocks("Đi kiểm tra cơ sở") == ["Đi kiểm tra cơ sở"]


def side_pieces(line: int, text: str) -> list[Piece]:
    """A leaders cell of a tab text as the rows-from-grid stage reads it."""
    cell = tabtext.grids([(1, "Ngày\tNội dung\tChủ trì"), (line, f"5\tHọp\t{text}")])[0].rows[1].cells[2]
    return cell_pieces(cell, "leaders")


def test_side_pieces_of_p_elements_are_block_separated():
    # so-ldtbxh-hatinh-2021-11.txt line 42, leaders cell
    pieces = side_pieces(42, "<p>Đ/c Lạc - TUV, BTĐU, GĐ;</p> <p>Đ/c Hoa -PGĐ</p>")
    assert [(p.text, p.sep) for p in pieces] == [("Đ/c Lạc - TUV, BTĐU, GĐ;", BLOCK), ("Đ/c Hoa -PGĐ", BLOCK)]


def test_side_pieces_split_at_runs_of_spaces():
    # so-ldtbxh-hatinh-2021-11.txt line 27, leaders cell
    pieces = side_pieces(27, "Đ/c Lạc - TUV, BTĐU, GD  Đ/c Hoa - PGĐ  Đ/c Hoa - PGĐ")
    assert [(p.text, p.sep) for p in pieces] == [
        ("Đ/c Lạc - TUV, BTĐU, GD", LINE), ("Đ/c Hoa - PGĐ", BLOCK), ("Đ/c Hoa - PGĐ", BLOCK),
    ]


def test_side_pieces_split_a_second_person_on_one_line_weakly():
    # so-ldtbxh-hatinh-2023-09.txt line 67: "Đ/c Lạc - TUV,BTĐU,GĐ Đ/c Công - PGĐ"
    pieces = side_pieces(67, "Đ/c Lạc - TUV,BTĐU,GĐ Đ/c Công - PGĐ")
    assert [(p.text, p.sep) for p in pieces] == [("Đ/c Lạc - TUV,BTĐU,GĐ", LINE), ("Đ/c Công - PGĐ", INNER)]


# --- flattened text layers (seeds 002-004) -----------------------------------------------------


def test_flow_rows_of_the_tinhuy_program_are_its_days():
    table = flow_table("tinhuy-hatinh-2024-01")
    assert table.roles == ["day", "content", "units", "location"]
    firsts = [int(r.day.split("-")[0]) for r in table.rows]
    assert firsts == sorted(set(firsts))  # strictly increasing: no page number became a row
    assert [r.day for r in table.rows][:7] == ["1", "2", "3", "4", "5", "6-7", "8"]
    assert table.rows[-1].day == "31"


def test_flow_drops_page_numbers():
    # tinhuy-hatinh-2024-01.txt: page numbers "2" (line 110), "3" (line 345), "4" (line 552)
    table = flow_table("tinhuy-hatinh-2024-01")
    pieces = [p for r in table.rows for part in r.flow for p in part]
    assert not [p for p in pieces if p.line in (110, 345, 552)]
    assert not [p for p in pieces if p.text in ("2", "3", "4")]
    assert [r.line for r in table.rows if r.day in ("2", "3", "4")] == [52, 76, 116]


def test_flow_drops_new_year_greeting():
    # tinhuy-hatinh-2024-01.txt line 106 / so-khcn-hatinh-2024-01.txt line 162: "CHÚC MỪNG NĂM MỚI"
    for name in ("tinhuy-hatinh-2024-01", "so-khcn-hatinh-2024-01"):
        table = flow_table(name)
        assert not [p for r in table.rows for part in r.flow for p in part if "CHÚC MỪNG" in p.text]


def test_flow_keeps_lunar_notes_out_of_the_content():
    # tinhuy-hatinh-2024-01.txt lines 271/273: "11" / "(01/12 ÂL)"
    table = flow_table("tinhuy-hatinh-2024-01")
    row = next(r for r in table.rows if r.day == "11")
    assert row.lunar == "(01/12 ÂL)"
    assert not [p for part in row.flow for p in part if "ÂL" in p.text]


def test_flow_weekday_lines_above_a_day_span_go_to_that_row():
    # dangbo-khoi-hatinh-2023-12.txt lines 178-183: "Sáu 08 Dự Hội nghị kiểm điểm cơ sở" / "7," / "CN" / "09-10"
    table = flow_table("dangbo-khoi-hatinh-2023-12")
    assert table.roles == ["weekday", "day", "content", "units", "leaders"]
    days = {r.day: r for r in table.rows}
    for span in ("9-10", "16-17", "23-24", "30-31"):
        assert days[span].weekday == "7, CN", span
    assert [p.text for part in days["8"].flow for p in part if p.text] == ["Dự Hội nghị kiểm điểm cơ sở"]
    assert days["8"].weekday == "Sáu"


def test_flow_weekday_before_the_day_on_one_line():
    # dangbo-khoi-hatinh-2023-12.txt line 85 "7 02", line 105 "CN 03 Nghỉ"
    table = flow_table("dangbo-khoi-hatinh-2023-12")
    days = {r.day: r for r in table.rows}
    assert days["2"].weekday == "7"
    assert days["3"].weekday == "CN"
    assert [p.text for part in days["3"].flow for p in part if p.text] == ["Nghỉ"]


def test_flow_day_with_its_content_on_the_same_line():
    # so-khcn-hatinh-2024-01.txt line 203: "06, 07 Nghỉ Thứ Bảy, Chủ nhật"
    table = flow_table("so-khcn-hatinh-2024-01")
    row = next(r for r in table.rows if r.day == "6-7")
    assert [p.text for part in row.flow for p in part if p.text] == ["Nghỉ Thứ Bảy, Chủ nhật"]


# --- normalisation ----------------------------------------------------------------------------


def test_normalize_repairs_latin_oi_to_u_horn():
    # tinhuy-hatinh-2024-01.txt line 1: " CHƢƠNG TRÌNH CÔNG TÁC THÁNG 01 NĂM 2024 "
    assert normalize("CHƢƠNG TRÌNH") == "CHƯƠNG TRÌNH"
    assert normalize("Bí thư Thƣờng trực") == "Bí thư Thường trực"


def test_normalize_composes_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Đ/c Lạc - TUV,BTĐU,GĐ")
    assert decomposed != "Đ/c Lạc - TUV,BTĐU,GĐ"
    assert normalize(decomposed) == "Đ/c Lạc - TUV,BTĐU,GĐ"


def test_normalize_removes_control_characters_and_keeps_tabs_and_lines():
    assert normalize("\ufeff\tNgày\x00\x0c\r\n\t5\x07\r") == "\tNgày\n\t5\n"


def test_normalize_turns_no_break_spaces_into_spaces():
    assert normalize("Sáng:\u00a0Chào cờ") == "Sáng: Chào cờ"


def test_collapse_and_fold():
    assert collapse("  Sáng:  Khai mạc\n Liên hoan ") == "Sáng: Khai mạc Liên hoan"
    assert fold("Đ/c Lạc") == "d/c lac"


@pytest.mark.parametrize(
    "name, period",
    [("tinhuy-hatinh-2024-01", (1, 2024)), ("dangbo-khoi-hatinh-2023-12", (12, 2023))],
)
def test_chuong_trinh_heading_with_latin_oi_parses(name, period):
    raw = (REPO / "samples" / f"{name}.txt").read_text(encoding="utf-8")
    assert "CHƢƠNG TRÌNH CÔNG TÁC" in raw
    text = normalize(raw)
    month, year, offset = find_period(text)
    assert (month, year) == period
    assert text[offset:].startswith("CHƯƠNG TRÌNH CÔNG TÁC THÁNG")
    program = parse_text(raw, source=f"{name}.txt")
    assert (program.period.month, program.period.year) == period
    assert program.events


@pytest.mark.parametrize("line, margin", [
    ("11/24/26, 1:59 PM", True), ("24/11/2026, 13:59 Lịch công tác tuần", True),
    ("12/05/2025 08:00 Giao ban lãnh đạo Sở", False),
    ("file:///tmp/pp/lich-tuan.html 1/2", True), ("https://snv.daknong.gov.vn/lich-cong-tac 2/3", True),
    ("14/3 8h00: Họp giao ban", False), ("- 8 giờ, Chủ tịch dự Hội nghị", False),
    ("Thứ Hai, 14/3/2022", False), ("Xem chi tiết tại https://vpub.gov.vn/lich", False),
])
def test_what_a_browser_prints_in_the_margins(line, margin):
    from lichsync.parse import vocab

    assert bool(vocab.PRINT_MARGIN_RE.match(line)) is margin


def test_a_web_pages_text_keeps_a_rows_cells_apart():
    """The page's text, which the readings of its prose use: a table row is one line of its cells' words."""
    import lxml.html

    from lichsync.read.html import lines_of
    page = lxml.html.document_fromstring(
        "<p>THỨ HAI, NGÀY 12/5/2025</p><table><tr><td>7h30</td><td>Chào cờ đầu tuần</td><th>Hội trường</th></tr></table>")
    assert lines_of(page) == ["THỨ HAI, NGÀY 12/5/2025", "7h30 Chào cờ đầu tuần Hội trường"]
