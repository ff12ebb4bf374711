"""`defwatch run`: one asyncio process; APScheduler ticks drive polling and delivery."""

from __future__ import annotations

import asyncio
import logging
import signal
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.config import Config

log = logging.getLogger("defwatch.service")

TICK_S = 10.0  # how often due sources, pending articles and the outbox are looked at
RULES_CHECK_S = 5.0
SHUTDOWN_FLUSH_S = 10.0


class Service:
    def __init__(self, app: App) -> None:
        self.app = app
        self._busy = asyncio.Lock()
        self._stopping = False

    async def tick(self) -> None:
        if self._stopping:
            return
        async with self._busy:
            report = await self.app.cycle()
        if report.polls or report.processed or report.alerts:
            log.info("cycle: %s", report.line())

    def check_rules(self) -> None:
        self.app.rules.reload_if_changed()

    async def drain(self) -> None:
        """Stop taking work, let the tick in flight finish, flush the outbox in time."""
        self._stopping = True
        async with self._busy:
            try:
                await asyncio.wait_for(self.app.dispatcher.run_once(), SHUTDOWN_FLUSH_S)
            except TimeoutError:
                log.warning("outbox not flushed within %.0fs; pending deliveries resume "
                            "on next start", SHUTDOWN_FLUSH_S)


async def run_service(config: Config, stop: asyncio.Event | None = None) -> int:
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with App(config) as app:
        service = Service(app)
        scheduler = AsyncIOScheduler(event_loop=loop)
        scheduler.add_job(service.tick, "interval", seconds=TICK_S, id="tick",
                          max_instances=1, coalesce=True, next_run_time=datetime.now())
        scheduler.add_job(service.check_rules, "interval", seconds=RULES_CHECK_S,
                          id="rules", max_instances=1, coalesce=True)
        scheduler.start()
        log.info("defwatch running: %d sources, %d rules, channels=%s", len(app.sources),
                 len(app.rules.current.rules), ",".join(app.channels))
        await stop.wait()
        log.info("stopping")
        scheduler.shutdown(wait=False)
        await service.drain()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.remove_signal_handler(sig)
    log.info("stopped")
    return 0
