"""Seen entries, so a re-poll never repeats work; their articles are in articles.py.

An entry is processed by whoever claims it: `claim_entries` hands out pending entries
with a lease (`claimed_until`, `claimed_by`); on PostgreSQL the claiming SELECT skips
rows another replica has locked. One entry per URL and one article per URL are unique
constraints, so even a lost lease cannot store a page twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.store.db import to_aware, to_naive_utc
from bot.store.lease import Lease
from bot.store.sources import without_queries
from bot.store.tables import entries
from watchers import Entry

LEASE = Lease(entries, entries.c.key)

MAX_ATTEMPTS = 3


def add_entries(conn: Connection, new: list[Entry], now: datetime) -> list[Entry]:
    """Record entries not seen before (by key, or by URL from another source); return those.
    A row another replica inserts at the same moment is left to it (ON CONFLICT DO NOTHING)."""
    if not new:
        return []
    keys = [e.key for e in new]
    urls = [e.url for e in new]
    known_keys = set(conn.execute(select(entries.c.key).where(entries.c.key.in_(keys))).scalars())
    known_urls = set(conn.execute(select(entries.c.url).where(entries.c.url.in_(urls))).scalars())
    fresh: list[Entry] = []
    for e in new:
        if e.key in known_keys or e.url in known_urls:
            continue
        known_keys.add(e.key)
        known_urls.add(e.url)
        fresh.append(e)
    if not fresh:
        return []
    upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = upsert(entries).on_conflict_do_nothing().returning(entries.c.key)
    inserted = set(conn.execute(stmt, [
        {"key": e.key, "url": e.url, "source_id": e.source_id, "title": e.title,
         "published": to_naive_utc(e.published), "summary": e.summary,
         "first_seen": now, "status": "pending", "attempts": 0} for e in fresh]).scalars())
    return [e for e in fresh if e.key in inserted]


def entry_counts(conn: Connection) -> dict[str, int]:
    """Feed entries by status (pending, done, old, failed), for status."""
    rows = conn.execute(select(entries.c.status, func.count()).group_by(entries.c.status))
    return {str(status): int(n) for status, n in rows}


def claim_entries(conn: Connection, now: datetime, *, owner: str, until: datetime,
                  limit: int = 32, max_attempts: int = MAX_ATTEMPTS) -> list[Entry]:
    """Hold up to `limit` pending entries for `owner` until `until`, oldest first."""
    q = (select(entries)
         .where(entries.c.status == "pending", entries.c.attempts < max_attempts,
                LEASE.free(now))
         .order_by(entries.c.first_seen, entries.c.key).limit(limit))
    rows = conn.execute(LEASE.skip_locked(conn, q)).all()
    LEASE.take(conn, [r.key for r in rows], owner=owner, until=until)
    return [Entry(key=r.key, url=r.url, title=r.title, source_id=r.source_id,
                  published=to_aware(r.published), summary=r.summary) for r in rows]


def hold_entry(conn: Connection, key: str, owner: str) -> bool:
    """Whether `owner` still holds the pending entry; locks its row for this transaction
    on PostgreSQL, so the claim cannot pass to another replica before it commits."""
    q = select(entries.c.key).where(entries.c.key == key, entries.c.status == "pending",
                                    LEASE.held_by(owner))
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    return conn.execute(q).first() is not None


def held_entries(conn: Connection, keys: list[str], owner: str) -> set[str]:
    """Which of `keys` `owner` still holds pending (hold_entry for a batch, one query)."""
    if not keys:
        return set()
    q = select(entries.c.key).where(entries.c.key.in_(keys), entries.c.status == "pending",
                                    LEASE.held_by(owner))
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    return set(conn.execute(q).scalars())


def finish_entries(conn: Connection, keys: list[str], *, old: bool = False) -> None:
    """finish_entry for entries that ended without an error, in one statement."""
    if keys:
        conn.execute(update(entries).where(entries.c.key.in_(keys)).values(
            status="old" if old else "done", error=None, attempts=entries.c.attempts + 1,
            **LEASE.ENDED))


def release_entries(conn: Connection, keys: list[str], owner: str) -> None:
    """Give back `owner`'s claims on entries it did not finish (it is shutting down)."""
    LEASE.release(conn, keys, owner=owner, also=[entries.c.status == "pending"])


def finish_entry(conn: Connection, key: str, *, error: str | None = None,
                 retry: bool = False, max_attempts: int = MAX_ATTEMPTS,
                 not_before: datetime | None = None, old: bool = False) -> None:
    """Mark an entry done (`old`: too old to be news, never alerted), or count a failed
    attempt (failed for good after max_attempts; a retry waits until `not_before`). The
    claim ends either way."""
    if error is None:
        finish_entries(conn, [key], old=old)
        return
    attempts = int(conn.execute(select(entries.c.attempts)
                                .where(entries.c.key == key)).scalar_one()) + 1
    status = "pending" if retry and attempts < max_attempts else "failed"
    conn.execute(update(entries).where(entries.c.key == key).values(
        status=status, error=without_queries(error), attempts=attempts, claimed_by=None,
        claimed_until=not_before if status == "pending" else None))
