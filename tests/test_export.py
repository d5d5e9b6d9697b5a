"""`lichsync export` and the iCalendar writer, on the real samples, read back by two iCalendar parsers."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from conftest import GOLD, REPO, SAMPLES, run_cli
from lichsync import config
from lichsync.config import Config
from lichsync.calendar.directory import Directory
from lichsync.calendar.mapper import for_official, map_programs
from lichsync.read.pipeline import parse_file, parse_text
from lichsync.publish import ics

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
EXAMPLE = REPO / "config.example.toml"
SEED_000 = REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt"
DEFAULT_HOURS = {"morning": (time(7, 30), time(11, 30)), "afternoon": (time(13, 30), time(17, 0)),
                 "evening": (time(19, 0), time(21, 0)), "all_day": (time(7, 30), time(17, 0))}
SUMMER_MORNING = (time(7, 0), time(11, 30))  # config.example.toml, May to September


def vevents(path: Path) -> list[icalendar.Event]:
    """The events of a feed, after both parsers accept the whole file."""
    data = path.read_bytes()
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))  # raises on any RFC 5545 violation
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(strict.events) == len(events)
    return events


def key(ve: icalendar.Event) -> tuple[date, str]:
    start = ve.decoded("dtstart")
    return (start.date() if isinstance(start, datetime) else start), bare(str(ve["summary"]))


def bare(title: str) -> str:
    """Titles compare without leading and trailing punctuation, as the gold's rules say."""
    return title.strip(" .,;:-–")


def gold(sample: Path) -> list[dict]:
    return json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))["events"]


def test_official_lac_on_seed_000_is_the_gold(tmp_path):
    out = tmp_path / "lac.ics"
    proc = run_cli("export", SEED_000, "--official", "Lạc", "-o", out, "--config", EXAMPLE)
    assert proc.returncode == 0, proc.stderr
    groups = set(config.load(EXAMPLE).official("lac").groups)
    expected = Counter((date.fromisoformat(e["date"]), bare(e["title"])) for e in gold(SEED_000)
                       if "Lạc" in e["officials"] or groups & set(e["officials"]))
    got = Counter(key(ve) for ve in vevents(out))
    assert got == expected and sum(got.values()) == 23

    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(cal["x-wr-calname"]) == "Lịch công tác – Lạc"
    assert str(cal["method"]) == "PUBLISH" and str(cal["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
    assert str(cal["version"]) == "2.0" and str(cal["calscale"]) == "GREGORIAN" and "lichsync" in str(cal["prodid"])
    assert cal["refresh-interval"].to_ical() == b"PT1H" and cal["x-published-ttl"].to_ical() == b"PT1H"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    for ve in cal.walk("VEVENT"):
        assert {"uid", "dtstamp", "sequence", "last-modified", "summary", "description", "categories"} <= {
            k.lower() for k in ve}
        assert "Nguồn: Chương trình công tác tháng 9/2023 – Sở Lao động - TBXH" in str(ve["description"])
    chao_co = next(ve for ve in cal.walk("VEVENT") if str(ve["summary"]) == "Chào cờ đầu tháng")
    assert chao_co["dtstart"].to_ical() == b"20230905T070000" and chao_co["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert "Chủ trì: Lạc (TUV, BTĐU, GĐ)" in str(chao_co["description"])


def expected_times(g: dict) -> tuple:
    """Where a gold event belongs on a calendar: its date-only span, or local start and end."""
    first, last = date.fromisoformat(g["date"]), date.fromisoformat(g["end_date"] or g["date"])
    if g["kind"] == "holiday" or (g["session"] is None and g["start_time"] is None):
        return first, date.fromordinal(last.toordinal() + 1)
    hours = DEFAULT_HOURS[g["session"]] if g["session"] else None
    if g["start_time"]:
        start = time.fromisoformat(g["start_time"])
        hours = next(((s, e) for s, e in DEFAULT_HOURS.values() if s <= start < e), None)
        return datetime.combine(first, start), datetime.combine(last, hours[1]) if hours else None
    return datetime.combine(first, hours[0]), datetime.combine(last, hours[1])


def actual_times(ve: icalendar.Event) -> tuple:
    start, end = ve.decoded("dtstart"), ve.decoded("dtend")
    if not isinstance(start, datetime):
        return start, end
    assert start.utcoffset().total_seconds() == 7 * 3600 and str(ve["dtstart"].params["TZID"]) == "Asia/Ho_Chi_Minh"
    return start.astimezone(HCM).replace(tzinfo=None), end.astimezone(HCM).replace(tzinfo=None)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_event_at_its_session_hours(tmp_path, sample):
    """Every VEVENT of every feed starts and ends at the hours of its gold session, in Asia/Ho_Chi_Minh."""
    proc = run_cli("export", sample, "--all", "-d", tmp_path)
    assert proc.returncode == 0, proc.stderr
    expected = Counter((date.fromisoformat(g["date"]), bare(g["title"]), *expected_times(g)) for g in gold(sample))
    for feed in sorted(tmp_path.glob("*.ics")):
        got = Counter((*key(ve), *actual_times(ve)) for ve in vevents(feed))
        if feed.name == "all.ics":
            assert got == expected
        else:
            assert got and not got - expected, (feed.name, got - expected)
        for ve in vevents(feed):
            holiday = "Nghỉ lễ" in ve["categories"].cats
            assert str(ve["transp"]) == ("TRANSPARENT" if holiday else "OPAQUE")


def test_summer_hours_from_the_example_config(tmp_path):
    out = tmp_path / "all.ics"
    assert run_cli("export", SEED_000, "--all", "-d", tmp_path, "--config", EXAMPLE).returncode == 0
    mornings = [ve for ve in vevents(out) if "Sáng" in ve["categories"].cats]
    assert mornings and all(
        (ve.decoded("dtstart").time(), ve.decoded("dtend").time()) == SUMMER_MORNING for ve in mornings)


def test_all_writes_a_feed_per_official_and_one_for_all(tmp_path):
    proc = run_cli("export", SEED_000, "--all", "-d", tmp_path / "feeds", "--config", EXAMPLE)
    assert proc.returncode == 0, proc.stderr
    counts = {p.stem: len(vevents(p)) for p in (tmp_path / "feeds").glob("*.ics")}
    assert counts == {"lac": 23, "cong": 8, "dung": 11, "hoa": 4, "all": 34}
    assert "feeds/lac.ics: 23 events" in proc.stdout.replace(os.sep, "/")


def test_reexport_is_byte_identical(tmp_path):
    out = tmp_path / "lac.ics"
    assert run_cli("export", SEED_000, "--official", "lac", "-o", out).returncode == 0
    first = out.read_bytes()
    os.utime(out, (0, 0))
    assert run_cli("export", SEED_000, "--official", "lac", "-o", out).returncode == 0
    assert out.read_bytes() == first


def feed(text: str, path: Path, now: datetime) -> None:
    p = parse_text(text, source="so-ldtbxh.txt")
    cfg = Config()
    events = for_official(map_programs([p], cfg, Directory(cfg, [p])), "lac")
    ics.write_feed(path, events, "Lịch công tác – Lạc", cfg.timezone, 60, ics.FeedRun(now))


def test_editing_one_item_changes_only_that_event(tmp_path):
    out = tmp_path / "lac.ics"
    text = SEED_000.read_text(encoding="utf-8")
    t1, t2 = datetime(2023, 9, 6, 1, 0, tzinfo=timezone.utc), datetime(2023, 9, 10, 2, 0, tzinfo=timezone.utc)
    feed(text, out, t1)
    before = {str(ve["uid"]): ve for ve in vevents(out)}
    edited = text.replace("Sáng: Hội thảo về chuyển đổi số", "Chiều: Hội thảo về chuyển đổi số")
    assert edited != text
    feed(edited, out, t2)
    after = {str(ve["uid"]): ve for ve in vevents(out)}
    assert before.keys() == after.keys()
    changed = [uid for uid in after if after[uid].to_ical() != before[uid].to_ical()]
    assert len(changed) == 1
    old, new = before[changed[0]], after[changed[0]]
    assert str(new["summary"]) == "Hội thảo về chuyển đổi số"
    assert (int(old["sequence"]), int(new["sequence"])) == (0, 1)
    assert old.decoded("last-modified") == t1 and new.decoded("last-modified") == t2
    assert new.decoded("dtstamp") == t2 and new.decoded("created") == t1
    assert new.decoded("dtstart").time() == time(13, 30)


def test_one_event_as_a_calendar_for_caldav():
    p = parse_file(SEED_000)
    cfg = Config()
    event = map_programs([p], cfg, Directory(cfg, [p]))[1]
    data = ics.event_to_ical(event, now=datetime(2023, 9, 6, tzinfo=timezone.utc))
    strict = IcsCalendarStream.calendar_from_ics(data.decode())
    assert [e.uid for e in strict.events] == [event.uid]
    cal = icalendar.Calendar.from_ical(data)
    assert [str(t["tzid"]) for t in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert cal.walk("VEVENT")[0].decoded("dtstart") == event.start


@pytest.mark.parametrize("typed", ["Lac", "lạc", "Giám đốc"])
def test_official_names_match_loosely(tmp_path, typed):
    out = tmp_path / "x.ics"
    proc = run_cli("export", SEED_000, "--official", typed, "-o", out, "--config", EXAMPLE)
    assert proc.returncode == 0, proc.stderr
    assert str(icalendar.Calendar.from_ical(out.read_bytes())["x-wr-calname"]) == "Lịch công tác – Lạc"


@pytest.mark.parametrize("typed, words", [
    ("Lang", ['no official "Lang"', "close matches: Lạc"]),
    ("PGĐ", ['"PGĐ" could be', "Công", "Dũng", "Hoa"]),
])
def test_unknown_or_ambiguous_official(tmp_path, typed, words):
    out = tmp_path / "x.ics"
    proc = run_cli("export", SEED_000, "--official", typed, "-o", out, "--config", EXAMPLE)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    line, = [ln for ln in proc.stderr.splitlines() if "warning" not in ln]
    assert line.startswith("lichsync: --official: ") and all(w in line for w in words), line
    assert not out.exists()


@pytest.mark.parametrize("where", ["is-a-directory", "parent-is-a-file"])
def test_unwritable_output_path(tmp_path, where):
    if where == "is-a-directory":
        out = tmp_path / "lac.ics"
        out.mkdir()
    else:
        (tmp_path / "file").write_text("x")
        out = tmp_path / "file" / "lac.ics"
    proc = run_cli("export", SEED_000, "--official", "Lạc", "-o", out)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    line, = proc.stderr.strip().splitlines()[-1:]
    assert line.startswith(f"lichsync: {out}: cannot write"), line
    assert out.is_dir() if where == "is-a-directory" else (tmp_path / "file").read_text() == "x"


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    """A write that fails at the rename (disk full, permissions) keeps the previous feed and no temp file."""
    from typer.testing import CliRunner

    from lichsync.cli.app import app

    out = tmp_path / "lac.ics"
    out.write_bytes(b"previous feed")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ics.os, "replace", full_disk)
    result = CliRunner().invoke(app, ["export", str(SEED_000), "--official", "Lạc", "-o", str(out)])
    assert result.exit_code == 2
    assert f"lichsync: {out}: cannot write: No space left on device" in result.output
    assert out.read_bytes() == b"previous feed"
    assert [p.name for p in tmp_path.iterdir()] == ["lac.ics"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through permissions")
def test_read_only_directory(tmp_path):
    out = tmp_path / "lac.ics"
    out.write_bytes(b"previous feed")
    tmp_path.chmod(0o555)
    try:
        proc = run_cli("export", SEED_000, "--official", "Lạc", "-o", out)
    finally:
        tmp_path.chmod(0o755)
    assert proc.returncode == 2 and "cannot write" in proc.stderr
    assert out.read_bytes() == b"previous feed"


def test_usage_errors(tmp_path):
    for args in (["--official", "Lạc"], ["--all"], ["--official", "Lạc", "--all", "-d", str(tmp_path)], []):
        proc = run_cli("export", SEED_000, *args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.startswith("lichsync: export:")
    bad = tmp_path / "nowhere.txt"
    proc = run_cli("export", bad, "--all", "-d", tmp_path)
    assert proc.returncode == 2 and proc.stderr.strip() == f"lichsync: {bad}: No such file or directory"


def test_previous_file_not_from_lichsync_is_replaced(tmp_path):
    out = tmp_path / "lac.ics"
    out.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n\x00garbage")
    proc = run_cli("export", SEED_000, "--official", "Lạc", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert all(int(ve["sequence"]) == 0 for ve in vevents(out)) and len(vevents(out)) == 23  # 20 his own, 3 "Lãnh đạo Sở"


def test_previous_events_written_another_way_are_still_recognised():
    """lichsync's own lines are read directly; a VEVENT another writer folded or gave parameters
    (a calendar server's copy) falls back to a property scan and still carries its revision."""
    plain = (b"BEGIN:VEVENT\r\nUID:a@lichsync\r\nSEQUENCE:2\r\nCREATED:20230901T000000Z\r\n"
             b"LAST-MODIFIED:20230905T010000Z\r\nX-LICHSYNC-HASH:h1\r\nEND:VEVENT\r\n")
    other = (b"BEGIN:VEVENT\r\nuid:b@lich\r\n sync\r\nLAST-MODIFIED:20230906T020000Z\r\n"
             b"X-LICHSYNC-HASH;X-NOTE=1:h2\r\nEND:VEVENT\r\n")
    stray = b"BEGIN:VEVENT\r\nUID:c@elsewhere\r\nEND:VEVENT\r\n"  # not lichsync's: no hash
    found = ics.read_previous(b"BEGIN:VCALENDAR\r\n" + plain + other + stray + b"END:VCALENDAR\r\n")
    assert sorted(found) == ["a@lichsync", "b@lichsync"]
    a, b = found["a@lichsync"], found["b@lichsync"]
    assert (a.content_hash, a.block, b.content_hash) == ("h1", plain, "h2")
    assert a.revision == ics.Revision("h1", 2, datetime(2023, 9, 5, 1, tzinfo=timezone.utc),
                                      datetime(2023, 9, 1, tzinfo=timezone.utc))
    assert b.revision == ics.Revision("h2", 0, datetime(2023, 9, 6, 2, tzinfo=timezone.utc),
                                      datetime(2023, 9, 6, 2, tzinfo=timezone.utc))


def test_a_feed_is_folded_as_icalendar_folds():
    """The feed writer folds lines itself (icalendar's fold is slow): the same bytes as icalendar's own
    `to_ical`, for every event of the samples and for lines that break inside a letter or an escape."""
    cfg = config.load(EXAMPLE)
    programs = [parse_file(path) for path in SAMPLES]
    events = map_programs(programs, cfg, Directory(cfg, programs))
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    odd = [ics.event_component(replace(events[0], summary=text), ics.revise(events[0], None, now))
           for text in ("ễ" * 40, "a" * 72 + "\\n" + "b" * 80, "a" * 73 + ",x" * 50, "𝄞" * 30 + "^" * 80)]
    for ve in [ics.event_component(e, ics.revise(e, None, now)) for e in events] + odd:
        assert ics._to_ical(ve) == ve.to_ical()
