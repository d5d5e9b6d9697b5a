"""Sources over real HTTP (pytest-httpserver) and real files: conditional GET, failures keep the last good copy."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from lichsync.errors import InputError
from lichsync.read.pipeline import parse_text
from lichsync.settings import Source
from lichsync.sync.sources import DocumentState, collect, fallback

from conftest import SAMPLES

PROGRAM = (Path(__file__).parent.parent / "samples" / "so-ldtbxh-hatinh-2023-09.txt").read_bytes()
LAST_MODIFIED = "Tue, 05 Sep 2023 08:00:00 GMT"


@pytest.fixture
def state(tmp_path: Path):
    with DocumentState(tmp_path / "state.sqlite3") as s:
        yield s


def accept(docs, state):
    """What sync does with a document: parse it, and remember it once it parsed."""
    for doc in docs:
        if not doc.unchanged:
            parse_text(doc.data.decode("utf-8"), doc.origin)
            state.remember(doc)


def test_200_with_etag_then_304_without_a_body(httpserver: HTTPServer, state):
    seen: list[dict] = []

    def handler(request: Request) -> Response:
        seen.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(PROGRAM, headers={"ETag": '"v1"', "Last-Modified": LAST_MODIFIED, "Content-Type": "text/plain"})

    httpserver.expect_request("/ct.txt").respond_with_handler(handler)
    source = Source(name="ldtbxh", url=httpserver.url_for("/ct.txt"))
    docs, problems = collect([source], state)
    assert problems == [] and len(docs) == 1
    first = docs[0]
    assert first.data == PROGRAM and not first.unchanged and not first.stale
    assert first.issued.isoformat() == "2023-09-05T08:00:00+00:00"
    assert "If-None-Match" not in seen[0]
    accept(docs, state)

    docs, problems = collect([source], state)
    assert problems == []
    assert seen[1]["If-None-Match"] == '"v1"' and seen[1]["If-Modified-Since"] == LAST_MODIFIED
    assert docs[0].unchanged and not docs[0].stale
    assert docs[0].data == PROGRAM and docs[0].issued == first.issued  # the stored copy, for a parse if needed


def test_last_modified_only_server_gets_if_modified_since(httpserver: HTTPServer, state):
    httpserver.expect_request("/p.txt", headers={"If-Modified-Since": LAST_MODIFIED}).respond_with_data("", status=304)
    httpserver.expect_request("/p.txt").respond_with_data(PROGRAM, headers={"Last-Modified": LAST_MODIFIED})
    source = Source(name="p", url=httpserver.url_for("/p.txt"))
    docs, _ = collect([source], state)
    accept(docs, state)
    docs, problems = collect([source], state)
    assert problems == [] and docs[0].unchanged
    assert len(httpserver.log) == 2 and httpserver.log[1][1].status_code == 304


def test_a_server_without_validators_same_bytes_is_unchanged_new_bytes_are_not(httpserver: HTTPServer, state):
    httpserver.expect_request("/p.txt").respond_with_data(PROGRAM)
    source = Source(name="p", url=httpserver.url_for("/p.txt"))
    accept(collect([source], state)[0], state)
    assert collect([source], state)[0][0].unchanged
    httpserver.clear()
    revised = PROGRAM.replace("Họp".encode(), "Họp (sửa)".encode(), 1)
    httpserver.expect_request("/p.txt").respond_with_data(revised)
    doc = collect([source], state)[0][0]
    assert not doc.unchanged and doc.data == revised


def test_404_warns_and_keeps_the_last_good_copy(httpserver: HTTPServer, state):
    httpserver.expect_oneshot_request("/p.txt").respond_with_data(PROGRAM, headers={"ETag": '"v1"'})
    httpserver.expect_request("/p.txt").respond_with_data("gone", status=404)
    source = Source(name="p", url=httpserver.url_for("/p.txt"))
    accept(collect([source], state)[0], state)
    docs, problems = collect([source], state)
    assert [p.message for p in problems] == ["HTTP 404 NOT FOUND (keeping the last good copy)"]
    assert problems[0].origin == source.url
    assert len(docs) == 1 and docs[0].stale and docs[0].unchanged and docs[0].data == PROGRAM


def test_404_on_the_first_run_has_nothing_to_keep(httpserver: HTTPServer, state):
    httpserver.expect_request("/p.txt").respond_with_data("gone", status=404)
    docs, problems = collect([Source(name="p", url=httpserver.url_for("/p.txt"))], state)
    assert docs == [] and problems[0].message == "HTTP 404 NOT FOUND (no earlier copy to keep)"


def test_a_server_that_is_down_warns_and_keeps_the_last_good_copy(state, httpserver: HTTPServer):
    httpserver.expect_request("/p.txt").respond_with_data(PROGRAM)
    url = httpserver.url_for("/p.txt")
    source = Source(name="p", url=url, timeout=2)
    accept(collect([source], state)[0], state)
    httpserver.stop()  # nothing listens on the port any more
    docs, problems = collect([source], state)
    assert problems[0].message.startswith("cannot download:") and problems[0].message.endswith("(keeping the last good copy)")
    assert docs[0].stale and docs[0].data == PROGRAM
    httpserver.start()


def test_a_document_over_the_size_limit_is_a_problem(httpserver: HTTPServer, state, monkeypatch, tmp_path):
    monkeypatch.setenv("LICHSYNC_MAX_FILE_MB", "1")
    httpserver.expect_request("/big.txt").respond_with_data(b"x" * (2**20 + 1))
    docs, problems = collect([Source(name="big", url=httpserver.url_for("/big.txt"))], state)
    assert docs == [] and problems[0].message == (
        "the document is over the limit of 1 MB (LICHSYNC_MAX_FILE_MB) (no earlier copy to keep)")
    (tmp_path / "big.txt").write_bytes(b"x" * (2**20 + 1))
    docs, problems = collect([Source(name="big", path=tmp_path / "big.txt")], state)
    assert docs == [] and problems[0].message == "the file is 1.0 MB, over the limit of 1.0 MB (LICHSYNC_MAX_FILE_MB)"


def test_a_server_that_never_answers_times_out(state):
    with socket.socket() as listener:  # accepts the connection, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        source = Source(name="slow", url=f"http://127.0.0.1:{listener.getsockname()[1]}/p.txt", timeout=0.3)
        docs, problems = collect([source], state)
    assert docs == [] and problems[0].message == "no answer within 0.3 s (no earlier copy to keep)"


def test_a_non_program_falls_back_to_the_last_good_copy(httpserver: HTTPServer, state):
    httpserver.expect_oneshot_request("/p.txt").respond_with_data(PROGRAM)
    httpserver.expect_request("/p.txt").respond_with_data(b"\x00\x01binary junk", content_type="application/octet-stream")
    source = Source(name="p", url=httpserver.url_for("/p.txt"))
    accept(collect([source], state)[0], state)
    docs, problems = collect([source], state)
    assert problems == [] and not docs[0].unchanged
    with pytest.raises(InputError):
        accept(docs, state)
    kept = fallback(docs[0], state)
    assert kept is not None and kept.stale and kept.data == PROGRAM
    assert collect([source], state)[0][0].data != PROGRAM  # junk was never remembered: fetched in full again


def test_files_folder_glob_and_unchanged(tmp_path: Path, state):
    folder = tmp_path / "programs"
    folder.mkdir()
    for sample in SAMPLES[:2]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / ".hidden").write_text("x")
    (folder / "notes.md").write_text("x")
    by_folder = Source(name="folder", path=folder)
    by_glob = Source(name="glob", path=folder / "*.txt")
    docs, problems = collect([by_folder], state)
    assert problems == [] and [Path(d.origin).name for d in docs] == sorted([SAMPLES[0].name, SAMPLES[1].name, "notes.md"])
    docs, _ = collect([by_glob], state)
    assert [Path(d.origin).name for d in docs] == [SAMPLES[0].name, SAMPLES[1].name]
    assert not any(d.unchanged for d in docs)
    os.utime(folder / SAMPLES[0].name, (1_700_000_000, 1_700_000_000))
    accept(docs, state)
    (folder / SAMPLES[1].name).write_bytes(SAMPLES[1].read_bytes() + "\n".encode())
    docs, _ = collect([by_glob], state)
    assert [d.unchanged for d in docs] == [True, False]
    assert docs[0].issued.timestamp() == 1_700_000_000  # a file's issue time is its mtime


def test_a_path_that_is_not_there_is_a_problem_an_empty_folder_is_not(tmp_path: Path, state):
    for missing in (tmp_path / "nothing" / "*.txt", tmp_path / "nothing", tmp_path / "p.txt", tmp_path / "*" / "*.txt"):
        docs, problems = collect([Source(name="x", path=missing)], state)
        assert docs == [] and [p.message for p in problems] == ["no such file or folder"], missing
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for empty in (inbox, inbox / "*.txt"):
        assert collect([Source(name="x", path=empty)], state) == ([], [])


def test_validators_survive_a_new_connection_to_the_database(httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/p.txt", headers={"If-None-Match": '"v9"'}).respond_with_data("", status=304)
    httpserver.expect_request("/p.txt").respond_with_data(PROGRAM, headers={"ETag": '"v9"'})
    source = Source(name="p", url=httpserver.url_for("/p.txt"))
    with DocumentState(tmp_path / "s.sqlite3") as s:
        accept(collect([source], s)[0], s)
    with DocumentState(tmp_path / "s.sqlite3") as s:
        assert collect([source], s)[0][0].unchanged


def test_state_file_is_shared_with_other_tables(tmp_path: Path):
    """The push engine's table and ours live in one file; creating ours leaves theirs alone."""
    import sqlite3
    db = tmp_path / "state.sqlite3"
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE pushed (uid TEXT)")
        other.execute("INSERT INTO pushed VALUES ('x')")
    DocumentState(db).close()
    DocumentState(db).close()
    with sqlite3.connect(db) as again:
        assert again.execute("SELECT uid FROM pushed").fetchall() == [("x",)]
        assert {r[0] for r in again.execute("SELECT name FROM sqlite_master WHERE type='table'")} == {"pushed", "source_documents", "parsed_programs", "source_runs"}


def test_folder_sources_never_load_the_web_client(tmp_path):
    """A nightly run over folders does without httpx (a tenth of a second of imports)."""
    import subprocess
    import sys

    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "p.txt").write_bytes(PROGRAM)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from lichsync.settings import Source\n"
        "from lichsync.sync.sources import DocumentState, collect\n"
        f"with DocumentState(Path({str(tmp_path / 's.sqlite3')!r})) as state:\n"
        f"    docs, problems = collect([Source(name='f', path=Path({str(tmp_path / 'inbox')!r}))], state)\n"
        "print(len(docs), len(problems), 'httpx' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert r.stdout.split() == ["1", "0", "False"], r.stderr
