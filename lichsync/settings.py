"""The configuration sections of unattended runs: `[[sources]]`, `[feeds]`, `[logging]`, `[lock]`, `[desk]`.

Read from the already-decoded TOML document (`parse_sync_settings(doc, base)`), so the main
config loader can hand these sections over as they are; every error is a ConfigError naming the
TOML key path ("sources[2].url: …"). Relative paths are relative to the config file's folder, so
a crontab line works from any working directory.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lichsync.errors import ConfigError

LEVELS = ("debug", "info", "warning", "error")
SECTIONS = ("sources", "feeds", "logging", "lock", "guard", "desk")  # top-level keys of the config that are read here


@dataclass(frozen=True)
class Source:
    """Where programs come from: files (a file, a folder, a glob) or one URL."""
    name: str  # how messages name it: its `name`, else its path or URL
    path: Path | None = None  # absolute; may hold a glob pattern ("programs/*.txt")
    url: str | None = None
    organization: str | None = None  # the issuing body, for documents whose heading does not say
    timeout: float = 30.0  # seconds, for a URL


@dataclass(frozen=True)
class FeedSettings:
    dir: Path | None = None  # where sync writes a feed per official (as `export --all -d`)
    tokens: Path | None = None  # secret links per feed, for `serve` (default: DIR/.tokens.toml)


@dataclass(frozen=True)
class LogSettings:
    file: Path | None = None  # a log file (appended; reopened when logrotate moves it)
    level: str = "info"

    @property
    def level_number(self) -> int:
        return logging.getLevelName(self.level.upper())


@dataclass(frozen=True)
class LockSettings:
    timeout: float = 10.0  # seconds a second sync waits for the running one before giving up


@dataclass(frozen=True)
class GuardSettings:
    """What a sync may lose before a person confirms it (`sync --force`)."""
    max_loss: float = 0.5  # the share of a document's events a new copy may drop


@dataclass(frozen=True)
class DeskSettings:
    """The office's desk in `serve`: on when a password is set (here hashed, or LICHSYNC_DESK_PASSWORD)."""
    password_hash: str | None = None  # `lichsync serve --hash-password` makes one
    uploads: Path | None = None  # where uploaded programs are kept; sync reads this folder as one more source
    secure_cookies: bool = True  # false only for a desk reached over plain http (a test, a LAN without TLS)


DESK_SOURCE = "desk uploads"


@dataclass(frozen=True)
class SyncSettings:
    sources: tuple[Source, ...] = ()
    feeds: FeedSettings = FeedSettings()
    logging: LogSettings = LogSettings()
    lock: LockSettings = field(default_factory=LockSettings)
    desk: DeskSettings = DeskSettings()
    guard: GuardSettings = GuardSettings()


def parse_sync_settings(doc: dict[str, Any], base: Path) -> SyncSettings:
    """The SECTIONS of a decoded config document; `base` is the config file's folder."""
    desk = parse_desk(doc.get("desk", {}), base)
    uploads = (Source(DESK_SOURCE, path=desk.uploads),) if desk.uploads else ()
    return SyncSettings(
        sources=parse_sources(doc.get("sources", []), base) + uploads,
        feeds=parse_feeds(doc.get("feeds", {}), base),
        logging=parse_logging(doc.get("logging", {}), base),
        lock=parse_lock(doc.get("lock", {})),
        desk=desk,
        guard=parse_guard(doc.get("guard", {})),
    )


def parse_sources(value: Any, base: Path, where: str = "sources") -> tuple[Source, ...]:
    if not isinstance(value, list):
        raise ConfigError(where, "expected an array of tables ([[sources]] with path = … or url = …)")
    sources = []
    for i, entry in enumerate(value):
        at = f"{where}[{i}]"
        _known(entry, at, ("name", "path", "url", "organization", "timeout"))
        if ("path" in entry) == ("url" in entry):
            raise ConfigError(at, "give either path = \"folder, file or glob\" or url = \"https://…\"")
        url = path = None
        if "url" in entry:
            url = _str(entry["url"], f"{at}.url")
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(f"{at}.url", f'"{url}" is not an http:// or https:// address')
        else:
            path = base / Path(_str(entry["path"], f"{at}.path")).expanduser()
        sources.append(Source(
            name=_str(entry["name"], f"{at}.name") if "name" in entry else (url or str(entry["path"])),
            path=path,
            url=url,
            organization=_str(entry["organization"], f"{at}.organization") if "organization" in entry else None,
            timeout=_seconds(entry.get("timeout", 30), f"{at}.timeout"),
        ))
    return tuple(sources)


def parse_feeds(value: Any, base: Path, where: str = "feeds") -> FeedSettings:
    _known(value, where, ("dir", "tokens"))
    return FeedSettings(
        dir=base / Path(_str(value["dir"], f"{where}.dir")).expanduser() if "dir" in value else None,
        tokens=base / Path(_str(value["tokens"], f"{where}.tokens")).expanduser() if "tokens" in value else None,
    )


def parse_logging(value: Any, base: Path, where: str = "logging") -> LogSettings:
    _known(value, where, ("file", "level"))
    level = value.get("level", "info")
    if not isinstance(level, str) or level.lower() not in LEVELS:
        raise ConfigError(f"{where}.level", f"{level!r} is not one of: {', '.join(LEVELS)}")
    file = base / Path(_str(value["file"], f"{where}.file")).expanduser() if "file" in value else None
    return LogSettings(file=file, level=level.lower())


def parse_lock(value: Any, where: str = "lock") -> LockSettings:
    _known(value, where, ("timeout",))
    return LockSettings(timeout=_seconds(value.get("timeout", 10), f"{where}.timeout"))


def parse_desk(value: Any, base: Path, where: str = "desk") -> DeskSettings:
    _known(value, where, ("password_hash", "uploads", "secure_cookies"))
    secure = value.get("secure_cookies", True)
    if not isinstance(secure, bool):
        raise ConfigError(f"{where}.secure_cookies", "expected true or false")
    return DeskSettings(
        password_hash=_str(value["password_hash"], f"{where}.password_hash") if "password_hash" in value else None,
        uploads=base / Path(_str(value["uploads"], f"{where}.uploads")).expanduser() if "uploads" in value else None,
        secure_cookies=secure,
    )


def parse_guard(value: Any, where: str = "guard") -> GuardSettings:
    _known(value, where, ("max_loss",))
    loss = value.get("max_loss", GuardSettings.max_loss)
    if isinstance(loss, bool) or not isinstance(loss, (int, float)) or not 0 <= loss <= 1:
        raise ConfigError(f"{where}.max_loss", f"expected a share from 0 to 1 (0.5: half the events), got {loss!r}")
    return GuardSettings(max_loss=float(loss))


def _known(table: Any, where: str, allowed: tuple[str, ...]) -> None:
    if not isinstance(table, dict):
        raise ConfigError(where, "expected a table")
    for key in table:
        if key not in allowed:
            raise ConfigError(f"{where}.{key}", f"unknown key (allowed here: {', '.join(allowed)})")


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(where, "expected a non-empty string")
    return value.strip()


def _seconds(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 3600:
        raise ConfigError(where, f"expected a number of seconds from 0 to 3600, got {value!r}")
    return float(value)
