"""Configuration: a TOML file (tomllib) validated into frozen dataclasses.

Each top-level section has its own reader and its own set of allowed keys, so a new section
(`[[sources]]`, `[targets.*]`, `[feeds]`) is one more entry in `SECTIONS`. Every error names
the TOML key path and the problem (`sessions.morning.end: '25:00' is not a time of day`).
The configuration is optional: `Config()` is what a user without a file gets.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lichsync.errors import ConfigError  # noqa: F401  (raised here, caught as config.ConfigError by commands)
from lichsync.settings import SECTIONS as SYNC_SECTIONS

SESSION_KEYS = ("morning", "afternoon", "evening", "all_day")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Hours:
    start: time
    end: time

    def contains(self, t: time) -> bool:
        return self.start <= t < self.end


DEFAULT_SESSIONS: dict[str, Hours] = {
    "morning": Hours(time(7, 30), time(11, 30)),
    "afternoon": Hours(time(13, 30), time(17, 0)),
    "evening": Hours(time(19, 0), time(21, 0)),
    "all_day": Hours(time(7, 30), time(17, 0)),
}


@dataclass(frozen=True)
class Season:
    """Hours that replace the default ones between two dates (summer hours).

    `start`/`end` are (month, day) for a range that recurs every year ("05-01"), or full dates
    ("2024-05-01") for one year only; a yearly range may wrap the new year ("11-01" … "02-28").
    """
    name: str
    start: tuple[int, int] | date
    end: tuple[int, int] | date
    hours: dict[str, Hours]

    def covers(self, day: date) -> bool:
        if isinstance(self.start, date):
            return self.start <= day <= self.end  # type: ignore[operator]
        md = (day.month, day.day)
        if self.start <= self.end:  # type: ignore[operator]
            return self.start <= md <= self.end  # type: ignore[operator]
        return md >= self.start or md <= self.end  # type: ignore[operator]


@dataclass(frozen=True)
class Official:
    key: str
    short_name: str
    full_name: str | None = None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    calendars: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # target → calendar id

    @property
    def names(self) -> tuple[str, ...]:
        """Every way a program or a user may write this person."""
        return tuple(n for n in (self.short_name, self.full_name, *self.aliases) if n)


@dataclass(frozen=True)
class Organization:
    name: str | None = None
    # "Bí thư" → official key: roles a program writes instead of a name.
    titles: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class EventRules:
    all_day: str = "working_hours"  # or "date": a "Cả ngày" item as a date-only event
    spans: str = "single"  # or "daily": one event per working day of a range
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    timed_end: str = "session"  # a start_time ends with its session; or "duration"
    default_duration: int = 60  # minutes, for a start time outside every session


@dataclass(frozen=True)
class ExportSettings:
    refresh_minutes: int = 60  # REFRESH-INTERVAL / X-PUBLISHED-TTL hints for subscribed feeds


@dataclass(frozen=True)
class CalDAVSettings:
    """[targets.caldav]: the password never has to be in this file (an env var or a command gives it)."""
    username: str | None = None
    password: str | None = None
    password_command: str | None = None  # e.g. "pass show dav/lac": its first output line
    password_env: str = "LICHSYNC_CALDAV_PASSWORD"
    retries: int = 5  # tries after the first on network errors, 429 and 5xx (exponential backoff)


@dataclass(frozen=True)
class GoogleSettings:
    """[targets.google]: a service-account key or the token `lichsync auth google` stored."""
    credentials: str | None = None
    client_secrets: str | None = None  # the installed-app client `lichsync auth google` signs in with
    endpoint: str | None = None  # another root URL for the Calendar API (an emulator); unauthenticated
    retries: int = 5


@dataclass(frozen=True)
class Targets:
    caldav: CalDAVSettings = CalDAVSettings()
    google: GoogleSettings = GoogleSettings()


@dataclass(frozen=True)
class Config:
    timezone: str = "Asia/Ho_Chi_Minh"
    sessions: dict[str, Hours] = field(default_factory=lambda: dict(DEFAULT_SESSIONS), hash=False, compare=False)
    seasons: tuple[Season, ...] = ()
    events: EventRules = EventRules()
    officials: tuple[Official, ...] = ()
    organization: Organization = Organization()
    export: ExportSettings = ExportSettings()
    targets: Targets = Targets()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def hours_on(self, day: date) -> dict[str, Hours]:
        """Session hours that apply on a day: the first season covering it overrides the defaults."""
        for season in self.seasons:
            if season.covers(day):
                return {**self.sessions, **season.hours}
        return self.sessions

    def official(self, key: str) -> Official | None:
        return next((o for o in self.officials if o.key == key), None)


# --- reading -------------------------------------------------------------------------------

def load(path: Path) -> Config:
    """The configuration in a TOML file; OSError if it cannot be read, ConfigError if it is wrong."""
    data = Path(path).read_bytes()
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("", "the file is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", f"not valid TOML: {exc}") from None
    return from_dict(doc)


def from_dict(doc: dict[str, Any]) -> Config:
    _known(doc, "", [*SECTIONS, "timezone", *SYNC_SECTIONS])  # sync's own are read by settings.py
    values: dict[str, Any] = {}
    if "timezone" in doc:
        values["timezone"] = _timezone(doc["timezone"], "timezone")
    for name, read in SECTIONS.items():
        if name in doc:
            values.update(read(doc[name], name))
    config = Config(**values)
    _check_references(config)
    return config


def _known(table: Any, where: str, allowed: list[str] | tuple[str, ...]) -> None:
    if not isinstance(table, dict):
        raise ConfigError(where, f"expected a table, got {_kind(table)}")
    for key in table:
        if key not in allowed:
            raise ConfigError(_join(where, key), f"unknown key (allowed here: {', '.join(allowed)})")


def _join(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    shown = key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'
    return f"{where}.{shown}" if where else shown


def _kind(value: Any) -> str:
    return {dict: "a table", list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(where, f"expected a non-empty string, got {_kind(value) if value != '' else 'an empty string'}")
    return value.strip()


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(where, f"expected an array of strings, got {_kind(value)}")
    return tuple(_str(v, _join(where, i)) for i, v in enumerate(value))


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(where, f"expected a whole number from {low} to {high}, got {value!r}")
    return value


def _choice(value: Any, where: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(where, f"{value!r} is not one of: {', '.join(choices)}")
    return value


def _timezone(value: Any, where: str) -> str:
    name = _str(value, where)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(where, f'unknown timezone "{name}" (an IANA name such as "Asia/Ho_Chi_Minh")') from None
    return name


def _time(value: Any, where: str) -> time:
    m = re.fullmatch(r"(\d{1,2})[:h](\d{2})", value.strip()) if isinstance(value, str) else None
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ConfigError(where, f"{value!r} is not a time of day (HH:MM, 00:00–23:59)")
    return time(int(m[1]), int(m[2]))


def _hours(value: Any, where: str) -> Hours:
    if isinstance(value, str):  # "07:30-11:30"
        parts = re.split(r"\s*[-–]\s*", value.strip())
        if len(parts) != 2:
            raise ConfigError(where, f'{value!r} is not a range of hours ("07:30-11:30")')
        start, end = _time(parts[0], where), _time(parts[1], where)
    else:
        _known(value, where, ["start", "end"])
        for k in ("start", "end"):
            if k not in value:
                raise ConfigError(_join(where, k), "missing")
        start, end = _time(value["start"], _join(where, "start")), _time(value["end"], _join(where, "end"))
    if end <= start:
        raise ConfigError(where, f"ends ({end:%H:%M}) before it starts ({start:%H:%M})")
    return Hours(start, end)


def _day(value: Any, where: str) -> tuple[int, int] | date:
    text = value.isoformat() if isinstance(value, date) else value
    if isinstance(text, str):
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return date.fromisoformat(text)
            m = re.fullmatch(r"(\d{2})-(\d{2})", text)
            if m:
                date(2024, int(m[1]), int(m[2]))  # a leap year, so "02-29" is a day
                return int(m[1]), int(m[2])
        except ValueError:
            pass
    raise ConfigError(where, f'{value!r} is not a day ("MM-DD" every year, or "YYYY-MM-DD")')


def _read_sessions(table: Any, where: str) -> dict[str, Any]:
    _known(table, where, [*SESSION_KEYS, "seasons"])
    sessions = dict(DEFAULT_SESSIONS)
    for key in SESSION_KEYS:
        if key in table:
            sessions[key] = _hours(table[key], _join(where, key))
    seasons = []
    raw = table.get("seasons", [])
    if not isinstance(raw, list):
        raise ConfigError(_join(where, "seasons"), "expected an array of tables ([[sessions.seasons]])")
    for i, season in enumerate(raw):
        at = _join(_join(where, "seasons"), i)
        _known(season, at, ["name", "from", "to", *SESSION_KEYS])
        for k in ("from", "to"):
            if k not in season:
                raise ConfigError(_join(at, k), "missing")
        start, end = _day(season["from"], _join(at, "from")), _day(season["to"], _join(at, "to"))
        if type(start) is not type(end):
            raise ConfigError(at, "from and to must both be MM-DD or both be YYYY-MM-DD")
        if isinstance(start, date) and end < start:  # type: ignore[operator]
            raise ConfigError(_join(at, "to"), f"ends ({end}) before it starts ({start})")
        hours = {k: _hours(season[k], _join(at, k)) for k in SESSION_KEYS if k in season}
        seasons.append(Season(_str(season.get("name", f"season {i + 1}"), _join(at, "name")), start, end, hours))
    return {"sessions": sessions, "seasons": tuple(seasons)}


def _read_events(table: Any, where: str) -> dict[str, Any]:
    _known(table, where, ["all_day", "spans", "working_days", "timed_end", "default_duration"])
    rules: dict[str, Any] = {}
    if "all_day" in table:
        rules["all_day"] = _choice(table["all_day"], _join(where, "all_day"), ("working_hours", "date"))
    if "spans" in table:
        rules["spans"] = _choice(table["spans"], _join(where, "spans"), ("single", "daily"))
    if "timed_end" in table:
        rules["timed_end"] = _choice(table["timed_end"], _join(where, "timed_end"), ("session", "duration"))
    if "default_duration" in table:
        rules["default_duration"] = _int(table["default_duration"], _join(where, "default_duration"), 1, 24 * 60)
    if "working_days" in table:
        at = _join(where, "working_days")
        days = [_choice(d.lower() if isinstance(d, str) else d, _join(at, i), WEEKDAYS)
                for i, d in enumerate(_strs(table["working_days"], at))]
        rules["working_days"] = tuple(sorted({WEEKDAYS.index(d) for d in days}))
    return {"events": EventRules(**rules)}


def _read_export(table: Any, where: str) -> dict[str, Any]:
    _known(table, where, ["refresh_minutes"])
    settings = {}
    if "refresh_minutes" in table:
        settings["refresh_minutes"] = _int(table["refresh_minutes"], _join(where, "refresh_minutes"), 1, 7 * 24 * 60)
    return {"export": ExportSettings(**settings)}


def _read_organization(table: Any, where: str) -> dict[str, Any]:
    _known(table, where, ["name", "titles"])
    name = _str(table["name"], _join(where, "name")) if "name" in table else None
    titles_at = _join(where, "titles")
    raw = table.get("titles", {})
    if not isinstance(raw, dict):
        raise ConfigError(titles_at, f"expected a table of title = official key, got {_kind(raw)}")
    titles = {_str(k, titles_at): _str(v, _join(titles_at, k)) for k, v in raw.items()}
    return {"organization": Organization(name=name, titles=titles)}


def _read_officials(table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(where, f"expected tables [officials.<key>], got {_kind(table)}")
    officials = []
    for key, entry in table.items():
        at = _join(where, key)
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", key):
            raise ConfigError(at, "an official's key is lowercase letters, digits, - or _ (it names the feed file)")
        if key == "all":
            raise ConfigError(at, '"all" is the organisation\'s feed (all.ics): choose another key')
        _known(entry, at, ["short_name", "full_name", "titles", "aliases", "groups", "calendars"])
        if "short_name" not in entry:
            raise ConfigError(_join(at, "short_name"), "missing (the name as programs write it, e.g. \"Lạc\")")
        cal_at = _join(at, "calendars")
        calendars = entry.get("calendars", {})
        if not isinstance(calendars, dict):
            raise ConfigError(cal_at, f"expected a table of target = calendar id, got {_kind(calendars)}")
        officials.append(Official(
            key=key,
            short_name=_str(entry["short_name"], _join(at, "short_name")),
            full_name=_str(entry["full_name"], _join(at, "full_name")) if "full_name" in entry else None,
            titles=_strs(entry.get("titles", []), _join(at, "titles")),
            aliases=_strs(entry.get("aliases", []), _join(at, "aliases")),
            groups=_strs(entry.get("groups", []), _join(at, "groups")),
            calendars={t: _str(v, _join(cal_at, t)) for t, v in calendars.items()},
        ))
    return {"officials": tuple(officials)}


def _check_references(config: Config) -> None:
    keys = {o.key for o in config.officials}
    for title, key in config.organization.titles.items():
        if key not in keys:
            raise ConfigError(_join("organization.titles", title), f'"{key}" is not an official (no [officials.{key}])')


def _read_targets(table: Any, where: str) -> dict[str, Any]:
    _known(table, where, ["caldav", "google"])
    kinds = {"caldav": (CalDAVSettings, ["username", "password", "password_command", "password_env"]),
             "google": (GoogleSettings, ["credentials", "client_secrets", "endpoint"])}
    settings: dict[str, Any] = {}
    for name, (kind, keys) in kinds.items():
        sub, at = table.get(name, {}), _join(where, name)
        _known(sub, at, [*keys, "retries"])
        values: dict[str, Any] = {k: _str(v, _join(at, k)) for k, v in sub.items() if k != "retries"}
        if "retries" in sub:
            values["retries"] = _int(sub["retries"], _join(at, "retries"), 0, 10)
        settings[name] = kind(**values)
    return {"targets": Targets(**settings)}


# One reader per top-level section: name → (table, key path) → Config fields.
SECTIONS: dict[str, Callable[[Any, str], dict[str, Any]]] = {
    "organization": _read_organization,
    "sessions": _read_sessions,
    "events": _read_events,
    "officials": _read_officials,
    "export": _read_export,
    "targets": _read_targets,
}
