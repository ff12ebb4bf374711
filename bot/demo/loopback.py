"""HTTP servers on the loopback interface: the offline demo's site, and the tests' and
benchmarks' stand-ins for the internet.

`LocalHTTPServer` is the plumbing: a threaded `http.server` on 127.0.0.1:<free port>, run
from a daemon thread between `start()` and `stop()` (or as a context manager), with a
listen backlog that takes bursts of connections. Handlers derive from `QuietHandler`.
`LoopbackServer` serves static routes on it and records every request:

    with LoopbackServer() as server:
        url = server.add("/feed.xml", body, content_type="application/rss+xml", etag='"v1"')
        ...
        assert server.hits("/feed.xml") == 1
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

__all__ = ["LocalHTTPServer", "LoopbackServer", "QuietHandler", "RecordedRequest", "Route"]

# stop() waits up to one interval for serve_forever() to notice.
_POLL_INTERVAL = 0.02


class _ThreadingServer(ThreadingHTTPServer):
    # Kept-alive or hanging connections never hold up stop() or the interpreter's exit.
    daemon_threads = True
    # The listen backlog. Python's default of 5 refuses (and the client retries a second
    # later) as soon as a few dozen connections arrive at once.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (timed out, cancelled, killed) is not a server error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler without an access log on stderr and without Nagle's delay (the
    header and the body are two writes: on a kept-alive connection the body would wait
    for the client's delayed ACK, 40 ms a request)."""

    disable_nagle_algorithm = True

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status: int, body: bytes, headers: Mapping[str, str], *,
              send_body: bool = True) -> None:
        """Send a whole response; Content-Length is added (except on a 304)."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # servers keep their own request logs


class LocalHTTPServer:
    """`handler` on `host` (127.0.0.1 unless told) at a free port, one thread a
    connection. The port is bound at construction; requests are answered once started."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], *,
                 host: str = "127.0.0.1") -> None:
        self._httpd = _ThreadingServer((host, 0), handler)
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str, *, host: str | None = None) -> str:
        """Absolute URL of `path`. Another `host` (e.g. "localhost") reaches the same
        server under another name, which is how tests exercise cross-host redirects."""
        return f"http://{host or self.host}:{self.port}{path}"

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        args=(_POLL_INTERVAL,), daemon=True,
                                        name=f"http:{self.host}:{self.port}")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting and close the listening socket (connections being answered
        finish in their own threads)."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it. `path` is the full target, query included."""

    method: str
    path: str
    headers: dict[str, str]  # header names lower-cased
    body: bytes = b""
    at: float = field(default=0.0)  # time.monotonic() on arrival, for spacing assertions


@dataclass(frozen=True)
class Route:
    body: bytes
    content_type: str
    status: int
    etag: str | None
    last_modified: str | None
    headers: dict[str, str]


class LoopbackServer(LocalHTTPServer):
    """Static routes on 127.0.0.1, every request recorded in `requests`.

    HTTP/1.0 by default, one request a connection, so no kept-alive socket outlives its
    user; keep_alive=True answers HTTP/1.1 and keeps connections open, as real sites do.
    Subclasses may override `_record` and `_route` (both called from server threads).
    """

    def __init__(self, *, keep_alive: bool = False) -> None:
        self._routes: dict[str, Route] = {}
        self._lock = threading.Lock()
        self.requests: list[RecordedRequest] = []
        super().__init__(_static_handler(self, "HTTP/1.1" if keep_alive else "HTTP/1.0"))

    def add(self, path: str, body: bytes | str, *,
            content_type: str = "text/html; charset=utf-8", status: int = 200,
            etag: str | None = None, last_modified: str | None = None,
            headers: Mapping[str, str] | None = None) -> str:
        """Serve `body` at `path` (replacing any earlier route) and return its URL.

        A str body is encoded with the charset named in `content_type` (UTF-8 if none).
        With `etag` / `last_modified` set, a matching If-None-Match / If-Modified-Since
        gets 304 with no body. A path with a query matches only that query; one without
        matches any.
        """
        if isinstance(body, str):
            body = body.encode(_charset(content_type) or "utf-8")
        route = Route(body, content_type, status, etag, last_modified, dict(headers or {}))
        with self._lock:
            self._routes[path] = route
        return self.url(path)

    def hits(self, path: str) -> int:
        """How many requests reached `path` (matched with or without its query)."""
        with self._lock:
            return sum(1 for r in self.requests if path in (r.path, r.path.split("?")[0]))

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _route(self, target: str) -> Route | None:
        with self._lock:
            return self._routes.get(target) or self._routes.get(urlsplit(target).path)


def _static_handler(server: LoopbackServer, protocol: str) -> type[QuietHandler]:
    class Handler(QuietHandler):
        protocol_version = protocol

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def do_POST(self) -> None:
            self._serve(send_body=True)

        def _serve(self, *, send_body: bool) -> None:
            body = self.read_body()
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._record(RecordedRequest(self.command, self.path, headers, body,
                                           time.monotonic()))
            route = server._route(self.path)
            if route is None:
                self.reply(404, b"not found\n", {"Content-Type": "text/plain"},
                           send_body=send_body)
                return
            validators = {"ETag": route.etag, "Last-Modified": route.last_modified}
            present = {k: v for k, v in validators.items() if v is not None}
            if _not_modified(route, self.headers):
                self.reply(304, b"", present)
                return
            out = {"Content-Type": route.content_type, **present, **route.headers}
            self.reply(route.status, route.body, out, send_body=send_body)

    return Handler


def _not_modified(route: Route, headers: Message) -> bool:
    # RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only counts without it.
    inm = headers.get("If-None-Match")
    if inm is not None:
        if route.etag is None:
            return False
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or route.etag.removeprefix("W/") in tags
    ims = headers.get("If-Modified-Since")
    if ims is None or route.last_modified is None:
        return False
    if ims.strip() == route.last_modified.strip():
        return True
    try:
        return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(ims)
    except (TypeError, ValueError):
        return False


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
