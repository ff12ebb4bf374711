"""The benchmarks' news site: bot/demo/loopback.py's LoopbackServer (HTTP/1.1, keep-alive) run in
a child process, so its CPU time and memory are not counted as defwatch's.

    with ChildSite([("/o0/feed.xml", xml, "application/rss+xml", '"1"')]) as site:
        site.url("/o0/feed.xml")
        site.put("/o0/feed.xml", new_xml, etag='"2"')    # change a route while it runs
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Self

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.demo.loopback import LoopbackServer
from tests.reliability.newsgen import feed_xml, page_html, split, stories

Route = tuple[str, bytes, str, str | None]  # path, body, content type, etag


def _serve(conn: Connection, routes: list[Route]) -> None:
    with LoopbackServer(keep_alive=True) as site:
        for path, body, content_type, etag in routes:
            site.add(path, body, content_type=content_type, etag=etag)
        conn.send(site.port)
        while True:
            message = conn.recv()
            if message is None:
                break
            path, body, content_type, etag = message
            site.add(path, body, content_type=content_type, etag=etag)
            conn.send(True)


class ChildSite:
    def __init__(self, routes: list[Route]) -> None:
        ctx = mp.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, routes), daemon=True)
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def put(self, path: str, body: bytes | str, *, content_type: str = "text/html",
            etag: str | None = None) -> str:
        data = body.encode() if isinstance(body, str) else body
        self._conn.send((path, data, content_type, etag))
        self._conn.recv()
        return self.url(path)

    def __enter__(self) -> Self:
        self._proc.start()
        self.port = int(self._conn.recv())
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._conn.send(None)
        self._proc.join(10)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()


def news_routes(base: str, count: int, *, feeds: int = 4, chrome: int = 1,
                second_every: int = 0) -> tuple[list[Route], list[str]]:
    """Routes of `count` synthetic stories and their feeds on `base` (http://host:port);
    returns them and the feed paths."""
    items = stories(count, second_every=second_every)
    firsts = [s for s in items if not s.second]
    groups = split(firsts, feeds) + ([[s for s in items if s.second]] if second_every else [])
    routes: list[Route] = []
    feed_paths = []
    for n, group in enumerate(groups):
        outlet = f"Outlet {n}"
        listed = []
        for story in group:
            path = f"/o{n}/{story.slug}.html"
            routes.append((path, page_html(story, outlet, chrome=chrome).encode(),
                           "text/html; charset=utf-8", None))
            listed.append((story, base + path))
        feed_paths.append(f"/o{n}/feed.xml")
        routes.append((feed_paths[-1], feed_xml(outlet, f"{base}/o{n}/", listed).encode(),
                       "application/rss+xml", f'"o{n}-1"'))
    return routes, feed_paths
