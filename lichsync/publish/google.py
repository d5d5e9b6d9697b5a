"""Google Calendar target (google-api-python-client, built from the discovery document it ships).

Events get a stable id (sha1 of the UID, in Google's base32hex alphabet), so a lost state re-finds
them. Google's reference says to supply `id` or `iCalUID` at creation, not both: lichsync gives the
id only, and keeps its UID, hash and scope in `extendedProperties.private`. Listings ask for
lichsync's events only (`privateExtendedProperty=lichsync=1`), and with a listing cache (the
state) only what changed since the last listing (`updatedMin`, deletions included; a 410 means the
cache is too old and a full listing follows). A listing is retried by the library itself
(`num_retries`: 5xx, 429, rate-limit 403s, network errors). Writes go in batch requests of at most
50 calls; calls that fail with 403 rateLimitExceeded / userRateLimitExceeded, 429 or 5xx (or a
whole batch lost to the network) are retried with exponential backoff and jitter, waiting at least
what a Retry-After header asks; 404/410 on delete means already gone; 409 on insert means the id
exists (a deleted event Google keeps as cancelled) and becomes an update.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Protocol

import httplib2
from google.auth import exceptions as auth_errors
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError

from lichsync.publish.base import Backoff, Done, Target, TargetError, Written
from lichsync.sync.plan import Action, RemoteEvent

# Events of calendars the account owns: all a push needs (no calendar list, no other people's calendars).
SCOPES = ["https://www.googleapis.com/auth/calendar.events.owned"]
OWNER_KEY, UID_KEY = "lichsync", "lichsyncUid"  # private extended properties of every event lichsync writes
BATCH_LIMIT = 50  # Google's documented maximum is 1000; 50 keeps a failed batch cheap to resend
PAGE_SIZE = 2500  # the largest page events.list serves
RATE_LIMIT_REASONS = {"rateLimitExceeded", "userRateLimitExceeded"}
# google-auth wraps a failed token request (no route to Google, DNS) in its TransportError
NETWORK_ERRORS = (OSError, socket.timeout, httplib2.HttpLib2Error, auth_errors.TransportError)
REFUSED = "Google refused the credentials; run `lichsync auth google` again or check the service-account key"


def event_id(uid: str) -> str:
    """Google ids are 5–1024 characters of base32hex (0-9, a-v); hex digits are a subset."""
    return hashlib.sha1(uid.encode("utf-8")).hexdigest()


def discovery_document(root_url: str | None = None) -> dict:
    """Calendar v3's discovery document bundled in googleapiclient; `root_url` points it elsewhere."""
    doc = json.loads(resources.files("googleapiclient").joinpath(
        "discovery_cache/documents/calendar.v3.json").read_text(encoding="utf-8"))
    if root_url:
        root_url = root_url if root_url.endswith("/") else root_url + "/"
        doc["rootUrl"] = root_url
        doc["baseUrl"] = root_url + doc["servicePath"]
    return doc


def event_body(action: Action) -> dict:
    d = action.wanted
    e = d.event
    body = {
        "id": event_id(e.uid),
        "status": "confirmed",
        "summary": e.summary,
        "description": e.description,
        "start": _when(e.start),
        "end": _when(e.end),
        "transparency": "transparent" if e.transparent else "opaque",
        "extendedProperties": {"private": {OWNER_KEY: "1", UID_KEY: e.uid, "lichsyncHash": d.hash,
                                           "lichsyncScope": d.scope}},
    }
    if e.location:
        body["location"] = e.location
    return body


def _when(t: datetime | date) -> dict:
    if not isinstance(t, datetime):
        return {"date": t.isoformat()}
    when = {"dateTime": t.isoformat()}
    zone = getattr(t.tzinfo, "key", None)  # a ZoneInfo: Google keeps the zone for recurring and DST
    if zone:
        when["timeZone"] = zone
    return when


def remote_event(item: dict) -> RemoteEvent:
    private = item.get("extendedProperties", {}).get("private", {})
    start = _parse_when(item.get("start", {}))
    shown = {"summary": item.get("summary", ""), "start": start, "end": _parse_when(item.get("end", {})),
             "description": item.get("description", ""), "location": item.get("location", ""),
             "transparent": item.get("transparency") == "transparent"}
    return RemoteEvent(uid=private.get(UID_KEY) or item.get("iCalUID") or item["id"], remote_id=item["id"],
                       etag=item.get("etag"), owned="lichsyncHash" in private and "lichsyncScope" in private,
                       hash=private.get("lichsyncHash"), scope=private.get("lichsyncScope"),
                       summary=item.get("summary", ""), start=start, cancelled=item.get("status") == "cancelled",
                       shown=shown)


def _parse_when(when: dict) -> datetime | date | None:
    value = when.get("dateTime") or when.get("date")
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if "T" in value else date.fromisoformat(value)


def retry_after(e: HttpError) -> float:
    """Seconds a Retry-After header asks to wait (delta-seconds form; an HTTP date counts as 0)."""
    try:
        return max(0.0, float(e.resp.get("retry-after", 0)))
    except (TypeError, ValueError):
        return 0.0


class ListingCache(Protocol):
    """Where the last listing is kept between runs (the state database)."""
    def listing(self, target: str, calendar: str) -> tuple[str, dict[str, dict]] | None: ...
    def save_listing(self, target: str, calendar: str, updated: str, items: dict[str, dict]) -> None: ...


class _ListingExpired(Exception):
    """410 to an updatedMin listing: the cached listing is too old to bring up to date."""


Pending = list[tuple[Action, str]]  # (action, the call to make: its op, or "revive")
Messages = list[str]
Waits = list[float]  # seconds Retry-After headers asked for (aliases: inside GoogleTarget, `list` is its method)


def retryable(e: HttpError) -> bool:
    status = e.resp.status
    if status == 429 or status >= 500:
        return True
    if status == 403:
        try:
            errors = json.loads(e.content.decode("utf-8"))["error"].get("errors", [])
        except (ValueError, KeyError, AttributeError, TypeError):
            return False
        return any(err.get("reason") in RATE_LIMIT_REASONS for err in errors)
    return False


class GoogleTarget(Target):
    kind = "google"

    def __init__(self, calendar_id: str, http, root_url: str | None = None, backoff: Backoff = Backoff(),
                 listings: ListingCache | None = None):
        """`http`: an authorised httplib2.Http (see `authorized_http`); `root_url` only for an emulator;
        `listings` keeps the last listing so the next one asks only for what changed since."""
        super().__init__(calendar_id)
        self.service = build_from_document(discovery_document(root_url), http=http)
        self.events = self.service.events()
        self.backoff = backoff
        self.listings = listings

    def list(self) -> list[RemoteEvent]:
        """lichsync's events, cancelled ones too (an id Google still holds cannot be inserted again)."""
        cached = self.listings.listing(self.kind, self.calendar) if self.listings else None
        items: dict[str, dict] = {}
        if cached:
            try:
                updated, changed = self._list_pages(updated_min=cached[0])
                items = {**cached[1], **changed}
            except _ListingExpired:  # Google forgot deletions that old: list everything again
                cached = None
        if not cached:
            updated, items = self._list_pages()
        if self.listings and updated:
            self.listings.save_listing(self.kind, self.calendar, updated, items)
        return [remote_event(item) for item in items.values()]

    def _list_pages(self, updated_min: str | None = None) -> tuple[str | None, dict[str, dict]]:
        """(the calendar's `updated` stamp, id → event) of every page of one listing."""
        items: dict[str, dict] = {}
        token = updated = None
        while True:
            request = self.events.list(calendarId=self.calendar, showDeleted=True, maxResults=PAGE_SIZE,
                                       privateExtendedProperty=f"{OWNER_KEY}=1", updatedMin=updated_min,
                                       pageToken=token)
            try:
                page = request.execute(num_retries=self.backoff.retries)
            except HttpError as e:
                if e.resp.status == 410 and updated_min:
                    raise _ListingExpired from None
                raise TargetError(self.label, f"listing events: {_describe(e)}") from None
            except NETWORK_ERRORS as e:
                raise TargetError(self.label, f"listing events: network error after {self.backoff.retries + 1} "
                                              f"tries: {e}") from None
            except auth_errors.GoogleAuthError as e:  # RefreshError: a revoked or expired token, a bad key
                raise TargetError(self.label, f"listing events: {REFUSED} ({_first_line(e)})") from None
            items.update((item["id"], item) for item in page.get("items", []))
            updated = updated or page.get("updated")
            token = page.get("nextPageToken")
            if not token:
                return updated, items

    def _request(self, action: Action, op: str):
        if op == "create":
            return self.events.insert(calendarId=self.calendar, body=event_body(action))
        if op == "delete":
            request = self.events.delete(calendarId=self.calendar, eventId=action.stored.remote_id)
        else:  # update, or revive: an insert that met a cancelled event of the same id
            remote_id = action.remote.remote_id if action.remote else event_id(action.uid)
            request = self.events.update(calendarId=self.calendar, eventId=remote_id, body=event_body(action))
        if op != "revive" and action.remote and action.remote.etag:
            request.headers["If-Match"] = action.remote.etag
        return request

    def create(self, action: Action) -> Written:
        return self._written(action)

    def update(self, action: Action) -> Written:
        return self._written(action)

    def delete(self, action: Action) -> None:
        self._one(action)

    def _one(self, action: Action) -> Written | None:
        result: list[Written | None] = []
        self.apply([action], lambda a, w: result.append(w))
        return result[0]

    def _written(self, action: Action) -> Written:
        written = self._one(action)
        if written is None:
            raise TargetError(self.label, f"{action.op} {action.uid}: Google answered without the event")
        return written

    def apply(self, actions: Sequence[Action], done: Done, sent: Callable[[], None] = lambda: None) -> None:
        """Batches of ≤ 50 calls; failed calls that may succeed later go round again after a backoff."""
        pending: Pending = [(a, a.op) for a in actions]
        attempt = 0
        while pending:
            again: Pending = []  # retry after a backoff
            waits: Waits = [0.0]  # what Retry-After headers asked for
            follow: Pending = []  # inserts met an existing id: update it, no waiting
            errors: Messages = []
            fatal: Messages = []
            for start in range(0, len(pending), BATCH_LIMIT):
                chunk = pending[start:start + BATCH_LIMIT]
                batch = self.service.new_batch_http_request()
                for i, (action, op) in enumerate(chunk):
                    batch.add(self._request(action, op), request_id=str(i),
                              callback=self._handler(action, op, done, again, follow, errors, fatal, waits))
                try:
                    batch.execute()
                except HttpError as e:
                    if not retryable(e):
                        raise TargetError(self.label, f"batch request: {_describe(e)}") from None
                    again.extend(chunk)
                    errors.append(f"batch request: {_describe(e)}")
                    waits.append(retry_after(e))
                except NETWORK_ERRORS as e:
                    again.extend(chunk)
                    errors.append(f"network error: {e}")
                except auth_errors.GoogleAuthError as e:
                    raise TargetError(self.label, f"batch request: {REFUSED} ({_first_line(e)})") from None
                sent()
                if fatal:
                    raise TargetError(self.label, fatal[0])
            if again:
                if attempt == self.backoff.retries:
                    raise TargetError(self.label, f"{errors[-1]} (gave up after {attempt + 1} tries)")
                self.backoff.wait(attempt, at_least=max(waits))
                attempt += 1
            pending = follow + again

    def _handler(self, action: Action, op: str, done: Done, again: Pending, follow: Pending, errors: Messages,
                 fatal: Messages, waits: Waits):
        def handle(_id: str, response: dict | None, exception: Exception | None) -> None:
            if exception is None:
                written = Written(response["id"], response.get("etag")) if response else None
                done(action, None if op == "delete" else written)
            elif not isinstance(exception, HttpError):
                fatal.append(f"{op} {action.uid}: {exception}")
            elif op == "delete" and exception.resp.status in (404, 410):
                done(action, None)
            elif op == "create" and exception.resp.status == 409:
                follow.append((action, "revive"))
            elif retryable(exception):
                again.append((action, op))
                errors.append(f"{op} {action.uid}: {_describe(exception)}")
                waits.append(retry_after(exception))
            else:  # raised once the batch's other calls are recorded
                fatal.append(f"{op} {action.uid}: {_describe(exception)}")
        return handle


def _first_line(e: Exception) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0][:200]


def _describe(e: Exception) -> str:
    if isinstance(e, HttpError):
        return f"HTTP {e.resp.status} {e._get_reason()}".strip()
    return str(e)


# --- credentials -----------------------------------------------------------------------------

def token_path() -> Path:
    import platformdirs
    return platformdirs.user_config_path("lichsync") / "google-token.json"


def authorized_http(credentials_file: Path | None, timeout: int = 60):
    """An httplib2.Http that signs requests: a service account key (for cron; share the calendar with
    the account) or the user token `lichsync auth google` stored."""
    import google_auth_httplib2
    from google.oauth2 import credentials as user_credentials
    from google.oauth2 import service_account

    path = Path(credentials_file).expanduser() if credentials_file else token_path()
    info = json.loads(path.read_text(encoding="utf-8"))
    if info.get("type") == "service_account":
        creds = service_account.Credentials.from_service_account_info(info, scopes=SCOPES)
    else:
        creds = user_credentials.Credentials.from_authorized_user_info(info, SCOPES)
    return google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(timeout=timeout))


def save_token(path: Path, token_json: str) -> None:
    """Written with mode 0600 from the start (a temp file then os.replace): it grants calendar access."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".google-token-")
    try:
        os.fchmod(fd, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(token_json)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
