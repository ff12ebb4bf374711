"""`defwatch demo --serve`: the demo corpus's archive, kept up on loopback until stopped."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable

from bot.demo.run import run_demo
from bot.obs.http import HttpServer
from bot.store import open_database
from bot.web import ArchiveSite

__all__ = ["serve_demo"]


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
