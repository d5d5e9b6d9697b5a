"""Probe 2: weekly pages in layouts and wordings neither the four samples nor test_weekly_probe.py cover.

Each case is a page as a portal or an office publishes it (pasted text, saved HTML, pipe table),
written here by hand, with the events a careful clerk would read under tests/gold/README.md's
rules. Only the fields the text settles are compared; an event is found by its date and a phrase
of its title, and every event lichsync gives beyond the expected ones is a failure too.
"""
from __future__ import annotations

import unicodedata

from lichsync.parse import dayblocks
from probe import check, ev


# 1. A CMS portal page saved as HTML: the schedule table nested in a layout table, <thead> with a
#    two-row header ("Thời gian" over "Buổi" and "Giờ"), <span style> soup, &nbsp;, <br> inside
#    cells, day cells "Thứ 2<br>(12/5)", leaders "Đ/c Hồ Văn Nam, CT UBND tỉnh".
CMS_NESTED_TABLE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Lịch công tác tuần - Cổng thông tin điện tử tỉnh</title></head>
<body>
<table width="100%" class="layout" cellpadding="0" cellspacing="0"><tr>
<td class="left-menu" valign="top"><ul><li><a href="/">Trang chủ</a></li><li><a href="/lich">Lịch công tác</a></li><li><a href="/vb">Văn bản</a></li></ul></td>
<td class="main" valign="top">
<div class="title"><span style="font-family:'Times New Roman';font-size:14pt"><b>LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH</b></span></div>
<div><span style="font-size:13pt"><i>(Từ ngày 12/5/2025 đến ngày 18/5/2025)</i></span></div>
<table border="1" cellpadding="3" cellspacing="0" class="lich" style="border-collapse:collapse">
<thead>
<tr><th rowspan="2"><span style="font-weight:bold">Ngày</span></th><th colspan="2"><span style="font-weight:bold">Thời gian</span></th><th rowspan="2">Nội dung</th><th rowspan="2">Lãnh đạo chủ trì</th><th rowspan="2">Địa điểm</th></tr>
<tr><th>Buổi</th><th>Giờ</th></tr>
</thead>
<tbody>
<tr><td rowspan="3" style="text-align:center"><span style="font-weight:bold">Thứ 2<br>(12/5)</span></td>
<td rowspan="2"><span style="font-size:12pt">Sáng</span></td><td><span style="color:#000">07h30</span></td>
<td><span style="font-size:12pt">Chào cờ;&nbsp;giao ban<br>Lãnh đạo UBND tỉnh</span></td>
<td><span style="font-size:12pt">Đ/c Hồ Văn Nam, CT UBND tỉnh</span></td><td><span>Phòng họp số 1</span></td></tr>
<tr><td><span>09h30</span></td><td><span>Họp&nbsp;Ban Chỉ đạo phát triển du lịch</span></td>
<td><span>Đ/c Lê Thị Hạnh, PCT UBND tỉnh</span></td><td>Phòng họp số 2</td></tr>
<tr><td>Chiều</td><td>14h00</td><td>Làm việc với Tập đoàn Điện lực Việt Nam<br>về dự án đường dây 500kV mạch 3</td>
<td>Đ/c Hồ Văn Nam, CT UBND tỉnh;<br>Đ/c Lê Thị Hạnh, PCT UBND tỉnh</td><td>Phòng họp số 1</td></tr>
<tr><td style="text-align:center"><span style="font-weight:bold">Thứ 3<br>(13/5)</span></td><td>Sáng</td><td>08h00</td>
<td>Tiếp công dân định kỳ&nbsp;</td><td>Đ/c Hồ Văn Nam, CT UBND tỉnh</td><td>Trụ sở Tiếp công dân tỉnh</td></tr>
</tbody></table>
</td></tr></table>
<div class="footer"><span>Cổng thông tin điện tử tỉnh. Địa chỉ: 45 Hùng Vương. Điện thoại: 0233.3852222</span></div>
</body></html>
"""


def test_cms_page_nested_tables_two_row_header():
    check(CMS_NESTED_TABLE, [
        ev("2025-05-12", "giao ban", title="Chào cờ; giao ban Lãnh đạo UBND tỉnh", session="morning",
           start_time="07:30", officials=["Hồ Văn Nam"], location="Phòng họp số 1"),
        ev("2025-05-12", "phát triển du lịch", title="Họp Ban Chỉ đạo phát triển du lịch", session="morning",
           start_time="09:30", officials=["Lê Thị Hạnh"], location="Phòng họp số 2"),
        ev("2025-05-12", "đường dây 500kV",
           title="Làm việc với Tập đoàn Điện lực Việt Nam về dự án đường dây 500kV mạch 3", session="afternoon",
           start_time="14:00", officials=["Hồ Văn Nam", "Lê Thị Hạnh"], location="Phòng họp số 1"),
        ev("2025-05-13", "Tiếp công dân định kỳ", session="morning", start_time="08:00", officials=["Hồ Văn Nam"],
           location="Trụ sở Tiếp công dân tỉnh"),
    ], period={"from": "2025-05-12", "to": "2025-05-18"}, source="week.html")


# 2. A Word table pasted as plain text: cells separated by tabs, a cell's paragraphs on their own
#    lines (the day cell "Thứ Hai" / "12/5" on two lines, two items and two leaders per row).
WORD_TABS_MULTILINE_CELLS = """UBND HUYỆN THẠCH HÀ
LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND HUYỆN
(Từ ngày 12/5/2025 đến ngày 16/5/2025)
Thứ, ngày\tNội dung công việc\tLãnh đạo chủ trì\tĐịa điểm
Thứ Hai
12/5\t- 7h30: Chào cờ, giao ban đầu tuần
- 14h00: Họp Ban Chỉ đạo chuyển đổi số huyện\t- Đ/c Hùng - CT
- Đ/c Dũng - PCT\t- Hội trường UBND huyện
- Phòng họp trực tuyến
Thứ Ba
13/5\t- Sáng: Kiểm tra tiến độ xây dựng nông thôn mới tại xã Thạch Đài
- Chiều: Tiếp công dân định kỳ\t- Đ/c Dũng - PCT
- Đ/c Hùng - CT\t- Xã Thạch Đài
- Trụ sở Tiếp công dân huyện
"""


def test_word_table_pasted_as_text_multiline_cells():
    check(WORD_TABS_MULTILINE_CELLS, [
        ev("2025-05-12", "Chào cờ, giao ban đầu tuần", start_time="07:30", officials=["Hùng"],
           location="Hội trường UBND huyện"),
        ev("2025-05-12", "chuyển đổi số", start_time="14:00", officials=["Dũng"], location="Phòng họp trực tuyến"),
        ev("2025-05-13", "nông thôn mới", session="morning", officials=["Dũng"], location="Xã Thạch Đài"),
        ev("2025-05-13", "Tiếp công dân định kỳ", session="afternoon", officials=["Hùng"],
           location="Trụ sở Tiếp công dân huyện"),
    ])


# 3. Tab-separated text with "Buổi" and "Giờ" as separate columns, the day and the session written
#    only on the first row of their block, and the preparing unit in its own column.
TABS_BUOI_GIO_UNITS = """LỊCH LÀM VIỆC CỦA THƯỜNG TRỰC HĐND TỈNH
Tuần từ 12/5/2025 đến 16/5/2025
Ngày\tBuổi\tGiờ\tNội dung\tChủ trì\tĐơn vị chuẩn bị
Thứ Hai 12/5\tSáng\t8h00\tThường trực HĐND tỉnh họp giao ban tuần\tThường trực HĐND tỉnh\tVăn phòng Đoàn ĐBQH và HĐND tỉnh
\t\t10h00\tLàm việc với Ban Văn hóa - Xã hội về giám sát chuyên đề\tĐ/c Nguyễn Văn Hải, PCT HĐND tỉnh\tBan Văn hóa - Xã hội
\tChiều\t14h00\tThẩm tra tờ trình về bảng giá đất\tBan Kinh tế - Ngân sách\tSở Tài chính
Thứ Tư 14/5\tCả ngày\t\tGiám sát việc thực hiện chính sách bảo hiểm y tế tại huyện Phú Lộc\tĐ/c Nguyễn Văn Hải, PCT HĐND tỉnh\tBan Văn hóa - Xã hội
"""


def test_tabs_with_separate_session_and_time_columns():
    check(TABS_BUOI_GIO_UNITS, [
        ev("2025-05-12", "giao ban tuần", session="morning", start_time="08:00", officials=["Thường trực HĐND tỉnh"],
           units=["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]),
        ev("2025-05-12", "giám sát chuyên đề", session="morning", start_time="10:00", officials=["Nguyễn Văn Hải"],
           units=["Ban Văn hóa - Xã hội"]),
        ev("2025-05-12", "bảng giá đất", session="afternoon", start_time="14:00", officials=["Ban Kinh tế - Ngân sách"],
           units=["Sở Tài chính"]),
        ev("2025-05-14", "bảo hiểm y tế", session="all_day", start_time=None, officials=["Nguyễn Văn Hải"],
           units=["Ban Văn hóa - Xã hội"]),
    ])


# 4. Items spanning days inside the week: "Từ ngày 13-15/5:", "(từ ngày 14/5 đến hết ngày 16/5)".
RANGES_INSIDE_THE_WEEK = """LỊCH CÔNG TÁC TUẦN CỦA BAN GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI 12/5
- 7h30: Giám đốc Sở giao ban Ban Giám đốc.
THỨ BA 13/5
- Từ ngày 13-15/5: Phó Giám đốc Trần Quốc Việt đi kiểm tra công tác phòng chống dịch bệnh gia súc tại các huyện miền núi.
- 14h00: Giám đốc Sở làm việc với Chi cục Thủy lợi.
THỨ TƯ 14/5
- Cả ngày (từ ngày 14/5 đến hết ngày 16/5): Giám đốc Sở dự Hội nghị toàn quốc về phát triển nông nghiệp tại Hà Nội.
"""


def test_ranges_across_days_inside_the_week():
    check(RANGES_INSIDE_THE_WEEK, [
        ev("2025-05-12", "giao ban Ban Giám đốc", start_time="07:30", officials=["Giám đốc Sở"]),
        ev("2025-05-13", "dịch bệnh gia súc", end_date="2025-05-15", start_time=None, officials=["Trần Quốc Việt"]),
        ev("2025-05-13", "Chi cục Thủy lợi", end_date=None, start_time="14:00", officials=["Giám đốc Sở"]),
        ev("2025-05-14", "Hội nghị toàn quốc", end_date="2025-05-16", session="all_day", officials=["Giám đốc Sở"]),
    ])


# 5. One page listing two weeks, each under its own "TUẦN nn" heading.
TWO_WEEKS_ONE_PAGE = """LỊCH CÔNG TÁC CỦA THƯỜNG TRỰC HUYỆN ỦY
Tuần 20 (từ ngày 12/5 đến ngày 18/5/2025) và Tuần 21 (từ ngày 19/5 đến ngày 25/5/2025)

TUẦN 20
THỨ HAI (12/5)
- 7h30: Thường trực Huyện ủy giao ban.
THỨ NĂM (15/5)
- 8h00: Ban Thường vụ Huyện ủy họp thường kỳ.

TUẦN 21
THỨ HAI (19/5)
- 7h00: Thường trực Huyện ủy dâng hương tưởng niệm Chủ tịch Hồ Chí Minh nhân kỷ niệm 135 năm Ngày sinh của Người.
THỨ TƯ (21/5)
- 14h00: Thường trực Huyện ủy làm việc với Đảng ủy xã Tân Lập.
"""


def test_two_weeks_on_one_page():
    check(TWO_WEEKS_ONE_PAGE, [
        ev("2025-05-12", "giao ban", start_time="07:30", officials=["Thường trực Huyện ủy"]),
        ev("2025-05-15", "họp thường kỳ", start_time="08:00", officials=["Ban Thường vụ Huyện ủy"]),
        ev("2025-05-19", "dâng hương tưởng niệm", start_time="07:00", officials=["Thường trực Huyện ủy"]),
        ev("2025-05-21", "Đảng ủy xã Tân Lập", start_time="14:00", officials=["Thường trực Huyện ủy"]),
    ], period={"from": "2025-05-12", "to": "2025-05-25"})


# 6. A revised page: an "ĐIỀU CHỈNH, BỔ SUNG" section after Friday adds items to Tuesday, so the
#    days are out of order.
DAYS_OUT_OF_ORDER_ADDENDUM = """LỊCH LÀM VIỆC CỦA LÃNH ĐẠO UBND TỈNH
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI, 12/5/2025
- 8h00: Chủ tịch UBND tỉnh họp UBND tỉnh thường kỳ tháng 5. Địa điểm: Phòng họp số 1.
THỨ BA, 13/5/2025
- 8h00: Phó Chủ tịch UBND tỉnh Trần Hữu Thế dự Hội nghị sơ kết Chương trình mục tiêu quốc gia.
THỨ SÁU, 16/5/2025
- 14h00: Chủ tịch UBND tỉnh tiếp Đại sứ Nhật Bản. Địa điểm: Phòng khách UBND tỉnh.

ĐIỀU CHỈNH, BỔ SUNG:
THỨ BA, 13/5/2025
- 15h00: Chủ tịch UBND tỉnh làm việc với Tổng Công ty Cảng hàng không Việt Nam. Địa điểm: Phòng họp số 2.
"""


def test_days_out_of_order_after_an_addendum():
    check(DAYS_OUT_OF_ORDER_ADDENDUM, [
        ev("2025-05-12", "thường kỳ tháng 5", start_time="08:00", officials=["Chủ tịch UBND tỉnh"],
           location="Phòng họp số 1"),
        ev("2025-05-13", "Chương trình mục tiêu quốc gia", start_time="08:00", officials=["Trần Hữu Thế"]),
        ev("2025-05-16", "Đại sứ Nhật Bản", start_time="14:00", officials=["Chủ tịch UBND tỉnh"],
           location="Phòng khách UBND tỉnh"),
        ev("2025-05-13", "Cảng hàng không", start_time="15:00", officials=["Chủ tịch UBND tỉnh"],
           location="Phòng họp số 2"),
    ], period={"from": "2025-05-12", "to": "2025-05-16"})


# 7. A duty roster ("Lịch trực") after the schedule: one leader on duty each weekend day. The
#    roster must not run into Friday's item; each duty day is the leader's on that date.
DUTY_ROSTER_AFTER = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND THÀNH PHỐ
(Từ ngày 12/5/2025 đến ngày 18/5/2025)

THỨ HAI 12/5/2025
- 8h00: Chủ tịch UBND thành phố họp giao ban với các phòng, ban.
THỨ SÁU 16/5/2025
- 14h00: Phó Chủ tịch UBND thành phố Đỗ Minh Quân kiểm tra công tác vệ sinh môi trường.

LỊCH TRỰC LÃNH ĐẠO NGÀY NGHỈ
- Thứ Bảy 17/5/2025: Đ/c Đỗ Minh Quân, PCT UBND thành phố.
- Chủ nhật 18/5/2025: Đ/c Phan Thị Thu, PCT UBND thành phố.
"""


def test_duty_roster_after_the_schedule():
    check(DUTY_ROSTER_AFTER, [
        ev("2025-05-12", "giao ban với các phòng, ban", start_time="08:00", officials=["Chủ tịch UBND thành phố"]),
        ev("2025-05-16", "vệ sinh môi trường", title="Phó Chủ tịch UBND thành phố Đỗ Minh Quân kiểm tra công tác vệ sinh môi trường",
           start_time="14:00", officials=["Đỗ Minh Quân"]),
        ev("2025-05-17", "", start_time=None, officials=["Đỗ Minh Quân"]),
        ev("2025-05-18", "", start_time=None, officials=["Phan Thị Thu"]),
    ], period={"from": "2025-05-12", "to": "2025-05-18"})


# 8. A revised page with items called off: "(Hoãn)", "(Lùi lịch, thời gian báo sau)". A clerk
#    does not put a postponed meeting in anybody's calendar.
POSTPONED_ITEMS = """LỊCH LÀM VIỆC CỦA CHỦ TỊCH, CÁC PHÓ CHỦ TỊCH UBND TỈNH
Từ ngày 12/5 đến ngày 16/5/2025 (Điều chỉnh lần 2)

THỨ HAI 12/5
- 8 giờ, Chủ tịch UBND tỉnh họp Ban Thường vụ Tỉnh ủy. Điểm tại phòng họp số 1 Tỉnh ủy.
THỨ TƯ 14/5
- 8 giờ, Phó Chủ tịch Nguyễn Văn Sơn làm việc với Sở Công Thương về tình hình thực hiện dự án điện gió (Hoãn).
- 14 giờ, Chủ tịch UBND tỉnh tiếp Đoàn công tác của Bộ Tài chính (Lùi lịch, thời gian báo sau).
THỨ NĂM 15/5
- 9 giờ, Phó Chủ tịch Nguyễn Văn Sơn dự Hội nghị xúc tiến đầu tư. Điểm tại Trung tâm Hội nghị tỉnh.
"""


def test_postponed_items_are_not_events():
    check(POSTPONED_ITEMS, [
        ev("2025-05-12", "Ban Thường vụ Tỉnh ủy", start_time="08:00", officials=["Chủ tịch UBND tỉnh"],
           location="phòng họp số 1 Tỉnh ủy"),
        ev("2025-05-15", "xúc tiến đầu tư", start_time="09:00", officials=["Nguyễn Văn Sơn"],
           location="Trung tâm Hội nghị tỉnh"),
    ])


# 9. A commune's page typed all in capitals: "7H30", "SÁNG:", "ĐỊA ĐIỂM:".
UPPERCASE_PAGE = """UBND XÃ HÒA TIẾN
LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND XÃ
(TỪ NGÀY 12/5/2025 ĐẾN NGÀY 16/5/2025)

THỨ HAI - 12/5/2025
- 7H30: CHỦ TỊCH UBND XÃ CHÀO CỜ, GIAO BAN CÁN BỘ CÔNG CHỨC.
- 14H00: PHÓ CHỦ TỊCH UBND XÃ KIỂM TRA CÔNG TÁC VỆ SINH ĐỒNG RUỘNG TẠI THÔN 3.
THỨ BA - 13/5/2025
- SÁNG: CHỦ TỊCH UBND XÃ DỰ HỌP TẠI UBND HUYỆN.
- CHIỀU: TIẾP CÔNG DÂN ĐỊNH KỲ. ĐỊA ĐIỂM: PHÒNG TIẾP DÂN UBND XÃ.
"""


def test_page_in_capitals():
    check(UPPERCASE_PAGE, [
        ev("2025-05-12", "CHÀO CỜ, GIAO BAN", start_time="07:30", officials=["CHỦ TỊCH UBND XÃ"]),
        ev("2025-05-12", "VỆ SINH ĐỒNG RUỘNG", start_time="14:00", officials=["PHÓ CHỦ TỊCH UBND XÃ"]),
        ev("2025-05-13", "DỰ HỌP TẠI UBND HUYỆN", session="morning", start_time=None, officials=["CHỦ TỊCH UBND XÃ"]),
        ev("2025-05-13", "TIẾP CÔNG DÂN ĐỊNH KỲ", title="TIẾP CÔNG DÂN ĐỊNH KỲ", session="afternoon",
           officials=[], location="PHÒNG TIẾP DÂN UBND XÃ"),
    ], period={"from": "2025-05-12", "to": "2025-05-16"})


# 10. Typing slips: lower-case weekday, no space after the comma, a space inside the time
#     ("7 h 30", "14h 00", "8h00 :"), "Đ/C", a time without a colon after it.
TYPING_SLIPS = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND THỊ TRẤN
Từ ngày 12/5/2025 đến ngày 16/5/2025

thứ hai, 12/5
- 7 h 30: Chủ tịch UBND thị trấn chào cờ đầu tuần.
- 14h 00: Đ/C Nguyễn Văn Tú - PCT UBND thị trấn họp tổ dân phố số 5.
Thứ ba,13/5
- 8h00 : Chủ tịch UBND thị trấn dự họp giao ban tại huyện.
Thứ Tư , 14/5
- 8h30 Chủ tịch UBND thị trấn kiểm tra trường mầm non Hoa Sen.
"""


def test_typing_slips():
    check(TYPING_SLIPS, [
        ev("2025-05-12", "chào cờ đầu tuần", start_time="07:30", officials=["Chủ tịch UBND thị trấn"]),
        ev("2025-05-12", "tổ dân phố số 5", start_time="14:00", officials=["Nguyễn Văn Tú"]),
        ev("2025-05-13", "giao ban tại huyện", start_time="08:00", officials=["Chủ tịch UBND thị trấn"]),
        ev("2025-05-14", "mầm non Hoa Sen", start_time="08:30", officials=["Chủ tịch UBND thị trấn"]),
    ])


# 11. Time ranges and all-day items with their start: "07h30-11h30", "13h30 - 17h00",
#     "Cả ngày (7h30)", "Từ 19h00".
TIME_RANGES_AND_ALL_DAY_START = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO SỞ GIÁO DỤC VÀ ĐÀO TẠO
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI, NGÀY 12/5/2025
- 07h30-11h30: Giám đốc Sở chủ trì họp Hội đồng tuyển sinh lớp 10. Địa điểm: Phòng họp Sở.
- 13h30 - 17h00: Phó Giám đốc Sở Lê Văn Thành kiểm tra công tác chuẩn bị thi tại các trường THPT.
THỨ BA, NGÀY 13/5/2025
- Cả ngày (7h30): Giám đốc Sở dự Hội nghị tổng kết năm học tại Bộ Giáo dục và Đào tạo.
- Từ 19h00: Phó Giám đốc Sở Lê Văn Thành dự Lễ tuyên dương học sinh giỏi. Địa điểm: Nhà văn hóa tỉnh.
"""


def test_time_ranges_and_all_day_with_start():
    check(TIME_RANGES_AND_ALL_DAY_START, [
        ev("2025-05-12", "tuyển sinh lớp 10", start_time="07:30", officials=["Giám đốc Sở"], location="Phòng họp Sở"),
        ev("2025-05-12", "chuẩn bị thi", start_time="13:30", officials=["Lê Văn Thành"]),
        ev("2025-05-13", "tổng kết năm học", session="all_day", start_time="07:30", officials=["Giám đốc Sở"]),
        ev("2025-05-13", "tuyên dương học sinh giỏi", start_time="19:00", officials=["Lê Văn Thành"],
           location="Nhà văn hóa tỉnh"),
    ])


# 12. A commune's page: the date before the weekday ("Ngày 12/5/2025 (Thứ Hai):"), a date spelled
#     out ("Ngày 13 tháng 5 năm 2025"), the week named by its number only.
DATE_FIRST_HEADINGS = """ĐẢNG ỦY - HĐND - UBND XÃ PHÚ AN
LỊCH LÀM VIỆC TUẦN 20 NĂM 2025

Ngày 12/5/2025 (Thứ Hai):
- Sáng: Đ/c Bí thư Đảng ủy xã dự giao ban Đảng ủy.
- Chiều: Đ/c Phó Chủ tịch UBND xã tiếp công dân.
Ngày 13 tháng 5 năm 2025 (Thứ Ba):
- 8h00: Đ/c Chủ tịch HĐND xã làm việc với các tổ đại biểu HĐND.
"""


def test_date_first_and_spelled_out_headings():
    check(DATE_FIRST_HEADINGS, [
        ev("2025-05-12", "giao ban Đảng ủy", session="morning", officials=["Bí thư Đảng ủy xã"]),
        ev("2025-05-12", "tiếp công dân", session="afternoon", officials=["Phó Chủ tịch UBND xã"]),
        ev("2025-05-13", "tổ đại biểu HĐND", start_time="08:00", officials=["Chủ tịch HĐND xã"]),
    ], period={"from": "2025-05-12"})


# 13. A page saved by a CMS in decomposed Unicode (NFD: base letters and combining marks).
NFD_PAGE = unicodedata.normalize("NFD", """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND HUYỆN
(Từ ngày 12/5/2025 đến ngày 16/5/2025)

THỨ HAI, 12/5/2025
- 7h30: Chủ tịch UBND huyện dự chào cờ đầu tuần. Địa điểm: Hội trường UBND huyện.
- 14h00: Phó Chủ tịch UBND huyện Võ Thị Hường làm việc với Phòng Tài nguyên và Môi trường.
THỨ TƯ, 14/5/2025
- Sáng: Chủ tịch UBND huyện tiếp công dân định kỳ.
""")


def test_decomposed_unicode_page():
    check(NFD_PAGE, [
        ev("2025-05-12", "chào cờ đầu tuần", start_time="07:30", officials=["Chủ tịch UBND huyện"],
           location="Hội trường UBND huyện"),
        ev("2025-05-12", "Phòng Tài nguyên và Môi trường", start_time="14:00", officials=["Võ Thị Hường"]),
        ev("2025-05-14", "tiếp công dân định kỳ", session="morning", officials=["Chủ tịch UBND huyện"]),
    ], period={"from": "2025-05-12", "to": "2025-05-16"})


# 14. An HTML table whose cells hold several items as <p> paragraphs, with the leaders and the
#     preparing units ("Đơn vị chuẩn bị") as matching paragraphs in their own columns.
HTML_PARAGRAPH_CELLS_UNITS = """<html><head><meta charset="utf-8"></head><body>
<p style="text-align:center"><strong>LỊCH CÔNG TÁC TUẦN CỦA BAN GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG</strong></p>
<p style="text-align:center"><em>Từ ngày 12/5/2025 đến ngày 16/5/2025</em></p>
<table border="1">
<tbody>
<tr><td><strong>Thứ, ngày</strong></td><td><strong>Nội dung</strong></td><td><strong>Lãnh đạo</strong></td><td><strong>Đơn vị chuẩn bị</strong></td></tr>
<tr><td>Thứ 2<br/>12/05/2025</td>
<td><p>- 7h30: Giao ban Ban Giám đốc</p><p>- 14h00: Họp thẩm định phương án đóng cửa mỏ đá Núi Ông</p></td>
<td><p>Giám đốc</p><p>PGĐ Nguyễn Đình Khang</p></td>
<td><p>Văn phòng Sở</p><p>Phòng Khoáng sản</p></td></tr>
<tr><td>Thứ 4<br/>14/05/2025</td>
<td><p>- 8h00: Kiểm tra công tác bảo vệ môi trường tại Khu công nghiệp Nam Cấm</p></td>
<td><p>PGĐ Nguyễn Đình Khang</p></td>
<td><p>Chi cục Bảo vệ môi trường</p></td></tr>
</tbody></table></body></html>
"""


def test_html_cells_of_paragraphs_with_units_column():
    check(HTML_PARAGRAPH_CELLS_UNITS, [
        ev("2025-05-12", "Giao ban Ban Giám đốc", start_time="07:30", officials=["Giám đốc"], units=["Văn phòng Sở"]),
        ev("2025-05-12", "mỏ đá Núi Ông", start_time="14:00", officials=["Nguyễn Đình Khang"], units=["Phòng Khoáng sản"]),
        ev("2025-05-14", "Khu công nghiệp Nam Cấm", start_time="08:00", officials=["Nguyễn Đình Khang"],
           units=["Chi cục Bảo vệ môi trường"]),
    ], period={"from": "2025-05-12", "to": "2025-05-16"}, source="week.html")


# 15. A schedule kept in a spreadsheet and copied as text: tab-separated, a cell holding line
#     breaks is quoted ("Thứ Hai\\n12/5"), as Excel and Google Sheets copy it.
SPREADSHEET_QUOTED_CELLS = """LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND QUẬN
Từ ngày 12/5/2025 đến ngày 16/5/2025
Ngày\tThời gian\tNội dung\tChủ trì\tĐịa điểm
"Thứ Hai
12/5"\t8h00\tHọp giao ban UBND quận\tChủ tịch UBND quận\tPhòng họp A
\t14h00\t"Làm việc với Ban Quản lý dự án
về tiến độ xây dựng trường Tiểu học Lê Lợi"\t"Đ/c Phạm Văn Đông,
PCT UBND quận"\tTrường Tiểu học Lê Lợi
"Thứ Ba
13/5"\t7h30\tTiếp công dân định kỳ\tChủ tịch UBND quận\tTrụ sở Tiếp công dân quận
"""


def test_spreadsheet_copy_with_quoted_multiline_cells():
    check(SPREADSHEET_QUOTED_CELLS, [
        ev("2025-05-12", "giao ban UBND quận", title="Họp giao ban UBND quận", start_time="08:00",
           officials=["Chủ tịch UBND quận"], location="Phòng họp A"),
        ev("2025-05-12", "Ban Quản lý dự án",
           title="Làm việc với Ban Quản lý dự án về tiến độ xây dựng trường Tiểu học Lê Lợi", start_time="14:00",
           officials=["Phạm Văn Đông"], location="Trường Tiểu học Lê Lợi"),
        ev("2025-05-13", "Tiếp công dân định kỳ", title="Tiếp công dân định kỳ", start_time="07:30",
           officials=["Chủ tịch UBND quận"], location="Trụ sở Tiếp công dân quận"),
    ])


# 16. An HTML table with a day cell covering two days ("Thứ 5, 6<br>(15-16/5)"): the HĐND session.
HTML_DAY_SPAN_CELL = """<html><body>
<h3>LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC HĐND TỈNH (Từ ngày 12/5/2025 đến ngày 16/5/2025)</h3>
<table border="1">
<tr><th>Thứ, ngày</th><th>Thời gian</th><th>Nội dung</th><th>Chủ trì</th><th>Địa điểm</th></tr>
<tr><td>Thứ 2<br>(12/5)</td><td>8h00</td><td>Họp chuẩn bị Kỳ họp thứ 25 HĐND tỉnh khóa XVII</td><td>Thường trực HĐND tỉnh</td><td>Phòng họp HĐND tỉnh</td></tr>
<tr><td>Thứ 5, 6<br>(15-16/5)</td><td>7h30</td><td>Kỳ họp thứ 25 HĐND tỉnh khóa XVII</td><td>Thường trực HĐND tỉnh</td><td>Hội trường Trung tâm Hội nghị tỉnh</td></tr>
</table></body></html>
"""


def test_html_day_cell_covering_two_days():
    check(HTML_DAY_SPAN_CELL, [
        ev("2025-05-12", "Họp chuẩn bị Kỳ họp", start_time="08:00", officials=["Thường trực HĐND tỉnh"],
           location="Phòng họp HĐND tỉnh"),
        ev("2025-05-15", "Kỳ họp thứ 25", title="Kỳ họp thứ 25 HĐND tỉnh khóa XVII", end_date="2025-05-16",
           start_time="07:30", officials=["Thường trực HĐND tỉnh"], location="Hội trường Trung tâm Hội nghị tỉnh"),
    ], source="week.html")


# 17. No day headings: numbered items, each carrying its own time, session and day
#     ("8h00 sáng thứ Hai (12/5):"), as HĐND offices announce their week.
DATE_IN_EACH_ITEM = """LỊCH HOẠT ĐỘNG CỦA THƯỜNG TRỰC HĐND THÀNH PHỐ TUẦN TỪ NGÀY 12/5 ĐẾN NGÀY 16/5/2025

1. 8h00 sáng thứ Hai (12/5): Thường trực HĐND thành phố giao ban với các Ban HĐND.
2. 14h00 chiều thứ Hai (12/5): Thường trực HĐND thành phố làm việc với UBND phường Hải Châu.
3. Sáng thứ Tư (14/5): Ban Pháp chế HĐND thành phố giám sát tại Công an thành phố.
4. Thứ Sáu (16/5): Thường trực HĐND thành phố tiếp công dân định kỳ.
"""


def test_date_inside_each_numbered_item():
    check(DATE_IN_EACH_ITEM, [
        ev("2025-05-12", "giao ban với các Ban HĐND", session="morning", start_time="08:00",
           officials=["Thường trực HĐND thành phố"]),
        ev("2025-05-12", "phường Hải Châu", session="afternoon", start_time="14:00",
           officials=["Thường trực HĐND thành phố"]),
        ev("2025-05-14", "Công an thành phố", session="morning", start_time=None,
           officials=["Ban Pháp chế HĐND thành phố"]),
        ev("2025-05-16", "tiếp công dân định kỳ", session=None, start_time=None,
           officials=["Thường trực HĐND thành phố"]),
    ], period={"from": "2025-05-12", "to": "2025-05-16"})


# 18. An e-office export: one row per event, no day column, the date and time together in the
#     "Thời gian" cell ("08:00 12/05/2025"), a numbering column.
EOFFICE_DATETIME_ROWS = """<html><head><meta charset="utf-8"></head><body>
<div class="portlet-title">Lịch công tác tuần của Lãnh đạo Sở Tư pháp</div>
<div class="week">Tuần 20: 12/05/2025 - 18/05/2025</div>
<table class="table table-striped">
<thead><tr><th>STT</th><th>Thời gian</th><th>Nội dung</th><th>Địa điểm</th><th>Chủ trì</th><th>Thành phần</th></tr></thead>
<tbody>
<tr><td>1</td><td>08:00 12/05/2025</td><td>Giao ban lãnh đạo Sở</td><td>Phòng họp Sở</td><td>Giám đốc Sở</td><td>Trưởng các phòng</td></tr>
<tr><td>2</td><td>14:00 12/05/2025</td><td>Họp Hội đồng phối hợp phổ biến, giáo dục pháp luật</td><td>Hội trường UBND tỉnh</td><td>PGĐ Huỳnh Văn Lực</td><td>Thành viên Hội đồng</td></tr>
<tr><td>3</td><td>07:30 14/05/2025</td><td>Kiểm tra công tác chứng thực tại UBND huyện Tuy An</td><td>UBND huyện Tuy An</td><td>PGĐ Huỳnh Văn Lực</td><td>Phòng Hành chính tư pháp</td></tr>
</tbody></table></body></html>
"""


def test_eoffice_rows_with_date_and_time_in_one_cell():
    check(EOFFICE_DATETIME_ROWS, [
        ev("2025-05-12", "Giao ban lãnh đạo Sở", title="Giao ban lãnh đạo Sở", start_time="08:00",
           officials=["Giám đốc Sở"], location="Phòng họp Sở"),
        ev("2025-05-12", "phổ biến, giáo dục pháp luật", start_time="14:00", officials=["Huỳnh Văn Lực"],
           location="Hội trường UBND tỉnh"),
        ev("2025-05-14", "chứng thực", start_time="07:30", officials=["Huỳnh Văn Lực"], location="UBND huyện Tuy An"),
    ], period={"from": "2025-05-12", "to": "2025-05-18"}, source="week.html")


# 19. A Sở portal's schedule module: one row per event, the time and the day together in a
#     "Ngày, giờ" cell ("08h00 ngày 12/5/2025"), leaders in a "Chủ trì" column.
TIME_BEFORE_DATE_CELL = """<html><head><meta charset="utf-8"></head><body>
<h2>Lịch công tác tuần của Lãnh đạo Sở Văn hóa, Thể thao và Du lịch (Từ ngày 12/5/2025 đến ngày 18/5/2025)</h2>
<table border="1">
<tr><th>STT</th><th>Ngày, giờ</th><th>Nội dung</th><th>Chủ trì</th><th>Địa điểm</th></tr>
<tr><td>1</td><td>08h00 ngày 12/5/2025</td><td>Giao ban Ban Giám đốc Sở</td><td>Giám đốc Sở</td><td>Phòng họp Sở</td></tr>
<tr><td>2</td><td>15h00 ngày 13/5/2025</td><td>Duyệt chương trình nghệ thuật kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh</td><td>PGĐ Trần Thị Nga</td><td>Nhà hát tỉnh</td></tr>
<tr><td>3</td><td>07h30 ngày 16/5/2025</td><td>Khai mạc Giải Việt dã truyền thống</td><td>Giám đốc Sở</td><td>Quảng trường tỉnh</td></tr>
</table></body></html>
"""


def test_time_and_day_in_one_cell_time_first():
    check(TIME_BEFORE_DATE_CELL, [
        ev("2025-05-12", "Giao ban Ban Giám đốc Sở", start_time="08:00", officials=["Giám đốc Sở"],
           location="Phòng họp Sở"),
        ev("2025-05-13", "Duyệt chương trình nghệ thuật", start_time="15:00", officials=["Trần Thị Nga"],
           location="Nhà hát tỉnh"),
        ev("2025-05-16", "Giải Việt dã", start_time="07:30", officials=["Giám đốc Sở"], location="Quảng trường tỉnh"),
    ], period={"from": "2025-05-12", "to": "2025-05-18"}, source="week.html")


# 20. A weekly Word table's text layer as a PDF viewer copies it: every line followed by a blank line,
#     the narrow day cell written over lines ("Thứ Hai," / "ngày" / "15/6/2026"), the header's labels
#     wrapped ("Đơn vị chuẩn" / "bị"), and each row's content running on into its unit and leader lines.
WEEKLY_LAYER = "".join(line + " \n\n" for line in """UBND HUYỆN KRÔNG BÔNG
LỊCH LÀM VIỆC
(Từ ngày 15/06/2026 đến ngày 20/06/2026)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Hai,
ngày
15/6/2026
Sáng: 7h30: Họp giao ban Thường trực
UBND huyện
Chiều: 14h00: Làm việc với Phòng Tài
nguyên và Môi trường về cấp giấy chứng
nhận quyền sử dụng đất
Phòng Tài
nguyên và
Môi trường
Đ/c Nguyễn Văn
Bình - PCT
Thứ Ba, ngày
16/6/2026
Cả ngày: Kiểm tra tiến độ xây dựng nông
thôn mới tại xã Cư Pui, xã Hòa Phong
Phòng Nông
nghiệp và
PTNT
Đ/c Trần Thị
Mai - PCT""".split("\n"))


def test_a_weekly_table_text_layer_with_narrow_day_cells():
    check(WEEKLY_LAYER, [
        ev("2026-06-15", "Họp giao ban Thường trực", session="morning", start_time="07:30"),
        ev("2026-06-15", "quyền sử dụng đất", title="Làm việc với Phòng Tài nguyên và Môi trường về cấp giấy chứng nhận quyền sử dụng đất",
           session="afternoon", start_time="14:00"),
        ev("2026-06-16", "nông thôn mới", title="Kiểm tra tiến độ xây dựng nông thôn mới tại xã Cư Pui, xã Hòa Phong",
           session="all_day", officials=["Trần Thị Mai"], units=["Phòng Nông nghiệp và PTNT"]),
    ], period={"from": "2026-06-15", "to": "2026-06-20"})


# A hospital's weekly table as a PDF text layer: header Ngày | Nội dung | Đơn vị chuẩn bị | Người
# chủ trì, day cells over three lines, rows whose item wraps once, then only a leader (no unit), and a
# row whose leader the layer ran onto the item's line.
HOSPITAL_LAYER = """BỆNH VIỆN ĐA KHOA TỈNH
LỊCH CÔNG TÁC TUẦN
(Từ ngày 15/06/2026 đến ngày 20/06/2026)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Hai,
ngày
15/6/2026
Sáng: 7h30: Giao ban Ban Giám đốc. Địa
điểm: Phòng họp số 1
Phòng Kế hoạch
tổng hợp
Giám đốc
Thứ Tư,
ngày
17/6/2026
Cả ngày: Dự Hội nghị sơ kết 6 tháng đầu
năm ngành Y tế. Địa điểm: Sở Y tế
Giám đốc
Thứ Sáu,
ngày
19/6/2026
Chiều: 15h00: Họp Ban Chấp hành Đảng
bộ bệnh viện. Địa điểm: Hội trường B
Văn phòng
Đảng ủy
Bí thư Đảng ủy
Thứ Bảy,
ngày
20/6/2026
- Trực lãnh đạo Đ/c Ngô Đức
Hải - PGĐ
"""


def test_a_weekly_layer_row_wrapped_once_with_a_leader_only():
    check(HOSPITAL_LAYER, [
        ev("2026-06-15", "Giao ban", session="morning", start_time="07:30", officials=["Giám đốc"],
           units=["Phòng Kế hoạch tổng hợp"], location="Phòng họp số 1"),
        ev("2026-06-17", "sơ kết", title="Dự Hội nghị sơ kết 6 tháng đầu năm ngành Y tế", session="all_day",
           officials=["Giám đốc"], units=[], location="Sở Y tế"),
        ev("2026-06-19", "Ban Chấp hành", title="Họp Ban Chấp hành Đảng bộ bệnh viện", session="afternoon",
           start_time="15:00", officials=["Bí thư Đảng ủy"], units=["Văn phòng Đảng ủy"], location="Hội trường B"),
        ev("2026-06-20", "Trực lãnh đạo", title="Trực lãnh đạo", officials=["Ngô Đức Hải"], units=[]),
    ], period={"from": "2026-06-15", "to": "2026-06-20"})


# A UBND week as a PDF text layer: the item's place ends the content ("Địa điểm: phòng họp số 3
# Tỉnh ủy"), then the leader "Đ/c Hồ Thu Ánh" whose title the cell wrapped with its dash ("- TUV, PBT").
UBND_LAYER = """UBND TỈNH HẬU GIANG
LỊCH LÀM VIỆC
(Từ ngày 14/03/2022 đến ngày 18/03/2022)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Hai,
ngày
14/3/2022
- 8h00: Phó Chủ tịch Hồ Thu Ánh dự Hội
thảo Khoa học về an ninh trật tự ở cơ sở,
do Bộ Công an tổ chức. Địa điểm: Hội
trường trực tuyến Công an tỉnh
- 14h00: Chủ tịch họp Thường trực Tỉnh
ủy. Địa điểm: phòng họp số 3 Tỉnh ủy
Đ/c Hồ Thu Ánh
- TUV, PBT
Chủ tịch
"""


def test_a_leader_after_the_place_and_a_title_wrapped_with_its_dash():
    check(UBND_LAYER, [
        ev("2022-03-14", "Hội thảo", start_time="08:00", officials=["Hồ Thu Ánh"], units=[],
           location="Hội trường trực tuyến Công an tỉnh"),
        ev("2022-03-14", "Thường trực Tỉnh ủy", title="Chủ tịch họp Thường trực Tỉnh ủy", start_time="14:00",
           officials=["Chủ tịch"], units=[], location="phòng họp số 3 Tỉnh ủy"),
    ], period={"from": "2022-03-14", "to": "2022-03-18"})


# A district week as a PDF text layer cut by a page inside a row: the item's "Địa điểm:" ends the first
# page, its leaders follow there, then the header repeats (wrapped labels) and the place goes on.
PAGE_CUT_LAYER = """UBND HUYỆN KRÔNG NÔ
LỊCH CÔNG TÁC TUẦN
(Từ ngày 10/06/2019 đến ngày 14/06/2019)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Năm,
ngày
13/6/2019
- 7h30: Giao ban công tác tháng 5, nhiệm
vụ trọng tâm tháng 6. Địa điểm: Hội
trường UBND huyện
- 13h30: Hội nghị tổng kết sản xuất vụ
Đông xuân, triển khai sản xuất vụ Hè
thu. Địa điểm:
Đ/c Nguyễn
Xuân Danh -
PGĐ, Đ/c Trần
Đăng Ánh - PGĐ
Đ/c Trần Đăng
Ánh - PGĐ
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Hội trường UBND huyện
Thứ Sáu,
ngày
14/6/2019
- 8h00: Kiểm tra Chương trình xây dựng
nông thôn mới tại xã Quảng Phú
Đ/c Trần Đăng
Ánh - PGĐ
- 14h00: Họp Ban Chỉ đạo 389 huyện
Đ/c Nguyễn Xuân Danh - PGĐ
"""


def test_a_weekly_layer_row_cut_by_the_page_after_its_place_label():
    check(PAGE_CUT_LAYER, [
        ev("2019-06-13", "Giao ban", start_time="07:30", officials=["Nguyễn Xuân Danh", "Trần Đăng Ánh"],
           location="Hội trường UBND huyện"),
        ev("2019-06-13", "Đông xuân", start_time="13:30", officials=["Trần Đăng Ánh"], location="Hội trường UBND huyện"),
        ev("2019-06-14", "nông thôn mới", start_time="08:00", officials=["Trần Đăng Ánh"]),
        ev("2019-06-14", "Ban Chỉ đạo 389", start_time="14:00", officials=["Nguyễn Xuân Danh"], units=[]),
    ], period={"from": "2019-06-10", "to": "2019-06-14"})


# A district's week as a PDF text layer with rows of several days written with their day numbers
# alone ("18-19"), as a monthly program writes them, among the dated day cells; one such item's line
# wraps after a comma into a place named like a body ("Thành phố Hồ Chí Minh").
SPAN_LAYER = """UBND HUYỆN KRÔNG BÔNG
LỊCH LÀM VIỆC
(Từ ngày 15/06/2026 đến ngày 21/06/2026)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Tư, ngày
17/6/2026
Sáng: 8h00: Dự Hội nghị trực tuyến toàn
quốc về phòng, chống thiên tai
Đ/c Ngô Đức
Hải - CT
18-19 - Đi công tác tại tỉnh Khánh Hòa Đ/c Nguyễn Văn
Bình - PCT
Thứ Sáu,
ngày
19/6/2026
Sáng: 8h30: Họp Hội đồng bồi thường dự
án đường giao thông liên xã
Đ/c Trần Thị
Mai - PCT
20-21 - Đi công tác tại Bệnh viện Chợ Rẫy,
Thành phố Hồ Chí Minh
Giám đốc
"""


def test_a_weekly_layer_row_of_days_written_by_their_numbers_alone():
    check(SPAN_LAYER, [
        ev("2026-06-17", "thiên tai", session="morning", start_time="08:00", officials=["Ngô Đức Hải"]),
        ev("2026-06-18", "Khánh Hòa", title="Đi công tác tại tỉnh Khánh Hòa", end_date="2026-06-19",
           officials=["Nguyễn Văn Bình"]),
        ev("2026-06-19", "bồi thường", officials=["Trần Thị Mai"]),
        ev("2026-06-20", "Chợ Rẫy", title="Đi công tác tại Bệnh viện Chợ Rẫy, Thành phố Hồ Chí Minh",
           end_date="2026-06-21", officials=["Giám đốc"], units=[]),
    ], period={"from": "2026-06-15", "to": "2026-06-21"})


def test_day_numbers_inside_an_item_or_a_quantity_open_no_row():
    head = dayblocks._Head(0, 1, "17/6/2026", None, None, "")
    span = dayblocks._bare_span("18-19 - Đi công tác tại tỉnh Khánh Hòa", "Hải - CT", head)
    assert span is not None and (span.date, span.rest) == ("18-19/6/2026", "- Đi công tác tại tỉnh Khánh Hòa")
    assert dayblocks._bare_span("18-19 - Tại huyện Lắk", "Hội nghị tổ chức vào ngày", head) is None  # a date the item names
    assert dayblocks._bare_span("18-20 người dự", "Sáng: Tập huấn", head) is None  # a count
    assert dayblocks._bare_span("8-10 giờ", "Sáng: Tập huấn", dayblocks._Head(0, 1, "7/6/2026", None, None, "")) is None
    assert dayblocks._bare_span("12-13 - Hội thảo", "Hải - CT", head) is None  # before the day above
    assert dayblocks._bare_span("28-30 - Hội thảo", "Hải - CT", head) is None  # beyond its week


def test_a_week_heading_naming_two_days_dates_both():
    page = """LỊCH CÔNG TÁC TUẦN
(Từ ngày 15/6/2026 đến ngày 21/6/2026)
THỨ TƯ, 17/6/2026
- 8h00: Giám đốc dự Hội nghị trực tuyến về chuyển đổi số
THỨ NĂM, THỨ SÁU, 18-19/6/2026
- Giám đốc đi công tác tại tỉnh Khánh Hòa
"""
    check(page, [
        ev("2026-06-17", "chuyển đổi số", end_date=None),
        ev("2026-06-18", "Khánh Hòa", end_date="2026-06-19"),
    ])


# A district's week as a PDF text layer whose first row is a course spanning weeks, its day cell a
# range wrapped over two lines ("Từ 4/6 đến" / "5/7/2019"), its place wrapped so that the last word of
# a city's name stands alone ("… Thành phố Hồ Chí" / "Minh"). The title's own range names the week.
RANGE_LAYER = """UBND HUYỆN KRÔNG NÔ
LỊCH CÔNG TÁC TUẦN
Từ ngày 10/06/2019 đến ngày 14/06/2019
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Từ 4/6 đến
5/7/2019
- Tham gia Lớp Bồi dưỡng cán bộ lãnh
đạo, quản lý cấp huyện năm 2019. Địa
điểm: Phân viện Học viện Hành chính
quốc gia tại Thành phố Hồ Chí
Minh
Đ/c Ngô Xuân
Đông - PBT
Thứ Hai,
ngày
10/6/2019
- 7h30: Giao ban Thường trực Huyện ủy.
Địa điểm: Huyện ủy
Văn phòng
Huyện ủy
Đ/c Trần Đăng
Ánh - PGĐ
"""


def test_a_weekly_layer_row_of_a_range_wrapped_in_its_day_cell():
    check(RANGE_LAYER, [
        ev("2019-06-04", "Bồi dưỡng", end_date="2019-07-05", officials=["Ngô Xuân Đông"], units=[],
           location="Phân viện Học viện Hành chính quốc gia tại Thành phố Hồ Chí Minh"),
        ev("2019-06-10", "Giao ban", start_time="07:30", officials=["Trần Đăng Ánh"], units=["Văn phòng Huyện ủy"],
           location="Huyện ủy"),
    ], period={"from": "2019-06-10", "to": "2019-06-14"})


def test_a_range_with_an_item_after_it_is_no_day_cell():
    paras = list(enumerate(["Từ 08/4 đến 14/4/2019", "Từ ngày 16 đến ngày 20/4/2019:", "Từ thứ 2 đến thứ 4",
                            "Từ 4/6 đến", "5/7/2019", "Từ ngày 16 đến 18/4: Tập huấn nghiệp vụ"], 1))
    assert dayblocks._range_cell(paras, 0) == ("Từ 08/4 đến 14/4/2019", 1)
    assert dayblocks._range_cell(paras, 1) == ("Từ ngày 16 đến ngày 20/4/2019:", 2)
    assert dayblocks._range_cell(paras, 2) == ("Từ thứ 2 đến thứ 4", 3)
    assert dayblocks._range_cell(paras, 3) == ("Từ 4/6 đến 5/7/2019", 5)
    assert dayblocks._range_cell(paras, 5) is None


# A department's week as a PDF text layer whose only side column is "Người chủ trì": one cell names
# bodies ("TT HĐND", "Phòng HC-VTLT," / "Trung tâm LTLS"), one two people with no line between them
# ("Đ/c Thanh -" / "TUV, PBT, Đ/c" / "Thân - TUV, PBT"); a day whose item lines all open in capitals
# ("Hội thánh Tin lành …"), its leader's name wrapped under a full line ("Đ/c Đoàn Văn" / "Tân - GĐ Sở").
LEADERS_ONLY_LAYER = """SỞ NỘI VỤ TỈNH ĐẮK NÔNG
LỊCH CÔNG TÁC
(Từ ngày 24/06/2019 đến ngày 30/06/2019)
Ngày Nội dung công việc Người chủ trì
Thứ Hai,
ngày
24/6/2019
- 7h30: Giao ban Thường trực HĐND.
Địa điểm: HT tầng 2
- 9h00: Họp để thống nhất đề cương chi
tiết phần xây dựng Đảng. Địa điểm:
Phòng họp số 01, VP Tỉnh ủy
TT HĐND
Đ/c Thanh -
TUV, PBT, Đ/c
Thân - TUV, PBT
24-28 - Kiểm tra công tác văn thư lưu trữ. Địa
điểm: Sở Xây dựng
Phòng HC-VTLT,
Trung tâm LTLS
Thứ Ba, ngày
25/6/2019
- 8h00: Gặp mặt đại biểu dự Đại hội đồng
Hội thánh Tin lành Việt Nam. Địa điểm:
Ban Tôn giáo
- 13h30: Làm việc với đoàn kiểm tra của
Sở Xây dựng về vi phạm trật tự xây dựng
Đ/c Đoàn Văn
Tân - GĐ Sở
Đ/c Sinh - PCT
Thứ Tư, ngày
26/6/2019
- 8h00: Khai mạc lớp tập huấn chuyên
ngành văn thư. Địa điểm: Hội trường tổ
dân phố 3
Đ/c Đoàn Văn
Quỳnh - GĐ Sở
"""


def test_a_weekly_layer_whose_only_side_is_the_leader_column():
    check(LEADERS_ONLY_LAYER, [
        ev("2019-06-24", "Giao ban Thường trực", officials=["TT HĐND"], location="HT tầng 2"),
        ev("2019-06-24", "đề cương", officials=["Thanh", "Thân"], location="Phòng họp số 01, VP Tỉnh ủy"),
        ev("2019-06-24", "văn thư lưu trữ", end_date="2019-06-28", officials=["Phòng HC-VTLT", "Trung tâm LTLS"],
           location="Sở Xây dựng"),
        ev("2019-06-25", "Tin lành", title="Gặp mặt đại biểu dự Đại hội đồng Hội thánh Tin lành Việt Nam",
           officials=["Đoàn Văn Tân"], location="Ban Tôn giáo"),
        ev("2019-06-25", "trật tự xây dựng", title="Làm việc với đoàn kiểm tra của Sở Xây dựng về vi phạm trật tự xây dựng",
           officials=["Sinh"], location=None),
        ev("2019-06-26", "tập huấn", officials=["Đoàn Văn Quỳnh"], location="Hội trường tổ dân phố 3"),
    ])


# A school's week as a PDF text layer: its leaders written as the school names them ("Ban Giám hiệu",
# "Hiệu trưởng"), a school year's range broken at its dash ("năm học 2026" / "- 2027. Địa điểm: …").
SCHOOL_LAYER = """TRƯỜNG ĐẠI HỌC SƯ PHẠM
LỊCH CÔNG TÁC
(Từ ngày 07/09/2026 đến ngày 13/09/2026)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Hai,
ngày
7/9/2026
Sáng: 7h30: Lễ khai giảng năm học 2026
- 2027. Địa điểm: Sân trường
Chiều: 14h00: Họp Hội đồng Khoa học
và Đào tạo (phiên thứ nhất). Địa điểm:
Phòng họp số 2, nhà A1
Phòng Công
tác sinh viên,
Đoàn Thanh
niên
Phòng Đào
tạo
Ban Giám hiệu
Đ/c Nguyễn
Thanh Bình -
PHT
Thứ Sáu,
ngày
11/9/2026
Sáng: 9h00: Tiếp Đoàn công tác Trường
Đại học Quốc gia Lào. Địa điểm: Phòng
khách, nhà A1
Chiều: 14h00: Họp Ban Chấp hành Đảng
bộ Trường mở rộng. Địa điểm: Phòng
họp số 1
Phòng Hợp
tác quốc tế
Văn phòng
Đảng ủy
Hiệu trưởng
Bí thư Đảng ủy
"""


def test_a_schools_week_with_its_own_leaders():
    check(SCHOOL_LAYER, [
        ev("2026-09-07", "khai giảng", title="Lễ khai giảng năm học 2026 - 2027", officials=["Ban Giám hiệu"],
           units=["Phòng Công tác sinh viên", "Đoàn Thanh niên"], location="Sân trường"),
        ev("2026-09-07", "Hội đồng Khoa học", officials=["Nguyễn Thanh Bình"], units=["Phòng Đào tạo"],
           location="Phòng họp số 2, nhà A1"),
        ev("2026-09-11", "Quốc gia Lào", officials=["Hiệu trưởng"], units=["Phòng Hợp tác quốc tế"],
           location="Phòng khách, nhà A1"),
        ev("2026-09-11", "Ban Chấp hành", officials=["Bí thư Đảng ủy"], units=["Văn phòng Đảng ủy"], location="Phòng họp số 1"),
    ])


def test_a_number_the_wrap_put_before_a_later_field_is_the_place_s():
    page = """LỊCH CÔNG TÁC TUẦN
(Từ ngày 07/09/2026 đến ngày 13/09/2026)
Thứ Bảy (12/09/2026)
1. Nội dung: Dự Hội nghị tổng kết năm học của ngành Giáo
dục tỉnh. Thời gian: Buổi sáng, 7h30. Địa điểm: Trung tâm
Hội nghị tỉnh. Chủ trì: Đ/c Nguyễn Thanh Bình.
Chủ nhật (13/09/2026)
1. Nội dung: Kiểm tra công tác tuyển sinh hệ
vừa làm vừa học. Thời gian: Cả ngày. Địa điểm: Cơ sở
2. Chủ trì: Đ/c Phạm Quốc Dũng.
"""
    check(page, [
        ev("2026-09-12", "tổng kết", location="Trung tâm Hội nghị tỉnh", officials=["Nguyễn Thanh Bình"]),
        ev("2026-09-13", "tuyển sinh", session="all_day", location="Cơ sở 2", officials=["Phạm Quốc Dũng"]),
    ])


# A ward's week as a PDF text layer. A page cut the Saturday row after its first line: the layer wrote
# that line across the row ("Thứ Bảy, Sáng: 8h00: Kiểm tra … Ủy ban MTTQ Đ/c Lê Văn"), then the header
# the next page repeats, then the rest of each cell (the day cell's "ngày" / "17/10/2026", the item's
# rest opening in a capital, "Việt Nam" / "phường", "Hùng - PCT"). A place named "Nhà văn hóa" goes on
# with whose it is ("Nhà văn hóa" / "Khu phố 3").
WARD_CUT_LAYER = """UBND PHƯỜNG AN LẠC
LỊCH CÔNG TÁC TUẦN
(Từ ngày 12/10/2026 đến ngày 18/10/2026)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Năm,
ngày
15/10/2026
Sáng: 8h00: Họp giao ban khối Đảng,
đoàn thể phường. Địa điểm: Phòng họp
số 1
Tối: 19h30: Đối thoại với Nhân dân về
công tác chỉnh trang đô thị. Địa điểm:
Nhà văn hóa
Khu phố 3
Văn phòng
Đảng ủy
Phòng Kinh
tế - Hạ tầng
Đ/c Trần Văn
Phúc - BT
Đ/c Lê Văn
Hùng - PCT
Thứ Bảy, Sáng: 8h00: Kiểm tra công tác chuẩn bị Ủy ban MTTQ Đ/c Lê Văn
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
ngày
17/10/2026
Ngày hội Đại đoàn kết toàn dân tộc tại
Khu phố 5. Địa điểm: Khu phố 5
Việt Nam
phường
Hùng - PCT
"""


def test_a_ward_layer_whose_saturday_row_a_page_cut_after_its_first_line():
    check(WARD_CUT_LAYER, [
        ev("2026-10-15", "giao ban khối Đảng", units=["Văn phòng Đảng ủy"], officials=["Trần Văn Phúc"],
           location="Phòng họp số 1"),
        ev("2026-10-15", "Đối thoại", units=["Phòng Kinh tế - Hạ tầng"], officials=["Lê Văn Hùng"],
           location="Nhà văn hóa Khu phố 3", session="evening", start_time="19:30"),
        ev("2026-10-17", "Ngày hội Đại đoàn kết",
           title="Kiểm tra công tác chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc tại Khu phố 5",
           session="morning", start_time="08:00", units=["Ủy ban MTTQ Việt Nam phường"], officials=["Lê Văn Hùng"],
           location="Khu phố 5"),
    ])


def test_a_day_cell_a_page_cut_gets_its_date_back():
    paras = [(1, "Ngày Nội dung công việc Đơn vị chuẩn"), (2, "bị"), (3, "Người chủ trì"), (4, "Thứ Năm, ngày 18/3/2027"),
             (5, "Sáng: họp"), (6, "Thứ Sáu,"), (7, "ngày"), (8, "Sáng: 7h30: Xét xử lưu động vụ án hình"),
             (9, "Đ/c Trần Quốc"), (10, "Ngày Nội dung công việc Đơn vị chuẩn"), (11, "bị"), (12, "Người chủ trì"),
             (13, "19/3/2027 “Cố ý gây thương tích”. Địa điểm: xóm 4")]
    assert dayblocks._rejoin_cut_days(paras) == paras[:5] + [
        (6, "Thứ Sáu, ngày 19/3/2027"), (8, "Sáng: 7h30: Xét xử lưu động vụ án hình"), (9, "Đ/c Trần Quốc"),
        (10, "Ngày Nội dung công việc Đơn vị chuẩn"), (11, "bị"), (12, "Người chủ trì"),
        (13, "“Cố ý gây thương tích”. Địa điểm: xóm 4")]
    # A row whose own day stands after the repeated header is no cut day cell.
    whole = paras[:5] + [(6, "Sáng: 9h00: họp"), (10, "Ngày Nội dung công việc Đơn vị chuẩn"), (11, "bị"),
                         (12, "Người chủ trì"), (13, "Thứ Sáu, ngày 19/3/2027"), (14, "Sáng: họp")]
    assert dayblocks._rejoin_cut_days(whole) == whole


# A department's week as a PDF text layer: a unit wrapped before the dash inside its name ("Phòng Giáo" /
# "dục Mầm non" / "- Tiểu học"), and a Friday row a page cut after its first line, which holds the start
# of every cell ("… nhà giáo Văn phòng Sở, Đ/c Trần Văn"); the rest of each cell comes after the header
# the next page repeats, before the next item's own unit and leader.
EDUCATION_CUT_LAYER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
LỊCH CÔNG TÁC TUẦN
(Từ ngày 15/11/2027 đến ngày 21/11/2027)
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
Thứ Ba,
ngày
16/11/2027
Sáng: 8h00: Kiểm tra công tác bán trú tại
các trường mầm non. Địa điểm: Thành phố
Chiều: 14h00: Họp Ban Chỉ đạo phổ cập
giáo dục. Địa điểm: Phòng họp số 1
Phòng Giáo
dục Mầm non
- Tiểu học
Phòng Giáo
dục Mầm non
- Tiểu học
Đ/c Lê Thị Thu
Hà - PGĐ
Đ/c Trần Văn
Hưng - GĐ
Thứ Sáu, Sáng: 8h00: Gặp mặt đại diện nhà giáo Văn phòng Sở, Đ/c Trần Văn
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
ngày
19/11/2027
tiêu biểu nhân kỷ niệm Ngày Nhà giáo
Việt Nam. Địa điểm: Hội trường Sở
Chiều: 15h00: Giao ban Lãnh đạo Sở,
thông qua lịch công tác tuần 47. Địa
điểm: Phòng họp số 1
Công đoàn
ngành
Văn phòng Sở
Hưng - GĐ Sở,
Đ/c Lê Thị Thu
Hà - PGĐ
Lãnh đạo Sở
"""


def test_a_department_layer_with_a_dash_inside_a_unit_and_a_row_cut_after_its_first_line():
    check(EDUCATION_CUT_LAYER, [
        ev("2027-11-16", "bán trú", units=["Phòng Giáo dục Mầm non - Tiểu học"], officials=["Lê Thị Thu Hà"]),
        ev("2027-11-16", "phổ cập", units=["Phòng Giáo dục Mầm non - Tiểu học"], officials=["Trần Văn Hưng"]),
        ev("2027-11-19", "Gặp mặt", title="Gặp mặt đại diện nhà giáo tiêu biểu nhân kỷ niệm Ngày Nhà giáo Việt Nam",
           units=["Văn phòng Sở", "Công đoàn ngành"], officials=["Trần Văn Hưng", "Lê Thị Thu Hà"],
           location="Hội trường Sở", start_time="08:00"),
        ev("2027-11-19", "Giao ban", units=["Văn phòng Sở"], officials=["Lãnh đạo Sở"], location="Phòng họp số 1",
           start_time="15:00"),
    ])


def test_a_week_s_heading_naming_two_weekdays_with_their_dates_in_brackets():
    check("""LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO SỞ
(Từ ngày 08/3/2027 đến ngày 14/3/2027)

THỨ HAI, NGÀY 08/3/2027
- 8h00: Giao ban Lãnh đạo Sở. Chủ trì: Giám đốc Sở.

TỪ THỨ BA ĐẾN THỨ TƯ (09-10/3/2027)
- Giám đốc Sở đi công tác tại Hà Nội.

Từ thứ Năm đến thứ Sáu (ngày 11 và 12/3)
- Đoàn kiểm tra liên ngành làm việc tại huyện Hương Sơn. Chủ trì: Phó Giám đốc Sở Trần Văn Bình.
""", [
        ev("2027-03-08", "Giao ban", officials=["Giám đốc Sở"], start_time="08:00"),
        ev("2027-03-09", "Hà Nội", end_date="2027-03-10", title="Giám đốc Sở đi công tác tại Hà Nội"),
        ev("2027-03-11", "liên ngành", end_date="2027-03-12", officials=["Trần Văn Bình"]),
    ])
