"""The archive of alerted events (pages, feeds, the JSON API, Telegram look-ups), its
full-text index, and the chats that asked for a digest. Events alerted before this
revision are filed from their latest alert.

The filing is frozen here as it was written with this revision (tables as they stood,
the search document, the event's day): later changes to the application's archive code
must not change what this migration does to a database that is upgraded through it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id"), nullable=False),
        sa.Column("happened", sa.Date, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
    )
    op.create_index("uq_archive_event", "archive", ["event_id"], unique=True)
    op.create_index("ix_archive_timeline", "archive", ["happened", "first_seen", "id"])
    op.create_index("ix_archive_updated", "archive", ["updated"])
    op.create_table(
        "archive_tags",
        sa.Column("archive_id", sa.Integer, sa.ForeignKey("archive.id"), primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("value", sa.String(100), primary_key=True),
        sa.Column("happened", sa.Date, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
    )
    op.create_index("ix_archive_tags_timeline", "archive_tags",
                    ["kind", "value", "happened", "first_seen", "archive_id"])
    op.create_table(
        "archive_topics",
        sa.Column("topic", sa.String(100), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE TABLE archive_fts (rowid INTEGER PRIMARY KEY "
                   "REFERENCES archive (id), doc TSVECTOR NOT NULL)")
        op.execute("CREATE INDEX ix_archive_fts_doc ON archive_fts USING GIN (doc)")
    else:
        # Porter stemming (as PostgreSQL's 'english'): "exercises" finds "exercise".
        op.execute("CREATE VIRTUAL TABLE archive_fts USING fts5(doc, "
                   "tokenize = 'porter unicode61 remove_diacritics 2')")
    op.create_table(
        "digests",
        sa.Column("chat_id", sa.BigInteger, primary_key=True),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("last_sent", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    _file_alerted_events(op.get_bind())


def downgrade() -> None:
    op.drop_table("digests")
    op.execute("DROP TABLE archive_fts")
    op.drop_table("archive_topics")
    op.drop_table("archive_tags")
    op.drop_table("archive")


# The tables as this revision leaves them: only the columns the filing reads or writes.
_events = sa.table("events", sa.column("id", sa.String), sa.column("created_at", sa.DateTime))
_alerts = sa.table("alerts", sa.column("id", sa.Integer), sa.column("event_id", sa.String),
                   sa.column("payload", sa.JSON), sa.column("created_at", sa.DateTime))
_archive = sa.table("archive", sa.column("id", sa.Integer), sa.column("event_id", sa.String),
                    sa.column("alert_id", sa.Integer), sa.column("happened", sa.Date),
                    sa.column("first_seen", sa.DateTime), sa.column("updated", sa.DateTime))
_archive_tags = sa.table("archive_tags", sa.column("archive_id", sa.Integer),
                         sa.column("kind", sa.String), sa.column("value", sa.String),
                         sa.column("happened", sa.Date), sa.column("first_seen", sa.DateTime))
_archive_topics = sa.table("archive_topics", sa.column("topic", sa.String),
                           sa.column("events", sa.Integer))


def _file_alerted_events(conn: sa.Connection) -> None:
    """One archive row for each event alerted so far, from its latest alert, in the order
    of those alerts: tagged with its topics and countries, counted under each topic, and
    indexed for search."""
    newest = (sa.select(_alerts.c.event_id, sa.func.max(_alerts.c.id))
              .group_by(_alerts.c.event_id).order_by(sa.func.max(_alerts.c.id)))
    topics: Counter[str] = Counter()
    for event_id, alert_id in conn.execute(newest).all():
        alert = conn.execute(sa.select(_alerts.c.payload, _alerts.c.created_at)
                             .where(_alerts.c.id == alert_id)).one()
        payload = alert.payload
        first_seen = conn.execute(sa.select(_events.c.created_at)
                                  .where(_events.c.id == event_id)).scalar_one()
        happened = _event_day(payload) or first_seen.date()
        key = conn.execute(sa.insert(_archive).values(
            event_id=event_id, alert_id=alert_id, happened=happened, first_seen=first_seen,
            updated=alert.created_at).returning(_archive.c.id)).scalar_one()
        tags = {("topic", str(r).lower()[:100]) for r in payload.get("rules", ())}
        facts = payload.get("facts") or {}
        tags |= {("country", str(c).lower()[:100]) for c in facts.get("countries", ())}
        if tags:
            conn.execute(sa.insert(_archive_tags), [
                {"archive_id": key, "kind": kind, "value": value, "happened": happened,
                 "first_seen": first_seen} for kind, value in sorted(tags)])
        topics.update(value for kind, value in tags if kind == "topic")
        doc = ("to_tsvector('english', :doc)" if conn.dialect.name == "postgresql"
               else ":doc")
        conn.execute(sa.text(f"INSERT INTO archive_fts (rowid, doc) VALUES (:id, {doc})"),
                     {"id": key, "doc": _document(payload)})
    if topics:
        conn.execute(sa.insert(_archive_topics), [
            {"topic": topic, "events": n} for topic, n in sorted(topics.items())])


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
