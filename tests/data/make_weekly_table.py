#!/usr/bin/env python3
"""Builds the weekly-table Word file and, with LibreOffice, its PDFs (ruled and unruled) used by
tests/test_weekly.py. Only this generator needs LibreOffice; the PDFs are committed.

    python tests/data/make_weekly_table.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
ROWS = [
    ("Thứ Hai\n14/7", "8h00", "Họp giao ban", "P. họp 1", "Chủ tịch"),
    ("", "14h00", "Tiếp công dân", "Trụ sở TCD", "PCT Nguyễn Văn A"),
    ("Thứ Ba\n15/7", "Sáng", "Dự Hội nghị tổng kết", "Hội trường 25B", "Đ/c Bình"),
]


def build(path: Path, ruled: bool) -> None:
    """A weekly table: day cells merged down their item rows, a time column, one item per row."""
    document = docx.Document()
    document.add_paragraph("LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH")
    document.add_paragraph("(Từ ngày 14/7/2025 đến ngày 18/7/2025)")
    table = document.add_table(rows=1, cols=5)
    if ruled:
        table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, ["Ngày", "Thời gian", "Nội dung", "Địa điểm", "Chủ trì"]):
        cell.text = name
    for row in ROWS:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    table.rows[1].cells[0].merge(table.rows[2].cells[0])
    document.save(path)


def main() -> int:
    for ruled in (True, False):
        name = "weekly-table" if ruled else "weekly-table-unruled"
        build(HERE / f"{name}.docx", ruled)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE),
                            f"-env:UserInstallation=file://{tmp}", str(HERE / f"{name}.docx")], check=True)
        if not ruled:
            (HERE / f"{name}.docx").unlink()  # the Word test uses the ruled one
    return 0


if __name__ == "__main__":
    sys.exit(main())
