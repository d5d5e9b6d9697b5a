"""Broken PDF and Word files, made here for real: each ends in one line naming the file, exit 2."""
from __future__ import annotations

import io
import json
import zipfile

import docx
import pypdf
from PIL import Image

from conftest import SAMPLES, run_cli
from test_cli_errors import assert_one_line_error

PDF = SAMPLES[0].with_suffix(".pdf")
DOCX = SAMPLES[0].with_suffix(".docx")


def expect(path, *words, env=None):
    proc = run_cli("parse", path, env=env)
    assert_one_line_error(proc, path)
    message = proc.stderr.lower()
    assert all(w.lower() in message for w in words), proc.stderr


def test_truncated_pdf(tmp_path):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(PDF.read_bytes()[: PDF.stat().st_size // 3])
    expect(path, "pdf")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    data = bytearray(PDF.read_bytes())
    data[200:] = bytes(b ^ 0x5A for b in data[200:])  # the header survives, the body does not
    path.write_bytes(bytes(data))
    expect(path, "pdf")


def test_encrypted_pdf(tmp_path):
    writer = pypdf.PdfWriter(clone_from=str(PDF))
    writer.encrypt(user_password="mật-khẩu", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as f:
        writer.write(f)
    expect(path, "encrypted")


def test_scanned_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    Image.new("L", (595, 842), 255).save(path, "PDF", resolution=72)  # a page that is only a picture
    expect(path, "no text layer", "scan")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (ASCII, Helvetica): a letter, no table."""
    shown = " ".join(f"({t}) Tj 0 -14 Td" for t in lines)
    stream = f"BT /F1 11 Tf 56 780 Td {shown} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_without_schedule_table(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(text_pdf(["CHUONG TRINH CONG TAC THANG 9 NAM 2023", "Kinh gui cac phong, don vi."]))
    expect(path, "no schedule table")


def test_docx_without_table(tmp_path):
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023")
    document.add_paragraph("Sáng: Họp giao ban")
    document.save(path)
    expect(path, "no table")


def test_docx_whose_table_is_not_a_schedule(tmp_path):
    path = tmp_path / "list.docx"
    document = docx.Document()
    document.add_paragraph("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Họ tên", "Chức vụ"
    table.cell(1, 0).text, table.cell(1, 1).text = "Nguyễn Văn A", "Giám đốc"
    document.save(path)
    expect(path, "no schedule table")


def test_damaged_docx(tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(DOCX.read_bytes()[:4000])
    expect(path, "word")


def test_zip_that_is_not_word(tmp_path):
    path = tmp_path / "sheet.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(buffer.getvalue())
    expect(path, "word")


def test_legacy_doc_without_libreoffice(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Word.Document.8" * 40)
    expect(path, ".doc", "libreoffice", env={"PATH": str(tmp_path)})


def test_file_over_size_limit(tmp_path):
    expect(PDF, "over the limit", "KB", env={"LICHSYNC_MAX_FILE_MB": "0.01"})


def test_pdf_over_page_limit():
    expect(PDF, "pages, over the limit", env={"LICHSYNC_MAX_PAGES": "2"})


def test_format_comes_from_content_not_name(tmp_path):
    """A PDF saved under a Word name, a Word file named .txt: both read as what they are."""
    for source, name in ((PDF, "program.docx"), (DOCX, "program.txt")):
        path = tmp_path / name
        path.write_bytes(source.read_bytes())
        proc = run_cli("parse", path, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["events"] == json.loads(run_cli("parse", source, "--format", "json").stdout)["events"]


def test_detect_by_first_bytes():
    from lichsync.read import detect

    assert detect.detect(PDF.read_bytes()) == detect.PDF
    assert detect.detect(DOCX.read_bytes()) == detect.DOCX
    assert detect.detect(detect.OLE_MAGIC + bytes(100)) == detect.DOC
    assert detect.detect(SAMPLES[0].read_bytes()) == detect.TEXT
    assert detect.detect(b"<!DOCTYPE html><html><table>") == detect.TEXT  # the text path reads pages
