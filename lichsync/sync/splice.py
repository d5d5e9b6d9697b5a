"""One document's events spliced into a feed written before, without reading the other events (pure).

A feed is its header, its VEVENTs in `CalendarEvent.order`, and its end; an unchanged event's
VEVENT is the one the previous file holds (publish/ics.py). So when one document changes, the
feed a full render writes is the old file with that document's blocks taken out and its new ones
put in at their places: an `Entry` per block, kept from the run that wrote the file, says where
each block sorts without parsing it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from lichsync.calendar.calendar_event import CalendarEvent

Entry = tuple[int, str, str, str]  # day (ordinal), start, UID — as `order` sorts — and the content hash

_BEGIN = re.compile(rb"\r\nBEGIN:VEVENT\r\n")  # a folded line starts with a space: never a match; no look-behind (10x slower)
_END = b"END:VEVENT\r\n"


def entry(event: CalendarEvent) -> Entry:
    day, start, uid = event.order
    return day.toordinal(), start, uid, event.content_hash()


def entries(events: Iterable[CalendarEvent]) -> list[Entry]:
    """The entries of a feed of these events, in the feed's order."""
    return sorted(entry(e) for e in events)


@dataclass(frozen=True)
class Cut:
    """A feed written before, its entries, and where each VEVENT starts (then where the last ends)."""
    data: bytes
    entries: Sequence[Entry]
    bounds: list[int]

    def of(self, uids: Collection[str]) -> bytes:
        """The VEVENTs of these UIDs, in feed order (for `read_previous`)."""
        return b"".join(self.data[self.bounds[i]:self.bounds[i + 1]] for i, e in enumerate(self.entries) if e[2] in uids)

    def spliced(self, leaving: Collection[str], arriving: Iterable[tuple[Entry, bytes]]) -> tuple[bytes, list[Entry]]:
        """The feed without the blocks of the UIDs `leaving` and with the `arriving` blocks at their places;
        its entries. The blocks between are copied in runs: thousands stay, a few move."""
        edits = sorted([(i, True, e, b"") for i, e in enumerate(self.entries) if e[2] in leaving]
                       + [(bisect_left(self.entries, e), False, e, block) for e, block in arriving])
        pieces, kept, start = [self.data[:self.bounds[0]]], list[Entry](), 0
        for position, drop, e, block in edits:  # at one position, insertions (in entry order) before the drop
            pieces.append(self.data[self.bounds[start]:self.bounds[position]])
            kept += self.entries[start:position]
            if drop:
                start = position + 1
            else:
                pieces.append(block)
                kept.append(e)
                start = position
        return b"".join(pieces) + self.data[self.bounds[start]:], kept + list(self.entries[start:])


def cut(data: bytes, entries: Sequence[Entry]) -> Cut | None:
    """The feed `data` as `entries` describes it; None when it holds another number of VEVENTs."""
    starts = [m.start() + 2 for m in _BEGIN.finditer(data)]
    end = data.rfind(_END) + len(_END) if starts else data.rfind(b"END:VCALENDAR\r\n")
    if len(starts) != len(entries) or end < (starts[-1] if starts else 0):
        return None
    return Cut(data, entries, starts + [end])
