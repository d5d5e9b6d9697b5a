"""What the probe tests share: a hand-read page checked against the events a clerk reads from it.

Only the fields a case gives are compared; an event is found by its date and a phrase of its
title, and every event lichsync gives beyond the expected ones is a failure too.
"""
from __future__ import annotations

import json
import unicodedata

from lichsync.read.pipeline import parse_data
from scoring import agrees, norm


def _key(text: str) -> str:
    return norm(unicodedata.normalize("NFC", text))


def check(page: str, expected: list[dict], period: dict | None = None, source: str = "week.txt") -> None:
    """The page parses (through the command's own entry point) to exactly the expected events."""
    doc = json.loads(parse_data(page.encode("utf-8"), source).to_json())
    parsed = list(doc["events"])
    problems = []
    if period is not None:
        got = {k: doc["period"].get(k) for k in period}
        if got != period:
            problems.append(f"period: want {period} got {got}")
    for want in expected:
        found = next((p for p in parsed if p["date"] == want["date"] and _key(want["key"]) in _key(p["title"])), None)
        if found is None:
            problems.append(f"missing {want['date']} {want['key']!r}")
            continue
        parsed.remove(found)
        for name, value in want.items():
            if name in ("date", "key"):
                continue
            if not agrees(name, {name: value, "date": want["date"]}, found):
                problems.append(f"{want['date']} {want['key']!r}: {name} want {value!r} got {found.get(name)!r}")
    for extra in parsed:
        problems.append(f"extra {extra['date']} {extra['title'][:60]!r}")
    assert not problems, "\n".join(problems) + "\n" + json.dumps(doc["events"], ensure_ascii=False, indent=1)[:4000]


def ev(date: str, key: str, **fields) -> dict:
    return {"date": date, "key": key, **fields}
