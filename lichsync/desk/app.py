"""The office's desk: sign in, upload or open a program, review and correct it, publish (starlette + Jinja2).

Mounted by `lichsync serve` at /desk beside the feeds, whose URLs stay as they are. Server-rendered
pages with a little plain JavaScript (the upload's progress); every form carries the session's
CSRF token; the session cookie is signed, SameSite=strict, Secure unless the config says the desk
is reached over plain http. Uploads land in `[desk] uploads`, a folder `sync` reads as a source,
so a nightly run publishes exactly what the desk showed.
"""
from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import segno
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from lichsync.calendar.directory import Directory
from lichsync.config import Config
from lichsync.desk import auth, review
from lichsync.desk.store import CorrectionStore
from lichsync.errors import InputError
from lichsync.parse import corrections as fix
from lichsync.parse.corrections import Anchor, Corrected, Correction, Origin, document_key
from lichsync.parse.document import Document
from lichsync.parse.model import Event, Program
from lichsync.parse.program import read_program
from lichsync.publish.serve import STEPS, Tokens, _loopback
from lichsync.read.pipeline import Limits, extract
from lichsync.settings import SyncSettings

HERE = Path(__file__).parent
FETCHED = "fetched"  # the name under which the newest fetched document is opened
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
EDITABLE = ("date", "start_time", "session", "title", "officials", "location")


@dataclass
class Desk:
    """What the desk works with: the configuration `serve` was given, and where things are kept."""
    config: Config
    settings: SyncSettings
    raw: bytes  # the config file's bytes (sync's fingerprint)
    state_path: Path
    password_hash: str
    tokens: Tokens = field(default_factory=Tokens)
    base_url: str | None = None
    _read: dict[tuple[str, str], tuple[Document, Program]] = field(default_factory=dict)

    @property
    def uploads(self) -> Path:
        uploads = self.settings.desk.uploads
        assert uploads is not None  # load_desk refuses a config without one
        return uploads

    def open(self, name: str) -> tuple[str, bytes]:
        """(origin, bytes) of an uploaded file, or of the newest fetched document."""
        if name == FETCHED:
            with CorrectionStore(self.state_path) as store:
                found = store.newest_fetched()
            if found is None:
                raise InputError(FETCHED, "no source has fetched a document yet (run `lichsync sync` once)")
            return found
        path = self.uploads / name
        if _SAFE.search(name) or name.startswith(".") or not path.is_file():  # only the folder's own files
            raise InputError(name, "no such uploaded document")
        return str(path.resolve()), path.read_bytes()

    def read(self, name: str) -> tuple[str, Document, Program]:
        """The document and what the parser read of it, once per version of its bytes (OCR is slow)."""
        origin, data = self.open(name)
        key = (origin, hashlib.sha256(data).hexdigest())
        if key not in self._read:
            doc = extract(data, origin, Limits.from_env())
            self._read[key] = doc, read_program(doc, origin, None, None)
        return (origin, *self._read[key])

    def key(self, program: Program) -> str:
        return document_key(program, self.config.organization.name)


def create_desk(desk: Desk) -> Starlette:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["steps"] = STEPS
    desk.uploads.mkdir(parents=True, exist_ok=True)
    with CorrectionStore(desk.state_path) as store:
        secret = store.secret()

    def page(request: Request, template: str, status: int = 200, **context) -> Response:
        context |= {"csrf": auth.csrf_token(request.session), "signed_in": bool(request.session.get("in"))}
        return templates.TemplateResponse(request, template, context, status_code=status,
                                          headers={"Cache-Control": "no-store"})

    def guarded(handler: Callable) -> Callable:
        """Signed-in clerks only; every POST must repeat the session's CSRF token."""
        async def wrapped(request: Request) -> Response:
            if not request.session.get("in"):
                return RedirectResponse("/desk/login", status_code=303)
            if request.method == "POST":
                form = await request.form(max_part_size=Limits.from_env().max_bytes)
                if not auth.csrf_ok(request.session, form.get("csrf")):
                    return Response("CSRF token missing or wrong: reload the page", status_code=403)
                return await handler(request, form)
            return await handler(request)
        return wrapped

    async def login(request: Request) -> Response:
        if request.method == "GET":
            return page(request, "login.html")
        form = await request.form()
        if not auth.csrf_ok(request.session, form.get("csrf")):
            return page(request, "login.html", 403, error="Phiên đã hết hạn: hãy thử lại.")
        ok = await asyncio.to_thread(auth.verify_password, str(form.get("password", "")), desk.password_hash)
        if not ok:
            await asyncio.sleep(0.5)  # slows guessing
            return page(request, "login.html", 401, error="Sai mật khẩu.")
        request.session.clear()  # a fresh session (and CSRF token) after sign-in
        request.session["in"] = True
        return RedirectResponse("/desk/", status_code=303)

    async def logout(request: Request, form=None) -> Response:
        request.session.clear()
        return RedirectResponse("/desk/login", status_code=303)

    async def home(request: Request) -> Response:
        files = sorted(desk.uploads.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        return page(request, "home.html", uploads=[p.name for p in files if p.is_file() and not p.name.startswith(".")])

    async def upload(request: Request, form) -> Response:
        file, text = form.get("file"), str(form.get("text") or "").strip()
        if isinstance(file, UploadFile) and file.filename:
            data, name = await file.read(), file.filename
        elif text:
            data, name = text.encode("utf-8"), "dan-van-ban.txt"
        else:
            return page(request, "home.html", 400, uploads=[], error="Chọn một tệp hoặc dán nội dung văn bản.")
        name = f"{datetime.now():%Y%m%d-%H%M%S}-{_SAFE.sub('-', Path(name).name)[-80:]}"
        path = desk.uploads / name
        path.write_bytes(data)
        try:
            await asyncio.to_thread(desk.read, name)
        except InputError as e:
            path.unlink()
            return page(request, "home.html", 400, uploads=[], error=f"{e.problem}")
        return RedirectResponse(f"/desk/doc/{name}", status_code=303)

    async def document(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            origin, doc, program = await asyncio.to_thread(desk.read, name)
        except InputError as e:
            return page(request, "home.html", 404, uploads=[], error=e.problem)
        with CorrectionStore(desk.state_path) as store:
            corrected = fix.apply(program, store.of(desk.key(program)))
        view = request.query_params.get("view", "list")
        official = request.query_params.get("official", "")
        people = Directory(desk.config, [corrected.program])
        rows = review.rows(doc, corrected)
        if official:
            rows = [r for r in rows if official in people.resolve(r.event.officials, r.event.titles, corrected.program)]
        period = corrected.program.period
        by_day: dict[date, list] = {}
        for r in rows:
            by_day.setdefault(r.event.date, []).append(r)
        return page(request, "review.html", name=name, origin=origin, program=corrected.program, rows=rows,
                    reviews=corrected.reviews, view=view, official=official, officials=people.officials,
                    layout=doc.layout, days=review.grid_days([r.event for r in rows], period.month, period.year, view),
                    by_day=by_day, weekdays=review.WEEKDAYS, month=period.month,
                    organization=desk.config.organization.name)

    async def correct(request: Request, form) -> Response:
        name = request.path_params["name"]
        _, doc, program = await asyncio.to_thread(desk.read, name)
        with CorrectionStore(desk.state_path) as store:
            key = desk.key(program)
            corrected = fix.apply(program, store.of(key))
            try:
                where = store_correction(store, key, program, corrected, form)
            except (ValueError, IndexError, KeyError) as e:
                return Response(f"Không sửa được: {e}", status_code=400)
        return RedirectResponse(f"/desk/doc/{name}?view=list{where}", status_code=303)

    async def publish(request: Request, form=None) -> Response:
        from lichsync.desk.publish import run

        dry_run = request.method == "GET"
        outcome = await asyncio.to_thread(run, desk, dry_run)
        return page(request, "publish.html", outcome=outcome, dry_run=dry_run)

    async def official_page(request: Request) -> Response:
        from lichsync.desk.publish import current_events

        key = request.path_params["key"]
        people, events = await asyncio.to_thread(current_events, desk)
        person = next((o for o in people.officials if o.key == key), None)
        if person is None:
            return page(request, "home.html", 404, uploads=[], error="Không có cán bộ này.")
        today = datetime.now().date()
        coming = [e for e in events if key in e.officials and _day(e.start) >= today][:20]
        base = desk.base_url or f"{request.url.scheme}://{request.url.netloc}"
        # as on the subscribe page: no QR code for an address only this machine can open
        reachable = bool(desk.base_url) or not _loopback(request.url.hostname)
        return page(request, "official.html", person=person, role=people.role(key), coming=coming,
                    links=subscribe_links(key, desk.tokens, base), reachable=reachable)

    routes = [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", guarded(logout), methods=["POST"]),
        Route("/", guarded(home)),
        Route("/upload", guarded(upload), methods=["POST"]),
        Route("/doc/{name}", guarded(document)),
        Route("/doc/{name}/correct", guarded(correct), methods=["POST"]),
        Route("/publish", guarded(publish), methods=["GET", "POST"]),
        Route("/official/{key}", guarded(official_page)),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(
        SessionMiddleware, secret_key=secret, session_cookie="lichsync_desk", path="/desk", same_site="strict",
        https_only=desk.settings.desk.secure_cookies, max_age=12 * 3600)])


def subscribe_links(key: str, tokens: Tokens, base: str) -> dict | None:
    """webcal, Google "add by URL" and the QR code of an official's feed, as the subscribe page gives them."""
    path = tokens.path_of(key)
    if path is None:
        return None
    webcal = f"webcal://{base.split('://', 1)[-1].rstrip('/')}{path}"
    return {"https": f"{base.rstrip('/')}{path}", "webcal": webcal,
            "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=""),
            "qr": segno.make(webcal, error="m").svg_data_uri(scale=4, border=4)}


def store_correction(store: CorrectionStore, key: str, program: Program, corrected: Corrected, form) -> str:
    """Turn one form of the review page into a stored correction; returns the page anchor to go back to."""
    action = form["action"]
    if action in ("confirm", "discard"):
        cid = int(form["correction"])
        if action == "discard":
            store.discard(cid)
        else:
            old = next(c for c in store.of(key) if c.id == cid)
            store.replace(cid, reanchor(old, program.events))
        return ""
    if action == "add":
        event = Event(date.fromisoformat(form["date"]), str(form["title"]).strip(), start_time=form.get("start_time") or None,
                      officials=_names(form.get("officials", "")), location=form.get("location") or None)
        if not event.title:
            raise ValueError("an item needs a title")
        store.add(key, Correction(fix.ADD, event=event.to_dict()))
        return ""
    picked = [int(i) for i in form.getlist("event")]
    origins = [corrected.origins[i] for i in picked]
    events = [corrected.program.events[i] for i in picked]
    if action == "merge":
        anchors = tuple(o.anchor for o in origins if o.anchor is not None and not o.correction)
        if len(picked) < 2 or len(anchors) < len(origins):
            raise ValueError("tick two or more events, as read, to merge")
        store.add(key, Correction(fix.MERGE, anchors))
        return ""
    origin, event = origins[0], events[0]
    if action == "edit":
        values = _form_values(form)
        changes = {k: v for k, v in values.items() if v != _json(event, k)}
        if changes:
            edit_event(store, key, program, origin, changes)
        return f"#e{picked[0]}"
    if origin.anchor is None:  # an added item: dropping it discards it
        assert origin.correction is not None  # an event not read from the document was added by a correction
        store.discard(origin.correction)
        return ""
    if action == "drop":
        store.add(key, Correction(fix.DROP, (origin.anchor,)))
    elif action == "split":
        titles = [t.strip() for t in str(form["parts"]).splitlines() if t.strip()]
        if len(titles) < 2:
            raise ValueError("write each part's title on its own line")
        store.add(key, Correction(fix.SPLIT, (origin.anchor,), parts=tuple({"title": t} for t in titles)))
    return ""


def edit_event(store: CorrectionStore, key: str, program: Program, origin: Origin, changes: dict) -> None:
    """Change fields of an event: the added item or split part itself, or the edit of the event as read."""
    cid = origin.correction
    mine = next((c for c in store.of(key) if c.id == cid), None) if cid is not None else None
    if cid is not None and mine is not None and mine.kind == fix.ADD:
        store.replace(cid, Correction(fix.ADD, event=(mine.event or {}) | changes))
        return
    if cid is not None and mine is not None and mine.kind in (fix.SPLIT, fix.MERGE):
        if mine.kind == fix.SPLIT:
            assert origin.part is not None  # an event a split made is one of its parts
            parts = list(mine.parts)
            parts[origin.part] = parts[origin.part] | changes
            store.replace(cid, Correction(fix.SPLIT, mine.anchors, parts=tuple(parts)))
        else:
            store.replace(cid, Correction(fix.MERGE, mine.anchors, mine.changes | {k: [None, v] for k, v in changes.items()}))
        return
    assert origin.anchor is not None  # only an added item has none, and it is corrected above
    at, _ = fix.find(origin.anchor, program.events)
    if at is None:
        raise ValueError("the event is no longer in the document: reload the page")
    as_read = program.events[at]
    both = {k: [was, new] for k, (was, new) in mine.changes.items()} if mine is not None and mine.kind == fix.EDIT else {}
    both |= {k: [_json(as_read, k), v] for k, v in changes.items()}
    if cid is not None and mine is not None and mine.kind == fix.EDIT:
        store.replace(cid, Correction(fix.EDIT, mine.anchors, both))
    else:
        store.add(key, Correction(fix.EDIT, (origin.anchor,), both))


def reanchor(c: Correction, events: list[Event]) -> Correction:
    """The clerk confirmed a correction after a revision: point it at the events as now read, keep its values."""
    found = [i for a in c.anchors if (i := fix.find(a, events)[0]) is not None]
    if len(found) < len(c.anchors):
        raise ValueError("the event is no longer in the document: discard the correction")
    anchors = tuple(Anchor.of(events[i], a.source) for i, a in zip(found, c.anchors, strict=True))
    changes = {k: [_json(events[found[0]], k), new] for k, (_, new) in c.changes.items()} if c.kind == fix.EDIT else c.changes
    return Correction(c.kind, anchors, changes, c.parts, c.event)


def _form_values(form) -> dict:
    values = {}
    for name in EDITABLE:
        if name not in form:
            continue
        value = str(form[name]).strip()
        values[name] = _names(value) if name == "officials" else (value or None)
    day = values.get("date")
    if not values.get("title") or not day or not isinstance(day, str):
        raise ValueError("an event needs a date and a title")
    date.fromisoformat(day)
    return values


def _names(text: str) -> list[str]:
    return [n.strip() for n in str(text).split(",") if n.strip()]


def _json(event: Event, name: str):
    return fix.value_of(event, name)


def _day(t: datetime | date) -> date:
    return t.date() if isinstance(t, datetime) else t


def load_desk(config_path: Path, state_path: Path, tokens: Tokens, base_url: str | None) -> Desk | None:
    """The desk of a config file, or None when it sets no password ([desk] password_hash, LICHSYNC_DESK_PASSWORD).
    A plain password from the environment is hashed at once and kept only hashed."""
    import os
    import tomllib

    from lichsync import config as config_mod
    from lichsync.settings import parse_sync_settings

    raw = config_path.read_bytes()
    settings = parse_sync_settings(tomllib.loads(raw.decode("utf-8")), config_path.resolve().parent)
    password = os.environ.pop("LICHSYNC_DESK_PASSWORD", "")
    stored = settings.desk.password_hash or (auth.hash_password(password) if password else None)
    if stored is None:
        return None
    if settings.desk.uploads is None:
        from lichsync.errors import ConfigError
        raise ConfigError("desk.uploads", "not set: the folder where the desk keeps uploaded programs")
    return Desk(config_mod.load(config_path), settings, raw, state_path, stored, tokens, base_url)


def mount(feeds_app: Starlette, desk: Desk) -> Starlette:
    """The desk at /desk, ahead of the feed routes (whose URLs stay as they are)."""
    feeds_app.router.routes.insert(0, Mount("/desk", app=create_desk(desk)))
    return feeds_app
