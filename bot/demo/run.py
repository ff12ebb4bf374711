"""Build RSS feeds over the demo pages, serve them on loopback and run one cycle; with
--serve, keep the archive of that run up on loopback until stopped."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bot.config.options import BUNDLED_RULES, Config, EventsConfig, FetchConfig, SourceConfig
from bot.config.yamlfile import load_yaml, plain
from bot.demo.loopback import LoopbackServer
from bot.ops.http import HttpServer
from bot.service.app import App, CycleReport
from bot.store import open_database
from bot.web import ArchiveSite

CORPUS = Path(__file__).resolve().parent / "corpus"


def _rss(base: str, feed: dict[str, Any]) -> bytes:
    items = []
    for item in feed["items"]:
        published = datetime.fromisoformat(str(item["published"]))
        url = f"{base}/{feed['id']}/{item['page']}"
        items.append(
            f"<item><title>{escape(item['title'])}</title><link>{escape(url)}</link>"
            f"<guid>{escape(url)}</guid>"
            f"<pubDate>{format_datetime(published)}</pubDate></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{escape(feed['outlet'])}</title><link>{base}/</link>"
            f"{''.join(items)}</channel></rss>").encode()


def demo_routes(base: str) -> tuple[dict[str, tuple[bytes, str]], list[SourceConfig]]:
    feeds = plain(load_yaml(CORPUS / "feeds.yaml"))["feeds"]
    routes: dict[str, tuple[bytes, str]] = {}
    sources = []
    for feed in feeds:
        routes[f"/{feed['id']}/feed.xml"] = (_rss(base, feed), "application/rss+xml")
        for item in feed["items"]:
            page = (CORPUS / item["page"]).read_bytes()
            routes[f"/{feed['id']}/{item['page']}"] = (page, "text/html; charset=utf-8")
        sources.append(SourceConfig(id=feed["id"], kind="rss",
                                    url=f"{base}/{feed['id']}/feed.xml",
                                    outlet=feed["outlet"], authority=feed["authority"]))
    return routes, sources


async def run_demo(channels: list[str] | None = None, *,
                   database: str | None = None) -> CycleReport:
    """One cycle over the demo corpus; into `database` when given (its archive then
    outlives the run), else a throwaway one."""
    with LoopbackServer() as server, tempfile.TemporaryDirectory() as tmp:
        routes, sources = demo_routes(server.base_url)
        for path, (body, content_type) in routes.items():
            server.add(path, body, content_type=content_type)
        config = Config(database=database or f"sqlite:///{tmp}/demo.db", rules=BUNDLED_RULES,
                        sources=sources, channels=channels or ["console"],
                        # The corpus is years old: old news is exactly what it shows.
                        events=EventsConfig(max_age=None),
                        # The corpus is served on 127.0.0.1: allow it past the SSRF guard.
                        fetch=FetchConfig(per_host_delay=0, per_host_concurrency=8,
                                          allow_private=True),
                        path=Path(tmp) / "demo.yaml")
        async with App(config) as app:
            return await app.cycle(everything=True)


async def serve_demo(stop: asyncio.Event, *, port: int = 0, channels: list[str] | None = None,
                     ready: Callable[[str], None] = print) -> int:
    """Run the demo into a database, then serve its archive on 127.0.0.1:`port` (0: any
    free port) until `stop` is set. `ready` gets the archive's URL once it answers.
    Returns the number of alerts the demo made."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/demo.db"
        report = await run_demo(channels, database=url)
        db = open_database(url)
        site = ArchiveSite(db)
        server = HttpServer({}, "127.0.0.1", port, app=site)
        try:
            await server.start()
            ready(f"http://127.0.0.1:{server.port}/")
            await stop.wait()
        finally:
            await server.close()
            site.close()
            db.close()
    return len(report.alerts)
