"""Secrets stay secret: credentials in URLs are masked wherever lichsync prints, logs or stores a URL,
and the files that hold secrets (state, log, tokens) are readable by their owner only."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s:@]*):[^/\s@]*@")


def redact(text: str) -> str:
    """`https://lac:secret@dav.example.org/…` → `https://lac:***@dav.example.org/…`, anywhere in a text."""
    return _USERINFO.sub(r"\1\2:***@", text)


def private_file(path: Path) -> None:
    """Make `path` exist with mode 0600 (created so from the start; tightened if it was wider)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(0o600)


def readable_by_others(path: Path) -> bool:
    try:
        return bool(stat.S_IMODE(path.stat().st_mode) & 0o044)
    except OSError:
        return False
