"""Paths shared by the tests; the shared folder is optional (tests that need it skip)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted((REPO / "samples").glob("*.txt"))
GOLD = REPO / "tests" / "gold"
SHARED = REPO.parent / "shared"


def run_cli(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run `python -m lichsync` as a user would, with this checkout first on the path."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "lichsync", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
from push_servers import google_emulator, radicale  # noqa: E402,F401  (session servers for the push tests)
