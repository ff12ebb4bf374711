"""The workers table: who is working on this database, and freeing the claims of the
dead. Deciding who is dead is bot/service/liveness.py's business; these are its queries.

Removal is conditional and reports what it removed, so two processes reaping at once
free a dead worker's claims once, and a worker that beats while being judged stale
keeps its row (the delete no longer matches it).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Connection, Update, delete, insert, select, text, update

from bot.store.db import LOCK_OUTBOX, LOCK_SOURCES, LOCK_WORKERS, serialize
from bot.store.lease import Lease
from bot.store.tables import deliveries, entries, host_slots, sources, telegram_posts, workers


@dataclass(frozen=True)
class WorkerRow:
    owner: str
    host: str
    pid: int
    pid_start: int | None  # None: not known (no /proc)
    pid_space: str | None  # None: pids cannot be checked from elsewhere
    started_at: datetime
    seen_at: datetime


@dataclass(frozen=True)
class Freed:
    """Claims given up by workers that left or died, by table."""

    sources: int = 0
    entries: int = 0
    deliveries: int = 0
    posts: int = 0  # Telegram posts in flight

    @property
    def total(self) -> int:
        return self.sources + self.entries + self.deliveries + self.posts

    def __add__(self, other: Freed) -> Freed:
        return Freed(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def register(conn: Connection, row: WorkerRow) -> None:
    conn.execute(insert(workers).values(
        owner=row.owner, host=row.host, pid=row.pid, pid_start=row.pid_start,
        pid_space=row.pid_space, started_at=row.started_at, seen_at=row.seen_at))


def beat(conn: Connection, owner: str, now: datetime) -> bool:
    """Record a heartbeat. False when the row is gone: another process took this one
    for dead and freed its claims."""
    result = conn.execute(update(workers).where(workers.c.owner == owner).values(seen_at=now))
    return bool(result.rowcount)


def db_now(conn: Connection) -> datetime:
    """The database's clock, as naive UTC: what every replica's heartbeat is written and
    judged by, so hosts whose clocks disagree do not take each other for dead."""
    if conn.dialect.name == "postgresql":
        value = conn.execute(text("SELECT timezone('UTC', clock_timestamp())")).scalar()
    else:
        raw = conn.execute(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar()
        value = datetime.fromisoformat(str(raw))
    assert isinstance(value, datetime)
    return value


def listing(conn: Connection) -> list[WorkerRow]:
    rows = conn.execute(select(workers).order_by(workers.c.started_at, workers.c.owner))
    return [WorkerRow(owner=r.owner, host=r.host, pid=r.pid, pid_start=r.pid_start,
                      pid_space=r.pid_space, started_at=r.started_at, seen_at=r.seen_at)
            for r in rows]


def remove(conn: Connection, owners: list[str], *,
           seen_before: datetime | None = None) -> list[str]:
    """Delete these workers' rows (only those not seen since `seen_before`, when given)
    and free their claims, in the caller's transaction. Returns the owners removed."""
    if not owners:
        return []
    serialize(conn, LOCK_WORKERS)  # reapers take turns: each worker is freed once
    stmt = delete(workers).where(workers.c.owner.in_(owners))
    if seen_before is not None:
        stmt = stmt.where(workers.c.seen_at < seen_before)
    return list(conn.execute(stmt.returning(workers.c.owner)).scalars())


def free_claims(conn: Connection, owners: list[str]) -> Freed:
    """Give up every claim these owners hold; a failed entry's "not before" (a
    claimed_until without an owner) is not a claim and stays."""
    if not owners:
        return Freed()

    def count(stmt: Update) -> int:
        return int(conn.execute(stmt).rowcount or 0)

    # Many rows at once, as the start-up sync and the outbox claimers do: take their
    # turn, so two multi-row updates never lock rows in crossing orders (a deadlock).
    serialize(conn, LOCK_SOURCES)
    freed_sources = count(update(sources).where(sources.c.claimed_by.in_(owners))
                          .values(**Lease.ENDED))
    # A dead process's per-host slots go too: their lease is the fetch timeout plus 30 s,
    # so waiting for it would hold a restarted replica off that host for as long.
    conn.execute(update(host_slots).where(host_slots.c.claimed_by.in_(owners))
                 .values(claimed_by=None, claimed_until=None))
    serialize(conn, LOCK_OUTBOX)
    return Freed(
        sources=freed_sources,
        entries=count(update(entries).where(entries.c.claimed_by.in_(owners),
                                            entries.c.status == "pending")
                      .values(**Lease.ENDED)),
        deliveries=count(update(deliveries).where(deliveries.c.claimed_by.in_(owners),
                                                  deliveries.c.state == "pending")
                         .values(**Lease.ENDED)),
        # A post in flight is not dropped: its lease ends, so the next sender to the
        # chat settles it (finds out whether it landed) before posting anything.
        posts=count(update(telegram_posts).where(telegram_posts.c.claimed_by.in_(owners),
                                                 telegram_posts.c.state == "sending",
                                                 telegram_posts.c.lease_until.is_not(None))
                    .values(lease_until=None)),
    )
