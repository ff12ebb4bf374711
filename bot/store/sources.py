"""Sources and their poll state: what is due, who holds it, what the last poll left.

Pollers claim due sources with a lease (`claimed_until`, `claimed_by`); on PostgreSQL
the claiming SELECT skips rows another replica has locked (`FOR UPDATE SKIP LOCKED`) and
re-checks the lease of rows it waited for, so replicas split the sources between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, case, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.store import settings
from bot.store.db import LOCK_SOURCES, serialize
from bot.store.lease import Lease
from bot.store.tables import sources
from watchers import ChildState, Source, SourceState

LEASE = Lease(sources, sources.c.id)


@dataclass(frozen=True)
class SourceStatus:
    source: Source
    enabled: bool  # configured and not disabled by its failures
    next_due: datetime
    last_polled: datetime | None
    last_status: str | None
    last_error: str | None
    failures: int
    items_seen: int
    disabled: str | None = None  # why it stopped by itself; `defwatch sources enable ID`
    interval_s: float | None = None  # the effective (adaptive) interval


@dataclass(frozen=True)
class Claimed:
    """A source this poller holds until its lease ends, with what the poll needs."""

    source: Source
    state: SourceState
    interval_s: float  # the effective interval before this poll
    quiet_polls: int
    failures: int
    first: bool  # never polled before


SOURCES_WRITTEN = "sources_written"  # settings key: when the list in force was written


def sync_sources(conn: Connection, configured: list[Source], now: datetime, *,
                 written: datetime | None = None, by: str | None = None) -> bool:
    """Make the table match the configuration; poll state of kept sources survives.
    A changed URL gets a fresh start (a source disabled by failures is tried again, and
    the old URL's validators are not sent to the new one, which could answer 304 to
    them); a changed interval restarts the adaptive one from it.

    `written` (when the list was last edited) keeps replicas from undoing each other: a
    list written before the one in force changes nothing and False is returned, so a
    replica restarted with a stale file cannot disable what a newer list added.
    """
    serialize(conn, LOCK_SOURCES)  # replicas starting together would deadlock on the rows
    if written is not None:
        current = settings.get(conn, SOURCES_WRITTEN)
        if current is not None and datetime.fromisoformat(current.value) > written:
            return False
        settings.put(conn, SOURCES_WRITTEN, written.isoformat(), now=now, by=by)
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    for src in configured:
        values = {"kind": src.kind, "url": src.url, "outlet": src.outlet,
                  "authority": src.authority, "interval_s": src.interval_s,
                  "links": src.links, "query": src.query, "enabled": True}
        stmt = insert(sources).values(id=src.id, next_due=now, failures=0, items_seen=0,
                                      quiet_polls=0, **values)
        moved = sources.c.url != stmt.excluded.url
        fresh = {
            "disabled": case((moved, None), else_=sources.c.disabled),
            "failures": case((moved, 0), else_=sources.c.failures),
            "next_due": case((moved, now), else_=sources.c.next_due),
            "etag": case((moved, None), else_=sources.c.etag),
            "last_modified": case((moved, None), else_=sources.c.last_modified),
            "children": case((moved, None), else_=sources.c.children),
            "current_interval_s": case((sources.c.interval_s != stmt.excluded.interval_s,
                                        None), else_=sources.c.current_interval_s),
        }
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                                set_={**values, **fresh}))
    ids = [s.id for s in configured]
    conn.execute(update(sources).where(sources.c.id.not_in(ids)).values(enabled=False))
    return True


def sources_by_id(conn: Connection, ids: set[str]) -> dict[str, Source]:
    """The sources as the database has them (the truth shared by replicas), by id."""
    if not ids:
        return {}
    rows = conn.execute(select(sources).where(sources.c.id.in_(sorted(ids))))
    return {r.id: _source(r) for r in rows}


def _child_json(child: ChildState) -> dict[str, object]:
    return {"url": child.url, "etag": child.etag, "last_modified": child.last_modified,
            "lastmod": child.lastmod.isoformat() if child.lastmod else None,
            "skips": child.skips}


def _children(value: object) -> tuple[ChildState, ...]:
    """SourceState.children from the JSON column; a malformed item is dropped (it only
    costs one unconditional request)."""
    out: list[ChildState] = []
    for item in value if isinstance(value, list) else []:
        try:
            lastmod = item.get("lastmod")
            out.append(ChildState(str(item["url"]), etag=item.get("etag"),
                                  last_modified=item.get("last_modified"),
                                  lastmod=datetime.fromisoformat(lastmod) if lastmod else None,
                                  skips=int(item.get("skips") or 0)))
        except (AttributeError, KeyError, TypeError, ValueError):
            continue
    return tuple(out)


def _source(row: object) -> Source:
    r = row._mapping  # type: ignore[attr-defined]
    return Source(id=r["id"], kind=r["kind"], url=r["url"], interval_s=r["interval_s"],
                  outlet=r["outlet"], authority=r["authority"], links=r["links"],
                  query=r["query"])


def claim_due(conn: Connection, now: datetime, *, owner: str, until: datetime,
              since: datetime, horizon: datetime | None = None,
              limit: int = 4) -> list[Claimed]:
    """Hold up to `limit` sources due by `horizon` (default now) for `owner` until `until`.

    Skips sources another poller holds, disabled ones, and those polled at or after
    `since` (the start of the caller's cycle: a cycle polls a source at most once).
    """
    q = (select(sources)
         .where(sources.c.enabled, sources.c.disabled.is_(None),
                sources.c.next_due <= (horizon or now),
                LEASE.free(now),
                or_(sources.c.last_polled.is_(None), sources.c.last_polled < since))
         .order_by(sources.c.next_due, sources.c.id).limit(limit))
    rows = conn.execute(LEASE.skip_locked(conn, q)).all()
    LEASE.take(conn, [r.id for r in rows], owner=owner, until=until)
    return [Claimed(source=_source(r),
                    state=SourceState(etag=r.etag, last_modified=r.last_modified,
                                      children=_children(r.children)),
                    interval_s=r.current_interval_s or r.interval_s,
                    quiet_polls=r.quiet_polls, failures=r.failures,
                    first=r.last_polled is None) for r in rows]


def release(conn: Connection, source_ids: list[str], owner: str) -> None:
    """Give back `owner`'s claims it will not work through (it is shutting down)."""
    LEASE.release(conn, source_ids, owner=owner)


def all_sources(conn: Connection) -> list[SourceStatus]:
    rows = conn.execute(select(sources).order_by(sources.c.id))
    return [SourceStatus(source=_source(r), enabled=r.enabled and r.disabled is None,
                         next_due=r.next_due, last_polled=r.last_polled,
                         last_status=r.last_status, last_error=r.last_error,
                         failures=r.failures, items_seen=r.items_seen,
                         disabled=r.disabled,
                         interval_s=r.current_interval_s or r.interval_s) for r in rows]


def record_success(conn: Connection, source_id: str, state: SourceState, *, status: str,
                   now: datetime, next_due: datetime, items: int,
                   interval_s: float | None = None, quiet_polls: int = 0) -> None:
    """A poll worked: new validators, the next due time; the claim ends."""
    values = {} if interval_s is None else {"current_interval_s": interval_s}
    conn.execute(update(sources).where(sources.c.id == source_id).values(
        etag=state.etag, last_modified=state.last_modified,
        children=[_child_json(c) for c in state.children] or None, last_polled=now,
        last_status=status, last_error=None, failures=0, next_due=next_due,
        items_seen=sources.c.items_seen + items, quiet_polls=quiet_polls,
        **LEASE.ENDED, **values))


def without_queries(text: str) -> str:
    """URLs in an error text lose their query strings and fragments (`?api_key=…` from a
    redirect): stored errors are shown to operators and in `defwatch status`."""
    return _QUERY.sub(r"\1?…", text)


_QUERY = re.compile(r"(https?://[^\s?#]*)[?#][^\s)\]>\"']*", re.IGNORECASE)


def record_failure(conn: Connection, source_id: str, error: str, *, now: datetime,
                   next_due: datetime, disable: str | None = None) -> int:
    """Count a failed poll (and disable the source with the reason `disable`); the claim
    ends. Returns the number of consecutive failures including this one."""
    conn.execute(update(sources).where(sources.c.id == source_id).values(
        last_polled=now, last_status="error", last_error=without_queries(disable or error),
        failures=sources.c.failures + 1, next_due=next_due, **LEASE.ENDED, disabled=disable))
    return int(conn.execute(select(sources.c.failures)
                            .where(sources.c.id == source_id)).scalar_one())


def enable(conn: Connection, source_id: str, now: datetime) -> str | None:
    """Clear a source's failures and make it due now. Returns why it was disabled (""
    when it was not); raises LookupError for an unknown id."""
    row = conn.execute(select(sources.c.disabled).where(sources.c.id == source_id)
                       ).one_or_none()
    if row is None:
        raise LookupError(source_id)
    conn.execute(update(sources).where(sources.c.id == source_id).values(
        disabled=None, failures=0, next_due=now, **LEASE.ENDED))
    return row.disabled or ""


def earliest_due(conn: Connection) -> datetime | None:
    """When the next enabled, active source falls due (a time in the past: one is due)."""
    value = conn.execute(select(func.min(sources.c.next_due)).where(
        sources.c.enabled.is_(True), sources.c.disabled.is_(None))).scalar()
    return value if isinstance(value, datetime) else None
