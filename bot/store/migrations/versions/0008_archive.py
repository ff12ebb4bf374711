"""The archive of alerted events (pages, feeds, the JSON API, Telegram look-ups), its
full-text index, and the chats that asked for a digest. Events alerted before this
revision are filed from their latest alert.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.archive import rebuild

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
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("digests")
    op.execute("DROP TABLE archive_fts")
    op.drop_table("archive_topics")
    op.drop_table("archive_tags")
    op.drop_table("archive")
