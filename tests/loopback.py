"""A real HTTP server on 127.0.0.1 that serves canned routes to the code under test.

Tests talk to it over real sockets instead of mocking the HTTP client, so redirects,
conditional requests, compression and timeouts behave as they do on the internet.

    with LoopbackServer() as server:
        url = server.add("/feed.xml", body, content_type="application/rss+xml", etag='"v1"')
        ...
        assert server.hits("/feed.xml") == 1

The pytest fixture `loopback` (tests/conftest.py) yields a started server per test.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

__all__ = ["LoopbackServer", "RecordedRequest", "Route"]


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


class LoopbackServer:
    """ThreadingHTTPServer on 127.0.0.1:<free port>, run in a daemon thread."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._lock = threading.Lock()
        self.requests: list[RecordedRequest] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str, *, host: str = "127.0.0.1") -> str:
        """Absolute URL of `path`. host="localhost" reaches the same server under
        another name, which is how tests exercise cross-host redirects."""
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, body: bytes | str, *,
            content_type: str = "text/html; charset=utf-8", status: int = 200,
            etag: str | None = None, last_modified: str | None = None,
            headers: dict[str, str] | None = None) -> str:
        """Serve `body` at `path` (replacing any earlier route) and return its URL.

        A str body is encoded with the charset named in `content_type` (UTF-8 if none).
        With `etag` / `last_modified` set, a matching If-None-Match / If-Modified-Since
        gets 304 with no body.
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

    def start(self) -> Self:
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,),
                                        name=f"loopback:{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
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

    # -- used by the request handler (server threads) ---------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _route(self, target: str) -> Route | None:
        with self._lock:
            return self._routes.get(target) or self._routes.get(urlsplit(target).path)


def _make_handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so no keep-alive socket outlives a test.
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def do_POST(self) -> None:
            self._serve(send_body=True)

        def _serve(self, *, send_body: bool) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._record(RecordedRequest(self.command, self.path, headers, body,
                                           time.monotonic()))
            route = server._route(self.path)
            if route is None:
                self._reply(404, b"not found\n", {"Content-Type": "text/plain"}, send_body)
                return
            validators = {"ETag": route.etag, "Last-Modified": route.last_modified}
            present = {k: v for k, v in validators.items() if v is not None}
            if _not_modified(route, self.headers):
                self._reply(304, b"", present, send_body=False)
                return
            out = {"Content-Type": route.content_type, **present, **route.headers}
            self._reply(route.status, route.body, out, send_body)

        def _reply(self, status: int, body: bytes, headers: dict[str, str],
                   send_body: bool) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean; `server.requests` is the log

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
