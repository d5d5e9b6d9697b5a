"""CalDAV target: one calendar collection, listed with one REPORT through python-caldav, written with
conditional PUT/DELETE (If-None-Match: * to create, If-Match: ETag to replace or delete) on one
kept-alive connection of the standard library's http.client (see `Wire`).

lichsync marks what it owns with two properties on the VEVENT: X-LICHSYNC-HASH (written by the
iCalendar writer) and X-LICHSYNC-SCOPE (the program period the event belongs to).
"""
from __future__ import annotations

import hashlib
import http.client
import os
import ssl
from base64 import b64encode
from collections.abc import Callable, Sequence
from datetime import datetime
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit
from urllib.request import getproxies, proxy_bypass

import icalendar
from caldav.davclient import DAVClient
from caldav.lib import error as caldav_error
from caldav.lib import http_sync  # the HTTP library python-caldav uses (niquests or requests)
from caldav.lib.python_utilities import to_wire

from lichsync.privacy import redact
from lichsync.publish.base import Backoff, Done, Target, TargetError, Written
from lichsync.publish.ics import HASH_PROP, Revision, event_to_ical, revise, shown_fields, utc_now
from lichsync.sync.plan import Action, RemoteEvent

SCOPE_PROP = "X-LICHSYNC-SCOPE"
RENDERED_AHEAD = 64  # events rendered together before their writes go out (see CalDAVTarget.apply)
RETRIED = (408, 429)  # a 4xx worth asking again; 5xx always are
_exceptions = http_sync.requests.exceptions
HOPELESS = (_exceptions.SSLError, _exceptions.InvalidURL, _exceptions.MissingSchema, _exceptions.InvalidSchema,
            ssl.SSLError, http.client.InvalidURL)
requote_uri = http_sync.requests.utils.requote_uri
NETWORK = (_exceptions.RequestException, http.client.HTTPException, OSError)

LIST_QUERY = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>"""


def resource_name(uid: str) -> str:
    """A file name safe on every server, stable for the UID."""
    return hashlib.sha1(uid.encode("utf-8")).hexdigest() + ".ics"


def render(action: Action, now: datetime | None = None) -> bytes:
    """The event as the iCalendar writer renders it, plus lichsync's scope marker (rendered once).

    A calendar resource carries no METHOD (RFC 4791 §4.1); an update carries the stored event's
    CREATED on and counts its SEQUENCE up, as the feed does."""
    remote = action.remote
    previous = None
    if remote is not None and remote.created is not None:
        previous = Revision(remote.hash or "", remote.sequence, remote.created, remote.created)
    desired = action.wanted
    revision = revise(desired.event, previous, now or utc_now())
    return event_to_ical(desired.event, revision, extra={SCOPE_PROP: desired.scope})


def parse_listing(href: str, etag: str | None, data: str) -> list[RemoteEvent]:
    """The VEVENTs of one resource (a recurring event with overrides is one UID, listed once)."""
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError:
        return []  # a resource lichsync cannot read is not one it wrote: leave it alone
    seen: dict[str, RemoteEvent] = {}
    for ve in cal.walk("VEVENT"):
        uid = str(ve.get("UID", ""))
        if not uid or uid in seen:
            continue
        digest, scope = ve.get(HASH_PROP), ve.get(SCOPE_PROP)
        start, created = ve.get("DTSTART"), ve.get("CREATED")
        seen[uid] = RemoteEvent(uid=uid, remote_id=href, etag=etag, owned=bool(digest and scope),
                                hash=str(digest) if digest else None, scope=str(scope) if scope else None,
                                summary=str(ve.get("SUMMARY", "")), start=start.dt if start else None,
                                sequence=_int(ve.get("SEQUENCE")), created=created.dt if created else None,
                                shown=shown_fields(ve))
    return list(seen.values())


class Wire:
    """PUT and DELETE on one kept-alive connection to the calendar's server, reopened when the server closes it.

    The standard library's http.client rather than python-caldav's niquests session or httpx, as a push
    is one request per event: measured here, a request costs the client 1.9 ms of CPU through python-caldav,
    1.3 through httpx and 0.6 through http.client when the server closes after each answer (Radicale's own
    server speaks HTTP/1.0; benchmarks/bench_push_cost.py), and 0.7, 0.4 and 0.1 on a kept-alive connection.
    TLS trusts the system's certificates, or the bundle REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE names.
    """

    def __init__(self, url: str, username: str, password: str, timeout: int, user_agent: str):
        parts = urlsplit(url)
        self.origin = parts[:2]
        if parts.scheme == "https":
            bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None
            context = ssl.create_default_context(cafile=bundle)
            self.connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.netloc, timeout=timeout, context=context)
        else:
            self.connection = http.client.HTTPConnection(parts.netloc, timeout=timeout)
        credentials = b64encode(f"{username}:{password}".encode()).decode("ascii")
        self.headers = {"User-Agent": user_agent, "Authorization": f"Basic {credentials}"}

    def serves(self, url: str) -> bool:
        return urlsplit(url)[:2] == self.origin

    def send(self, method: str, url: str, body: bytes | None, headers: dict) -> http.client.HTTPResponse:
        """One request and its whole answer. A kept-alive connection the server closed meanwhile is
        reopened and the request sent once more, as `_request` would after a backoff: a PUT sent twice meets
        412 the second time, which `_put` checks, and a DELETE 404."""
        parts = urlsplit(url)
        path = requote_uri(parts.path + ("?" + parts.query if parts.query else ""))
        reused = self.connection.sock is not None
        try:
            self.connection.request(method, path, body, {**self.headers, **headers})
            response = self.connection.getresponse()
            response.read()
            return response
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.connection.close()
            if reused:
                return self.send(method, url, body, headers)
            raise
        except BaseException:
            self.connection.close()  # whatever was half sent or read, the next request starts clean
            raise


class CalDAVTarget(Target):
    kind = "caldav"

    def __init__(self, calendar_url: str, username: str | None = None, password: str | None = None,
                 timeout: int = 30, backoff: Backoff = Backoff()):
        self.backoff = backoff
        url = calendar_url if calendar_url.endswith("/") else calendar_url + "/"
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:  # no retrying what cannot work
            raise TargetError(f"{self.kind} {redact(calendar_url)}",
                              "not a calendar URL: it must start with https:// (or http://)")
        if parts.username is not None:  # credentials in the URL: used, never shown, logged or stored
            username = username or unquote(parts.username)
            password = password if password is not None else unquote(parts.password or "")
            url = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
        super().__init__(url)
        # Basic auth sent up front: negotiating costs a 401 round trip (and a deliberate delay on Radicale).
        self.client = DAVClient(url=url, username=username, password=password, timeout=timeout,
                                auth_type="basic" if username else None,
                                require_tls=False, enable_rfc6764=False)
        # Writes take the library's path where it knows more than the wire: a proxy, or ~/.netrc's credentials.
        proxies = getproxies()
        proxied = bool(proxies.get(parts.scheme) or proxies.get("all")) and not proxy_bypass(parts.netloc)
        agent = str(self.client.headers["User-Agent"])
        self.wire = Wire(url, username, password or "", timeout, agent) if username and not proxied else None

    def _send(self, method: str, url: str, body: bytes | str, headers: dict):
        """Writes on the wire (when it serves the URL's server), the rest through python-caldav; both send
        the body as python-caldav puts it on the wire."""
        data = to_wire(body)
        if self.wire is not None and method in ("PUT", "DELETE") and self.wire.serves(url):
            return self.wire.send(method, url, data or None, headers)
        return self.client.request(url, method, data, headers)

    def _request(self, what: str, method: str, url: str, body: bytes | str = "", headers: dict | None = None,
                 ok: tuple[int, ...] = (200, 201, 204)):
        """One request; network errors, 429 and 5xx are retried with backoff, then named in a TargetError."""
        for attempt in range(self.backoff.retries + 1):
            try:
                response = self._send(method, url, body, headers or {})
            except caldav_error.AuthorizationError:
                raise TargetError(self.label, f"{what}: the server refused the credentials (401/403)") from None
            except caldav_error.RateLimitError:
                problem = "HTTP 429/503 (rate limited)"
            except caldav_error.DAVError as e:
                raise TargetError(self.label, f"{what}: {e}") from None
            except HOPELESS as e:  # the same answer however often asked: say it at once
                raise TargetError(self.label, f"{what}: {_reason(e)}") from None
            except NETWORK as e:
                problem = f"network error: {_reason(e)}"
            else:
                if response.status in ok:
                    return response
                if response.status in (401, 403):  # on the wire; python-caldav raises it
                    raise TargetError(self.label, f"{what}: the server refused the credentials (401/403)")
                problem = f"HTTP {response.status} {getattr(response, 'reason', '') or ''}".strip()
                if response.status == 404 and method == "REPORT":
                    raise TargetError(self.label, f"{what}: no calendar at this URL (HTTP 404)")
                if response.status not in RETRIED and response.status < 500:
                    raise TargetError(self.label, f"{what}: {problem}")
            if attempt == self.backoff.retries:
                raise TargetError(self.label, f"{what}: {problem} (gave up after {attempt + 1} tries)")
            self.backoff.wait(attempt)

    def list(self) -> list[RemoteEvent]:
        response = self._request("listing events", "REPORT", self.calendar, LIST_QUERY,
                                 {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}, ok=(207,))
        events: list[RemoteEvent] = []
        for item in response.parse_calendar_query():
            if item.status == 200 and item.calendar_data:
                events.extend(parse_listing(urljoin(self.calendar, item.href), item.etag, item.calendar_data))
        return events

    def apply(self, actions: Sequence[Action], done: Done, sent: Callable[[], None] = lambda: None) -> None:
        """One write at a time, as every target; but each run of writes is rendered before its first is sent.
        Rendering between two requests costs twice what it does in a row (the network's code and data push
        icalendar's out of the processor's caches): 0.3 ms an event, a fifth of the client's whole cost."""
        for start in range(0, len(actions), RENDERED_AHEAD):
            run = actions[start:start + RENDERED_AHEAD]
            for action, body in [(a, None if a.op == "delete" else render(a)) for a in run]:
                if body is None:
                    self.delete(action)
                done(action, None if body is None else getattr(self, action.op)(action, body))
                sent()

    def _put(self, action: Action, url: str, condition: dict, body: bytes | None) -> Written:
        headers = {"Content-Type": "text/calendar; charset=utf-8", **condition}
        what = f"writing {action.uid}"
        body = render(action) if body is None else body
        response = self._request(what, "PUT", url, body, headers, ok=(200, 201, 204, 412))
        if response.status == 412:  # changed since listed — perhaps by our own write, answered after the timeout
            written = self._already_written(action, url)
            if written is None:
                raise TargetError(self.label, f"{what}: HTTP 412 (the event changed on the server meanwhile)")
            return written
        return Written(url, response.headers.get("ETag"))

    def _already_written(self, action: Action, url: str) -> Written | None:
        """The remote item, when it is already what this write wanted (same lichsync hash)."""
        response = self._request(f"reading {action.uid}", "GET", url, ok=(200, 404))
        if response.status != 200:
            return None
        events = parse_listing(url, response.headers.get("ETag"), response.raw)
        done = any(e.uid == action.uid and e.hash == action.wanted.hash for e in events)
        return Written(url, response.headers.get("ETag")) if done else None

    def create(self, action: Action, body: bytes | None = None) -> Written:
        return self._put(action, urljoin(self.calendar, resource_name(action.uid)), {"If-None-Match": "*"}, body)

    def update(self, action: Action, body: bytes | None = None) -> Written:
        remote = action.stored
        return self._put(action, remote.remote_id, {"If-Match": remote.etag} if remote.etag else {}, body)

    def delete(self, action: Action) -> None:
        remote = action.stored
        headers = {"If-Match": remote.etag} if remote.etag else {}
        self._request(f"deleting {action.uid}", "DELETE", remote.remote_id, "", headers, ok=(200, 204, 404, 410))


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _reason(e: BaseException) -> str:
    """The innermost cause: 'Connection refused' rather than urllib3's paragraph."""
    while e.__context__ is not None and e.__context__ is not e:
        e = e.__context__
    return str(getattr(e, "strerror", None) or e).splitlines()[0][:160]
