"""Repairs and warnings for what OCR reads: pure functions, applied where a scan is read."""
from __future__ import annotations

from lichsync.parse.model import Event, Warning


def review(events: list[Event], scanned: dict[int, int]) -> tuple[list[Event], list[Warning]]:
    warnings = [Warning("ocr", f"read through OCR from page {scanned[e.line]}: glance at it", e.line)
                for e in events if e.line in scanned]
    return events, warnings
