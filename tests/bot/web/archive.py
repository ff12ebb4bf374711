"""Archives to test against: the demo corpus (and the three seed articles, when they are
beside the repository) through the real pipeline, or alerts filed directly; and the
archive served on 127.0.0.1 from a thread, for clients that block (httpx, Selenium)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.config.options import (
    BUNDLED_RULES,
    Config,
    EventsConfig,
    FetchConfig,
    SourceConfig,
)
from bot.demo.run import demo_routes
from bot.ops.http import HttpServer, Request, Response
from bot.service.app import App
from bot.store import Database
from bot.store import archive as archive_rows
from bot.store import events as event_rows
from bot.store import outbox as outbox_rows
from bot.web import ArchiveSite
from tests.beside import SEEDS
from tests.bot.test_end_to_end import serve_seeds
from tests.loopback import LoopbackServer


def have_seeds() -> bool:
    return SEEDS.is_dir() and len(list(SEEDS.glob("*.txt"))) == 3


async def build_archive(database: str, tmp: Path) -> None:
    """The demo corpus, plus the seeds when present, through poll → alert, once."""
    with LoopbackServer() as server:
        routes, sources = demo_routes(server.base_url)
        for path, (body, content_type) in routes.items():
            server.add(path, body, content_type=content_type)
        if have_seeds():
            sources.append(SourceConfig(id="seeds", kind="rss", url=serve_seeds(server),
                                        outlet="Seeds"))
        config = Config(database=database, rules=BUNDLED_RULES, sources=sources,
                        channels=[], path=tmp / "defwatch.yaml",
                        events=EventsConfig(max_age=None),  # the corpus is old news
                        fetch=FetchConfig(per_host_delay=0, per_host_concurrency=8,
                                          allow_private=True))
        async with App(config) as app:
            await app.cycle(everything=True)


def file_alert(db: Database, event_id: str, *, title: str, rules: list[str],
               countries: list[str], day: date, at: datetime, action: str = "new",
               sources: list[dict[str, Any]] | None = None, summary: str = "") -> int:
    """Write one alert as the Alerter does (event row, outbox, archive) and return its id."""
    payload = {"event_id": event_id, "action": action, "rules": rules, "title": title,
               "summary": summary or f"About {title}.",
               "facts": {"date": day.isoformat(), "countries": countries, "people": [],
                         "agreements": [], "exercises": []},
               "sources": sources or [{"url": f"https://news.example/{event_id}",
                                       "outlet": "Example News", "title": title,
                                       "published": day.isoformat(), "rules": rules}],
               "matched": {r: [] for r in rules}, "confirmed": False}
    with db.engine.begin() as conn:
        if action == "new":
            event_rows.create_event(conn, event_id, day, at)
        alert_id = outbox_rows.add_alert(conn, event_id, action, payload, [], now=at)
        archive_rows.record(conn, alert_id, payload, at)
    return alert_id


async def _ok() -> Response:
    return Response(200, b"ok\n")


@contextmanager
def serving_app(app: Callable[[Request], Awaitable[Response]], *,
                token: str | None = None) -> Iterator[str]:
    """`app` (and /healthz) on 127.0.0.1, from a thread; yields its base URL."""
    loop = asyncio.new_event_loop()
    server = HttpServer({"/healthz": _ok}, "127.0.0.1", 0, app=app, token=token)
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(server.start())
        started.set()
        loop.run_forever()
        loop.run_until_complete(server.close())

    thread = threading.Thread(target=run, name="archive-http", daemon=True)
    thread.start()
    if not started.wait(10):
        raise RuntimeError("the archive server did not start within 10 s")
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@contextmanager
def serving(db: Database, *, token: str | None = None,
            public_url: str | None = None) -> Iterator[str]:
    """The archive of `db` as `run` serves it; yields its base URL."""
    site = ArchiveSite(db, public_url=public_url)
    try:
        with serving_app(site, token=token) as url:
            yield url
    finally:
        site.close()
