"""Polling sources: claim what is due, poll it, remember the outcome and the next due time."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.obs.metrics import Metrics
from bot.store import Database
from bot.store import articles as article_rows
from bot.store import polling as source_rows
from bot.store.db import utcnow
from watchers import rss
from watchers.errors import FeedError, FetchError
from watchers.http import Fetcher
from watchers.models import PollResult, Source, SourceState

log = logging.getLogger("defwatch.poll")

PollFn = Callable[[Fetcher, Source, SourceState], Awaitable[PollResult]]

# The explicit list of watchers by source kind (sources.yaml `kind:`).
WATCHERS: dict[str, PollFn] = {
    "rss": rss.poll,
}

CLAIM_LEASE = timedelta(minutes=5)  # a crashed poller's claim runs out after this
MAX_BACKOFF_S = 6 * 3600.0


@dataclass(frozen=True)
class PollOutcome:
    source_id: str
    status: str  # ok | not_modified | error
    new_entries: int = 0
    error: str | None = None


def next_due_after_failure(now: datetime, interval_s: float, failures: int,
                           retry_after: float | None = None) -> datetime:
    """Exponential backoff with jitter, capped, and never sooner than Retry-After."""
    wait = min(MAX_BACKOFF_S, max(interval_s, 60.0) * 2 ** min(failures - 1, 8))
    wait *= random.uniform(0.9, 1.1)
    return now + timedelta(seconds=max(wait, retry_after or 0.0))


class Poller:
    def __init__(self, db: Database, fetcher: Fetcher, *, concurrency: int = 16,
                 clock: Callable[[], datetime] = utcnow, metrics: Metrics | None = None) -> None:
        self._db = db
        self._metrics = metrics or Metrics()
        self._fetcher = fetcher
        self._slots = asyncio.Semaphore(concurrency)
        self._clock = clock

    def claim_due(self, *, everything: bool = False) -> list[Source]:
        now = self._clock()
        horizon = now + timedelta(days=36500) if everything else now
        with self._db.engine.begin() as conn:
            due = source_rows.due_sources(conn, horizon)
            source_rows.postpone(conn, [s.id for s in due], now + CLAIM_LEASE)
        return due

    async def poll_all(self, sources: list[Source]) -> list[PollOutcome]:
        return list(await asyncio.gather(*(self.poll(s) for s in sources)))

    async def poll(self, source: Source) -> PollOutcome:
        async with self._slots:
            return await self._poll(source)

    async def _poll(self, source: Source) -> PollOutcome:
        with self._db.engine.begin() as conn:
            state = source_rows.source_state(conn, source.id)
        watcher = WATCHERS.get(source.kind)
        started = time.perf_counter()
        try:
            if watcher is None:
                raise FeedError(source.url, f"no watcher for kind {source.kind!r} in this build")
            result = await watcher(self._fetcher, source, state)
        except (FetchError, FeedError) as exc:
            self._metrics.poll(source.id, "error", time.perf_counter() - started)
            return self._record_failure(source, exc)
        elapsed = time.perf_counter() - started
        now = self._clock()
        next_due = now + timedelta(seconds=source.interval_s)
        with self._db.engine.begin() as conn:
            fresh = article_rows.add_entries(conn, list(result.entries), now)
            status = "not_modified" if result.not_modified else "ok"
            source_rows.record_success(conn, source.id, result.state, status=status, now=now,
                                       next_due=next_due, items=len(fresh))
        self._metrics.poll(source.id, status, elapsed, items=len(result.entries), new=len(fresh))
        log.info("polled source=%s status=%s items=%d new=%d", source.id, status,
                 len(result.entries), len(fresh))
        return PollOutcome(source.id, status, new_entries=len(fresh))

    def _record_failure(self, source: Source, exc: FetchError | FeedError) -> PollOutcome:
        now = self._clock()
        retry_after = exc.retry_after if isinstance(exc, FetchError) else None
        with self._db.engine.begin() as conn:
            failures = source_rows.failures_of(conn, source.id) + 1
            due = next_due_after_failure(now, source.interval_s, failures, retry_after)
            source_rows.record_failure(conn, source.id, exc.reason, now=now, next_due=due)
        log.warning("poll failed source=%s url=%s failures=%d next_try=%s reason=%s",
                    source.id, source.url, failures, due.isoformat(timespec="seconds"),
                    exc.reason)
        return PollOutcome(source.id, "error", error=exc.reason)
