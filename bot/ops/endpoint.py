"""The operations endpoint of `defwatch run`, as one async context manager."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.ops.http import HttpServer, parse_listen
from bot.ops.metrics import Metrics
from bot.ops.probes import Probes, RunState
from bot.store import Database

__all__ = ["serve_ops"]

log = logging.getLogger("defwatch.http")


@asynccontextmanager
async def serve_ops(listen: str, db: Database, metrics: Metrics,
                    state: RunState) -> AsyncIterator[HttpServer | None]:
    """Serve /healthz, /readyz and /metrics on `listen` ("off": nothing) while inside."""
    where = parse_listen(listen)
    if where is None:
        log.info("http endpoint off (http.listen: off)")
        yield None
        return
    probes = Probes(db, metrics, state)
    server = HttpServer({"/healthz": probes.healthz, "/readyz": probes.readyz,
                         "/metrics": probes.metrics}, *where)
    await server.start()
    try:
        yield server
    finally:
        await server.close()
