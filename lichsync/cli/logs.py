"""Logging of unattended runs: warnings and errors on stderr (what cron mails), everything at the
configured level in a dated log file when `[logging] file` is set; `--verbose` shows it all on stderr."""
from __future__ import annotations

import logging
import logging.handlers

from lichsync.settings import LogSettings

log = logging.getLogger("lichsync")


def setup(settings: LogSettings, verbose: bool = False) -> None:
    """Route the `lichsync` logger: stderr at WARNING (INFO when verbose), the file at its level."""
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    log.propagate = False
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.INFO if verbose else logging.WARNING)
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
