"""TEST DOUBLE: a local emulator of the Google Calendar v3 events endpoints — the only fake in the suite.

Google cannot be reached from tests, so lichsync's Google target (google-api-python-client built
from its bundled discovery document, its real HTTP and batch machinery) talks over real HTTP on
127.0.0.1 to this server instead. It serves what the target uses, as Google documents it:
events list (paging with maxResults/pageToken, showDeleted; `privateExtendedProperty=name=value`
matching private properties only; `updatedMin` returning what changed since, deletions included
whatever showDeleted says, and 410 when it is older than what the emulator remembers —
`forget_deletions_before`; the collection's `updated` stamp), insert (an id-only insert gets
iCalUID "<id>@google.com", as Google does) (409 when the id exists, even
cancelled), get, update (PUT) and patch (If-Match → 412), delete (kept as status=cancelled; 410 when
already deleted, 404 when unknown) and batch (multipart/mixed of application/http parts). Every
event gets a fresh ETag and `updated` stamp on each change. Faults can be injected: the next N calls
answer 403 rateLimitExceeded, 429 or 500, optionally with a Retry-After header. `requests` counts HTTP requests, `calls` API calls by kind,
`batch_sizes` the calls in each batch.
"""
from __future__ import annotations

import copy
import email.parser
import itertools
import json
import re
import threading
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

EVENTS = re.compile(r"^/calendar/v3/calendars/(?P<cal>[^/]+)/events(?:/(?P<id>[^/]+))?$")
REASONS = {200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           409: "Conflict", 410: "Gone", 412: "Precondition Failed", 429: "Too Many Requests",
           500: "Internal Server Error"}


class GoogleCalendarEmulator:
    def __init__(self):
        self.calendars: dict[str, dict[str, dict]] = {}  # calendar id → event id → event resource
        self.requests = Counter()  # HTTP requests: "list", "batch", "insert", ...
        self.calls = Counter()  # API calls, inside batches or not
        self.batch_sizes: list[int] = []
        self.faults: list[tuple[int, str | None, str | None, int | None]] = []  # (status, reason, kind or any, Retry-After)
        self.list_queries: list[dict] = []  # the query of every events.list call
        self.oldest_updated_min = ""  # updatedMin before this answers 410 (Google forgets old deletions)
        self._etags = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "GoogleCalendarEmulator":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- test controls ---
    def inject(self, status: int, count: int = 1, reason: str | None = None, kind: str | None = None,
               retry_after: int | None = None) -> None:
        """The next `count` calls (of `kind`: "list", "insert", … or any) fail with `status`."""
        self.faults.extend([(status, reason, kind, retry_after)] * count)

    def forget_deletions_before(self, stamp: str) -> None:
        """An updatedMin older than `stamp` answers 410 Gone (Google's "updatedMinTooLongAgo")."""
        self.oldest_updated_min = stamp

    def add_event(self, calendar: str, resource: dict) -> dict:
        """An event made by a person in the Google UI (no lichsync marker)."""
        event = {"id": uuid.uuid4().hex, "status": "confirmed", **resource}
        event.setdefault("iCalUID", f"{event['id']}@google.com")
        return self._store(calendar, event)

    def live(self, calendar: str) -> list[dict]:
        return [e for e in self.calendars.get(calendar, {}).values() if e["status"] != "cancelled"]

    def reset_counts(self) -> None:
        self.requests.clear()
        self.calls.clear()
        self.batch_sizes.clear()
        self.list_queries.clear()

    @property
    def writes(self) -> int:
        return sum(self.calls[k] for k in ("insert", "update", "patch", "delete"))

    # --- the API ---
    def _store(self, calendar: str, event: dict) -> dict:
        n = next(self._etags)
        event["etag"] = f'"{n:016d}"'
        event["updated"] = _stamp(n)
        event["kind"] = "calendar#event"
        self.calendars.setdefault(calendar, {})[event["id"]] = event
        return event

    def call(self, method: str, target: str, headers: dict, body: bytes) -> tuple[int, dict, dict | None]:
        """One API call → (status, headers, JSON body)."""
        url = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        m = EVENTS.match(url.path)
        if not m:
            return _error(404, "notFound", f"no such endpoint {url.path}")
        cal, event_id = unquote(m["cal"]), m["id"] and unquote(m["id"])
        kind = {("GET", False): "list", ("POST", False): "insert", ("GET", True): "get",
                ("PUT", True): "update", ("PATCH", True): "patch", ("DELETE", True): "delete"}.get(
            (method, event_id is not None))
        if kind is None:
            return _error(400, "badRequest", f"{method} not supported here")
        with self._lock:
            self.calls[kind] += 1
            fault = next((f for f in self.faults if f[2] in (None, kind)), None)
            if fault:
                self.faults.remove(fault)
                status, extra, payload = _error(fault[0], fault[1] or "backendError", "injected fault")
                return status, {"Retry-After": str(fault[3])} if fault[3] is not None else extra, payload
            events = self.calendars.setdefault(cal, {})
            current = events.get(event_id) if event_id else None
            if kind == "delete" and current is not None and current["status"] == "cancelled":
                return _error(410, "deleted", "Resource has been deleted")
            if_match = headers.get("if-match")
            if current is not None and if_match and if_match != current["etag"]:
                return _error(412, "conditionNotMet", "Precondition Failed")
            if kind == "list":
                self.list_queries.append(query)
                if query.get("updatedMin", "\uffff") < self.oldest_updated_min:
                    return _error(410, "updatedMinTooLongAgo", "The requested minimum modification time lies too far in the past.")
                return 200, {}, self._list(events, query)
            if kind == "insert":
                resource = json.loads(body)
                resource.setdefault("id", uuid.uuid4().hex)
                if resource["id"] in events:
                    return _error(409, "duplicate", "The requested identifier already exists.")
                resource.setdefault("iCalUID", f"{resource['id']}@google.com")
                resource.setdefault("status", "confirmed")
                return 200, {}, copy.deepcopy(self._store(cal, resource))
            if current is None:
                return _error(404, "notFound", "Not Found")
            if kind == "get":
                return 200, {}, copy.deepcopy(current)
            if kind == "delete":
                current["status"] = "cancelled"
                self._store(cal, current)
                return 204, {}, None
            resource = json.loads(body)
            merged = {**current, **resource} if kind == "patch" else {
                "status": "confirmed", **resource, "iCalUID": current["iCalUID"]}
            merged["id"] = event_id
            return 200, {}, copy.deepcopy(self._store(cal, merged))

    def _list(self, events: dict[str, dict], query: dict) -> dict:
        since = query.get("updatedMin")
        items = [e for e in events.values() if query.get("showDeleted") == "true" or since or e["status"] != "cancelled"]
        if since:
            items = [e for e in items if e["updated"] >= since]
        if "privateExtendedProperty" in query:
            name, _, value = query["privateExtendedProperty"].partition("=")
            items = [e for e in items if e.get("extendedProperties", {}).get("private", {}).get(name) == value]
        if "iCalUID" in query:
            items = [e for e in items if e["iCalUID"] == query["iCalUID"]]
        size = min(int(query.get("maxResults", 250)), 2500)
        offset = int(query.get("pageToken", 0))
        page = {"kind": "calendar#events", "items": copy.deepcopy(items[offset:offset + size]),
                "updated": max((e["updated"] for e in events.values()), default=_stamp(0))}
        if offset + size < len(items):
            page["nextPageToken"] = str(offset + size)
        return page


def _stamp(n: int) -> str:
    """The n-th change's `updated` time: RFC 3339, ordered as the changes were made."""
    return f"2024-01-01T00:00:00.{n:06d}Z"


def _error(status: int, reason: str, message: str) -> tuple[int, dict, dict]:
    return status, {}, {"error": {"code": status, "message": message,
                                  "errors": [{"domain": "usageLimits" if status in (403, 429) else "global",
                                              "reason": reason, "message": message}]}}


def _handler(emulator: GoogleCalendarEmulator):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet tests
            pass

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _serve(self) -> None:
            body = self._body()
            headers = {k.lower(): v for k, v in self.headers.items()}
            if self.path.startswith("/batch/calendar/v3"):
                emulator.requests["batch"] += 1
                self._batch(headers, body)
                return
            status, extra, payload = emulator.call(self.command, self.path, headers, body)
            name = "list" if self.command == "GET" and EVENTS.match(urlsplit(self.path).path)["id"] is None else self.command.lower()
            emulator.requests[name] += 1
            data = json.dumps(payload).encode() if payload is not None else b""
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            if payload is not None:
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                if "etag" in payload:
                    self.send_header("ETag", payload["etag"])
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _batch(self, headers: dict, body: bytes) -> None:
            message = email.parser.BytesParser().parsebytes(
                b"Content-Type: " + headers["content-type"].encode() + b"\r\n\r\n" + body)
            parts = message.get_payload()
            emulator.batch_sizes.append(len(parts))
            if len(parts) > 1000:
                return self._plain(400, b"too many calls in a batch")
            boundary = "batch_" + uuid.uuid4().hex
            out = []
            for part in parts:
                raw = part.get_payload(decode=False)
                head, _, inner_body = raw.replace("\r\n", "\n").partition("\n\n")
                request_line, *header_lines = head.split("\n")
                method, target, _ = request_line.split(" ", 2)
                inner_headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
                status, extra, payload = emulator.call(method, target, inner_headers, inner_body.encode())
                data = json.dumps(payload) if payload is not None else ""
                extra_lines = "".join(f"{name}: {value}\r\n" for name, value in extra.items())
                content_id = part["Content-ID"].replace("<", "<response-", 1)
                out.append(f"--{boundary}\r\nContent-Type: application/http\r\nContent-ID: {content_id}\r\n\r\n"
                           f"HTTP/1.1 {status} {REASONS.get(status, '')}\r\n{extra_lines}"
                           f"Content-Type: application/json; charset=UTF-8\r\nContent-Length: {len(data.encode())}\r\n\r\n"
                           f"{data}\r\n")
            data = ("".join(out) + f"--{boundary}--\r\n").encode()
            self.send_response(200)
            self.send_header("Content-Type", f"multipart/mixed; boundary={boundary}")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _plain(self, status: int, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    return Handler
