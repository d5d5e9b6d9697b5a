"""The clerk's corrections: one more pure step between the parser and the mapper.

No reader is right every time. A clerk corrects what was read (a field, a split or a merge, a
line that is no event, an item the reader missed) and the correction is kept against the
document's identity — organisation and period, as revisions.py tells issues apart — so it is
applied again to every later reading of the same document or of a revision of it.

A correction points at the events it is about by how the parser read them (`Anchor`): the same
reading in a new parse means the source line is unchanged, and the correction applies as made.
When only a looser match is found (same day and title, or same line and day) the line changed in
a revision: a field edit still applies to the fields the revision left as they were, and anything
else waits for the clerk to confirm (`Review`). Plain dataclasses in, plain dataclasses out.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace

from lichsync.parse.model import Event, Program
from lichsync.parse.text import collapse, fold

EDIT, DROP, SPLIT, MERGE, ADD = "edit", "drop", "split", "merge", "add"
FIELDS = ("date", "end_date", "session", "start_time", "title", "officials", "units", "location", "kind",
          "participants")


def document_key(program: Program, organization: str | None = None) -> str:
    """Organisation + period (the month, or the from/to of a week): every issue of one program shares it.
    `organization` stands in when the heading names none (the source's body, the config's)."""
    org = fold(collapse(program.organization or organization or ""))
    p = program.period
    period = f"{p.start}..{p.end}" if p.start and p.end else f"{p.year:04d}-{p.month:02d}"
    return f"{org}|{period}"


def value_of(event: Event, name: str):
    """A field as JSON holds it (dates as ISO text, lists as lists)."""
    return event.to_dict()[name] if name != "participants" else list(event.participants)


def reading(event: Event) -> str:
    """A short hash of everything the parser read for an event, its line number aside."""
    shown = {k: v for k, v in event.to_dict().items() if k != "line"}
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Anchor:
    """A parsed event as it was read when the clerk corrected it."""
    date: str
    title: str
    start_time: str | None
    line: int | None
    reading: str
    source: str = ""  # the source line's text, for the clerk's eyes only

    @classmethod
    def of(cls, event: Event, source: str = "") -> Anchor:
        return cls(event.date.isoformat(), event.title, event.start_time, event.line, reading(event), source)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Correction:
    """One thing the clerk said about a document. By kind:
    edit: `changes` field → [as read, corrected]; drop: the anchored event is no event;
    split: `parts`, field overrides per new event (the first replaces the event);
    merge: the anchored events become one, with `changes` {field: [None, value]} on the first;
    add: `event`, a missed item in the JSON contract's form."""
    kind: str
    anchors: tuple[Anchor, ...] = ()
    changes: dict = field(default_factory=dict)
    parts: tuple[dict, ...] = ()
    event: dict | None = None
    id: int | None = None  # the store's row id

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "anchors": [a.to_dict() for a in self.anchors], "changes": self.changes,
                           "parts": list(self.parts), "event": self.event}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, id: int | None = None) -> Correction:
        d = json.loads(text)
        return cls(d["kind"], tuple(Anchor(**a) for a in d["anchors"]), d.get("changes") or {},
                   tuple(d.get("parts") or ()), d.get("event"), id)


@dataclass(frozen=True)
class Review:
    """A correction the clerk should look at again: why, and whether it was applied anyway."""
    correction: Correction
    message: str
    applied: bool


@dataclass(frozen=True)
class Origin:
    """Where an event of the corrected program came from: the parsed event it was read as (None
    for an added one) and the correction that made it, so the desk can correct it again."""
    anchor: Anchor | None
    correction: int | None = None
    part: int | None = None


@dataclass
class Corrected:
    program: Program
    origins: list[Origin]  # one per event of program.events
    reviews: list[Review]


def find(anchor: Anchor, events: list[Event]) -> tuple[int | None, bool]:
    """The event an anchor points at, and whether its reading is unchanged (else a revision changed its line)."""
    same = [i for i, e in enumerate(events) if reading(e) == anchor.reading]
    if same:
        return min(same, key=lambda i: abs((events[i].line or 0) - (anchor.line or 0))), True
    title = fold(collapse(anchor.title))
    near = [i for i, e in enumerate(events) if e.date.isoformat() == anchor.date
            and (fold(collapse(e.title)) == title or (anchor.line is not None and e.line == anchor.line))]
    return (near[0], False) if near else (None, False)


def with_fields(event: Event, values: dict) -> Event:
    """The event with fields set from JSON-form values (ISO dates, lists)."""
    data = event.to_dict() | {"participants": list(event.participants)} | values
    return replace(Event.from_dict(data), titles=dict(event.titles), repaired=event.repaired)


def apply(program: Program, corrections: list[Correction]) -> Corrected:
    """The program as the clerk corrected it, with what needs their eyes again."""
    events = program.events
    slots: list[list[tuple[Event, Origin]]] = [[(e, Origin(Anchor.of(e)))] for e in events]
    added: list[tuple[Event, Origin]] = []
    reviews: list[Review] = []
    for c in corrections:
        if c.kind == ADD:
            _add(c, events, added, reviews)
            continue
        found = [(i, same) for i, same in (find(a, events) for a in c.anchors) if i is not None]
        if len(found) < len(c.anchors):
            reviews.append(Review(c, "the event it corrects is no longer in the document", False))
            continue
        unchanged = all(same for _, same in found)
        if c.kind == EDIT:
            _edit(c, slots[found[0][0]], unchanged, reviews)
        elif not unchanged:
            reviews.append(Review(c, "the source line changed in a revision: confirm or discard", False))
        elif c.kind == DROP:
            slots[found[0][0]] = []
        elif c.kind == SPLIT:
            _split(c, slots, found[0][0])
        elif c.kind == MERGE:
            _merge(c, slots, [i for i, _ in found])
    out = [pair for slot in slots for pair in slot]
    for pair in added:  # after the last event of the same day or earlier
        at = max((k + 1 for k, (e, _) in enumerate(out) if e.date <= pair[0].date), default=0)
        out.insert(at, pair)
    corrected = replace(program, events=[e for e, _ in out])
    return Corrected(corrected, [o for _, o in out], reviews)


def _edit(c: Correction, slot: list[tuple[Event, Origin]], unchanged: bool, reviews: list[Review]) -> None:
    """Set each field; after a revision, only the fields the revision left as they were read."""
    if not slot:
        return
    event, origin = slot[0]
    kept = {k: new for k, (was, new) in c.changes.items() if unchanged or value_of(event, k) == was}
    slot[0] = (with_fields(event, kept), replace(origin, correction=c.id))
    held = sorted(set(c.changes) - set(kept))
    if not unchanged:
        message = (f"the revision changed {', '.join(held)}: confirm your correction or discard it" if held else
                   "the source line changed in a revision; your correction still applies: confirm it")
        reviews.append(Review(c, message, not held))


def _split(c: Correction, slots: list[list[tuple[Event, Origin]]], i: int) -> None:
    if slots[i]:
        event, origin = slots[i][0]
        slots[i] = [(with_fields(event, part), replace(origin, correction=c.id, part=k)) for k, part in enumerate(c.parts)]


def _merge(c: Correction, slots: list[list[tuple[Event, Origin]]], indexes: list[int]) -> None:
    first, *rest = indexes
    if not slots[first]:
        return
    titles = [e.title for i in indexes for e, _ in slots[i][:1]]
    event, origin = slots[first][0]
    values = {"title": "; ".join(titles)} | {k: new for k, (_, new) in c.changes.items()}
    slots[first] = [(with_fields(event, values), replace(origin, correction=c.id))]
    for i in rest:
        slots[i] = []


def _add(c: Correction, events: list[Event], added: list, reviews: list[Review]) -> None:
    new = Event.from_dict(c.event or {})
    title = fold(collapse(new.title))
    if any(e.date == new.date and fold(collapse(e.title)) == title for e in events):
        reviews.append(Review(c, "the document now has this item itself: discard the added copy", False))
        return
    added.append((new, Origin(None, c.id)))

