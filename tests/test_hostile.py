"""Issue 15: one bad document, one failed target or one hostile file never costs the run or the data.

Each test runs the command as a user would (`python -m lichsync`), within bounded time and memory
(run_cli's 60 s timeout; `bounded` caps the address space of the reading ones), and asserts the one
line it ends with and that the other documents and targets were still processed.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from conftest import REPO, run_cli
from push_servers import PASSWORD, USER

GOOD = REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt"
BAD_WEEK = """LỊCH CÔNG TÁC TUẦN

| Thứ | Ngày | Nội dung công việc | Chủ trì |
|---|---|---|---|
| Thứ hai | 14/13 | Sáng: Họp giao ban | Đ/c Lạc |
| Thứ ba | 15/12 | Sáng: Tiếp công dân | Đ/c Lạc |
"""


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def bounded(*args, mb: int = 500, timeout: float = 10, stdin=None) -> subprocess.CompletedProcess:
    """`python -m lichsync ARGS` that may use at most `mb` of address space beyond Python's own and
    `timeout` seconds: the issue's bound for every hostile file."""
    def limit() -> None:
        cap = (mb + 400) * 2**20  # the interpreter with lxml, pdfplumber and python-docx maps ~400 MB
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "lichsync", *map(str, args)], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, preexec_fn=limit, stdin=stdin)


# --- 1. one document stops the whole sync ------------------------------------------------------

@pytest.fixture
def bad_week(tmp_path: Path) -> Path:
    """A Word file cut off halfway (a download that broke off): a document no reader can read."""
    path = tmp_path / "bad-week.docx"
    whole = (REPO / "samples" / "weekly" / "daknong-snv-2019w15.docx").read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return path


def test_parse_a_cut_document_is_one_line(bad_week: Path):
    result = run_cli("parse", bad_week)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"lichsync: {bad_week}: ")


def test_an_impossible_date_costs_its_row_only(tmp_path: Path):
    """It once ended the run with a ValueError; the row is now skipped, with a warning naming it."""
    week = tmp_path / "week.txt"
    week.write_text(BAD_WEEK, encoding="utf-8")
    result = run_cli("parse", week, "--format", "json")
    assert result.returncode == 0, result.stderr
    program = json.loads(result.stdout)
    assert [e["title"] for e in program["events"]] == ["Tiếp công dân"]
    assert any(w["code"] == "unreadable_row" and "14/13" in w["message"] for w in program["warnings"])


def test_check_goes_on_after_a_bad_document(bad_week: Path, tmp_path: Path):
    result = run_cli("check", bad_week, GOOD)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"lichsync: {bad_week}: ")


def test_export_and_push_go_on_after_a_bad_document(bad_week: Path, tmp_path: Path):
    feed = tmp_path / "lac.ics"
    result = run_cli("export", bad_week, GOOD, "--official", "Lạc", "-o", feed)
    assert result.returncode == 1
    assert f"lichsync: {bad_week}: " in result.stderr and "Traceback" not in result.stderr
    assert len(icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")) > 5

    pushed = run_cli("push", bad_week, GOOD, "--official", "Lạc", "--to", "caldav", "--calendar",
                     "http://127.0.0.1:9/x/", "--dry-run", "--json", "--state", tmp_path / "s.sqlite3")
    assert f"lichsync: {bad_week}: " in pushed.stderr and "Traceback" not in pushed.stderr
    assert "caldav http://127.0.0.1:9/x/: listing events" in pushed.stderr  # it got as far as the target
    assert pushed.returncode == 1


def sync_config(tmp_path: Path, sources: str, lac: str = "", targets: str = "") -> Path:
    config = tmp_path / "lichsync.toml"
    config.write_text(f"""
[officials.lac]
short_name = "Lạc"
{lac}

[officials.cong]
short_name = "Công"

{targets}

[feeds]
dir = "feeds"

{sources}
""", encoding="utf-8")
    config.chmod(0o600)  # it may hold a password
    return config


def feed_count(path: Path) -> int:
    return len(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_sync_goes_on_after_a_bad_document(bad_week: Path, tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a-week.docx").write_bytes(bad_week.read_bytes())
    (inbox / "b-month.txt").write_bytes(GOOD.read_bytes())
    config = sync_config(tmp_path, f'[[sources]]\nname = "inbox"\npath = "{inbox}"')
    result = run_cli("sync", "-c", config, "--state", tmp_path / "state.sqlite3", "--quiet")
    assert result.returncode == 1
    assert one_line(result.stderr).startswith(f"lichsync: {inbox / 'a-week.docx'}: ")
    assert feed_count(tmp_path / "feeds" / "lac.ics") > 5


# --- 2. one target stops the others --------------------------------------------------------------

def service_account(path: Path, token_uri: str) -> Path:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    path.write_text(json.dumps({"type": "service_account", "client_email": "t@example.iam.gserviceaccount.com",
                                "private_key": pem, "private_key_id": "1", "token_uri": token_uri,
                                "client_id": "1", "project_id": "t"}))
    return path


def test_no_route_to_google_costs_only_the_google_calendar(radicale, tmp_path: Path):
    """google-auth's TransportError (DNS fails for the token endpoint) is the Google row's error;
    the CalDAV calendars, before and after it, still get their events."""
    key = service_account(tmp_path / "key.json", "https://oauth2.no-route.invalid/token")
    lac_cal, cong_cal = radicale.new_calendar(), radicale.new_calendar()
    config = sync_config(
        tmp_path, f'[[sources]]\nname = "one"\npath = "{GOOD}"',
        lac=f'calendars = {{ google = "lac@example.org", caldav = "{lac_cal}" }}',
        targets=f'[officials.cong.calendars]\ncaldav = "{cong_cal}"\n\n'
                f'[targets.google]\ncredentials = "{key}"\nretries = 0\n\n'
                f'[targets.caldav]\nusername = "{USER}"\npassword = "{PASSWORD}"')
    result = run_cli("sync", "-c", config, "--state", tmp_path / "state.sqlite3", "--quiet")
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith("lichsync: lac google: FAILED: google lac@example.org: ") and "network error" in line
    for calendar in (lac_cal, cong_cal):
        assert len(list(radicale.client.calendar(url=calendar).events())) > 0


def test_push_reports_each_failed_target_and_runs_the_others(radicale, tmp_path: Path):
    key = service_account(tmp_path / "key.json", "https://oauth2.no-route.invalid/token")
    calendar = radicale.new_calendar()
    config = tmp_path / "c.toml"
    config.write_text(f"""
[officials.lac]
short_name = "Lạc"
calendars = {{ google = "lac@example.org", caldav = "{calendar}" }}

[targets.google]
credentials = "{key}"
retries = 0

[targets.caldav]
username = "{USER}"
password = "{PASSWORD}"
""", encoding="utf-8")
    result = run_cli("push", GOOD, "--official", "Lạc", "-c", config, "--state", tmp_path / "s.sqlite3")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "google lac@example.org" in line]
    assert len(errors) == 1 and "Traceback" not in result.stderr
    assert f"caldav {calendar}: create " in result.stdout
    assert len(list(radicale.client.calendar(url=calendar).events())) > 0


# --- 3. a CalDAV username without a password -----------------------------------------------------

def test_caldav_user_without_password_says_what_to_set(tmp_path: Path):
    config = tmp_path / "c.toml"
    config.write_text('[targets.caldav]\nusername = "lac"\n', encoding="utf-8")
    result = run_cli("push", GOOD, "--official", "Lạc", "--to", "caldav", "--calendar", "http://127.0.0.1:9/x/",
                     "-c", config, "--state", tmp_path / "s.sqlite3", env={"LICHSYNC_CALDAV_PASSWORD": ""})
    assert result.returncode == 1
    assert ("lichsync: caldav http://127.0.0.1:9/x/: user lac has no password: set LICHSYNC_CALDAV_PASSWORD "
            "or targets.caldav.password_command") in result.stderr
    assert "Traceback" not in result.stderr


# --- 4. what a file expands to is bounded -------------------------------------------------------

def test_a_pdf_denser_than_any_program_ends_in_bounded_time_and_memory(tmp_path):
    """200 pages each showing 8 000 tiny words (32 KB compressed): refused once its text passes what a program holds."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import bench_hostile

    bench_hostile.WORK = tmp_path
    result = bounded("parse", bench_hostile.pdf_dense(), mb=500, timeout=10)
    assert result.returncode == 2 and "more text than a work program" in one_line(result.stderr)


def test_html_spans_are_clipped_to_the_table(tmp_path: Path):
    """62 KB of cells spanning 500 columns and 500 rows once took > 1 GB and > 20 s."""
    rows = ["<tr><th>Ngày</th><th>Nội dung</th></tr>"]
    rows += ['<tr><td colspan="500" rowspan="500">2/10</td><td colspan="500" rowspan="500">Họp</td></tr>'] * 700
    page = tmp_path / "spans.html"
    page.write_text("<html><body><table>" + "".join(rows) + "</table></body></html>", encoding="utf-8")
    assert page.stat().st_size > 60_000
    result = bounded("parse", page)
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr


def test_a_docx_part_that_unpacks_to_gigabytes_is_refused(tmp_path: Path):
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(REPO / "samples" / "so-ldtbxh-hatinh-2023-09.docx") as z, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, z.read(item.filename))
        with out.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(z.read("word/document.xml"))
            for _ in range(256):  # 256 MiB of spaces: 256 KB compressed
                part.write(b" " * 2**20)
    result = bounded("parse", bomb)
    assert result.returncode == 2
    assert one_line(result.stderr) == (f"lichsync: {bomb}: the Word file is too large to read: "
                                       "its part word/document.xml unpacks to 256 MB")


@pytest.mark.parametrize("endless", ["/dev/zero", "pipe"])
def test_files_without_a_size_are_read_no_further_than_the_limit(endless: str, tmp_path: Path):
    """st_size is 0 for /dev/zero and pipes: the read itself stops at LICHSYNC_MAX_FILE_MB."""
    if endless == "pipe":
        writer = subprocess.Popen(["yes", "Thứ hai 2/10 Họp giao ban"], stdout=subprocess.PIPE)
        result = bounded("parse", "/dev/stdin", stdin=writer.stdout)
        writer.kill()
        writer.wait()
        where = "/dev/stdin"
    else:
        result, where = bounded("parse", endless), endless
    assert result.returncode == 2
    assert one_line(result.stderr) == f"lichsync: {where}: the file is over the limit of 50.0 MB (LICHSYNC_MAX_FILE_MB)"


def test_a_trickling_download_ends_at_its_timeout(tmp_path: Path, httpserver):
    """A byte every half second never trips a per-read timeout; the whole download has one."""
    import time

    from werkzeug import Response

    def trickle(_request):
        def body():
            for _ in range(100):
                yield b"x"
                time.sleep(0.5)
        return Response(body(), content_type="text/plain")

    httpserver.expect_request("/p.txt").respond_with_handler(trickle)
    config = sync_config(tmp_path, f'[[sources]]\nname = "slow"\nurl = "{httpserver.url_for("/p.txt")}"\ntimeout = 2')
    started = time.monotonic()
    result = run_cli("sync", "-c", config, "--state", tmp_path / "s.sqlite3", "--quiet")
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    assert one_line(result.stderr).endswith("p.txt: the download took longer than 2 s (no earlier copy to keep)")


# --- 10. encodings -------------------------------------------------------------------------------

MONTH = """UBND TỈNH HÀ TĨNH
SỞ LAO ĐỘNG - TBXH

CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2023

| Ngày | Nội dung công việc | Đơn vị chuẩn bị | Người chủ trì |
|---|---|---|---|
| 2 | Sáng: Chào cờ đầu tháng | Văn phòng | Đ/c Lạc |
| 3 | Sáng: Họp giao ban Lãnh đạo Sở | Văn phòng | Đ/c Lạc |
"""


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: a letter (â, ơ …), then its tone as a combining mark."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "cp1258"])
def test_text_in_other_encodings_is_read(encoding: str, tmp_path: Path):
    path = tmp_path / "program.txt"
    if encoding == "utf-16-be":
        path.write_bytes(b"\xfe\xff" + MONTH.encode("utf-16-be"))
    else:
        path.write_bytes(cp1258(MONTH) if encoding == "cp1258" else MONTH.encode(encoding))
    result = run_cli("parse", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    titles = [e["title"] for e in json.loads(result.stdout)["events"]]
    assert titles == ["Chào cờ đầu tháng", "Họp giao ban Lãnh đạo Sở"]


def test_text_whose_encoding_cannot_be_told_says_how_to_resave(tmp_path: Path):
    path = tmp_path / "program.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    result = run_cli("parse", path)
    assert result.returncode == 2
    assert one_line(result.stderr) == (f"lichsync: {path}: the text is not UTF-8 and its encoding cannot be told "
                                       "for sure; save it as UTF-8 (Notepad: File › Save as › Encoding: UTF-8)")


# --- 7. serve under abuse ------------------------------------------------------------------------

@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "lac.ics").write_text("BEGIN:VCALENDAR\r\nX-WR-CALNAME:Lạc\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    return folder


def test_serve_closes_connections_that_never_finish_their_headers(feeds: Path, monkeypatch):
    import socket
    import threading
    import time

    import httpx

    from lichsync.publish import listen
    from lichsync.publish.serve import create_app

    monkeypatch.setattr(listen, "HEADER_TIMEOUT", 1.0)
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = listen.server(create_app(feeds), log_level="warning")
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        held = []
        for _ in range(50):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /lac.ics HTTP/1.1\r\nHost: x\r\n")  # never ends the headers
            held.append(s)
        answer = httpx.get(f"http://127.0.0.1:{port}/lac.ics", timeout=5)
        assert answer.status_code == 200 and answer.headers["x-content-type-options"] == "nosniff"
        time.sleep(2.5)
        for s in held:
            s.settimeout(1)
            assert s.recv(1) == b""  # the server hung up
            s.close()
        long_host = httpx.get(f"http://127.0.0.1:{port}/", headers={"Host": "h" * 3000}, timeout=5)
        assert long_host.status_code == 400
    finally:
        server.should_exit = True
        thread.join(10)


def test_serve_busy_port_is_one_line_and_the_log_masks_tokens(feeds: Path, tmp_path: Path):
    import signal
    import socket
    import time

    import httpx

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = run_cli("serve", "--dir", feeds, "--port", busy.getsockname()[1])
        assert result.returncode == 2
        assert one_line(result.stderr) == f"lichsync: 127.0.0.1:{busy.getsockname()[1]}: cannot listen there: " \
                                          "Address already in use"
        port = busy.getsockname()[1]
    token = "lac-secret-token-0123456789"
    (feeds / ".tokens.toml").write_text(f'[feeds]\nlac = "{token}"\n', encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lichsync", "serve", "--dir", feeds, "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        for _ in range(100):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/{token}/lac.ics", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer.status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        output = proc.communicate(timeout=10)[0]
    assert "GET /lac…/lac.ics" in output  # uvicorn's access log
    assert token not in output


# --- 6. secrets ----------------------------------------------------------------------------------

def test_passwords_in_urls_are_never_shown_logged_or_stored(tmp_path: Path, httpserver, radicale):
    import stat

    httpserver.expect_request("/p.txt").respond_with_data("gone", status=404)
    url = httpserver.url_for("/p.txt").replace("http://", "http://lac:hunter2secret@")
    calendar = radicale.new_calendar().replace("http://", f"http://{USER}:{PASSWORD}@")
    config = sync_config(tmp_path, f'[[sources]]\nname = "secret"\nurl = "{url}"\n\n'
                                   f'[[sources]]\nname = "good"\npath = "{GOOD}"\n\n[logging]\nfile = "sync.log"',
                         lac=f'calendars = {{ caldav = "{calendar}" }}')
    config.chmod(0o644)
    state = tmp_path / "state.sqlite3"
    result = run_cli("sync", "-c", config, "--state", state)
    assert result.returncode == 1
    assert f"lichsync: {config}: holds a password and others can read it: chmod 600 {config}" in result.stderr
    assert "lichsync: http://lac:***@localhost:" in result.stderr
    log = tmp_path / "sync.log"
    assert "lac caldav: create " in log.read_text(encoding="utf-8")  # the calendar was written
    for text in (result.stdout, result.stderr, log.read_text(encoding="utf-8"), state.read_bytes().decode("latin-1")):
        assert "hunter2secret" not in text and PASSWORD not in text
    for private in (state, log):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600


# --- 9. retrying the hopeless --------------------------------------------------------------------

def test_hopeless_calendar_urls_fail_at_once(tmp_path: Path, httpserver):
    import time

    httpserver.expect_request("/lac/").respond_with_data("", status=404)
    plain = httpserver.url_for("/lac/")
    cases = {
        plain.removeprefix("http://"): "not a calendar URL: it must start with https:// (or http://)",
        plain.replace("http://", "https://"): "listing events: [SSL",
    }
    for calendar, said in cases.items():
        started = time.monotonic()
        result = run_cli("push", GOOD, "--official", "Lạc", "--to", "caldav", "--calendar", calendar,
                         "--state", tmp_path / "s.sqlite3")
        assert time.monotonic() - started < 5  # with the default 5 retries and backoff this took 9–14 s
        assert result.returncode == 1
        assert f"lichsync: caldav {calendar}: {said}" in result.stderr and "Traceback" not in result.stderr


def test_verbose_sync_shows_each_step(tmp_path: Path):
    config = sync_config(tmp_path, f'[[sources]]\nname = "one"\npath = "{GOOD}"')
    result = run_cli("sync", "-c", config, "--state", tmp_path / "s.sqlite3", "-v", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"lichsync: fetch {GOOD}: new" in result.stderr
    assert f"lichsync: parse {GOOD}: " in result.stderr


# --- 5. silent shrinking -------------------------------------------------------------------------

def month_program(days: list[int], month: int = 10) -> str:
    head = MONTH.split("| 2 |")[0].replace("THÁNG 10", f"THÁNG {month}")
    return head + "".join(f"| {d} | Sáng: Họp giao ban số {d} | Văn phòng | Đ/c Lạc |\n" for d in days)


def test_a_copy_that_lost_most_of_its_events_is_held_back_until_forced(tmp_path: Path):
    program = tmp_path / "program.txt"
    program.write_text(month_program(list(range(2, 30))), encoding="utf-8")
    config = sync_config(tmp_path, f'[[sources]]\nname = "one"\npath = "{program}"')
    sync = ["sync", "-c", config, "--state", tmp_path / "s.sqlite3", "--quiet"]
    assert run_cli(*sync).returncode == 0
    feed = tmp_path / "feeds" / "lac.ics"
    assert feed_count(feed) == 28

    program.write_text(month_program(list(range(2, 12))), encoding="utf-8")  # cut to about a third
    held = run_cli(*sync)
    assert held.returncode == 1
    assert one_line(held.stderr) == (
        f"lichsync: {program}: holds 10 events where its last copy held 28: held back, as it lost more than 50% "
        "(`lichsync sync --force` accepts it, or raise guard.max_loss) (keeping the last good copy)")
    assert feed_count(feed) == 28
    assert run_cli(*sync).returncode == 1  # every night, until confirmed

    forced = run_cli(*sync, "--force")
    assert forced.returncode == 0, forced.stderr
    assert feed_count(feed) == 10


def test_a_removed_file_stays_until_forced_and_feeds_and_calendars_agree(tmp_path: Path, radicale):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "thang-10.txt").write_text(month_program([2, 3, 4], 10), encoding="utf-8")
    (inbox / "thang-11.txt").write_text(month_program([6, 7], 11), encoding="utf-8")
    calendar = radicale.new_calendar()
    config = sync_config(tmp_path, f'[[sources]]\nname = "inbox"\npath = "{inbox}"',
                         lac=f'calendars = {{ caldav = "{calendar}" }}',
                         targets=f'[targets.caldav]\nusername = "{USER}"\npassword = "{PASSWORD}"')
    sync = ["sync", "-c", config, "--state", tmp_path / "s.sqlite3", "--quiet"]
    feed = tmp_path / "feeds" / "lac.ics"

    def on_calendar() -> int:
        return len(list(radicale.client.calendar(url=calendar).events()))

    assert run_cli(*sync).returncode == 0
    assert feed_count(feed) == on_calendar() == 5

    (inbox / "thang-10.txt").unlink()
    held = run_cli(*sync)
    assert held.returncode == 1
    assert one_line(held.stderr) == (f"lichsync: {inbox / 'thang-10.txt'}: removed from its folder: its events stay "
                                     "until `lichsync sync --force` confirms the removal")
    assert feed_count(feed) == on_calendar() == 5

    forced = run_cli(*sync, "--force")
    assert forced.returncode == 0, forced.stderr
    assert feed_count(feed) == on_calendar() == 2
    assert run_cli(*sync).returncode == 0  # confirmed once, for good


# --- 8. CalDAV objects ---------------------------------------------------------------------------

def _desired(text: str):
    from lichsync.calendar.directory import Directory
    from lichsync.calendar.mapper import map_programs
    from lichsync.config import Config
    from lichsync.read.pipeline import parse_text
    from lichsync.sync.plan import Desired

    program = parse_text(text, "program.txt")
    config = Config()
    return [Desired(e, "ldtbxh|2023-10") for e in map_programs([program], config, Directory(config, [program]))]


def test_caldav_objects_have_no_method_and_count_their_sequence(radicale):
    from lichsync.publish.caldav import CalDAVTarget
    from lichsync.sync.plan import plan

    calendar = radicale.new_calendar()
    target = CalDAVTarget(calendar, USER, PASSWORD)
    first = _desired(month_program([2]))
    for action in plan(first, {}, [], []).writes:
        target.create(action)
    [before] = list(radicale.client.calendar(url=calendar).events())
    assert "METHOD:" not in before.data and "SEQUENCE:0" in before.data
    created = before.icalendar_component["CREATED"].to_ical()

    revised = _desired(month_program([2]).replace("Sáng:", "Chiều:"))  # moved: the same event, updated
    [update] = plan(revised, {}, target.list(), []).writes
    assert update.op == "update"
    target.update(update)
    [after] = list(radicale.client.calendar(url=calendar).events())
    assert "SEQUENCE:1" in after.data and after.icalendar_component["CREATED"].to_ical() == created


def test_a_write_the_server_committed_before_a_timeout_counts_as_done(radicale):
    """The retry of a committed create meets If-None-Match: * and a 412: the item is re-read, and
    as it already holds what lichsync wanted, the write is done (no error, no "a person edited")."""
    from lichsync.publish.caldav import CalDAVTarget, render, resource_name
    from lichsync.sync.plan import plan

    calendar = radicale.new_calendar()
    target = CalDAVTarget(calendar, USER, PASSWORD)
    [action] = plan(_desired(month_program([2])), {}, [], []).writes
    radicale.put_raw(calendar + resource_name(action.uid), render(action))  # the first try, committed
    written = target.create(action)  # the retry
    [remote] = target.list()
    assert written.etag == remote.etag and remote.hash == action.desired.hash
