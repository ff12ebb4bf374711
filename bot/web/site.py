"""The read-only web archive: pages, Atom feeds and the JSON API over the archived events.

One request is one read-only transaction and one render, both in a worker thread: the
service's event loop only moves bytes. Every value a page shows goes through Jinja2's
autoescaping; links to sources are shown only when they are http(s).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy import Connection, Engine

from bot.ops.http import Request, Response
from bot.store import Database
from bot.store import archive_query as archived
from bot.store.db import open_reader
from bot.web.feeds import atom
from bot.web.params import MAX_Q, PAGE_SIZE, BadParam, Filters, filters, limit

__all__ = ["ArchiveSite"]

_EVENT_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
_FEED = re.compile(r"/feeds/([a-z0-9][a-z0-9_.-]{0,99})\.atom")
_HOST = re.compile(r"[A-Za-z0-9.:\[\]-]{1,255}")
HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
# The pages run no script and load nothing from elsewhere.
_PAGE_HEADERS = (
    ("Content-Security-Policy",
     "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
     "frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)


def _safe_url(url: str) -> str:
    return url if urlsplit(url).scheme in ("http", "https") else "#"


class ArchiveSite:
    """The `app` of bot.ops.http.HttpServer: everything but the probes and /metrics."""

    def __init__(self, db: Database, *, public_url: str | None = None) -> None:
        self._engine: Engine = open_reader(db)
        self._public_url = public_url.rstrip("/") if public_url else None
        self._env = Environment(loader=PackageLoader("bot.web", "templates"),
                                autoescape=select_autoescape(["html", "xml"]),
                                undefined=StrictUndefined, trim_blocks=True,
                                lstrip_blocks=True)
        self._env.filters["safe_url"] = _safe_url

    def close(self) -> None:
        self._engine.dispose()

    async def __call__(self, request: Request) -> Response:
        return await asyncio.to_thread(self.handle, request)

    def handle(self, request: Request) -> Response:
        path = request.path
        with self._engine.connect() as conn:
            page = {"/": self._timeline, "/topics": self._topics,
                    "/api/events": self._api_events}.get(path)
            if page is not None:
                return page(conn, request)
            if path.startswith("/events/"):
                return self._event(conn, request, path.removeprefix("/events/"))
            if path.startswith("/api/events/"):
                return self._api_event(conn, path.removeprefix("/api/events/"))
            feed = _FEED.fullmatch(path)
            if feed is not None:
                topic = None if feed.group(1) == "all" else feed.group(1)
                body = atom(archived.latest(conn, topic), base=self._base(request), topic=topic)
                return Response(200, body, ATOM)
        return self._error(request, 404, "Not found", f"There is no page at {path[:200]}.")

    # -- pages --------------------------------------------------------------------------

    def _timeline(self, conn: Connection, request: Request) -> Response:
        got = filters(request.query)
        if isinstance(got, BadParam):
            return self._error(request, 400, "Bad request", got.message)
        events, total = archived.timeline(conn, got.query())
        first = (got.page - 1) * PAGE_SIZE + 1
        return self._page(request, "timeline.html", 200, f=got, events=events, total=total,
                          first=first, more=first - 1 + len(events) < total,
                          topics=archived.topic_counts(conn), max_q=MAX_Q)

    def _topics(self, conn: Connection, request: Request) -> Response:
        return self._page(request, "topics.html", 200, topics=archived.topic_counts(conn))

    def _event(self, conn: Connection, request: Request, event_id: str) -> Response:
        found = archived.by_id(conn, event_id) if _EVENT_ID.fullmatch(event_id) else None
        if found is None:
            return self._error(request, 404, "No such event",
                               f"No event {event_id[:60]!r} is in the archive.")
        return self._page(request, "event.html", 200, e=found.event, a=found.event.alert,
                          history=found.alerts)

    def _error(self, request: Request, status: int, heading: str, message: str) -> Response:
        return self._page(request, "error.html", status, heading=heading, message=message)

    def _page(self, request: Request, template: str, status: int, **values: Any) -> Response:
        token = (request.query.get("token") or [""])[0]
        body = self._env.get_template(template).render(link=_linker(token), token=token,
                                                         status=status, **values)
        return Response(status, body.encode(), HTML, headers=_PAGE_HEADERS)

    # -- the JSON API -------------------------------------------------------------------

    def _api_events(self, conn: Connection, request: Request) -> Response:
        got = filters(request.query)
        size = limit(request.query)
        for bad in (got, size):
            if isinstance(bad, BadParam):
                return _json(400, {"error": bad.message})
        assert isinstance(got, Filters) and isinstance(size, int)
        events, total = archived.timeline(conn, got.query(size))
        return _json(200, {"events": [e.to_json() for e in events], "total": total})

    def _api_event(self, conn: Connection, event_id: str) -> Response:
        found = archived.by_id(conn, event_id) if _EVENT_ID.fullmatch(event_id) else None
        if found is None:
            return _json(404, {"error": f"no event {event_id[:60]!r} in the archive"})
        return _json(200, {**found.event.to_json(), "alerts": [
            {"action": h.action, "at": h.at.isoformat() + "Z", "sources": h.sources}
            for h in found.alerts]})

    def _base(self, request: Request) -> str:
        """Where links in feeds point: http.public_url, else the host the reader asked."""
        if self._public_url:
            return self._public_url
        host = request.headers.get("host", "")
        return f"http://{host}" if _HOST.fullmatch(host) else "http://127.0.0.1"


def _linker(token: str) -> Callable[..., str]:
    """`link(path, **params)` for templates: a page reached with ?token= keeps it in links."""

    def link(path: str, **params: str) -> str:
        values: Mapping[str, str] = {**params, "token": token} if token else params
        return f"{path}?{urlencode(values)}" if values else path

    return link


def _json(status: int, body: dict[str, Any]) -> Response:
    return Response(status, json.dumps(body, ensure_ascii=False).encode(), JSON)
