"""From a pending entry to a stored article, matched and placed in an event.

Entries are claimed a batch at a time with a lease, so replicas sharing a database never
fetch, match or place the same entry; placing (read candidate events, then write) takes
turns across replicas, so two reports of one event cannot both open a new event.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from bot.events.cluster import (
    Candidate,
    Signature,
    assign,
    candidate_query,
    event_day,
    merges,
)
from bot.models import MatchResult, ProcessOutcome
from bot.ops.metrics import Metrics
from bot.pipeline.cpu_pool import CpuPool
from bot.pipeline.examine import PageResult
from bot.rules.holder import RulesHolder
from bot.store import Database
from bot.store import articles as article_rows
from bot.store import entries as entry_rows
from bot.store import events as event_rows
from bot.store import sources as source_rows
from bot.store.db import LOCK_EVENTS, serialize, utcnow
from watchers import Article, Entry, Fetcher, FetchError, Source

log = logging.getLogger("defwatch.process")

CLAIM_LEASE = timedelta(minutes=10)  # a crashed processor's claims run out after this
CLAIM_BATCH = 32  # entries claimed (and fetched in parallel) at a time
RETRY_AFTER = timedelta(minutes=5)  # a page that failed for a passing reason waits this


@dataclass(frozen=True)
class Processed:
    entry_key: str
    outcome: ProcessOutcome
    rules: tuple[str, ...] = ()
    event_id: str | None = None
    error: str | None = None


def _utc(value: datetime) -> datetime:
    """Aware UTC; a naive value (the store's clock) is UTC already."""
    return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)


def new_event_id(article: Article) -> str:
    """Derived from the first article, so replicas and re-runs name an event alike."""
    return "ev-" + hashlib.sha256(article.url.encode()).hexdigest()[:16]


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
        self._window = window_days
        # Older than this when first seen (by the feed's date, else the page's): recorded,
        # never alerted. A new source's archive, or a feed re-publishing its past, is not news.
        self._max_age = max_age
        self._pool = pool or CpuPool(workers=0)
        self._clock = clock
        self._metrics = metrics or Metrics()

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
                                        now=_utc(self._clock()))

    async def _settle(self, batch: list[tuple[Entry, asyncio.Task[PageResult]]]
                      ) -> list[Processed]:
        if not batch:
            return []
        results = [(entry, await task) for entry, task in batch]
        for _, got in results:
            self._metrics.page_cpu(got.cpu.items())
        return await self._db.call(self._place_batch, results)

    def _place_batch(self, results: list[tuple[Entry, PageResult]]) -> list[Processed]:
        """Store one batch's outcomes: the pages with no article in one transaction,
        then each article in its own (it takes the events lock)."""
        closed = [(e, r) for e, r in results if r.article is None]
        out = dict(self._close(closed))
        for entry, got in results:
            if got.article is not None:
                out[entry.key] = self._place(entry, got)
        return [out[e.key] for e, _ in results]

    def _close(self, results: list[tuple[Entry, PageResult]]) -> list[tuple[str, Processed]]:
        """Entries that end without an article: too old, rejected early, or failed."""
        if not results:
            return []
        out = []
        not_before = self._clock() + RETRY_AFTER
        with self._db.engine.begin() as conn:
            for entry, got in results:
                if not entry_rows.hold_entry(conn, entry.key, self._owner):
                    out.append((entry.key, Processed(entry.key, "duplicate")))
                elif got.outcome in ("rejected", "old"):
                    entry_rows.finish_entry(conn, entry.key, old=got.outcome == "old")
                    out.append((entry.key, Processed(entry.key, got.outcome)))
                else:
                    entry_rows.finish_entry(conn, entry.key, error=got.error,
                                              retry=got.retry, not_before=not_before)
                    out.append((entry.key, Processed(entry.key, "failed", error=got.error)))
        for entry, got in results:
            if got.outcome == "rejected":
                log.debug("no rule could match, not extracted url=%s", entry.url)
            elif got.outcome == "old":
                log.info("old entry not alerted source=%s url=%s published=%s (older than "
                         "events.max_age)", entry.source_id, entry.url,
                         entry.published.isoformat(timespec="minutes")
                         if entry.published else "-")
            elif got.detail:  # a bug in extraction: its traceback, from the worker
                log.error("extraction raised unexpectedly url=%s\n%s", entry.url, got.detail)
            else:
                log.warning("article failed source=%s url=%s reason=%s", entry.source_id,
                            entry.url, got.error)
        return out

    def _too_old(self, published: datetime | None) -> bool:
        if self._max_age is None or published is None:
            return False
        return _utc(published) < _utc(self._clock()) - self._max_age

    def _place(self, entry: Entry, got: PageResult) -> Processed:
        article, result = got.article, got.result
        assert article is not None and result is not None
        # The page's own date, when the feed gave none, may show it to be old news: the
        # article is stored (a later report of the same page is then a duplicate) but
        # placed in no event.
        old = entry.published is None and self._too_old(article.published)
        sig = None if old else got.signature
        now = self._clock()
        try:
            with self._db.engine.begin() as conn:
                serialize(conn, LOCK_EVENTS)  # replicas place one article at a time
                if not entry_rows.hold_entry(conn, entry.key, self._owner):
                    log.warning("entry no longer ours (lease ran out) url=%s", entry.url)
                    return Processed(entry.key, "duplicate")
                if article_rows.article_url_known(conn, article.url):
                    entry_rows.finish_entry(conn, entry.key)
                    return Processed(entry.key, "duplicate")
                article_id = article_rows.save_article(
                    conn, entry.key, article, now=now, rules=result.rule_ids,
                    matched={m.rule_id: m.matched_terms for m in result.matches},
                    entities=result.entities.to_json(),
                    signature=sig.to_json() if sig else None)
                event_id = self._group(conn, article, article_id, sig, now) if sig else None
                entry_rows.finish_entry(conn, entry.key, old=old)
        except IntegrityError:
            # Another writer stored this page (or opened this event) first: ours is a copy.
            with self._db.engine.begin() as conn:
                entry_rows.finish_entry(conn, entry.key)
            return Processed(entry.key, "duplicate")
        if old:
            log.info("old article not alerted source=%s url=%s published=%s (older than "
                     "events.max_age)", entry.source_id, article.url,
                     article.published.isoformat(timespec="minutes")
                     if article.published else "-")
            return Processed(entry.key, "old", rules=result.rule_ids)
        self._log(article, result, event_id)
        outcome: ProcessOutcome = "matched" if event_id else "unmatched"
        return Processed(entry.key, outcome, rules=result.rule_ids, event_id=event_id)

    def _group(self, conn: Connection, article: Article, article_id: int, sig: Signature,
               now: datetime) -> str:
        days = candidate_query(sig, window_days=self._window)
        rows = event_rows.candidate_rows(conn, days, now - timedelta(days=self._window))
        candidates = [Candidate(event_id=eid, day=day,
                                members=tuple(Signature.from_json(s) for s in members))
                      for eid, day, members in rows]
        event_id = assign(sig, candidates, window_days=self._window)
        if event_id is None:
            event_id = new_event_id(article)
            event_rows.create_event(conn, event_id, sig.day, now)
            self._metrics.event_created()
        event_rows.attach(conn, article_id, event_id, now, sig.day)
        # The report may show that an event opened earlier (by a report that could not
        # join this one, or this one's first report) is the same happening.
        before = [c.members for c in candidates if c.event_id == event_id]
        members = (*(before[0] if before else ()), sig)
        others = [c for c in candidates if c.event_id != event_id]
        found = merges(Candidate(event_id, event_day(members), members), others,
                       window_days=self._window)
        if not found:
            return event_id
        kept, gone = event_rows.merge(conn, (event_id, *found), now)
        if gone:
            log.info("merged events=%s into event=%s", ",".join(gone), kept)
        return kept if event_id in gone else event_id

    @staticmethod
    def _log(article: Article, result: MatchResult, event_id: str | None) -> None:
        if event_id:
            log.info("matched url=%s rules=%s event=%s", article.url,
                     ",".join(result.rule_ids), event_id)
        else:
            log.debug("no rule matched url=%s", article.url)
