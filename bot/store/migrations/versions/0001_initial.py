"""Initial schema: sources, entries, events, articles, alerts, deliveries.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("authority", sa.String(20), nullable=False),
        sa.Column("interval_s", sa.Float, nullable=False),
        sa.Column("links", sa.Text),
        sa.Column("query", sa.Text),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("next_due", sa.DateTime, nullable=False),
        sa.Column("last_polled", sa.DateTime),
        sa.Column("last_status", sa.String(20)),
        sa.Column("last_error", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("items_seen", sa.Integer, nullable=False),
    )
    op.create_table(
        "entries",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source_id", sa.String(100), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.DateTime),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_entries_status", "entries", ["status"])
    op.create_index("ix_entries_url", "entries", ["url"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("day", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("dirty", sa.Boolean, nullable=False),
        sa.Column("alerted_at", sa.DateTime),
        sa.Column("alert_count", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_day", "events", ["day"])
    op.create_index("ix_events_dirty", "events", ["dirty"])
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("entry_key", sa.String(64), nullable=False),
        sa.Column("source_id", sa.String(100), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("authority", sa.String(20), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.DateTime),
        sa.Column("language", sa.String(20)),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("matched", sa.JSON, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("signature", sa.JSON),
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id")),
        sa.Column("alerted", sa.Boolean, nullable=False),
    )
    op.create_index("ix_articles_event", "articles", ["event_id"])
    op.create_index("ix_articles_fetched", "articles", ["fetched_at"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_alerts_event", "alerts", ["event_id"])
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id"), nullable=False),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(300), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_try", sa.DateTime, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("message_ref", sa.Text),
        sa.Column("delivered_at", sa.DateTime),
        sa.UniqueConstraint("alert_id", "channel", name="uq_delivery_alert_channel"),
    )
    op.create_index("ix_deliveries_due", "deliveries", ["state", "next_try"])
    op.create_index("ix_deliveries_event_channel", "deliveries", ["event_id", "channel"])


def downgrade() -> None:
    for table in ("deliveries", "alerts", "articles", "events", "entries", "sources"):
        op.drop_table(table)
