"""Servers the push tests write to: a real Radicale (the CalDAV server users run) and the Google
Calendar emulator (tests/google_emulator.py, the only test double). Each starts once per session."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import caldav
import pytest

from google_emulator import GoogleCalendarEmulator

USER, PASSWORD = "lac", "mật-khẩu"


class Radicale:
    def __init__(self, root: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        (root / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "radicale", f"--storage-filesystem-folder={root / 'collections'}",
             "--auth-type=htpasswd", f"--auth-htpasswd-filename={root / 'users'}",
             "--auth-htpasswd-encryption=plain", "--auth-delay=0.1", f"--server-hosts=127.0.0.1:{self.port}",
             "--logging-level=error"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.client = caldav.DAVClient(url=self.url, username=USER, password=PASSWORD,
                                       require_tls=False, enable_rfc6764=False)
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("Radicale did not start")
                time.sleep(0.05)

    def new_calendar(self) -> str:
        url = f"{self.url}{USER}/{uuid.uuid4().hex[:12]}/"
        assert self.client.request(url, "MKCALENDAR", "").status == 201
        return url

    def put_raw(self, url: str, ics: str) -> None:
        """An event a person made in their calendar app."""
        r = self.client.request(url, "PUT", ics, {"Content-Type": "text/calendar; charset=utf-8"})
        assert r.status in (201, 204)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def radicale(tmp_path_factory):
    server = Radicale(tmp_path_factory.mktemp("radicale"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def google_emulator():
    emulator = GoogleCalendarEmulator().start()
    yield emulator
    emulator.stop()
