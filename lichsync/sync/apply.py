"""Carry out a plan on a target, recording every accepted write in the state at once."""
from __future__ import annotations

from collections.abc import Callable

from lichsync.publish.base import Target, Written
from lichsync.sync.plan import Action, Plan, Record
from lichsync.sync.state import State


def execute(plan: Plan, target: Target, state: State, progress: Callable[[Action], None] = lambda a: None) -> None:
    """Writes go to the remote first, then to the state (one transaction per remote request, committed
    before the next goes out): a crash in between leaves an event the next run re-finds by UID,
    never one the state claims but the remote lacks."""
    def done(action: Action, written: Written | None) -> None:
        if action.op == "delete":
            state.forget(target.kind, target.calendar, action.uid)
        elif written is None or action.desired is None:  # a target's bug: say so, do not record a guess
            raise TypeError(f"{target.label}: {action.op} {action.uid} reported no written event")
        else:
            state.save(target.kind, target.calendar,
                       Record(action.uid, written.remote_id, written.etag, action.desired.hash))
        progress(action)

    with state.held():
        for a in plan.actions:
            if a.adopt and a.remote and a.desired:  # the planner adopts only events it found on both sides
                state.save(target.kind, target.calendar, Record(a.uid, a.remote.remote_id, a.remote.etag, a.desired.hash))
        for uid in plan.forget:
            state.forget(target.kind, target.calendar, uid)
        state.commit()
        target.apply(plan.writes, done, state.commit)
