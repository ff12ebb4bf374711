"""Polling sources: claim what is due, poll it, remember the outcome and the next due time.

Workers pull a few due sources at a time from the database, so a cycle never holds a
claim for longer than a poll takes and replicas sharing a database split the work as
they go. bot.pipeline.pacing decides the next due time.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import watchers
from bot.config.sourceset import SourcesHolder
from bot.models import PollStatus
from bot.ops.metrics import Metrics
from bot.pipeline import pacing
from bot.pipeline.pacing import Pace
from bot.store import Database
from bot.store import entries as entry_rows
from bot.store import sources as source_rows
from bot.store.db import utcnow
from bot.store.sources import Claimed
from watchers import Entry, FeedError, Fetcher, FetchError, PollResult

log = logging.getLogger("defwatch.poll")

CLAIM_LEASE = timedelta(minutes=5)  # a crashed poller's claim runs out after this
CLAIM_BATCH = 4  # sources a worker takes at a time


@dataclass(frozen=True)
class PollOutcome:
    source_id: str
    status: PollStatus
    new_entries: int = 0
    error: str | None = None
    unreachable: bool = False  # failed before any HTTP answer: DNS, connection, timeout


class Poller:
    def __init__(self, db: Database, fetcher: Fetcher, *, concurrency: int = 16,
                 clock: Callable[[], datetime] = utcnow, metrics: Metrics | None = None,
                 owner: str | None = None, sources: SourcesHolder | None = None,
                 ) -> None:
        self._db = db
        self._sources = sources  # as configured (for max_interval, which the store lacks)
        self._owner = owner or uuid.uuid4().hex  # the process's worker id (bot/service/liveness.py)
        self._metrics = metrics or Metrics()
        self._fetcher = fetcher
        self._concurrency = concurrency
        self._clock = clock

    async def poll_due(self, *, everything: bool = False) -> list[PollOutcome]:
        """Poll every due source (every enabled one with everything=True) once."""
        since = self._clock()
        outcomes: list[PollOutcome] = []

        async def worker() -> None:
            while batch := await self._db.claim(self.claim, since, everything,
                                                undo=self._release_claimed):
                unpolled = [c.source.id for c in batch]
                try:
                    for claimed in batch:
                        outcomes.append(await self.poll(claimed))
                        unpolled.remove(claimed.source.id)
                finally:
                    if unpolled:  # cancelled (a shutdown): due again at once, not in 5 min
                        await self._db.call(self._release, unpolled)

        async with asyncio.TaskGroup() as workers:  # one fails (the database): all stop
            for _ in range(self._concurrency):
                workers.create_task(worker())
        if len(outcomes) >= 2 and all(o.unreachable for o in outcomes):
            # One site down is that site; every site unreachable at once is us.
            causes = Counter(_cause(o.error or "") for o in outcomes)
            log.warning("every source polled this cycle failed without an answer (%s): the "
                        "network or DNS of this machine may be down", ", ".join(
                            f"{cause} ×{n}" for cause, n in causes.most_common(3)))
        return outcomes

    def claim(self, since: datetime, everything: bool = False,
              limit: int = CLAIM_BATCH) -> list[Claimed]:
        now = self._clock()
        with self._db.engine.begin() as conn:
            return source_rows.claim_due(
                conn, now, owner=self._owner, until=now + CLAIM_LEASE, since=since,
                limit=limit, horizon=now + timedelta(days=36500) if everything else None)

    async def poll(self, claimed: Claimed) -> PollOutcome:
        source = claimed.source
        started = time.perf_counter()
        try:
            result = await watchers.poll(self._fetcher, source, claimed.state)
        except (FetchError, FeedError) as exc:
            self._metrics.poll(source.id, "error", time.perf_counter() - started)
            return await self._db.call(self._record_failure, claimed, exc)
        except Exception as exc:  # a watcher's bug must not stop every other source
            log.exception("watcher raised unexpectedly source=%s url=%s", source.id, source.url)
            self._metrics.poll(source.id, "error", time.perf_counter() - started)
            return await self._db.call(self._record_failure, claimed, FeedError(
                source.url, f"internal error: {type(exc).__name__}: {exc}"))
        elapsed = time.perf_counter() - started
        status: PollStatus = "not_modified" if result.not_modified else "ok"
        fresh, pace = await self._db.call(self._record_success, claimed, result, status)
        self._metrics.poll(source.id, status, elapsed, items=len(result.entries), new=len(fresh),
                           skipped=result.skipped)
        log.info("polled source=%s status=%s items=%d new=%d interval=%.0fs", source.id,
                 status, len(result.entries), len(fresh), pace.interval_s)
        return PollOutcome(source.id, status, new_entries=len(fresh))

    def _max_interval(self, source_id: str) -> float | None:
        """The configured cap on pacing (the store keeps the interval, not the cap)."""
        configured = self._sources.current.get(source_id) if self._sources else None
        return configured.max_interval_s if configured else None

    def _release_claimed(self, claimed: list[Claimed]) -> None:
        self._release([c.source.id for c in claimed])

    def _release(self, source_ids: list[str]) -> None:
        with self._db.engine.begin() as conn:
            source_rows.release(conn, source_ids, self._owner)

    def _record_success(self, claimed: Claimed, result: PollResult,
                        status: PollStatus) -> tuple[list[Entry], Pace]:
        source = claimed.source
        now = self._clock()
        with self._db.engine.begin() as conn:
            fresh = entry_rows.add_entries(conn, list(result.entries), now)
            pace = pacing.adapt(source.interval_s, claimed.interval_s, claimed.quiet_polls,
                                new_items=len(fresh), first=claimed.first,
                                max_s=self._max_interval(source.id))
            source_rows.record_success(
                conn, source.id, result.state, status=status, now=now, items=len(fresh),
                next_due=now + timedelta(seconds=pace.interval_s),
                interval_s=pace.interval_s, quiet_polls=pace.quiet_polls)
        return fresh, pace

    def _record_failure(self, claimed: Claimed, exc: FetchError | FeedError) -> PollOutcome:
        source = claimed.source
        now = self._clock()
        retry_after = exc.retry_wait(now) if isinstance(exc, FetchError) else None
        failures = claimed.failures + 1
        due = pacing.backoff(now, source.interval_s, failures, retry_after)
        disable = pacing.disabled_reason(failures, exc.reason)
        with self._db.engine.begin() as conn:
            source_rows.record_failure(conn, source.id, exc.reason, now=now, next_due=due,
                                       disable=disable)
        # The URL asked for: a search source's with its query filled in, not `{query}`.
        url = exc.url
        unreachable = isinstance(exc, FetchError) and exc.status is None
        if disable:
            log.error("source disabled source=%s url=%s: %s; re-enable with "
                      "`defwatch sources enable %s`", source.id, url, disable, source.id)
            return PollOutcome(source.id, "error", error=disable, unreachable=unreachable)
        log.warning("poll failed source=%s reason=%s url=%s failures=%d next_try=%s",
                    source.id, exc.reason, url, failures, due.isoformat(timespec="seconds"))
        return PollOutcome(source.id, "error", error=exc.reason, unreachable=unreachable)


def _cause(reason: str) -> str:
    """A failure's kind without its host: "DNS lookup failed", "timed out after 20s"."""
    for cut in (" for host ", " (", " to "):
        reason = reason.split(cut, maxsplit=1)[0]
    return reason
