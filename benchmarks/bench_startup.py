"""Start-up cost of the command: `lichsync --help` against importing what it cannot do without (typer + rich).

Each command loads its readers, targets and web stack when it runs, so `--help` (and `parse`) should
cost little more than the CLI libraries themselves. Prints each median beside its floors, measured in
the same run (all include Python's own start): `import typer, rich`, and the `--help` of a two-command
typer app (typer renders help with rich, which costs as much again). Target: `lichsync --help` within
1.5× of the two-command app's, and none of the heavy libraries loaded.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("icalendar", "starlette", "uvicorn", "httpx", "segno", "pdfplumber", "docx", "caldav", "googleapiclient",
         "filelock", "lxml")


def median_seconds(args: list[str], runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heavy_modules_loaded_by_help() -> list[str]:
    code = ("import sys\nfrom lichsync.cli.app import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(REPO)),
                         capture_output=True, text=True, check=True).stdout
    return out.split("\n")[-2].split() if out.strip() else []


MINIMAL_APP = """
import typer
app = typer.Typer()
@app.command()
def one(name: str = "x"): pass
@app.command()
def two(): pass
app()
"""


def main(runs: int = 9) -> int:
    imports = median_seconds(["-c", "import typer, rich.console, rich.table"], runs)
    minimal = median_seconds(["-c", MINIMAL_APP, "--help"], runs)
    help_ = median_seconds(["-m", "lichsync", "--help"], runs)
    heavy = heavy_modules_loaded_by_help()
    print(f"import typer + rich:        {imports * 1000:6.0f} ms; lichsync --help is {help_ / imports:.2f}× this")
    print(f"a two-command typer --help: {minimal * 1000:6.0f} ms (the floor)")
    print(f"lichsync --help:            {help_ * 1000:6.0f} ms = {help_ / minimal:.2f}× the floor (target ≤ 1.5×)")
    print(f"heavy modules --help loads: {', '.join(heavy) or 'none'} (target: none)")
    return 0 if help_ / minimal <= 1.5 and not heavy else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 9))
