"""The archive: one row per alerted event, written with each alert, and its full text.

The row points at the event's latest alert (whose payload is what pages show), carries the
timeline's sort keys (`happened`, `first_seen`) and is tagged with its topics and countries.
The text index is engine-specific: an FTS5 table on SQLite, a `tsvector` column with a GIN
index on PostgreSQL, both named `archive_fts` and keyed by `archive.id`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    TextClause,
    column,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.sql.selectable import TextualSelect

from bot.store.tables import alerts, archive, archive_tags, events

__all__ = ["MAX_TERMS", "fts_ids", "fts_rank", "rebuild", "record", "terms"]

MAX_TERMS = 32  # words of a search that count; more only slow the index down
_WORD = re.compile(r"\w+")


def record(conn: Connection, alert_id: int, payload: dict[str, Any], now: datetime) -> None:
    """File an alert's event in the archive (a new row, or the existing row moved on to
    this alert), in the alert's own transaction."""
    event_id = str(payload["event_id"])
    first_seen = conn.execute(select(events.c.created_at)
                              .where(events.c.id == event_id)).scalar_one()
    happened = _event_day(payload) or first_seen.date()
    row_id = conn.execute(select(archive.c.id).where(archive.c.event_id == event_id)).scalar()
    if row_id is None:
        key = conn.execute(insert(archive).values(
            event_id=event_id, alert_id=alert_id, happened=happened, first_seen=first_seen,
            updated=now)).inserted_primary_key
        assert key is not None  # an INSERT of one row always has one
        row_id = int(key[0])
    else:
        conn.execute(update(archive).where(archive.c.id == row_id).values(
            alert_id=alert_id, happened=happened, updated=now))
        conn.execute(delete(archive_tags).where(archive_tags.c.archive_id == row_id))
    tags = {("topic", str(r).lower()) for r in payload.get("rules", ())}
    facts = payload.get("facts") or {}
    tags |= {("country", str(c).lower()) for c in facts.get("countries", ())}
    if tags:
        conn.execute(insert(archive_tags), [
            {"archive_id": row_id, "kind": kind, "value": value[:100], "happened": happened,
             "first_seen": first_seen} for kind, value in sorted(tags)])
    _index_text(conn, row_id, _document(payload))


def rebuild(conn: Connection) -> int:
    """File every alerted event from its latest alert (the migration that made the archive
    runs this once for the events alerted before it). Returns how many were filed."""
    newest = (select(alerts.c.event_id, func.max(alerts.c.id)).group_by(alerts.c.event_id)
              .order_by(func.max(alerts.c.id)))
    count = 0
    for event_id, alert_id in conn.execute(newest).all():
        row = conn.execute(select(alerts.c.payload, alerts.c.created_at)
                           .where(alerts.c.id == alert_id)).one()
        record(conn, int(alert_id), {**row.payload, "event_id": event_id}, row.created_at)
        count += 1
    return count


def terms(q: str) -> list[str]:
    """The words of a search, lower-cased, at most MAX_TERMS: what both engines look up."""
    return [w.lower() for w in _WORD.findall(q)][:MAX_TERMS]


def fts_ids(conn: Connection, words: list[str]) -> TextualSelect:
    """A sub-select of the archive ids whose text holds every word."""
    return _match(conn, words, "SELECT rowid FROM archive_fts WHERE {match}").columns(
        column("rowid", Integer))


def fts_rank(conn: Connection, words: list[str], limit: int) -> list[int]:
    """The archive ids that hold every word, best match first."""
    ranked = _match(conn, words, "SELECT rowid FROM archive_fts WHERE {match} ORDER BY {rank} "
                    "LIMIT :limit").bindparams(limit=limit)
    return [int(r) for r in conn.execute(ranked).scalars()]


def _match(conn: Connection, words: list[str], sql: str) -> TextClause:
    if conn.dialect.name == "postgresql":
        return text(sql.format(match="doc @@ plainto_tsquery('english', :words)",
                               rank="ts_rank(doc, plainto_tsquery('english', :words)) DESC, "
                                    "rowid DESC")).bindparams(words=" ".join(words))
    # Each word is quoted: only \w characters, so FTS5's query syntax cannot be injected.
    query = " ".join(f'"{w}"' for w in words)
    return text(sql.format(match="archive_fts MATCH :words",
                           rank="rank, rowid DESC")).bindparams(words=query)


def _index_text(conn: Connection, row_id: int, document: str) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(
            "INSERT INTO archive_fts (rowid, doc) VALUES (:id, to_tsvector('english', :doc)) "
            "ON CONFLICT (rowid) DO UPDATE SET doc = excluded.doc"),
            {"id": row_id, "doc": document})
        return
    conn.execute(text("DELETE FROM archive_fts WHERE rowid = :id"), {"id": row_id})
    conn.execute(text("INSERT INTO archive_fts (rowid, doc) VALUES (:id, :doc)"),
                 {"id": row_id, "doc": document})


def _document(payload: dict[str, Any]) -> str:
    """What a search looks in: the title, summary, topics, facts and the sources' titles
    and outlets."""
    facts = payload.get("facts") or {}
    parts: list[str] = [str(payload.get("title", "")), str(payload.get("summary", ""))]
    parts += [str(r) for r in payload.get("rules", ())]
    for key in ("countries", "people", "agreements", "exercises"):
        parts += [str(v) for v in facts.get(key, ())]
    for source in payload.get("sources", ()):
        parts += [str(source.get("title", "")), str(source.get("outlet", ""))]
    return "\n".join(p for p in parts if p)


def _event_day(payload: dict[str, Any]) -> date | None:
    value = (payload.get("facts") or {}).get("date")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None

