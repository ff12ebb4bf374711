"""Sources and their poll state: what is due, and what the last poll left behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.store.schema import sources
from watchers.models import Source, SourceState


@dataclass(frozen=True)
class SourceStatus:
    source: Source
    enabled: bool
    next_due: datetime
    last_polled: datetime | None
    last_status: str | None
    last_error: str | None
    failures: int
    items_seen: int


def sync_sources(conn: Connection, configured: list[Source], now: datetime) -> None:
    """Make the table match the configuration; poll state of kept sources survives."""
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    for src in configured:
        values = {"kind": src.kind, "url": src.url, "outlet": src.outlet,
                  "authority": src.authority, "interval_s": src.interval_s,
                  "links": src.links, "query": src.query, "enabled": True}
        stmt = insert(sources).values(id=src.id, next_due=now, failures=0, items_seen=0,
                                      **values)
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))
    ids = [s.id for s in configured]
    conn.execute(update(sources).where(sources.c.id.not_in(ids)).values(enabled=False))


def _source(row: object) -> Source:
    r = row._mapping  # type: ignore[attr-defined]
    return Source(id=r["id"], kind=r["kind"], url=r["url"], interval_s=r["interval_s"],
                  outlet=r["outlet"], authority=r["authority"], links=r["links"],
                  query=r["query"])


def due_sources(conn: Connection, now: datetime, limit: int = 1000) -> list[Source]:
    q = (select(sources).where(sources.c.enabled, sources.c.next_due <= now)
         .order_by(sources.c.next_due, sources.c.id).limit(limit))
    if conn.dialect.name == "postgresql":
        # Replicas share the work: a row another replica holds is skipped, not waited for.
        q = q.with_for_update(skip_locked=True)
    return [_source(r) for r in conn.execute(q)]


def all_sources(conn: Connection) -> list[SourceStatus]:
    rows = conn.execute(select(sources).order_by(sources.c.id))
    return [SourceStatus(source=_source(r), enabled=r.enabled, next_due=r.next_due,
                         last_polled=r.last_polled, last_status=r.last_status,
                         last_error=r.last_error, failures=r.failures,
                         items_seen=r.items_seen) for r in rows]


def source_state(conn: Connection, source_id: str) -> SourceState:
    row = conn.execute(select(sources.c.etag, sources.c.last_modified)
                       .where(sources.c.id == source_id)).one_or_none()
    if row is None:
        return SourceState()
    return SourceState(etag=row.etag, last_modified=row.last_modified)


def record_success(conn: Connection, source_id: str, state: SourceState, *, status: str,
                   now: datetime, next_due: datetime, items: int) -> None:
    conn.execute(update(sources).where(sources.c.id == source_id).values(
        etag=state.etag, last_modified=state.last_modified, last_polled=now,
        last_status=status, last_error=None, failures=0, next_due=next_due,
        items_seen=sources.c.items_seen + items))


def record_failure(conn: Connection, source_id: str, error: str, *, now: datetime,
                   next_due: datetime) -> int:
    """Returns the number of consecutive failures including this one."""
    conn.execute(update(sources).where(sources.c.id == source_id).values(
        last_polled=now, last_status="error", last_error=error,
        failures=sources.c.failures + 1, next_due=next_due))
    return int(conn.execute(select(sources.c.failures)
                            .where(sources.c.id == source_id)).scalar_one())


def failures_of(conn: Connection, source_id: str) -> int:
    value = conn.execute(select(sources.c.failures).where(sources.c.id == source_id)).scalar()
    return int(value or 0)


def postpone(conn: Connection, source_ids: list[str], until: datetime) -> None:
    """Claim sources for this poller by moving their due time past the poll."""
    conn.execute(update(sources).where(sources.c.id.in_(source_ids)).values(next_due=until))
