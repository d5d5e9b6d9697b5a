"""A calendar event: what the mapper makes of a schedule event, and what every writer and target consumes.

Kept apart from the schedule model (`model.Event`, what the document says) because one schedule
event can become several calendar events (one per working day of a span) and is read in local time.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable across re-exports and revised issues of the same program
    summary: str
    start: datetime | date  # aware datetime in the configured zone, or a date for a date-only event
    end: datetime | date  # exclusive, as in iCalendar (a date-only event on 05/09 ends 06/09)
    description: str = ""
    location: str | None = None
    categories: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()  # directory keys of the officials this event is for
    transparent: bool = False  # holidays: shown, but the official is not busy
    source: str = ""  # the program document it came from
    extra: dict = field(default_factory=dict, compare=False, hash=False)  # target-specific hints

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    def shown(self) -> dict:
        """What a calendar shows of the event, field by field."""
        return {
            "summary": self.summary,
            "start": self.start,
            "end": self.end,
            "description": self.description,
            "location": self.location or "",
            "categories": list(self.categories),
            "transparent": self.transparent,
        }

    @cached_property
    def order(self) -> tuple:
        """Where a feed lists the event: its day, clock time, UID. Kept with the event (sync/memo.py), like its hash."""
        day = self.start.date() if isinstance(self.start, datetime) else self.start
        return day, self.start.isoformat() if isinstance(self.start, datetime) else "", self.uid

    def content_hash(self) -> str:
        """A hash of what a calendar shows of the event; a change here is a change worth a write."""
        return self._content_hash

    @cached_property
    def _content_hash(self) -> str:
        """Computed once: an event is compared in every feed and calendar it is in."""
        shown = {k: v.isoformat() if isinstance(v, date) else v for k, v in self.shown().items()}
        blob = json.dumps(shown, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:32]


def changed_fields(before: dict | None, after: CalendarEvent) -> list[str]:
    """The shown fields an update changes, of those `before` (a feed's or a calendar's copy) knows;
    [] when nothing is known of the old version."""
    now = after.shown()
    return [k for k, v in (before or {}).items() if k in now and v != now[k]]
