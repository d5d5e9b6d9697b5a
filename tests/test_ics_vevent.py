"""`ics.vevent` writes a feed's VEVENTs by hand (importing icalendar costs a one-document sync more than its
writing): byte for byte what icalendar's own `to_ical` writes of `ics.event_component`, the reference, for
every event of every official's feed of every sample and seed, and for what the samples may not hold."""
from __future__ import annotations

import zoneinfo
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from conftest import REPO, SAMPLE_FILES, SHARED
from lichsync import config
from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.calendar.directory import Directory
from lichsync.calendar.mapper import map_programs
from lichsync.cli.export import feeds_for_all
from lichsync.publish import ics
from lichsync.read.pipeline import parse_file

EXAMPLE = REPO / "config.example.toml"
FIRST = datetime(2025, 1, 1, 2, 3, 4, tzinfo=UTC)
# A later revision, stamped in another zone and without one: icalendar writes both in UTC.
LATER = ics.Revision("0f" * 16, 3, datetime(2025, 3, 4, 12, 30, 59, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")),
                     datetime(2024, 12, 31, 23, 59, 1))


def reference(event: CalendarEvent, revision: ics.Revision) -> bytes:
    return ics.event_component(event, revision).to_ical()


def same(event: CalendarEvent) -> bool:
    return all(ics.vevent(event, r) == reference(event, r)
               for r in (ics.revise(event, None, FIRST), replace(LATER, content_hash=event.content_hash())))


def sample_paths() -> list:
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    return SAMPLE_FILES + sorted(p for p in (REPO / "samples" / "weekly").iterdir() if p.is_file()) + seeds


@pytest.fixture(scope="module")
def feeds() -> list[tuple[str, list[CalendarEvent], str, str]]:
    """Every feed `export --all` writes of all the samples and seeds, with the example's officials."""
    cfg = config.load(EXAMPLE)
    programs = [parse_file(path) for path in sample_paths()]
    people = Directory(cfg, programs)
    return feeds_for_all(map_programs(programs, cfg, people), people, cfg, programs)


def test_every_event_of_every_feed_is_written_as_icalendar_writes_it(feeds):
    events = {id(e): e for _, feed_events, _, _ in feeds for e in feed_events}.values()
    assert len(feeds) > 40 and len(events) > 700  # the repository's samples alone (the seeds beside it add ~200)
    assert {type(e.start) for e in events} == {date, datetime}  # all-day and timed
    assert any(not e.description.isascii() for e in events)  # Vietnamese
    assert [e.uid for e in events if not same(e)] == []


@pytest.mark.parametrize("text", [
    "Họp, bàn; về \\ kế hoạch", "dòng một\ndòng hai\r\nba\rbốn", "một \\N hai \\n ba", ",;\\",
    "ễ" * 40, "a" * 72 + "\\n" + "b" * 80, "a" * 73 + ",x" * 50, "𝄞" * 30 + "^" * 80, "a" * 73 + "ệ" * 30,
    "Chào cờ, sinh hoạt chi bộ; tổng kết năm học 2023–2024 tại Hội trường tầng 3, nhà B (số 2, đường Nguyễn Du)",
    "",
])
def test_escapes_and_folds_as_icalendar(feeds, text: str):
    event = next(e for _, events, _, _ in feeds for e in events if isinstance(e.start, datetime))
    assert same(replace(event, summary=text or "x", description=text, location=text or None,
                        categories=(text, "Sáng") if text else (), uid=f"{text[:20]}@lichsync"))


def test_every_zone_and_none_as_icalendar(feeds):
    """A time in each zone zoneinfo knows (icalendar writes some as UTC), without a zone, with seconds;
    a fixed offset is icalendar's to write."""
    event = next(e for _, events, _, _ in feeds for e in events if isinstance(e.start, datetime))
    starts = [datetime(2024, 5, 6, 7, 8, 9, tzinfo=zoneinfo.ZoneInfo(key)) for key in sorted(zoneinfo.available_timezones())]
    starts += [datetime(2024, 5, 6, 7, 8), datetime(2024, 5, 6, 7, 8, tzinfo=timezone(timedelta(hours=7))),
               datetime(2024, 5, 6, 7, 8, tzinfo=UTC)]
    assert [s for s in starts if not same(replace(event, start=s, end=s + timedelta(hours=1)))] == []
