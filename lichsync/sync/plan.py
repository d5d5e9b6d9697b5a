"""What a push must do to make one calendar match the program (pure: no network, no files).

Three inputs, as vdirsyncer keeps them: what the program wants (desired events with content hashes),
what the state remembers lichsync wrote (uid → remote id, ETag, hash) and what the calendar holds now
(the target's listing). Rules:

- Only events lichsync owns (its marker is on the remote event) are ever updated or deleted; a
  person's own events, even with a colliding UID, are left alone ("foreign").
- An owned event whose ETag differs from the one lichsync recorded was edited by a person: it is
  overwritten only when the program's content changed since (and the action says `edited`).
- Events missing from the state are re-found on the remote by UID, so a lost state file never makes
  duplicates; if the hash lichsync wrote with them still matches, they are adopted without a write.
- Deletions are limited to the scopes (organisation + period) being pushed, so pushing October does
  not delete September.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from lichsync.calendar.calendar_event import CalendarEvent

Op = Literal["create", "update", "delete", "unchanged", "foreign"]
WRITES: tuple[Op, ...] = ("create", "update", "delete")


@dataclass(frozen=True)
class Desired:
    """An event the program wants in the calendar, and the scope (program period) it belongs to."""
    event: CalendarEvent
    scope: str

    @property
    def uid(self) -> str:
        return self.event.uid

    @property
    def hash(self) -> str:
        return self.event.content_hash()


@dataclass(frozen=True)
class RemoteEvent:
    """One event of the target's listing, reduced to what planning needs."""
    uid: str
    remote_id: str  # CalDAV href, Google event id
    etag: str | None
    owned: bool  # carries lichsync's marker
    hash: str | None = None  # content hash lichsync wrote with it
    scope: str | None = None
    summary: str = ""
    start: datetime | date | None = None
    cancelled: bool = False  # Google keeps deleted events as status=cancelled
    sequence: int = 0  # SEQUENCE and CREATED as the calendar holds them: an update carries them on
    created: datetime | None = None
    shown: dict | None = field(default=None, compare=False)  # CalendarEvent.shown() keys the remote gives, for dry runs


@dataclass(frozen=True)
class Record:
    """What the state remembers of one event lichsync wrote."""
    uid: str
    remote_id: str
    etag: str | None
    hash: str
    pushed_at: str = ""


@dataclass(frozen=True)
class Action:
    op: Op
    uid: str
    desired: Desired | None = None
    remote: RemoteEvent | None = None
    edited: bool = False  # a person changed the remote event since lichsync wrote it
    adopt: bool = False  # unchanged, but the state must learn the remote id/ETag (state was lost)

    @property
    def wanted(self) -> Desired:
        """The event a create or update writes (the planner always gives one)."""
        if self.desired is None:
            raise ValueError(f"{self.op} {self.uid}: no desired event")
        return self.desired

    @property
    def stored(self) -> RemoteEvent:
        """The calendar's event an update or delete changes (the planner always gives one)."""
        if self.remote is None:
            raise ValueError(f"{self.op} {self.uid}: no remote event")
        return self.remote

    @property
    def summary(self) -> str:
        return self.desired.event.summary if self.desired else (self.remote.summary if self.remote else "")

    @property
    def start(self) -> datetime | date | None:
        return self.desired.event.start if self.desired else (self.remote.start if self.remote else None)


@dataclass
class Plan:
    actions: list[Action]
    forget: list[str] = field(default_factory=list)  # state records of events gone from calendar and program

    @property
    def writes(self) -> list[Action]:
        return [a for a in self.actions if a.op in WRITES]

    def counts(self) -> dict[str, int]:
        c = Counter(a.op for a in self.actions)
        return {op: c.get(op, 0) for op in ("create", "update", "delete", "unchanged", "foreign")}

    @property
    def edited_overwritten(self) -> list[Action]:
        return [a for a in self.actions if a.edited and a.op in ("update", "delete")]

    @property
    def edited_kept(self) -> list[Action]:
        return [a for a in self.actions if a.edited and a.op == "unchanged"]


def plan(desired: Iterable[Desired], records: dict[str, Record], remote: Iterable[RemoteEvent],
         scopes: Iterable[str]) -> Plan:
    """The actions that make the calendar hold exactly the desired events, in program order then deletions."""
    wanted = {d.uid: d for d in desired}
    scopes = set(scopes) | {d.scope for d in wanted.values()}
    live: dict[str, RemoteEvent] = {}
    for r in remote:
        if r.cancelled:
            continue
        if r.uid not in live or (r.owned and not live[r.uid].owned):  # an owned copy wins over a person's
            live[r.uid] = r
    actions: list[Action] = []
    for uid, d in wanted.items():
        found = live.get(uid)
        if found is None:
            actions.append(Action("create", uid, desired=d))
        elif not found.owned:
            actions.append(Action("foreign", uid, desired=d, remote=found))
        else:
            actions.append(_compare(d, found, records.get(uid)))
    for uid, r in live.items():
        if uid not in wanted and r.owned and r.scope in scopes:
            rec = records.get(uid)
            actions.append(Action("delete", uid, remote=r, edited=bool(rec and rec.etag != r.etag)))
    forget = [uid for uid in records if uid not in wanted and not (uid in live and live[uid].owned)]
    return Plan(actions, forget)


def _compare(d: Desired, r: RemoteEvent, rec: Record | None) -> Action:
    if rec is None:  # state lost: trust the hash lichsync wrote with the event
        if r.hash == d.hash:
            return Action("unchanged", d.uid, desired=d, remote=r, adopt=True)
        return Action("update", d.uid, desired=d, remote=r)
    edited = rec.etag != r.etag
    if rec.hash != d.hash:
        return Action("update", d.uid, desired=d, remote=r, edited=edited)
    if not edited and rec.remote_id != r.remote_id:
        return Action("unchanged", d.uid, desired=d, remote=r, adopt=True)
    return Action("unchanged", d.uid, desired=d, remote=r, edited=edited)
