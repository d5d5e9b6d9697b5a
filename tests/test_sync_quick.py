"""One changed document spliced into the feeds (sync/quick.py) writes what `export --all` writes from
all the programs, byte for byte: a changed item, an item handed to other officials (it moves between
their feeds), a document added and one removed, run after run on the same folder and state."""
from __future__ import annotations

import pickle
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from lichsync.cli.app import app
from lichsync.sync import quick

CHANGED = "so-ldtbxh-hatinh-2023-09.txt"
OTHERS = ("so-khcn-hatinh-2024-01.txt", "tinhuy-hatinh-2024-01.txt")
ADDED = "so-ldtbxh-hatinh-2021-11.txt"
TITLE = "Lễ khai giảng năm học mới"
# Two items' officials swapped (the 8th: Công and Dũng; the 11th: Lạc).
FIRST = "\tĐ/c Công - PGĐ\nĐ/c Dũng - PGĐ\n\n\t9-10"
SECOND = "\tĐ/c Lạc - TUV,BTĐU,GĐ\n\n\t12"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three samples in a folder source with config.example.toml's officials; every run at one time."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in (CHANGED, *OTHERS):
        shutil.copy(REPO / "samples" / name, docs / name)
    example = (REPO / "config.example.toml").read_text(encoding="utf-8")
    start, end = example.index("\n[[sources]]"), example.index("\n[logging]")
    (tmp_path / "lichsync.toml").write_text(example[:start] + f'\n[[sources]]\npath = "{docs}"\n\n[feeds]\ndir = '
                                            f'"{tmp_path / "feeds"}"\n' + example[end:], encoding="utf-8")
    monkeypatch.setattr("lichsync.publish.ics.utc_now", lambda: datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-user-config"))
    return tmp_path


def sync(tmp: Path, *flags: str) -> bool:
    """One `lichsync sync` in this process; whether it spliced."""
    spliced = []
    real = quick.sync_one

    def spy(*args, **kwargs):
        spliced.append(real(*args, **kwargs))
        return spliced[-1]

    with pytest.MonkeyPatch.context() as m:
        m.setattr(quick, "sync_one", spy)
        done = CliRunner().invoke(app, ["sync", "--config", str(tmp / "lichsync.toml"), "--state",
                                        str(tmp / "state.sqlite3"), "--quiet", *flags])
    assert done.exit_code == 0, done.output
    return bool(spliced and spliced[0])


def export(tmp: Path, previous: Path) -> dict[str, bytes]:
    """`export --all` of the folder's documents over a copy of the feeds as they were before the sync."""
    out = tmp / "export"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(previous, out)
    files = [str(p) for p in sorted((tmp / "docs").iterdir())]
    done = CliRunner().invoke(app, ["export", *files, "--all", "-d", str(out), "--config", str(tmp / "lichsync.toml")])
    assert done.exit_code == 0, done.output
    return {p.name: p.read_bytes() for p in out.glob("*.ics")}


def synced_as_exported(tmp: Path, edit, *flags: str) -> bool:
    """Edit the folder, sync, and compare every feed with the export; whether the sync spliced."""
    before = tmp / "before"
    shutil.rmtree(before, ignore_errors=True)
    shutil.copytree(tmp / "feeds", before)
    edit(tmp / "docs")
    spliced = sync(tmp, *flags)
    feeds = {p.name: p.read_bytes() for p in (tmp / "feeds").glob("*.ics")}
    assert feeds == export(tmp, before)
    return spliced


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def swap_officials(docs: Path) -> None:
    replace_in(docs / CHANGED, FIRST, "\0")
    replace_in(docs / CHANGED, SECOND, FIRST)
    replace_in(docs / CHANGED, "\0", SECOND)


def test_each_sync_writes_the_feeds_export_writes(folder: Path):
    assert not sync(folder)  # the first run: every document new
    lac = (folder / "feeds" / "lac.ics").read_bytes()
    assert synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, TITLE, f"{TITLE} (điều chỉnh)"))
    assert synced_as_exported(folder, swap_officials)
    # the item written twice on its day: two events, the second's UID numbered "-2" (mapper.unique_uids)
    assert synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, f"- {TITLE} (điều chỉnh)\n",
                                                              f"- {TITLE} (điều chỉnh)\n- {TITLE} (điều chỉnh)\n"))
    assert synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, "Sáng: Chào cờ", "Chiều: Chào cờ"))
    assert (folder / "feeds" / "lac.ics").read_bytes() != lac
    assert not synced_as_exported(folder, lambda docs: shutil.copy(REPO / "samples" / ADDED, docs / ADDED))
    assert synced_as_exported(folder, lambda docs: replace_in(docs / ADDED, "Sáng:", "Chiều:"))
    assert not synced_as_exported(folder, lambda docs: (docs / OTHERS[0]).unlink(), "--force")
    assert synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, f"- {TITLE} (điều chỉnh)\n", ""))


def test_a_feed_changed_since_is_not_spliced(folder: Path):
    """Someone rewrote a feed: its kept entries no longer describe it, so the run renders it the full way."""
    sync(folder)
    all_ics = folder / "feeds" / "all.ics"
    all_ics.write_bytes(all_ics.read_bytes().replace(b"BEGIN:VEVENT", b"BEGIN:VEVENT", 1) + b"\r\n")
    assert not synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, TITLE, f"{TITLE} (điều chỉnh)"))


def test_a_document_whose_events_stay_leaves_every_feed_alone(folder: Path):
    """Its bytes changed, its events did not: each block comes back as it was, and no feed is rewritten
    (its mtime stays, so a subscriber gets a 304); its kept entries still serve the next change."""
    sync(folder)
    stamps = {p.name: p.stat().st_mtime_ns for p in (folder / "feeds").glob("*.ics")}
    assert synced_as_exported(folder, lambda docs: (docs / CHANGED).write_bytes((docs / CHANGED).read_bytes() + b"\n"))
    assert {p.name: p.stat().st_mtime_ns for p in (folder / "feeds").glob("*.ics")} == stamps
    assert synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, TITLE, f"{TITLE} (điều chỉnh)"))


def test_entries_kept_by_an_older_lichsync_go_the_full_way_then_splice(folder: Path):
    """A feed's entries in another form (a list of tuples, before their sizes were kept) are not used;
    the full run keeps them anew, and the next change splices."""
    sync(folder)
    with sqlite3.connect(folder / "state.sqlite3") as db:
        db.execute("UPDATE feed_entries SET entries = ?", (pickle.dumps([(1, "", "uid", "hash")]),))
    assert not synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, TITLE, f"{TITLE} (điều chỉnh)"))
    assert synced_as_exported(folder, lambda docs: replace_in(docs / CHANGED, f"{TITLE} (điều chỉnh)", TITLE))
