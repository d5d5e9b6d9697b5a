"""Self-checks: on fragments (pure), on the five real programs (only true findings), and on
mutated copies of them (each mutation gives exactly the warning it should)."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import REPO, run_cli
from lichsync.parse import checks, items, vocab
from lichsync.parse.model import Event, Period
from lichsync.read.pipeline import parse_text
from lichsync.parse.rows import CONTENT, Piece, Row

SAMPLES = REPO / "samples"
SEED_000 = "so-ldtbxh-hatinh-2023-09.txt"
SEED_001 = "so-ldtbxh-hatinh-2021-11.txt"
SEED_002 = "so-khcn-hatinh-2024-01.txt"
SEED_003 = "tinhuy-hatinh-2024-01.txt"
SEED_004 = "dangbo-khoi-hatinh-2023-12.txt"

# Every finding `lichsync check` makes on the real programs, each read and confirmed by hand:
# seed 002 line 282 is in the row of 09/01/2024 and says "(theo kế hoạch BCĐ 389 tỉnh bắt đầu
# từ ngày 09/01/2023)": the plan starts on the row's own day, a year not updated; line 572 is
# "Từ ngày 16/12 đến 18/12: Đi công tác tại thành phố Hà Nội" in the row of 16 January.
TRUE_FINDINGS = {
    SEED_000: [],
    SEED_001: [],
    SEED_002: [(282, "year_mismatch"), (572, "span_month")],
    SEED_003: [],
    SEED_004: [],
}


def _parse(name: str, text: str | None = None):
    text = text if text is not None else (SAMPLES / name).read_text(encoding="utf-8")
    return parse_text(text, source=name)


def _checked(program) -> list[tuple[int, str]]:
    """(line, code) of the findings shown by `lichsync check` (errors and warnings)."""
    return [(w.line, w.code) for w in program.warnings if checks.level(w.code) != checks.NOTE]


def _mutate(name: str, line: int, old: str, new: str) -> str:
    lines = (SAMPLES / name).read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


# --- pure checks on fragments ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [("Thứ Hai", [0]), ("Hai", [0]), ("Sáu", [4]), ("7", [5]), ("CN", [6]), ("Chủ nhật", [6]),
     ("7, CN", [5, 6]), ("Thứ bảy", [5]), ("T3", [1])],
)
def test_weekday_names(text, expected):
    assert vocab.weekdays_named(text) == expected


def test_weekday_in_a_day_cell_needs_thu_before_a_digit():
    assert vocab.weekdays_named("Thứ 2, 05/9", bare_digits=False) == [0]
    assert vocab.weekdays_named("16 -17", bare_digits=False) == []


def test_weekday_against_the_rows_date():
    assert checks.check_weekday(Row("16", 5, weekday="Thứ Ba"), date(2024, 1, 16), None) is None
    found = checks.check_weekday(Row("16", 5, weekday="Thứ Tư"), date(2024, 1, 16), None)
    assert (found.code, found.line) == ("weekday_mismatch", 5)
    assert "16/01/2024 is Thứ Ba" in found.message
    assert checks.check_weekday(Row("9-10", 7, weekday="7, CN"), date(2023, 12, 9), date(2023, 12, 10)) is None
    assert checks.check_weekday(Row("9-10", 7, weekday="CN, 7"), date(2023, 12, 9), date(2023, 12, 10)).code == "weekday_mismatch"
    # 05/09/2023 was a Tuesday
    assert checks.check_weekday(Row("Thứ 2, 05/9", 3), date(2023, 9, 5), None).code == "weekday_mismatch"
    assert checks.check_weekday(Row("Thứ 3, 05/9", 3), date(2023, 9, 5), None) is None


def test_a_rest_marker_opening_the_content_is_a_weekday_too():
    def row(day, text):
        return Row(day, 4, cells={CONTENT: [Piece(text, 5)]})

    assert checks.check_weekday(row("13", "(Thứ bảy) Thường trực Tỉnh ủy làm việc"), date(2024, 1, 13), None) is None
    assert checks.check_weekday(row("6-7", "Nghỉ Thứ Bảy, Chủ nhật"), date(2024, 1, 6), date(2024, 1, 7)) is None
    found = checks.check_weekday(row("12", "(Thứ bảy) Thường trực Tỉnh ủy làm việc"), date(2024, 1, 12), None)
    assert found.message == "the row says '(Thứ bảy)' but 12/01/2024 is Thứ Sáu"
    found = checks.check_weekday(row("5-6", "(Thứ Bảy, Chủ nhật)"), date(2024, 1, 5), date(2024, 1, 6))
    assert found.message == "the row says '(Thứ Bảy, Chủ nhật)' but 05–06/01/2024 are Thứ Sáu, Thứ Bảy"


def test_lunar_note_against_the_rows_date():
    assert checks.check_lunar(Row("11", 1, lunar="(01/12 ÂL)"), date(2024, 1, 11), None) is None
    assert checks.check_lunar(Row("23", 1, lunar="13/12 ÂL)"), date(2024, 1, 23), None) is None
    found = checks.check_lunar(Row("11", 1, lunar="(02/12 ÂL)"), date(2024, 1, 11), None)
    assert found.code == "lunar_mismatch" and "01/12 ÂL (Quý Mão)" in found.message
    assert checks.check_lunar(Row("20-21", 2, lunar="(10-11/12 ÂL)"), date(2024, 1, 20), date(2024, 1, 21)) is None
    wrong_end = checks.check_lunar(Row("20-21", 2, lunar="(10-12/12 ÂL)"), date(2024, 1, 20), date(2024, 1, 21))
    assert wrong_end.code == "lunar_mismatch" and "21/01/2024" in wrong_end.message


def _dated(*days):
    return [(Row(str(d), line), date(2021, 11, d), None) for line, d in enumerate(days, 10)]


def test_the_mistyped_day_is_the_one_out_of_order():
    found = checks.check_day_sequence(_dated(10, 11, 21, 13, 15))
    assert [(w.code, w.line) for w in found] == [("day_order", 12)]
    assert "between 11/11 and 13/11" in found[0].message


def test_two_days_swapped_and_a_day_repeated():
    assert [(w.code, w.line) for w in checks.check_day_sequence(_dated(8, 10, 9, 11))] == [("day_order", 12)]
    assert [(w.code, w.line) for w in checks.check_day_sequence(_dated(8, 9, 9, 10))] == [("day_duplicate", 12)]
    span = [(Row("6-7", 1), date(2021, 11, 6), date(2021, 11, 7)), (Row("7", 2), date(2021, 11, 7), None)]
    assert [(w.code, w.line) for w in checks.check_day_sequence(span)] == [("day_duplicate", 2)]


def test_years_in_the_items_against_the_heading():
    def found(title, month, year):
        return [w.code for w in checks.check_years([Event(date(year, month, 5), title, line=1)], Period(month, year))]

    assert found("Họp BTV, Lãnh đạo Sở phiên tháng 9/2023", 9, 2023) == []
    assert found("Lễ chào cờ tháng 11 năm 2020", 11, 2021) == ["year_mismatch"]
    assert found("theo kế hoạch bắt đầu từ ngày 09/01/2023", 1, 2024) == ["year_mismatch"]
    assert found("kỷ niệm ngày thành lập (22/12/1944-22/12/2023)", 12, 2023) == []
    assert found("triển khai Nghị quyết ngày 12/03/2023", 1, 2024) == []  # another month: a reference


def test_a_reference_date_is_not_a_span():
    day = date(2024, 1, 9)
    assert items.find_span("Kiểm tra xăng dầu (theo kế hoạch BCĐ 389 bắt đầu từ ngày 09/01/2023)", day).end is None
    assert items.find_span("Tiếp tục theo Kế hoạch từ ngày 05/01 - 10/01", day).end is None
    assert items.find_span("Hội nghị (từ ngày 09 - 11/01/2024)", day).end == date(2024, 1, 11)


# --- the real programs -------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(TRUE_FINDINGS))
def test_only_true_findings_on_the_real_programs(name):
    assert sorted(_checked(_parse(name))) == TRUE_FINDINGS[name]


def test_seed_002_lunar_notes_and_weekdays_are_read_and_agree():
    text = (SAMPLES / SEED_002).read_text(encoding="utf-8")
    assert text.count("ÂL)") == 15 and text.count("Thứ ") >= 20  # the checks have notes to check
    codes = {code for _, code in _checked(_parse(SEED_002))}
    assert not codes & {"lunar_mismatch", "weekday_mismatch"}


def test_the_december_span_in_a_january_row_is_repaired():
    program = _parse(SEED_002)
    event = next(e for e in program.events if e.title == "Đi công tác tại thành phố Hà Nội")
    assert (event.date, event.end_date, event.repaired) == (date(2024, 1, 16), date(2024, 1, 18), True)
    warning = next(w for w in program.warnings if w.code == "span_month")
    assert warning.line == 572
    assert warning.message == "'Từ ngày 16/12 đến 18/12' names month 12 in the row of 16/01/2024; read as 16–18/01/2024"
    assert not any(e.repaired for e in program.events if e is not event)


def test_the_reference_date_in_seed_002_is_not_an_end_date():
    program = _parse(SEED_002)
    event = next(e for e in program.events if "09/01/2023" in e.title)
    assert (event.date, event.end_date) == (date(2024, 1, 9), None)


# --- mutated copies: exactly the expected warning -------------------------------------------

MUTATIONS = [
    # (seed, line, old, new, expected (line, code))
    (SEED_002, 569, "Thứ Ba", "Thứ Tư", (567, "weekday_mismatch")),  # row 16/01/2024 is a Tuesday
    (SEED_004, 107, "Hai 04", "Ba 04", (107, "weekday_mismatch")),  # 04/12/2023 is a Monday
    (SEED_004, 105, "CN 03", "7 03", (105, "weekday_mismatch")),
    (SEED_003, 325, "(Thứ bảy)", "(Chủ nhật)", (321, "weekday_mismatch")),  # rest marker on Sat 13/01/2024
    (SEED_000, 151, "(Chủ nhật)", "(Thứ bảy)", (150, "weekday_mismatch")),  # Sun 24/09/2023
    (SEED_002, 570, "(06/12 ÂL)", "(07/12 ÂL)", (567, "lunar_mismatch")),
    (SEED_003, 391, "(06/12 ÂL)", "(05/12 ÂL)", (389, "lunar_mismatch")),
    (SEED_003, 461, "(10-11/12 ÂL)", "(10-12/12 ÂL)", (459, "lunar_mismatch")),
    (SEED_001, 38, "12\t", "21\t", (38, "day_order")),  # a swapped day: 11, 21, 13
    (SEED_001, 36, "10\t", "09\t", (36, "day_duplicate")),
    (SEED_000, 111, "16 -17", "16 -18", (116, "day_duplicate")),  # the row of the 18th repeats it
]


@pytest.mark.parametrize("name, line, old, new, expected", MUTATIONS)
def test_a_mutation_gives_exactly_its_warning(name, line, old, new, expected):
    before = _checked(_parse(name))
    after = _checked(_parse(name, _mutate(name, line, old, new)))
    extra = [f for f in after if f not in before]
    assert extra == [expected], after
    assert all(f in after for f in before)


def test_a_day_beyond_the_month_skips_its_row_with_an_error():
    program = _parse(SEED_001, _mutate(SEED_001, 55, "30\t", "31\t"))
    assert [(line, code) for line, code in _checked(program) if code == "day_beyond_month"] == [(55, "day_beyond_month")]
    assert not any(e.line == 55 for e in program.events)
    assert len(program.events) > 30


# --- the command ------------------------------------------------------------------------------

def test_check_prints_the_true_findings_and_exits_0():
    proc = run_cli("check", *sorted(SAMPLES.glob("*.txt")), cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert [ln.split(": ")[0] for ln in lines] == [f"{SAMPLES / SEED_002}:282", f"{SAMPLES / SEED_002}:572"]
    assert lines[0].split(": ")[1:3] == ["warning", "year_mismatch"]


def test_check_exits_1_on_an_error_and_2_on_unreadable_input(tmp_path):
    wrong = tmp_path / "wrong-weekday.txt"
    wrong.write_text(_mutate(SEED_002, 569, "Thứ Ba", "Thứ Tư"), encoding="utf-8")
    proc = run_cli("check", wrong)
    assert proc.returncode == 1
    assert f"{wrong}:567: error: weekday_mismatch: the row says 'Thứ Tư' but 16/01/2024 is Thứ Ba" in proc.stdout

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli("check", empty, wrong)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"lichsync: {empty}: the file is empty"
    assert "weekday_mismatch" in proc.stdout  # the other file is still checked


def test_notes_are_shown_on_request():
    proc = run_cli("check", "--notes", SAMPLES / SEED_000)
    assert proc.returncode == 0
    assert ": note: alignment: " in proc.stdout


VISIBLE = sorted(p for folder in (REPO / "samples", REPO / "samples" / "unruled", REPO / "samples" / "weekly")
                 for p in folder.iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".html") and "krongno" not in p.name)


@pytest.mark.parametrize("path", VISIBLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_error_on_any_visible_document_in_any_format(path):
    """A clerk reading the samples finds no contradiction in them; neither may the checks (the PDFs'
    wrapped lunar notes, "(01/1\\n2 ÂL)", the signature under the table, span rows beside the days)."""
    from lichsync.read.pipeline import parse_file

    errors = [w for w in parse_file(path).warnings if checks.level(w.code) == checks.ERROR]
    assert not errors, errors
