#!/usr/bin/env python3
"""Every hostile input of issue 15, run as a user would run it: its time, peak RSS and the one line it ended with.

    python benchmarks/bench_hostile.py [--repo CHECKOUT] [--only NAME ...]

Each case runs `python -m lichsync …` of CHECKOUT (default: this one) in a child process, capped at
CAP_S seconds and CAP_MB of address space so that the unbounded cases of the old code end too.
The floor of every case is the issue's: ≤ 10 s and ≤ 500 MB, ending with one line. Not a test: it
prints numbers (the reliability tests in tests/test_hostile.py assert the behaviour).
"""
from __future__ import annotations

import argparse
import http.server
import io
import os
import resource
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
FLOOR_S, FLOOR_MB = 10.0, 500.0
CAP_S, CAP_MB = 60.0, 3000
WORK = Path(tempfile.gettempdir()) / "lichsync-hostile"

WEEK = """LỊCH CÔNG TÁC TUẦN

| Thứ | Ngày | Nội dung công việc | Chủ trì |
|---|---|---|---|
| Thứ hai | {day} | Sáng: Họp giao ban | Đ/c Lạc |
| Thứ ba | 15/12 | Sáng: Tiếp công dân | Đ/c Lạc |
"""
MONTH_HEAD = """UBND TỈNH HÀ TĨNH
SỞ LAO ĐỘNG - TBXH

CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2023

| Ngày | Nội dung công việc | Đơn vị chuẩn bị | Người chủ trì |
|---|---|---|---|
"""


def month_program(days: int) -> str:
    return MONTH_HEAD + "".join(f"| {d} | Sáng: Họp giao ban số {d} | Văn phòng | Đ/c Lạc |\n" for d in range(1, days + 1))


# --- inputs --------------------------------------------------------------------------------------

def html_spans(size: int = 62_000) -> Path:
    """A page whose cells all span 500 columns and 500 rows."""
    path = WORK / "spans.html"
    rows = ["<tr><th>Ngày</th><th>Nội dung</th></tr>"]
    while sum(map(len, rows)) < size:
        rows.append('<tr><td colspan="500" rowspan="500">2/10</td><td colspan="500" rowspan="500">Họp</td></tr>')
    path.write_text("<html><body><table>" + "".join(rows) + "</table></body></html>", encoding="utf-8")
    return path


def docx_bomb() -> Path:
    """A 2 MB Word file whose document part unpacks to 2 GiB (the real document, then spaces)."""
    path = WORK / "bomb.docx"
    if path.exists():
        return path
    src = HERE / "samples" / "so-ldtbxh-hatinh-2023-09.docx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, z.read(item.filename))
        with out.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(z.read("word/document.xml"))
            block = b" " * (1 << 20)
            for _ in range(2048):
                part.write(block)
    return path


def pdf_dense(pages: int = 200) -> Path:
    """A small PDF whose pages all show one dense, compressed content stream."""
    path = WORK / "dense.pdf"
    ops = b"BT /F1 4 Tf " + b"".join(b"1 0 0 1 %d %d Tm (x y z w) Tj " % (x * 12, y * 5)
                                      for y in range(160) for x in range(50)) + b"ET"
    stream = zlib.compress(ops, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages)) + b"] /Count %d >>" % pages,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 800] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def text_file(name: str, text: str, encoding: str = "utf-8") -> Path:
    path = WORK / name
    path.write_bytes(text.encode(encoding) if encoding != "cp1258" else cp1258(text))
    return path


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: a letter (â, ơ …) then its tone as a combining mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


# --- servers -------------------------------------------------------------------------------------

class Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Trickle(Quiet):
    """Answers 200, then one byte every 2 s, for ever."""
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(2)
        except OSError:
            pass


class Forbidden(Quiet):
    def do_GET(self) -> None:
        self.send_response(403)
        self.end_headers()

    do_REPORT = do_PUT = do_PROPFIND = do_GET


def start(handler) -> str:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"127.0.0.1:{server.server_address[1]}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def service_account(token_uri: str) -> Path:
    """A service-account key whose token endpoint cannot be reached (no route to Google)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    import json
    path = WORK / "service-account.json"
    path.write_text(json.dumps({"type": "service_account", "client_email": "bench@example.iam.gserviceaccount.com",
                                "private_key": pem, "private_key_id": "1", "token_uri": token_uri,
                                "client_id": "1", "project_id": "bench"}))
    return path


def sync_config(name: str, sources: str, extra: str = "") -> Path:
    folder = WORK / name
    folder.mkdir(exist_ok=True)
    path = folder / "lichsync.toml"
    path.write_text(f"""
[officials.lac]
short_name = "Lạc"
{extra}

[feeds]
dir = "{folder / 'feeds'}"

[logging]
file = "{folder / 'sync.log'}"

{sources}
""", encoding="utf-8")
    return path


# --- running -------------------------------------------------------------------------------------

def run(repo: Path, args: list, stdin=None, env: dict | None = None, cwd: Path | None = None,
        setup=None) -> tuple[float, float, str, int]:
    """(seconds, peak RSS MB, last line, exit status) of `python -m lichsync ARGS` of `repo`."""
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP_MB * 2**20, CAP_MB * 2**20))
        os.setsid()
    full_env = dict(os.environ, PYTHONPATH=str(repo), PYTHONIOENCODING="utf-8", COLUMNS="200", **(env or {}))
    full_env.pop("LICHSYNC_CONFIG", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "lichsync", *map(str, args)], cwd=cwd or WORK, env=full_env,
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limits)
    if setup:
        setup(proc)
    timer = threading.Timer(CAP_S, lambda: os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    out: dict = {}
    readers = [threading.Thread(target=lambda s=s, k=k: out.update({k: s.read()}))
               for k, s in (("err", proc.stderr), ("out", proc.stdout))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    timer.cancel()
    for t in readers:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = out["err"].decode("utf-8", "replace")
    lines = [ln.strip() for ln in (err or out["out"].decode("utf-8", "replace")).splitlines() if ln.strip()]
    if proc.returncode == -signal.SIGKILL and elapsed >= CAP_S - 1:
        last = f"(killed after {CAP_S:.0f} s, still running)"
    else:
        last = lines[-1] if lines else "(nothing printed)"
    traceback = "Traceback" in err or "╰─" in err
    shown = f"[{len([ln for ln in err.splitlines() if ln.strip()])} on stderr{', traceback' if traceback else ''}] {last}"
    return elapsed, usage.ru_maxrss / 1024, shown, proc.returncode


def serve_probe(repo: Path, what: str) -> tuple[float, float, str, int]:
    """Start `serve`, abuse it, and report what a normal client saw."""
    feeds = WORK / "feeds-serve"
    feeds.mkdir(exist_ok=True)
    (feeds / "lac.ics").write_text("BEGIN:VCALENDAR\r\nX-WR-CALNAME:Lạc\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    port = free_port()
    result: dict = {}

    def abuse(proc) -> None:
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        started = time.perf_counter()
        if what == "half-open":
            held = []
            for _ in range(1000):
                try:
                    s = socket.create_connection(("127.0.0.1", port), timeout=2)
                    s.sendall(b"GET /lac.ics HTTP/1.1\r\nHost: x\r\n")  # never ends the headers
                    held.append(s)
                except OSError:
                    break
            asked = time.perf_counter()
            answer = probe(port, "localhost")
            result["s"] = time.perf_counter() - asked
            time.sleep(12)  # past any sane header deadline
            dropped = sum(closed_by_server(s) for s in held)
            result["line"] = f"{len(held)} half-open; a normal GET meanwhile: {answer}; closed by the server " \
                             f"12 s later: {dropped}"
            for s in held:
                s.close()
        else:
            result["line"] = f"Host of 3000 characters: {probe(port, 'h' * 3000, '/')}; " \
                             f"nosniff: {'x-content-type-options: nosniff' in probe(port, 'localhost', '/', headers=True)}"
        result.setdefault("s", time.perf_counter() - started)
        os.killpg(proc.pid, signal.SIGINT)

    elapsed, rss, last, code = run(repo, ["serve", "--dir", feeds, "--port", port], setup=abuse)
    return result.get("s", elapsed), rss, f"{result.get('line', '')} | {last}", code


def closed_by_server(s: socket.socket) -> bool:
    s.settimeout(0.01)
    try:
        return s.recv(1) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def probe(port: int, host: str, path: str = "/lac.ics", headers: bool = False) -> str:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
    except OSError as e:
        return f"no answer ({e})"
    head = data.split(b"\r\n\r\n")[0].decode("latin-1").lower()
    return head if headers else head.split("\r\n")[0]


def busy_port(repo: Path) -> tuple[float, float, str, int]:
    feeds = WORK / "feeds-serve"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        return run(repo, ["serve", "--dir", feeds, "--port", s.getsockname()[1]])


def cases(repo: Path) -> dict:
    """name → a function returning (s, MB, line, status)."""
    WORK.mkdir(exist_ok=True)
    # A Word file cut off halfway (a download that broke off): since the reading pipeline reads "14/13" as a
    # warning on its row, a document no reader can read at all is the bad document of case 1.
    whole = (HERE / "samples" / "weekly" / "daknong-snv-2019w15.docx").read_bytes()
    bad = WORK / "bad-week.docx"
    bad.write_bytes(whole[: len(whole) // 2])
    good = HERE / "samples" / "so-ldtbxh-hatinh-2023-09.txt"
    inbox = WORK / "inbox"
    inbox.mkdir(exist_ok=True)
    (WORK / "w.sqlite3").unlink(missing_ok=True)  # each run starts from no state: what it ends with is its own
    for f in inbox.iterdir():
        f.unlink()
    (inbox / "a-bad-week.docx").write_bytes(bad.read_bytes())
    (inbox / "b-good.txt").write_bytes(good.read_bytes())
    week_sync = sync_config("week-sync", f'[[sources]]\nname = "inbox"\npath = "{inbox}"')

    unreachable = service_account("https://oauth2.no-route.invalid/token")
    google_sync = sync_config("google-sync", f'[[sources]]\nname = "one"\npath = "{good}"',
                              'calendars = { google = "lac@example.org", caldav = "http://127.0.0.1:9/lac/" }\n'
                              f'[targets.google]\ncredentials = "{unreachable}"\nretries = 1\n'
                              '[targets.caldav]\nretries = 1\nusername = "lac"\npassword = "x"')
    nopass = sync_config("nopass", "", '[targets.caldav]\nusername = "lac"')

    trickle = start(Trickle)
    slow_sync = sync_config("slow-sync", f'[[sources]]\nname = "slow"\nurl = "http://{trickle}/p.txt"\ntimeout = 3')

    shrink_dir = WORK / "shrink"
    shrink_dir.mkdir(exist_ok=True)
    shrink_file = shrink_dir / "program.txt"
    shrink_sync = sync_config("shrink-sync", f'[[sources]]\nname = "one"\npath = "{shrink_file}"')
    shrink_state = WORK / "shrink-state.sqlite3"

    def shrink() -> tuple[float, float, str, int]:
        shrink_state.unlink(missing_ok=True)
        shrink_file.write_text(month_program(30), encoding="utf-8")
        run(repo, ["sync", "-c", shrink_sync, "--state", shrink_state, "--quiet"])
        shrink_file.write_text(month_program(10), encoding="utf-8")  # cut to a third
        return run(repo, ["sync", "-c", shrink_sync, "--state", shrink_state, "--quiet"])

    leak_sync = sync_config("leak", '[[sources]]\nname = "secret"\nurl = "http://lac:hunter2secret@127.0.0.1:9/p.txt"')
    leak_state = WORK / "leak-state.sqlite3"

    def leak() -> tuple[float, float, str, int]:
        leak_state.unlink(missing_ok=True)
        (WORK / "leak" / "sync.log").unlink(missing_ok=True)
        s, mb, line, code = run(repo, ["sync", "-c", leak_sync, "--state", leak_state, "-q"])
        log = (WORK / "leak" / "sync.log").read_text(encoding="utf-8", errors="replace")
        places = [n for n, text in (("output", line), ("log", log),
                                    ("state", leak_state.read_bytes().decode("latin-1") if leak_state.exists() else ""))
                  if "hunter2secret" in text]
        mode = oct(leak_state.stat().st_mode & 0o777) if leak_state.exists() else "-"
        return s, mb, f"password seen in: {', '.join(places) or 'nowhere'}; state mode {mode} | {line}", code

    forbidden = start(Forbidden)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        plain_port = s.getsockname()[1]
    plain = start(Quiet)

    def push(calendar: str, config: Path | None = None, env: dict | None = None):
        return lambda: run(repo, ["push", good, "--official", "Lạc", "--to", "caldav", "--calendar", calendar,
                                  "--state", WORK / "push-state.sqlite3",
                                  *(["-c", config] if config else [])], env=env)

    fifo = WORK / "endless.fifo"
    if not fifo.exists():
        os.mkfifo(fifo)

    def pipe() -> tuple[float, float, str, int]:
        writer = subprocess.Popen(["sh", "-c", f"yes 'Thứ hai 2/10 Họp' > {fifo}"], stderr=subprocess.DEVNULL)
        try:
            return run(repo, ["parse", fifo])
        finally:
            writer.kill()
            writer.wait()

    return {
        "1 parse: a cut Word file": lambda: run(repo, ["parse", bad]),
        "1 check: a cut Word file + a good one": lambda: run(repo, ["check", bad, good]),
        "1 sync: a cut Word file in the inbox": lambda: run(repo, ["sync", "-c", week_sync, "--state", WORK / "w.sqlite3", "-q"]),
        "2 sync: no route to Google": lambda: run(repo, ["sync", "-c", google_sync, "--state", WORK / "g.sqlite3", "-q"]),
        "3 push: CalDAV user, no password": push("http://127.0.0.1:9/lac/", nopass,
                                                 env={"LICHSYNC_CALDAV_PASSWORD": ""}),
        "4 HTML colspan/rowspan 500 (62 KB)": lambda: run(repo, ["parse", html_spans()]),
        "4 .docx with a 2 GiB part": lambda: run(repo, ["parse", docx_bomb()]),
        "4 PDF, 200 dense pages": lambda: run(repo, ["parse", pdf_dense()]),
        "4 /dev/zero": lambda: run(repo, ["parse", "/dev/zero"]),
        "4 endless pipe": pipe,
        "4 URL sending a byte every 2 s (timeout 3)": lambda: run(repo, ["sync", "-c", slow_sync, "--state", WORK / "s.sqlite3", "-q"]),
        "5 sync --quiet: program cut to a third": shrink,
        "6 sync: user:pass@ in a source URL": leak,
        "7 serve: 1000 half-open connections": lambda: serve_probe(repo, "half-open"),
        "7 serve: Host of 3000 chars": lambda: serve_probe(repo, "host"),
        "7 serve: busy port": lambda: busy_port(repo),
        "9 push: CalDAV URL without a scheme": push(f"127.0.0.1:{plain_port}/lac/"),
        "9 push: https to a plain-HTTP server": push(f"https://{plain}/lac/"),
        "9 push: CalDAV answers 403": push(f"http://{forbidden}/lac/"),
        "10 UTF-16 with BOM": lambda: run(repo, ["parse", text_file("utf16.txt", month_program(3), "utf-16")]),
        "10 Windows-1258": lambda: run(repo, ["parse", text_file("cp1258.txt", month_program(3), "cp1258")]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=HERE, help="the checkout whose lichsync runs")
    parser.add_argument("--only", nargs="*", default=[], help="run only cases whose name contains one of these")
    args = parser.parse_args()
    print(f"lichsync of {args.repo}; floor per case: ≤ {FLOOR_S:g} s, ≤ {FLOOR_MB:g} MB, one line")
    print(f"{'case':44} {'s':>6} {'MB':>6} {'exit':>4}  ok  last line")
    for name, case in cases(args.repo.resolve()).items():
        if args.only and not any(o in name for o in args.only):
            continue
        s, mb, line, code = case()
        ok = "yes" if s <= FLOOR_S and mb <= FLOOR_MB and ", traceback]" not in line else "no"
        print(f"{name:44} {s:6.1f} {mb:6.0f} {code:>4}  {ok:3} {line[:150]}", flush=True)


if __name__ == "__main__":
    main()
