"""Probe: weekly pages in layouts and wordings of other portals than the four samples.

Each case is a page as a portal or an office publishes it (pasted text, saved HTML, pipe table),
written here by hand, with the events a careful clerk would read under tests/gold/README.md's
rules. Only the fields the text settles are compared; an event is found by its date and a phrase
of its title, and every event lichsync gives beyond the expected ones is a failure too.
"""
from __future__ import annotations

from probe import check, ev


# 1. Tỉnh ủy: the session and the day in one heading ("Sáng thứ Hai (12/5):"), items naming
#    the leaders as their subject.
TINH_UY_SESSION_DAY_HEADINGS = """TỈNH ỦY NGHỆ AN
LỊCH LÀM VIỆC CỦA THƯỜNG TRỰC TỈNH ỦY
Tuần 20 (từ ngày 12/5/2025 đến ngày 18/5/2025)

Sáng thứ Hai (12/5):
- 7h30: Thường trực Tỉnh ủy giao ban tuần.
- 9h30: Đồng chí Phó Bí thư Thường trực Tỉnh ủy làm việc với Ban Tuyên giáo và Dân vận Tỉnh ủy.
Chiều thứ Hai (12/5):
- 14h00: Đồng chí Bí thư Tỉnh ủy dự Hội nghị trực tuyến toàn quốc quán triệt Nghị quyết của Bộ Chính trị.
Sáng thứ Ba (13/5):
- Đồng chí Bí thư Tỉnh ủy tiếp công dân định kỳ.
Cả ngày thứ Tư (14/5):
- Thường trực Tỉnh ủy đi kiểm tra tại huyện Quỳnh Lưu.
"""


def test_session_and_day_in_one_heading():
    check(TINH_UY_SESSION_DAY_HEADINGS, [
        ev("2025-05-12", "giao ban tuần", session="morning", start_time="07:30", officials=["Thường trực Tỉnh ủy"]),
        ev("2025-05-12", "Ban Tuyên giáo và Dân vận", session="morning", start_time="09:30",
           officials=["Phó Bí thư Thường trực Tỉnh ủy"]),
        ev("2025-05-12", "quán triệt Nghị quyết", session="afternoon", start_time="14:00", officials=["Bí thư Tỉnh ủy"]),
        ev("2025-05-13", "tiếp công dân định kỳ", session="morning", start_time=None, officials=["Bí thư Tỉnh ủy"]),
        ev("2025-05-14", "kiểm tra tại huyện Quỳnh Lưu", session="all_day", officials=["Thường trực Tỉnh ủy"]),
    ], period={"from": "2025-05-12", "to": "2025-05-18"})


# 2. One line per official, several clock times on a line (issue 9 names this layout).
PER_OFFICIAL_LINES = """UBND HUYỆN CHÂU THÀNH
LỊCH LÀM VIỆC CỦA LÃNH ĐẠO UBND HUYỆN
Tuần từ ngày 19/5/2025 đến ngày 23/5/2025

THỨ HAI, NGÀY 19/5/2025
Chủ tịch UBND huyện Trần Văn Hùng: 7 giờ 30 phút, dự Lễ chào cờ đầu tuần. 14 giờ, họp Ban Chỉ đạo xây dựng nông thôn mới huyện (Phòng Nông nghiệp và PTNT chuẩn bị).
Phó Chủ tịch UBND huyện Lê Thị Mai: 8 giờ, làm việc với UBND xã Tân Phú về công tác giải phóng mặt bằng.
Phó Chủ tịch UBND huyện Nguyễn Minh Tâm: Cả ngày, đi kiểm tra tiến độ các công trình xây dựng cơ bản.

THỨ BA, NGÀY 20/5/2025
Chủ tịch UBND huyện Trần Văn Hùng: 8 giờ 30 phút, tiếp công dân định kỳ. Điểm tại Trụ sở Tiếp công dân huyện.
Phó Chủ tịch UBND huyện Lê Thị Mai: 14 giờ, dự Hội nghị sơ kết công tác dân số. Địa điểm: Hội trường Trung tâm Y tế huyện.
"""


def test_one_line_per_official_with_several_times():
    check(PER_OFFICIAL_LINES, [
        ev("2025-05-19", "Lễ chào cờ đầu tuần", session=None, start_time="07:30", officials=["Trần Văn Hùng"]),
        ev("2025-05-19", "Ban Chỉ đạo xây dựng nông thôn mới", session=None, start_time="14:00",
           officials=["Trần Văn Hùng"], units=["Phòng Nông nghiệp và PTNT"]),
        ev("2025-05-19", "giải phóng mặt bằng", session=None, start_time="08:00", officials=["Lê Thị Mai"]),
        ev("2025-05-19", "công trình xây dựng cơ bản", session="all_day", start_time=None, officials=["Nguyễn Minh Tâm"]),
        ev("2025-05-20", "tiếp công dân định kỳ", start_time="08:30", officials=["Trần Văn Hùng"],
           location="Trụ sở Tiếp công dân huyện"),
        ev("2025-05-20", "công tác dân số", start_time="14:00", officials=["Lê Thị Mai"],
           location="Hội trường Trung tâm Y tế huyện"),
    ])


# 3. A markdown pipe table whose day rows span the table, with a "Thành phần" (invitees) column
#    and a time range "14h00-16h00".
PIPE_DAY_ROWS = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND THÀNH PHỐ
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

| Thời gian | Nội dung | Chủ trì | Địa điểm | Thành phần |
|---|---|---|---|---|
| **THỨ HAI, 12/5/2025** | | | | |
| 7h30 | Chào cờ đầu tuần | Chủ tịch UBND thành phố | Sân UBND thành phố | Toàn thể CBCCVC |
| 14h00-16h00 | Họp Ban chỉ đạo chuyển đổi số | PCT Nguyễn Hữu Phước | Phòng họp số 2 | Các thành viên Ban chỉ đạo |
| **THỨ BA, 13/5/2025** | | | | |
| 8h00 | Tiếp công dân định kỳ | Đ/c Phước - PCT | Trụ sở Tiếp công dân | Mời: Thanh tra thành phố |
"""


def test_pipe_table_with_day_rows_across_it():
    check(PIPE_DAY_ROWS, [
        ev("2025-05-12", "Chào cờ đầu tuần", title="Chào cờ đầu tuần", session=None, start_time="07:30",
           officials=["Chủ tịch UBND thành phố"], location="Sân UBND thành phố"),
        ev("2025-05-12", "chuyển đổi số", title="Họp Ban chỉ đạo chuyển đổi số", session=None, start_time="14:00",
           officials=["Nguyễn Hữu Phước"], location="Phòng họp số 2"),
        ev("2025-05-13", "Tiếp công dân định kỳ", title="Tiếp công dân định kỳ", start_time="08:00",
           officials=["Phước"], location="Trụ sở Tiếp công dân"),
    ], period={"from": "2025-05-12", "to": "2025-05-16"})


# 4. A table copied from the browser (cells tab-separated), the day written once in the first
#    row of its block as "Thứ Hai (12/5)", with a preparing-unit column.
TAB_COPY_UNITS = """Lịch công tác tuần của Ban Giám đốc Sở Tài chính
Từ ngày 12/5/2025 đến ngày 16/5/2025
Thứ, ngày\tGiờ\tNội dung\tLãnh đạo\tĐịa điểm\tĐơn vị chuẩn bị
Thứ Hai (12/5)\t07h30\tGiao ban Ban Giám đốc\tGiám đốc\tPhòng họp Sở\tVăn phòng Sở
\t14h00\tThẩm định dự toán ngân sách năm 2026 của các huyện\tPGĐ Trần Văn Lợi\tPhòng họp Sở\tPhòng Quản lý ngân sách
Thứ Ba (13/5)\t08h00\tDự họp UBND tỉnh thường kỳ tháng 5\tGiám đốc\tUBND tỉnh\t
"""


def test_browser_copied_table_with_units_column():
    check(TAB_COPY_UNITS, [
        ev("2025-05-12", "Giao ban Ban Giám đốc", start_time="07:30", officials=["Giám đốc"],
           location="Phòng họp Sở", units=["Văn phòng Sở"]),
        ev("2025-05-12", "Thẩm định dự toán", start_time="14:00", officials=["Trần Văn Lợi"],
           location="Phòng họp Sở", units=["Phòng Quản lý ngân sách"]),
        ev("2025-05-13", "thường kỳ tháng 5", start_time="08:00", officials=["Giám đốc"], location="UBND tỉnh", units=[]),
    ])


# 5. Word "Save as web page": MsoNormal paragraphs, spans, <o:p>, &nbsp;, a day cell and a
#    session cell each spanning rows, the clock time in its own column.
WORD_HTML_SESSION_ROWSPAN = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>Lịch tuần</title></head>
<body lang=VI>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span lang=VI style='font-size:14.0pt'>LỊCH CÔNG TÁC TUẦN<o:p></o:p></span></b></p>
<p class=MsoNormal align=center style='text-align:center'><i><span lang=VI>(Từ ngày 02/6/2025 đến ngày 06/6/2025)<o:p></o:p></span></i></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td><p class=MsoNormal><b><span lang=VI>Ngày<o:p></o:p></span></b></p></td>
<td><p class=MsoNormal><b><span lang=VI>Buổi<o:p></o:p></span></b></p></td>
<td><p class=MsoNormal><b><span lang=VI>Giờ<o:p></o:p></span></b></p></td>
<td><p class=MsoNormal><b><span lang=VI>Nội dung công việc<o:p></o:p></span></b></p></td>
<td><p class=MsoNormal><b><span lang=VI>Chủ trì<o:p></o:p></span></b></p></td>
<td><p class=MsoNormal><b><span lang=VI>Địa điểm<o:p></o:p></span></b></p></td></tr>
<tr><td rowspan=3 valign=top><p class=MsoNormal align=center><b><span lang=VI>Thứ Hai<o:p></o:p></span></b></p>
<p class=MsoNormal align=center><span lang=VI>02/6<o:p></o:p></span></p></td>
<td rowspan=2><p class=MsoNormal><span lang=VI>Sáng<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>7h30<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Chào cờ, giao ban đầu tuần<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Đ/c Nguyễn Văn Bình<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Hội trường tầng 1<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><span lang=VI>9h00<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Làm việc với Công ty Điện lực về cấp điện&nbsp;cho khu công nghiệp<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Đ/c Trần Thị Hoa<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Phòng họp số 2<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><span lang=VI>Chiều<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>14h00<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Họp Hội đồng thi đua khen thưởng<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Đ/c Nguyễn Văn Bình<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Phòng họp số 1<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal align=center><b><span lang=VI>Thứ Ba<o:p></o:p></span></b></p>
<p class=MsoNormal align=center><span lang=VI>03/6<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Sáng<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>8h00<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Dự Hội nghị tổng kết công tác cải cách hành chính<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>Đ/c Trần Thị Hoa<o:p></o:p></span></p></td>
<td><p class=MsoNormal><span lang=VI>UBND tỉnh<o:p></o:p></span></p></td></tr>
</table></div></body></html>
"""


def test_word_saved_html_with_session_and_time_columns():
    check(WORD_HTML_SESSION_ROWSPAN, [
        ev("2025-06-02", "Chào cờ, giao ban đầu tuần", title="Chào cờ, giao ban đầu tuần", session="morning",
           start_time="07:30", officials=["Nguyễn Văn Bình"], location="Hội trường tầng 1"),
        ev("2025-06-02", "Công ty Điện lực", title="Làm việc với Công ty Điện lực về cấp điện cho khu công nghiệp",
           session="morning", start_time="09:00", officials=["Trần Thị Hoa"], location="Phòng họp số 2"),
        ev("2025-06-02", "thi đua khen thưởng", session="afternoon", start_time="14:00",
           officials=["Nguyễn Văn Bình"], location="Phòng họp số 1"),
        ev("2025-06-03", "cải cách hành chính", session="morning", start_time="08:00",
           officials=["Trần Thị Hoa"], location="UBND tỉnh"),
    ], period={"from": "2025-06-02", "to": "2025-06-06"}, source="week.html")


# 6. Numeric weekdays and dashed dates in the headings ("THỨ 2 (12-5-2025)"), numbered items.
NUMERIC_WEEKDAY_DASHED_DATES = """LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC HĐND HUYỆN

THỨ 2 (12-5-2025)
1. 7h30: Thường trực HĐND huyện dự chào cờ đầu tuần.
2. 14h00: Thường trực HĐND huyện họp thống nhất nội dung Kỳ họp thứ 20.

THỨ 3 (13-5-2025)
1. 8h00: Ban Kinh tế - Xã hội khảo sát tình hình thu ngân sách tại xã An Bình.

THỨ 5 (15-5-2025)
1. Cả ngày: Thường trực HĐND huyện tiếp xúc cử tri tại xã An Hòa.
"""


def test_numeric_weekdays_dashed_dates_numbered_items():
    check(NUMERIC_WEEKDAY_DASHED_DATES, [
        ev("2025-05-12", "chào cờ đầu tuần", start_time="07:30", officials=["Thường trực HĐND huyện"]),
        ev("2025-05-12", "Kỳ họp thứ 20", start_time="14:00", officials=["Thường trực HĐND huyện"]),
        ev("2025-05-13", "thu ngân sách", start_time="08:00", officials=["Ban Kinh tế - Xã hội"]),
        ev("2025-05-15", "tiếp xúc cử tri", session="all_day", start_time=None, officials=["Thường trực HĐND huyện"]),
    ], period={"from": "2025-05-12"})


# 7. A week across two months, with the 30/4 and 1/5 public holidays; headings without a year.
ACROSS_MONTHS_HOLIDAYS = """LỊCH LÀM VIỆC CỦA CHỦ TỊCH, CÁC PHÓ CHỦ TỊCH UBND TỈNH
Tuần 18 (từ ngày 28/4/2025 đến ngày 04/5/2025)

THỨ HAI, 28/4
- 8 giờ, Chủ tịch UBND tỉnh dự Lễ kỷ niệm 50 năm Ngày Giải phóng tỉnh. Điểm tại Quảng trường tỉnh.
THỨ BA, 29/4
- 14 giờ, Phó Chủ tịch Phạm Thành Công kiểm tra công tác chuẩn bị phục vụ kỳ nghỉ lễ. Điểm tại Sở Văn hóa, Thể thao và Du lịch.
THỨ TƯ, 30/4
- Nghỉ lễ Ngày Giải phóng miền Nam, thống nhất đất nước.
THỨ NĂM, 01/5
- Nghỉ lễ Ngày Quốc tế Lao động.
THỨ SÁU, 02/5
- 8 giờ, Chủ tịch UBND tỉnh làm việc tại cơ quan.
- 9 giờ 30, Phó Chủ tịch Phạm Thành Công tiếp Đoàn công tác Bộ Xây dựng. Điểm tại Phòng họp số 1 UBND tỉnh.
"""


def test_week_across_two_months_with_holidays():
    check(ACROSS_MONTHS_HOLIDAYS, [
        ev("2025-04-28", "Lễ kỷ niệm 50 năm", start_time="08:00", officials=["Chủ tịch UBND tỉnh"],
           location="Quảng trường tỉnh"),
        ev("2025-04-29", "kỳ nghỉ lễ", start_time="14:00", officials=["Phạm Thành Công"],
           location="Sở Văn hóa, Thể thao và Du lịch"),
        ev("2025-04-30", "Nghỉ lễ Ngày Giải phóng", kind="holiday"),
        ev("2025-05-01", "Nghỉ lễ Ngày Quốc tế Lao động", kind="holiday"),
        ev("2025-05-02", "Đoàn công tác Bộ Xây dựng", start_time="09:30", officials=["Phạm Thành Công"],
           location="Phòng họp số 1 UBND tỉnh"),
    ], period={"month": 4, "year": 2025, "from": "2025-04-28", "to": "2025-05-04"})


# 8. A week across the new year: December days of 2024, January days of 2025, no year on them.
ACROSS_NEW_YEAR = """VĂN PHÒNG UBND TỈNH
LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH
(Từ ngày 30/12/2024 đến ngày 05/01/2025)

Thứ Hai 30/12
- 8h00: Chủ tịch UBND tỉnh chủ trì Hội nghị tổng kết công tác năm 2024 của UBND tỉnh. Địa điểm: Hội trường UBND tỉnh.
Thứ Ba 31/12
- 14h00: Phó Chủ tịch Lê Quang Minh dự Lễ khánh thành cầu Phú Mỹ. Địa điểm: xã Phú Mỹ.
Thứ Tư 01/01
- Nghỉ Tết Dương lịch.
Thứ Năm 02/01
- 7h30: Chủ tịch UBND tỉnh dự Lễ ra quân đầu năm. Địa điểm: Bộ Chỉ huy Quân sự tỉnh.
"""


def test_week_across_the_new_year():
    check(ACROSS_NEW_YEAR, [
        ev("2024-12-30", "tổng kết công tác năm 2024", start_time="08:00", officials=["Chủ tịch UBND tỉnh"],
           location="Hội trường UBND tỉnh"),
        ev("2024-12-31", "khánh thành cầu Phú Mỹ", start_time="14:00", officials=["Lê Quang Minh"], location="xã Phú Mỹ"),
        ev("2025-01-01", "Nghỉ Tết Dương lịch", kind="holiday"),
        ev("2025-01-02", "Lễ ra quân đầu năm", start_time="07:30", officials=["Chủ tịch UBND tỉnh"],
           location="Bộ Chỉ huy Quân sự tỉnh"),
    ], period={"month": 12, "year": 2024, "from": "2024-12-30", "to": "2025-01-05"})


# 9. Text pasted from a portal page: breadcrumb, view counter, share and print links, week
#    navigation, an update stamp, "Các tin khác" naming other weeks, the footer.
PORTAL_FURNITURE = """Trang chủ > Lịch công tác > Lịch công tác của lãnh đạo UBND tỉnh
Lịch công tác tuần 20/2025 của Lãnh đạo UBND tỉnh
Cập nhật: 08:15 - 12/05/2025 | Lượt xem: 1235
In trang | Chia sẻ
« Tuần trước | Tuần sau »

THỨ HAI (12/5/2025)
- 8h00: Chủ tịch UBND tỉnh Võ Văn Dũng chủ trì họp UBND tỉnh thường kỳ tháng 5. Địa điểm: Phòng họp số 1, UBND tỉnh.
- 14h00: Phó Chủ tịch UBND tỉnh Nguyễn Thị Lan dự Hội nghị triển khai Đề án 06. Địa điểm: Công an tỉnh.

THỨ BA (13/5/2025)
- 8h00: Chủ tịch UBND tỉnh Võ Văn Dũng tiếp công dân định kỳ. Địa điểm: Trụ sở Tiếp công dân tỉnh.

Các tin khác
Lịch công tác tuần 19/2025 của Lãnh đạo UBND tỉnh (05/05/2025)
Lịch công tác tuần 18/2025 của Lãnh đạo UBND tỉnh (28/04/2025)
CỔNG THÔNG TIN ĐIỆN TỬ TỈNH
Địa chỉ: Số 1 đường Trần Hưng Đạo, thành phố Quy Nhơn. Điện thoại: 0256.3822222
"""


def test_page_furniture_around_a_prose_week():
    check(PORTAL_FURNITURE, [
        ev("2025-05-12", "thường kỳ tháng 5", start_time="08:00", officials=["Võ Văn Dũng"],
           location="Phòng họp số 1, UBND tỉnh"),
        ev("2025-05-12", "Đề án 06", start_time="14:00", officials=["Nguyễn Thị Lan"], location="Công an tỉnh"),
        ev("2025-05-13", "tiếp công dân định kỳ", start_time="08:00", officials=["Võ Văn Dũng"],
           location="Trụ sở Tiếp công dân tỉnh"),
    ], period={"month": 5, "year": 2025, "from": "2025-05-12"})


# 10. Items as labelled blocks ("Thời gian: / Nội dung: / Địa điểm: / Chủ trì: / Thành phần:"),
#     as list views and mobile pages of portals render their schedule module.
LABELLED_BLOCKS = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO SỞ Y TẾ
Từ ngày 09/6/2025 đến ngày 13/6/2025

Thứ Hai, ngày 09/6/2025
Thời gian: 08h00
Nội dung: Giao ban Ban Giám đốc Sở
Địa điểm: Phòng họp tầng 3
Chủ trì: Giám đốc Sở Phan Văn Thắng
Thành phần: Lãnh đạo các phòng chức năng

Thời gian: 14h00
Nội dung: Kiểm tra công tác khám chữa bệnh tại Bệnh viện Đa khoa tỉnh
Địa điểm: Bệnh viện Đa khoa tỉnh
Chủ trì: PGĐ Lê Thị Thu

Thứ Ba, ngày 10/6/2025
Thời gian: 07h30
Nội dung: Họp Hội đồng thuốc và điều trị
Địa điểm: Phòng họp tầng 3
Chủ trì: Giám đốc Sở Phan Văn Thắng
"""


def test_labelled_blocks_one_item_per_block():
    check(LABELLED_BLOCKS, [
        ev("2025-06-09", "Giao ban Ban Giám đốc Sở", title="Giao ban Ban Giám đốc Sở", start_time="08:00",
           officials=["Phan Văn Thắng"], location="Phòng họp tầng 3"),
        ev("2025-06-09", "Kiểm tra công tác khám chữa bệnh", start_time="14:00", officials=["Lê Thị Thu"],
           location="Bệnh viện Đa khoa tỉnh"),
        ev("2025-06-10", "Hội đồng thuốc và điều trị", title="Họp Hội đồng thuốc và điều trị", start_time="07:30",
           officials=["Phan Văn Thắng"], location="Phòng họp tầng 3"),
    ])


# 11. Clock times as offices write them: "7g30", "07:30", "7h", "lúc 9 giờ 30", "14h30'", "8 giờ 00".
TIME_SPELLINGS = """LỊCH LÀM VIỆC TUẦN CỦA LÃNH ĐẠO UBND QUẬN
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI 12/5/2025
- 7g30: Chủ tịch UBND quận dự chào cờ đầu tuần.
- 09:30: Phó Chủ tịch UBND quận Ngô Văn Hải họp Tổ công tác cải cách hành chính.
- 14h30': Chủ tịch UBND quận làm việc với Phòng Tài chính - Kế hoạch.
THỨ BA 13/5/2025
- 7h: Phó Chủ tịch UBND quận Ngô Văn Hải kiểm tra trật tự đô thị tuyến đường Lê Lợi.
- Lúc 9 giờ 30, Chủ tịch UBND quận tiếp Đoàn kiểm tra của Sở Nội vụ.
- 8 giờ 00: Phó Chủ tịch UBND quận Ngô Văn Hải dự Hội nghị giao ban an ninh trật tự.
"""


def test_clock_time_spellings():
    check(TIME_SPELLINGS, [
        ev("2025-05-12", "chào cờ đầu tuần", start_time="07:30", officials=["Chủ tịch UBND quận"]),
        ev("2025-05-12", "cải cách hành chính", start_time="09:30", officials=["Ngô Văn Hải"]),
        ev("2025-05-12", "Phòng Tài chính - Kế hoạch", session=None, start_time="14:30",
           officials=["Chủ tịch UBND quận"]),
        ev("2025-05-13", "trật tự đô thị", start_time="07:00", officials=["Ngô Văn Hải"]),
        ev("2025-05-13", "Đoàn kiểm tra của Sở Nội vụ", start_time="09:30", officials=["Chủ tịch UBND quận"]),
        ev("2025-05-13", "giao ban an ninh trật tự", start_time="08:00", officials=["Ngô Văn Hải"]),
    ])


# 12. Labelled lines under an item: invitees ("Thành phần:", "Mời:"), the preparing unit
#     ("Chuẩn bị:"), the place ("Địa điểm:") and the office escort ("LĐVP:").
LABELLED_LINES_UNDER_ITEMS = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ TƯ, NGÀY 14/5/2025
- 8h00: Chủ tịch UBND tỉnh họp nghe báo cáo phương án phòng, chống thiên tai năm 2025.
Thành phần: Giám đốc các Sở: Nông nghiệp và Môi trường, Xây dựng, Công Thương.
Chuẩn bị: Sở Nông nghiệp và Môi trường.
Địa điểm: Phòng họp số 1, UBND tỉnh.
LĐVP: Đ/c Hải - PCVP.
- 14h00: Phó Chủ tịch UBND tỉnh Phạm Văn Hòa làm việc với Ban Quản lý dự án đầu tư xây dựng các công trình giao thông.
Mời: Sở Tài chính, Sở Xây dựng.
Địa điểm: Phòng họp số 2.
"""


def test_labelled_lines_under_an_item():
    check(LABELLED_LINES_UNDER_ITEMS, [
        ev("2025-05-14", "phòng, chống thiên tai", start_time="08:00", officials=["Chủ tịch UBND tỉnh"],
           units=["Sở Nông nghiệp và Môi trường"], location="Phòng họp số 1, UBND tỉnh"),
        ev("2025-05-14", "Ban Quản lý dự án", start_time="14:00", officials=["Phạm Văn Hòa"], units=[],
           location="Phòng họp số 2"),
    ])


# 13. A rest-day heading for the weekend and a leader on duty; "Chiều: Làm việc tại cơ quan" and
#     "Xử lý công việc thường xuyên tại cơ quan" are where the leaders are, not events.
WEEKEND_AND_OFFICE_DAYS = """LỊCH CÔNG TÁC TUẦN CỦA BAN GIÁM ĐỐC SỞ NỘI VỤ
(Từ ngày 12/5/2025 đến ngày 18/5/2025)

THỨ SÁU 16/5
Sáng: 8h00 Giám đốc Sở dự Hội nghị sơ kết công tác thi đua khen thưởng 6 tháng. Địa điểm: Hội trường UBND tỉnh.
Chiều: Làm việc tại cơ quan.

THỨ BẢY 17/5 VÀ CHỦ NHẬT 18/5
Nghỉ.
"""


def test_weekend_rest_and_office_days():
    check(WEEKEND_AND_OFFICE_DAYS, [
        ev("2025-05-16", "thi đua khen thưởng", session="morning", start_time="08:00", officials=["Giám đốc Sở"],
           location="Hội trường UBND tỉnh"),
    ], period={"from": "2025-05-12", "to": "2025-05-18"})


# 14. A table with a column per session ("Thứ, ngày | Sáng | Chiều"), tab-separated.
SESSION_COLUMNS = """LỊCH CÔNG TÁC TUẦN CỦA CHỦ TỊCH UBND HUYỆN
Từ ngày 12/5/2025 đến ngày 16/5/2025
Thứ, ngày\tSáng\tChiều
Thứ Hai 12/5\tChào cờ; giao ban Thường trực UBND huyện\tLàm việc với xã Đông Sơn về xây dựng nông thôn mới
Thứ Ba 13/5\tTiếp công dân định kỳ\t
Thứ Tư 14/5\t\tDự họp Ban Thường vụ Huyện ủy
"""


def test_columns_per_session():
    check(SESSION_COLUMNS, [
        ev("2025-05-12", "giao ban Thường trực UBND huyện", title="Chào cờ; giao ban Thường trực UBND huyện",
           session="morning"),
        ev("2025-05-12", "xã Đông Sơn", session="afternoon"),
        ev("2025-05-13", "Tiếp công dân định kỳ", title="Tiếp công dân định kỳ", session="morning"),
        ev("2025-05-14", "Ban Thường vụ Huyện ủy", title="Dự họp Ban Thường vụ Huyện ủy", session="afternoon"),
    ])


# 15. A Sở's page with one column per leader (the leader is the column, not a cell).
LEADER_COLUMNS_HTML = """<html><body>
<p><b>LỊCH CÔNG TÁC TUẦN CỦA BAN GIÁM ĐỐC SỞ XÂY DỰNG (Từ ngày 12/5/2025 đến ngày 16/5/2025)</b></p>
<table border="1">
<tr><th>Thứ, ngày</th><th>Giám đốc Nguyễn Văn Tài</th><th>Phó Giám đốc Lê Minh Đức</th></tr>
<tr><td>Thứ Hai<br>12/5</td><td>- 7h30: Giao ban đầu tuần<br>- 14h00: Làm việc với Ban QLDA</td><td>- 8h00: Kiểm tra công trình trường THPT Chuyên</td></tr>
<tr><td>Thứ Ba<br>13/5</td><td>- Sáng: Dự họp UBND tỉnh</td><td>- Cả ngày: Thẩm định hồ sơ cấp phép xây dựng</td></tr>
</table></body></html>
"""


def test_a_column_per_leader():
    check(LEADER_COLUMNS_HTML, [
        ev("2025-05-12", "Giao ban đầu tuần", start_time="07:30", officials=["Nguyễn Văn Tài"]),
        ev("2025-05-12", "Làm việc với Ban QLDA", start_time="14:00", officials=["Nguyễn Văn Tài"]),
        ev("2025-05-12", "trường THPT Chuyên", start_time="08:00", officials=["Lê Minh Đức"]),
        ev("2025-05-13", "Dự họp UBND tỉnh", session="morning", officials=["Nguyễn Văn Tài"]),
        ev("2025-05-13", "cấp phép xây dựng", session="all_day", officials=["Lê Minh Đức"]),
    ], source="week.html")


# 16. A saved page that lists the week without a table: day headings and <ul><li> items.
HTML_LIST_WEEK = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Lịch công tác tuần</title></head>
<body><nav><a href="/">Trang chủ</a> | <a href="/lich">Lịch công tác</a></nav>
<div class="news-detail"><h1>Lịch công tác tuần của Thường trực Huyện ủy (từ ngày 12/5 đến ngày 16/5/2025)</h1>
<h4>Thứ Hai, ngày 12/5/2025</h4>
<ul><li><strong>7h30:</strong> Đồng chí Bí thư Huyện ủy dự chào cờ đầu tuần tại UBND huyện.</li>
<li><strong>14h00:</strong> Thường trực Huyện ủy làm việc với Đảng ủy xã Hòa Bình.</li></ul>
<h4>Thứ Ba, ngày 13/5/2025</h4>
<ul><li><strong>8h00:</strong> Ban Thường vụ Huyện ủy họp thường kỳ.</li></ul>
</div><footer>Bản quyền thuộc Huyện ủy</footer></body></html>
"""


def test_html_page_with_day_headings_and_lists():
    check(HTML_LIST_WEEK, [
        ev("2025-05-12", "chào cờ đầu tuần", start_time="07:30", officials=["Bí thư Huyện ủy"]),
        ev("2025-05-12", "Đảng ủy xã Hòa Bình", title="Thường trực Huyện ủy làm việc với Đảng ủy xã Hòa Bình",
           start_time="14:00", officials=["Thường trực Huyện ủy"]),
        ev("2025-05-13", "họp thường kỳ", title="Ban Thường vụ Huyện ủy họp thường kỳ", start_time="08:00",
           officials=["Ban Thường vụ Huyện ủy"]),
    ], period={"from": "2025-05-12", "to": "2025-05-16"}, source="week.html")


# 17. A saved article page: the week as paragraphs (<p>), no table (the Hậu Giang page's shape,
#     saved as .html instead of pasted).
HTML_PARAGRAPH_WEEK = """<html><head><meta charset="utf-8"><title>Lịch làm việc</title></head><body>
<div class="content">
<p style="text-align:center"><strong>LỊCH LÀM VIỆC CỦA CHỦ TỊCH, CÁC PHÓ CHỦ TỊCH UBND TỈNH</strong></p>
<p style="text-align:center"><em>(Từ ngày 12/5 đến ngày 16/5/2025)</em></p>
<p><strong>THỨ HAI (12/5)</strong></p>
<p>- 7 giờ 30’, Chủ tịch UBND tỉnh dự Lễ chào cờ đầu tuần. Điểm tại Hội trường UBND tỉnh.</p>
<p>- 14 giờ, Phó Chủ tịch Lê Văn An họp Ban Chỉ đạo giảm nghèo bền vững (Sở Lao động chuẩn bị). Điểm tại Phòng họp số 2.</p>
<p><strong>THỨ BA (13/5)</strong></p>
<p>- 8 giờ, Chủ tịch UBND tỉnh tiếp công dân định kỳ. Điểm tại Trụ sở Tiếp công dân tỉnh.</p>
</div></body></html>
"""


def test_html_article_page_with_paragraphs():
    check(HTML_PARAGRAPH_WEEK, [
        ev("2025-05-12", "Lễ chào cờ đầu tuần", start_time="07:30", officials=["Chủ tịch UBND tỉnh"],
           location="Hội trường UBND tỉnh"),
        ev("2025-05-12", "giảm nghèo bền vững", start_time="14:00", officials=["Lê Văn An"], units=["Sở Lao động"],
           location="Phòng họp số 2"),
        ev("2025-05-13", "tiếp công dân định kỳ", start_time="08:00", officials=["Chủ tịch UBND tỉnh"],
           location="Trụ sở Tiếp công dân tỉnh"),
    ], period={"from": "2025-05-12", "to": "2025-05-16"}, source="week.html")


# 18. The session word with the clock time in parentheses: "- Sáng (8h00): …", "- Chiều (14h30'): …".
SESSION_WITH_TIME_IN_PARENTHESES = """LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC HĐND TỈNH
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI 12/5
- Sáng (8h00): Thường trực HĐND tỉnh giao ban tuần.
- Chiều (14h30'): Thường trực HĐND tỉnh làm việc với Ban Pháp chế.
THỨ BA 13/5
- Sáng (7h30): Thường trực HĐND tỉnh tiếp công dân định kỳ.
- Tối (19h30): Thường trực HĐND tỉnh dự Chương trình nghệ thuật kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh.
"""


def test_session_word_with_time_in_parentheses():
    check(SESSION_WITH_TIME_IN_PARENTHESES, [
        ev("2025-05-12", "giao ban tuần", title="Thường trực HĐND tỉnh giao ban tuần", session="morning",
           start_time="08:00", officials=["Thường trực HĐND tỉnh"]),
        ev("2025-05-12", "Ban Pháp chế", session="afternoon", start_time="14:30", officials=["Thường trực HĐND tỉnh"]),
        ev("2025-05-13", "tiếp công dân", session="morning", start_time="07:30", officials=["Thường trực HĐND tỉnh"]),
        ev("2025-05-13", "Chương trình nghệ thuật", session="evening", start_time="19:30",
           officials=["Thường trực HĐND tỉnh"]),
    ])


# 19. Per-official lines whose items start with a session word instead of a clock time.
PER_OFFICIAL_SESSIONS = """LỊCH LÀM VIỆC CỦA LÃNH ĐẠO UBND HUYỆN
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI 12/5/2025
Chủ tịch Trần Văn Hùng: Sáng, dự Lễ chào cờ đầu tuần. Chiều, họp Ban Chỉ đạo phòng chống thiên tai.
Phó Chủ tịch Lê Thị Mai: Cả ngày, đi kiểm tra tiến độ giải ngân vốn đầu tư công.
"""


def test_per_official_lines_with_session_words():
    check(PER_OFFICIAL_SESSIONS, [
        ev("2025-05-12", "Lễ chào cờ đầu tuần", session="morning", officials=["Trần Văn Hùng"]),
        ev("2025-05-12", "phòng chống thiên tai", session="afternoon", officials=["Trần Văn Hùng"]),
        ev("2025-05-12", "giải ngân vốn đầu tư công", session="all_day", officials=["Lê Thị Mai"]),
    ])


# 20. A table pasted from the browser one cell per line (blank cells as blank lines), columns
#     Thời gian | Nội dung | Địa điểm | Chủ trì | Thành phần, the day cell "Thứ Hai / 12/05/2025".
ONE_CELL_PER_LINE = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND THỊ XÃ
Từ ngày 12/05/2025 đến ngày 18/05/2025

Ngày
Thời gian
Nội dung
Địa điểm
Chủ trì
Thành phần
Thứ Hai
12/05/2025
08:00
Họp giao ban Thường trực UBND thị xã
Phòng họp 1
Chủ tịch UBND thị xã
Chánh Văn phòng HĐND và UBND

14:00
Làm việc với Phòng Quản lý đô thị về quy hoạch chung
Phòng họp 2
PCT Đinh Công Lý
Phòng Quản lý đô thị
Thứ Ba
13/05/2025
07:30
Tiếp công dân định kỳ
Ban Tiếp công dân
Chủ tịch UBND thị xã

"""


def test_one_cell_per_line_with_invitees_column():
    check(ONE_CELL_PER_LINE, [
        ev("2025-05-12", "giao ban Thường trực", start_time="08:00", officials=["Chủ tịch UBND thị xã"],
           location="Phòng họp 1"),
        ev("2025-05-12", "quy hoạch chung", start_time="14:00", officials=["Đinh Công Lý"], location="Phòng họp 2"),
        ev("2025-05-13", "Tiếp công dân định kỳ", start_time="07:30", officials=["Chủ tịch UBND thị xã"],
           location="Ban Tiếp công dân"),
    ], period={"from": "2025-05-12", "to": "2025-05-18"})


# 21. Weekdays abbreviated "T2", "T3", as compact pages and phone-typed notices write them.
ABBREVIATED_WEEKDAYS = """LỊCH CÔNG TÁC TUẦN CỦA ĐẢNG ỦY XÃ
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

T2 (12/5)
- 7h30: Thường trực Đảng ủy giao ban.
T3 (13/5)
- 14h00: Ban Thường vụ Đảng ủy họp thường kỳ.
"""


def test_abbreviated_weekdays():
    check(ABBREVIATED_WEEKDAYS, [
        ev("2025-05-12", "giao ban", start_time="07:30"),
        ev("2025-05-13", "họp thường kỳ", start_time="14:00"),
    ])


# 22. Items without bullets under "THỨ HAI, 12/5" headings; two comrades as the subject; the
#     office escort ("LĐVP: …") and invitees ("Mời: …") are not officials.
UNBULLETED_ITEMS_ESCORT_INVITEES = """LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC THÀNH ỦY
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI, 12/5
8h00: Đồng chí Bí thư Thành ủy và đồng chí Phó Bí thư Thường trực Thành ủy dự Hội nghị Ban Chấp hành Đảng bộ tỉnh. LĐVP: Đ/c Lan.
14h00: Chủ tịch UBND thành phố, Phó Chủ tịch Lê Văn Bảy tiếp Đoàn công tác tỉnh Champasak. Mời: Giám đốc Sở Ngoại vụ.
THỨ BA, 13/5
Sáng: Thường trực Thành ủy đi cơ sở tại phường An Lạc.
"""


def test_unbulleted_items_with_escort_and_invitees():
    check(UNBULLETED_ITEMS_ESCORT_INVITEES, [
        ev("2025-05-12", "Ban Chấp hành Đảng bộ tỉnh", start_time="08:00",
           officials=["Bí thư Thành ủy", "Phó Bí thư Thường trực Thành ủy"]),
        ev("2025-05-12", "Champasak", start_time="14:00", officials=["Chủ tịch UBND thành phố", "Lê Văn Bảy"]),
        ev("2025-05-13", "phường An Lạc", title="Thường trực Thành ủy đi cơ sở tại phường An Lạc", session="morning",
           start_time=None, officials=["Thường trực Thành ủy"]),
    ])


# 23. An HTML table with day rows across it and the invitees column before the chair column.
HTML_INVITEES_BEFORE_CHAIR = """<html><body>
<h2>LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND HUYỆN (Từ ngày 12/5/2025 đến ngày 16/5/2025)</h2>
<table class="table table-bordered">
<thead><tr><th>Thời gian</th><th>Nội dung</th><th>Thành phần</th><th>Địa điểm</th><th>Chủ trì</th></tr></thead>
<tbody>
<tr><td colspan="5" class="day"><strong>Thứ Hai, ngày 12/5/2025</strong></td></tr>
<tr><td>08h00</td><td>Họp giao ban Thường trực UBND huyện&nbsp;</td><td>Lãnh đạo các phòng, ban</td><td>Phòng họp 1</td><td>Đ/c Minh - CT UBND</td></tr>
<tr><td>14h00 - 16h30</td><td>Kiểm tra công tác phòng cháy chữa cháy tại chợ trung tâm</td><td>Công an huyện; Phòng Kinh tế - Hạ tầng</td><td>Chợ trung tâm huyện</td><td>Đ/c Hà - PCT UBND</td></tr>
<tr><td colspan="5" class="day"><strong>Thứ Ba, ngày 13/5/2025</strong></td></tr>
<tr><td>Sáng</td><td>Dự Hội nghị tổng kết công tác khuyến nông</td><td>&nbsp;</td><td>Hội trường UBND tỉnh</td><td>Đ/c Minh - CT UBND</td></tr>
</tbody></table></body></html>
"""


def test_html_day_rows_with_invitees_before_chair():
    check(HTML_INVITEES_BEFORE_CHAIR, [
        ev("2025-05-12", "giao ban Thường trực", title="Họp giao ban Thường trực UBND huyện", start_time="08:00",
           officials=["Minh"], location="Phòng họp 1", units=[]),
        ev("2025-05-12", "phòng cháy chữa cháy", start_time="14:00", officials=["Hà"], location="Chợ trung tâm huyện",
           units=[]),
        ev("2025-05-13", "khuyến nông", session="morning", start_time=None, officials=["Minh"],
           location="Hội trường UBND tỉnh"),
    ], period={"from": "2025-05-12", "to": "2025-05-16"}, source="week.html")
