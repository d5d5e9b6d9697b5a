"""The clerk's corrections: applied again to every reading of the same document and of its revisions
(pure), kept in SQLite, and applied by `lichsync sync` so a nightly run never undoes them."""
from __future__ import annotations

from pathlib import Path

import icalendar
from pytest_httpserver import HTTPServer

from conftest import REPO, run_cli
from lichsync.desk.store import CorrectionStore, correct
from lichsync.parse import corrections as fix
from lichsync.parse.corrections import Anchor, Correction, apply, document_key
from lichsync.read.pipeline import parse_text
from test_sync import FIRST, HEAD, Program as Server

SAMPLE_PATH = REPO / "samples/weekly/thanhhoa-tp-ubnd-2019w36.txt"
SAMPLE = SAMPLE_PATH.read_text(encoding="utf-8")


def read(text: str = SAMPLE):
    return parse_text(text, "week36.txt")


def edit(event, **new) -> Correction:
    return Correction(fix.EDIT, (Anchor.of(event),), {k: [fix.value_of(event, k), v] for k, v in new.items()})


def titled(program, start: str):
    return next(e for e in program.events if e.title.startswith(start))


def test_a_field_edit_survives_a_re_parse():
    program = read()
    event = titled(program, "UB Kinh tế")
    fixes = [edit(event, location="Phòng họp số 2, UBND tỉnh", start_time="10:00")]
    for again in (program, read()):  # the same reading, and a fresh parse of the same text
        done = apply(again, fixes)
        got = titled(done.program, "UB Kinh tế")
        assert (got.location, got.start_time) == ("Phòng họp số 2, UBND tỉnh", "10:00")
        assert done.reviews == [] and len(done.program.events) == len(program.events)
        assert [e for e in done.program.events if e is not got] == [e for e in again.events if e.title != got.title]


def test_a_revision_that_moves_the_line_keeps_the_correction_silently():
    program = read()
    fixes = [edit(titled(program, "UB Kinh tế"), title="Đoàn giám sát của UB Kinh tế Quốc hội làm việc với UBND tỉnh")]
    revised = read(SAMPLE.replace("T. Ba 03/9 | 7:30 |", "T. Ba 03/9 | 7:00 | Chào cờ | Đ/c Xuân CT | Sân UBND TP |\n7:30 |"))
    assert len(revised.events) == len(program.events) + 1  # a row was inserted above: the line numbers moved
    assert document_key(revised) == document_key(program)
    done = apply(revised, fixes)
    assert done.reviews == []
    assert titled(done.program, "Đoàn giám sát").line == titled(program, "UB Kinh tế").line + 1


def test_a_revision_of_the_corrected_line_is_shown_to_confirm():
    program = read()
    fixes = [edit(titled(program, "UB Kinh tế"), title="Giám sát dự án đường cao tốc Bắc – Nam")]
    moved_room = read(SAMPLE.replace("| PH tầng 2, UBND tỉnh |", "| Hội trường A, UBND tỉnh |"))
    done = apply(moved_room, fixes)  # the revision changed the room, not the title: the edit still applies
    assert titled(done.program, "Giám sát dự án").location == "Hội trường A, UBND tỉnh"
    [review] = done.reviews
    assert review.applied and "confirm" in review.message
    retimed = read(SAMPLE.replace("9:45 | UB Kinh tế của Quốc hội", "9:45 | UB Kinh tế - Ngân sách của Quốc hội"))
    done = apply(retimed, fixes)  # the revision rewrote the very field the clerk corrected: held for the clerk
    assert titled(done.program, "UB Kinh tế - Ngân sách").title.startswith("UB Kinh tế - Ngân sách")
    [review] = done.reviews
    assert not review.applied and "title" in review.message


def test_drop_split_merge_and_add():
    program = read()
    first, second = program.events[1], program.events[2]
    fixes = [
        Correction(fix.DROP, (Anchor.of(program.events[0]),)),
        Correction(fix.SPLIT, (Anchor.of(first),), parts=({"title": "Giao ban Chủ tịch"}, {"title": "Giao ban các PCT"})),
        Correction(fix.MERGE, (Anchor.of(program.events[3]), Anchor.of(program.events[4])), {"title": [None, "Hai việc"]}),
        Correction(fix.ADD, event={"date": "2019-09-03", "title": "Tiếp công dân", "start_time": "15:00",
                                   "officials": ["Nga"]}, id=9),
    ]
    done = apply(program, fixes)
    titles = [e.title for e in done.program.events]
    assert program.events[0].title not in titles
    assert titles[:3] == ["Giao ban Chủ tịch", "Giao ban các PCT", second.title]
    assert "Hai việc" in titles and program.events[4].title not in titles
    added = titles.index("Tiếp công dân")
    assert done.program.events[added].date.day == 3 and done.program.events[added + 1].date.day == 4
    assert done.origins[added].anchor is None and done.origins[added].correction == 9
    assert len(done.program.events) == len(program.events) - 1 + 1 - 1 + 1


def test_an_added_item_the_revision_now_has_is_not_added_twice():
    program = read()
    missed = Correction(fix.ADD, event={"date": "2019-09-03", "title": "Hội nghị sơ kết xây dựng nền quốc phòng toàn "
                                        "dân giai đoạn 2009 - 2019"})
    done = apply(program, [missed])
    assert len(done.program.events) == len(program.events)
    assert not done.reviews[0].applied


def test_store_keeps_corrections_per_document_across_revisions(tmp_path: Path):
    program = read()
    with CorrectionStore(tmp_path / "state.sqlite3") as store:
        store.add(document_key(program, "UBND thành phố Thanh Hóa"), edit(titled(program, "UB Kinh tế"), location="PH2"))
        other = read(SAMPLE.replace("02/9", "09/9").replace("03/9", "10/9").replace("04/9", "11/9"))
        assert document_key(other) != document_key(program)
        assert correct(other, store, "UBND thành phố Thanh Hóa").reviews == []
    with CorrectionStore(tmp_path / "state.sqlite3") as store:  # kept on disk
        done = correct(read(), store, "UBND thành phố Thanh Hóa")
        assert titled(done.program, "UB Kinh tế").location == "PH2"
        assert [c.kind for c in store.of(document_key(program, "ubnd thành phố thanh hóa"))] == ["edit"]


def feed_titles(path: Path) -> dict[str, str]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {e["DTSTART"].dt.isoformat()[:10]: str(e["SUMMARY"]) for e in cal.walk("VEVENT")}


def test_sync_applies_the_corrections_and_never_undoes_them(httpserver: HTTPServer, tmp_path: Path):
    server = Server(FIRST)
    httpserver.expect_request("/ct.txt").respond_with_handler(server)
    config = tmp_path / "lichsync.toml"
    config.write_text(f"""[organization]\nname = "Sở Lao động - TBXH"\n[officials.lac]\nshort_name = "Lạc"\n
[[sources]]\nurl = "{httpserver.url_for('/ct.txt')}"\n[feeds]\ndir = "feeds"\n""", encoding="utf-8")
    state = tmp_path / "state.sqlite3"
    sync = ("sync", "-c", config, "--state", state, "-q")
    assert run_cli(*sync).returncode == 0
    assert feed_titles(tmp_path / "feeds/lac.ics")["2023-10-03"].startswith("Họp giao ban")
    program = parse_text(FIRST, "ct.txt")
    meeting = titled(program, "Họp giao ban")
    with CorrectionStore(state) as store:
        store.add(document_key(program, "Sở Lao động - TBXH"), edit(meeting, title="Họp giao ban Lãnh đạo Sở (mở rộng)"))
    assert run_cli(*sync).returncode == 0  # the documents did not change, the corrections did: it runs
    assert feed_titles(tmp_path / "feeds/lac.ics")["2023-10-03"].startswith("Họp giao ban Lãnh đạo Sở (mở rộng)")
    assert run_cli(*sync, "--force").returncode == 0  # re-parsed: still corrected
    assert feed_titles(tmp_path / "feeds/lac.ics")["2023-10-03"].startswith("Họp giao ban Lãnh đạo Sở (mở rộng)")
    server.text = HEAD + "| 1 | Sáng: Họp chi bộ | Văn phòng | Đ/c Lạc |\n" + FIRST[len(HEAD):].replace("Chiều: Làm", "Sáng: Làm")
    result = run_cli(*sync)  # a revision: a row added above, another item moved; the corrected line is unchanged
    assert result.returncode == 0, result.stderr
    titles = feed_titles(tmp_path / "feeds/lac.ics")
    assert titles["2023-10-01"].startswith("Họp chi bộ")
    assert titles["2023-10-03"].startswith("Họp giao ban Lãnh đạo Sở (mở rộng)")


def test_the_clerk_confirms_a_held_correction_and_it_applies_to_the_revision(tmp_path: Path):
    from starlette.datastructures import FormData

    from lichsync.desk.app import store_correction

    program, key = read(), document_key(read(), "UBND thành phố Thanh Hóa")
    at = program.events.index(titled(program, "UB Kinh tế"))
    with CorrectionStore(tmp_path / "state.sqlite3") as store:
        form = FormData([("action", "edit"), ("event", str(at)), ("date", "2019-09-03"), ("start_time", "09:45"),
                         ("title", "Giám sát dự án cao tốc Bắc – Nam"), ("officials", "Tú"), ("location", "PH tầng 2")])
        store_correction(store, key, program, correct(program, store, "UBND thành phố Thanh Hóa"), form)
        revised = read(SAMPLE.replace("9:45 | UB Kinh tế của Quốc hội", "9:45 | UB Kinh tế - Ngân sách của Quốc hội"))
        held = correct(revised, store, "UBND thành phố Thanh Hóa")
        [review] = held.reviews
        assert not review.applied and titled(held.program, "UB Kinh tế - Ngân sách").location == "PH tầng 2"
        store_correction(store, key, revised, held, FormData([("action", "confirm"), ("correction", str(review.correction.id))]))
        done = correct(revised, store, "UBND thành phố Thanh Hóa")
        assert done.reviews == []
        assert titled(done.program, "Giám sát dự án").location == "PH tầng 2"
        assert correct(read(), store, "UBND thành phố Thanh Hóa").reviews[0].applied is False  # now anchored to the revision


def test_export_applies_the_desk_corrections_of_the_state(tmp_path: Path):
    program = read()
    state = tmp_path / "state.sqlite3"
    with CorrectionStore(state) as store:
        store.add(document_key(program), edit(titled(program, "Giao ban Chủ tịch"), location="Phòng họp số 1"))
    out = tmp_path / "xuan.ics"
    result = run_cli("export", SAMPLE_PATH, "--official", "Xuân", "-o", out, env={"LICHSYNC_STATE": str(state)})
    assert result.returncode == 0, result.stderr
    locations = {str(e["SUMMARY"]): str(e.get("LOCATION")) for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert [loc for title, loc in locations.items() if title.startswith("Giao ban Chủ tịch")] == ["Phòng họp số 1"]
