"""`lichsync sync` keeps what it made of each document and feed (sync/memo.py): one changed document
rewrites the feeds it is in and no other, and what it writes is what a run without the memo writes."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import REPO, run_cli
from lichsync.publish.ics import read_previous

CHANGED = "so-ldtbxh-hatinh-2023-09.txt"
OTHER = "so-khcn-hatinh-2024-01.txt"  # another body: its people's feeds and its own all-*.ics
TITLE = "Lễ khai giảng năm học mới"
RETITLED = f"{TITLE} (điều chỉnh)"


def setup(tmp_path: Path) -> tuple[list[str | Path], Path]:
    """Two samples in a folder source, config.example.toml's officials: the sync command and the document to change."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in (CHANGED, OTHER):
        (docs / name).write_bytes((REPO / "samples" / name).read_bytes())
    example = (REPO / "config.example.toml").read_text(encoding="utf-8")
    start = example.index("\n[[sources]]")
    config = tmp_path / "lichsync.toml"
    config.write_text(example[:start] + f'\n[[sources]]\npath = "{docs}"\n\n[feeds]\ndir = "feeds"\n',
                      encoding="utf-8")
    return ["sync", "--config", config, "--state", tmp_path / "state.sqlite3", "--quiet"], docs / CHANGED


def sync(command: list[str | Path], *flags: str) -> None:
    done = run_cli(*command, *flags)
    assert done.returncode == 0, done.stderr


def feeds(tmp_path: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (tmp_path / "feeds").glob("*.ics")}


def rewritten_without_memo(command: list[str | Path], tmp_path: Path) -> set[str]:
    """The feeds a run that maps and renders everything (memo emptied, --force) would still change."""
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        db.execute("DELETE FROM mapped_events")
        db.execute("DELETE FROM written_feeds")
        db.execute("DELETE FROM feed_headers")
    before = feeds(tmp_path)
    sync(command, "--force")
    return {name for name, (_, mtime) in feeds(tmp_path).items() if before[name][1] != mtime}


def test_one_changed_document_rewrites_its_feeds_and_no_other(tmp_path: Path):
    command, changed = setup(tmp_path)
    sync(command)
    before = feeds(tmp_path)
    holding = {name for name, (data, _) in before.items() if f"SUMMARY:{TITLE}\r\n".encode() in data}
    assert "all.ics" in holding and "all-so-khoa-hoc-va-cong-nghe.ics" not in holding
    assert len(holding) < len(before) - 3  # the other body's feeds and some of this body's are not concerned

    changed.write_text(changed.read_text(encoding="utf-8").replace(TITLE, RETITLED, 1), encoding="utf-8")
    sync(command)
    after = feeds(tmp_path)
    assert {name for name in before if after[name] != before[name]} == holding
    for name in holding:  # the one event replaced; every other VEVENT kept byte for byte
        old, new = read_previous(before[name][0]), read_previous(after[name][0])
        gone, came = set(old) - set(new), set(new) - set(old)
        assert len(gone) == len(came) == 1
        assert f"SUMMARY:{RETITLED}\r\n".encode() in new[min(came)].block
        assert {u: s.block for u, s in old.items() if u not in gone} == {u: s.block for u, s in new.items() if u not in came}
    assert rewritten_without_memo(command, tmp_path) == set()


def test_a_changed_directory_maps_every_document_again(tmp_path: Path):
    """Dũng leaves "Lãnh đạo Sở": the group's events of unchanged documents leave his feed."""
    command, _ = setup(tmp_path)
    sync(command)
    group_events = len(read_previous((tmp_path / "feeds" / "dung.ics").read_bytes()))
    config = Path(command[2])
    config.write_text(config.read_text(encoding="utf-8").replace(
        '[officials.dung]\nshort_name = "Dũng"\ntitles = ["PGĐ"]\ngroups = ["Lãnh đạo Sở"]',
        '[officials.dung]\nshort_name = "Dũng"\ntitles = ["PGĐ"]'), encoding="utf-8")
    sync(command)
    assert len(read_previous((tmp_path / "feeds" / "dung.ics").read_bytes())) < group_events
    assert rewritten_without_memo(command, tmp_path) == set()


def test_a_kept_feed_header_serves_its_own_fields_only(tmp_path: Path):
    """The header kept from the last run heads the feeds a change rewrites the full way (no snapshot to
    splice into, see test_sync_quick.py); a new refresh interval renders it again."""
    command, changed = setup(tmp_path)
    sync(command)
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        db.execute("DELETE FROM snapshot")
        db.execute("UPDATE feed_headers SET header = CAST(replace(CAST(header AS TEXT), 'PRODID:', "
                   "'X-KEPT:1' || char(13, 10) || 'PRODID:') AS BLOB)")
    changed.write_text(changed.read_text(encoding="utf-8").replace(TITLE, RETITLED, 1), encoding="utf-8")
    sync(command)
    assert b"\r\nX-KEPT:1\r\n" in (tmp_path / "feeds" / "all.ics").read_bytes()

    config = Path(command[2])
    config.write_text(config.read_text(encoding="utf-8").replace("refresh_minutes = 60", "refresh_minutes = 90"),
                      encoding="utf-8")
    sync(command)
    data = (tmp_path / "feeds" / "all.ics").read_bytes()
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H30M\r\n" in data and b"X-KEPT" not in data
