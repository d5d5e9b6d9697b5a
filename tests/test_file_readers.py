"""The Word reader on a table built here, and the grid → rows logic on hand-made cells."""
from __future__ import annotations

import io

import docx

from lichsync.read.pipeline import parse_file
from lichsync.read import docx as docx_reader
from lichsync.read import pdf
from lichsync.parse.document import Cell, Grid, GridRow
from lichsync.parse.table import join_lines, rows_from_grid
from lichsync.parse.rows import BLOCK, CONTENT, LEADERS, LINE, WRAP, Piece

HEADER = ["Ngày", "Nội dung công việc", "Đơn vị chuẩn bị", "Lãnh đạo chủ trì"]


def word_file() -> bytes:
    """Day 5 over two item rows (day merged, leader merged over both); day 6 with a rest row across the table."""
    document = docx.Document()
    document.add_paragraph("SỞ LAO ĐỘNG - TBXH")
    document.add_paragraph("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023")
    table = document.add_table(rows=5, cols=4)
    for k, text in enumerate(HEADER):
        table.cell(0, k).text = text
    table.cell(1, 0).text = "5"
    table.cell(1, 1).text = "Sáng: Họp giao ban"
    table.cell(1, 2).text = "Văn phòng"
    table.cell(1, 3).text = "Đ/c Lạc - GĐ"
    table.cell(2, 1).text = "Chiều: Làm việc với huyện Kỳ Anh"
    table.cell(2, 2).text = "Phòng LĐVL"
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 3).merge(table.cell(2, 3))
    for k, text in enumerate(HEADER):  # a header row repeated mid-table, as a page break leaves it
        table.cell(3, k).text = text
    table.cell(4, 0).text = "6"
    rest = table.cell(4, 1).merge(table.cell(4, 3))
    rest.text = "Tiếp công dân định kỳ"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_table_rows():
    document = docx_reader.read(word_file(), "t.docx")
    assert "THÁNG 9 NĂM 2023" in document.text
    table = rows_from_grid(document.grids[0])
    assert [r.day for r in table.rows] == ["5", "6"]  # the merged day cell heads both item rows
    five = table.rows[0]
    assert [p.text for p in five.cells[CONTENT]] == ["Sáng: Họp giao ban", "Chiều: Làm việc với huyện Kỳ Anh"]
    assert [p.text for p in five.cells[LEADERS]] == ["Đ/c Lạc - GĐ", "Đ/c Lạc - GĐ"]  # merged: beside both items
    assert five.cells[LEADERS][1].sep == BLOCK
    assert "units" not in table.rows[1].cells  # the spanning cell is the content's only


def test_word_file_events(tmp_path):
    path = tmp_path / "program.docx"
    path.write_bytes(word_file())
    program = parse_file(path)
    assert program.period.month == 9 and program.period.year == 2023
    assert program.organization == "Sở Lao động - TBXH"
    got = [(str(e.date), e.session, e.title, e.units, e.officials) for e in program.events]
    assert got == [
        ("2023-09-05", "morning", "Họp giao ban", ["Văn phòng"], ["Lạc"]),
        ("2023-09-05", "afternoon", "Làm việc với huyện Kỳ Anh", ["Phòng LĐVL"], ["Lạc"]),
        ("2023-09-06", None, "Tiếp công dân định kỳ", [], []),
    ]


def cell(*texts, sep=LINE, pos=0) -> Cell:
    return Cell(tuple(Piece(t, 1, sep if k == 0 else LINE, pos + k) for k, t in enumerate(texts)))


def test_row_broken_by_a_page_joins_the_row_above():
    header = GridRow([cell(t) for t in HEADER])
    grid = [
        header,
        GridRow([cell("8"), cell("Sáng: Hội nghị tổng kết công tác năm 2023 bằng"), cell("Văn phòng"), cell("Đ/c Hoàn")]),
        header,  # repeated on the next page
        GridRow([cell(), cell("hình thức trực tuyến", sep=WRAP), cell(), cell()], continues=True),
        GridRow([cell("9"), cell("Chiều: Họp"), cell("VP"), cell("Đ/c An")]),
    ]
    table = rows_from_grid(Grid(grid))
    assert [r.day for r in table.rows] == ["8", "9"]
    assert [p.text for p in table.rows[0].cells[CONTENT]] == ["Sáng: Hội nghị tổng kết công tác năm 2023 bằng hình thức trực tuyến"]


def test_a_row_whose_time_cell_a_page_cut_goes_on_with_its_item():
    header = GridRow([cell(t) for t in ["Ngày", "Thời gian", "Nội dung", "Chủ trì"]])
    grid = [
        header,
        GridRow([cell("Thứ Hai (15/11/2027)"), cell("16:00"), cell("Họp giao"), cell("Đ/c Lê")]),
        header,  # repeated on the next page, which holds the rest of each cell
        GridRow([cell(), cell("(Chiều)"), cell("ban Văn phòng Sở", sep=WRAP), cell("Thị Thu Hà", sep=WRAP)], continues=True),
        GridRow([cell(), cell("07:30"), cell("Giao ban Lãnh"), cell("Lãnh đạo")]),
        header,
        GridRow([cell(), cell("(Sáng)"), cell("Đạo Sở", sep=WRAP), cell("Sở", sep=WRAP)], continues=True),
        GridRow([cell(), cell("09:00 (Sáng)"), cell("Họp Chi bộ"), cell("Đ/c An")]),
    ]
    table = rows_from_grid(Grid(grid))
    assert [" ".join(p.text for p in r.cells[CONTENT]) for r in table.rows] == [
        "Họp giao ban Văn phòng Sở", "Giao ban Lãnh Đạo Sở", "Họp Chi bộ"]
    assert [" ".join(p.text for p in r.cells[LEADERS]) for r in table.rows] == ["Đ/c Lê Thị Thu Hà", "Lãnh đạo Sở", "Đ/c An"]


def test_a_weekday_left_by_a_page_under_its_date_is_no_day_of_its_own():
    header = GridRow([cell(t) for t in ["Ngày", "Buổi", "Nội dung", "Chủ trì"]])
    grid = [
        header,
        GridRow([cell("04/10"), cell("Sáng"), cell("Giao ban tháng 10"), cell("Thường trực Hội")]),
        GridRow([cell("11/10"), cell("Sáng"), cell("Dự Hội nghị Ban Chấp hành"), cell("Chủ tịch Hội")]),
        header,  # the page cut the day cell "11/10" / "Thứ Hai" spanning both sessions
        GridRow([cell("Thứ Hai"), cell("Chiều"), cell("Thẩm định hồ sơ khen thưởng"), cell("Đ/c Hà")], continues=True),
        GridRow([cell("12/10"), cell("Sáng"), cell("Kiểm tra cơ sở"), cell("Đ/c Hà")]),
    ]
    table = rows_from_grid(Grid(grid))
    assert [(r.day, " ".join(p.text for p in r.cells[CONTENT])) for r in table.rows] == [
        ("04/10", "Giao ban tháng 10"), ("11/10", "Dự Hội nghị Ban Chấp hành"), ("11/10", "Thẩm định hồ sơ khen thưởng"),
        ("12/10", "Kiểm tra cơ sở")]


def test_a_table_without_days_is_no_reading():
    grid = [GridRow([cell(t) for t in HEADER]), GridRow([cell("Ghi chú"), cell("Lịch có thể thay đổi"), cell(), cell()])]
    assert rows_from_grid(Grid(grid)) is None


def test_join_lines_keeps_hyphenated_words():
    assert join_lines("Phòng QLCN-", "CN") == "Phòng QLCN-CN"
    assert join_lines("Đ/c Lạc -", "GĐ") == "Đ/c Lạc - GĐ"


def test_a_line_opening_with_a_closing_bracket_was_forced_there():
    # A narrow cell broke "(20/11/1982 - 20/11/2027)" wherever it could; no wrap puts ")" first on a line.
    assert join_lines("20/11/2027", ")") == "20/11/2027)"
    assert join_lines("Hội trường Sở", "). Chủ trì") == "Hội trường Sở). Chủ trì"
    assert join_lines("Hội trường", "Sở") == "Hội trường Sở"


def test_join_lines_keeps_a_document_number_a_narrow_column_broke():
    assert join_lines("Nghị quyết số 28/2017/", "NQ-HĐND về") == "Nghị quyết số 28/2017/NQ-HĐND về"
    assert join_lines("Quyết định 23/2021/QĐ", "-TTg (LĐVL") == "Quyết định 23/2021/QĐ-TTg (LĐVL"
    assert join_lines("tình hình kinh tế", "- xã hội") == "tình hình kinh tế - xã hội"
    assert join_lines("Sáng: Giao ban", "-Họp Chi bộ") == "Sáng: Giao ban -Họp Chi bộ"  # a bullet glued to its word


def test_a_day_cell_the_page_cut_between_its_weekday_and_its_date():
    header = GridRow([cell(t) for t in HEADER])
    grid = [
        header,
        GridRow([cell("Thứ 4 (24/01/2024)"), cell("Sáng: Hội nghị tổng kết"), cell("Văn phòng"), cell("Đ/c Hoàn")]),
        GridRow([cell("Thứ 2"), cell("Sáng: Giao ban"), cell(), cell("Đ/c Hoàn")]),
        header,  # repeated on the next page
        GridRow([cell("(29/01/2024)"), cell("BCS Đảng và tập thể UBND tỉnh", sep=WRAP), cell("Văn phòng"), cell()],
                continues=True),
        GridRow([cell("Thứ 3 (30/01/2024)"), cell("Chiều: Họp"), cell("VP"), cell("Đ/c An")]),
    ]
    table = rows_from_grid(Grid(grid))
    assert [r.day for r in table.rows] == ["Thứ 4 (24/01/2024)", "Thứ 2 (29/01/2024)", "Thứ 3 (30/01/2024)"]
    assert [p.text for p in table.rows[1].cells[CONTENT]] == ["Sáng: Giao ban BCS Đảng và tập thể UBND tỉnh"]


def test_a_line_opening_with_a_dash_that_is_no_bullet_goes_on():
    def line(text: str, top: float) -> pdf.Line:
        return pdf.Line(text, 100.0, 100.0 + 5.0 * len(text), top, top + 10.0, 20.0, 3.0)
    right = 160.0  # a narrow column: the first word of each line below would not have fitted above
    assert pdf._sep(line("báo cáo tình hình kinh tế", 0), line("- xã hội năm 2021", 11), right) == WRAP
    assert pdf._sep(line("Quyết định 23/2021/QĐ", 0), line("-TTg (LĐVL", 11), right) == WRAP
    assert pdf._sep(line("Sáng: Giao ban", 0), line("- Họp Chi bộ", 11), right) == LINE  # a bullet
    assert pdf._sep(line("Sáng: Giao ban", 0), line("-Họp Chi bộ", 11), right) == LINE
    assert pdf._sep(line("giai đoạn 2021", 0), line("- 2025", 11), right) == WRAP  # a range broken at its dash
    assert pdf._sep(line("Hội trường Tổ dân phố 3", 0), line("- 13h30: Hội nghị", 11), right) == LINE  # a clock opens an item
    # A capital with a diacritic is a capital: "- Đ/c …", "- Ủy ban …" open items ("à-ỹ" spans such capitals too)
    assert pdf._sep(line("Phòng họp Ban Tổ chức Tỉnh ủy", 0), line("- Đ/c Tân dự lớp bồi dưỡng", 11), right) == LINE
    assert pdf._sep(line("Phòng họp Ban Tổ chức Tỉnh ủy", 0), line("- Ủy ban MTTQ họp", 11), right) == LINE
    assert pdf._sep(line("báo cáo tình hình kinh tế", 0), line("- đô thị năm 2021", 11), right) == WRAP


def test_a_line_opening_with_a_number_of_the_line_above_goes_on():
    """A narrow cell wraps a place's number ("Nhà văn hóa thôn" / "5") or puts it before the item's next
    field ("P. họp 1 tầng" / "3. Chủ trì: …"); a numbered item after a finished one opens its own line."""
    def line(text: str, top: float) -> pdf.Line:
        return pdf.Line(text, 100.0, 100.0 + 4.0 * len(text), top, top + 10.0, 4.0, 3.0)
    right = 200.0  # room for the number on the line above: only its meaning keeps it there
    assert pdf._sep(line("Nhà văn hóa thôn", 0), line("5", 11), right) == WRAP
    assert pdf._sep(line("P. họp tầng", 0), line("3. Chủ trì: Chủ tịch", 11), right) == WRAP
    assert pdf._sep(line("Họp giao ban.", 0), line("2. Tiếp công dân", 11), right) == LINE
    assert pdf._sep(line("Họp thôn 4.", 0), line("5", 11), right) == LINE


def test_a_row_the_page_split_goes_on_in_each_of_two_leader_columns():
    header = GridRow([cell(t) for t in ["Ngày", "Nội dung", "Chủ trì", "Tham dự"]])
    grid = [
        header,
        GridRow([cell("Thứ 6 (11/12/2026)"), cell("Sáng: Họp"), cell("Chủ tịch UBND tỉnh"), cell("Đ/c An")]),
        GridRow([Cell((Piece("Thứ 7", 10, LINE, 0),)), Cell((Piece("Dự Lễ", 11, LINE, 0),)),
                 Cell((Piece("Chủ tịch", 12, LINE, 0),)), Cell((Piece("Đ/c Võ", 13, LINE, 0),))]),
        header,  # repeated on the next page
        GridRow([Cell((Piece("(12/12/2026)", 20, WRAP, 0),)), Cell((Piece("khánh thành cầu Trà Khúc 3", 21, WRAP, 0),)),
                 Cell((Piece("UBND tỉnh", 22, WRAP, 0),)), Cell((Piece("Minh Khoa", 23, WRAP, 0),))], continues=True),
    ]
    table = rows_from_grid(Grid(grid))
    assert [r.day for r in table.rows] == ["Thứ 6 (11/12/2026)", "Thứ 7 (12/12/2026)"]
    assert [p.text for p in table.rows[1].cells[LEADERS]] == ["Chủ tịch UBND tỉnh", "Đ/c Võ Minh Khoa"]


def test_a_one_row_table_at_a_pages_foot_goes_on_on_the_next_page():
    """A header row alone at the foot of a page (its first row had no room under it) is the table's when
    the next page holds a table; alone on the document's last page it is a frame, no table."""
    from lichsync.read.pdfpage import Word

    header = [[(50.0, 700.0, 150.0, 720.0), (150.0, 700.0, 400.0, 720.0)]]
    words = [Word("Buổi", 60.0, 80.0, 705.0, 715.0), Word("Thứ", 160.0, 175.0, 705.0, 715.0), Word("Hai", 177.0, 190.0, 705.0, 715.0)]
    assert pdf._ruled_rows([header], words, continued=False) is None
    rows, outside, _ = pdf._ruled_rows([header], words, continued=False, goes_on=True)
    assert [[line.text for line in cell[0]] for cell in rows[0]] == [["Buổi"], ["Thứ Hai"]] and outside == []


def _words(*specs: tuple[str, float, float]) -> list:
    """Words of one line at top 700, 10 high: (text, x0, x1)."""
    from lichsync.read.pdfpage import Word
    return [Word(text, x0, x1, 700.0, 710.0) for text, x0, x1 in specs]


def test_a_line_written_over_the_columns_is_no_row_a_page_cut():
    """Under a table per day, the next day's heading lies over the columns, a space between its words where an
    edge falls; a row the page cut keeps its words inside their columns, padded apart."""
    columns = [(50.0, 100.0), (100.0, 300.0)]
    heading = _words(("Thứ", 55, 70), ("Sáu,", 73, 90), ("ngày", 93, 112), ("16/10/2026", 115, 160))
    assert pdf._runs_across(heading, columns)
    straddling = _words(("Thứ", 55, 70), ("Sáu,", 73, 90), ("ngày", 96, 115))
    assert pdf._runs_across(straddling, columns)
    cut = _words(("13h30", 55, 92), ("Thẩm", 106, 130), ("định", 133, 150), ("thành", 153, 175))
    assert not pdf._runs_across(cut, columns)


def test_a_pdf_of_a_table_per_day_keeps_each_tables_heading_above_it():
    """Word's table per day, printed: the text between two tables on a page starts a table of its own whose
    text above it ends with its day; the pages' one grid stays as it was, first among the readings."""
    from lichsync.read.pdfpage import Word

    def table(top: float, texts: list[tuple[str, str]]) -> list:
        rows = [[(50.0, top + 20.0 * k, 150.0, top + 20.0 * k + 20.0), (150.0, top + 20.0 * k, 400.0, top + 20.0 * k + 20.0)]
                for k in range(len(texts))]
        words = [Word(t, x, x + 8.0 * len(t), top + 20.0 * k + 5.0, top + 20.0 * k + 15.0)
                 for k, (a, b) in enumerate(texts) for t, x in ((a, 55.0), (b, 155.0))]
        return rows, words

    first, w1 = table(100.0, [("Giờ", "Nội dung"), ("7h30", "Chào cờ")])
    second, w2 = table(200.0, [("Giờ", "Nội dung"), ("14h00", "Họp Chi bộ")])
    heading = [Word("Thứ", 50.0, 65.0, 80.0, 90.0), Word("Hai", 67.0, 80.0, 80.0, 90.0),
               Word("Thứ", 50.0, 65.0, 175.0, 185.0), Word("Ba", 67.0, 78.0, 175.0, 185.0)]
    ruled = pdf._ruled_rows([first, second], w1 + w2 + heading, continued=False)
    reader = pdf._Reader()
    reader.add_page(0, ruled, pdf._lines(ruled.outside))
    whole, monday, tuesday = reader.grids()
    assert len(whole.rows) == 4 and whole.above == ""
    assert [monday.above.split("\n")[-1], tuesday.above.split("\n")[-1]] == ["Thứ Hai", "Thứ Ba"]
    assert [c.text for c in tuesday.rows[1].cells] == ["14h00", "Họp Chi bộ"]


def test_a_header_row_the_page_cut_takes_its_rest_from_the_next_page():
    """"Đơn vị chuẩn" at a page's foot, "bị" at the next page's top: the header's, not the last item's."""
    reader = pdf._Reader()
    line = lambda text, top: pdf.Line(text, 60.0, 60.0 + 6.0 * len(text), top, top + 10.0, 30.0, 3.0)  # noqa: E731
    reader.add_rows(0, [[([line("Giờ", 10.0)], 100.0), ([line("Nội dung", 10.0)], 200.0), ([line("Đơn vị chuẩn", 10.0)], 300.0)],
                        [([line("7h30", 40.0)], 100.0), ([line("Chào cờ", 40.0)], 200.0), ([line("Văn phòng", 40.0)], 300.0)],
                        [([line("Giờ", 70.0)], 100.0), ([line("Nội dung", 70.0)], 200.0), ([line("Đơn vị chuẩn", 70.0)], 300.0)]])
    reader.add_rows(1, [[([], 100.0), ([], 200.0), ([line("bị", 10.0)], 300.0)],
                        [([line("14h00", 30.0)], 100.0), ([line("Họp", 30.0)], 200.0), ([line("Công đoàn", 30.0)], 300.0)]])
    assert [[c.text for c in row.cells] for row in reader.grid][2:] == [
        ["Giờ", "Nội dung", "Đơn vị chuẩn bị"], ["14h00", "Họp", "Công đoàn"]]
