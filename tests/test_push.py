"""Push against real servers: Radicale for CalDAV, the Calendar v3 emulator for Google (through
google-api-python-client's own HTTP and batch code). The program is a real one (samples/)."""
from __future__ import annotations

import base64
import http.server
import json
import socket
import threading
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import httplib2
import pytest

from conftest import REPO, run_cli
from lichsync.cli.push import desired_events
from lichsync.config import Config
from lichsync.calendar.directory import Directory
from lichsync.read.pipeline import parse_file
from lichsync.sync.apply import execute
from lichsync.sync.plan import Desired, plan
from lichsync.sync.state import State
from lichsync.publish import google as google_mod
from lichsync.publish.base import Backoff, TargetError
from lichsync.publish.caldav import CalDAVTarget
from lichsync.publish.google import GoogleTarget
from push_servers import PASSWORD, USER

PROGRAM = REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt"
FAST = Backoff(retries=4, base=0.001, cap=0.01)


@pytest.fixture(scope="module")
def program():
    """Lạc's events of September 2023 and the scope they belong to."""
    programs = [parse_file(PROGRAM)]
    people = Directory(Config(), programs)
    wanted, scopes = desired_events(programs, Config(), people, people.find("Lạc").key)
    assert len(wanted) == 23  # his 20, and the 3 of "Lãnh đạo Sở" (no config: the leaders the program titles)
    return wanted, scopes


class CalDAVCalendar:
    kind = "caldav"

    def __init__(self, radicale):
        self.server = radicale
        self.url = radicale.new_calendar()

    def target(self, **kw) -> CalDAVTarget:
        return CalDAVTarget(self.url, USER, PASSWORD, backoff=FAST)

    def live(self) -> list[tuple[str, str]]:
        return sorted((e.uid, e.summary) for e in self.target().list())

    def add_person_event(self, uid: str, summary: str) -> None:
        self.server.put_raw(f"{self.url}{uid}.ics", (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Thunderbird//VI\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20230901T000000Z\r\nDTSTART:20230905T090000Z\r\n"
            f"DTEND:20230905T100000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))

    def person_edits(self, uid: str, summary: str) -> None:
        [event] = [e for e in self.target().list() if e.uid == uid]
        client = self.server.client
        body = client.request(event.remote_id, "GET").raw
        body = body.replace(f"SUMMARY:{event.summary}", f"SUMMARY:{summary}")  # short Vietnamese titles: one line
        assert client.request(event.remote_id, "PUT", body, {"If-Match": event.etag}).status == 204


def uid_of(event: dict) -> str:
    """lichsync's UID of a Google event (kept in its private properties), else the event's own iCalUID."""
    return event.get("extendedProperties", {}).get("private", {}).get("lichsyncUid") or event["iCalUID"]


class GoogleCalendar:
    kind = "google"

    def __init__(self, emulator):
        self.emulator = emulator
        self.id = f"lac-{uuid.uuid4().hex}@group.calendar.google.com"  # not id(self): a freed object's id comes back

    def target(self, backoff: Backoff = FAST) -> GoogleTarget:
        return GoogleTarget(self.id, httplib2.Http(timeout=10), root_url=self.emulator.url, backoff=backoff)

    def config(self, path: Path) -> Path:
        path.write_text(f'[targets.google]\nendpoint = "{self.emulator.url}"\nretries = 1\n', encoding="utf-8")
        return path

    def live(self) -> list[tuple[str, str]]:
        return sorted((uid_of(e), e.get("summary", "")) for e in self.emulator.live(self.id))

    def add_person_event(self, uid: str, summary: str) -> None:
        self.emulator.add_event(self.id, {"iCalUID": uid, "summary": summary,
                                          "start": {"dateTime": "2023-09-05T16:00:00+07:00"},
                                          "end": {"dateTime": "2023-09-05T17:00:00+07:00"}})

    def person_edits(self, uid: str, summary: str) -> None:
        [event] = [e for e in self.emulator.live(self.id) if uid_of(e) == uid]
        status, _, _ = self.emulator.call("PATCH", f"/calendar/v3/calendars/{self.id}/events/{event['id']}", {},
                                          json.dumps({"summary": summary}).encode())
        assert status == 200


@pytest.fixture(params=["caldav", "google"])
def calendar(request):
    if request.param == "caldav":
        return CalDAVCalendar(request.getfixturevalue("radicale"))
    return GoogleCalendar(request.getfixturevalue("google_emulator"))


def push(calendar, wanted: list[Desired], scopes, state: State, target=None):
    target = target or calendar.target()
    p = plan(wanted, state.records(target.kind, target.calendar), target.list(), scopes)
    execute(p, target, state)
    return p


def assert_holds_exactly(calendar, wanted: list[Desired], others: list[tuple[str, str]] = ()):
    assert calendar.live() == sorted([(d.uid, d.event.summary) for d in wanted] + list(others))


def assert_state_is_truth(calendar, state: State):
    """Every record names a live owned event with the recorded id (a subset of the truth, never more)."""
    target = calendar.target()
    live = {e.uid: e for e in target.list() if e.owned and not e.cancelled}
    for uid, rec in state.records(target.kind, target.calendar).items():
        assert uid in live and live[uid].remote_id == rec.remote_id


def test_thirty_pushes_leave_each_event_exactly_once(calendar, program, tmp_path):
    wanted, scopes = program
    state = State(tmp_path / "state.db")
    first = push(calendar, wanted, scopes, state)
    assert first.counts()["create"] == 23
    for _ in range(29):
        again = push(calendar, wanted, scopes, state)
        assert again.writes == []
    assert_holds_exactly(calendar, wanted)
    assert Counter(uid for uid, _ in calendar.live()).most_common(1)[0][1] == 1


class Killed(BaseException):
    """What kill -9 does to a push: it stops between two instructions."""


@pytest.mark.parametrize("k", [0, 7, 19])
def test_push_killed_after_k_writes_is_finished_by_the_next_run(calendar, program, tmp_path, monkeypatch, k):
    wanted, scopes = program
    path = tmp_path / "state.db"
    state = State(path)
    real_save, saved = state.save, []

    def save(*args):  # the remote accepted write k+1, the process dies before recording it
        if len(saved) == k:
            raise Killed
        saved.append(args)
        return real_save(*args)

    monkeypatch.setattr(state, "save", save)
    with pytest.raises(Killed):
        push(calendar, wanted, scopes, state)
    state.close()
    rerun = State(path)
    assert len(rerun.records(calendar.kind, calendar.target().calendar)) == k
    push(calendar, wanted, scopes, rerun)
    assert_holds_exactly(calendar, wanted)
    assert_state_is_truth(calendar, rerun)
    assert push(calendar, wanted, scopes, rerun).writes == []


def test_deleted_state_file_makes_no_duplicates(calendar, program, tmp_path):
    wanted, scopes = program
    path = tmp_path / "state.db"
    with State(path) as state:
        push(calendar, wanted, scopes, state)
    path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with State(path) as state:
        again = push(calendar, wanted, scopes, state)
        assert again.writes == [] and all(a.adopt for a in again.actions)
        changed = [replace(d, event=replace(d.event, summary=d.event.summary + " (lùi sang chiều)")) if i == 3 else d
                   for i, d in enumerate(wanted)]
        one = push(calendar, changed, scopes, state)
        assert [a.op for a in one.writes] == ["update"]
    assert_holds_exactly(calendar, changed)


def test_person_events_are_untouched_by_pushes_and_deletions(calendar, program, tmp_path):
    wanted, scopes = program
    mine = [("kham-benh-0509@example.org", "Đi khám bệnh"), (wanted[0].uid, "Không phải của lichsync")]
    calendar.add_person_event(*mine[0])
    state = State(tmp_path / "state.db")
    first = push(calendar, wanted, scopes, state)
    assert [a.uid for a in first.actions if a.op == "foreign"] == []
    calendar.add_person_event("sinh-nhat@example.org", "Sinh nhật")
    before = {e.uid: e.etag for e in calendar.target().list() if not e.owned}
    fewer = wanted[5:]  # a revised program dropped five of Lạc's items
    p = push(calendar, fewer, scopes, state)
    assert p.counts()["delete"] == 5
    after = {e.uid: e.etag for e in calendar.target().list() if not e.owned}
    assert after == before  # same events, same ETags: not rewritten
    assert_holds_exactly(calendar, fewer, [mine[0], ("sinh-nhat@example.org", "Sinh nhật")])


def test_person_edit_is_kept_until_the_program_changes_that_event(calendar, program, tmp_path):
    wanted, scopes = program
    state = State(tmp_path / "state.db")
    push(calendar, wanted, scopes, state)
    calendar.person_edits(wanted[2].uid, "Giao ban - phòng họp 2")
    p = push(calendar, wanted, scopes, state)
    assert p.writes == [] and [a.uid for a in p.edited_kept] == [wanted[2].uid]
    assert ("Giao ban - phòng họp 2") in dict(calendar.live()).values()
    changed = [replace(d, event=replace(d.event, location="Hội trường tầng 3")) if i == 2 else d
               for i, d in enumerate(wanted)]
    p = push(calendar, changed, scopes, state)
    assert [(a.op, a.edited) for a in p.writes] == [("update", True)]
    assert_holds_exactly(calendar, changed)


def test_network_error_outlasting_retries_names_the_target_and_keeps_state(calendar, program, tmp_path):
    wanted, scopes = program
    state = State(tmp_path / "state.db")
    target = calendar.target()
    if calendar.kind == "google":
        calendar.emulator.inject(500, count=10_000)
        try:
            with pytest.raises(TargetError) as failure:
                push(calendar, wanted, scopes, state, target)
        finally:
            calendar.emulator.faults.clear()
    else:
        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            dead = f"http://127.0.0.1:{s.getsockname()[1]}/lac/work/"
        target = CalDAVTarget(dead, USER, PASSWORD, backoff=FAST)
        with pytest.raises(TargetError) as failure:
            push(calendar, wanted, scopes, state, target)
    assert str(failure.value).startswith(f"{calendar.kind} ") and target.calendar in str(failure.value)
    assert state.records(target.kind, target.calendar) == {}
    assert_state_is_truth(calendar, state)


# --- CalDAV specifics ---

def test_caldav_writes_are_conditional(radicale, program):
    wanted, scopes = program
    cal = CalDAVCalendar(radicale)
    target = cal.target()
    created = target.create(plan(wanted[:1], {}, [], scopes).actions[0])
    [remote] = target.list()
    assert (remote.owned, remote.hash, remote.scope, remote.etag) == (True, wanted[0].hash, next(iter(scopes)), created.etag)
    again = target.create(plan(wanted[:1], {}, [], scopes).actions[0])  # a retry of a committed write:
    assert again.etag == created.etag  # the 412 is answered by re-reading; it holds what we want, unrewritten
    other = replace(wanted[0], event=replace(wanted[0].event, summary="Khác"))
    with pytest.raises(TargetError, match="412"):  # If-None-Match: * never overwrites
        target.create(plan([other], {}, [], scopes).actions[0])
    cal.person_edits(wanted[0].uid, "Sửa tay")
    stale = plan([replace(wanted[0], event=replace(wanted[0].event, summary="Mới"))], {}, [remote], scopes).writes[0]
    with pytest.raises(TargetError, match="412"):  # If-Match with the ETag of the listing
        target.update(stale)


def test_caldav_wrong_password_is_a_clear_error(radicale):
    cal = CalDAVCalendar(radicale)
    with pytest.raises(TargetError, match="refused the credentials"):
        CalDAVTarget(cal.url, USER, "sai", backoff=FAST).list()


def test_caldav_wrong_password_on_a_write_is_a_clear_error(radicale, program):
    wanted, scopes = program
    cal = CalDAVCalendar(radicale)
    with pytest.raises(TargetError, match="refused the credentials"):
        CalDAVTarget(cal.url, USER, "sai", backoff=FAST).create(plan(wanted[:1], {}, [], scopes).writes[0])
    assert cal.live() == []


def test_caldav_calendar_path_in_vietnamese(radicale, program, tmp_path):
    """A collection named as people name them: the writes quote its path as the listing does."""
    wanted, scopes = program
    url = f"{radicale.url}{USER}/lịch công tác/"
    assert radicale.client.request(url, "MKCALENDAR", "").status == 201
    cal = CalDAVCalendar(radicale)
    cal.url = url
    with State(tmp_path / "state.db") as state:
        push(cal, wanted, scopes, state)
        fewer = push(cal, wanted[3:], scopes, state)
    assert fewer.counts()["delete"] == 3
    assert_holds_exactly(cal, wanted[3:])


class HTTP11(http.server.BaseHTTPRequestHandler):
    """A server that keeps connections alive, as most CalDAV servers do (Radicale's own answers HTTP/1.0);
    it answers every write 201 (and lists an empty calendar), records each request, and drops each connection
    after its second without saying so, as a server does with an idle connection. As a proxy it sees the
    absolute URL."""
    protocol_version = "HTTP/1.1"

    def do_PUT(self, status: int = 201, body: bytes = b""):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.server.seen.append((self.command, self.path, self.client_address, self.headers["Authorization"]))
        self.send_response(status)
        self.send_header("ETag", f'"{len(self.server.seen)}"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = sum(1 for *_, peer, _ in self.server.seen if peer == self.client_address) == 2

    def do_REPORT(self):  # an empty calendar
        self.do_PUT(207, b'<?xml version="1.0" encoding="utf-8"?><multistatus xmlns="DAV:"/>')

    def log_message(self, *args):
        pass


@pytest.fixture
def http11():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HTTP11)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_caldav_writes_keep_the_connection_alive_and_reopen_a_dropped_one(http11, program):
    wanted, scopes = program
    calendar = f"http://127.0.0.1:{http11.server_port}/lac/work/"
    target = CalDAVTarget(calendar, USER, PASSWORD, backoff=Backoff(retries=0))
    written = [target.create(a) for a in plan(wanted[:5], {}, [], scopes).writes]
    assert [w.etag for w in written] == ['"1"', '"2"', '"3"', '"4"', '"5"']  # each sent once, none failed
    peers = [peer for *_, peer, _ in http11.seen]
    assert peers[0] == peers[1] != peers[2] == peers[3] != peers[4]  # two writes a connection, then a new one
    assert {auth for *_, auth in http11.seen} == {"Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
    assert [path for _, path, *_ in http11.seen] == [urlsplit(w.remote_id).path for w in written]


def test_caldav_writes_go_through_the_proxy_the_environment_names(http11, tmp_path):
    """Port 1 of localhost answers nobody: every request of this push reaches the calendar through the proxy."""
    calendar = "http://localhost:1/lac/work/"
    result = run_cli("push", PROGRAM, "--official", "Lạc", "--to", "caldav", "--calendar", calendar,
                     "--state", tmp_path / "s.db", env={"HTTP_PROXY": f"http://127.0.0.1:{http11.server_port}",
                                                         "NO_PROXY": "", "no_proxy": "", "LICHSYNC_CALDAV_USERNAME": USER,
                                                         "LICHSYNC_CALDAV_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    methods = Counter(method for method, *_ in http11.seen)
    assert methods == {"REPORT": 1, "PUT": 23} and all(path.startswith(calendar) for _, path, *_ in http11.seen)

# --- Google specifics ---

def test_google_batches_hold_at_most_50_calls_and_lists_page(google_emulator, program, monkeypatch, tmp_path):
    wanted, scopes = program
    many = [replace(wanted[i % 20], event=replace(wanted[i % 20].event, uid=f"{i}-{wanted[i % 20].uid}"))
            for i in range(120)]
    cal = GoogleCalendar(google_emulator)
    state = State(tmp_path / "state.db")
    google_emulator.reset_counts()
    push(cal, many, scopes, state)
    assert google_emulator.batch_sizes == [50, 50, 20]
    assert google_emulator.requests == Counter(list=1, batch=3)
    monkeypatch.setattr(google_mod, "PAGE_SIZE", 50)
    google_emulator.reset_counts()
    assert push(cal, many, scopes, state).writes == []
    assert google_emulator.requests == Counter(list=3)  # 120 events in pages of 50


def test_google_retries_rate_limits_and_server_errors(google_emulator, program, tmp_path):
    wanted, scopes = program
    cal = GoogleCalendar(google_emulator)
    google_emulator.inject(500, 2, kind="list")
    google_emulator.inject(403, 2, reason="rateLimitExceeded", kind="insert")
    google_emulator.inject(429, 1, kind="insert")
    google_emulator.inject(403, 1, reason="userRateLimitExceeded", kind="insert")
    google_emulator.inject(503, 3, kind="insert")
    push(cal, wanted, scopes, State(tmp_path / "state.db"))
    assert google_emulator.faults == []
    assert_holds_exactly(cal, wanted)


def test_google_does_not_retry_a_real_403(google_emulator, program, tmp_path):
    wanted, scopes = program
    cal = GoogleCalendar(google_emulator)
    google_emulator.inject(403, 1, reason="forbidden")
    with pytest.raises(TargetError, match="403"):
        push(cal, wanted, scopes, State(tmp_path / "state.db"))
    assert google_emulator.faults == []


def test_google_gone_events_delete_as_done_and_deleted_ids_come_back(google_emulator, program, tmp_path):
    wanted, scopes = program
    cal = GoogleCalendar(google_emulator)
    state = State(tmp_path / "state.db")
    push(cal, wanted, scopes, state)
    target = cal.target()
    drop = plan(wanted[1:], state.records("google", cal.id), target.list(), scopes).writes
    [gone] = drop
    target.delete(gone)
    target.delete(gone)  # 410: already deleted is done
    execute(plan(wanted[1:], state.records("google", cal.id), target.list(), scopes), target, state)
    assert_holds_exactly(cal, wanted[1:])
    push(cal, wanted, scopes, state)  # the id is held by a cancelled event: insert 409 → update
    assert_holds_exactly(cal, wanted)
    assert google_emulator.calls["update"] >= 1


# --- the command ---

def test_push_command_twice_leaves_exactly_the_gold_events_for_lac(radicale, tmp_path, monkeypatch):
    cal = CalDAVCalendar(radicale)
    monkeypatch.setenv("LICHSYNC_CALDAV_USERNAME", USER)
    monkeypatch.setenv("LICHSYNC_CALDAV_PASSWORD", PASSWORD)
    args = ["push", PROGRAM, "--official", "Lạc", "--to", "caldav", "--calendar", cal.url, "--state", tmp_path / "s.db"]
    dry = run_cli(*args, "--dry-run")
    assert dry.returncode == 0 and "would create 23" in dry.stdout and cal.live() == []
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert "create 23, update 0, delete 0, unchanged 0" in first.stdout
    second = run_cli(*args, "--json")
    assert json.loads(second.stdout)["targets"][0]["counts"] == {
        "create": 0, "update": 0, "delete": 0, "unchanged": 23, "foreign": 0}
    gold = json.loads((REPO / "tests" / "gold" / "so-ldtbxh-hatinh-2023-09.json").read_text(encoding="utf-8"))
    expected = Counter((e["date"], e["title"]) for e in gold["events"] if {"Lạc", "Lãnh đạo Sở"} & set(e["officials"]))
    held = Counter((str(e.start)[:10], e.summary) for e in cal.target().list())
    assert held == expected


def test_push_command_network_failure_exits_1_naming_the_target(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/lac/work/"
    config = tmp_path / "lichsync.toml"
    config.write_text("[targets.caldav]\nretries = 1\n", encoding="utf-8")
    result = run_cli("push", PROGRAM, "--official", "Lạc", "--to", "caldav", "--calendar", dead,
                     "--state", tmp_path / "s.db", "--config", config)
    assert result.returncode == 1
    [line] = [x for x in result.stderr.splitlines() if x.startswith("lichsync: caldav")]
    assert line.startswith(f"lichsync: caldav {dead}: listing events: network error: ")
    assert "(gave up after 2 tries)" in line
    assert "Traceback" not in result.stderr


def test_push_command_needs_a_calendar(tmp_path):
    result = run_cli("push", PROGRAM, "--official", "Lạc", "--state", tmp_path / "s.db")
    assert result.returncode == 2
    assert "has no caldav or google calendar" in result.stderr


def test_push_command_to_google_twice_then_a_revised_program(google_emulator, tmp_path):
    cal = GoogleCalendar(google_emulator)
    args = ["push", PROGRAM, "--official", "Lạc", "--to", "google", "--calendar", cal.id,
            "--state", tmp_path / "s.db", "--config", cal.config(tmp_path / "c.toml")]
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert "create 23, update 0, delete 0, unchanged 0" in first.stdout
    second = run_cli(*args)
    assert "create 0, update 0, delete 0, unchanged 23" in second.stdout
    revised = tmp_path / PROGRAM.name  # a revised issue: two of Lạc's items retitled
    text = PROGRAM.read_text(encoding="utf-8")
    old = ["\nChiều: Giao ban BCS Đảng và UBND tỉnh\n", "thanh niên năm 2023\n"]
    assert all(text.count(o) == 1 for o in old)
    revised.write_text(text.replace(old[0], "\nChiều: Giao ban BCS Đảng và UBND tỉnh tháng 9\n")
                       .replace(old[1], "thanh niên năm 2023 (bổ sung)\n"), encoding="utf-8")
    dry = run_cli(*args[:1], revised, *args[2:], "--dry-run", "--json")
    assert json.loads(dry.stdout)["targets"][0]["counts"] == {  # a retitled item is a new event (new UID)
        "create": 2, "update": 0, "delete": 2, "unchanged": 21, "foreign": 0}
    third = run_cli(*args[:1], revised, *args[2:])
    assert third.returncode == 0, third.stderr
    assert len(cal.live()) == 23 and "Giao ban BCS Đảng và UBND tỉnh tháng 9" in dict(cal.live()).values()


def test_google_token_is_written_with_mode_0600(tmp_path):
    path = tmp_path / "dir" / "google-token.json"
    google_mod.save_token(path, '{"refresh_token": "x"}')
    assert path.stat().st_mode & 0o777 == 0o600 and json.loads(path.read_text())["refresh_token"] == "x"


def test_push_command_refuses_a_state_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "state.db"
    bogus.write_text("không phải SQLite\n" * 100, encoding="utf-8")
    result = run_cli("push", PROGRAM, "--official", "Lạc", "--to", "caldav", "--calendar", "http://127.0.0.1:9/x/",
                     "--state", bogus)
    assert result.returncode == 2 and f"lichsync: {bogus}: cannot open the sync state" in result.stderr
    assert "Traceback" not in result.stderr and bogus.read_text(encoding="utf-8").startswith("không phải")


def test_google_credentials_service_account_or_stored_token(tmp_path):
    rsa = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    from cryptography.hazmat.primitives import serialization
    pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    account = tmp_path / "service-account.json"
    account.write_text(json.dumps({"type": "service_account", "private_key": pem, "private_key_id": "1",
                                   "client_email": "lichsync@du-an.iam.gserviceaccount.com",
                                   "token_uri": "https://oauth2.googleapis.com/token"}), encoding="utf-8")
    creds = google_mod.authorized_http(account).credentials
    assert creds.service_account_email == "lichsync@du-an.iam.gserviceaccount.com"
    assert creds._scopes == google_mod.SCOPES
    token = tmp_path / "google-token.json"
    google_mod.save_token(token, json.dumps({"refresh_token": "r", "client_id": "c", "client_secret": "s"}))
    assert google_mod.authorized_http(token).credentials.refresh_token == "r"


def test_push_command_without_google_credentials_says_what_to_do(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text(f'[targets.google]\ncredentials = "{tmp_path / "missing.json"}"\n', encoding="utf-8")
    result = run_cli("push", PROGRAM, "--official", "Lạc", "--to", "google", "--calendar", "lac@example.org",
                     "--state", tmp_path / "s.db", "--config", config)
    assert result.returncode == 1 and "Traceback" not in result.stderr  # a target that failed: the others would go on
    assert "cannot use the Google credentials" in result.stderr and "lichsync auth google" in result.stderr
