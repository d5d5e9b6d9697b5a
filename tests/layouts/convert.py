"""Word → PDF through LibreOffice, HTML → PDF through headless Chromium, cached by content hash.

Both converters are slow (seconds a file), so each PDF is kept under the cache directory as
<sha256 of the source's content>.pdf and made once. LibreOffice converts all pending Word files
in one process, with a profile of its own so it never meets another running soffice.
"""
from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TOOLS = {"soffice": ("soffice", "libreoffice"), "chromium": ("chromium", "chromium-browser", "google-chrome")}


def tool_path(tool: str) -> str | None:
    return next(filter(None, (shutil.which(n) for n in TOOLS[tool])), None)


def content_key(tool: str, data: bytes) -> str:
    """A Word file's zip carries save times, so it is keyed by its members' contents, not its bytes."""
    h = hashlib.sha256(tool.encode())
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in sorted(z.namelist()):
                if not name.startswith("docProps/"):
                    h.update(name.encode() + b"\0" + z.read(name))
    else:
        h.update(data)
    return h.hexdigest()


def convert_all(jobs: list[tuple[str, bytes]], cache: Path) -> list[Path | None]:
    """The PDF of each (tool, source) job, from the cache or made now; None where the tool is missing
    or failed on that file."""
    cache.mkdir(parents=True, exist_ok=True)
    keys = [content_key(tool, data) for tool, data in jobs]
    pending: dict[str, list[tuple[str, bytes]]] = {}
    for (tool, data), key in zip(jobs, keys):
        if not (cache / f"{key}.pdf").is_file() and tool_path(tool):
            pending.setdefault(tool, [])
            if key not in {k for k, _ in pending[tool]}:
                pending[tool].append((key, data))
    if pending.get("soffice"):
        _soffice(pending["soffice"], cache)
    if pending.get("chromium"):
        _chromium(pending["chromium"], cache)
    return [cache / f"{k}.pdf" if (cache / f"{k}.pdf").is_file() else None for k in keys]


def _soffice(files: list[tuple[str, bytes]], cache: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="layouts-lo-") as tmp:
        work = Path(tmp)
        for key, data in files:
            (work / f"{key}.docx").write_bytes(data)
        subprocess.run(
            [tool_path("soffice"), f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work), *[str(work / f"{k}.docx") for k, _ in files]],
            capture_output=True, timeout=60 + 10 * len(files), check=False,
        )
        for key, _ in files:
            if (work / f"{key}.pdf").is_file():
                shutil.move(work / f"{key}.pdf", cache / f"{key}.pdf")


def _chromium(files: list[tuple[str, bytes]], cache: Path) -> None:
    def one(job: tuple[str, bytes]) -> None:
        key, data = job
        with tempfile.TemporaryDirectory(prefix="layouts-chrome-") as tmp:
            work = Path(tmp)
            (work / "page.html").write_bytes(data)
            out = work / "page.pdf"
            subprocess.run(
                [tool_path("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={work}/profile",
                 "--no-pdf-header-footer", f"--print-to-pdf={out}", (work / "page.html").as_uri()],
                capture_output=True, timeout=120, check=False,
            )
            if out.is_file() and out.stat().st_size:
                shutil.move(out, cache / f"{key}.pdf")

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(one, files))
