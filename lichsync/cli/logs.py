"""Logging of unattended runs: warnings and errors on stderr (what cron mails), everything at the
configured level in a dated log file when `[logging] file` is set; `--verbose` shows it all on stderr."""
from __future__ import annotations

import logging
import logging.handlers

from lichsync.privacy import private_file, redact
from lichsync.settings import LogSettings

log = logging.getLogger("lichsync")


def setup(settings: LogSettings, verbose: bool = False) -> None:
    """Route the `lichsync` logger: stderr at WARNING (INFO when verbose), the file at its level."""
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    log.propagate = False
    log.filters = [Redact()]
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.INFO if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("lichsync: %(message)s"))
    log.addHandler(stderr)
    levels = [stderr.level]
    if settings.file:
        private_file(settings.file)  # it names sources and calendars: the owner's to read
        file = logging.handlers.WatchedFileHandler(settings.file, encoding="utf-8")  # follows logrotate
        file.setLevel(settings.level_number)
        file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(file)
        levels.append(file.level)
    log.setLevel(min(levels))


class Redact(logging.Filter):
    """No password of a URL reaches stderr (cron's mail) or the log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        return True
