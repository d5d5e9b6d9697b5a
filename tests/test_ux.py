"""Issue 16, as users of gcalcli, vdirsyncer and khal expect it: each item through the CLI in a
subprocess, or in Chromium where it is about what a person sees."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httplib2
import icalendar
import lxml.html
import pytest

from conftest import REPO, run_cli
from lichsync.calendar.directory import Directory
from lichsync.config import Config

from lichsync.publish.base import Backoff
from lichsync.publish.google import GoogleTarget
from lichsync.read.pipeline import parse_file
from lichsync.sync.state import State
from push_servers import PASSWORD, USER
from test_push import GoogleCalendar, push, uid_of

PROGRAM = REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt"
FAST = Backoff(retries=2, base=0.01, cap=0.02)


def ics_events(path: Path) -> list:
    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


# --- 1. config where it lives -----------------------------------------------------------------

def user_config(home: Path, body: str) -> Path:
    path = home / "lichsync" / "lichsync.toml"
    path.parent.mkdir(parents=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_sync_reads_the_user_config_dir_and_v_names_it(tmp_path):
    programs = tmp_path / "programs"
    programs.mkdir()
    shutil.copy(PROGRAM, programs)
    config = user_config(tmp_path / "xdg", f'[[sources]]\npath = "{programs}"\n[feeds]\ndir = "{tmp_path / "feeds"}"\n')
    r = run_cli("sync", "-v", "--state", tmp_path / "s.db", env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert r.returncode == 0, r.stderr
    assert f"lichsync: config: {config} (from the user config dir)" in r.stderr
    assert (tmp_path / "feeds" / "lac.ics").is_file()
    r = run_cli("sync", env={"XDG_CONFIG_HOME": str(tmp_path / "none")})
    assert r.returncode == 2 and "no configuration: create" in r.stderr and str(tmp_path / "none") in r.stderr


def test_export_v_says_no_config_and_config_option_wins(tmp_path):
    r = run_cli("export", PROGRAM, "--official", "Lạc", "-o", tmp_path / "a.ics", "-v")
    assert r.returncode == 0 and "config: none (" in r.stderr
    user_config(tmp_path / "xdg", '[organization]\nname = "Sở A"\n')
    given = tmp_path / "given.toml"
    given.write_text('[organization]\nname = "Sở B"\n', encoding="utf-8")
    r = run_cli("export", PROGRAM, "--official", "Lạc", "-o", tmp_path / "b.ics", "-v", "--config", given,
                env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert r.returncode == 0 and f"config: {given} (from --config" in r.stderr


# --- 2. cron and systemd as shipped -------------------------------------------------------------

def installed_home(tmp_path: Path, calendar: str) -> dict[str, str]:
    """A user's home as the README sets it up: lichsync in a bin folder named in ~/.config/lichsync/env
    with the CalDAV password, lichsync.toml (no password in it) in ~/.config/lichsync."""
    home = tmp_path / "home"
    bin_dir = home / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    shim = bin_dir / "lichsync"  # what `pip install .` puts in a venv's bin, running this checkout
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m lichsync "$@"\n')
    shim.chmod(0o755)
    programs = home / "programs"
    programs.mkdir()
    shutil.copy(PROGRAM, programs)
    conf = home / ".config" / "lichsync"
    conf.mkdir(parents=True)
    (conf / "lichsync.toml").write_text(
        f'[officials.lac]\nshort_name = "Lạc"\ncalendars = {{ caldav = "{calendar}" }}\n'
        f'[targets.caldav]\nusername = "{USER}"\nretries = 1\n'
        f'[[sources]]\npath = "{programs}"\n[feeds]\ndir = "{home / "feeds"}"\n', encoding="utf-8")
    env_file = (REPO / "contrib" / "lichsync.env").read_text(encoding="utf-8")
    env_file = env_file.replace("/home/YOU/.local/share/lichsync/venv/bin", str(bin_dir))
    env_file = env_file.replace("LICHSYNC_CALDAV_PASSWORD=\n", f"LICHSYNC_CALDAV_PASSWORD={PASSWORD}\n")
    (conf / "env").write_text(env_file, encoding="utf-8")
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LICHSYNC_STATE": str(tmp_path / "state.db")}


def test_cron_line_as_shipped_finds_lichsync_and_its_password(radicale, tmp_path):
    calendar = radicale.new_calendar()
    env = installed_home(tmp_path, calendar)
    line = next(l for l in (REPO / "contrib" / "lichsync.cron").read_text().splitlines() if l and not l.startswith("#"))
    command = line.split(None, 5)[5]  # after the five time fields, as cron runs it with /bin/sh
    r = subprocess.run(["/bin/sh", "-c", command], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len(radicale.client.calendar(url=calendar).events()) == 23
    assert (Path(env["HOME"]) / "feeds" / "lac.ics").is_file()


def test_systemd_units_verify_and_their_command_runs(radicale, tmp_path):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed")
    env = installed_home(tmp_path, radicale.new_calendar())
    units = Path(env["HOME"]) / ".config" / "systemd" / "user"
    units.mkdir(parents=True)
    for name in ("lichsync-sync.service", "lichsync-sync.timer", "lichsync-serve.service"):
        shutil.copy(REPO / "contrib" / name, units)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    r = subprocess.run([analyze, "--user", "verify", *sorted(map(str, units.iterdir()))],
                       env=dict(env, XDG_RUNTIME_DIR=str(runtime)), capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    unit = (units / "lichsync-sync.service").read_text()
    assert "EnvironmentFile=%h/.config/lichsync/env" in unit
    exec_start = next(l for l in unit.splitlines() if l.startswith("ExecStart=")).removeprefix("ExecStart=")
    unit_env = dict(l.split("=", 1) for l in (Path(env["HOME"]) / ".config/lichsync/env").read_text().splitlines()
                    if l and not l.startswith("#"))
    r = subprocess.run(exec_start.split(), env={"HOME": env["HOME"], "LICHSYNC_STATE": env["LICHSYNC_STATE"], **unit_env},
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


# --- 3. Google on a server without a browser ----------------------------------------------------

def test_auth_google_no_browser_prints_the_ssh_hint_and_times_out(tmp_path):
    secrets = tmp_path / "client.json"
    secrets.write_text(json.dumps({"installed": {
        "client_id": "x.apps.googleusercontent.com", "client_secret": "s", "redirect_uris": ["http://localhost"],
        "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"}}))
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    r = run_cli("auth", "google", "--client-secrets", secrets, "--no-browser", "--port", port, "--timeout", 1,
                env={"BROWSER": "false"})
    assert time.monotonic() - started < 30
    assert r.returncode == 1
    assert f"ssh -L {port}:localhost:{port} " in r.stderr
    assert f"redirect_uri=http%3A%2F%2Flocalhost%3A{port}%2F" in r.stdout
    assert "calendar.events.owned" in r.stdout
    assert r.stderr.splitlines()[-1] == "lichsync: auth google: no sign-in within 1 s; run it again (and keep the ssh -L tunnel open)"


def test_google_inserts_id_only_and_lists_owned_changes_since_last_time(google_emulator, tmp_path):
    programs = [parse_file(PROGRAM)]
    from lichsync.cli.push import desired_events
    people = Directory(Config(), programs)
    wanted, scopes = desired_events(programs, Config(), people, people.find("Lạc").key)
    cal = GoogleCalendar(google_emulator)
    google_emulator.add_event(cal.id, {"summary": "Khám bệnh", "start": {"date": "2023-09-05"}, "end": {"date": "2023-09-06"}})
    state = State(tmp_path / "s.db")

    def target():
        return GoogleTarget(cal.id, httplib2.Http(timeout=10), root_url=google_emulator.url, backoff=FAST, listings=state)

    from lichsync.sync.apply import execute
    from lichsync.sync.plan import plan

    def run():
        t = target()
        p = plan(wanted, state.records(t.kind, t.calendar), t.list(), scopes)
        execute(p, t, state)
        return p

    google_emulator.reset_counts()
    assert run().counts()["create"] == 23
    mine = [e for e in google_emulator.live(cal.id) if "extendedProperties" in e]
    assert len(mine) == 23 and all(e["iCalUID"] == f"{e['id']}@google.com" for e in mine)  # id given, not iCalUID
    assert {uid_of(e) for e in mine} == {d.uid for d in wanted}
    first = google_emulator.list_queries[0]
    assert first["privateExtendedProperty"] == "lichsync=1" and "updatedMin" not in first
    google_emulator.reset_counts()
    assert run().writes == []
    [second] = google_emulator.list_queries
    assert second["updatedMin"] and second["privateExtendedProperty"] == "lichsync=1"
    # a person deletes one of lichsync's events: the incremental listing sees it and it comes back
    gone = mine[0]["id"]
    google_emulator.call("DELETE", f"/calendar/v3/calendars/{cal.id}/events/{gone}", {}, b"")
    assert run().counts()["create"] == 1  # made again (Google keeps the id: the insert becomes an update)
    assert len([e for e in google_emulator.live(cal.id) if "extendedProperties" in e]) == 23
    # Google forgot that far back (410): a full listing follows
    google_emulator.forget_deletions_before("9999")
    google_emulator.reset_counts()
    assert run().writes == []
    assert [("updatedMin" in q) for q in google_emulator.list_queries] == [True, False]
    google_emulator.forget_deletions_before("")


def test_google_writes_wait_as_long_as_retry_after_asks(google_emulator, tmp_path):
    programs = [parse_file(PROGRAM)]
    from lichsync.cli.push import desired_events
    people = Directory(Config(), programs)
    wanted, scopes = desired_events(programs, Config(), people, people.find("Lạc").key)
    cal = GoogleCalendar(google_emulator)
    google_emulator.inject(429, 1, kind="insert", retry_after=2)
    started = time.monotonic()
    push(cal, wanted, scopes, State(tmp_path / "s.db"))
    assert time.monotonic() - started >= 2 and google_emulator.faults == []


# --- 4. the terminal ----------------------------------------------------------------------------

def test_tables_fit_an_80_column_terminal():
    r = run_cli("parse", PROGRAM, env={"COLUMNS": "80"})
    assert r.returncode == 0
    widths = [len(line) for line in r.stdout.splitlines()]
    assert max(widths) <= 80 and widths.count(80) > 30  # the table uses the width, and no more


def test_export_dash_writes_stdout(tmp_path):
    r = run_cli("export", PROGRAM, "--official", "Lạc", "-o", "-", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("BEGIN:VCALENDAR") and r.stdout.count("BEGIN:VEVENT") == 23
    assert list(tmp_path.iterdir()) == []


def test_help_texts_completion_and_markup():
    assert "[feeds]" in run_cli("serve", "--help", env={"COLUMNS": "200"}).stdout
    for command in ("parse", "check", "export", "push"):
        assert "PDF" in run_cli(command, "--help", env={"COLUMNS": "200"}).stdout, command
    assert "--install-completion" in run_cli("--help", env={"COLUMNS": "200"}).stdout


# --- 5. dry runs --------------------------------------------------------------------------------

def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def test_sync_dry_run_lists_each_event_and_the_fields_an_update_changes(tmp_path):
    programs = tmp_path / "programs"
    programs.mkdir()
    program = programs / PROGRAM.name
    shutil.copy(PROGRAM, program)
    config = tmp_path / "lichsync.toml"
    config.write_text(f'[[sources]]\npath = "{programs}"\n[feeds]\ndir = "feeds"\n', encoding="utf-8")
    state = tmp_path / "state.db"
    assert run_cli("sync", "--config", config, "--state", state).returncode == 0
    text = PROGRAM.read_text(encoding="utf-8")
    assert "\nChiều: Giao ban BCS Đảng và UBND tỉnh\n" in text
    program.write_text(text.replace("\nChiều: Giao ban BCS Đảng và UBND tỉnh\n", "\nSáng: Giao ban BCS Đảng và UBND tỉnh\n"),
                       encoding="utf-8")
    before, feed = dump(state), (tmp_path / "feeds" / "lac.ics").read_bytes()
    r = run_cli("sync", "--config", config, "--state", state, "--dry-run", env={"COLUMNS": "160"})
    assert r.returncode == 0, r.stderr
    rows = [l for l in r.stdout.splitlines() if "Giao ban BCS Đảng và UBND tỉnh" in l]
    assert rows and all("update" in l and "start, end" in l for l in rows), r.stdout
    assert "would change" in r.stdout
    assert dump(state) == before and (tmp_path / "feeds" / "lac.ics").read_bytes() == feed


# --- 6. the subscribe page, in Chromium ---------------------------------------------------------

def test_subscribe_page_at_phone_and_desktop_widths(tmp_path):
    from datetime import datetime

    from test_serve import INDEX, TOKEN, Server, chromium, dump_dom
    from lichsync.publish.serve import Tokens, create_app

    feeds = tmp_path / "feeds"
    r = run_cli("export", PROGRAM, "--all", "-d", feeds, "--config", REPO / "config.example.toml")
    assert r.returncode == 0, r.stderr
    tokens = Tokens(feeds={"lac": TOKEN, "all": ""}, index=INDEX, enabled=True)
    shots = REPO / "tests" / "artifacts"
    shots.mkdir(exist_ok=True)
    with Server(create_app(feeds, tokens, now=datetime(2023, 9, 12))) as server:
        page = lxml.html.fromstring(dump_dom(f"{server.url}/{INDEX}/"))
        assert "127.0.0.1" in page.xpath('string(//p[@class="notice"])') and not page.xpath("//img")
    with Server(create_app(feeds, tokens, base_url="https://lich.example.gov.vn", now=datetime(2023, 9, 12))) as server:
        page = lxml.html.fromstring(dump_dom(f"{server.url}/{INDEX}/"))
        lac = page.xpath('//li[@class="feed"][h2="Lịch công tác – Lạc"]')[0]
        assert lac.xpath('string(p[@class="role"])') == "TUV, BTĐU, GĐ"  # the configured titles
        assert len(lac.xpath('ul[@class="next"]/li')) == 3 and "12/09" in lac.xpath('string(ul[@class="next"]/li[1])')
        assert "Cập nhật lần cuối" in lac.xpath('string(p[@class="changed"])')
        google = lac.xpath('a[@class="google"]/@href')[0]
        assert google.startswith("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flich.example.gov.vn%2F")
        steps = page.xpath('string(//details[@class="steps"])')
        assert all(w in steps for w in ("iPhone", "Android", "Outlook"))
        for name, size in (("phone", "390,844"), ("desktop", "1280,900")):
            path = shots / f"subscribe-{name}.png"
            with __import__("tempfile").TemporaryDirectory() as profile:
                r = subprocess.run(
                    [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={profile}", "--hide-scrollbars", f"--window-size={size}",
                     f"--screenshot={path}", f"{server.url}/{INDEX}/"], capture_output=True, text=True, timeout=60)
            assert r.returncode == 0 and path.stat().st_size > 10_000, r.stderr[-2000:]
            print(f"screenshot: {path}")


# --- 7. groups without a config -----------------------------------------------------------------

def test_leadership_group_reaches_the_titled_leaders_without_a_config(tmp_path):
    out = tmp_path / "lac.ics"
    r = run_cli("export", PROGRAM, "--official", "Lạc", "-o", out)
    assert r.returncode == 0 and "23 events" in r.stdout
    group = [e for e in ics_events(out) if "Lãnh đạo Sở" in str(e.get("DESCRIPTION"))]
    assert len(group) == 3 and all("Sự kiện của nhóm: Lãnh đạo Sở" in str(e["DESCRIPTION"]) for e in group)


def test_directory_fills_leadership_groups_from_the_document_only():
    """Pure: the group reaches the leaders (GĐ, PGĐ) this document titles, not a trade union chair."""
    from datetime import date

    from lichsync.parse.model import Event, Period, Program

    program = Program(source="x", organization="Sở A", period=Period(month=9, year=2023), events=[
        Event(date(2023, 9, 5), "Giao ban", officials=["Lạc"], titles={"Lạc": "TUV, BTĐU, GĐ"}),
        Event(date(2023, 9, 6), "Họp", officials=["Hoa"], titles={"Hoa": "PGĐ Sở"}),
        Event(date(2023, 9, 7), "Công đoàn", officials=["Hùng"], titles={"Hùng": "CT CĐ"}),
        Event(date(2023, 9, 8), "Chào cờ", officials=["Lãnh đạo Sở"]),
    ])
    people = Directory(Config(), [program])
    assert people.resolve(["Lãnh đạo Sở"], {}, program) == ("lac", "hoa")
    assert people.role("lac") == "TUV, BTĐU, GĐ"


def test_export_all_keeps_each_body_apart(tmp_path):
    files = [REPO / "samples" / n for n in ("so-ldtbxh-hatinh-2023-09.txt", "so-khcn-hatinh-2024-01.txt")]
    r = run_cli("export", *files, "--all", "-d", tmp_path)
    assert r.returncode == 0, r.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert {"all-so-lao-dong-tbxh.ics", "all-so-khoa-hoc-va-cong-nghe.ics", "all.ics"} <= names
    assert len(ics_events(tmp_path / "all-so-lao-dong-tbxh.ics")) == 34
    title = icalendar.Calendar.from_ical((tmp_path / "all-so-khoa-hoc-va-cong-nghe.ics").read_bytes())["X-WR-CALNAME"]
    assert title == "Lịch công tác – Sở Khoa học và Công nghệ"


# --- 8. weight ----------------------------------------------------------------------------------

def test_help_and_parse_load_no_web_stack_no_targets():
    code = ("import sys\nfrom lichsync.cli.app import app\ntry:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('LOADED', *sorted(m for m in ('icalendar', 'starlette', 'uvicorn', 'httpx', 'segno', 'caldav',"
            " 'googleapiclient', 'filelock') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for args in (["--help"], ["parse", str(PROGRAM)]):
        out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True).stdout
        assert out.splitlines()[-1] == "LOADED", (args, out.splitlines()[-1])
