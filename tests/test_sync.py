"""`lichsync sync` end to end: a program on a local HTTP server (pytest-httpserver), feeds in a
folder, and a real Radicale; then a revised issue, then a night when nothing changed."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import caldav
import icalendar
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import REPO, run_cli
from lichsync.publish.caldav import CalDAVTarget
from push_servers import PASSWORD, USER

HEAD = """UBND TỈNH HÀ TĨNH
SỞ LAO ĐỘNG - TBXH

CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2023

| Ngày | Nội dung công việc | Đơn vị chuẩn bị | Người chủ trì |
|---|---|---|---|
"""
FIRST = HEAD + """| 2 | Sáng: Chào cờ đầu tháng | Văn phòng | Đ/c Lạc |
| 3 | Sáng: Họp giao ban Lãnh đạo Sở | Văn phòng | Đ/c Lạc |
| 4 | Chiều: Làm việc với Phòng LĐTBXH huyện Kỳ Anh | Phòng LĐVL | Đ/c Lạc |
| 5 | Sáng: Dự Hội nghị Ban Chấp hành Đảng bộ tỉnh | Văn phòng | Đ/c Lạc |
| 6 | Sáng: Kiểm tra công tác giảm nghèo tại huyện Hương Khê | Phòng BTXH | Đ/c Công |
"""
# One item edited (4/10 moves to the morning), one removed (5/10), one added (9/10).
REVISED = HEAD + """| 2 | Sáng: Chào cờ đầu tháng | Văn phòng | Đ/c Lạc |
| 3 | Sáng: Họp giao ban Lãnh đạo Sở | Văn phòng | Đ/c Lạc |
| 4 | Sáng: Làm việc với Phòng LĐTBXH huyện Kỳ Anh | Phòng LĐVL | Đ/c Lạc |
| 6 | Sáng: Kiểm tra công tác giảm nghèo tại huyện Hương Khê | Phòng BTXH | Đ/c Công |
| 9 | Chiều: Tiếp công dân định kỳ | Thanh tra Sở | Đ/c Lạc |
"""


class Program:
    """The organisation's web server: the current issue with an ETag, 304 when the client has it."""

    def __init__(self, text: str):
        self.text = text
        self.answers: list[int] = []

    def __call__(self, request: Request) -> Response:
        body = self.text.encode("utf-8")
        etag = f'"{hashlib.sha1(body).hexdigest()}"'
        status = 304 if request.headers.get("If-None-Match") == etag else 200
        self.answers.append(status)
        return Response(b"" if status == 304 else body, status=status, headers={"ETag": etag},
                        content_type="text/plain; charset=utf-8")


def make_config(tmp_path: Path, url: str, calendar: str) -> Path:
    config = tmp_path / "lichsync.toml"
    config.write_text(f"""
[organization]
name = "Sở Lao động - TBXH"

[officials.lac]
short_name = "Lạc"
calendars = {{ caldav = "{calendar}" }}

[officials.cong]
short_name = "Công"

[targets.caldav]
username = "{USER}"
password = "{PASSWORD}"

[[sources]]
name = "ldtbxh"
url = "{url}"

[feeds]
dir = "feeds"

[logging]
file = "sync.log"
""", encoding="utf-8")
    config.chmod(0o600)  # it holds a password (lichsync warns about a config others can read)
    return config


def feed_events(path: Path) -> dict[str, tuple[str, str]]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): (str(e["SUMMARY"]), e["DTSTART"].dt.isoformat()) for e in cal.walk("VEVENT")}


def calendar_events(radicale, url: str) -> dict[str, tuple[str, str]]:
    cal = caldav.Calendar(client=radicale.client, url=url)
    out = {}
    for obj in cal.events():
        e = obj.icalendar_component
        out[str(e["UID"])] = (str(e["SUMMARY"]), e["DTSTART"].dt.isoformat())
    return out


def etags(url: str) -> dict[str, str | None]:
    """What the CalDAV server holds, by href: a write would change an ETag."""
    return {e.remote_id: e.etag for e in CalDAVTarget(url, USER, PASSWORD).list()}


class Log:
    """The sync log file ([logging] file), read one run at a time."""

    def __init__(self, path: Path):
        self.path, self.seen = path, 0

    def new(self) -> str:
        text = self.path.read_text(encoding="utf-8")
        out, self.seen = text[self.seen:], len(text)
        return out


def test_sync_nightly_revision_then_nothing(radicale, httpserver: HTTPServer, tmp_path: Path):
    program = Program(FIRST)
    httpserver.expect_request("/ct-thang-10.txt").respond_with_handler(program)
    calendar = radicale.new_calendar()
    config = make_config(tmp_path, httpserver.url_for("/ct-thang-10.txt"), calendar)
    sync = ["sync", "--config", config, "--state", tmp_path / "state.sqlite3"]
    feeds = tmp_path / "feeds"
    log = Log(tmp_path / "sync.log")

    first = run_cli(*sync)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    assert "lac caldav: create 4, update 0, delete 0, unchanged 0" in log.new()
    assert "│ lac      │ caldav │       4 │       0 │       0 │         0 │" in first.stdout
    assert sorted(p.name for p in feeds.glob("*.ics")) == ["all.ics", "cong.ics", "lac.ics"]
    assert calendar_events(radicale, calendar) == feed_events(feeds / "lac.ics")
    assert len(feed_events(feeds / "lac.ics")) == 4

    program.text = REVISED
    second = run_cli(*sync)
    assert second.returncode == 0, second.stderr
    night = log.new()
    assert "lac caldav: create 1, update 1, delete 1, unchanged 2" in night
    assert "lac feed: create 1, update 1, delete 1, unchanged 2" in night
    assert "cong feed: create 0, update 0, delete 0, unchanged 1" in night
    assert "1 document, 1 parsed, 1 program current" in night
    lac = feed_events(feeds / "lac.ics")
    assert sorted(title for title, _ in lac.values()) == sorted([
        "Chào cờ đầu tháng", "Họp giao ban Lãnh đạo Sở", "Làm việc với Phòng LĐTBXH huyện Kỳ Anh",
        "Tiếp công dân định kỳ"])
    assert calendar_events(radicale, calendar) == lac
    assert any(start.startswith("2023-10-04T07:30") for _, start in lac.values())  # the edit: now the morning

    before = {p.name: p.stat().st_mtime_ns for p in feeds.glob("*.ics")}
    held = etags(calendar)
    third = run_cli(*sync)
    assert third.returncode == 0, third.stderr
    assert program.answers == [200, 200, 304]
    assert third.stdout.startswith("no document changed since the last run (1 checked, 0 parsed); nothing to write")
    quiet_night = log.new()
    assert "0 parsed" in quiet_night and "caldav" not in quiet_night and " INFO " in quiet_night
    assert {p.name: p.stat().st_mtime_ns for p in feeds.glob("*.ics")} == before
    assert etags(calendar) == held and len(held) == 4


def test_sync_source_down_keeps_calendars_and_exits_1(radicale, httpserver: HTTPServer, tmp_path: Path):
    program = Program(FIRST)
    httpserver.expect_request("/p.txt").respond_with_handler(program)
    calendar = radicale.new_calendar()
    config = make_config(tmp_path, httpserver.url_for("/p.txt"), calendar)
    sync = ["sync", "--config", config, "--state", tmp_path / "state.sqlite3", "--quiet"]
    assert run_cli(*sync).returncode == 0
    kept = calendar_events(radicale, calendar)
    httpserver.clear()
    httpserver.expect_request("/p.txt").respond_with_data("not here", status=404)
    for _ in range(2):
        down = run_cli(*sync)
        assert down.returncode == 1
        assert f"lichsync: {httpserver.url_for('/p.txt')}: HTTP 404 NOT FOUND (keeping the last good copy)" in down.stderr
        assert calendar_events(radicale, calendar) == kept
        assert len(feed_events(tmp_path / "feeds" / "lac.ics")) == 4
    assert down.stdout == ""  # --quiet: the summary table is not printed


def test_sync_first_run_with_nothing_readable_writes_nothing(httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/p.txt").respond_with_data("<html><body>Bảo trì</body></html>", content_type="text/html")
    config = make_config(tmp_path, httpserver.url_for("/p.txt"), "http://127.0.0.1:9/none/")
    result = run_cli("sync", "--config", config, "--state", tmp_path / "state.sqlite3")
    assert result.returncode == 1
    assert "not a program: " in result.stderr and "(no earlier copy to keep)" in result.stderr
    assert not (tmp_path / "feeds").exists()


def test_sync_dry_run_writes_nothing(radicale, httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/p.txt").respond_with_handler(Program(FIRST))
    calendar = radicale.new_calendar()
    config = make_config(tmp_path, httpserver.url_for("/p.txt"), calendar)
    result = run_cli("sync", "--config", config, "--state", tmp_path / "state.sqlite3", "--dry-run", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "lichsync: lac caldav: would create 4, would update 0, would delete 0, unchanged 0" in result.stderr
    assert "dry run: nothing written" in result.stdout
    assert not (tmp_path / "feeds").exists() and calendar_events(radicale, calendar) == {}
    real = run_cli("sync", "--config", config, "--state", tmp_path / "state.sqlite3")
    assert "│ new   │" in real.stdout  # the dry run kept no copy: the document is still news
    assert len(calendar_events(radicale, calendar)) == 4


@pytest.mark.parametrize("text, problem", [
    ('[[sources]]\nurl = "ftp://x/p.txt"\n[feeds]\ndir = "f"\n', 'sources[0].url: "ftp://x/p.txt" is not an http:// or https:// address'),
    ('[feeds]\ndir = "f"\n', "sources: none configured"),
    ('[[sources]]\npath = "p"\n[lock]\ntimeout = "soon"\n', "lock.timeout: expected a number of seconds"),
    ('[[sources]]\npath = "p"\n[feeds]\ndir = "f"\n[officials.lac]\nshort_name = 3\n', "officials.lac.short_name: "),
    ('[[sources]\n', "not valid TOML"),
])
def test_sync_bad_config_is_one_line_exit_2(tmp_path: Path, text: str, problem: str):
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    result = run_cli("sync", "--config", config, "--state", tmp_path / "s.sqlite3")
    assert result.returncode == 2
    assert result.stderr.startswith(f"lichsync: {config}: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_second_sync_while_one_runs_exits_75(tmp_path: Path):
    folder = tmp_path / "programs"
    folder.mkdir()
    (folder / "p.txt").write_text(FIRST, encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text('[[sources]]\npath = "programs"\n[feeds]\ndir = "feeds"\n[lock]\ntimeout = 0.5\n', encoding="utf-8")
    state = tmp_path / "state.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom lichsync.sync.runlock import exclusive\n"
         "with exclusive(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(30)\n", str(state)],
        stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = run_cli("sync", "--config", config, "--state", state)
        assert result.returncode == 75
        assert result.stderr == (f"lichsync: {tmp_path / 'sync.lock'}: another lichsync sync is running "
                                 "(waited 0.5 s for its lock); this run did nothing\n")
        assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()
    after = run_cli("sync", "--config", config, "--state", state)
    assert after.returncode == 0, after.stderr
    assert len(feed_events(tmp_path / "feeds" / "lac.ics")) == 4
