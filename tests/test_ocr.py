"""Scans through OCR: the repairs as pure functions, and real scans read end to end with Tesseract.

The end-to-end tests need Debian's tesseract-ocr-vie (.ci/run installs it) and skip, saying so, without it."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lichsync.errors import InputError
from lichsync.parse.model import Event
from lichsync.parse.ocr_repair import (
    apply_phrases,
    name_words,
    phrase_words,
    repair_names,
    repair_text,
    review,
    snap_units,
)
from lichsync.read import detect
from scoring import FIELDS, agrees, pair, score

ROOT = Path(__file__).resolve().parents[1]
KRONGNO = ROOT / "samples" / "weekly" / "krongno-ubnd-2019w24.pdf"
SCAN = ROOT / "tests" / "data" / "scan-so-ldtbxh-hatinh-2023-09.pdf"


def test_repair_text_puts_right_what_ocr_misreads_on_every_scan():
    assert repair_text("- Đíc: Trần Đăng Ánh - PCT") == "- Đ/c: Trần Đăng Ánh - PCT"
    assert repair_text("Đ/e Lạc - GĐ") == "Đ/c Lạc - GĐ"
    assert repair_text("- Đc: Nguyễn Xuân Danh") == "- Đ/c: Nguyễn Xuân Danh"
    assert repair_text("- Ð/c: Nguyễn Xuân Danh —- PCT") == "- Đ/c: Nguyễn Xuân Danh – PCT"
    assert repair_text("Giao ban công tác tháng 5. nhiệm vụ") == "Giao ban công tác tháng 5, nhiệm vụ"
    assert repair_text("Phòng họp số l") == "Phòng họp số 1"
    assert repair_text("Phòng họp số Ì") == "Phòng họp số 1"
    assert repair_text("- Đ(c: Trịnh Quốc Bảo") == "- Đ/c: Trịnh Quốc Bảo"
    assert repair_text("'Thứ Hai, ngày 15/6/2026") == "Thứ Hai, ngày 15/6/2026"
    assert repair_text("~ 8h00: Chủ tịch UBND huyện") == "- 8h00: Chủ tịch UBND huyện"
    assert repair_text("Đọc sách") == "Đọc sách"  # a word that only starts with Đ is left alone
    assert repair_text("Họp tại P. họp 2") == "Họp tại P. họp 2"  # an abbreviation keeps its point
    # a capital with a diacritic is a capital: a sentence ends before it
    assert repair_text("Giao ban tháng 5. Đ/c Hải chủ trì") == "Giao ban tháng 5. Đ/c Hải chủ trì"
    assert repair_text("Đc ở lại cơ quan") == "Đc ở lại cơ quan"  # "Đ/c" only before a name


def test_a_name_without_its_marks_becomes_the_one_written_intact():
    names = ["Trần Đăng Ánh", "Trần Đăng Ánh", "Trân Đăng Anh", "Nguyễn Xuân Danh"]
    assert repair_names(names) == {"Trân Đăng Anh": "Trần Đăng Ánh"}
    texts = ["Thị Trấn Đắk Mâm", "xã Đắk Nang và Đắk Drô", "Xã Đăk Nang"]
    assert name_words(texts) == {"Đăk": "Đắk"}
    # "Dự án" is no name: "án" opens in lower case, diacritic or not, so "Nguyễn Du" keeps its spelling
    assert name_words(["Đại thi hào Nguyễn Du", "Dự án cấp nước", "tái định cư Dự án cảng"]) == {}


def test_a_word_read_with_other_marks_than_the_same_phrase_elsewhere_takes_that_spelling():
    texts = ["Họp giải quyết vướng mắc liên quan đên dự án", "Làm việc với các đơn vị liên quan đến đề nghị",
             "từ ngày 04/6 đến ngày 05/7", "Ban Tuyên giáo Tỉnh ủy", "Phòng họp trực tuyên"]
    fixes = phrase_words(texts)
    assert apply_phrases(texts[0], fixes) == "Họp giải quyết vướng mắc liên quan đến dự án"
    # no phrase in common: "Tuyên giáo" says nothing about "trực tuyên"; a tie changes nothing
    assert apply_phrases(texts[4], fixes) == "Phòng họp trực tuyên"
    assert phrase_words(["liên quan đên", "liên quan đến"]) == {}


def test_a_standing_body_read_a_mark_off_takes_its_name():
    assert snap_units("Ủy quyền Phòng Tài Nguyễn Môi trường tham dự") == "Ủy quyền Phòng Tài Nguyên Môi trường tham dự"
    assert snap_units("Giao ban Úy ban nhân dân huyện") == "Giao ban Ủy ban nhân dân huyện"
    assert snap_units("Phòng Lao đông - Thương bình và Xã hội") == "Phòng Lao động - Thương binh và Xã hội"
    # names of people and ordinary words that are no body's name stay as read
    assert snap_units("Đ/c Nguyễn Văn Tài, Nguyễn Môi") == "Đ/c Nguyễn Văn Tài, Nguyễn Môi"
    assert snap_units("Phòng Giáo dúc vả Đào tao") == "Phòng Giáo dúc vả Đào tao"  # three marks off: too far to tell


def test_a_syllable_closed_by_a_stop_without_its_tone_is_no_word():
    pytest.importorskip("wordfreq")
    from lichsync.read.ocr import restore_marks

    # "hop" is a word to wordfreq (English), never to Vietnamese: Tesseract's second choice "ọ" stands.
    assert restore_marks([("H", []), ("o", [("o", 88.4), ("ọ", 46.4)]), ("p", [])]) == "Họp"


def test_review_repairs_a_12_hour_reading_warns_the_rest_and_names_each_page():
    events = [
        Event(date(2019, 6, 10), "Họp", session="afternoon", start_time="02:00", line=5),
        Event(date(2019, 6, 10), "Dự hội nghị", session="morning", start_time="18:30", line=6),
        Event(date(2019, 6, 10), "Tiếp khách", session="morning", start_time="12:30", line=7),
        Event(date(2019, 6, 11), "Tiếp dân", session="morning", start_time="07:30", line=9, officials=["Trân Đăng Anh"]),
        Event(date(2019, 6, 11), "Giao ban", officials=["Trần Đăng Ánh", "Trần Đăng Ánh"], line=12),
    ]
    out, warnings = review(events, {5: 1, 6: 1, 7: 1, 9: 2, 12: 2})
    assert [e.start_time for e in out[:3]] == ["14:00", "06:30", "12:30"]
    assert out[3].officials == ["Trần Đăng Ánh"]
    assert [w.message for w in warnings if w.code == "ocr_time"] == [
        "02:00 in the afternoon read as 14:00", "18:30 in the morning read as 06:30",
        "12:30 does not fall in the morning; check the scan"]
    assert [(w.line, w.message) for w in warnings if w.code == "ocr"] == [
        (n, f"read through OCR from page {p}: glance at it") for n, p in [(5, 1), (6, 1), (7, 1), (9, 2), (12, 2)]]


def test_photos_are_told_apart_by_content():
    assert detect.detect(b"\x89PNG\r\n\x1a\n....") == detect.IMAGE
    assert detect.detect(b"\xff\xd8\xff\xe0....") == detect.IMAGE
    assert detect.detect(b"II*\x00....") == detect.IMAGE


def test_restore_marks_takes_a_second_choice_only_where_it_makes_a_word():
    pytest.importorskip("wordfreq")
    from lichsync.read.ocr import restore_marks

    def word(*symbols):
        return [(s, choices) for s, choices in symbols]

    # "triên" is no word; Tesseract's second choice "ể" makes "triển".
    assert restore_marks(word(("t", []), ("r", []), ("i", []), ("ê", [("ê", 93.0), ("ể", 73.6)]), ("n", []))) == "triển"
    # A stacked mark lost with no second choice, where the word read is none: "tôt" → "tốt".
    assert restore_marks(word(("t", []), ("ô", [("ô", 95.0)]), ("t", []))) == "tốt"
    # A real word keeps its reading when the alternative is not a stacked vowel's ("thi", not "thì").
    assert restore_marks(word(("t", []), ("h", []), ("i", [("i", 85.7), ("ì", 21.0)]))) == "thi"


def test_two_words_that_make_no_word_together_take_the_alternative_that_makes_one():
    pytest.importorskip("pyvi")
    from lichsync.read.ocr import restore_compounds

    def word(text, **alternatives):
        return [(ch, [(ch, 95.0)] + ([(alternatives[ch], alternatives["conf"])] if ch in alternatives else []))
                for ch in text]

    line = ["Phòng", "họp", "trực", "tuyên"]
    symbols = [word("Phòng"), word("họp", ọ="ộ", conf=30.0), word("trực"), word("tuyên", ê="ế", conf=30.0)]
    # "trực tuyến" is a word, "trực tuyên" none; "phòng họp" stays although "hộp" was seen ("họp số" ≠ "hộp số").
    assert restore_compounds(line, symbols) == ["Phòng", "họp", "trực", "tuyến"]
    # an alternative Tesseract hardly saw is no evidence
    assert restore_compounds(line, symbols[:3] + [word("tuyên", ê="ế", conf=2.0)]) == line
    # a pair already a word stays, whatever was seen: "Chủ tịch" with "ú" seen
    assert restore_compounds(["Chủ", "tịch"], [word("Chủ", ủ="ú", conf=60.0), word("tịch")]) == ["Chủ", "tịch"]


def _tesseract():
    pytest.importorskip("tesserocr", reason="pip install 'lichsync[ocr]'")
    from lichsync.read import ocr

    if ocr.tessdata() is None:
        pytest.skip("Tesseract's Vietnamese data is not installed (apt-get install tesseract-ocr-vie)")


def _scores(path: Path, gold: Path):
    from lichsync.read.pipeline import parse_file

    program = parse_file(path)
    parsed, expected = program.to_dict(), json.loads(gold.read_text(encoding="utf-8"))
    s = score(expected, parsed)
    pairs = pair(expected["events"], parsed["events"])
    exact = sum(all(agrees(f, g, p) for f in FIELDS if f not in g.get("ambiguous", [])) for g, p in pairs)
    return program, s, exact / len(expected["events"])


@pytest.fixture(scope="module")
def krongno():
    _tesseract()
    return _scores(KRONGNO, ROOT / "tests" / "gold" / "weekly" / "krongno-ubnd-2019w24.json")


def test_the_visible_scan_reads_through_ocr(krongno):
    program, s, exact = krongno
    assert s.f1 >= 0.95, s
    assert exact >= 0.85, (exact, s.misses)
    pages = {w.message for w in program.warnings if w.code == "ocr"}
    assert pages == {"read through OCR from page 1: glance at it", "read through OCR from page 2: glance at it"}


def test_a_scan_made_from_a_sample_reads_through_ocr():
    """tests/data/make_scan.py: the sample printed by LibreOffice, at 170 dpi, tilted, noisy, stamped."""
    _tesseract()
    _, s, _ = _scores(SCAN, ROOT / "tests" / "gold" / "so-ldtbxh-hatinh-2023-09.json")
    assert s.f1 >= 0.95, s


@pytest.mark.parametrize("week", ["2019w25", "2019w26", "2019w27"])
def test_other_weeks_of_a_district_scanned_read_through_ocr(week):
    """tests/data/make_week_scans.py: weeks written for the tests in the district's ruled style (session
    cells, a 'Cả ngày' day, a two-day row, two leaders in a cell), scanned at 150–200 dpi; gold by hand."""
    _tesseract()
    _, s, exact = _scores(ROOT / "tests" / "data" / f"scan-week-{week}.pdf", ROOT / "tests" / "gold" / "scans" / f"scan-week-{week}.json")
    assert s.f1 >= 0.95, s
    assert exact >= 0.25, (exact, s.misses)  # 150 dpi (2019w26) loses marks no document evidence restores


def test_a_scanned_page_inside_a_text_pdf_is_read_through_ocr(tmp_path):
    """The sample's text first page, then its scanned pages: one program, the scanned events marked."""
    _tesseract()
    import pypdfium2

    mixed = pypdfium2.PdfDocument.new()
    scan = pypdfium2.PdfDocument(SCAN)
    mixed.import_pages(pypdfium2.PdfDocument(ROOT / "samples" / "so-ldtbxh-hatinh-2023-09.pdf"), [0])
    mixed.import_pages(scan, list(range(1, len(scan))))
    mixed.save(tmp_path / "mixed.pdf")
    program, s, _ = _scores(tmp_path / "mixed.pdf", ROOT / "tests" / "gold" / "so-ldtbxh-hatinh-2023-09.json")
    assert s.f1 >= 0.97, s
    assert {w.message for w in program.warnings if w.code == "ocr"} == {"read through OCR from page 2: glance at it"}


def test_a_photo_of_a_page_reads_like_the_scan(tmp_path):
    _tesseract()
    import pypdfium2

    from lichsync.read.pipeline import parse_file

    page = pypdfium2.PdfDocument(KRONGNO)[0].render(scale=200 / 72).to_pil()
    photo = tmp_path / "page1.jpg"
    page.save(photo, "JPEG", quality=85, dpi=(200, 200))
    program = parse_file(photo)
    assert {e.date for e in program.events} == {date(2019, 6, 10), date(2019, 6, 11)}
    assert any(e.title == "Giao ban Thường trực Huyện ủy" and e.start_time == "07:30" for e in program.events)


def test_a_phone_photo_of_a_typed_notice_reads_through_ocr():
    """tests/data/make_notice_photo.py: a prose week printed, photographed at a slant on a desk, lit
    unevenly, blurred, JPEG; the page is cut from the desk, squared and its light evened before OCR."""
    _tesseract()
    _, s, exact = _scores(ROOT / "tests" / "data" / "photo-notice-2026w25.jpg",
                          ROOT / "tests" / "gold" / "scans" / "photo-notice-2026w25.json")
    assert s.f1 >= 0.95, s
    assert exact >= 0.75, (exact, s.misses)


def test_without_tesseract_a_scan_says_what_to_install(monkeypatch):
    from lichsync.read import ocr
    from lichsync.read.pipeline import parse_data

    monkeypatch.setattr(ocr, "TESSDATA_GLOBS", [])
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    with pytest.raises(InputError) as err:
        parse_data(KRONGNO.read_bytes(), "scan.pdf")
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in err.value.problem
