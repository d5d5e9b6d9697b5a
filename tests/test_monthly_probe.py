"""Probe: monthly programs in layouts and wordings other than the five samples.

Each case is a monthly program (or a large fragment) as it arrives as text — PDF text layers of
Word tables, Word-table text with tabs, tab rows with HTML cells — written here by hand, with the
events a careful clerk would read under tests/gold/README.md's rules. Only the fields the text
settles are compared; an event is found by its date and a phrase of its title, and every event
lichsync gives beyond the expected ones is a failure too.
"""
from __future__ import annotations

import pytest

from probe import check, ev


def pdf(text: str) -> str:
    """A pdftotext layer of the seeds' kind: each visual line ends with a space and a blank line."""
    return "".join(line + " \n\n" for line in text.strip("\n").split("\n"))


# 1. Tab rows copied from a Word table, columns in another order:
#    Ngày | Nội dung | Lãnh đạo | Đơn vị chuẩn bị | Địa điểm; leaders "BGĐ", "Đ/c Hùng, PGĐ".
SO_TC_REORDERED = """UBND TỈNH QUẢNG TRỊ
SỞ TÀI CHÍNH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày\tNội dung\tLãnh đạo\tĐơn vị chuẩn bị\tĐịa điểm
01\tSáng: Giao ban Ban Giám đốc tháng 10\tBGĐ\tVăn phòng\tPhòng họp Sở
02\tThẩm định dự toán ngân sách năm 2025 của các huyện\tĐ/c Hùng, PGĐ\tPhòng Quản lý ngân sách\tPhòng họp Sở
03\tChiều: Dự họp UBND tỉnh thường kỳ tháng 10\tĐ/c Giám đốc\tVP, Phòng Tài chính đầu tư\tUBND tỉnh
04\tĐi kiểm tra công tác quyết toán tại huyện Hải Lăng\tĐ/c Minh, PGĐ\tThanh tra Sở\tHuyện Hải Lăng
05-06\tThứ Bảy, Chủ nhật\t\t\t
07\tSáng: Chào cờ đầu tuần\tLãnh đạo Sở\tVăn phòng\tSân cơ quan
08\tHội nghị tập huấn công tác quản lý giá năm 2024 (cả ngày)\tĐ/c Hùng, PGĐ\tPhòng Quản lý giá và công sản\tHội trường Sở
"""


def test_tab_rows_leader_column_before_units_and_place():
    check(SO_TC_REORDERED, [
        ev("2024-10-01", "Giao ban Ban Giám đốc", session="morning", officials=["BGĐ"], units=["Văn phòng"],
           location="Phòng họp Sở", kind="work"),
        ev("2024-10-02", "Thẩm định dự toán", session=None, end_date=None, officials=["Hùng"],
           units=["Phòng Quản lý ngân sách"], location="Phòng họp Sở"),
        ev("2024-10-03", "thường kỳ tháng 10", session="afternoon", officials=["Giám đốc"],
           units=["VP", "Phòng Tài chính đầu tư"], location="UBND tỉnh"),
        ev("2024-10-04", "quyết toán tại huyện Hải Lăng", officials=["Minh"], units=["Thanh tra Sở"],
           location="Huyện Hải Lăng"),
        ev("2024-10-07", "Chào cờ đầu tuần", session="morning", officials=["Lãnh đạo Sở"], units=["Văn phòng"],
           location="Sân cơ quan"),
        ev("2024-10-08", "tập huấn công tác quản lý giá", title="Hội nghị tập huấn công tác quản lý giá năm 2024",
           session="all_day", officials=["Hùng"], units=["Phòng Quản lý giá và công sản"], location="Hội trường Sở"),
    ], period={"month": 10, "year": 2024})


# 2. A "Thời gian" column with clock times, the day written once for its rows ("01/11"),
#    a UBND huyện leaders' program.
UBND_HUYEN_TIME_COLUMN = """UBND HUYỆN ĐỨC THỌ
LỊCH CÔNG TÁC THÁNG 11 NĂM 2024 CỦA LÃNH ĐẠO UBND HUYỆN
Ngày\tThời gian\tNội dung\tChủ trì\tĐịa điểm
01/11\t7h30\tHọp giao ban Thường trực UBND huyện\tChủ tịch UBND huyện\tPhòng họp số 1
\t14h00\tHọp Ban Chỉ đạo chuyển đổi số huyện\tĐ/c Thắng, PCT\tPhòng họp số 2
04/11\t8h00\tTiếp công dân định kỳ tháng 11\tChủ tịch UBND huyện\tTrụ sở Tiếp công dân huyện
05/11\tCả ngày\tKiểm tra tiến độ xây dựng nông thôn mới tại xã Tùng Ảnh\tĐ/c Thắng, PCT\tXã Tùng Ảnh
06/11\t14h30\tHội nghị sơ kết công tác thu ngân sách 10 tháng\tChủ tịch UBND huyện\tHội trường UBND huyện
"""


def test_time_column_with_day_written_once():
    check(UBND_HUYEN_TIME_COLUMN, [
        ev("2024-11-01", "giao ban Thường trực", start_time="07:30", officials=["Chủ tịch UBND huyện"],
           location="Phòng họp số 1"),
        ev("2024-11-01", "chuyển đổi số", start_time="14:00", officials=["Thắng"], location="Phòng họp số 2"),
        ev("2024-11-04", "Tiếp công dân định kỳ", start_time="08:00", officials=["Chủ tịch UBND huyện"],
           location="Trụ sở Tiếp công dân huyện"),
        ev("2024-11-05", "nông thôn mới tại xã Tùng Ảnh", session="all_day", start_time=None, officials=["Thắng"],
           location="Xã Tùng Ảnh"),
        ev("2024-11-06", "thu ngân sách 10 tháng", start_time="14:30", officials=["Chủ tịch UBND huyện"],
           location="Hội trường UBND huyện"),
    ], period={"month": 11, "year": 2024})


# 3. Word-table text with tab-led cells (the shape of seed 000) and a weekday column after the
#    day: Ngày | Thứ | Nội dung công việc | Đơn vị chuẩn bị | Lãnh đạo Sở.
SO_YTE_WEEKDAY_AFTER_DAY = """\tUBND TỈNH QUẢNG BÌNH

SỞ Y TẾ

CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024

\tNgày
\tThứ
\tNội dung công việc
\tĐơn vị chuẩn bị
\tLãnh đạo Sở

\t01
\tBa
\tSáng: Giao ban Ban Giám đốc Sở
Chiều: Làm việc với Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới về tự chủ tài chính
\tVăn phòng
Phòng KHTC
\tBGĐ
Đ/c Giám đốc

\t02
\tTư
\t- Kiểm tra công tác phòng chống dịch sốt xuất huyết tại huyện Lệ Thủy
\tPhòng NVY
\tĐ/c Hùng, PGĐ

\t03
\tNăm
\tSáng: Họp Hội đồng thuốc và điều trị
\tPhòng NVD
\tĐ/c Lan, PGĐ

\t04
\tSáu
\tCả ngày: Hội nghị tập huấn công tác dân số năm 2024
\tChi cục DS-KHHGĐ
\tĐ/c Hùng, PGĐ

\t05-06
\tBảy, CN
\tNghỉ
\t
\t

\t07
\tHai
\tSáng: Chào cờ đầu tuần
\tVăn phòng
\tLãnh đạo Sở
"""


def test_word_cells_weekday_column_after_day():
    check(SO_YTE_WEEKDAY_AFTER_DAY, [
        ev("2024-10-01", "Giao ban Ban Giám đốc Sở", title="Giao ban Ban Giám đốc Sở", session="morning",
           officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-10-01", "tự chủ tài chính", session="afternoon", officials=["Giám đốc"], units=["Phòng KHTC"]),
        ev("2024-10-02", "sốt xuất huyết", session=None, officials=["Hùng"], units=["Phòng NVY"]),
        ev("2024-10-03", "Hội đồng thuốc", session="morning", officials=["Lan"], units=["Phòng NVD"]),
        ev("2024-10-04", "tập huấn công tác dân số", session="all_day", officials=["Hùng"],
           units=["Chi cục DS-KHHGĐ"]),
        ev("2024-10-07", "Chào cờ đầu tuần", title="Chào cờ đầu tuần", session="morning", officials=["Lãnh đạo Sở"]),
    ], period={"month": 10, "year": 2024})


# 4. A PDF text layer (seeds 002–004) with "Ƣ", a holiday span "01-03", a rest row "07-08 Nghỉ",
#    leaders "BGĐ", "Đ/c Giám đốc", "Đ/c Hùng, PGĐ", units "Phòng KHTC, VP".
SO_GD_PDF_HOLIDAY = pdf("""SỞ GIÁO DỤC VÀ ĐÀO TẠO
CHƢƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2024
Ngày Nội dung công việc
Đơn vị
chuẩn bị
Lãnh đạo
01-03 Nghỉ lễ Quốc khánh 2/9
04
Sáng: Giao ban Lãnh đạo Sở tháng 9.
Chiều: Họp triển khai nhiệm vụ năm học 2024 -
2025 với các phòng chuyên môn.
Văn phòng

Các phòng
chuyên môn
BGĐ

Đ/c Giám đốc
05
Dự Lễ khai giảng năm học mới tại các trƣờng
(cả ngày).
Phòng GDTrH
Lãnh đạo Sở
06 Kiểm tra công tác chuẩn bị năm học tại huyện Hƣơng Sơn
Phòng KHTC, VP
Đ/c Hùng, PGĐ
07-08 Nghỉ
09
Sáng: Chào cờ đầu tuần.
Văn phòng
Lãnh đạo Sở""")


def test_pdf_layer_holiday_span_and_rest_row():
    check(SO_GD_PDF_HOLIDAY, [
        ev("2024-09-01", "Nghỉ lễ Quốc khánh", end_date="2024-09-03", kind="holiday", officials=[]),
        ev("2024-09-04", "Giao ban Lãnh đạo Sở tháng 9", session="morning", officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-09-04", "Họp triển khai nhiệm vụ năm học",
           title="Họp triển khai nhiệm vụ năm học 2024 - 2025 với các phòng chuyên môn", session="afternoon",
           officials=["Giám đốc"], units=["Các phòng chuyên môn"]),
        ev("2024-09-05", "Lễ khai giảng", title="Dự Lễ khai giảng năm học mới tại các trường", session="all_day",
           officials=["Lãnh đạo Sở"], units=["Phòng GDTrH"]),
        ev("2024-09-06", "huyện Hương Sơn", officials=["Hùng"], units=["Phòng KHTC", "VP"]),
        ev("2024-09-09", "Chào cờ đầu tuần", session="morning", officials=["Lãnh đạo Sở"], units=["Văn phòng"]),
    ], period={"month": 9, "year": 2024})


# 5. Tab rows with HTML cells (seed 001's shape) in a UBND huyện program: a day cell
#    "Từ ngày 14 đến ngày 18", "- Sáng:" / "- Chiều:" items, "Đ/c Hùng, PGĐ"-style leaders.
UBND_HTML_CELLS_SPAN_WORDS = """UBND HUYỆN HƯƠNG SƠN
VĂN PHÒNG HĐND VÀ UBND
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024

Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tLãnh đạo chủ trì
10\t<p>- <b>Sáng:</b> Họp UBND huyện phiên thường kỳ tháng 10</p><p>- <b>Chiều:</b> Làm việc với UBND xã Sơn Kim 1 về giải phóng mặt bằng</p>\t<p>Văn phòng</p><p>Phòng TN&amp;MT</p>\t<p>Đ/c Chủ tịch</p><p>Đ/c Hải, PCT</p>
11\t<p>Tiếp công dân định kỳ</p>\t<p>Ban Tiếp công dân</p>\t<p>Đ/c Chủ tịch</p>
Từ ngày 14 đến ngày 18\t<p>Đoàn kiểm tra công tác cải cách hành chính tại các xã</p>\t<p>Phòng Nội vụ</p>\t<p>Đ/c Hải, PCT</p>
21\t<p><b>Sáng:</b> Hội nghị sơ kết 9 tháng thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững</p>\t<p>Phòng LĐ-TB&amp;XH</p>\t<p>Đ/c Chủ tịch</p>
"""


def test_html_cells_day_cell_from_to():
    check(UBND_HTML_CELLS_SPAN_WORDS, [
        ev("2024-10-10", "phiên thường kỳ tháng 10", session="morning", officials=["Chủ tịch"], units=["Văn phòng"]),
        ev("2024-10-10", "Sơn Kim 1", session="afternoon", officials=["Hải"], units=["Phòng TN&MT"]),
        ev("2024-10-11", "Tiếp công dân định kỳ", officials=["Chủ tịch"], units=["Ban Tiếp công dân"]),
        ev("2024-10-14", "cải cách hành chính tại các xã", end_date="2024-10-18", officials=["Hải"],
           units=["Phòng Nội vụ"]),
        ev("2024-10-21", "giảm nghèo bền vững", session="morning", officials=["Chủ tịch"], units=["Phòng LĐ-TB&XH"]),
    ], period={"month": 10, "year": 2024})


# 6. Word-table tab text where a row opens with "Từ ngày 14 đến ngày 18:" in the content, and a
#    range "(từ ngày 22 - 24/10)" inside an item.
SO_NN_RANGES_IN_ITEMS = """SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tLãnh đạo Sở
14\tTừ ngày 14 đến ngày 18: Kiểm tra tình hình sản xuất vụ Đông tại các huyện\tPhòng Trồng trọt\tĐ/c Hùng, PGĐ
15\tSáng: Họp Ban Chỉ đạo phòng chống thiên tai tỉnh\tChi cục Thủy lợi\tĐ/c Giám đốc
22\t- Tập huấn quy trình chăm sóc cây có múi (từ ngày 22 - 24/10)\tTrung tâm Khuyến nông\tĐ/c Lan, PGĐ
25\t- Chiều: Giao ban Lãnh đạo Sở\tVăn phòng\tBGĐ
28\tKiểm tra công tác tiêm phòng gia súc, gia cầm (từ ngày 28 đến ngày 30)\tChi cục Chăn nuôi và Thú y\tĐ/c Lan, PGĐ
"""


def test_ranges_written_in_items():
    check(SO_NN_RANGES_IN_ITEMS, [
        ev("2024-10-14", "sản xuất vụ Đông", title="Kiểm tra tình hình sản xuất vụ Đông tại các huyện",
           end_date="2024-10-18", officials=["Hùng"], units=["Phòng Trồng trọt"]),
        ev("2024-10-15", "phòng chống thiên tai", session="morning", officials=["Giám đốc"], units=["Chi cục Thủy lợi"]),
        ev("2024-10-22", "cây có múi", title="Tập huấn quy trình chăm sóc cây có múi", end_date="2024-10-24",
           officials=["Lan"], units=["Trung tâm Khuyến nông"]),
        ev("2024-10-25", "Giao ban Lãnh đạo Sở", session="afternoon", officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-10-28", "tiêm phòng gia súc", title="Kiểm tra công tác tiêm phòng gia súc, gia cầm",
           end_date="2024-10-30", officials=["Lan"], units=["Chi cục Chăn nuôi và Thú y"]),
    ], period={"month": 10, "year": 2024})


# 7. Lunar notes in the day cell ("15 (13/9 ÂL)") and a weekday on the next line, PDF layer.
#    2024-10-15 is 13/9 Giáp Thìn; 2024-10-17 is 15/9.
HUYEN_UY_LUNAR_PDF = pdf("""HUYỆN ỦY THẠCH HÀ
CHƢƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày Nội dung Cơ quan chuẩn bị Lãnh đạo
14
Thứ Hai
Sáng: Thƣờng trực Huyện ủy giao ban tuần.
Chiều: Họp Ban Thƣờng vụ Huyện ủy.
Văn phòng
Huyện ủy
Thƣờng trực Huyện ủy
15 (13/9 ÂL)
Thứ Ba
Dự Lễ kỷ niệm 94 năm Ngày truyền thống
Hội Nông dân Việt Nam.
Hội Nông dân
huyện
Đ/c Bí thư
17 (15/9 ÂL)
Thứ Năm
Sáng: Tiếp công dân định kỳ.
Ban Tiếp công
dân
Đ/c Bí thư""")


def test_pdf_layer_lunar_notes_in_day_cell():
    check(HUYEN_UY_LUNAR_PDF, [
        ev("2024-10-14", "giao ban tuần", session="morning", officials=["Thường trực Huyện ủy"]),
        ev("2024-10-14", "Họp Ban Thường vụ Huyện ủy", session="afternoon"),
        ev("2024-10-15", "Ngày truyền thống",
           title="Dự Lễ kỷ niệm 94 năm Ngày truyền thống Hội Nông dân Việt Nam", officials=["Bí thư"],
           units=["Hội Nông dân huyện"]),
        ev("2024-10-17", "Tiếp công dân định kỳ", title="Tiếp công dân định kỳ", session="morning",
           officials=["Bí thư"], units=["Ban Tiếp công dân"]),
    ], period={"month": 10, "year": 2024})


# 8. pdfplumber's text (no blank lines): a row broken across a page — the page number, the
#    repeated header row, then the rest of the row's content and its side cells.
DANG_UY_PAGE_BREAK = """ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 11 NĂM 2024
Ngày Nội dung công việc Cơ quan chuẩn bị Lãnh đạo chủ trì
01 Sáng: Chào cờ; giao ban Cơ quan Đảng ủy Khối.
Văn phòng
Thường trực
04 Chiều: Hội nghị Ban Thường vụ Đảng ủy Khối
mở rộng.
Văn phòng
BTV ĐUK
05 - Sáng: Dự Hội nghị tổng kết công tác kiểm tra,
giám sát các tổ chức cơ sở đảng năm 2024 và triển
2
Ngày Nội dung công việc Cơ quan chuẩn bị Lãnh đạo chủ trì
khai nhiệm vụ năm 2025.
- Chiều: Sinh hoạt Chi bộ Cơ quan Đảng ủy Khối.
Ban Kiểm tra
Chi ủy CQ
Đ/c Bí thư
Đảng viên CB
06 Dự Hội nghị trực tuyến toàn quốc quán triệt Nghị quyết (1,5 ngày).
Ban Tuyên giáo
Theo TP mời
"""


def test_pdfplumber_row_broken_across_page():
    check(DANG_UY_PAGE_BREAK, [
        ev("2024-11-01", "giao ban Cơ quan Đảng ủy Khối", session="morning", officials=["Thường trực"],
           units=["Văn phòng"]),
        ev("2024-11-04", "Ban Thường vụ Đảng ủy Khối",
           title="Hội nghị Ban Thường vụ Đảng ủy Khối mở rộng", session="afternoon", officials=["BTV ĐUK"]),
        ev("2024-11-05", "công tác kiểm tra",
           title="Dự Hội nghị tổng kết công tác kiểm tra, giám sát các tổ chức cơ sở đảng năm 2024 và triển khai "
                 "nhiệm vụ năm 2025", session="morning", officials=["Bí thư"], units=["Ban Kiểm tra"]),
        ev("2024-11-05", "Sinh hoạt Chi bộ", session="afternoon", officials=["Đảng viên CB"], units=["Chi ủy CQ"]),
        ev("2024-11-06", "quán triệt Nghị quyết", end_date="2024-11-07", officials=["Theo TP mời"],
           units=["Ban Tuyên giáo"]),
    ], period={"month": 11, "year": 2024})


# 9. Word-table tab text with an evening item, "(cả ngày)" and several leaders in one entry
#    "Đ/c Hùng, PGĐ; Đ/c Lan, PGĐ".
SO_VHTT_EVENING = """SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 11 NĂM 2024
Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tLãnh đạo Sở
08\t- Sáng: Giao ban Ban Giám đốc\tVăn phòng\tBGĐ
\t- Tối: Chương trình nghệ thuật chào mừng Ngày Nhà giáo Việt Nam\tTrung tâm Văn hóa - Điện ảnh\tĐ/c Hùng, PGĐ; Đ/c Lan, PGĐ
12\tHội thảo phát triển du lịch cộng đồng (cả ngày)\tPhòng Quản lý du lịch\tĐ/c Giám đốc
"""


def test_evening_item_and_two_leaders_in_one_entry():
    check(SO_VHTT_EVENING, [
        ev("2024-11-08", "Giao ban Ban Giám đốc", session="morning", officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-11-08", "Ngày Nhà giáo Việt Nam", session="evening", officials=["Hùng", "Lan"],
           units=["Trung tâm Văn hóa - Điện ảnh"]),
        ev("2024-11-12", "du lịch cộng đồng", title="Hội thảo phát triển du lịch cộng đồng", session="all_day",
           officials=["Giám đốc"], units=["Phòng Quản lý du lịch"]),
    ], period={"month": 11, "year": 2024})


# 10. A sequence-number column before the day ("TT | Ngày | Nội dung | Chủ trì | Đơn vị chuẩn bị"),
#     tab rows, dates "dd/mm".
SO_TNMT_SEQUENCE_COLUMN = """SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
TT\tNgày\tNội dung\tChủ trì\tĐơn vị chuẩn bị
1\t02/10\tHọp Hội đồng thẩm định báo cáo đánh giá tác động môi trường\tĐ/c Hùng, PGĐ\tChi cục BVMT
2\t03/10\tLàm việc với UBND thành phố về quy hoạch sử dụng đất\tĐ/c Giám đốc\tPhòng Quy hoạch
3\t09/10\tKiểm tra hoạt động khai thác khoáng sản tại huyện Kỳ Anh\tĐ/c Lan, PGĐ\tPhòng Khoáng sản, Thanh tra Sở
"""


def test_sequence_number_column_before_day():
    check(SO_TNMT_SEQUENCE_COLUMN, [
        ev("2024-10-02", "tác động môi trường", officials=["Hùng"], units=["Chi cục BVMT"]),
        ev("2024-10-03", "quy hoạch sử dụng đất", officials=["Giám đốc"], units=["Phòng Quy hoạch"]),
        ev("2024-10-09", "khai thác khoáng sản", officials=["Lan"], units=["Phòng Khoáng sản", "Thanh tra Sở"]),
    ], period={"month": 10, "year": 2024})


# 11. Tab rows with HTML cells whose day cell carries the weekday: "<b>Thứ Hai</b><br>07/10",
#     and a lunar note in the content cell.
SO_CT_HTML_WEEKDAY_DAY = """SỞ CÔNG THƯƠNG
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tLãnh đạo Sở
<b>Thứ Hai</b><br>07/10\t<p><b>Sáng:</b> Chào cờ, giao ban Lãnh đạo Sở</p><p><b>Chiều:</b> Họp Ban Chỉ đạo 389 tỉnh</p>\t<p>Văn phòng</p><p>Phòng QLTM</p>\t<p>BGĐ</p><p>Đ/c Hùng, PGĐ</p>
<b>Thứ Tư</b><br>09/10\t<p>Kiểm tra thị trường xăng dầu tại thị xã Kỳ Anh</p>\t<p>Phòng QLTM</p>\t<p>Đ/c Hùng, PGĐ</p>
<b>Thứ Năm</b><br>17/10\t<p>(Rằm tháng Chín) Hội chợ hàng Việt về nông thôn tại huyện Vũ Quang (cả ngày)</p>\t<p>Trung tâm Khuyến công</p>\t<p>Lãnh đạo Sở</p>
"""


def test_html_cells_weekday_and_date_in_day_cell():
    check(SO_CT_HTML_WEEKDAY_DAY, [
        ev("2024-10-07", "giao ban Lãnh đạo Sở", session="morning", officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-10-07", "Ban Chỉ đạo 389", session="afternoon", officials=["Hùng"], units=["Phòng QLTM"]),
        ev("2024-10-09", "xăng dầu", session=None, officials=["Hùng"], units=["Phòng QLTM"]),
        ev("2024-10-17", "Hội chợ hàng Việt", session="all_day", officials=["Lãnh đạo Sở"],
           units=["Trung tâm Khuyến công"]),
    ], period={"month": 10, "year": 2024})


# 12. PDF layer with a location column (seed 003's shape) and "Ƣ": Huyện ủy program, items
#     naming their leaders ("Đ/c Bí thư Huyện ủy dự …", "Thƣờng trực Huyện ủy …"), a rest row
#     with content "(Chủ nhật) Ra quân …".
HUYEN_UY_PLACE_PDF = pdf("""HUYỆN ỦY CAN LỘC
CHƢƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày Nội dung công việc
Cơ quan
chuẩn bị
Địa điểm
1
- Sáng: Thƣờng trực Huyện ủy giao ban tuần.
- Chiều: Đ/c Bí thƣ Huyện ủy dự Hội nghị Ban
Chấp hành Đảng bộ tỉnh.
- VP Huyện ủy

- Tỉnh ủy
- Phòng họp
Huyện ủy
- Hội trƣờng
Tỉnh ủy
2
- Họp Ban Thƣờng vụ Huyện ủy.
- VP Huyện ủy
- Phòng họp
Huyện ủy
6
(Chủ nhật) Ra quân tổng vệ sinh môi trƣờng
hƣởng ứng Ngày Chủ nhật xanh.
- UBND các xã
- Các xã, thị trấn""")


def test_pdf_layer_place_column_items_naming_leaders():
    check(HUYEN_UY_PLACE_PDF, [
        ev("2024-10-01", "giao ban tuần", session="morning", officials=["Thường trực Huyện ủy"],
           units=["VP Huyện ủy"], location="Phòng họp Huyện ủy"),
        ev("2024-10-01", "Ban Chấp hành Đảng bộ tỉnh", session="afternoon", officials=["Bí thư Huyện ủy"],
           location="Hội trường Tỉnh ủy"),
        ev("2024-10-02", "Họp Ban Thường vụ Huyện ủy", officials=["Ban Thường vụ Huyện ủy"], units=["VP Huyện ủy"],
           location="Phòng họp Huyện ủy"),
        ev("2024-10-06", "Ngày Chủ nhật xanh",
           title="Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Chủ nhật xanh", units=["UBND các xã"],
           location="Các xã, thị trấn"),
    ], period={"month": 10, "year": 2024})


# 13. "Lịch công tác tháng" heading with the month in words of another form ("THÁNG 12/2024"),
#     tab rows, a "Nghỉ Tết Dương lịch" is January's — here "Nghỉ bù" and a day with two plain
#     paragraphs in one cell separated by "<br>".
LICH_THANG_SLASH = """UBND XÃ THẠCH HẠ
LỊCH CÔNG TÁC THÁNG 12/2024
Ngày\tNội dung\tNgười chủ trì\tĐịa điểm
02\tHọp giao ban UBND xã<br>Tiếp công dân định kỳ\tĐ/c Chủ tịch\tHội trường UBND xã
03\tChiều: Kiểm tra công tác dồn điền đổi thửa tại thôn Bắc Hạ\tĐ/c Tâm, PCT\tThôn Bắc Hạ
"""


def test_month_slash_year_heading():
    check(LICH_THANG_SLASH, [
        ev("2024-12-02", "giao ban UBND xã", title="Họp giao ban UBND xã", officials=["Chủ tịch"],
           location="Hội trường UBND xã"),
        ev("2024-12-02", "Tiếp công dân định kỳ", title="Tiếp công dân định kỳ", officials=["Chủ tịch"],
           location="Hội trường UBND xã"),
        ev("2024-12-03", "dồn điền đổi thửa", session="afternoon", officials=["Tâm"], location="Thôn Bắc Hạ"),
    ], period={"month": 12, "year": 2024})


# 14. pdftotext with interleaved columns: each visual line holds a piece of every cell
#     (content, units, leader on one line), as pdftotext gives a Word table without -layout
#     grouping.
INTERLEAVED_PDF = """SỞ XÂY DỰNG
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày Nội dung công việc Đơn vị chuẩn bị Lãnh đạo Sở
01 Sáng: Giao ban Lãnh đạo Sở Văn phòng BGĐ
02 Kiểm tra chất lượng công trình nhà ở xã Phòng QLXD Đ/c Hùng, PGĐ
hội tại thành phố Hà Tĩnh
03 Chiều: Họp thẩm định đồ án quy hoạch chung Phòng QHKT Đ/c Giám đốc
đô thị Nghèn
"""


@pytest.mark.xfail(strict=True, reason="pdfplumber extract_text lines holding pieces of every cell are not split into columns")
def test_pdftotext_interleaved_columns():
    check(INTERLEAVED_PDF, [
        ev("2024-10-01", "Giao ban Lãnh đạo Sở", title="Giao ban Lãnh đạo Sở", session="morning",
           officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-10-02", "nhà ở xã hội", title="Kiểm tra chất lượng công trình nhà ở xã hội tại thành phố Hà Tĩnh",
           officials=["Hùng"], units=["Phòng QLXD"]),
        ev("2024-10-03", "quy hoạch chung", title="Họp thẩm định đồ án quy hoạch chung đô thị Nghèn",
           session="afternoon", officials=["Giám đốc"], units=["Phòng QHKT"]),
    ], period={"month": 10, "year": 2024})


# 15. Word tab text whose day cell holds the weekday first then the date "Thứ Ba, 01/10" and
#     a bare session with several "+" items ("- Sáng: + A + B").
SO_NV_PLUS_ITEMS = """SỞ NỘI VỤ
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tLãnh đạo Sở
Thứ Ba, 01/10\t- Sáng: + Giao ban Ban Giám đốc + Họp Hội đồng thi đua khen thưởng Sở\tVăn phòng\tBGĐ
Thứ Tư, 02/10\t- Chiều: Thẩm định hồ sơ đề nghị xếp hạng đơn vị sự nghiệp\tPhòng TCBC\tĐ/c Lan, PGĐ
"""


def test_weekday_before_date_and_plus_items():
    check(SO_NV_PLUS_ITEMS, [
        ev("2024-10-01", "Giao ban Ban Giám đốc", title="Giao ban Ban Giám đốc", session="morning", officials=["BGĐ"],
           units=["Văn phòng"]),
        ev("2024-10-01", "thi đua khen thưởng", session="morning", officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-10-02", "xếp hạng đơn vị sự nghiệp", session="afternoon", officials=["Lan"], units=["Phòng TCBC"]),
    ], period={"month": 10, "year": 2024})


# 16. A PDF text layer (seeds' shape) whose rows put the day and the first line on one line, and
#     which lists only the days that have work: it opens on the 10th and skips a week.
SO_KHDT_SPARSE_DAYS_PDF = pdf("""SỞ KẾ HOẠCH VÀ ĐẦU TƯ
CHƢƠNG TRÌNH CÔNG TÁC THÁNG 6 NĂM 2024
Ngày Nội dung công việc Đơn vị chuẩn bị Lãnh đạo Sở
10 Sáng: Giao ban Ban Giám đốc.
Văn phòng
BGĐ
11 Thẩm định chủ trƣơng đầu tƣ dự án khu du lịch
Thiên Cầm.
Phòng Doanh nghiệp
Đ/c Hùng, PGĐ
18 Chiều: Họp Hội đồng thẩm định kế hoạch
đầu tƣ công trung hạn.
Phòng Tổng hợp
Đ/c Giám đốc""")


def test_pdf_layer_rows_opening_late_and_skipping_days():
    check(SO_KHDT_SPARSE_DAYS_PDF, [
        ev("2024-06-10", "Giao ban Ban Giám đốc", session="morning", officials=["BGĐ"], units=["Văn phòng"]),
        ev("2024-06-11", "khu du lịch", title="Thẩm định chủ trương đầu tư dự án khu du lịch Thiên Cầm",
           officials=["Hùng"], units=["Phòng Doanh nghiệp"]),
        ev("2024-06-18", "kế hoạch đầu tư công", title="Họp Hội đồng thẩm định kế hoạch đầu tư công trung hạn",
           session="afternoon", officials=["Giám đốc"], units=["Phòng Tổng hợp"]),
    ], period={"month": 6, "year": 2024})


# 17. A PDF text layer of the column order Ngày | Nội dung | Lãnh đạo | Đơn vị chuẩn bị | Địa điểm,
#     each side cell one line.
SO_TP_REORDERED_PDF = pdf("""SỞ TƢ PHÁP
CHƢƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2024
Ngày Nội dung Lãnh đạo
Đơn vị
chuẩn bị
Địa điểm
01
Sáng: Giao ban Lãnh đạo Sở.
BGĐ
Văn phòng
Phòng họp Sở
02
Kiểm tra công tác hộ tịch tại huyện Kỳ Anh.
Đ/c Hùng, PGĐ
Phòng HCTP
UBND huyện Kỳ Anh
03
Chiều: Họp Hội đồng phối hợp phổ biến, giáo dục
pháp luật tỉnh.
Đ/c Giám đốc
Phòng PBGDPL
Hội trƣờng UBND tỉnh""")


def test_pdf_layer_leader_column_before_units_and_place():
    check(SO_TP_REORDERED_PDF, [
        ev("2024-10-01", "Giao ban Lãnh đạo Sở", session="morning", officials=["BGĐ"], units=["Văn phòng"],
           location="Phòng họp Sở"),
        ev("2024-10-02", "hộ tịch", title="Kiểm tra công tác hộ tịch tại huyện Kỳ Anh", officials=["Hùng"],
           units=["Phòng HCTP"], location="UBND huyện Kỳ Anh"),
        ev("2024-10-03", "phổ biến, giáo dục",
           title="Họp Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh", session="afternoon",
           officials=["Giám đốc"], units=["Phòng PBGDPL"], location="Hội trường UBND tỉnh"),
    ], period={"month": 10, "year": 2024})


# 17b. The same layer with two leaders on two lines and a place wrapped onto a second line.
SO_TP_REORDERED_WRAPPED_PDF = SO_TP_REORDERED_PDF.replace(
    "Đ/c Hùng, PGĐ \n\n", "Đ/c Hùng, PGĐ \n\nĐ/c Lan, PGĐ \n\n"
).replace("Hội trƣờng UBND tỉnh", "Hội trƣờng UBND \n\ntỉnh Hà Tĩnh")


def test_pdf_layer_leader_lines_and_a_wrapped_place_after_the_leaders():
    check(SO_TP_REORDERED_WRAPPED_PDF, [
        ev("2024-10-01", "Giao ban Lãnh đạo Sở", officials=["BGĐ"], units=["Văn phòng"], location="Phòng họp Sở"),
        ev("2024-10-02", "hộ tịch", officials=["Hùng", "Lan"], units=["Phòng HCTP"], location="UBND huyện Kỳ Anh"),
        ev("2024-10-03", "phổ biến, giáo dục", officials=["Giám đốc"], units=["Phòng PBGDPL"],
           location="Hội trường UBND tỉnh Hà Tĩnh"),
    ], period={"month": 10, "year": 2024})


# A Sở Tư pháp month as a PDF text layer (no gap lines): spans overlapping the rows around them
# ("4-5" then "5", "8" then "8-9"), the header repeated on a new page with its labels wrapped,
# a row the page cut after its side cells, a line wider than the content column because the
# unit ran onto it, a units line of acronyms after a full line, a number going on after "tháng".
SO_TP_LAYER = """CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2025
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
1 Sáng: Chào cờ; giao ban Lãnh đạo Sở
tháng 10.
Văn phòng
Lãnh đạo Sở
4-5 - Tập huấn nghiệp vụ hộ tịch cho công
chức tư pháp cấp xã.
Phòng HCTP Đ/c Bình - PGĐ
5 Chiều: Dự Hội nghị tổng kết công tác phổ
biến, giáo dục pháp luật năm 2025.
- Làm việc với Sở Nội vụ về biên chế năm
2026.
PBGDPL
TCCB, VP
Đ/c An - GĐ
Đ/c Bình - PGĐ
8 Sáng: Tiếp công dân định kỳ tháng
10/2025
Chiều: Họp Hội đồng thẩm định dự thảo văn
bản quy phạm pháp luật của UBND tỉnh
về quản lý đất đai trên địa bàn tỉnh
Thanh tra, VP
XDKTVB
Đ/c An - GĐ
Đ/c Bình - PGĐ
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
8-9 Hội nghị triển khai Luật Công chứng Văn phòng Sở Đ/c An - GĐ
sửa đổi cho các tổ chức hành nghề
công chứng trên địa bàn tỉnh.
10 Sáng: Họp Ban Chấp hành Đảng bộ Sở quý IV Văn phòng
Đảng ủy
Đ/c An - GĐ
"""


def test_pdf_layer_spans_overlapping_and_a_row_cut_by_a_page():
    check(SO_TP_LAYER, [
        ev("2025-10-01", "Chào cờ", session="morning", officials=["Lãnh đạo Sở"], units=["Văn phòng"]),
        ev("2025-10-04", "hộ tịch", end_date="2025-10-05", officials=["Bình"], units=["Phòng HCTP"],
           title="Tập huấn nghiệp vụ hộ tịch cho công chức tư pháp cấp xã."),
        ev("2025-10-05", "phổ biến", session="afternoon", officials=["An"], units=["PBGDPL"],
           title="Dự Hội nghị tổng kết công tác phổ biến, giáo dục pháp luật năm 2025."),
        ev("2025-10-05", "biên chế", session="afternoon", officials=["Bình"], units=["TCCB", "VP"],
           title="Làm việc với Sở Nội vụ về biên chế năm 2026."),
        ev("2025-10-08", "Tiếp công dân", session="morning", officials=["An"], units=["Thanh tra", "VP"],
           title="Tiếp công dân định kỳ tháng 10/2025"),
        ev("2025-10-08", "thẩm định", session="afternoon", officials=["Bình"], units=["XDKTVB"],
           title="Họp Hội đồng thẩm định dự thảo văn bản quy phạm pháp luật của UBND tỉnh về quản lý đất đai "
                 "trên địa bàn tỉnh"),
        ev("2025-10-08", "Luật Công chứng", end_date="2025-10-09", officials=["An"], units=["Văn phòng Sở"],
           title="Hội nghị triển khai Luật Công chứng sửa đổi cho các tổ chức hành nghề công chứng trên địa bàn "
                 "tỉnh."),
        ev("2025-10-10", "Ban Chấp hành", session="morning", officials=["An"], units=["Văn phòng Đảng ủy"],
           title="Họp Ban Chấp hành Đảng bộ Sở quý IV"),
    ], period={"month": 10, "year": 2025})


# A Huyện ủy month as a PDF text layer: a place named by its head noun at a line's end ("Địa điểm:
# Trung tâm" / "Chính trị huyện"), rows whose leader cell is empty (only bodies after the items), a
# wide wrapped line that only the content column holds, a unit and a leader on one line after a place.
HUYEN_UY_LAYER = """CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2026
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
2 Sáng: Hội nghị học tập, quán triệt Nghị
quyết Đại hội Đảng bộ tỉnh. Địa điểm: Trung tâm
Chính trị huyện
- Đoàn công tác của Ban Tuyên giáo Tỉnh ủy
làm việc với Huyện ủy. Địa điểm: Phòng
họp Huyện ủy
Ban Tuyên giáo
Văn phòng Huyện ủy
3 Sáng: Hội nghị hội viên Hội Liên hiệp
Phụ nữ huyện giữa nhiệm kỳ 2021 - 2026.
Địa điểm: Hội trường UBND huyện
Hội Liên hiệp
Phụ nữ huyện
4 Chiều: Giao ban Thường trực Huyện ủy với
các ban xây dựng Đảng. Địa điểm: Phòng
họp số 2
Văn phòng Đ/c Hải - Bí thư
"""


def test_pdf_layer_places_on_a_line_end_and_rows_without_a_leader():
    check(HUYEN_UY_LAYER, [
        ev("2026-03-02", "quán triệt", session="morning", officials=[], units=["Ban Tuyên giáo"],
           location="Trung tâm Chính trị huyện",
           title="Hội nghị học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh"),
        ev("2026-03-02", "Đoàn công tác", session="morning", officials=[], units=["Văn phòng Huyện ủy"],
           location="Phòng họp Huyện ủy"),
        ev("2026-03-03", "Hội Liên hiệp", session="morning", officials=[], units=["Hội Liên hiệp Phụ nữ huyện"],
           title="Hội nghị hội viên Hội Liên hiệp Phụ nữ huyện giữa nhiệm kỳ 2021 - 2026",
           location="Hội trường UBND huyện"),
        ev("2026-03-04", "Giao ban", session="afternoon", officials=["Hải"], units=["Văn phòng"],
           location="Phòng họp số 2"),
    ], period={"month": 3, "year": 2026})


# A unit and a leader in capitals on one line ("BTC, VP BTV ĐUK") beside a greeting in capitals; a row
# on one line whose item ends with "số" that awaits no number ("chuyển đổi số Văn phòng Đ/c Lạc").
ACRONYM_SIDES_LAYER = """CHƯƠNG TRÌNH CÔNG TÁC THÁNG 12 NĂM 2023
Ngày Nội dung công việc Đơn vị chuẩn bị Người chủ trì
15 - Hội nghị kiểm điểm tập thể, cá nhân
Ban Thường vụ Đảng ủy Khối năm 2023.
BTC, VP BTV ĐUK
CHÚC MỪNG NĂM MỚI
18 Sáng: Kiểm tra nhận thức xét kết nạp Đảng.
Ban Tổ chức Thường trực
19 Sáng: Hội thảo về chuyển đổi số Văn phòng Đ/c Lạc - GĐ Sở
20 Sáng: Tiếp công dân định kỳ tháng
12
Ban Tiếp công dân
Chủ tịch UBND huyện, các Phó
Chủ tịch UBND huyện
"""


def test_pdf_layer_acronym_sides_are_no_page_furniture():
    check(ACRONYM_SIDES_LAYER, [
        ev("2023-12-15", "kiểm điểm", officials=["BTV ĐUK"], units=["BTC", "VP"],
           title="Hội nghị kiểm điểm tập thể, cá nhân Ban Thường vụ Đảng ủy Khối năm 2023."),
        ev("2023-12-18", "kết nạp", session="morning", officials=["Thường trực"], units=["Ban Tổ chức"]),
        ev("2023-12-19", "chuyển đổi số", title="Hội thảo về chuyển đổi số", session="morning", officials=["Lạc"],
           units=["Văn phòng"]),
        ev("2023-12-20", "Tiếp công dân", title="Tiếp công dân định kỳ tháng 12", session="morning",
           officials=["Chủ tịch UBND huyện", "các Phó Chủ tịch UBND huyện"], units=["Ban Tiếp công dân"]),
    ], period={"month": 12, "year": 2023})


# A department's month as a PDF text layer whose unit and leader cells fit on one line, the leader a title
# rather than "Đ/c …" ("Văn phòng Sở Bí thư Chi bộ", "Phòng Nội vụ Chủ tịch UBND" / "huyện"), beside an
# item whose wrapped line names a body and then a title ("… Bí thư Tỉnh ủy, Chủ tịch" / "HĐND tỉnh và đồng
# chí Chủ tịch UBND" / "tỉnh tiếp công dân"), and a leader cell of a group ("Ban Giám đốc").
TITLE_SIDES_LAYER = """SỞ TÀI CHÍNH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 1 NĂM 2027
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
4 Sáng: 7h30: Chào cờ và giao ban đầu
năm. Địa điểm: Hội trường Sở
Văn phòng Sở Ban Giám đốc
15 Sáng: Đồng chí Bí thư Tỉnh ủy, Chủ tịch
HĐND tỉnh và đồng chí Chủ tịch UBND
tỉnh tiếp công dân định kỳ
Ban Tiếp công
dân tỉnh
Giám đốc Sở
20 Sáng: 8h30: Hội nghị sơ kết công tác cải
cách hành chính năm 2026
Phòng Nội vụ Chủ tịch UBND
huyện, Đ/c Lê
Minh Đức - PCT
22 Chiều: 14h30: Họp Chi bộ định kỳ tháng
1
Văn phòng Sở Bí thư Chi bộ
"""


def test_pdf_layer_unit_and_a_titled_leader_on_one_line():
    check(TITLE_SIDES_LAYER, [
        ev("2027-01-04", "Chào cờ", officials=["Ban Giám đốc"], units=["Văn phòng Sở"], location="Hội trường Sở"),
        ev("2027-01-15", "tiếp công dân",
           title="Đồng chí Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh và đồng chí Chủ tịch UBND tỉnh tiếp công dân định kỳ",
           officials=["Giám đốc Sở"], units=["Ban Tiếp công dân tỉnh"]),
        ev("2027-01-20", "cải cách", officials=["Chủ tịch UBND huyện", "Lê Minh Đức"], units=["Phòng Nội vụ"]),
        ev("2027-01-22", "Chi bộ", title="Họp Chi bộ định kỳ tháng 1", officials=["Bí thư Chi bộ"], units=["Văn phòng Sở"]),
    ], period={"month": 1, "year": 2027})


# A district Party Committee's month as a PDF text layer: Party organs as the units and as who presides
# ("Ủy ban Kiểm" / "tra Huyện ủy" beside "Bí thư Huyện ủy"), an organ wrapped before its committee
# ("Ủy ban Kiểm tra" / "Huyện ủy"), a presiding organ whose name holds a verb ("Ban Tổ chức Huyện ủy").
DISTRICT_PARTY_LAYER = pdf("""HUYỆN ỦY KỲ ANH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 4 NĂM 2027
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
6 Sáng: Kiểm tra việc thực hiện quy chế
làm việc và công tác cán bộ tại Đảng ủy
xã Kỳ Phong
Chiều: Làm việc với Ban Chỉ huy Quân sự
huyện về công tác tuyển quân và diễn
tập khu vực phòng thủ
Ủy ban Kiểm
tra Huyện ủy
Ban Chỉ huy
Quân sự
huyện
Ủy ban Kiểm tra
Huyện ủy
Bí thư Huyện ủy
9 Sáng: Họp xét đề nghị thi hành kỷ luật
đảng viên
Ủy ban Kiểm
tra Huyện ủy
Chủ nhiệm Ủy
ban Kiểm tra
Huyện ủy
""")


def test_a_district_party_layer_whose_organs_prepare_and_preside():
    check(DISTRICT_PARTY_LAYER, [
        ev("2027-04-06", "quy chế", units=["Ủy ban Kiểm tra Huyện ủy"], officials=["Ủy ban Kiểm tra Huyện ủy"]),
        ev("2027-04-06", "tuyển quân", units=["Ban Chỉ huy Quân sự huyện"], officials=["Bí thư Huyện ủy"]),
        ev("2027-04-09", "kỷ luật", title="Họp xét đề nghị thi hành kỷ luật đảng viên", units=["Ủy ban Kiểm tra Huyện ủy"],
           officials=["Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"]),
    ])


def test_a_presiding_organ_whose_name_holds_a_verb_is_one_official():
    check("""CHƯƠNG TRÌNH CÔNG TÁC THÁNG 4 NĂM 2027
Thứ Tư (21/4/2027)
- Thẩm định hồ sơ đề nghị xét tặng Huy hiệu Đảng đợt 19/5 (Ban Tổ chức Huyện ủy chuẩn bị). Chủ trì: Ban Tổ chức Huyện ủy.
- Dự Hội nghị Ban Thường vụ Tỉnh ủy. Chủ trì: Bí thư Huyện ủy.
Thứ Sáu (30/4/2027)
- Nghỉ lễ Ngày Giải phóng miền Nam 30/4 và Quốc tế Lao động
1/5.
""", [
        ev("2027-04-21", "Huy hiệu Đảng", officials=["Ban Tổ chức Huyện ủy"], units=["Ban Tổ chức Huyện ủy"]),
        ev("2027-04-21", "Ban Thường vụ Tỉnh ủy", officials=["Bí thư Huyện ủy"]),
        ev("2027-04-30", "Nghỉ lễ", title="Nghỉ lễ Ngày Giải phóng miền Nam 30/4 và Quốc tế Lao động 1/5", kind="holiday"),
    ])


# A city's month as a PDF text layer: the item's place named after a label the layer broke
# ("… năm 2027. Địa" / "điểm: Phòng họp số 2, UBND thành phố"), then the units cell's first line.
CITY_PLACE_LAYER = pdf("""UBND THÀNH PHỐ HÀ TĨNH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 2 NĂM 2027
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
2 Sáng: Giao ban Thường trực UBND thành
phố tháng 2. Địa điểm: Phòng họp số 1
Chiều: Gặp mặt cán bộ hưu trí nhân dịp
chào Xuân Đinh Mùi năm 2027. Địa
điểm: Phòng họp số 2, UBND thành phố
Phòng Nội vụ,
Văn phòng
HĐND và
UBND thành
phố
Phòng Văn
hóa và Thông
tin
Chủ tịch UBND
thành phố
Đ/c Trần Thị
Thanh Hương -
PCT
""")


def test_a_city_layer_whose_place_label_the_line_broke_before_the_units():
    check(CITY_PLACE_LAYER, [
        ev("2027-02-02", "Giao ban", units=["Phòng Nội vụ", "Văn phòng HĐND và UBND thành phố"],
           officials=["Chủ tịch UBND thành phố"], location="Phòng họp số 1"),
        ev("2027-02-02", "hưu trí", units=["Phòng Văn hóa và Thông tin"], officials=["Trần Thị Thanh Hương"],
           location="Phòng họp số 2, UBND thành phố"),
    ])


# A women's union's month as a PDF text layer: an item that ends with its quoted movement's name, the
# quote opened two lines above ("… thi đua \"Phụ" / … / "… hạnh phúc\""), then the unit's first line.
QUOTED_TITLE_LAYER = pdf("""HỘI LIÊN HIỆP PHỤ NỮ TỈNH
CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2027
Ngày Nội dung công việc Đơn vị chuẩn
bị
Người chủ trì
11 Chiều: Thẩm định hồ sơ đề nghị khen
thưởng tập thể, cá nhân có thành tích
xuất sắc trong phong trào thi đua "Phụ
nữ tích cực học tập, lao động sáng tạo,
xây dựng gia đình hạnh phúc"
Ban Tổ chức -
Kiểm tra, Văn
phòng
Đ/c Trần Thị
Thu Hà - CT
""")


def test_an_item_ending_on_its_closing_quote_leaves_the_unit_to_its_column():
    check(QUOTED_TITLE_LAYER, [
        ev("2027-10-11", "Thẩm định", title='Thẩm định hồ sơ đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc '
           'trong phong trào thi đua "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc"',
           units=["Ban Tổ chức - Kiểm tra", "Văn phòng"], officials=["Trần Thị Thu Hà"]),
    ])
