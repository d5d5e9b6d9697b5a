"""Logging of unattended runs: stderr for people (silent with --quiet, so cron mails only trouble),
and a log file with timestamps when `[logging] file` is set."""
from __future__ import annotations

import logging
import logging.handlers

from lichsync.settings import LogSettings

log = logging.getLogger("lichsync")


def setup(settings: LogSettings, quiet: bool = False) -> None:
    """Route the `lichsync` logger: stderr at INFO (WARNING with --quiet), the file at its level."""
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    log.propagate = False
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING if quiet else logging.INFO)
    stderr.setFormatter(logging.Formatter("lichsync: %(message)s"))
    log.addHandler(stderr)
    levels = [stderr.level]
    if settings.file:
        settings.file.parent.mkdir(parents=True, exist_ok=True)
        file = logging.handlers.WatchedFileHandler(settings.file, encoding="utf-8")  # follows logrotate
        file.setLevel(settings.level_number)
        file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(file)
        levels.append(file.level)
    log.setLevel(min(levels))
