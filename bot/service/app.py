"""The composition root: every stage built once from one Config and wired together."""

from __future__ import annotations

import asyncio
import gc
import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from bot.channels import Channel, ChannelFamily, build_channels
from bot.channels.routing import Router
from bot.channels.telegram.journal import PostJournal
from bot.config.options import Config, load_sources, sources_written
from bot.config.sourceset import SourcesHolder
from bot.models import Alert
from bot.ops.metrics import Metrics
from bot.pipeline.alert import Alerter, Composed
from bot.pipeline.compose import compose
from bot.pipeline.cpu_pool import CpuPool
from bot.pipeline.dispatch import Dispatcher, DispatchReport
from bot.pipeline.poll import Poller, PollOutcome
from bot.pipeline.process import Processed, Processor
from bot.rules.cache import RuleCache
from bot.rules.holder import RulesHolder
from bot.service.hostturns import DatabaseHostTurns
from bot.service.liveness import Heartbeat, Worker
from bot.store import Database, open_database
from bot.store import sources as source_rows
from bot.store.db import migrate_database, utcnow
from watchers import Fetcher

if TYPE_CHECKING:
    from bot.channels.telegram.runtime import TelegramRuntime
    from bot.channels.telegram.texts import Topic

log = logging.getLogger("defwatch")


@dataclass(frozen=True)
class CycleReport:
    polls: list[PollOutcome]
    processed: list[Processed]
    alerts: list[int]
    delivered: DispatchReport

    def line(self) -> str:
        errors = sum(p.status == "error" for p in self.polls)
        matched = sum(p.outcome == "matched" for p in self.processed)
        return (f"polled {len(self.polls)} sources ({errors} failed), processed "
                f"{len(self.processed)} articles ({matched} matched), {len(self.alerts)} "
                f"new alerts, delivered {self.delivered.sent}")


def _telegram(config: Config, db: Database, owner: str,
              metrics: Metrics) -> TelegramRuntime | None:
    """The Telegram runtime when a token is configured. python-telegram-bot (a second to
    import) loads only then: a console-only service never pays for it."""
    if not config.telegram.token:
        return None
    from bot.channels.telegram import runtime  # noqa: PLC0415

    return runtime.TelegramRuntime(config.telegram, journal=PostJournal(db, owner=owner),
                                   on_settled=metrics.telegram_settled)


class App:
    """Holds the long-lived parts; `async with App(config) as app: await app.cycle()`."""

    def __init__(self, config: Config, *, channels: dict[str, Channel] | None = None,
                 metrics: Metrics | None = None, pool: CpuPool | None = None) -> None:
        self.config = config
        self.metrics = metrics or Metrics()
        base = config.path.resolve().parent if config.path else Path.cwd()
        # No SQL here: an App is made inside async code; __aenter__ migrates, in a thread.
        self.db: Database = open_database(config.database, migrate=False)
        # One worker id for every claim this process makes, so its death frees them all.
        self.worker = Worker(self.db)
        self._heartbeat = Heartbeat(self.worker)
        owner = self.worker.owner
        # With a token: Telegram channels, subscribed chats and (under `run`) commands.
        self.telegram = _telegram(config, self.db, owner, self.metrics)
        self.channels = channels if channels is not None else build_channels(
            config.channels, base, telegram=self.telegram.sender if self.telegram else None)
        self.sources = SourcesHolder(s.to_source() for s in load_sources(config) if s.enabled)
        self.rules = RulesHolder(config.rules, RuleCache(config.cache))
        self._stack = AsyncExitStack()
        # Extraction and matching in worker processes, one per core unless configured;
        # `once` hands in a pool it started before its imports, and the App closes it.
        self.pool = pool if pool is not None else CpuPool(config.workers)
        settings = config.fetch.settings()
        # Per-host limits held in the database: replicas share them (not each its own).
        self._turns = DatabaseHostTurns(self.db, owner, limit=settings.per_host_concurrency,
                                        lease=timedelta(seconds=settings.timeout_s + 30))
        self.fetcher = Fetcher(settings, turns=self._turns)
        self.poller = Poller(self.db, self.fetcher, concurrency=config.fetch.concurrency,
                             sources=self.sources,
                             metrics=self.metrics, owner=owner)
        self.processor = Processor(self.db, self.fetcher, self.rules,
                                   window_days=config.events.window / 86400.0,
                                   max_age=(timedelta(seconds=config.events.max_age)
                                            if config.events.max_age is not None else None),
                                   pool=self.pool, metrics=self.metrics,
                                   owner=owner)
        families: list[ChannelFamily] = (
            [self.telegram.subscribers(self.db)] if self.telegram else [])
        self.alerter = Alerter(self.db, Router(self.channels, subscribers=bool(families)),
                               update_every_s=config.events.update_every, metrics=self.metrics)
        self.dispatcher = Dispatcher(self.db, self.channels, families=families,
                                     metrics=self.metrics, owner=owner)
        self.metrics.group_channels(f.prefix for f in families)
        self.metrics.watch_rules(lambda: self.rules.reload_errors,
                                 lambda: len(self.rules.current.rules))
        self.metrics.sources.set(len(self.sources.current))

    async def __aenter__(self) -> App:
        await self._stack.enter_async_context(self.fetcher)
        self._stack.push_async_callback(self._turns.aclose)  # before the fetcher closes
        # a new SQLite store is a copy of one migrated before, when the cache keeps one
        await self.db.call(migrate_database, self.db, self.config.cache)
        written = sources_written(self.config)
        if not await self.db.run(lambda conn: source_rows.sync_sources(
                conn, list(self.sources.current.values()), utcnow(), written=written,
                by=self.worker.owner)):
            log.warning("the source list in the database was written after this replica's "
                        "(%s): it stays in force, and this replica polls and processes by it",
                        self.config.sources)
        # Before the first cycle: a restart after a crash frees its predecessor's claims.
        await self.db.call(self.worker.join)
        self._heartbeat.start()
        # What start-up made (modules, the rule set, the store's metadata: some 400,000
        # objects) lives as long as the App: full collections skip it until the App
        # closes, instead of walking it each time (~0.08 s of CPU in a run of `once`).
        gc.freeze()
        self._stack.callback(gc.unfreeze)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self._stack.aclose()
        for channel in self.channels.values():
            await channel.close()
        if self.telegram is not None:
            await self.telegram.close()
        await asyncio.to_thread(self.pool.close)  # the workers finish the page they are on
        await asyncio.to_thread(self._heartbeat.stop)
        # last: nothing of this process works on claims any more
        await self.db.call(self.worker.leave)
        await asyncio.to_thread(self.db.close)

    def topics(self) -> list[Topic]:
        """The topics people can follow in Telegram: the rules in force."""
        from bot.channels.telegram.texts import Topic  # noqa: PLC0415 (PTB: only with a token)

        return [Topic(rid, rule.title, rule.description)
                for rid, rule in sorted(self.rules.current.rules.items())]

    async def _alert(self) -> list[int]:
        """Dirty events into alerts: composed in the worker processes, all at once (the
        summaries are CPU), then written in the store's threads."""
        composed: Composed = {}
        if self.pool.workers > 0:
            jobs = await self.db.call(self.alerter.jobs)
            done = await asyncio.gather(*(self.pool.run(compose, j) for j in jobs),
                                        return_exceptions=True)
            # a job that crashed its worker is composed again where it is written
            composed = {j.event_id: (j, a) for j, a in zip(jobs, done, strict=True)
                        if isinstance(a, Alert)}
        return await self.db.call(self.alerter.emit, composed)

    async def cycle(self, *, everything: bool = False) -> CycleReport:
        """Poll due sources (all with everything=True), process, alert, deliver."""
        polls = await self.poller.poll_due(everything=everything)
        processed = await self.processor.run_pending()
        alerts = await self._alert()
        delivered = await self.dispatcher.run_once()
        return CycleReport(polls, processed, alerts, delivered)
