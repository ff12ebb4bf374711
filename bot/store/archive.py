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
    exists,
    insert,
    select,
    table,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.expression import Exists
from sqlalchemy.sql.selectable import TextualSelect

from bot.store.tables import archive, archive_tags, archive_topics, events

__all__ = ["MAX_TERMS", "fts_count", "fts_has", "fts_ids", "fts_rank", "record", "terms"]

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
    before: set[str] = set()
    if row_id is None:
        key = conn.execute(insert(archive).values(
            event_id=event_id, alert_id=alert_id, happened=happened, first_seen=first_seen,
            updated=now)).inserted_primary_key
        assert key is not None  # an INSERT of one row always has one
        row_id = int(key[0])
    else:
        conn.execute(update(archive).where(archive.c.id == row_id).values(
            alert_id=alert_id, happened=happened, updated=now))
        before = set(conn.execute(select(archive_tags.c.value).where(
            archive_tags.c.archive_id == row_id, archive_tags.c.kind == "topic")).scalars())
        conn.execute(delete(archive_tags).where(archive_tags.c.archive_id == row_id))
    tags = {("topic", str(r).lower()[:100]) for r in payload.get("rules", ())}
    facts = payload.get("facts") or {}
    tags |= {("country", str(c).lower()[:100]) for c in facts.get("countries", ())}
    if tags:
        conn.execute(insert(archive_tags), [
            {"archive_id": row_id, "kind": kind, "value": value, "happened": happened,
             "first_seen": first_seen} for kind, value in sorted(tags)])
    _count_topics(conn, before, {value for kind, value in tags if kind == "topic"})
    _index_text(conn, row_id, _document(payload))


def _count_topics(conn: Connection, before: set[str], after: set[str]) -> None:
    for topic, step in sorted([(t, 1) for t in after - before] +
                              [(t, -1) for t in before - after]):
        upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        stmt = upsert(archive_topics).values(topic=topic, events=max(step, 0))
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[archive_topics.c.topic],
            set_={"events": archive_topics.c.events + step}))


def terms(q: str) -> list[str]:
    """The words of a search, lower-cased, at most MAX_TERMS: what both engines look up."""
    return [w.lower() for w in _WORD.findall(q)][:MAX_TERMS]


def fts_ids(conn: Connection, words: list[str]) -> TextualSelect:
    """A sub-select of the archive ids whose text holds every word."""
    return _match(conn, words, "SELECT rowid FROM archive_fts WHERE {match}").columns(
        column("rowid", Integer))


def fts_count(conn: Connection, words: list[str]) -> int:
    """How many archive rows hold every word (the index alone: no row is read)."""
    counted = _match(conn, words, "SELECT count(*) FROM archive_fts WHERE {match}")
    return int(conn.execute(counted).scalar_one())


def fts_has(conn: Connection, words: list[str], ident: Any) -> Exists:
    """Whether the archive row `ident` holds every word: a probe per row, for walking an
    index in order when most rows match (a sub-select of all matches would cost more)."""
    fts = table("archive_fts", column("rowid", Integer))
    condition = _match(conn, words, "{match}")
    return exists().where(fts.c.rowid == ident, condition)


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

