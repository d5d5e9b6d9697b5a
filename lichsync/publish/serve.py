"""Serving a folder of .ics feeds to calendar apps: an ASGI app (starlette) that uvicorn runs.

Calendar apps poll subscribed feeds every hour or so; a strong ETag (a hash of the bytes) and
Last-Modified let them revalidate with a 304 and no body. Feeds can be private: the tokens file
gives a feed a secret path segment (`/<token>/lac.ics`), and any path that is not exactly a
served feed — a wrong token, a private feed asked for without its token — is a plain 404, so
nobody can tell which feeds exist.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
import secrets
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote

import icalendar
import segno
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from lichsync.errors import ConfigError

TOKENS_FILE = ".tokens.toml"  # a dot file: nginx's config denies those, `serve` never lists them
CALENDAR_TYPE = "text/calendar; charset=utf-8"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_HOST = re.compile(r"(?:[A-Za-z0-9_.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?")  # a name or [IPv6], a port


@dataclass(frozen=True)
class Tokens:
    """Who may read which feed: feed name (file stem) → secret path segment, "" for a public feed.

    Without a tokens file every feed is public. With one, a feed it does not name is not served
    at all (a new official's feed stays private until someone decides), and `index`, when set,
    is the token of a page listing every feed with its secret link (for whoever hands them out).
    """
    feeds: dict[str, str] = field(default_factory=dict)
    index: str | None = None
    enabled: bool = False

    def path_of(self, stem: str) -> str | None:
        """The URL path of a feed, or None when it is not served."""
        if not self.enabled:
            return f"/{stem}.ics"
        token = self.feeds.get(stem)
        if token is None:
            return None
        return f"/{token}/{stem}.ics" if token else f"/{stem}.ics"


def read_tokens(path: Path) -> Tokens:
    """The tokens file: `index = "…"` and a `[feeds]` table of `lac = "…"` (ConfigError when malformed)."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError("", f"not valid TOML: {e}") from None
    for key in doc:
        if key not in ("index", "feeds"):
            raise ConfigError(key, "unknown key (allowed: index, feeds)")
    feeds = doc.get("feeds", {})
    if not isinstance(feeds, dict):
        raise ConfigError("feeds", "expected a table of feed = token")
    for stem, token in [("index", doc.get("index", ""))] + list(feeds.items()):
        where = "index" if stem == "index" and "index" in doc else f"feeds.{stem}"
        if not isinstance(token, str) or (token and not re.fullmatch(r"[A-Za-z0-9_-]{16,}", token)):
            raise ConfigError(where, "a token is 16 or more letters, digits, - or _ (or \"\" for a public feed)")
    index = doc.get("index") or None
    tokens = [t for t in feeds.values() if t] + ([index] if index else [])
    if len(set(tokens)) != len(tokens):
        raise ConfigError("feeds", "two entries share a token: give each feed its own")
    return Tokens(feeds=dict(feeds), index=index, enabled=True)


def new_tokens(feeds_dir: Path, path: Path) -> list[str]:
    """Give every feed of the folder that has no entry a fresh token; returns the feeds added.

    The file is rewritten atomically (temp file + os.replace) and kept private (mode 600)."""
    old = read_tokens(path) if path.exists() else Tokens(enabled=True)
    feeds = dict(old.feeds)
    added = [stem for stem in feed_stems(feeds_dir) if stem not in feeds]
    for stem in added:
        feeds[stem] = secrets.token_urlsafe(18)
    index = old.index or secrets.token_urlsafe(18)
    lines = ["# Secret path segments of the feeds: /<token>/<feed>.ics. \"\" makes a feed public.",
             f'index = "{index}"  # /<index>/ lists every feed with its link and QR code', "", "[feeds]"]
    lines += [f'{stem} = "{token}"' for stem, token in sorted(feeds.items())]
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
    return added


def feed_stems(feeds_dir: Path) -> list[str]:
    return sorted(p.stem for p in feeds_dir.glob("*.ics") if _NAME.fullmatch(p.name) and p.is_file())


def nginx_map(feeds_dir: Path, tokens: Tokens) -> str:
    """The body of an nginx `map $uri …` block: every served URL path → its file (see contrib/nginx-feeds.conf).

    nginx then serves exactly the paths `lichsync serve` would, and 404s everything else."""
    lines = ["# made by `lichsync serve --nginx-map`: URL path → feed file; make it again after new tokens"]
    for stem in feed_stems(feeds_dir):
        path = tokens.path_of(stem)
        if path:
            lines.append(f'"{path}" "{stem}.ics";')
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Feed:
    stem: str
    path: Path
    etag: str
    last_modified: float
    title: str
    role: str = ""  # X-WR-CALDESC: whose calendar ("TUV, BTĐU, GĐ")
    events: tuple[tuple[datetime | date, str], ...] = ()  # (start, summary), by start, for the page


def _feed_details(data: bytes) -> tuple[str, tuple[tuple[datetime | date, str], ...]]:
    """The role and the events of a feed, for its card (icalendar; once per file version)."""
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError:
        return "", ()
    events = [(ve.decoded("DTSTART"), str(ve.get("SUMMARY", ""))) for ve in cal.walk("VEVENT") if ve.get("DTSTART")]
    return str(cal.get("X-WR-CALDESC", "")), tuple(sorted(events, key=lambda e: _sort_key(e[0])))


def _sort_key(t: datetime | date) -> datetime:
    return t.replace(tzinfo=None) if isinstance(t, datetime) else datetime.combine(t, datetime.min.time())


class FeedFolder:
    """The .ics files of a folder, with ETags computed once per file version (mtime, size)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._seen: dict[str, tuple[tuple[int, int], Feed]] = {}

    def get(self, stem: str) -> Feed | None:
        path = self.directory / f"{stem}.ics"
        try:
            st = path.stat()
        except OSError:
            return None
        version = (st.st_mtime_ns, st.st_size)
        cached = self._seen.get(stem)
        if cached and cached[0] == version:
            return cached[1]
        data = path.read_bytes()
        feed = Feed(stem, path, f'"{hashlib.sha256(data).hexdigest()[:32]}"', st.st_mtime, _calendar_name(data) or stem,
                    *_feed_details(data))
        self._seen[stem] = (version, feed)
        return feed

    def all(self) -> list[Feed]:
        return [f for f in (self.get(stem) for stem in feed_stems(self.directory)) if f]


def _calendar_name(data: bytes) -> str | None:
    """X-WR-CALNAME of a feed (the writer puts it in the calendar's header), unfolded."""
    head = data[:4096].decode("utf-8", "replace").replace("\r\n ", "").replace("\n ", "")
    m = re.search(r"^X-WR-CALNAME:(.*?)\r?$", head, re.M)
    return m[1].replace("\\,", ",").replace("\\;", ";").strip() if m else None


def not_modified(request: Request, etag: str, last_modified: float) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present; else If-Modified-Since (whole seconds)."""
    inm = request.headers.get("if-none-match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return "*" in tags or etag in tags
    ims = request.headers.get("if-modified-since")
    if ims:
        try:
            return int(last_modified) <= parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def create_app(feeds_dir: Path, tokens: Tokens | None = None, base_url: str | None = None,
               now: datetime | None = None) -> Starlette:
    """The feed server: `/` and `/<token>/` index pages, `/<feed>.ics` and `/<token>/<feed>.ics`.
    `base_url` is the address phones reach the feeds at (the page's links and QR codes); `now` fixes the
    day the page's "next events" start from (tests and screenshots), else it is the current time."""
    folder = FeedFolder(Path(feeds_dir))
    tokens = tokens or Tokens()

    def served(feed_path: str) -> Feed | None:
        """The feed at this URL path, if that path is exactly where the feed is served."""
        token, _, name = feed_path.rpartition("/")
        if not name.endswith(".ics") or not _NAME.fullmatch(name):
            return None
        stem = name[:-4]
        expected = tokens.path_of(stem)
        asked = f"/{token}/{name}" if token else f"/{name}"
        if expected is None or not secrets.compare_digest(expected.encode(), asked.encode()):
            return None
        return folder.get(stem)

    async def feed(request: Request) -> Response:
        found = served(request.url.path.lstrip("/"))
        if found is None:
            return _not_found()
        headers = {
            "ETag": found.etag,
            "Last-Modified": formatdate(found.last_modified, usegmt=True),
            "Cache-Control": "no-cache",  # always revalidate: a revised program must show by morning
            "X-Robots-Tag": "noindex",
        }
        if not_modified(request, found.etag, found.last_modified):
            return Response(status_code=304, headers=headers)
        headers["Content-Disposition"] = f'inline; filename="{found.stem}.ics"'
        # uvicorn sends no body for HEAD, with the headers of GET
        return Response(found.path.read_bytes(), headers=headers, media_type=CALENDAR_TYPE)

    async def index(request: Request) -> Response:
        token = request.path_params.get("token", "").encode()
        if not token:  # the public page: public feeds only
            stems = [f.stem for f in folder.all() if tokens.path_of(f.stem) == f"/{f.stem}.ics"]
        elif tokens.index and secrets.compare_digest(token, tokens.index.encode()):
            stems = [f.stem for f in folder.all() if tokens.path_of(f.stem)]
        else:  # a feed's own token: that feed's page, to scan its QR code from a phone
            stems = [s for s, t in tokens.feeds.items() if t and secrets.compare_digest(t.encode(), token)]
            if not stems:
                return _not_found()
        feeds = [f for f in (folder.get(s) for s in stems) if f]
        if not base_url and not _HOST.fullmatch(request.url.netloc):  # the page's links and QR codes are made of it
            return PlainTextResponse("Bad Request: Host", status_code=400)
        base = base_url or f"{request.url.scheme}://{request.url.netloc}"
        return HTMLResponse(index_page(feeds, tokens, base, reachable=bool(base_url) or not _loopback(request.url.hostname), now=now),
                            headers={"Cache-Control": "no-store"})

    return Starlette(routes=[
        Route("/", index, methods=["GET", "HEAD"]),
        Route("/{token}/", index, methods=["GET", "HEAD"]),
        Route("/{path:path}", feed, methods=["GET", "HEAD"]),
    ], middleware=[Middleware(NoSniff)])


class NoSniff:
    """Every answer says `X-Content-Type-Options: nosniff`: a feed is never run as a page."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def send_with_header(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]
            await send(message)
        await self.app(scope, receive, send_with_header)


def _not_found() -> Response:
    return PlainTextResponse("Not Found", status_code=404)


def _loopback(host: str | None) -> bool:
    return host in ("localhost", "::1") or (host or "").startswith("127.")


STEPS = """<details class="steps"><summary>Cách đăng ký trên điện thoại và máy tính</summary><ul>
<li><b>iPhone:</b> bấm “Đăng ký lịch” (hoặc quét mã QR bằng Camera) → “Đăng ký” → “Thêm”. Lịch hiện trong ứng dụng Lịch.</li>
<li><b>Android:</b> bấm “Thêm vào Google Lịch” và đăng nhập tài khoản Google; lịch hiện trong ứng dụng Google Lịch sau vài phút
(nếu không thấy: Google Lịch → Cài đặt → bật đồng bộ lịch mới).</li>
<li><b>Outlook:</b> Lịch → Thêm lịch → Đăng ký từ web (Subscribe from web) → dán địa chỉ https bên dưới → Nhập.</li>
</ul></details>"""


def index_page(feeds: list[Feed], tokens: Tokens, base: str, reachable: bool = True,
               now: datetime | None = None, upcoming: int = 3) -> str:
    """One card per feed: name, role, the next few events, when it last changed, a webcal:// link, a Google
    Calendar "add by URL" link and a QR code (quiet zone of 4 modules, as ISO/IEC 18004 asks). Opened as
    127.0.0.1 without a base URL, the page shows no QR code: a phone could not reach that address."""
    now = now or datetime.now()
    host = base.split("://", 1)[-1].rstrip("/")
    cards = []
    for f in feeds:
        path = tokens.path_of(f.stem)
        if path is None:  # not served: no card
            continue
        https = f"{base.rstrip('/')}{path}"
        webcal = f"webcal://{host}{path}"
        google = "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")
        qr = (f'<img class="qr" src="{segno.make(webcal, error="m").svg_data_uri(scale=4, border=4)}" '
              f'alt="Mã QR: {html.escape(webcal)}" width="232" height="232">' if reachable else "")
        soon = [(t, s) for t, s in f.events if _sort_key(t) >= now.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)][:upcoming]
        items = "".join(f"<li><time>{_when(t)}</time> {html.escape(s)}</li>" for t, s in soon) or "<li>Chưa có lịch sắp tới.</li>"
        changed = datetime.fromtimestamp(f.last_modified).strftime("%H:%M %d/%m/%Y")
        cards.append(
            f'<li class="feed"><h2>{html.escape(f.title)}</h2>'
            + (f'<p class="role">{html.escape(f.role)}</p>' if f.role else "")
            + f'<ul class="next">{items}</ul><p class="changed">Cập nhật lần cuối: {changed}</p>'
            f'<a class="subscribe" href="{html.escape(webcal)}">Đăng ký lịch (iPhone, Outlook)</a>'
            f'<a class="google" href="{html.escape(google)}">Thêm vào Google Lịch (Android)</a>{qr}'
            f'<p class="url"><code>{html.escape(https)}</code></p></li>')
    body = "\n".join(cards) or "<p>Không có lịch công khai. (No public feeds.)</p>"
    notice = "" if reachable else (
        '<p class="notice">Trang này đang mở bằng địa chỉ nội bộ của máy chủ (127.0.0.1): điện thoại không mở được '
        'địa chỉ đó nên mã QR không hiện. Chạy <code>lichsync serve --base-url https://lich.example.gov.vn</code> '
        '(địa chỉ mọi người truy cập) hoặc mở trang bằng địa chỉ ấy.</p>')
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lịch công tác</title>
<style>body{{font-family:system-ui,sans-serif;margin:1rem;max-width:72rem}} ul.feeds{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}}
li.feed{{border:1px solid #ccc;border-radius:8px;padding:1rem;width:100%;max-width:20rem;box-sizing:border-box}}
h2{{font-size:1.1rem;margin:.2rem 0}} .role{{color:#555;margin:.2rem 0}} ul.next{{padding-left:1rem;font-size:.9rem}}
.changed{{font-size:.8rem;color:#555}} a.subscribe,a.google{{display:block;margin:.4rem 0;padding:.6rem;border-radius:6px;
text-align:center;text-decoration:none;color:#fff;background:#1a5fb4}} a.google{{background:#2b8a3e}}
img.qr{{display:block;margin:.5rem auto}} code{{font-size:.7rem;word-break:break-all}} .notice{{background:#fff3cd;padding:.6rem;border-radius:6px}}</style></head>
<body><h1>Lịch công tác</h1>
<p>Quét mã QR bằng camera điện thoại, hoặc bấm nút để theo dõi lịch; lịch tự cập nhật khi văn bản thay đổi.</p>
{notice}{STEPS}
<ul class="feeds">
{body}
</ul></body></html>
"""


def _when(t: datetime | date) -> str:
    return f"{t:%H:%M %d/%m}" if isinstance(t, datetime) else f"{t:%d/%m}"
