"""From a pending entry to a stored article, matched and placed in an event.

Entries are claimed a batch at a time with a lease, so replicas sharing a database never
fetch, match or place the same entry; placing (bot/pipeline/place.py: read candidate
events, then write) takes turns across replicas, so two reports of one event cannot both
open a new event.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.ops.metrics import Metrics
from bot.pipeline.cpu_pool import CpuPool
from bot.pipeline.examine import PageResult
from bot.pipeline.place import Placer, Processed, too_old, utc
from bot.rules.holder import RulesHolder
from bot.store import Database
from bot.store import entries as entry_rows
from bot.store import sources as source_rows
from bot.store.db import utcnow
from watchers import Entry, Fetcher, FetchError, Source

log = logging.getLogger("defwatch.process")

CLAIM_LEASE = timedelta(minutes=10)  # a crashed processor's claims run out after this
CLAIM_BATCH = 32  # entries claimed (and fetched in parallel) at a time

__all__ = ["Processed", "Processor"]


class Processor:
    def __init__(self, db: Database, fetcher: Fetcher, rules: RulesHolder, *,
                 window_days: float,
                 max_age: timedelta | None = None, pool: CpuPool | None = None,
                 clock: Callable[[], datetime] = utcnow, metrics: Metrics | None = None,
                 owner: str | None = None) -> None:
        self._db = db
        self._owner = owner or uuid.uuid4().hex
        self._fetcher = fetcher
        self._rules = rules
        # The claimed entries' sources as the database has them (the truth replicas share:
        # another replica may have added a source this one's configuration lacks).
        self._sources: dict[str, Source] = {}
        # Older than this when first seen (by the feed's date, else the page's): recorded,
        # never alerted. A new source's archive, or a feed re-publishing its past, is not news.
        self._max_age = max_age
        self._pool = pool or CpuPool(workers=0)
        self._clock = clock
        self._metrics = metrics or Metrics()
        self._placer = Placer(db, owner=self._owner, window_days=window_days,
                              max_age=max_age, clock=clock, metrics=self._metrics)

    async def run_pending(self, limit: int = 500) -> list[Processed]:
        """Claim, fetch, examine and place pending entries, a batch at a time.

        While one batch is placed (in a thread: the store), the next is fetched and
        examined (in the worker processes), so the workers do not wait for the store.
        Articles are placed in claim order, so grouping is the same for the same entries.
        """
        done: list[Processed] = []
        claimed = 0
        previous: list[tuple[Entry, asyncio.Task[PageResult]]] = []
        current: list[tuple[Entry, asyncio.Task[PageResult]]] = []
        try:
            while claimed < limit and (batch := await self._db.claim(
                    self._claim, min(CLAIM_BATCH, limit - claimed),
                    undo=lambda got: self._release([e.key for e in got]))):
                claimed += len(batch)
                current = [(e, asyncio.create_task(self._examine(e))) for e in batch]
                done += await self._settle(previous)
                previous, current = current, []
            done += await self._settle(previous)
            previous = []
        except BaseException:  # cancelled (a shutdown): unfinished entries go back now
            unfinished = previous + current
            for _, task in unfinished:
                task.cancel()
            await self._db.call(self._release, [e.key for e, _ in unfinished])
            raise
        for p in done:
            self._metrics.article(p.outcome, p.rules if p.outcome == "matched" else ())
        return done

    def _claim(self, limit: int) -> list[Entry]:
        now = self._clock()
        with self._db.engine.begin() as conn:
            batch = entry_rows.claim_entries(conn, now, owner=self._owner,
                                             until=now + CLAIM_LEASE, limit=limit)
            self._sources.update(
                source_rows.sources_by_id(conn, {e.source_id for e in batch}))
        return batch

    def _release(self, keys: list[str]) -> None:
        with self._db.engine.begin() as conn:
            entry_rows.release_entries(conn, keys, self._owner)

    async def _examine(self, entry: Entry) -> PageResult:
        source = self._sources.get(entry.source_id)
        if source is None:
            return PageResult("failed", error="its source is not in the database")
        if self._too_old(entry.published):  # the feed's date says so: no need to fetch it
            return PageResult("old")
        try:
            response = await self._fetcher.get(entry.url)
        except FetchError as exc:
            transient = exc.status is None or exc.status >= 500 or exc.status == 429
            return PageResult("failed", error=exc.reason, retry=transient)
        except Exception as exc:  # a fetcher's bug: this page fails, the others go on
            log.exception("fetching raised unexpectedly url=%s", entry.url)
            return PageResult("failed", error=f"internal error: {type(exc).__name__}: {exc}")
        return await self._pool.examine(response, source, entry, self._rules.current,
                                        now=utc(self._clock()))

    async def _settle(self, batch: list[tuple[Entry, asyncio.Task[PageResult]]]
                      ) -> list[Processed]:
        if not batch:
            return []
        results = [(entry, await task) for entry, task in batch]
        for _, got in results:
            self._metrics.page_cpu(got.cpu.items())
        return await self._db.call(self._placer.place, results)

    def _too_old(self, published: datetime | None) -> bool:
        return too_old(published, self._clock(), self._max_age)
