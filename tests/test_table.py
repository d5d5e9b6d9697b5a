"""The one rows-from-grid stage, on grids written here the ways offices lay out tables (pure, no files):
any header wording or none, merged cells, two leader columns, drivers, span rows, wide tables, rosters."""
from __future__ import annotations

from lichsync.parse.document import Cell, Document, Grid, GridRow
from lichsync.parse.program import read_program
from lichsync.parse.rows import BLOCK, CONTENT, DAY, LEADERS, LINE, LOCATION, TIME, UNITS, WRAP, Piece
from lichsync.parse.table import rows_from_grid

LINE_NO = iter(range(1, 10_000))


def cell(*paragraphs: str) -> Cell:
    return Cell(tuple(Piece(p, next(LINE_NO), LINE if k else BLOCK) for k, p in enumerate(paragraphs)))


def grid(*rows: list[Cell | str], above: str = "") -> Grid:
    return Grid([GridRow([c if isinstance(c, Cell) else cell(*([c] if c else [])) for c in row]) for row in rows],
                above=above)


def events(g: Grid, heading: str = "LỊCH CÔNG TÁC TUẦN\n(Từ ngày 08/4/2019 đến ngày 14/4/2019)"):
    program = read_program(Document(heading.split("\n"), [g], layout="test"), "test")
    return [(e.date.isoformat(), e.end_date and e.end_date.isoformat(), e.session, e.start_time, e.title, e.officials,
             e.location) for e in program.events]


def test_a_header_that_never_says_ngay_thoi_gian_over_two_merged_cells():
    over = cell("THỜI GIAN")
    monday = cell("Thứ 2", "08/4/2019")
    g = grid(
        [over, over, "NỘI DUNG", "CHỦ TRÌ", "THAM DỰ", "LÁI XE", "ĐỊA ĐIỂM"],
        [monday, "8h00", "Họp giao ban Sở", "Đ/c Quỳnh", "Đ/c Tân", "36A-012.34", "Phòng họp số 1"],
        [monday, "14h00", "Làm việc với UBND huyện Đắk Mil", "Đ/c Tân", "", "36A-012.35", "UBND huyện Đắk Mil"],
    )
    table = rows_from_grid(g)
    assert table.roles == [DAY, TIME, CONTENT, LEADERS, LOCATION]
    assert events(g) == [
        ("2019-04-08", None, None, "08:00", "Họp giao ban Sở", ["Quỳnh", "Tân"], "Phòng họp số 1"),
        ("2019-04-08", None, None, "14:00", "Làm việc với UBND huyện Đắk Mil", ["Tân"], "UBND huyện Đắk Mil"),
    ]


def test_no_header_roles_come_from_what_the_cells_hold():
    g = grid(
        ["Thứ Hai 08/4", "Sáng", "Chào cờ, giao ban đầu tuần", "Văn phòng, các phòng", "Đ/c Quỳnh", "Hội trường tầng 2"],
        ["", "Chiều", "Họp Hội đồng thi đua khen thưởng", "Phòng TĐKT", "Đ/c Tân", "Phòng họp số 1"],
        ["Thứ Ba 09/4", "Cả ngày", "Kiểm tra công tác cải cách hành chính tại huyện Krông Nô", "Phòng CCHC", "Đ/c Quỳnh",
         "Xã Quảng Phú"],
    )
    table = rows_from_grid(g)
    assert table.roles == [DAY, TIME, CONTENT, UNITS, LEADERS, LOCATION]
    assert [(e[0], e[2], e[5], e[6]) for e in events(g)] == [
        ("2019-04-08", "morning", ["Quỳnh"], "Hội trường tầng 2"),
        ("2019-04-08", "afternoon", ["Tân"], "Phòng họp số 1"),
        ("2019-04-09", "all_day", ["Quỳnh"], "Xã Quảng Phú"),
    ]


def test_span_rows_outside_the_days_cell_and_a_day_count():
    monday = cell("Thứ 2 (24/6/2019)")
    g = grid(
        ["THỜI GIAN", "", "NỘI DUNG", "CHỦ TRÌ/ THAM DỰ", "ĐỊA ĐIỂM"],
        [monday, "09:00", "Họp thống nhất đề cương", "Đ/c Quỳnh", "Phòng họp số 01"],
        ["Từ thứ 2 đến thứ 3", "02 ngày", "Tham dự phiên họp Thường trực HĐND tỉnh", "Đ/c Quỳnh", "VP HĐND tỉnh"],
        ["Từ 24 đến 28/6/2019", "", "Kiểm tra công tác văn thư lưu trữ", "Phòng HC-VTLT", "Sở Xây dựng"],
    )
    got = events(g, "LỊCH CÔNG TÁC\n(Từ ngày 24/6/2019 đến ngày 30/6/2019)")
    assert [(e[0], e[1]) for e in got] == [("2019-06-24", None), ("2019-06-24", "2019-06-25"), ("2019-06-24", "2019-06-28")]


def test_a_header_repeated_by_the_page_and_a_row_the_page_broke():
    header = ["Ngày", "Nội dung công việc", "Đơn vị chuẩn bị", "Lãnh đạo chủ trì"]
    g = Grid([
        GridRow([cell(t) for t in header]),
        GridRow([cell("8"), cell("Sáng: Hội nghị tổng kết công tác năm 2023 bằng"), cell("Văn phòng"), cell("Đ/c Hoàn")]),
        GridRow([cell(t) for t in header]),
        GridRow([Cell(), Cell((Piece("hình thức trực tuyến", 99, 0.0),)), Cell(), Cell()], continues=True),
        GridRow([cell("9"), cell("Chiều: Họp giao ban"), cell("VP"), cell("Đ/c An")]),
    ])
    got = events(g, "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 01 NĂM 2024")
    assert [(e[0], e[2], e[4]) for e in got] == [
        ("2024-01-08", "morning", "Hội nghị tổng kết công tác năm 2023 bằng hình thức trực tuyến"),
        ("2024-01-09", "afternoon", "Họp giao ban"),
    ]


def test_a_column_per_official_beside_a_session_column():
    g = grid(
        ["Ngày", "Buổi", "Thường trực HĐND tỉnh", "Ban Pháp chế", "Công việc khác"],
        ["Thứ Hai 08/4", "Sáng", "- Thường trực HĐND tỉnh họp giao ban", "", "- Tiếp công dân định kỳ"],
        ["Thứ Ba 09/4", "Chiều", "", "- Ban Pháp chế giám sát Sở Tư pháp", ""],
    )
    assert [(e[0], e[2], e[4], e[5]) for e in events(g)] == [
        ("2019-04-08", "morning", "Thường trực HĐND tỉnh họp giao ban", ["Thường trực HĐND tỉnh"]),
        ("2019-04-08", "morning", "Tiếp công dân định kỳ", []),
        ("2019-04-09", "afternoon", "Ban Pháp chế giám sát Sở Tư pháp", ["Ban Pháp chế"]),
    ]


def test_a_duty_roster_takes_its_activity_from_the_sentence_above():
    g = grid(
        ["Ngày", "Lãnh đạo trực"],
        ["Thứ Bảy, 13/4/2019", "Đ/c Nguyễn Văn An - Giám đốc Sở"],
        ["Chủ nhật, 14/4/2019", "Đ/c Trần Thị Bình - Phó Giám đốc Sở"],
        above="Văn phòng Sở thông báo lịch trực lãnh đạo Sở ngày nghỉ cuối tuần như sau:",
    )
    assert [(e[0], e[4], e[5]) for e in events(g)] == [
        ("2019-04-13", "Trực lãnh đạo Sở ngày nghỉ cuối tuần", ["Nguyễn Văn An"]),
        ("2019-04-14", "Trực lãnh đạo Sở ngày nghỉ cuối tuần", ["Trần Thị Bình"]),
    ]


def test_a_table_of_names_without_days_is_no_reading():
    assert rows_from_grid(grid(["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Giám đốc"])) is None


def test_an_impossible_date_is_a_warning_on_its_row():
    g = grid(["Ngày", "Nội dung"], ["Thứ Hai 08/4", "Họp giao ban"], ["Thứ Ba 14/13", "Họp chi bộ"])
    program = read_program(Document(["LỊCH CÔNG TÁC TUẦN"], [g]), "test")
    assert [e.title for e in program.events] == ["Họp giao ban"]
    assert any(w.code == "unreadable_row" and "14/13" in w.message for w in program.warnings)


PORTAL_ROSTER = """<html><body>
<div class="nav"><a>Trang chủ</a> | <a>Tin tức - Sự kiện</a> | <a>Lịch công tác</a></div>
<div class="date">Thứ Hai, ngày 28/04/2025</div>
<h1>Lịch trực lãnh đạo UBND huyện dịp nghỉ lễ 30/4 - 01/5/2025</h1>
<p>Thực hiện Công văn số 512/UBND-VP ngày 15/04/2025, UBND huyện phân công lãnh đạo trực như sau:</p>
<table border="1"><tr><th>Ngày</th><th>Lãnh đạo trực</th></tr>
<tr><td>Thứ Tư, 30/4/2025</td><td>Đ/c Nguyễn Văn Hùng - Chủ tịch UBND huyện</td></tr>
<tr><td>Thứ Năm, 01/5/2025</td><td>Đ/c Lê Thị Mai - Phó Chủ tịch UBND huyện</td></tr>
</table>
<div class="news"><h3>Tin mới</h3><ul>
<li>Hội nghị tổng kết công tác năm 2024 (25/04/2025)</li><li>Ra quân làm sạch môi trường (24/04/2025)</li>
<li>Tập huấn chuyển đổi số cho cán bộ xã (23/04/2025)</li><li>Hội nghị tiếp xúc cử tri (21/04/2025)</li>
</ul></div>
<div class="docs"><p>Quyết định 15/2020/NĐ-CP ngày 03/02/2020</p></div>
<div class="footer">Cổng thông tin điện tử huyện. Điện thoại: 0261 3xxxxx</div></body></html>"""


def test_a_portal_page_reads_its_roster_not_its_menus_news_or_date_bar():
    from lichsync.read.pipeline import parse_text

    program = parse_text(PORTAL_ROSTER, "page.html")
    assert program.layout == "web page table"
    assert [(e.date.isoformat(), e.title, e.officials) for e in program.events] == [
        ("2025-04-30", "Trực lãnh đạo UBND huyện dịp nghỉ lễ 30/4 - 01/5/2025", ["Nguyễn Văn Hùng"]),
        ("2025-05-01", "Trực lãnh đạo UBND huyện dịp nghỉ lễ 30/4 - 01/5/2025", ["Lê Thị Mai"]),
    ]


def test_a_dated_note_under_the_table_is_an_event_of_the_week():
    g = grid(["Ngày", "Nội dung", "Lãnh đạo"], ["Thứ Hai 08/4/2019", "Họp giao ban", "Đ/c Hùng - PCT"])
    heading = "LỊCH CÔNG TÁC TUẦN\n(Từ ngày 08/4/2019 đến ngày 14/4/2019)"
    below = [
        "* Đồng chí Lê Văn Tâm – Chủ tịch UBND huyện: Tham gia lớp bồi dưỡng cán bộ lãnh đạo tại Học viện",
        "Chính trị khu vực III từ ngày 01/4/2019 đến ngày 30/4/2019.",
        "* Ghi chú: Lịch công tác có thể thay đổi.",  # no date: a note, not an event
        "* Đồng chí Trần Văn Ba tham gia lớp tập huấn từ ngày 06/5/2019 đến ngày 10/5/2019.",  # another week
        "Nơi nhận:",
        "- Lưu: VT.",
    ]
    program = read_program(Document(heading.split("\n") + below, [g], layout="test"), "test")
    assert [(e.date.isoformat(), e.end_date and e.end_date.isoformat(), e.title, e.officials) for e in program.events] == [
        ("2019-04-08", None, "Họp giao ban", ["Hùng"]),
        ("2019-04-01", "2019-04-30", "Tham gia lớp bồi dưỡng cán bộ lãnh đạo tại Học viện Chính trị khu vực III",
         ["Lê Văn Tâm"]),
    ]


def test_a_scan_framing_its_title_with_the_table_takes_its_week_from_there():
    g = grid(["LỊCH CÔNG TÁC TUẦN Từ ngày 08/4/2019 đến ngày 12/4/2019", "", ""],
             ["Ngày", "Nội dung", "Lãnh đạo"], ["Thứ Hai 08/4/2019", "Họp giao ban", "Đ/c Hùng - PCT"])
    below = ["* Đồng chí Lê Văn Tâm: Tham gia lớp bồi dưỡng từ ngày 01/4/2019 đến ngày 30/4/2019."]
    program = read_program(Document(below, [g], layout="test"), "test")
    assert (program.period.start.isoformat(), program.period.end.isoformat()) == ("2019-04-08", "2019-04-12")
    assert [e.title for e in program.events] == ["Họp giao ban", "Tham gia lớp bồi dưỡng"]


def test_a_thanh_phan_column_is_who_else_takes_part_not_who_chairs():
    monday = cell("Thứ Hai", "08/4/2019")
    g = grid(
        ["Thứ/Ngày", "Nội dung công việc", "Chủ trì", "Thành phần", "Địa điểm"],
        [monday, cell("8h00: Hội chẩn liên viện", "9h30: Tiếp đoàn kiểm tra"), "PGĐ Lê Văn Tâm",
         cell("Khoa Nội", "Phòng Kế hoạch tổng hợp"), "Phòng họp số 1"],
        ["Thứ Ba 09/4/2019", "Họp Đảng ủy", "Bí thư Đảng ủy", "Ban Chấp hành Đảng bộ", "Hội trường B"],
    )
    program = read_program(Document([], [g], layout="test"), "test")
    assert [(e.title, e.officials, e.participants) for e in program.events] == [
        ("Hội chẩn liên viện", ["Lê Văn Tâm"], ["Khoa Nội"]),
        ("Tiếp đoàn kiểm tra", ["Lê Văn Tâm"], ["Phòng Kế hoạch tổng hợp"]),
        ("Họp Đảng ủy", ["Bí thư Đảng ủy"], ["Ban Chấp hành Đảng bộ"]),
    ]


def test_days_across_the_top_and_a_row_per_session():
    """A school's week grid: "Buổi | Thứ Hai 08/4 | Thứ Ba 09/4 | …", a row per session; a cell merged over
    two days spans them; an unlabelled row holds the items of no session."""
    head = [cell(text) for text in ("Buổi", "Thứ Hai 08/4", "Thứ Ba 09/4", "Thứ Tư 10/4", "Ghi chú")]
    both = cell("- Tập huấn chuyên môn tại Sở Giáo dục")
    g = grid(
        head,
        ["", "- 7h00: Chào cờ đầu tuần", "", "", ""],
        ["Sáng", "- 8h00: Họp Hội đồng sư phạm. Chủ trì: Đ/c Hòa", both, both, ""],
        ["Chiều", "", "- 14h00: Kiểm tra hồ sơ chuyên môn", "", ""],
    )
    assert events(g) == [
        ("2019-04-08", None, None, "07:00", "Chào cờ đầu tuần", [], None),
        ("2019-04-08", None, "morning", "08:00", "Họp Hội đồng sư phạm", ["Hòa"], None),
        ("2019-04-09", "2019-04-10", "morning", None, "Tập huấn chuyên môn tại Sở Giáo dục", [], None),
        ("2019-04-09", None, "afternoon", "14:00", "Kiểm tra hồ sơ chuyên môn", [], None),
    ]


def test_days_across_the_top_and_a_block_of_rows_per_leader():
    """"Lãnh đạo | Buổi | Thứ 2 | …" with the dates in a header row of their own: the leader's cell, merged
    down its session rows, names who; a row of "Công việc khác" names no one; a unit among the leaders
    is whose row it is too."""
    quynh = cell("Đ/c Đoàn Văn Quỳnh - Giám đốc")
    g = grid(
        ["Lãnh đạo", "Buổi", "Thứ 2", "Thứ 3"],
        ["", "", "08/4/2019", "09/4/2019"],
        [quynh, "Sáng", "- 8h00: Họp giao ban Sở", ""],
        [quynh, "Chiều", "", "- 14h00: Làm việc với UBND huyện Đắk Mil"],
        ["Đ/c Đoàn Văn Tân - Phó Giám đốc", "Sáng", "", "- Kiểm tra cơ sở tại huyện Cư Jút"],
        ["Phòng Tổ chức cán bộ", "Sáng", "- Thẩm định hồ sơ thi đua", ""],
        ["Công việc khác", "Chiều", "- 15h00: Họp Chi bộ", ""],
    )
    assert events(g) == [
        ("2019-04-08", None, "morning", "08:00", "Họp giao ban Sở", ["Đoàn Văn Quỳnh"], None),
        ("2019-04-08", None, "morning", None, "Thẩm định hồ sơ thi đua", ["Phòng Tổ chức cán bộ"], None),
        ("2019-04-08", None, "afternoon", "15:00", "Họp Chi bộ", [], None),
        ("2019-04-09", None, "afternoon", "14:00", "Làm việc với UBND huyện Đắk Mil", ["Đoàn Văn Quỳnh"], None),
        ("2019-04-09", None, "morning", None, "Kiểm tra cơ sở tại huyện Cư Jút", ["Đoàn Văn Tân"], None),
    ]


def test_a_day_row_of_a_table_read_down_is_no_days_across_header():
    """"STT | Thứ Hai 08/4 | …" over numbered rows: the day is a day row of a table read down."""
    g = grid(
        ["STT", "Thời gian", "Nội dung", "Chủ trì"],
        ["", "Thứ Hai 08/4", "", ""],
        ["1", "8h00", "Họp giao ban Sở", "Đ/c Quỳnh"],
    )
    assert [e[:2] + e[4:6] for e in events(g)] == [("2019-04-08", None, "Họp giao ban Sở", ["Quỳnh"])]


def test_days_across_cut_by_pages():
    """A PDF's week grid over pages: the header's date cut ("Thứ 3 (09/4/201" / "9)"), the header repeated
    on the next page, under it the rest of the item the page cut, then a row whose leader's cell, merged
    down, the page left empty."""
    tan = cell("Đ/c Đoàn Văn Tân")
    rows = [
        ["Lãnh đạo", "Buổi", "Thứ 2 (08/4/2019)", "Thứ 3 (09/4/201"],
        ["", "", "", "9)"],
        [tan, "Sáng", "- 8h00: Làm việc với UBND huyện Đắk Mil về", ""],
        ["Lãnh đạo", "Buổi", "Thứ 2 (08/4/2019)", "Thứ 3 (09/4/2019)"],
        ["", "", "công tác cải cách hành chính", ""],
        ["", "Chiều", "", "- 14h00: Họp Hội đồng thi đua"],
        ["Công việc khác", "Chiều", "- 15h00: Họp Chi bộ", ""],
    ]
    g = grid(*rows)
    for k in (1, 3):  # the first row of each new page
        g.rows[k].continues = True
    assert events(g) == [
        ("2019-04-08", None, "morning", "08:00", "Làm việc với UBND huyện Đắk Mil về công tác cải cách hành chính",
         ["Đoàn Văn Tân"], None),
        ("2019-04-08", None, "afternoon", "15:00", "Họp Chi bộ", [], None),
        ("2019-04-09", None, "afternoon", "14:00", "Họp Hội đồng thi đua", ["Đoàn Văn Tân"], None),
    ]


def test_a_table_per_day_under_its_heading_is_one_table():
    """A portal page of one table per day, each under its day's heading, each with its own header row."""
    def day_table(heading: str, *rows: list[str]) -> Grid:
        return Grid(grid(["Thời gian", "Nội dung", "Chủ trì"], *rows).rows,
                    above=f"LỊCH CÔNG TÁC TUẦN\n(Từ ngày 08/4/2019 đến ngày 14/4/2019)\n{heading}")
    monday = day_table("THỨ HAI, NGÀY 08/4/2019", ["7h30", "Chào cờ đầu tuần", "Đ/c Quỳnh"],
                       ["14h00", "Họp Ban Chỉ đạo phòng chống thiên tai", "Đ/c Tân"])
    wednesday = day_table("Thứ Tư, ngày 10/4/2019", ["8h00", "Tiếp công dân định kỳ", "Đ/c Quỳnh"])
    program = read_program(Document([], [monday, wednesday], layout="test"), "test")
    assert [(e.date.isoformat(), e.start_time, e.title, e.officials) for e in program.events] == [
        ("2019-04-08", "07:30", "Chào cờ đầu tuần", ["Quỳnh"]),
        ("2019-04-08", "14:00", "Họp Ban Chỉ đạo phòng chống thiên tai", ["Tân"]),
        ("2019-04-10", "08:00", "Tiếp công dân định kỳ", ["Quỳnh"]),
    ]


def test_days_across_each_over_its_sessions_columns():
    """"Lãnh đạo | Thứ Hai 08/4 (over two columns) | Thứ Ba 09/4 (over two)" over "Sáng | Chiều | Sáng | Chiều",
    a row per leader: each column is a day's session."""
    corner = cell("Lãnh đạo")
    monday, tuesday = cell("Thứ Hai 08/4"), cell("Thứ Ba 09/4")
    g = grid(
        [corner, monday, monday, tuesday, tuesday],
        [corner, "Sáng", "Chiều", "Sáng", "Chiều"],
        ["Giám đốc Nguyễn Văn An", "Giao ban Sở", "Làm việc với UBND huyện Hải Lăng", "", "Họp UBND tỉnh"],
        ["PGĐ Trần Văn Bình", "Kiểm tra mỏ cát tại Cam Lộ", "", "Tiếp công dân", ""],
    )
    assert [e[:3] + e[4:6] for e in events(g)] == [
        ("2019-04-08", None, "morning", "Giao ban Sở", ["Nguyễn Văn An"]),
        ("2019-04-08", None, "morning", "Kiểm tra mỏ cát tại Cam Lộ", ["Trần Văn Bình"]),
        ("2019-04-08", None, "afternoon", "Làm việc với UBND huyện Hải Lăng", ["Nguyễn Văn An"]),
        ("2019-04-09", None, "morning", "Tiếp công dân", ["Trần Văn Bình"]),
        ("2019-04-09", None, "afternoon", "Họp UBND tỉnh", ["Nguyễn Văn An"]),
    ]


def test_a_column_per_official_and_one_for_an_office_among_them():
    """"Ngày | Đ/c Quỳnh | Đ/c Tân | Phòng Tổ chức cán bộ | Công việc khác": the office's column is whose
    items they are, as an official's is; "Công việc khác" names no one."""
    g = grid(
        ["Ngày", "Đ/c Đoàn Văn Quỳnh", "Đ/c Đoàn Văn Tân", "Phòng Tổ chức cán bộ", "Công việc khác"],
        ["Thứ Hai 08/4", "- 8h00: Họp giao ban Sở", "", "- 8h00: Thẩm định hồ sơ thi đua khen thưởng", ""],
        ["Thứ Ba 09/4", "", "- 14h00: Làm việc với UBND huyện Đắk Mil", "", "- 15h00: Họp Chi bộ cơ quan"],
    )
    assert [e[:1] + e[3:6] for e in events(g)] == [
        ("2019-04-08", "08:00", "Họp giao ban Sở", ["Đoàn Văn Quỳnh"]),
        ("2019-04-08", "08:00", "Thẩm định hồ sơ thi đua khen thưởng", ["Phòng Tổ chức cán bộ"]),
        ("2019-04-09", "14:00", "Làm việc với UBND huyện Đắk Mil", ["Đoàn Văn Tân"]),
        ("2019-04-09", "15:00", "Họp Chi bộ cơ quan", []),
    ]


def test_days_down_and_a_column_per_session_even_a_column_left_empty():
    """"Thứ, ngày | Buổi sáng | Buổi chiều": each cell a list of items whose leaders open the sentence. A week
    whose afternoons are all free still heads its columns by session; a bullet after "- Cả ngày:" is back in
    its column's session; no leader column, so the subject is who acts, and a chair note beside it is not."""
    head = [cell(text) for text in ("Thứ, ngày", "Buổi sáng", "Buổi chiều")]  # numbered first: lines run down the page
    g = grid(
        head,
        [cell("Thứ Hai", "08/4"),
         cell("- Cả ngày: Đ/c Trần Thị Bình kiểm tra công tác phòng chống thiên tai",
              "- 8h30: Đ/c Nguyễn Văn An - Chủ tịch UBND huyện họp giao ban"), ""],
        [cell("Thứ Ba", "09/4"), cell("- 8h00: Đ/c Nguyễn Văn An dự Hội nghị tổng kết (Đ/c Giám đốc Sở chủ trì)"), ""],
    )
    assert events(g) == [
        ("2019-04-08", None, "all_day", None, "Đ/c Trần Thị Bình kiểm tra công tác phòng chống thiên tai", ["Trần Thị Bình"], None),
        ("2019-04-08", None, "morning", "08:30", "Đ/c Nguyễn Văn An - Chủ tịch UBND huyện họp giao ban", ["Nguyễn Văn An"], None),
        ("2019-04-09", None, "morning", "08:00", "Đ/c Nguyễn Văn An dự Hội nghị tổng kết (Đ/c Giám đốc Sở chủ trì)",
         ["Nguyễn Văn An"], None),
    ]


def test_days_across_without_leaders_reads_who_acts_from_the_item():
    """A days-across grid of sessions names no leader: the item's subject does ("Đ/c Hòa dự …")."""
    g = grid(
        ["Buổi", "Thứ Hai 08/4", "Thứ Ba 09/4"],
        ["Sáng", "- 8h00: Đ/c Hòa dự Hội nghị giao ban ngành", "- 7h30: Kiểm tra hồ sơ chuyên môn"],
    )
    assert [(d, o) for d, *_, o, _ in events(g)] == [("2019-04-08", ["Hòa"]), ("2019-04-09", [])]


def test_a_row_of_session_columns_the_page_cut_is_one_row_again():
    """Printed, the page cut Thursday's row between "Thứ 5" and "9/9" and in mid-item: the rest on the next
    page is the row's, not an item of its own."""
    head = [cell(text) for text in ("Ngày", "Sáng", "Chiều")]
    thursday = GridRow([cell("Thứ 5"), cell("- 7h30: Đ/c Nguyệt dự Tập huấn nghiệp vụ công tác dân vận"), cell()])
    rest = GridRow([Cell((Piece("9/9", next(LINE_NO), WRAP),)), Cell((Piece("cho cán bộ cơ sở năm 2027", next(LINE_NO), WRAP),)),
                    cell("- 14h00: Họp Chi bộ")], continues=True)
    g = Grid([GridRow(head), GridRow([cell("Thứ 4 8/9"), cell("- 8h00: Giao ban"), cell()]), thursday, rest])
    assert [(d, s, t, title) for d, _, s, t, title, *_ in events(g, "LỊCH CÔNG TÁC\nTuần từ 06/9/2027 đến 12/9/2027")] == [
        ("2027-09-08", "morning", "08:00", "Giao ban"),
        ("2027-09-09", "morning", "07:30", "Đ/c Nguyệt dự Tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở năm 2027"),
        ("2027-09-09", "afternoon", "14:00", "Họp Chi bộ"),
    ]
