"""Reading the archive: the timeline with its filters, one event with its alert history,
topics with counts, the best matches of a search, the latest changes (feeds) and the
events first seen in a period (digests). Read-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Select, exists, func, select
from sqlalchemy.sql.elements import ColumnElement

from bot.models import Alert
from bot.store.archive import fts_count, fts_has, fts_ids, fts_rank, terms
from bot.store.tables import alerts, archive, archive_tags, archive_topics

__all__ = [
    "ArchivedEvent",
    "EventHistory",
    "HistoryItem",
    "TimelineQuery",
    "best",
    "between",
    "by_id",
    "latest",
    "timeline",
    "topic_counts",
]


@dataclass(frozen=True)
class TimelineQuery:
    """The timeline's filters; topic and country are compared lower-cased."""

    topic: str | None = None
    country: str | None = None
    since: date | None = None  # the event's date, inclusive
    until: date | None = None
    q: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class ArchivedEvent:
    event_id: str
    alert_id: int  # the latest alert's outbox id
    alert: Alert  # the latest alert
    payload: dict[str, Any]  # its JSON, as the jsonl channel wrote it
    happened: date
    first_seen: datetime
    updated: datetime

    def to_json(self) -> dict[str, Any]:
        """The JSONL alert shape plus when the event was first seen and last updated."""
        return {**self.payload, "alert_id": self.alert_id,
                "first_seen": self.first_seen.isoformat() + "Z",
                "updated": self.updated.isoformat() + "Z"}


@dataclass(frozen=True)
class HistoryItem:
    action: Literal["new", "update"]
    at: datetime
    sources: int


@dataclass(frozen=True)
class EventHistory:
    event: ArchivedEvent
    alerts: tuple[HistoryItem, ...]


def _columns() -> Select[Any]:
    return (select(archive.c.event_id, archive.c.alert_id, archive.c.happened,
                   archive.c.first_seen, archive.c.updated, alerts.c.payload)
            .join(alerts, alerts.c.id == archive.c.alert_id))


def _row(r: Any) -> ArchivedEvent:
    payload = dict(r.payload)
    return ArchivedEvent(event_id=r.event_id, alert_id=int(r.alert_id),
                         alert=Alert.from_json(payload), payload=payload,
                         happened=r.happened, first_seen=r.first_seen, updated=r.updated)


def _tagged(ident: Any, kind: str, value: str) -> ColumnElement[bool]:
    other = archive_tags.alias(f"has_{kind}")
    return exists().where(other.c.archive_id == ident, other.c.kind == kind,
                          other.c.value == value.lower())


# How a search's page is read, by how many events hold its words (measured at 100,000
# events, bench/bench_archive.py): below SORT_MATCHES the matches are looked up and sorted;
# from there the timeline's index is walked in order and each row checked against the
# matches' list; from PROBE_MATCHES on (most of the archive) building that list costs more
# than probing the text index for the few hundred rows a page needs.
SORT_MATCHES = 2_000
PROBE_MATCHES = 40_000


def timeline(conn: Connection, query: TimelineQuery) -> tuple[list[ArchivedEvent], int]:
    """One page of the timeline, newest first, and how many events the filters keep.

    With a topic (else a country) the page is read off that tag's index in timeline order,
    the other filters checked along it; without, off the archive's timeline index. Only
    the page's rows are then joined to their alerts' payloads.
    """
    drive = ("topic", query.topic) if query.topic else (
        ("country", query.country) if query.country else None)
    conds: list[ColumnElement[bool]] = []
    if drive is None:
        source: Any = archive
        ident, keys = archive.c.id, (archive.c.happened, archive.c.first_seen, archive.c.id)
    else:
        source = archive_tags.alias("tag")
        ident = source.c.archive_id
        keys = (source.c.happened, source.c.first_seen, source.c.archive_id)
        conds += [source.c.kind == drive[0], source.c.value == drive[1].lower()]
    if query.topic and query.country:
        conds.append(_tagged(ident, "country", query.country))
    if query.since is not None:
        conds.append(keys[0] >= query.since)
    if query.until is not None:
        conds.append(keys[0] <= query.until)
    words = terms(query.q or "")
    matches = fts_count(conn, words) if words else None
    if matches is not None and not conds:
        total = matches  # the text index alone knows
    else:
        matching = [ident.in_(fts_ids(conn, words))] if words else []
        total = int(conn.execute(select(func.count()).select_from(source)
                                 .where(*conds, *matching)).scalar_one())
    if total <= query.offset:
        return [], total
    if matches is not None:
        conds.append(fts_has(conn, words, ident) if matches >= PROBE_MATCHES
                     else ident.in_(fts_ids(conn, words)))
    page = (select(ident).select_from(source).where(*conds)
            .order_by(*(k.desc() for k in keys)).limit(query.limit).offset(query.offset))
    if matches is not None and matches >= SORT_MATCHES and drive is None:
        page = page.with_hint(archive, "INDEXED BY ix_archive_timeline", "sqlite")
    ids = [int(i) for i in conn.execute(page).scalars()]
    found = {r.id: r for r in conn.execute(_columns().add_columns(archive.c.id)
                                           .where(archive.c.id.in_(ids)))}
    return [_row(found[i]) for i in ids if i in found], total


def by_id(conn: Connection, event_id: str) -> EventHistory | None:
    row = conn.execute(_columns().where(archive.c.event_id == event_id)).first()
    if row is None:
        return None
    history = conn.execute(select(alerts.c.action, alerts.c.created_at, alerts.c.payload)
                           .where(alerts.c.event_id == event_id).order_by(alerts.c.id)).all()
    items = tuple(HistoryItem(action="new" if h.action == "new" else "update",
                              at=h.created_at, sources=len(h.payload.get("sources", ())))
                  for h in history)
    return EventHistory(event=_row(row), alerts=items)


def topic_counts(conn: Connection) -> list[tuple[str, int]]:
    rows = conn.execute(select(archive_topics.c.topic, archive_topics.c.events)
                        .where(archive_topics.c.events > 0).order_by(archive_topics.c.topic))
    return [(str(t), int(n)) for t, n in rows]


def best(conn: Connection, q: str, limit: int = 5) -> list[ArchivedEvent]:
    """The events that hold every word of `q`, best match first."""
    words = terms(q)
    if not words:
        return []
    ids = fts_rank(conn, words, limit)
    if not ids:
        return []
    found = {r.id: r for r in conn.execute(_columns().add_columns(archive.c.id)
                                           .where(archive.c.id.in_(ids)))}
    return [_row(found[i]) for i in ids if i in found]


def latest(conn: Connection, topic: str | None = None, limit: int = 50) -> list[ArchivedEvent]:
    """The events changed last (a feed's entries), optionally of one topic."""
    q = _columns()
    if topic is not None:
        q = q.where(_tagged(archive.c.id, "topic", topic))
    rows = conn.execute(q.order_by(archive.c.updated.desc(), archive.c.id.desc()).limit(limit))
    return [_row(r) for r in rows]


def between(conn: Connection, start: datetime, end: datetime,
            limit: int = 50) -> list[ArchivedEvent]:
    """Events first seen in [start, end) (a digest's period), newest first."""
    rows = conn.execute(_columns().where(archive.c.first_seen >= start,
                                         archive.c.first_seen < end)
                        .order_by(archive.c.first_seen.desc(), archive.c.id.desc())
                        .limit(limit))
    return [_row(r) for r in rows]
