#!/usr/bin/env python3
"""Builds tests/data/photo-notice-2026w25.jpg: a typed weekly notice written for the tests (day headings,
then "- 7h30: Chủ tịch … tại …" lines) as a phone photographs it: the printed page (Word → LibreOffice →
200 dpi) on a desk, seen at a slant (a perspective of a few degrees), lit unevenly with a shadow across
it, slightly out of focus, JPEG. The gold (tests/gold/scans/) was written by hand from the notice.

    python tests/data/make_notice_photo.py
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import cv2
import docx
import numpy as np
import pypdfium2
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
TARGET = HERE / "photo-notice-2026w25.jpg"
NOTICE = """UBND HUYỆN KRÔNG NÔ
VĂN PHÒNG HĐND VÀ UBND
THÔNG BÁO
Lịch công tác tuần của Chủ tịch, các Phó Chủ tịch UBND huyện
(Từ ngày 15/6/2026 đến ngày 19/6/2026)
Thứ Hai, ngày 15/6/2026
- 7h30: Chủ tịch UBND huyện chủ trì họp giao ban Ủy ban nhân dân huyện tại Phòng họp số 1.
- 14h00: Phó Chủ tịch Phạm Thị Hương dự họp với Sở Tài nguyên và Môi trường tại Hội trường UBND tỉnh.
Thứ Ba, ngày 16/6/2026
- 8h00: Chủ tịch UBND huyện tiếp công dân định kỳ tại Trụ sở Tiếp công dân huyện.
- 14h00: Phó Chủ tịch Hoàng Minh Tuấn kiểm tra công tác phòng chống dịch bệnh gia súc tại xã Nam Đà.
Thứ Tư, ngày 17/6/2026
- 7h30: Chủ tịch UBND huyện dự Hội nghị Ban Chấp hành Đảng bộ huyện tại Hội trường Huyện ủy.
Thứ Năm, ngày 18/6/2026
- 8h00: Phó Chủ tịch Phạm Thị Hương làm việc với Phòng Giáo dục và Đào tạo về kỳ thi tuyển sinh lớp 10 tại Phòng họp số 2.
- 15h00: Chủ tịch UBND huyện dự họp trực tuyến với UBND tỉnh tại Phòng họp trực tuyến.
Thứ Sáu, ngày 19/6/2026
- 7h30: Phó Chủ tịch Hoàng Minh Tuấn dự lễ khởi công công trình đường giao thông xã Đắk Drô.
Nơi nhận:
- Lãnh đạo UBND huyện;
- Lưu: VT."""
BOLD = ("UBND", "VĂN", "THÔNG", "Lịch", "(Từ", "Thứ")


def page_image(dpi: int) -> np.ndarray:
    """The notice printed: Word → LibreOffice PDF → grey pixels."""
    document = docx.Document()
    for line in NOTICE.split("\n"):
        run = document.add_paragraph().add_run(line)
        run.bold, run.font.size, run.font.name = line.startswith(BOLD), Pt(13), "Times New Roman"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "notice.docx"
        document.save(source)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                        f"-env:UserInstallation=file://{tmp}/profile", str(source)], check=True, capture_output=True)
        pdf = pypdfium2.PdfDocument(Path(tmp) / "notice.pdf")
        return np.asarray(pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))


def photograph(page: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The page on a desk, at a slant, lit from one side with a shadow, a little blurred and noisy."""
    h, w = page.shape
    pad = int(0.08 * w)
    desk = np.full((h + 2 * pad, w + 2 * pad), 95, np.uint8)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[pad + 0.03 * w, pad + 0.01 * h], [pad + w - 0.01 * w, pad + 0.03 * h],
                      [pad + w + 0.02 * w, pad + h - 0.01 * h], [pad - 0.02 * w, pad + h + 0.005 * h]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page, matrix, desk.shape[::-1], borderValue=0)
    mask = cv2.warpPerspective(np.full_like(page, 255), matrix, desk.shape[::-1], borderValue=0)
    photo = np.where(mask > 0, warped, desk).astype(np.float32)
    yy, xx = np.mgrid[0 : photo.shape[0], 0 : photo.shape[1]].astype(np.float32)
    light = 1.0 - 0.35 * (xx / photo.shape[1]) * (yy / photo.shape[0])  # darker towards one corner
    shadow = 1.0 - 0.25 * np.exp(-(((xx - 0.25 * photo.shape[1]) / (0.12 * photo.shape[1])) ** 2))  # a hand's shadow
    photo = photo * light * shadow + rng.normal(0, 6, photo.shape)
    photo = cv2.GaussianBlur(np.clip(photo, 0, 255).astype(np.uint8), (0, 0), 1.0)
    return photo


def main() -> None:
    photo = photograph(page_image(200), np.random.default_rng(25))
    cv2.imwrite(str(TARGET), photo, [cv2.IMWRITE_JPEG_QUALITY, 70])
    print(f"{TARGET.name}: {photo.shape[1]}×{photo.shape[0]}, {TARGET.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
