"""The schedule model: what every reader and parser produces, and what mappers consume.

Plain dataclasses with (de)serialisation to the JSON contract in docs/schedule-json.md.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

SESSIONS = ("morning", "afternoon", "evening", "all_day")
KINDS = ("work", "holiday")
Day = date  # the type's name inside Event, whose field `date` hides it


@dataclass
class Period:
    month: int
    year: int
    start: date | None = None  # "from" in JSON: for a week or another range
    end: date | None = None  # "to" in JSON

    def to_dict(self) -> dict:
        out: dict = {"month": self.month, "year": self.year}
        if self.start:
            out["from"] = self.start.isoformat()
        if self.end:
            out["to"] = self.end.isoformat()
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Period:
        return cls(
            month=int(d["month"]),
            year=int(d["year"]),
            start=date.fromisoformat(d["from"]) if d.get("from") else None,
            end=date.fromisoformat(d["to"]) if d.get("to") else None,
        )


@dataclass
class Warning:
    code: str
    message: str
    line: int | None = None

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "line": self.line}

    @classmethod
    def from_dict(cls, d: dict) -> Warning:
        return cls(code=d["code"], message=d["message"], line=d.get("line"))


@dataclass
class Event:
    date: date
    title: str
    end_date: Day | None = None
    session: str | None = None
    start_time: str | None = None  # "HH:MM"
    officials: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    location: str | None = None
    kind: str = "work"
    line: int | None = None
    participants: list[str] = field(default_factory=list)  # "Thành phần:", "Mời dự:" as written; optional in JSON
    # Titles of the officials as written ("TUV, BTĐU, GĐ"), by official; not in the JSON contract.
    titles: dict[str, str] = field(default_factory=dict)
    # The text contradicted its row and lichsync read it the evident way (a "span_month" warning
    # says how); not in the JSON contract.
    repaired: bool = False

    def to_dict(self) -> dict:
        out = {
            "date": self.date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "session": self.session,
            "start_time": self.start_time,
            "title": self.title,
            "officials": list(self.officials),
            "units": list(self.units),
            "location": self.location,
            "kind": self.kind,
            "line": self.line,
        }
        if self.participants:
            out["participants"] = list(self.participants)
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        return cls(
            date=date.fromisoformat(d["date"]),
            end_date=date.fromisoformat(d["end_date"]) if d.get("end_date") else None,
            session=d.get("session"),
            start_time=d.get("start_time"),
            title=d.get("title") or "",
            officials=list(d.get("officials") or []),
            units=list(d.get("units") or []),
            location=d.get("location"),
            kind=d.get("kind") or "work",
            line=d.get("line"),
            participants=list(d.get("participants") or []),
        )


@dataclass
class Program:
    source: str
    period: Period
    organization: str | None = None
    events: list[Event] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    layout: str | None = None  # how the document was read ("Word table", "day headings"); not in the JSON contract

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "organization": self.organization,
            "period": self.period.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, d: dict) -> Program:
        return cls(
            source=d.get("source", ""),
            organization=d.get("organization"),
            period=Period.from_dict(d["period"]),
            events=[Event.from_dict(e) for e in d.get("events", [])],
            warnings=[Warning.from_dict(w) for w in d.get("warnings", [])],
        )

    @classmethod
    def from_json(cls, text: str) -> Program:
        return cls.from_dict(json.loads(text))
