"""Sources to current programs over real HTTP: revisions replace, junk falls back, unchanged skips parsing."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from lichsync.read.pipeline import parse_data
from lichsync.settings import Source
from lichsync.sync.intake import take_in
from lichsync.sync.sources import DocumentState

SAMPLE = (Path(__file__).parent.parent / "samples" / "so-ldtbxh-hatinh-2023-09.txt").read_text(encoding="utf-8")
FIRST_TITLE = "Lễ khai giảng năm học mới"


def revised(text: str) -> str:
    assert FIRST_TITLE in text
    return text.replace(FIRST_TITLE, "Lễ khai giảng năm học mới (điều chỉnh)", 1)


class Counting:
    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, data: bytes, source: str):
        self.calls.append(source)
        return parse_data(data, source)


@pytest.fixture
def state(tmp_path: Path):
    with DocumentState(tmp_path / "state.sqlite3") as s:
        yield s


def test_the_newest_issue_of_a_month_replaces_the_older_one(httpserver: HTTPServer, state):
    httpserver.expect_request("/first.txt").respond_with_data(
        SAMPLE, headers={"Last-Modified": "Tue, 05 Sep 2023 08:00:00 GMT"})
    httpserver.expect_request("/revised.txt").respond_with_data(
        revised(SAMPLE), headers={"Last-Modified": "Mon, 18 Sep 2023 08:00:00 GMT"})
    sources = [Source(name="revised", url=httpserver.url_for("/revised.txt")),
               Source(name="first", url=httpserver.url_for("/first.txt"))]
    intake = take_in(sources, state)
    assert intake.problems == [] and intake.parsed == 2 and not intake.unchanged
    assert [p.source for p in intake.programs] == [httpserver.url_for("/revised.txt")]
    assert any("(điều chỉnh)" in e.title for e in intake.programs[0].events)
    assert [(r.old.origin, r.by.origin) for r in intake.replaced] == [(httpserver.url_for("/first.txt"),
                                                                       httpserver.url_for("/revised.txt"))]


def test_unchanged_documents_after_a_clean_run_are_not_parsed(httpserver: HTTPServer, state):
    httpserver.expect_request("/p.txt", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    httpserver.expect_request("/p.txt").respond_with_data(SAMPLE, headers={"ETag": '"v1"'})
    sources = [Source(name="p", url=httpserver.url_for("/p.txt"))]
    parse = Counting()
    first = take_in(sources, state, config=b"a", parse=parse)
    assert len(first.programs) == 1 and parse.calls == [sources[0].url]
    # not yet a clean run: the same documents are taken in again (the stored copy on a 304), their
    # programs kept by content hash rather than parsed again
    second = take_in(sources, state, config=b"a", parse=parse)
    assert not second.unchanged and len(parse.calls) == 1 and second.fingerprint == first.fingerprint
    assert second.programs == first.programs and second.parsed == 0
    state.clean_run(second.fingerprint)
    third = take_in(sources, state, config=b"a", parse=parse)
    assert third.unchanged and third.programs == [] and len(parse.calls) == 1 and third.parsed == 0
    assert httpserver.log[-1][1].status_code == 304
    # a changed config is a change, as is --force
    assert not take_in(sources, state, config=b"b", parse=parse).unchanged
    assert not take_in(sources, state, config=b"a", force=True, parse=parse).unchanged


def test_one_changed_document_is_the_only_one_parsed_again(tmp_path: Path, state):
    """Programs are kept by their documents' content hash: a change re-parses that document alone."""
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(SAMPLE, encoding="utf-8")
    sources = [Source(name=name, path=tmp_path / f"{name}.txt") for name in ("a", "b", "c")]
    parse = Counting()
    take_in(sources, state, parse=parse)
    assert len(parse.calls) == 3
    (tmp_path / "b.txt").write_text(revised(SAMPLE), encoding="utf-8")
    again = take_in(sources, state, parse=parse)
    assert parse.calls[3:] == [str(tmp_path / "b.txt")] and again.parsed == 1
    assert any("(điều chỉnh)" in e.title for p in again.programs for e in p.events)


def test_a_non_program_keeps_the_last_good_copy(httpserver: HTTPServer, state):
    httpserver.expect_oneshot_request("/p.txt").respond_with_data(SAMPLE)
    sources = [Source(name="p", url=httpserver.url_for("/p.txt"))]
    good = take_in(sources, state)
    state.clean_run(good.fingerprint)
    httpserver.expect_request("/p.txt").respond_with_data(
        "<html><body><h1>Hệ thống đang bảo trì</h1></body></html>", content_type="text/html")
    intake = take_in(sources, state)
    assert [p.message for p in intake.problems] == [
        "not a program: no schedule found: no schedule table, no day headings, no month and year"
        " (keeping the last good copy)"]
    assert [p.to_dict()["events"] for p in intake.programs] == [p.to_dict()["events"] for p in good.programs]


def test_a_non_program_with_nothing_to_keep(httpserver: HTTPServer, state):
    httpserver.expect_request("/p.txt").respond_with_data(b"%PDF-1.4 broken", content_type="application/pdf")
    intake = take_in([Source(name="p", url=httpserver.url_for("/p.txt"))], state)
    assert intake.programs == [] and intake.problems[0].message.endswith("(no earlier copy to keep)")
    assert intake.problems[0].message.startswith("not a program: ")


def test_a_failed_download_keeps_programs_without_parsing_junk(httpserver: HTTPServer, state):
    httpserver.expect_oneshot_request("/p.txt").respond_with_data(SAMPLE)
    httpserver.expect_request("/p.txt").respond_with_data("", status=503)
    sources = [Source(name="p", url=httpserver.url_for("/p.txt"))]
    good = take_in(sources, state)
    intake = take_in(sources, state)
    assert [p.message for p in intake.problems] == ["HTTP 503 SERVICE UNAVAILABLE (keeping the last good copy)"]
    assert len(intake.programs) == 1 and len(intake.programs[0].events) == len(good.programs[0].events)
    assert intake.fingerprint == good.fingerprint  # the same documents are in use


def test_new_validators_for_the_same_bytes_are_kept_so_the_next_night_gets_a_304(httpserver: HTTPServer, state):
    seen: list[str | None] = []
    etags = iter(['"v1"', '"v2"', '"v2"'])

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v2"':
            return Response(status=304, headers={"ETag": '"v2"'})
        return Response(SAMPLE, headers={"ETag": next(etags)})  # a server that re-tags the same page

    httpserver.expect_request("/p.txt").respond_with_handler(handler)
    sources = [Source(name="p", url=httpserver.url_for("/p.txt"))]
    state.clean_run(take_in(sources, state, config=b"a").fingerprint)
    second = take_in(sources, state, config=b"a")  # same bytes under a new tag "v2": nothing to parse
    assert second.unchanged and second.parsed == 0
    third = take_in(sources, state, config=b"a")
    assert third.unchanged
    assert seen == [None, '"v1"', '"v2"']  # the third night asked with the newest tag and got a 304


PARSED_BY = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from lichsync.settings import Source
from lichsync.sync.intake import take_in
from lichsync.sync.sources import DocumentState
with DocumentState(Path(sys.argv[2])) as state:
    print(take_in([Source(name="p", path=Path(sys.argv[3]))], state).parsed)
"""


def test_a_parse_cached_by_other_reading_code_is_parsed_again(tmp_path: Path):
    """The parse cache is keyed on the reading code itself: edit the parser and the cached program
    is not served; edit code that does not read (the CLI) and it still is."""
    package = Path(__file__).parent.parent / "lichsync"
    checkout = tmp_path / "checkout"
    shutil.copytree(package, checkout / "lichsync", ignore=shutil.ignore_patterns("__pycache__"))
    program = tmp_path / "p.txt"
    program.write_text(SAMPLE, encoding="utf-8")

    def parsed() -> int:
        out = subprocess.run([sys.executable, "-c", PARSED_BY, str(checkout), str(tmp_path / "s.sqlite3"), str(program)],
                             check=True, capture_output=True, text=True).stdout
        return int(out)

    assert parsed() == 1 and parsed() == 0
    with open(checkout / "lichsync" / "cli" / "console.py", "a", encoding="utf-8") as f:
        f.write("\n# not reading code\n")
    assert parsed() == 0
    with open(checkout / "lichsync" / "parse" / "days.py", "a", encoding="utf-8") as f:
        f.write("\n# a new parser\n")
    assert parsed() == 1 and parsed() == 0
