"""Bad input ends in one line on stderr and exit status 2, never a traceback."""
from __future__ import annotations

import json
import os

import pytest

from conftest import SAMPLES, run_cli

HEADING = "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 9 NĂM 2023\n"
HEADER = "Ngày\tNội dung công việc\tĐơn vị chuẩn bị\tNgười chủ trì\n"
GOOD_ROW = "5\tSáng: Họp giao ban\tVăn phòng\tĐ/c Lạc - GĐ\n"
BAD_ROW = "31\tSáng: Họp\tVăn phòng\tĐ/c Lạc - GĐ\n"


def assert_one_line_error(proc, path):
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("lichsync: ") and path.name in lines[0], lines[0]


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("binary.txt", os.urandom(64) + b"\x00\x00\x01\x02" + os.urandom(64) + b"\x00"),
        ("no-month.txt", b"hello world\n"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert_one_line_error(run_cli("parse", path), path)


def test_missing_file_is_one_line_exit_2(tmp_path):
    path = tmp_path / "nowhere.txt"
    assert_one_line_error(run_cli("parse", path), path)


def test_day_outside_month(tmp_path):
    path = tmp_path / "sept-31.txt"
    path.write_text(HEADING + HEADER + GOOD_ROW + BAD_ROW, encoding="utf-8")
    bad_line = 4  # 1-based line of BAD_ROW
    proc = run_cli("parse", path, "--format", "json")
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 2), proc.stderr
    if proc.returncode == 2:
        assert_one_line_error(proc, path)
        return
    doc = json.loads(proc.stdout)
    assert any(w.get("line") == bad_line for w in doc["warnings"]), doc["warnings"]
    assert all(e["date"] != "2023-09-31" for e in doc["events"])
    assert any(e["date"] == "2023-09-05" and "giao ban" in e["title"] for e in doc["events"]), doc["events"]


def test_month_and_year_from_options(tmp_path):
    path = tmp_path / "no-heading.txt"
    path.write_text(HEADER + GOOD_ROW, encoding="utf-8")
    proc = run_cli("parse", path, "--format", "json", "--month", "9", "--year", "2023")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["period"]["month"] == 9 and doc["period"]["year"] == 2023
    assert any(e["date"] == "2023-09-05" for e in doc["events"]), doc["events"]


def test_table_output_when_piped():
    proc = run_cli("parse", SAMPLES[0])
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "event" in proc.stdout.splitlines()[-1]  # the summary line
