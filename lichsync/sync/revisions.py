"""Which issue of a program is current: the newest issue of an organisation's period replaces the rest.

Programs are re-issued: a monthly program revised mid-month, a week's schedule amended on
Wednesday. Both copies may still be online or in the folder; only the newest counts, and what
it dropped must disappear from calendars, so a revision is a replacement, never an addition.
Pure: parsed programs and their issue times in, the current ones out.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from lichsync.parse.model import Program
from lichsync.parse.text import collapse, fold


@dataclass(frozen=True)
class Issue:
    program: Program
    issued: datetime  # aware; the newest wins, and on a tie the later in the list
    origin: str = ""  # where it came from, for messages
    organization: str | None = None  # the source's body, for a program whose heading names none


@dataclass(frozen=True)
class Replaced:
    old: Issue
    by: Issue


def issue_key(issue: Issue) -> tuple | None:
    """Organisation + period: the month, or the from/to of a week or another range.

    None when no organisation is known: two anonymous programs of one month may be two bodies'."""
    org = issue.program.organization or issue.organization
    if not org:
        return None
    p = issue.program.period
    period: tuple[int, int] | tuple[date, date] = (p.start, p.end) if p.start and p.end else (p.year, p.month)
    return fold(collapse(org)), period


def current_issues(issues: Sequence[Issue]) -> tuple[list[Issue], list[Replaced]]:
    """The newest issue of every organisation and period, in input order, and what each replaced."""
    newest: dict[object, int] = {}
    replaced: list[Replaced] = []
    for i, issue in enumerate(issues):
        key = issue_key(issue)
        slot = key if key is not None else ("anonymous", i)
        held = newest.get(slot)
        if held is None:
            newest[slot] = i
        elif issue.issued >= issues[held].issued:
            replaced.append(Replaced(issues[held], issue))
            newest[slot] = i
        else:
            replaced.append(Replaced(issue, issues[held]))
    kept = sorted(newest.values())
    return [issues[i] for i in kept], replaced


def latest_given(programs: Sequence[Program]) -> list[Program]:
    """Programs given in order (files on a command line): a later one of the same body and
    period replaces an earlier one, as a newer issue would."""
    same_time = datetime.min.replace(tzinfo=UTC)
    current, _ = current_issues([Issue(p, same_time) for p in programs])
    return [issue.program for issue in current]
