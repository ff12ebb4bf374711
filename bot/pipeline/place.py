"""Examined pages into the store: articles, their events and the end of their entries.

A batch of pages is placed in one transaction under the events lock (replicas place one
batch at a time, so two reports of one event cannot both open a new event): a page costs
a few statements, not a dozen transactions. Should another writer have stored one of the
pages first (a unique constraint fails), the batch is placed again a page at a time, and
only that page ends as a duplicate.

Grouping compares an article with the candidate events' members and with each event as a
whole. Signatures never change once stored, so the store is asked for the candidates'
member ids only, one row per event; each event's members are kept gathered
(`GatheredMemo`: the event as a whole and its index, bot/events/gathered.py) and brought
up to date from those ids, and the decoded signatures are kept too (`SignatureMemo`), so
only the signatures of reports new to this process are read.
"""

from __future__ import annotations

import hashlib
import logging
from bisect import insort
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from bot.events.cluster import (
    Candidate,
    Signature,
    assign,
    candidate_query,
    merges,
)
from bot.events.gathered import Gathered
from bot.models import ProcessOutcome
from bot.ops.metrics import Metrics
from bot.pipeline.examine import PageResult
from bot.store import Database
from bot.store import articles as article_rows
from bot.store import entries as entry_rows
from bot.store import events as event_rows
from bot.store.db import LOCK_EVENTS, serialize
from watchers import Article, Entry

log = logging.getLogger("defwatch.process")

RETRY_AFTER = timedelta(minutes=5)  # a page that failed for a passing reason waits this
MEMO_SIGNATURES = 2048  # decoded signatures kept (~9 KB each): days of busy news
MEMO_MEMBERS = 2048  # members of the events kept gathered (their signatures and index)


@dataclass(frozen=True)
class Processed:
    entry_key: str
    outcome: ProcessOutcome
    rules: tuple[str, ...] = ()
    event_id: str | None = None
    error: str | None = None


def new_event_id(article: Article) -> str:
    """Derived from the first article, so replicas and re-runs name an event alike."""
    return "ev-" + hashlib.sha256(article.url.encode()).hexdigest()[:16]


def utc(value: datetime) -> datetime:
    """Aware UTC; a naive value (the store's clock) is UTC already."""
    return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)


def too_old(published: datetime | None, now: datetime, max_age: timedelta | None) -> bool:
    if max_age is None or published is None:
        return False
    return utc(published) < utc(now) - max_age


class SignatureMemo:
    """Decoded signatures by article id, the least recently used dropped first."""

    def __init__(self, capacity: int = MEMO_SIGNATURES) -> None:
        self._capacity = capacity
        self._held: OrderedDict[int, Signature] = OrderedDict()

    def get(self, article_id: int) -> Signature | None:
        sig = self._held.get(article_id)
        if sig is not None:
            self._held.move_to_end(article_id)
        return sig

    def keep(self, found: dict[int, Signature]) -> None:
        self._held.update(found)
        for article_id in found:
            self._held.move_to_end(article_id)
        while len(self._held) > self._capacity:
            self._held.popitem(last=False)

    def __len__(self) -> int:
        return len(self._held)


@dataclass
class _Held:
    ids: list[int]  # the store's ids of the event's members, ascending
    gathered: Gathered


class GatheredMemo:
    """Recent events' members gathered, by event id, the least recently used dropped
    first once they hold more than `capacity` members.

    An event is taken from here only when the store's ids of its members are the ones
    held, or more (the new ones are then added): so it follows joins and merges by any
    writer, and holds exactly what gathering the stored signatures gives. A placing
    transaction that fails may have added members that were never stored: clear() then.
    """

    def __init__(self, capacity: int = MEMO_MEMBERS) -> None:
        self._capacity = capacity
        self._held: OrderedDict[str, _Held] = OrderedDict()
        self._members = 0

    def get(self, event_id: str, ids: Sequence[int],
            load: Callable[[list[int]], dict[int, Signature]]) -> Gathered:
        """The event with the members of these ids (ascending); load(ids) gives the
        signatures not held (an id without one is no member, as in the store's reads)."""
        held = self._held.get(event_id)
        if held is not None and held.ids != ids:
            have = set(held.ids)
            if have.issubset(ids):
                missing = [i for i in ids if i not in have]
                found = load(missing)
                for i in missing:
                    self._add(held, i, found.get(i))
            else:  # a member left (the event was merged away and opened again)
                self.drop([event_id])
                held = None
        if held is None:
            found = load(list(ids))
            held = _Held(list(ids), Gathered(found[i] for i in ids if i in found))
            self._put(event_id, held)
        self._held.move_to_end(event_id)
        return held.gathered

    def joined(self, event_id: str, article_id: int, sig: Signature) -> None:
        """A stored article joined the event (a new one: held from now on)."""
        held = self._held.get(event_id)
        if held is None:
            self._put(event_id, _Held([], Gathered()))
            held = self._held[event_id]
        self._add(held, article_id, sig)

    def drop(self, event_ids: Collection[str]) -> None:
        for event_id in event_ids:
            held = self._held.pop(event_id, None)
            if held is not None:
                self._members -= len(held.gathered)

    def clear(self) -> None:
        self._held.clear()
        self._members = 0

    def _add(self, held: _Held, article_id: int, sig: Signature | None) -> None:
        insort(held.ids, article_id)
        if sig is not None:
            held.gathered.add(sig)
            self._members += 1

    def _put(self, event_id: str, held: _Held) -> None:
        self._held[event_id] = held
        self._members += len(held.gathered)
        while self._members > self._capacity and len(self._held) > 1:
            _, gone = self._held.popitem(last=False)
            self._members -= len(gone.gathered)

    def __len__(self) -> int:
        return self._members


@dataclass
class _Batch:
    """What one placing transaction did, made known only once it commits."""

    out: dict[str, Processed] = field(default_factory=dict)
    read: dict[int, Signature] = field(default_factory=dict)  # signatures it read or wrote
    created: int = 0  # events opened
    notes: list[tuple[int, str, tuple[object, ...]]] = field(default_factory=list)

    def note(self, level: int, message: str, *args: object) -> None:
        """A log line, written once the batch is in (not twice when it is redone)."""
        self.notes.append((level, message, args))


class Placer:
    def __init__(self, db: Database, *, owner: str, window_days: float,
                 max_age: timedelta | None, clock: Callable[[], datetime],
                 metrics: Metrics) -> None:
        self._db = db
        self._owner = owner
        self._window = window_days
        self._max_age = max_age
        self._clock = clock
        self._metrics = metrics
        self._memo = SignatureMemo()
        self._events = GatheredMemo()

    def place(self, results: list[tuple[Entry, PageResult]]) -> list[Processed]:
        """Store one batch's outcomes, in claim order; a Processed per entry."""
        if not results:
            return []
        try:
            batch = self._transaction(results)
        except IntegrityError:
            self._events.clear()  # it may hold members that were never stored
            if len(results) == 1:  # another writer stored this page (or its event) first
                entry = results[0][0]
                with self._db.engine.begin() as conn:
                    entry_rows.finish_entry(conn, entry.key)
                return [Processed(entry.key, "duplicate")]
            return [p for r in results for p in self.place([r])]
        except BaseException:
            self._events.clear()  # as above: rolled back
            raise
        self._memo.keep(batch.read)
        for _ in range(batch.created):
            self._metrics.event_created()
        for level, message, args in batch.notes:
            log.log(level, message, *args)
        return [batch.out[e.key] for e, _ in results]

    def _transaction(self, results: list[tuple[Entry, PageResult]]) -> _Batch:
        batch = _Batch()
        now = self._clock()
        done: list[str] = []
        old: list[str] = []
        with self._db.engine.begin() as conn:
            serialize(conn, LOCK_EVENTS)  # replicas place one batch at a time
            held = entry_rows.held_entries(conn, [e.key for e, _ in results], self._owner)
            known = article_rows.known_urls(
                conn, [r.article.url for _, r in results if r.article is not None])
            for entry, got in results:
                key = entry.key
                if key not in held:
                    if got.article is not None:
                        batch.note(logging.WARNING, "entry no longer ours (lease ran out) "
                                   "url=%s", entry.url)
                    batch.out[key] = Processed(key, "duplicate")
                elif got.article is None:
                    batch.out[key] = self._end(conn, entry, got, now, batch)
                    if got.outcome in ("rejected", "old"):
                        (old if got.outcome == "old" else done).append(key)
                elif got.article.url in known:
                    done.append(key)
                    batch.out[key] = Processed(key, "duplicate")
                else:
                    known.add(got.article.url)
                    placed = self._store(conn, entry, got, now, batch)
                    (old if placed.outcome == "old" else done).append(key)
                    batch.out[key] = placed
            entry_rows.finish_entries(conn, done)
            entry_rows.finish_entries(conn, old, old=True)
        return batch

    @staticmethod
    def _end(conn: Connection, entry: Entry, got: PageResult, now: datetime,
             batch: _Batch) -> Processed:
        """An entry that ends without an article: too old, rejected early, or failed (the
        caller ends the first two with the batch's others)."""
        if got.outcome == "rejected":
            batch.note(logging.DEBUG, "no rule could match, not extracted url=%s", entry.url)
            return Processed(entry.key, "rejected")
        if got.outcome == "old":
            batch.note(logging.INFO, "old entry not alerted source=%s url=%s published=%s "
                       "(older than events.max_age)", entry.source_id, entry.url,
                       entry.published.isoformat(timespec="minutes")
                       if entry.published else "-")
            return Processed(entry.key, "old")
        if got.detail:  # a bug in extraction: its traceback, from the worker
            batch.note(logging.ERROR, "extraction raised unexpectedly url=%s\n%s", entry.url,
                       got.detail)
        else:
            batch.note(logging.WARNING, "article failed source=%s url=%s reason=%s",
                       entry.source_id, entry.url, got.error)
        entry_rows.finish_entry(conn, entry.key, error=got.error, retry=got.retry,
                                not_before=now + RETRY_AFTER)
        return Processed(entry.key, "failed", error=got.error)

    def _store(self, conn: Connection, entry: Entry, got: PageResult, now: datetime,
               batch: _Batch) -> Processed:
        article, result = got.article, got.result
        assert article is not None and result is not None
        # The page's own date, when the feed gave none, may show it to be old news: the
        # article is stored (a later report of the same page is then a duplicate) but
        # placed in no event.
        old = entry.published is None and too_old(article.published, now, self._max_age)
        sig = None if old else got.signature
        event_id = self._group(conn, article, sig, now, batch) if sig else None
        article_id = article_rows.save_article(
            conn, entry.key, article, now=now, rules=result.rule_ids,
            matched={m.rule_id: m.matched_terms for m in result.matches},
            entities=result.entities.to_json(),
            signature=sig.to_json() if sig else None, event_id=event_id)
        if sig is not None:
            batch.read[article_id] = sig
        if event_id is not None and sig is not None:
            self._events.joined(event_id, article_id, sig)
        if old:
            batch.note(logging.INFO, "old article not alerted source=%s url=%s published=%s "
                       "(older than events.max_age)", entry.source_id, article.url,
                       article.published.isoformat(timespec="minutes")
                       if article.published else "-")
            return Processed(entry.key, "old", rules=result.rule_ids)
        if event_id:
            batch.note(logging.INFO, "matched url=%s rules=%s event=%s", article.url,
                       ",".join(result.rule_ids), event_id)
        else:
            batch.note(logging.DEBUG, "no rule matched url=%s", article.url)
        outcome: ProcessOutcome = "matched" if event_id else "unmatched"
        return Processed(entry.key, outcome, rules=result.rule_ids, event_id=event_id)

    def _group(self, conn: Connection, article: Article, sig: Signature, now: datetime,
               batch: _Batch) -> str:
        days = candidate_query(sig, window_days=self._window)
        rows = event_rows.candidate_members(conn, days, now - timedelta(days=self._window))

        def load(ids: list[int]) -> dict[int, Signature]:
            return self._signatures(conn, ids, batch)

        candidates = []
        for eid, day, ids in rows:
            held = self._events.get(eid, ids, load)
            candidates.append(Candidate(eid, day, tuple(held.members), held))
        event_id = assign(sig, candidates, window_days=self._window)
        if event_id is None:
            event_id = new_event_id(article)
            event_rows.create_event(conn, event_id, sig.day, now)
            batch.created += 1
        else:
            event_rows.joined(conn, event_id, now, sig.day)
        # The report may show that an event opened earlier (by a report that could not
        # join this one, or this one's first report) is the same happening.
        before = [c for c in candidates if c.event_id == event_id]
        grown = before[0].grown([sig]) if before else Candidate(event_id, sig.day, (sig,))
        others = [c for c in candidates if c.event_id != event_id]
        found = merges(grown, others, window_days=self._window)
        if not found:
            return event_id
        kept, gone = event_rows.merge(conn, (event_id, *found), now)
        if gone:
            self._events.drop((kept, *gone))  # gathered again from the store when next met
            batch.note(logging.INFO, "merged events=%s into event=%s", ",".join(gone), kept)
        return kept if event_id in gone else event_id

    def _signatures(self, conn: Connection, ids: Collection[int],
                    batch: _Batch) -> dict[int, Signature]:
        found: dict[int, Signature] = {}
        for i in ids:
            sig = batch.read.get(i) or self._memo.get(i)
            if sig is not None:
                found[i] = sig
        missing = [i for i in ids if i not in found]
        for i, data in article_rows.signatures(conn, missing).items():
            found[i] = batch.read[i] = Signature.from_json(data)
        return found
