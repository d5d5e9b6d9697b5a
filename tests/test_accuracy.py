"""The parser against the hand-read gold of each sample program (thresholds of the shared scorer)."""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import GOLD, SAMPLE_FILES, SAMPLES, SHARED, run_cli
from lichsync.read.pipeline import parse_file
from scoring import score

MIN_F1 = 0.98
MIN_OFFICIALS = 0.95
EVENT_KEYS = {"date", "end_date", "session", "start_time", "title", "officials", "units", "location", "kind", "line"}
TOP_KEYS = {"source", "organization", "period", "events", "warnings"}


def gold_of(sample):
    return json.loads((GOLD / f"{sample.stem}.json").read_text(encoding="utf-8"))


def test_every_sample_has_gold():
    assert len(SAMPLES) == 5
    for sample in SAMPLES:
        assert (GOLD / f"{sample.stem}.json").is_file(), sample.name


def test_every_seed_comes_in_every_format():
    for sample in SAMPLES:
        for suffix in (".docx", ".pdf"):
            assert sample.with_suffix(suffix).is_file(), sample.with_suffix(suffix).name
    assert any(p.suffix == ".html" for p in SAMPLE_FILES)


def test_unruled_sample_has_no_ruling_lines():
    """So its accuracy is the column-clustering fallback's, not the ruled table extraction's."""
    import pdfplumber

    unruled = [p for p in SAMPLE_FILES if p.parent.name == "unruled"]
    assert unruled
    with pdfplumber.open(unruled[0]) as pdf:
        assert all(not page.find_tables() for page in pdf.pages)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_accuracy(sample):
    result = score(gold_of(sample), parse_file(sample).to_dict())
    assert result.f1 >= MIN_F1 and result.fields["officials"] >= MIN_OFFICIALS, (
        f"{sample.name}: F1 {result.f1:.3f} (min {MIN_F1}), "
        f"officials {result.fields['officials']:.3f} (min {MIN_OFFICIALS})\n{result.report()}"
    )


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_cli_json_follows_contract(suffix):
    sample = SAMPLES[0].with_suffix(suffix)
    proc = run_cli("parse", sample, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == TOP_KEYS
    assert set(doc["period"]) >= {"month", "year"}
    assert doc["events"], "no events parsed"
    for event in doc["events"]:
        assert set(event) == EVENT_KEYS, event
    for warning in doc["warnings"]:
        assert set(warning) == {"code", "message", "line"}, warning


def _shared_scorer():
    path = SHARED / "tools" / "score_schedule.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score_schedule.py not present")
    spec = importlib.util.spec_from_file_location("shared_score_schedule", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scorer_agrees_with_shared_scorer():
    shared = _shared_scorer()
    sample = SAMPLES[0]
    gold = gold_of(sample)
    docs = [parse_file(sample).to_dict(), gold]
    # A perturbed copy too, so the comparison covers misses and unpaired events, not only 1.0s.
    perturbed = json.loads(json.dumps(gold))
    events = perturbed["events"]
    del events[::7]
    for e in events[::3]:
        e["officials"] = list(reversed(e["officials"])) + ["Đ/c Khác"]
        e["title"] = e["title"].upper() + " ."
    for e in events[1::4]:
        e["end_date"], e["session"], e["units"] = e["date"], "evening", [" ".join(e["units"])]
    docs.append(perturbed)
    for doc in docs:
        ours, theirs = score(gold, doc), shared.score(gold, doc)
        for key in ("gold_events", "parsed_events", "paired", "precision", "recall", "f1", "exact"):
            assert getattr(ours, key) == pytest.approx(theirs[key]), key
        assert ours.fields == pytest.approx(theirs["fields"])
