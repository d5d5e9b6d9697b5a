"""The sync's config sections: what they accept, and the key path of what they refuse."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from lichsync import config
from lichsync.errors import ConfigError
from lichsync.settings import parse_sync_settings

REPO = Path(__file__).resolve().parent.parent


def test_the_example_config_parses(tmp_path):
    doc = tomllib.loads((REPO / "config.example.toml").read_text(encoding="utf-8"))
    config.load(REPO / "config.example.toml")  # the main loader accepts the sync sections
    s = parse_sync_settings(doc, tmp_path)
    assert [x.url or x.path for x in s.sources][0].startswith("https://")
    assert s.sources[1].path == tmp_path / "programs" / "*.txt"
    assert s.feeds.dir and s.logging.level in ("info", "warning") and s.lock.timeout == 10


def test_defaults_without_sections(tmp_path):
    s = parse_sync_settings({}, tmp_path)
    assert s.sources == () and s.feeds.dir is None and s.logging.file is None and s.lock.timeout == 10


def test_relative_paths_are_relative_to_the_config_folder(tmp_path):
    s = parse_sync_settings({"sources": [{"path": "in"}], "feeds": {"dir": "out"}, "logging": {"file": "l.log"}}, tmp_path)
    assert s.sources[0].path == tmp_path / "in" and s.sources[0].name == "in"
    assert s.feeds.dir == tmp_path / "out" and s.logging.file == tmp_path / "l.log"


@pytest.mark.parametrize("text, key", [
    ('sources = "x"', "sources"),
    ('[[sources]]\nname = "a"', "sources[0]"),
    ('[[sources]]\npath = "a"\nurl = "https://x/"', "sources[0]"),
    ('[[sources]]\npath = "a"\n[[sources]]\nurl = "ftp://x/"', "sources[1].url"),
    ('[[sources]]\nurl = "https://x/"\ntimeout = "5"', "sources[0].timeout"),
    ('[[sources]]\nurl = "https://x/"\nevery = 5', "sources[0].every"),
    ('[[sources]]\npath = ""', "sources[0].path"),
    ('[feeds]\ndir = 3', "feeds.dir"),
    ('[feeds]\nbase_url = "https://lich.example"', "feeds.base_url"),
    ('feeds = 1', "feeds"),
    ('[logging]\nlevel = "loud"', "logging.level"),
    ('[lock]\ntimeout = -1', "lock.timeout"),
    ('[lock]\nwait = 5', "lock.wait"),
])
def test_malformed_sections_name_the_key_path(tmp_path, text, key):
    with pytest.raises(ConfigError) as e:
        parse_sync_settings(tomllib.loads(text), tmp_path)
    assert e.value.key == key, str(e.value)
