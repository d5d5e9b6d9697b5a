"""Running the feed server under abuse: uvicorn with a deadline for request headers,
the secret tokens masked in its access log, on a socket bound before anything is printed.

Imported only by `lichsync serve` when it serves (uvicorn is slow to import).
"""
from __future__ import annotations

import logging
import re
import socket

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0  # seconds a client has to finish sending a request's headers
_TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{16,}(?=/)")


def mask_tokens(path: str) -> str:
    """A URL path as the access log may keep it: secret segments (16+ token characters) masked."""
    return _TOKEN_SEGMENT.sub(lambda m: m[0][:3] + "…", path)


class MaskTokens(logging.Filter):
    """uvicorn's access log line without the feeds' secret tokens (its args: client, method, path, …)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3 and isinstance(record.args[2], str):
            record.args = (*record.args[:2], mask_tokens(record.args[2]), *record.args[3:])
        return True


class BoundedH11(H11Protocol):
    """uvicorn's HTTP/1.1 with a deadline for each request's headers, which uvicorn lacks: without it,
    clients that open connections and never finish a request hold them for ever."""

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._deadline = self.loop.call_later(HEADER_TIMEOUT, self._check_progress, 0)

    def _check_progress(self, seen: int) -> None:
        busy = self.cycle is not None and not self.cycle.response_complete
        started = id(self.cycle) if self.cycle is not None else 0
        if busy or started != seen:
            self._deadline = self.loop.call_later(HEADER_TIMEOUT, self._check_progress, started)
        elif not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._deadline.cancel()
        super().connection_lost(exc)


def server(app, log_level: str = "info") -> uvicorn.Server:
    """uvicorn with the header deadline, and the tokens masked in its access log."""
    config = uvicorn.Config(app, http=BoundedH11, log_level=log_level, server_header=False, proxy_headers=True,
                            timeout_keep_alive=5)
    logging.getLogger("uvicorn.access").addFilter(MaskTokens())
    return uvicorn.Server(config)


def run(app, sock: socket.socket) -> None:
    """Serve `app` on an already bound socket, so a busy port is found before anything is printed."""
    server(app).run(sockets=[sock])
