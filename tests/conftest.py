"""Paths shared by the tests; the shared folder is optional (tests that need it skip)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted((REPO / "samples").glob("*.txt"))
# The same programs as users receive them: Word, PDF (made from the Word file), a portal's page.
SAMPLE_FILES = sorted(p for p in (REPO / "samples").iterdir() if p.suffix in {".txt", ".docx", ".pdf", ".html"})
SAMPLE_FILES += sorted((REPO / "samples" / "unruled").glob("*.pdf"))  # a table printed without rulings
GOLD = REPO / "tests" / "gold"
SHARED = REPO.parent / "shared"
# Commands read ~/.config/lichsync/lichsync.toml by default: tests see none unless they give XDG_CONFIG_HOME.
NO_USER_CONFIG = REPO / "tests" / "data" / "no-user-config"


def run_cli(*args: str | Path, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m lichsync` as a user would, with this checkout first on the path (and `env` on top)."""
    env = dict(os.environ, **{"XDG_CONFIG_HOME": str(NO_USER_CONFIG), **(env or {})}, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "lichsync", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
from push_servers import google_emulator, radicale  # noqa: E402,F401  (session servers for the push tests)
