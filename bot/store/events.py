"""Events: the rows that group articles about one real-world happening."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, String, case, cast, delete, func, insert, or_, select, update

from bot.store.tables import articles, events


def candidate_members(conn: Connection, days: tuple[date, date] | None,
                      recent_since: datetime) -> list[tuple[str, date | None, list[int]]]:
    """Events whose day lies in `days`, with their members' article ids (ascending): one
    row per event, so the caller reads only the signatures it does not hold yet.

    An undated article is compared with the events that changed since `recent_since`:
    without its own date, recency is the only evidence it reports the same happening.
    """
    q = (select(events.c.id, events.c.day,
                func.aggregate_strings(cast(articles.c.id, String), ",").label("ids"))
         .join(articles, articles.c.event_id == events.c.id))
    if days is None:
        q = q.where(events.c.updated_at >= recent_since)
    else:
        q = q.where(events.c.day >= days[0], events.c.day <= days[1])
    rows = conn.execute(q.group_by(events.c.id, events.c.day).order_by(events.c.id))
    return [(r.id, r.day, sorted(int(i) for i in r.ids.split(","))) for r in rows]


def create_event(conn: Connection, event_id: str, day: date | None, now: datetime) -> None:
    conn.execute(insert(events).values(id=event_id, day=day, created_at=now, updated_at=now,
                                       dirty=True, alert_count=0))


def attach(conn: Connection, article_id: int, event_id: str, now: datetime,
           day: date | None) -> None:
    """Put a stored article in an event (see `joined`)."""
    conn.execute(update(articles).where(articles.c.id == article_id).values(event_id=event_id))
    joined(conn, event_id, now, day)


def joined(conn: Connection, event_id: str, now: datetime, day: date | None) -> None:
    """An article joined the event: it has news, and its day becomes the earliest of its
    members' (one statement: no read of the day first)."""
    values: dict[str, Any] = {"dirty": True, "updated_at": now}
    if day is not None:
        values["day"] = case((or_(events.c.day.is_(None), events.c.day > day), day),
                             else_=events.c.day)
    conn.execute(update(events).where(events.c.id == event_id).values(**values))


def merge(conn: Connection, event_ids: Sequence[str], now: datetime,
          ) -> tuple[str, tuple[str, ...]]:
    """Put events found to report one happening into one: (the id kept, the ids gone).

    Kept: the first alerted of them, else the first created. The others that were never
    alerted give it their articles and go; it becomes dirty, so its next alert (an update,
    edited in place, once it has been alerted) lists them all. An event already alerted
    is left as it is: its message went out, and moving its reports would leave it stale.
    """
    rows = conn.execute(select(events.c.id, events.c.day, events.c.created_at,
                               events.c.alert_count)
                        .where(events.c.id.in_(list(event_ids)))).all()
    first = sorted(rows, key=lambda r: (r.alert_count == 0, r.created_at, r.id))
    kept = first[0]
    gone = [r.id for r in first[1:] if r.alert_count == 0]
    if gone:
        conn.execute(update(articles).where(articles.c.event_id.in_(gone))
                     .values(event_id=kept.id))
        days = [r.day for r in rows if r.day is not None and (r.id in gone or r is kept)]
        conn.execute(update(events).where(events.c.id == kept.id).values(
            dirty=True, updated_at=now, day=min(days) if days else None))
        conn.execute(delete(events).where(events.c.id.in_(gone)))
    return kept.id, tuple(gone)


def dirty_events(conn: Connection) -> list[tuple[str, datetime | None, int]]:
    """(event id, last alert time, alerts so far) of events with news not yet alerted."""
    rows = conn.execute(select(events.c.id, events.c.alerted_at, events.c.alert_count)
                        .where(events.c.dirty).order_by(events.c.created_at, events.c.id))
    return [(r.id, r.alerted_at, r.alert_count) for r in rows]


def claim_dirty(conn: Connection, event_id: str) -> tuple[datetime | None, int] | None:
    """Hold a dirty event for this transaction: (last alert time, alerts so far), or None
    when it is no longer dirty or another replica is alerting it right now (PostgreSQL
    skips its locked row; SQLite's one writer needs no lock)."""
    q = (select(events.c.alerted_at, events.c.alert_count)
         .where(events.c.id == event_id, events.c.dirty))
    if conn.dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    row = conn.execute(q).first()
    return None if row is None else (row.alerted_at, int(row.alert_count))


def mark_alerted(conn: Connection, event_id: str, now: datetime) -> None:
    conn.execute(update(events).where(events.c.id == event_id).values(
        dirty=False, alerted_at=now, alert_count=events.c.alert_count + 1))
    conn.execute(update(articles).where(articles.c.event_id == event_id)
                 .values(alerted=True))


@dataclass(frozen=True)
class Held:
    """An event with news whose update waits for events.update_every to pass."""

    event_id: str
    alerted_at: datetime  # its last alert; the update may go out update_every after it
    waiting: int  # its articles not in an alert yet
    outlet: str  # the first of them
    title: str


def held_updates(conn: Connection, alerted_after: datetime) -> list[Held]:
    """Events alerted after `alerted_after` that have news since: their update is held."""
    rows = conn.execute(
        select(events.c.id, events.c.alerted_at, func.count(articles.c.id).label("waiting"),
               func.min(articles.c.id).label("first"))
        .join(articles, articles.c.event_id == events.c.id)
        .where(events.c.dirty, events.c.alert_count > 0,
               events.c.alerted_at > alerted_after, articles.c.alerted.is_(False))
        .group_by(events.c.id, events.c.alerted_at)
        .order_by(events.c.alerted_at, events.c.id)).all()
    if not rows:
        return []
    firsts = {r.id: (r.outlet, r.title) for r in conn.execute(
        select(articles.c.id, articles.c.outlet, articles.c.title)
        .where(articles.c.id.in_([r.first for r in rows])))}
    return [Held(r.id, r.alerted_at, int(r.waiting), *firsts[r.first]) for r in rows]
