"""The one small interface every push target implements: list, create, update, delete.

Targets know HTTP and their wire format; they know nothing of planning or state. `apply` calls
`done` after each write the remote accepted, so the caller can record it before the next one.
"""
from __future__ import annotations

import random
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lichsync.sync.plan import Action, RemoteEvent


class TargetError(Exception):
    """A target failed for good (after retries); `target` names it for the one-line error."""

    def __init__(self, target: str, problem: str):
        super().__init__(f"{target}: {problem}")
        self.target = target
        self.problem = problem


@dataclass(frozen=True)
class Written:
    remote_id: str
    etag: str | None


Done = Callable[[Action, Written | None], None]


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, base·2ⁿ)],
    or what the server's Retry-After asked (`at_least`, up to `max_wait`) when that is longer."""
    retries: int = 5
    base: float = 0.5
    cap: float = 30.0
    max_wait: float = 300.0

    def wait(self, attempt: int, at_least: float = 0.0) -> None:
        jitter = random.uniform(0, min(self.cap, self.base * 2 ** attempt))
        time.sleep(max(jitter, min(at_least, self.max_wait)))


class Target(ABC):
    kind: str  # "caldav" or "google": the state's and the CLI's name for it

    def __init__(self, calendar: str):
        self.calendar = calendar

    @property
    def label(self) -> str:
        return f"{self.kind} {self.calendar}"

    @abstractmethod
    def list(self) -> list[RemoteEvent]:
        """Every event of the calendar (lichsync's and everyone else's), one listing per page."""

    @abstractmethod
    def create(self, action: Action) -> Written: ...

    @abstractmethod
    def update(self, action: Action) -> Written: ...

    @abstractmethod
    def delete(self, action: Action) -> None: ...

    def apply(self, actions: Sequence[Action], done: Done, sent: Callable[[], None] = lambda: None) -> None:
        """Write one action at a time; targets with batch endpoints override this. `sent` is called
        after each request's `done` calls, before the next request (the state commits there)."""
        for action in actions:
            done(action, getattr(self, action.op)(action))
            sent()
