"""Configuration: defaults, the example file, and errors that name the key path and the problem."""
from __future__ import annotations

from datetime import date, time

import pytest

from conftest import REPO, run_cli
from lichsync import config
from lichsync.config import Config, ConfigError

EXAMPLE = REPO / "config.example.toml"
SEED_000 = REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt"


def test_defaults_without_a_file():
    c = Config()
    assert c.timezone == "Asia/Ho_Chi_Minh" and c.tz.key == "Asia/Ho_Chi_Minh"
    hours = {k: (h.start, h.end) for k, h in c.sessions.items()}
    assert hours == {
        "morning": (time(7, 30), time(11, 30)),
        "afternoon": (time(13, 30), time(17, 0)),
        "evening": (time(19, 0), time(21, 0)),
        "all_day": (time(7, 30), time(17, 0)),
    }
    assert c.officials == () and c.events.all_day == "working_hours" and c.events.spans == "single"


def test_example_config_loads():
    c = config.load(EXAMPLE)
    assert [o.key for o in c.officials] == ["lac", "cong", "dung", "hoa"]
    lac = c.official("lac")
    assert lac.short_name == "Lạc" and "Lãnh đạo Sở" in lac.groups and lac.titles == ("TUV", "BTĐU", "GĐ")
    assert c.organization.titles["Bí thư"] == "lac"
    # Summer hours from May to September, the defaults otherwise.
    assert c.hours_on(date(2023, 9, 5))["morning"].start == time(7, 0)
    assert c.hours_on(date(2023, 10, 2))["morning"].start == time(7, 30)
    assert c.hours_on(date(2023, 9, 5))["evening"].start == time(19, 0)  # not overridden by the season


def test_calendar_ids_per_target_and_seasons_across_new_year():
    c = config.from_dict({
        "officials": {"lac": {"short_name": "Lạc", "calendars": {"google": "g@group", "caldav": "https://x/lac/"}}},
        "sessions": {"seasons": [{"from": "11-01", "to": "02-28", "morning": "08:00-11:30"},
                                 {"from": "2024-06-01", "to": "2024-06-30", "morning": "06:30-11:00"}]},
    })
    assert c.official("lac").calendars == {"google": "g@group", "caldav": "https://x/lac/"}
    assert c.hours_on(date(2024, 1, 15))["morning"].start == time(8, 0)
    assert c.hours_on(date(2023, 12, 1))["morning"].start == time(8, 0)
    assert c.hours_on(date(2024, 3, 1))["morning"].start == time(7, 30)
    assert c.hours_on(date(2024, 6, 10))["morning"].start == time(6, 30)
    assert c.hours_on(date(2025, 6, 10))["morning"].start == time(7, 30)


@pytest.mark.parametrize("doc, key, words", [
    ({"colour": "red"}, "colour", "unknown key"),
    ({"sessions": {"moring": {"start": "07:30", "end": "11:30"}}}, "sessions.moring", "unknown key"),
    ({"sessions": {"morning": {"start": "07:30", "end": "25:00"}}}, "sessions.morning.end", "'25:00' is not a time"),
    ({"sessions": {"morning": "11:30-07:30"}}, "sessions.morning", "ends (07:30) before it starts (11:30)"),
    ({"timezone": "Asia/Hanoi_City"}, "timezone", 'unknown timezone "Asia/Hanoi_City"'),
    ({"events": {"spans": "weekly"}}, "events.spans", "'weekly' is not one of: single, daily"),
    ({"officials": {"lac": {"short_name": "Lạc", "group": ["Lãnh đạo Sở"]}}}, "officials.lac.group", "unknown key"),
    ({"officials": {"lac": {"full_name": "X"}}}, "officials.lac.short_name", "missing"),
    ({"organization": {"titles": {"Bí thư": "lacc"}}}, 'organization.titles."Bí thư"', '"lacc" is not an official'),
    ({"sessions": {"seasons": [{"from": "05-01", "to": "13-01"}]}}, "sessions.seasons[0].to", "is not a day"),
    ({"sessions": {"seasons": [{"from": "2024-09-30", "to": "2024-05-01"}]}}, "sessions.seasons[0].to", "before it starts"),
])
def test_errors_name_the_key_path(doc, key, words):
    with pytest.raises(ConfigError) as exc:
        config.from_dict(doc)
    assert exc.value.key == key, str(exc.value)
    assert words in exc.value.problem, str(exc.value)


def test_cli_config_error_is_one_line_exit_2(tmp_path):
    bad = tmp_path / "lichsync.toml"
    bad.write_text('[sessions]\nmorning = { start = "07:30", end = "25:00" }\n', encoding="utf-8")
    proc = run_cli("export", SEED_000, "--official", "Lạc", "-o", tmp_path / "lac.ics", "--config", bad)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    line, = proc.stderr.strip().splitlines()
    assert line.startswith(f"lichsync: {bad}: sessions.morning.end:") and "25:00" in line, line
    assert not (tmp_path / "lac.ics").exists()


def test_cli_config_not_toml(tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("[sessions\n", encoding="utf-8")
    proc = run_cli("export", SEED_000, "--all", "-d", tmp_path / "feeds", "--config", bad)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"lichsync: {bad}: not valid TOML"), proc.stderr
