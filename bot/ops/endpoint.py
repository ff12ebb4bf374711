"""The operations endpoint of `defwatch run`, as one async context manager."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.ops.http import App, HttpServer, parse_listen
from bot.ops.metrics import Metrics
from bot.ops.probes import Probes, RunState
from bot.store import Database

__all__ = ["serve_ops"]

log = logging.getLogger("defwatch.http")


@asynccontextmanager
async def serve_ops(listen: str, db: Database, metrics: Metrics, state: RunState, *,
                    app: App | None = None, token: str | None = None,
                    ) -> AsyncIterator[HttpServer | None]:
    """Serve /healthz, /readyz and /metrics on `listen` ("off": nothing) while inside, and
    every other path through `app` (the archive); `token` guards all but the probes."""
    where = parse_listen(listen)
    if where is None:
        log.info("http endpoint off (http.listen: off)")
        yield None
        return
    probes = Probes(db, metrics, state)
    server = HttpServer({"/healthz": probes.healthz, "/readyz": probes.readyz,
                         "/metrics": probes.metrics}, *where, app=app, token=token)
    if not token and not _loopback(where[0]):
        log.warning("http.listen %s is not a loopback address and http.token is not set: "
                    "the archive and /metrics are open to anyone who can reach it", listen)
    await server.start()
    try:
        yield server
    finally:
        await server.close()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything
