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
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from bot.events.cluster import Candidate, Signature, assign, candidate_query, signature
from bot.models import MatchResult, ProcessOutcome
from bot.ops.metrics import Metrics
from bot.rules.holder import RulesHolder
from bot.store import Database
from bot.store import articles as article_rows
from bot.store import entries as entry_rows
from bot.store import events as event_rows
from bot.store import sources as source_rows
from bot.store.db import LOCK_EVENTS, serialize, utcnow
from watchers import Article, Entry, ExtractError, Fetcher, FetchError, Source, extract

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
                 max_age: timedelta | None = None, executor: Executor | None = None,
                 clock: Callable[[], datetime] = utcnow, metrics: Metrics | None = None,
                 owner: str | None = None) -> None:
        self._db = db
        self._owner = owner or uuid.uuid4().hex
        self._fetcher = fetcher
        self._rules = rules
        self._window = window_days
        # Older than this when first seen (by the feed's date, else the page's): recorded,
        # never alerted. A new source's archive, or a feed re-publishing its past, is not news.
        self._max_age = max_age
        self._executor = executor
        self._clock = clock
        self._metrics = metrics or Metrics()

    async def run_pending(self, limit: int = 500) -> list[Processed]:
        done: list[Processed] = []
        while len(done) < limit and (claimed := self._claim(min(CLAIM_BATCH,
                                                                  limit - len(done)))):
            batch, sources = claimed
            try:
                # Fetch in parallel (the fetcher keeps per-host limits); place into events
                # in order, so grouping is deterministic for the same entries.
                articles = await asyncio.gather(*(self._article(e, sources.get(e.source_id))
                                                  for e in batch))
                done.extend(self._place(e, a) for e, a in zip(batch, articles, strict=True))
            except BaseException:  # cancelled (a shutdown): unfinished entries go back now
                with self._db.engine.begin() as conn:
                    entry_rows.release_entries(conn, [e.key for e in batch], self._owner)
                raise
        for p in done:
            self._metrics.article(p.outcome, p.rules if p.outcome == "matched" else ())
        return done

    def _claim(self, limit: int) -> tuple[list[Entry], dict[str, Source]] | None:
        """Entries and their sources as the database has them: another replica may have
        added a source this one's configuration does not list yet."""
        now = self._clock()
        with self._db.engine.begin() as conn:
            batch = entry_rows.claim_entries(conn, now, owner=self._owner,
                                             until=now + CLAIM_LEASE, limit=limit)
            if not batch:
                return None
            return batch, source_rows.sources_by_id(conn, {e.source_id for e in batch})

    async def _article(self, entry: Entry, source: Source | None) -> Article | Processed:
        if source is None:
            return self._fail(entry, "its source is not in the database", retry=False)
        if self._too_old(entry.published):  # the feed's date says so: no need to fetch it
            return self._old(entry, entry.published)
        try:
            response = await self._fetcher.get(entry.url)
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._executor, extract, response, source, entry)
        except FetchError as exc:
            transient = exc.status is None or exc.status >= 500 or exc.status == 429
            return self._fail(entry, exc.reason, retry=transient)
        except ExtractError as exc:
            return self._fail(entry, exc.reason, retry=False)
        except Exception as exc:  # an extractor's bug: this page fails, the others go on
            log.exception("extraction raised unexpectedly url=%s", entry.url)
            return self._fail(entry, f"internal error: {type(exc).__name__}: {exc}",
                              retry=False)

    def _fail(self, entry: Entry, reason: str, *, retry: bool) -> Processed:
        with self._db.engine.begin() as conn:
            if entry_rows.hold_entry(conn, entry.key, self._owner):
                entry_rows.finish_entry(conn, entry.key, error=reason, retry=retry,
                                          not_before=self._clock() + RETRY_AFTER)
        log.warning("article failed source=%s url=%s reason=%s", entry.source_id,
                    entry.url, reason)
        return Processed(entry.key, "failed", error=reason)

    def _too_old(self, published: datetime | None) -> bool:
        if self._max_age is None or published is None:
            return False
        return _utc(published) < _utc(self._clock()) - self._max_age

    def _old(self, entry: Entry, published: datetime | None) -> Processed:
        """Record an entry too old to be news as done, with why, and alert nobody."""
        with self._db.engine.begin() as conn:
            if entry_rows.hold_entry(conn, entry.key, self._owner):
                entry_rows.finish_entry(conn, entry.key, old=True)
        log.info("old entry not alerted source=%s url=%s published=%s (older than "
                 "events.max_age)", entry.source_id, entry.url,
                 published.isoformat(timespec="minutes") if published else "-")
        return Processed(entry.key, "old")

    def _place(self, entry: Entry, got: Article | Processed) -> Processed:
        if isinstance(got, Processed):
            return got
        article = got
        result = self._rules.current.match(article)
        now = self._clock()
        # The page's own date, when the feed gave none, may show it to be old news: the
        # article is stored (a later report of the same page is then a duplicate) but
        # placed in no event.
        old = entry.published is None and self._too_old(article.published)
        try:
            with self._db.engine.begin() as conn:
                serialize(conn, LOCK_EVENTS)  # replicas place one article at a time
                if not entry_rows.hold_entry(conn, entry.key, self._owner):
                    log.warning("entry no longer ours (lease ran out) url=%s", entry.url)
                    return Processed(entry.key, "duplicate")
                if article_rows.article_url_known(conn, article.url):
                    entry_rows.finish_entry(conn, entry.key)
                    return Processed(entry.key, "duplicate")
                sig = signature(article, result.entities) if result.matches and not old else None
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
        return event_id

    @staticmethod
    def _log(article: Article, result: MatchResult, event_id: str | None) -> None:
        if event_id:
            log.info("matched url=%s rules=%s event=%s", article.url,
                     ",".join(result.rule_ids), event_id)
        else:
            log.debug("no rule matched url=%s", article.url)
