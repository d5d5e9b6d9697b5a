"""One document's events spliced into a feed written before, without reading the other events (pure).

A feed is its header, its VEVENTs in `CalendarEvent.order`, and its end; an unchanged event's
VEVENT is the one the previous file holds (publish/ics.py). So when one document changes, the
feed a full render writes is the old file with that document's blocks taken out and its new ones
put in at their places: `Entries`, kept from the run that wrote the file, say where each block
sorts and how long it is, so neither the blocks nor the file need be parsed or scanned.
"""
from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from lichsync.calendar.calendar_event import CalendarEvent

Key = tuple[int, str, str]  # day (ordinal), clock, UID: sorts as `CalendarEvent.order` does

_BEGIN = re.compile(rb"\r\nBEGIN:VEVENT\r\n")  # a folded line starts with a space: never a match; no look-behind (10x slower)
_END_EVENT = b"END:VEVENT\r\n"
_END = b"END:VCALENDAR\r\n"


def key(event: CalendarEvent) -> Key:
    """Where the event sorts in a feed. Its start's ISO form less the date (that is the day), interned: the
    same order, and a feed's thousands of events share a few dozen clocks, which its entries keep once."""
    day, start, uid = event.order
    return day.toordinal(), sys.intern(start[10:]), uid


@dataclass(frozen=True)
class Entries:
    """Each VEVENT of a feed, in order: where it sorts and its size in bytes. In columns: a sync keeps
    them for every feed and loads a few (a feed holds thousands; a list of tuples pickles and loads
    several times slower); sizes, not offsets, so that a splice leaves the other blocks' as they were."""
    days: array
    clocks: list[str]
    uids: list[str]
    sizes: array

    @classmethod
    def of(cls, keys: Sequence[Key], sizes: Iterable[int]) -> Entries:
        return cls(array("q", [k[0] for k in keys]), [k[1] for k in keys], [k[2] for k in keys], array("q", sizes))

    def __len__(self) -> int:
        return len(self.uids)

    def key(self, i: int) -> Key:
        return self.days[i], self.clocks[i], self.uids[i]

    def where(self, k: Key) -> int:
        """Where a block of this key sorts among them."""
        return bisect_left(range(len(self)), k, key=self.key)

    def joined(self, parts: Iterable[slice | tuple[Key, int]]) -> Entries:
        """Runs of these entries (slices) and new ones (key, size), in the order given."""
        out = Entries(array("q"), [], [], array("q"))
        for part in parts:
            if isinstance(part, slice):
                out.days.extend(self.days[part])
                out.clocks.extend(self.clocks[part])
                out.uids.extend(self.uids[part])
                out.sizes.extend(self.sizes[part])
            else:
                (day, clock, uid), size = part
                out.days.append(day)
                out.clocks.append(clock)
                out.uids.append(uid)
                out.sizes.append(size)
        return out


def sizes(data: bytes) -> list[int] | None:
    """The size of each VEVENT of a feed as written (header, blocks, end); None when it is not that."""
    starts = [m.start() + 2 for m in _BEGIN.finditer(data)]
    end = len(data) - len(_END)
    if not data.endswith(_END) or (starts and not data.startswith(_END_EVENT, end - len(_END_EVENT))):
        return None
    return [b - a for a, b in pairwise([*starts, end])]


@dataclass(frozen=True)
class Cut:
    """A feed written before, its entries, and where each VEVENT starts (then where the last ends)."""
    data: bytes
    entries: Entries
    bounds: list[int]

    def at(self, keys: Sequence[Key]) -> list[int] | None:
        """The positions of the blocks of these keys; None when one is not in the feed."""
        positions = [self.entries.where(k) for k in keys]
        n = len(self.entries)
        return positions if all(i < n and self.entries.key(i) == k for i, k in zip(positions, keys, strict=True)) else None

    def of(self, positions: Iterable[int]) -> bytes:
        """The VEVENTs at these positions (for `read_previous`)."""
        return b"".join(self.data[self.bounds[i]:self.bounds[i + 1]] for i in positions)

    def holds(self, leaving: Iterable[int], arriving: Iterable[tuple[Key, bytes]]) -> bool:
        """Whether the arriving blocks are the leaving ones, byte for byte: the feed stays as it is."""
        return [(self.entries.key(i), self.data[self.bounds[i]:self.bounds[i + 1]]) for i in sorted(leaving)] == list(arriving)

    def spliced(self, leaving: Iterable[int], arriving: Iterable[tuple[Key, bytes]]) -> tuple[list[bytes | memoryview], Entries]:
        """The feed without the blocks at the positions `leaving` and with the `arriving` blocks at their
        places, in pieces to write (runs of the old file are views of it: a feed is megabytes, a change
        a few blocks); its entries."""
        edits = sorted([(i, True, self.entries.key(i), b"") for i in leaving]
                       + [(self.entries.where(k), False, k, block) for k, block in arriving])
        data = memoryview(self.data)
        pieces: list[bytes | memoryview] = [data[:self.bounds[0]]]
        parts: list[slice | tuple[Key, int]] = []
        start = 0
        for position, drop, k, block in edits:  # at one position, insertions (in key order) before the drop
            pieces.append(data[self.bounds[start]:self.bounds[position]])
            parts.append(slice(start, position))
            if drop:
                start = position + 1
            else:
                pieces.append(block)
                parts.append((k, len(block)))
                start = position
        pieces.append(data[self.bounds[start]:])
        parts.append(slice(start, len(self.entries)))
        return pieces, self.entries.joined(parts)


def cut(data: bytes, entries: Entries) -> Cut | None:
    """The feed `data` as `entries` describes it: its header, blocks of their sizes, its end; None when
    its bytes do not fit that."""
    head = len(data) - len(_END) - sum(entries.sizes)
    if head < 0 or not data.endswith(_END) or (len(entries) and not data.startswith(b"BEGIN:VEVENT\r\n", head)):
        return None
    return Cut(data, entries, list(accumulate(entries.sizes, initial=head)))
