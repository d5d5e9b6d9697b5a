#!/usr/bin/env python3
"""Builds tests/data/scan-week-*.pdf: weekly programs of a district UBND written for these tests
(invented weeks, officials, units and places) in the ruled style district offices scan: a title
block, a table whose day cell spans its items, session cells, a clock time opening each item,
leaders as "- Đ/c: Name - PCT", signature and seal. Word → LibreOffice PDF → rasterised at 150 or
200 dpi, tilted, noisy, JPEG-compressed, with a red stamp blot. The gold (tests/gold/scans/) was
written by hand from these tables. Seeded, so it rebuilds the same files.

    python tests/data/make_week_scans.py
"""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import docx
import numpy as np
import pypdfium2
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
HEAD5 = ["Thời gian", "", "Nội dung", "Lãnh đạo UBND huyện chủ trì, tham dự",
         "Lãnh đạo Văn phòng; chuyên viên; các phòng, ban liên quan", "Địa điểm"]

# Each day: (day cell, [(session cell, [(content, leader, office, place), ...]), ...])
WEEK25 = [
    ("Thứ hai\nNgày 17/6/2019", [
        ("Sáng", [
            ("07h30: Chào cờ đầu tuần", "- Đ/c: Lê Văn Hòa - CT", "", "Hội trường UBND huyện"),
            ("08h30: Làm việc với Phòng Tài nguyên và Môi trường về công tác cấp giấy chứng nhận quyền sử dụng đất",
             "- Đ/c: Phạm Thị Hương - PCT", "Phòng Tài nguyên và Môi trường", "Phòng họp số 2"),
        ]),
        ("Chiều", [
            ("14h00: Họp Hội đồng thi đua khen thưởng huyện", "- Đ/c: Lê Văn Hòa - CT", "Phòng Nội vụ", "Phòng họp số 1"),
        ]),
    ]),
    ("Thứ ba\nNgày 18/6/2019", [
        ("Sáng", [
            ("07h30: Kiểm tra tiến độ xây dựng trường tiểu học Nguyễn Trãi, xã Nam Đà",
             "- Đ/c: Phạm Thị Hương - PCT", "Phòng Tài chính - Kế hoạch", "Xã Nam Đà"),
        ]),
        ("Chiều", [
            ("13h30: Tiếp công dân định kỳ", "- Đ/c: Lê Văn Hòa - CT", "Ban Tiếp công dân", "Trụ sở Tiếp công dân huyện"),
            ("15h00: Họp bàn phương án phòng chống dịch tả lợn châu Phi trên địa bàn huyện",
             "- Đ/c: Phạm Thị Hương - PCT", "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng họp trực tuyến"),
        ]),
    ]),
    ("Thứ tư\nNgày 19/6/2019", [
        ("Cả ngày", [
            ("Đi kiểm tra công tác chuẩn bị kỳ thi tuyển sinh vào lớp 10 tại các điểm thi",
             "- Đ/c: Phạm Thị Hương - PCT", "Phòng Giáo dục và Đào tạo", "Các điểm thi"),
        ]),
    ]),
    ("Thứ năm\nNgày 20/6/2019", [
        ("Sáng", [
            ("08h00: Hội nghị sơ kết công tác giảm nghèo 6 tháng đầu năm 2019",
             "- Đ/c: Lê Văn Hòa - CT", "Phòng Lao động - Thương binh và Xã hội", "Hội trường UBND huyện"),
        ]),
        ("Chiều", [
            ("14h00: Làm việc với Đoàn công tác của Sở Kế hoạch và Đầu tư", "- Đ/c: Lê Văn Hòa - CT",
             "Văn phòng HĐND và UBND", "Phòng họp số 1"),
        ]),
    ]),
    ("Thứ sáu\nNgày 21/6/2019", [
        ("Sáng", [
            ("07h30: Giao ban Thường trực Huyện ủy", "- Đ/c: Lê Văn Hòa - CT", "", "Huyện ủy"),
            ("09h00: Đối thoại với hộ dân bị ảnh hưởng dự án đường giao thông liên xã Đắk Sôr - Nam Xuân",
             "- Đ/c: Phạm Thị Hương - PCT", "Ban Quản lý dự án đầu tư xây dựng huyện", "UBND xã Nam Xuân"),
        ]),
    ]),
]

WEEK26 = [
    ("Thứ hai\nNgày 24/6/2019", [
        ("Cả ngày", [
            ("07h30: Giao ban Ủy ban nhân dân huyện", "- Đ/c: Ngô Xuân Đông - CT\n- Đ/c: Hoàng Minh Tuấn - PCT",
             "Văn phòng HĐND và UBND", "Phòng họp số 1"),
            ("14h00: Họp thẩm định hồ sơ đề nghị công nhận xã Buôn Choáh đạt chuẩn nông thôn mới",
             "- Đ/c: Hoàng Minh Tuấn - PCT", "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng họp số 2"),
        ]),
    ]),
    ("Thứ ba\nNgày 25/6/2019", [
        ("Cả ngày", [
            ("08h00: Dự Hội nghị trực tuyến của Ủy ban nhân dân tỉnh về tình hình kinh tế - xã hội 6 tháng đầu năm",
             "- Đ/c: Ngô Xuân Đông - CT", "Phòng Tài chính - Kế hoạch", "Phòng họp trực tuyến"),
            ("13h30: Kiểm tra công tác quản lý, bảo vệ rừng tại xã Quảng Phú", "- Đ/c: Hoàng Minh Tuấn - PCT",
             "Hạt Kiểm lâm huyện", "Xã Quảng Phú"),
        ]),
    ]),
    ("Thứ tư\nNgày 26/6/2019", [
        ("Cả ngày", [
            ("07h30: Tiếp và làm việc với Đoàn giám sát của Ban Kinh tế - Xã hội HĐND tỉnh",
             "- Đ/c: Ngô Xuân Đông - CT", "Phòng Kinh tế và Hạ tầng", "Hội trường UBND huyện"),
        ]),
    ]),
    ("Thứ năm\nNgày 27/6/2019", [
        ("Cả ngày", [
            ("07h30: Họp Ban Chỉ đạo phòng, chống tội phạm và tệ nạn xã hội huyện", "- Đ/c: Hoàng Minh Tuấn - PCT",
             "Công an huyện", "Phòng họp số 1"),
            ("14h00: Làm việc với Phòng Văn hóa và Thông tin về tổ chức Ngày hội văn hóa các dân tộc",
             "- Đ/c: Ngô Xuân Đông - CT", "Phòng Văn hóa và Thông tin", "Phòng họp số 2"),
        ]),
    ]),
    ("Thứ sáu\nNgày 28/6/2019", [
        ("Cả ngày", [
            ("08h00: Dự lễ khánh thành cầu treo buôn Ja Ráh, xã Nâm Nung", "- Đ/c: Hoàng Minh Tuấn - PCT",
             "", "Xã Nâm Nung"),
        ]),
    ]),
]

WEEK27 = [
    ("Thứ hai\nNgày 01/7/2019", [
        ("Sáng", [
            ("07h00: Chào cờ và sinh hoạt dưới cờ tháng 7", "- Đ/c: Lê Văn Hòa - CT", "", "Sân UBND huyện"),
            ("08h30: Họp giao ban công tác tài chính, ngân sách 6 tháng đầu năm", "- Đ/c: Trịnh Quốc Bảo - PCT",
             "Phòng Tài chính - Kế hoạch", "Phòng họp số 1"),
        ]),
        ("Chiều", [
            ("14h00: Làm việc với Chi cục Thuế khu vực về công tác thu ngân sách", "- Đ/c: Trịnh Quốc Bảo - PCT",
             "Chi cục Thuế khu vực", "Phòng họp số 1"),
        ]),
    ]),
    ("Thứ ba\nNgày 02/7/2019", [
        ("Sáng", [
            ("08h00: Kiểm tra công tác phòng chống lụt bão tại các xã ven sông Krông Nô",
             "- Đ/c: Trịnh Quốc Bảo - PCT", "Phòng Nông nghiệp và Phát triển nông thôn", "Xã Đức Xuyên"),
        ]),
        ("Chiều", [
            ("13h30: Tiếp công dân định kỳ tháng 7", "- Đ/c: Lê Văn Hòa - CT", "Ban Tiếp công dân",
             "Trụ sở Tiếp công dân huyện"),
        ]),
    ]),
    ("Thứ tư\nNgày 03/7/2019", [
        ("Sáng", [
            ("07h30: Họp xét duyệt hồ sơ hỗ trợ nhà ở cho hộ nghèo năm 2019", "- Đ/c: Trịnh Quốc Bảo - PCT",
             "Phòng Lao động - Thương binh và Xã hội", "Phòng họp số 2"),
        ]),
        ("Chiều", [
            ("14h00: Làm việc với Phòng Tư pháp về công tác tuyên truyền pháp luật", "- Đ/c: Lê Văn Hòa - CT",
             "Phòng Tư pháp", "Phòng họp số 1"),
        ]),
    ]),
    ("Thứ năm, Thứ sáu\nNgày 04-05/7/2019", [
        ("Cả ngày", [
            ("Dự Hội nghị tập huấn công tác cải cách hành chính tại tỉnh", "- Đ/c: Lê Văn Hòa - CT",
             "Phòng Nội vụ", "Sở Nội vụ tỉnh"),
        ]),
    ]),
]

WEEKS = [  # (file stem, organization line, week number, period line, days, dpi, tilt °, seed)
    ("scan-week-2019w25", 25, "Từ ngày 17/6/2019 đến ngày 21/6/2019", WEEK25, 200, 0.7, 25),
    ("scan-week-2019w26", 26, "Từ ngày 24/6/2019 đến ngày 28/6/2019", WEEK26, 150, -0.9, 26),
    ("scan-week-2019w27", 27, "Từ ngày 01/7/2019 đến ngày 05/7/2019", WEEK27, 200, 1.2, 27),
]


def _para(container, text: str, bold: bool = False, size: int = 12, center: bool = False) -> None:
    p = container.add_paragraph()
    run = p.add_run(text)
    run.bold, run.font.size, run.font.name = bold, Pt(size), "Times New Roman"
    p.paragraph_format.space_after = Pt(0)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _fill(cell, text: str, bold: bool = False, center: bool = False) -> None:
    cell.text = ""
    for k, line in enumerate(text.split("\n")):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        head, sep, rest = line.partition(": ") if line[:2].isdigit() else ("", "", line)
        if sep:  # the clock time in bold, as offices write it
            r = p.add_run(head + ":")
            r.bold, r.font.size, r.font.name = True, Pt(12), "Times New Roman"
            rest = " " + rest
        r = p.add_run(rest)
        r.bold, r.font.size, r.font.name = bold, Pt(12), "Times New Roman"
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build(path: Path, week: int, period: str, days) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    top = document.add_table(rows=1, cols=2)
    _fill(top.rows[0].cells[0], "UỶ BAN NHÂN DÂN\nHUYỆN KRÔNG NÔ", bold=True, center=True)
    _fill(top.rows[0].cells[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold=True, center=True)
    _para(document, f"LỊCH CÔNG TÁC TUẦN THỨ {week} - NĂM 2019", bold=True, size=13, center=True)
    _para(document, f"{period} của UBND huyện, Chủ tịch và các Phó Chủ tịch UBND huyện", bold=True, center=True)
    rows = sum(len(items) for _, sessions in days for _, items in sessions)
    table = document.add_table(rows=rows + 1, cols=6)
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, HEAD5):
        _fill(cell, name, bold=True, center=True)
    table.rows[0].cells[0].merge(table.rows[0].cells[1])
    _fill(table.rows[0].cells[0], "Thời gian", bold=True, center=True)
    r = 1
    for day, sessions in days:
        first_day = r
        for session, items in sessions:
            first_session = r
            for content, leader, office, place in items:
                cells = table.rows[r].cells
                for k, text in zip((2, 3, 4, 5), (content, leader, office, place)):
                    _fill(cells[k], text)
                r += 1
            if r - first_session > 1:
                table.cell(first_session, 1).merge(table.cell(r - 1, 1))
            _fill(table.cell(first_session, 1), session, center=True)
        if r - first_day > 1:
            table.cell(first_day, 0).merge(table.cell(r - 1, 0))
        _fill(table.cell(first_day, 0), day, bold=True, center=True)
    table.autofit = False
    for k, width in enumerate((3.0, 1.6, 9.0, 5.2, 4.6, 3.3)):  # LibreOffice reads the grid's widths
        table.columns[k].width = Cm(width)
        for cell in table.columns[k].cells:
            cell.width = Cm(width)
    _para(document, "")
    sign = document.add_table(rows=1, cols=2)
    _fill(sign.rows[0].cells[0], "Nơi nhận:\n- TT Huyện ủy;\n- Lưu: VT.")
    _fill(sign.rows[0].cells[1], "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\n\n\nNguyễn Văn Bình", bold=True, center=True)
    document.save(path)


def scan(page: Image.Image, rng: np.random.Generator, dpi: int, tilt: float, stamp: bool) -> Image.Image:
    """The page as an office scanner gives it: tilted, noisy, a seal over the signature."""
    page = page.convert("RGB").rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor="white")
    if stamp:
        draw = ImageDraw.Draw(page, "RGBA")
        x, y, r = int(page.width * 0.72), int(page.height * 0.80), int(dpi * 0.7)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(200, 30, 40, 150), width=int(dpi * 0.05))
        draw.ellipse((x - r // 3, y - r // 3, x + r // 3, y + r // 3), fill=(200, 30, 40, 90))
    pixels = np.asarray(page).astype(np.int16)
    pixels += rng.normal(0, 10, pixels.shape[:2])[..., None].astype(np.int16)
    pixels[rng.random(pixels.shape[:2]) < 0.001] = 40
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def main() -> None:
    for stem, week, period, days, dpi, tilt, seed in WEEKS:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / f"{stem}.docx"
            build(source, week, period, days)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                            f"-env:UserInstallation=file://{tmp}/profile", str(source)], check=True, capture_output=True)
            pdf = pypdfium2.PdfDocument(Path(tmp) / f"{stem}.pdf")
            rng = np.random.default_rng(seed)
            pages = [scan(pdf[k].render(scale=dpi / 72).to_pil(), rng, dpi, tilt, k == len(pdf) - 1) for k in range(len(pdf))]
        out = io.BytesIO()
        pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=55)
        (HERE / f"{stem}.pdf").write_bytes(out.getvalue())
        print(f"{stem}.pdf: {len(pages)} pages, {len(out.getvalue()) // 1024} KB")


if __name__ == "__main__":
    main()
