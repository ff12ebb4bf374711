"""`defwatch run`: one asyncio process; APScheduler ticks drive polling and delivery."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config.options import Config
from bot.ops.endpoint import serve_ops
from bot.ops.http import parse_listen
from bot.ops.probes import RunState
from bot.service.app import App, CycleReport
from bot.service.reload import reload_config
from bot.store import settings
from bot.store import sources as source_rows
from bot.store.db import utcnow
from bot.web import ArchiveSite

log = logging.getLogger("defwatch.service")

TICK_S = 10.0  # how often pending articles and the outbox are looked at at least
# A source falls due between ticks: its poll starts then, this long after (so the claim
# sees it due), and never closer than MIN_WAKE_S to the tick before.
DUE_SLACK_S = 0.05
MIN_WAKE_S = 1.0
RULES_CHECK_S = 5.0
# SIGTERM to exit must fit in the supervisor's grace period (compose stop_grace_period 30s,
# systemd TimeoutStopSec=30): the tick in flight gets IN_FLIGHT_S, then the outbox flush.
IN_FLIGHT_S = 10.0
SHUTDOWN_FLUSH_S = 10.0


class Service:
    def __init__(self, app: App) -> None:
        self.app = app
        self.state = RunState(rules_loaded=lambda: len(app.rules.current.rules))
        self._busy = asyncio.Lock()
        self._stopping = False
        self._cycle: asyncio.Task[CycleReport] | None = None
        self._reloads: set[asyncio.Task[bool]] = set()
        # told when the next source falls due, to start a tick then (run_service)
        self.on_due: Callable[[datetime], None] | None = None

    async def tick(self) -> None:
        if self._stopping:
            return
        # an operator's /pause: no polling, no new alerts; queued ones go out
        if await self.is_paused():
            async with self._busy:
                await self.app.dispatcher.run_once()
            return
        async with self._busy:
            self._cycle = asyncio.create_task(self.app.cycle())
            try:
                report = await self._cycle
            except asyncio.CancelledError:
                if not self._stopping:
                    raise
                log.warning("tick cut short by shutdown; unfinished work resumes on next start")
                return
            finally:
                self._cycle = None
        await self._plan_next()
        self.state.ticks += 1
        self.state.last_tick = time.time()
        self.app.metrics.ticks.inc()
        self.app.metrics.last_tick.set(self.state.last_tick)
        if report.polls or report.processed or report.alerts:
            log.info("cycle: %s", report.line())

    async def _plan_next(self) -> None:
        if self.on_due is None:
            return
        due = await self.app.db.run(source_rows.earliest_due)
        if due is not None:
            soonest = utcnow() + timedelta(seconds=MIN_WAKE_S)
            self.on_due(max(due + timedelta(seconds=DUE_SLACK_S), soonest))

    def check_rules(self) -> None:
        self.app.rules.reload_if_changed()

    async def reload(self) -> bool:
        """SIGHUP: rules and sources from disk, between ticks; a broken file changes nothing."""
        async with self._busy:
            return await self.app.db.call(reload_config, self.app)

    # -- commands.Control: what operators may do from a chat ------------------------------

    # The pause lives in the database: every replica obeys it and a restart keeps it.

    async def is_paused(self) -> bool:
        return await self.app.db.run(
            lambda conn: settings.get(conn, settings.PAUSED) is not None)

    async def pause(self, by: str | None = None) -> None:
        await self.app.db.run(
            lambda conn: settings.put(conn, settings.PAUSED, True, now=utcnow(), by=by))

    async def resume(self, by: str | None = None) -> None:
        await self.app.db.run(lambda conn: settings.clear(conn, settings.PAUSED))

    async def reload_rules(self) -> str:
        ok = await self.reload()
        count = len(self.app.rules.current.rules)
        if ok:
            return f"Reloaded: {count} rules in force."
        return (f"Not reloaded: a rule or source file has errors (see the service log); "
                f"the {count} rules in force stay.")

    def hangup(self) -> None:
        task = asyncio.get_running_loop().create_task(self.reload())
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)

    async def drain(self) -> None:
        """Stop taking work, let the tick in flight finish, flush the outbox in time."""
        self._stopping = self.state.stopping = True
        cycle = self._cycle
        if cycle is not None and not (await asyncio.wait({cycle}, timeout=IN_FLIGHT_S))[0]:
            log.warning("tick still running after %.0fs; cancelling it", IN_FLIGHT_S)
            cycle.cancel()
        async with self._busy:
            try:
                report = await asyncio.wait_for(self.app.dispatcher.run_once(),
                                                SHUTDOWN_FLUSH_S)
            except TimeoutError:
                log.warning("outbox not flushed within %.0fs; pending deliveries resume "
                            "on next start", SHUTDOWN_FLUSH_S)
            else:
                log.info("outbox flushed: delivered %d, %d to retry", report.sent,
                         report.retried)


async def run_service(config: Config, stop: asyncio.Event | None = None) -> int:
    stop = stop or asyncio.Event()
    parse_listen(config.http.listen)  # a bad value fails before anything starts
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with App(config) as app:
        app.pool.start()  # workers ready before the first pages, not started by them
        service = Service(app)
        loop.add_signal_handler(signal.SIGHUP, service.hangup)
        scheduler = AsyncIOScheduler(event_loop=loop)
        scheduler.add_job(service.tick, "interval", seconds=TICK_S, id="tick",
                          max_instances=1, coalesce=True, next_run_time=datetime.now())
        scheduler.add_job(service.check_rules, "interval", seconds=RULES_CHECK_S,
                          id="rules", max_instances=1, coalesce=True)
        scheduler.start()

        def wake_at(due: datetime) -> None:  # naive UTC, as the store keeps times
            scheduler.add_job(service.tick, "date", run_date=due.replace(tzinfo=UTC),
                              id="due", replace_existing=True, misfire_grace_time=None)

        service.on_due = wake_at
        service.state.scheduler_running = lambda: bool(scheduler.running)
        if app.telegram is not None:  # commands share this loop; they start in background
            from bot.channels.telegram.commands import Commands  # noqa: PLC0415 (PTB)
            from bot.channels.telegram.lookups import DigestJob, Lookups  # noqa: PLC0415
            from bot.channels.telegram.texts import bot_commands  # noqa: PLC0415

            commands = Commands(app.db, app.topics, admins=config.telegram.admins,
                                control=service)
            lookups = Lookups(app.db, commands, public_url=config.http.public_url,
                              digest_hour=config.telegram.digest_hour)
            app.telegram.start_commands(
                [*commands.handlers(), *lookups.handlers(), *commands.fallbacks()],
                bot_commands())
            digests = DigestJob(app.db, app.telegram.application.bot,
                                hour=config.telegram.digest_hour,
                                public_url=config.http.public_url)
            # Hourly, not once at the hour: a service started late still sends today's.
            scheduler.add_job(digests.run, "cron", minute=0, id="digests", max_instances=1,
                              coalesce=True, timezone=UTC)
        site = ArchiveSite(app.db, public_url=config.http.public_url)
        async with serve_ops(config.http.listen, app.db, app.metrics, service.state,
                             app=site, token=config.http.token):
            log.info("defwatch running: %d sources, %d rules, channels=%s",
                     len(app.sources.current), len(app.rules.current.rules),
                     ",".join(app.channels))
            await stop.wait()
            log.info("stopping: no new work, finishing the tick in flight")
            scheduler.shutdown(wait=False)
            await service.drain()
        site.close()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.remove_signal_handler(sig)
    log.info("stopped")
    return 0
