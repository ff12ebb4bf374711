"""A synthetic news site (tests/reliability/newsgen.py) on a loopback server built for
load: many simultaneous connections and kept-alive ones, as real sites take them.

tests/loopback.py's server listens with Python's default backlog of 5 and answers
HTTP/1.0: thirty-two page fetches at once overflow the accept queue, and the dropped
connections retry after a second, which is the server's artefact, not defwatch's.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Protocol, Self

from tests.reliability.newsgen import Story, feed_xml, page_html, split

__all__ = ["Routes", "SiteServer", "serve_news"]


class Routes(Protocol):
    """What serve_news needs of a server; LoopbackServer and SiteServer both fit."""

    def add(self, path: str, body: bytes | str, *, content_type: str = ...,
            etag: str | None = ...) -> str: ...

    def url(self, path: str) -> str: ...


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512

    def handle_error(self, request: object, client_address: object) -> None:
        # A client killed mid-connection (the crash tests do that) is not a server error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class SiteServer:
    """Static routes on 127.0.0.1 (HTTP/1.1, keep-alive, ETag → 304), in a thread."""

    def __init__(self) -> None:
        self._routes: dict[str, tuple[bytes, str, str | None]] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self._httpd = _Server(("127.0.0.1", 0), _handler(self))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str, *,
            content_type: str = "text/html; charset=utf-8", etag: str | None = None) -> str:
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            self._routes[path] = (data, content_type, etag)
        return self.url(path)

    def remove(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    def route(self, path: str) -> tuple[bytes, str, str | None] | None:
        with self._lock:
            self.hits += 1
            return self._routes.get(path)

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        name=f"site:{self.port}", daemon=True)
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


def _handler(site: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes

        def do_GET(self) -> None:
            found = site.route(self.path)
            if found is None:
                self._reply(404, b"not found\n", {"Content-Type": "text/plain"})
                return
            body, content_type, etag = found
            if etag is not None and self.headers.get("If-None-Match") == etag:
                self._reply(304, b"", {"ETag": etag})
                return
            self._reply(200, body, {"Content-Type": content_type,
                                    **({"ETag": etag} if etag else {})})

        def _reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def serve_news(server: Routes, items: Sequence[Story], *, feeds: int = 1,
               chrome: int = 1) -> list[str]:
    """Serve every story's page and `feeds` RSS feeds listing them; returns the feed
    URLs. Second reports of an event go to a feed of their own (another outlet)."""
    firsts = [s for s in items if not s.second]
    seconds = [s for s in items if s.second]
    groups = split(firsts, feeds) + ([seconds] if seconds else [])
    urls = []
    for n, group in enumerate(groups):
        outlet = f"Outlet {n}"
        listed = []
        for story in group:
            url = server.add(f"/o{n}/{story.slug}.html", page_html(story, outlet, chrome=chrome))
            listed.append((story, url))
        feed = feed_xml(outlet, server.url(f"/o{n}/"), listed)
        urls.append(server.add(f"/o{n}/feed.xml", feed, content_type="application/rss+xml",
                               etag=f'"o{n}-1"'))
    return urls
